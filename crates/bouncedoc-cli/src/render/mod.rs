//! Printing results: for people (`human`) and for programs (`json`).

pub mod human;
pub mod json;
pub mod records;
pub mod safe;
