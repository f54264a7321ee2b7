//! Printing results: for people (`human`) and for programs (`json`).

pub mod human;
pub mod json;
pub mod line;
pub mod logs;
pub mod output;
pub mod progress;
pub mod records;
pub mod report;
pub mod safe;
pub mod summary;
