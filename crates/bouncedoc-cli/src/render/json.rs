//! JSON output: the contract's objects, one per line or one document.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

/// Prints one value as pretty JSON on standard output.
pub fn print<T: Serialize>(value: &T) -> Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}
