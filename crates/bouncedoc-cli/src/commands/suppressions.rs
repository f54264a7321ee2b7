//! `bouncedoc suppressions`: the suppression list, filtered, for a person or for export.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::Reason;
use bouncedoc_ledger::time::{format_date, format_rfc3339, parse_when};
use bouncedoc_ledger::{Filter, OpenMode, Rule, Suppression};
use clap::{Args, ValueEnum};

use super::ledger::{DatabaseArg, event_line, localized_suppression, why_words};
use crate::cli::LangArg;
use crate::render::safe::{csv_cell, for_person};

#[derive(Debug, Args)]
pub struct SuppressionsArgs {
    #[command(flatten)]
    pub database: DatabaseArg,
    #[command(flatten)]
    pub lang: LangArg,
    /// Only addresses of this domain.
    #[arg(long)]
    pub domain: Option<String>,
    /// Only suppressions for this reason (`userunknown`, `mailboxfull`, ...).
    #[arg(long, value_parser = parse_reason)]
    pub reason: Option<Reason>,
    /// Only suppressions by this rule: hard, soft, feedback, mailboxfull, carrier.
    #[arg(long, value_parser = parse_rule)]
    pub rule: Option<Rule>,
    /// Only those suppressed at or after this date (2024-05-01, 2024-05-01T09:00:00Z, 30d).
    #[arg(long)]
    pub since: Option<String>,
    /// Only those suppressed before this date.
    #[arg(long)]
    pub until: Option<String>,
    /// Include lifted suppressions (with who lifted them, when and why).
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

/// How `suppressions` prints the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One block per address, with the bounces behind it.
    Human,
    /// One row per suppression, with a header row.
    Csv,
    /// A JSON array of suppressions, each with its events.
    Json,
}

fn parse_reason(s: &str) -> Result<Reason, String> {
    s.parse::<Reason>().map_err(|e| e.to_string())
}

fn parse_rule(s: &str) -> Result<Rule, String> {
    s.parse::<Rule>().map_err(|e| e.to_string())
}

fn csv(list: &[Suppression], lang: bouncedoc_core::Lang) -> Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    w.write_record([
        "address",
        "domain",
        "since",
        "reason",
        "rule",
        "why",
        "who",
        "events",
        "lifted_at",
        "lifted_by",
        "lifted_because",
    ])?;
    for s in list {
        let lifted = s.lifted.as_ref();
        let row = [
            s.address.as_str(),
            &s.domain,
            &format_rfc3339(s.since),
            s.reason.as_str(),
            s.rule.as_str(),
            &why_words(&s.why, lang),
            &s.who,
            &s.events.len().to_string(),
            &lifted.map_or(String::new(), |u| format_rfc3339(u.at)),
            lifted.map_or("", |u| u.who.as_str()),
            lifted.map_or("", |u| u.reason.as_str()),
        ];
        w.write_record(row.iter().map(|cell| csv_cell(cell).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

pub fn run(args: &SuppressionsArgs) -> Result<ExitCode> {
    let now = bouncedoc_ledger::time::now();
    let when = |s: &Option<String>| -> Result<Option<i64>> {
        s.as_deref()
            .map(|t| parse_when(t, now))
            .transpose()
            .with_context(crate::texts::doing::reading_a_date)
    };
    let filter = Filter {
        domain: args.domain.clone(),
        reason: args.reason,
        rule: args.rule,
        since: when(&args.since)?,
        until: when(&args.until)?,
        include_lifted: args.all,
        ..Filter::default()
    };
    let mut ledger = args.database.open(OpenMode::ReadOnly)?;
    let list = ledger.suppressions(&filter)?;
    let lang = args.lang.lang();
    match args.format {
        ListFormat::Csv => csv(&list, lang)?,
        ListFormat::Json => {
            let list: Vec<Suppression> = list
                .iter()
                .map(|s| localized_suppression(s, lang))
                .collect();
            let mut out = std::io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Human => {
            let mut out = std::io::stdout().lock();
            for s in &list {
                let line = format!(
                    "{}  {}  {:<11}  {:<14}  {}",
                    s.address,
                    format_date(s.since),
                    s.rule,
                    s.reason,
                    why_words(&s.why, lang)
                );
                writeln!(out, "{}", for_person(&line))?;
                if let Some(u) = &s.lifted {
                    let line = crate::texts::ledger::lifted(
                        lang,
                        &format_rfc3339(u.at),
                        &u.who,
                        &u.reason,
                    );
                    writeln!(out, "{}", for_person(&line))?;
                }
                for e in &s.events {
                    writeln!(out, "    {}", event_line(e, lang))?;
                }
            }
            let held = list.iter().filter(|s| s.lifted.is_none()).count();
            eprintln!("{}", crate::texts::ledger::listed(lang, list.len(), held));
        }
    }
    Ok(ExitCode::SUCCESS)
}
