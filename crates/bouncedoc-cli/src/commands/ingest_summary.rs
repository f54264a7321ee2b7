//! The closing summary of `ingest`, of files and of a mailbox alike, in the run's language:
//! what was read and recorded, the counts `parse` shows (hard and soft, reasons, who must
//! act, top domains and providers), then what the ledger holds, or after a dry run the
//! addresses that recording would suppress.

use anyhow::Result;
use bouncedoc_core::{Knowledge, Lang};
use bouncedoc_ledger::{BatchOutcome, DryRun, Ledger};

use crate::render::safe::for_person;
use crate::render::summary::{Summary, print_lines};
use crate::texts;

/// Addresses a dry run lists by name at most; the rest are counted.
const LISTED: usize = 20;

/// What a run of `ingest` did.
pub struct Closing<'a> {
    /// The language of the summary.
    pub lang: Lang,
    /// The counts of the messages read.
    pub summary: &'a Summary,
    /// The ledger's name, as shown.
    pub ledger: &'a str,
    /// The mailbox read, how many of its messages were marked, and how.
    pub mailbox: Option<(&'a str, usize, String)>,
    /// What recording did (nothing written in a dry run).
    pub recorded: BatchOutcome,
    /// What a dry run found; `None` when the events were recorded.
    pub dry_run: Option<&'a DryRun>,
}

/// The lines of the summary: the headline, then the indented details.
pub fn lines(kb: &Knowledge, ledger: &mut Ledger, c: &Closing) -> Result<(String, Vec<String>)> {
    let lang = c.lang;
    let r = c.dry_run.map_or(c.recorded, |d| d.outcome);
    let counts = texts::IngestCounts {
        messages: c.summary.messages,
        mailbox: c.mailbox.clone(),
        ledger: c.ledger,
        events: r.events,
        new_events: r.new_events,
        not_bounces: c.summary.not_bounces,
        errors: c.summary.errors,
        dry_run: c.dry_run.is_some(),
    };
    let headline = texts::ingested(lang, &counts);
    let mut details = c.summary.detail_lines(kb, lang);
    let held = ledger.counts()?;
    match c.dry_run {
        None => details.push(texts::ledger_totals(
            lang,
            r.suppressed,
            r.updated,
            held.events,
            held.suppressions,
        )),
        Some(run) => {
            details.push(texts::would_suppress(
                lang,
                run.would_suppress.len(),
                held.events,
                held.suppressions,
            ));
            for s in run.would_suppress.iter().take(LISTED) {
                let reason = lang.pick(&kb.reason(s.reason).title);
                let item =
                    texts::would_suppress_item(lang, &s.address, reason, &s.rule.to_string());
                details.push(format!("  {}", for_person(&item)));
            }
            if run.would_suppress.len() > LISTED {
                details.push(format!(
                    "  {}",
                    texts::and_more(lang, run.would_suppress.len() - LISTED)
                ));
            }
        }
    }
    Ok((headline, details))
}

/// Prints the summary on standard error.
pub fn print(kb: &Knowledge, ledger: &mut Ledger, c: &Closing) -> Result<()> {
    let (headline, details) = lines(kb, ledger, c)?;
    print_lines(&headline, &details);
    Ok(())
}
