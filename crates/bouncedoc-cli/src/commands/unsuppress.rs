//! `bouncedoc unsuppress`: lifts the suppression of an address, and keeps the act in the
//! history.

use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_ledger::OpenMode;
use clap::Args;

use super::ledger::{DatabaseArg, suppression_line};

#[derive(Debug, Args)]
pub struct UnsuppressArgs {
    /// The address to mail again.
    pub address: String,
    /// Why (kept in the history).
    #[arg(long, required = true)]
    pub reason: String,
    /// Who lifts it [default: $USER].
    #[arg(long)]
    pub by: Option<String>,
    #[command(flatten)]
    pub database: DatabaseArg,
}

pub fn run(args: &UnsuppressArgs) -> Result<ExitCode> {
    let reason = args.reason.trim();
    if reason.is_empty() {
        anyhow::bail!("--reason must say why the address may be mailed again");
    }
    let who = args
        .by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|w| !w.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string());
    let mut ledger = args.database.open(OpenMode::Existing)?;
    let done = ledger.unsuppress(&args.address, reason, &who, bouncedoc_ledger::time::now())?;
    match &done.lifted {
        Some(s) => println!(
            "{}: suppression lifted (it held {}); kept in the history",
            done.record.address,
            suppression_line(s)
        ),
        None => println!(
            "{}: was not suppressed; recorded all the same: bounces before now no longer count towards a suppression",
            done.record.address
        ),
    }
    Ok(ExitCode::SUCCESS)
}
