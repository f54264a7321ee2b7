//! What the ledger commands (`ingest`, `check`, `suppressions`, `unsuppress`) share: which
//! ledger, which policy, and how an event or a suppression is shown.

use std::path::PathBuf;

use anyhow::{Context, Result};
use bouncedoc_core::{Knowledge, Lang};
use bouncedoc_ledger::time::{format_date, format_rfc3339};
use bouncedoc_ledger::{Check, Event, Ledger, OpenMode, Policy, Suppression, Verdict};
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
            crate::texts::doing::opening_ledger(&if bouncedoc_ledger::is_postgres(&self.database) {
                "(PostgreSQL)".to_string()
            } else {
                self.database.clone()
            })
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

/// A reason id as a person reads it in `lang`: its title, with the id after it in Japanese
/// (the id is what the JSON and the policy file say); the id alone in English.
pub fn reason_words(reason: &bouncedoc_core::Reason, lang: Lang) -> String {
    let title = Knowledge::shared()
        .ok()
        .map(|kb| lang.pick(&kb.reason(*reason).title).to_string());
    match (lang, title) {
        (Lang::Ja, Some(t)) => format!("{t}（{reason}）"),
        _ => reason.to_string(),
    }
}

/// One line about an event: when, what, where from (without terminal control).
pub fn event_line(e: &Event, lang: Lang) -> String {
    let d = &e.detail;
    let mut s = format!(
        "{} {}",
        format_rfc3339(d.occurred_at),
        reason_words(&d.reason, lang)
    );
    if let Some(st) = &d.status {
        s.push(' ');
        s.push_str(st);
    }
    if let Some(rc) = d.reply_code {
        s.push_str(&format!(" {rc}"));
    }
    s.push_str(match (lang, d.hard_bounce) {
        (Lang::Ja, true) => " ハード",
        (Lang::Ja, false) => " ソフト",
        (Lang::En, true) => " hard",
        (Lang::En, false) => " soft",
    });
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
pub fn suppression_line(s: &Suppression, lang: Lang) -> String {
    let line = crate::texts::ledger::suppression(
        lang,
        &format_date(s.since),
        &s.rule.to_string(),
        &s.who,
        &why_words(&s.why, lang),
    );
    for_person(&line).into_owned()
}

/// A suppression's or a wait's `why`, as the ledger stored it, in `lang`.
pub fn why_words(why: &str, lang: Lang) -> String {
    crate::texts::why::say(lang, why, &|r| reason_words(r, lang))
}

/// A suppression with its `why` in `lang`, for the JSON and CSV a person reads (the
/// machine fields stay as they are).
pub fn localized_suppression(s: &Suppression, lang: Lang) -> Suppression {
    Suppression {
        why: why_words(&s.why, lang),
        ..s.clone()
    }
}

/// An answer of `check` with its `why` in `lang` (the machine fields stay as they are).
pub fn localized_check(c: &Check, lang: Lang) -> Check {
    let verdict = match &c.verdict {
        Verdict::Ok => Verdict::Ok,
        Verdict::Wait { until, why } => Verdict::Wait {
            until: *until,
            why: why_words(why, lang),
        },
        Verdict::Suppressed { suppression } => Verdict::Suppressed {
            suppression: Box::new(localized_suppression(suppression, lang)),
        },
    };
    Check {
        verdict,
        ..c.clone()
    }
}
