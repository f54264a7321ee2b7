//! One module per subcommand.

pub mod check;
mod codes;
mod events;
mod explain;
pub mod ingest;
pub mod ingest_logs;
mod ingest_mailbox;
mod ingest_record;
mod ingest_summary;
mod ledger;
pub mod logs;
pub mod logs_follow;
mod mailbox_words;
mod own_database;
mod parse;
pub mod publish;
mod reasons;
pub mod report;
mod report_ledger;
mod serve;
pub mod suppressions;
pub mod unsuppress;
pub mod worker;

use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::Engine;

use crate::cli::{Cli, Command};

/// Exit status for a usage error or empty input.
pub const EXIT_USAGE: u8 = 2;
/// Exit status when nothing in the input was recognized.
pub const EXIT_UNRECOGNIZED: u8 = 1;

/// Runs one command.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let engine = Engine::new()?;
    match cli.command {
        Command::Explain(args) => explain::run(&engine, &args),
        Command::Parse(args) => parse::run(&engine, &args),
        Command::Logs(args) => logs::run(&engine, &args),
        Command::Report(args) => report::run(&engine, &args),
        Command::Codes(args) => codes::run(&engine, &args),
        Command::Reasons(args) => reasons::run(&engine, &args),
        Command::Serve(args) => serve::run(&args),
        Command::Ingest(args) => ingest::run(&engine, &args),
        Command::Check(args) => check::run(&args),
        Command::Suppressions(args) => suppressions::run(&args),
        Command::Unsuppress(args) => unsuppress::run(&engine, &args),
        Command::Publish(args) => publish::run(&args),
        Command::Worker(args) => worker::run(&engine, &args),
    }
}
