//! What the ledger commands (`ingest`, `check`, `suppressions`, `unsuppress`) share: which
//! ledger, which policy, and how an event or a suppression is shown.

use std::path::PathBuf;

use anyhow::{Context, Result};
use bouncedoc_ledger::time::{format_date, format_rfc3339};
use bouncedoc_ledger::{Event, Ledger, OpenMode, Policy, Suppression};
use clap::Args;

use crate::render::safe::for_person;

/// Which ledger.
#[derive(Debug, Args)]
pub struct DatabaseArg {
    /// The ledger: an SQLite file (`ingest` creates it on first use) or a PostgreSQL URL
    /// (`postgres://user@host/db`).
    #[arg(
        long,
        env = "BOUNCEDOC_DATABASE",
        default_value = "bouncedoc.db",
        value_name = "FILE|URL"
    )]
    pub database: String,
}

impl DatabaseArg {
    /// Opens the ledger (bringing its schema up to date).
    pub fn open(&self, mode: OpenMode) -> Result<Ledger> {
        Ledger::open(&self.database, mode).with_context(|| {
            format!(
                "opening the ledger {}",
                if bouncedoc_ledger::is_postgres(&self.database) {
                    "(PostgreSQL)".to_string()
                } else {
                    self.database.clone()
                }
            )
        })
    }
}

/// Which policy.
#[derive(Debug, Args)]
pub struct PolicyArg {
    /// A policy file (TOML) that overrides the built-in policy key by key; see
    /// `bouncedoc ingest --print-policy` for the built-in one, with its comments.
    #[arg(long, env = "BOUNCEDOC_POLICY", value_name = "FILE")]
    pub policy: Option<PathBuf>,
}

impl PolicyArg {
    /// The policy in force.
    pub fn load(&self) -> Result<Policy> {
        Ok(match &self.policy {
            Some(path) => Policy::load(path)?,
            None => Policy::default(),
        })
    }
}

/// One line about an event: when, what, where from (without terminal control).
pub fn event_line(e: &Event) -> String {
    let d = &e.detail;
    let mut s = format!("{} {}", format_rfc3339(d.occurred_at), d.reason);
    if let Some(st) = &d.status {
        s.push(' ');
        s.push_str(st);
    }
    if let Some(rc) = d.reply_code {
        s.push_str(&format!(" {rc}"));
    }
    s.push_str(if d.hard_bounce { " hard" } else { " soft" });
    s.push_str(&format!(" [{}]", d.source));
    let words: String = d.diagnostic.chars().take(160).collect();
    if !words.is_empty() {
        s.push_str(": ");
        s.push_str(&words);
        if d.diagnostic.chars().count() > 160 {
            s.push('…');
        }
    }
    for_person(&s).into_owned()
}

/// Why a suppression holds, in a line (without terminal control).
pub fn suppression_line(s: &Suppression) -> String {
    let line = format!(
        "since {} by rule {} ({}): {}",
        format_date(s.since),
        s.rule,
        s.who,
        s.why
    );
    for_person(&line).into_owned()
}
