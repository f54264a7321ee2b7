//! `bouncedoc unsuppress`: lifts the suppression of an address, and keeps the act in the
//! history.

use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::Engine;
use bouncedoc_ledger::{LedgerError, OpenMode};
use clap::Args;

use super::EXIT_UNRECOGNIZED;
use super::ledger::{DatabaseArg, suppression_line};
use crate::cli::LangArg;
use crate::render::safe::for_person;

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
    #[command(flatten)]
    pub lang: LangArg,
}

/// Lifts the suppression; an address the ledger knows nothing about is said so (in the
/// locale's language) and exits 1.
pub fn run(engine: &Engine, args: &UnsuppressArgs) -> Result<ExitCode> {
    let reason = args.reason.trim();
    if reason.is_empty() {
        anyhow::bail!(crate::texts::usage::unsuppress_needs_reason());
    }
    let who = args
        .by
        .clone()
        .or_else(|| std::env::var("USER").ok())
        .filter(|w| !w.trim().is_empty())
        .unwrap_or_else(|| "unknown".to_string());
    let mut ledger = args.database.open(OpenMode::Existing)?;
    let done = match ledger.unsuppress(&args.address, reason, &who, bouncedoc_ledger::time::now()) {
        Ok(done) => done,
        Err(LedgerError::UnknownAddress(address)) => {
            let text = engine
                .knowledge()
                .label("ledger.unknown_address", args.lang.lang())
                .replace("{address}", &address);
            eprintln!("bouncedoc: {}", for_person(&text));
            return Ok(ExitCode::from(EXIT_UNRECOGNIZED));
        }
        Err(e) => return Err(e.into()),
    };
    let address = for_person(&done.record.address);
    match &done.lifted {
        Some(s) => println!(
            "{}",
            crate::texts::ledger::unsuppressed(
                args.lang.lang(),
                &address,
                Some(&suppression_line(s, args.lang.lang()))
            )
        ),
        None => println!(
            "{}",
            crate::texts::ledger::unsuppressed(args.lang.lang(), &address, None)
        ),
    }
    Ok(ExitCode::SUCCESS)
}
