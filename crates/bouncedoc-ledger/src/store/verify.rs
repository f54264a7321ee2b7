//! The checks of what the schema cannot enforce by itself, and of an SQLite file's own
//! integrity.

use crate::LedgerError;
use crate::sql::Sql;

/// Something that holds in a consistent ledger: a query that counts what breaks it.
struct Invariant {
    /// What the counted rows are, after their number.
    broken: &'static str,
    /// `SELECT COUNT(*)` of them.
    count_sql: &'static str,
}

const INVARIANTS: &[Invariant] = &[
    Invariant {
        broken: "suppressions without the events that triggered them",
        count_sql: "SELECT COUNT(*) FROM suppressions s WHERE NOT EXISTS (SELECT 1 FROM \
                    suppression_events se WHERE se.suppression_id = s.id)",
    },
    Invariant {
        broken: "suppressions whose rule-meeting event is not among their triggering events",
        count_sql: "SELECT COUNT(*) FROM suppressions s WHERE s.event_id IS NULL OR NOT EXISTS \
                    (SELECT 1 FROM suppression_events se WHERE se.suppression_id = s.id AND \
                    se.event_id = s.event_id)",
    },
    Invariant {
        broken: "triggering events of another address",
        count_sql: "SELECT COUNT(*) FROM suppression_events se JOIN suppressions s ON s.id = \
                    se.suppression_id JOIN events e ON e.id = se.event_id WHERE e.address <> \
                    s.address",
    },
    // The links the PostgreSQL edition no longer has foreign keys for (they are written in
    // the transaction that read what they name; see its migration 0004).
    Invariant {
        broken: "triggering events that are not in the ledger",
        count_sql: "SELECT COUNT(*) FROM suppression_events se WHERE NOT EXISTS (SELECT 1 FROM \
                    events e WHERE e.id = se.event_id)",
    },
    Invariant {
        broken: "links to suppressions that are not in the ledger",
        count_sql: "SELECT COUNT(*) FROM suppression_events se WHERE NOT EXISTS (SELECT 1 FROM \
                    suppressions s WHERE s.id = se.suppression_id)",
    },
    Invariant {
        broken: "messages recorded in part (some recipients without the others)",
        count_sql: "SELECT COUNT(*) FROM (SELECT message_key FROM events GROUP BY message_key \
                    HAVING COUNT(*) <> MAX(recipient_index)) partial",
    },
];

/// The problems found (none when the ledger is consistent); `sqlite` adds SQLite's own
/// integrity and foreign-key checks.
pub(crate) fn verify(db: &mut dyn Sql, sqlite: bool) -> Result<Vec<String>, LedgerError> {
    let mut problems = Vec::new();
    if sqlite {
        for row in db.query("PRAGMA integrity_check", &[])? {
            let text = row.text(0)?;
            if text != "ok" {
                problems.push(format!("integrity_check: {text}"));
            }
        }
        for row in db.query("PRAGMA foreign_key_check", &[])? {
            problems.push(format!("foreign key broken in {}", row.text(0)?));
        }
    }
    for invariant in INVARIANTS {
        let n = db
            .query_opt(invariant.count_sql, &[])?
            .map_or(Ok(0), |r| r.int(0))?;
        if n > 0 {
            problems.push(format!("{n} {}", invariant.broken));
        }
    }
    Ok(problems)
}
