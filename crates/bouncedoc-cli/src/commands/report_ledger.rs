//! `bouncedoc report --database`: the ledger's events counted as `report` counts the JSON
//! lines of `parse`, read a page at a time (the memory of one page, whatever the ledger
//! holds). A failure counts as failed, a delay warning (`delayed`) as a deferral, anything
//! else as another notice; an event's day is the UTC date of when the bounce happened.

use anyhow::{Context, Result};
use bouncedoc_ledger::time::format_date;
use bouncedoc_ledger::{Event, Ledger, OpenMode};
use bouncedoc_logs::report::{Entry, Report, State};

/// Events read per page.
const PAGE: usize = 1000;

/// The fields of an event that a report counts.
pub fn entry(event: &Event) -> Entry<'_> {
    let d = &event.detail;
    Entry {
        reason: d.reason.as_str(),
        state: State::of_action(d.action.map(|a| a.as_str())),
        party: Some(d.party.as_str()),
        hard_bounce: d.hard_bounce,
        recipient: d.address.as_deref(),
        provider: d.provider.as_deref(),
        day: Some(format_date(d.occurred_at)),
    }
}

/// Every event of the ledger `database`, counted.
pub fn count(database: &str) -> Result<Report> {
    let mut ledger = Ledger::open(database, OpenMode::ReadOnly).with_context(|| {
        if bouncedoc_ledger::is_postgres(database) {
            "opening the ledger (PostgreSQL)".to_string()
        } else {
            format!("opening the ledger {database}")
        }
    })?;
    let mut report = Report::new();
    let mut after = None;
    loop {
        let page = ledger
            .events_page(after, PAGE)
            .with_context(|| format!("reading {}", ledger.name()))?;
        let Some(last) = page.last() else {
            return Ok(report);
        };
        after = Some(last.id);
        for event in &page {
            report.push_entry(&entry(event));
        }
    }
}
