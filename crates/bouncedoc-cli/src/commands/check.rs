//! `bouncedoc check`: whether to mail addresses, and why not.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_ledger::time::format_rfc3339;
use bouncedoc_ledger::{OpenMode, Verdict};
use clap::{Args, ValueEnum};

use super::ledger::{DatabaseArg, PolicyArg, event_line, suppression_line};
use crate::render::safe::for_person;

/// Exit status when no address is suppressed but some should wait (a full mailbox).
pub const EXIT_WAIT: u8 = 3;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The addresses; `-` reads them from standard input, one per line.
    #[arg(required = true)]
    pub addresses: Vec<String>,
    #[command(flatten)]
    pub database: DatabaseArg,
    #[command(flatten)]
    pub policy: PolicyArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

/// How `check` prints its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One block per address: the verdict, why, the bounces it rests on.
    Human,
    /// One JSON object per address, one per line.
    Jsonl,
}

fn addresses(args: &CheckArgs) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in &args.addresses {
        if a == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("reading addresses from standard input")?;
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    out.push(line.to_string());
                }
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let addresses = addresses(args)?;
    let mut ledger = args.database.open(OpenMode::ReadOnly)?;
    let checks = ledger.check(&addresses, &policy, bouncedoc_ledger::time::now())?;
    let mut out = std::io::stdout().lock();
    let (mut suppressed, mut waiting) = (0, 0);
    for c in &checks {
        match &c.verdict {
            Verdict::Ok => {}
            Verdict::Wait { .. } => waiting += 1,
            Verdict::Suppressed { .. } => suppressed += 1,
        }
        if args.format == CheckFormat::Jsonl {
            serde_json::to_writer(&mut out, c)?;
            writeln!(out)?;
            continue;
        }
        match &c.verdict {
            Verdict::Ok => {
                let history = match (&c.last, c.bounces) {
                    (None, _) => "no bounce on record".to_string(),
                    (Some(e), n) => format!(
                        "{n} bounce{} on record, none that suppresses; last {} {}",
                        if n == 1 { "" } else { "s" },
                        format_rfc3339(e.detail.occurred_at),
                        e.detail.reason
                    ),
                };
                let line = format!("{}: ok to send ({history})", c.address);
                writeln!(out, "{}", for_person(&line))?;
            }
            Verdict::Wait { until, why } => {
                let line = format!(
                    "{}: wait until {}: {why}",
                    c.address,
                    format_rfc3339(*until)
                );
                writeln!(out, "{}", for_person(&line))?;
            }
            Verdict::Suppressed { suppression } => {
                let line = format!(
                    "{}: SUPPRESSED {}",
                    c.address,
                    suppression_line(suppression)
                );
                writeln!(out, "{}", for_person(&line))?;
                for e in &suppression.events {
                    writeln!(out, "    {}", event_line(e))?;
                }
            }
        }
    }
    Ok(if suppressed > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else if waiting > 0 {
        ExitCode::from(EXIT_WAIT)
    } else {
        ExitCode::SUCCESS
    })
}
