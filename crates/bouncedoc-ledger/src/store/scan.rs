//! Reading every event back, a page at a time, in the order they were recorded (by id):
//! what a report over the whole ledger reads, with the memory of one page whatever the
//! ledger holds. Each page is its own read; a page asked for after a writer committed also
//! sees that writer's events.

use crate::LedgerError;
use crate::sql::Sql;

use super::rows::{EVENT_COLUMNS, event_from};
use super::types::Event;

/// Up to `limit` events whose id is greater than `after`, by id.
pub(crate) fn events_page(
    db: &mut dyn Sql,
    after: i64,
    limit: usize,
) -> Result<Vec<Event>, LedgerError> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let rows = db.query(
        &format!("SELECT {EVENT_COLUMNS} FROM events e WHERE e.id > $1 ORDER BY e.id LIMIT $2"),
        &[after.into(), limit.into()],
    )?;
    rows.iter().map(|r| event_from(r, 0)).collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::{Dsn, DsnRecipient};
    use crate::{Ledger, OpenMode, Policy, prepare};
    use bouncedoc_core::Engine;
    use bouncedoc_mail::record::Origin;

    /// A ledger holding `n` one-recipient bounces, each its own message.
    fn ledger_of(n: usize) -> (tempfile::TempDir, Ledger) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("l.db");
        let mut ledger = Ledger::open(db.to_str().unwrap(), OpenMode::Create).unwrap();
        let engine = Engine::new().unwrap();
        let mut events = Vec::new();
        for i in 0..n {
            let dsn = Dsn::failure(vec![DsnRecipient::failed(
                &format!("u{i}@example.org"),
                "5.1.1",
                "550 5.1.1 User unknown",
            )]);
            let origin = Origin {
                source: format!("m{i}"),
                index: None,
            };
            events.extend(prepare(&engine, origin, dsn.message().as_bytes(), 1_700_000_000).events);
        }
        ledger
            .record(&events, &Policy::default(), 1_700_000_000)
            .unwrap();
        (dir, ledger)
    }

    #[test]
    fn pages_give_every_event_once_in_recording_order() {
        let (_dir, mut ledger) = ledger_of(7);
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = ledger.events_page(after, 3).unwrap();
            assert!(page.len() <= 3);
            let Some(last) = page.last() else { break };
            after = Some(last.id);
            seen.extend(page.into_iter().map(|e| e.detail.address.unwrap()));
        }
        let expected: Vec<String> = (0..7).map(|i| format!("u{i}@example.org")).collect();
        assert_eq!(seen, expected);
        assert!(ledger.events_page(None, 0).unwrap().is_empty());
    }

    #[test]
    fn an_empty_ledger_has_no_page() {
        let (_dir, mut ledger) = ledger_of(0);
        assert!(ledger.events_page(None, 100).unwrap().is_empty());
    }
}
