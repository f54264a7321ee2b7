//! The canonical dump of a ledger, which two ledgers holding the same facts share.

use std::fmt::Write as _;

use crate::LedgerError;
use crate::sql::Sql;
use crate::time::format_rfc3339;

use super::read::suppressions;
use super::rows::{EVENT_COLUMNS, UNSUPPRESSION_COLUMNS, event_from, unsuppression_from};
use super::types::Filter;

/// The whole ledger as text, in a canonical order and without what depends on when or in
/// what order things were recorded (ids, recording times, the file an event was first read
/// from): two ledgers that hold the same facts give the same text.
pub(crate) fn snapshot(db: &mut dyn Sql) -> Result<String, LedgerError> {
    let mut out = String::new();
    let events = db.query(
        &format!("SELECT {EVENT_COLUMNS} FROM events e ORDER BY e.message_key, e.recipient_index"),
        &[],
    )?;
    for row in &events {
        let e = event_from(row, 0)?;
        let d = &e.detail;
        let _ = writeln!(
            out,
            "event {}#{} address={:?} at={} reply={:?} status={:?} reason={} hard={} retry={} \
             party={} action={:?} feedback={:?} provider={:?} mta={:?} message_id={:?} \
             original={:?} diagnostic={:?}",
            d.message_key,
            d.recipient_index,
            d.address,
            format_rfc3339(d.occurred_at),
            d.reply_code,
            d.status,
            d.reason,
            d.hard_bounce,
            d.retry,
            d.party,
            d.action.map(|a| a.as_str()),
            d.feedback_type,
            d.provider,
            d.mta,
            d.message_id,
            d.original_message_id,
            d.diagnostic,
        );
    }
    let mut lines = Vec::new();
    for s in suppressions(
        db,
        &Filter {
            include_lifted: true,
            ..Filter::default()
        },
    )? {
        let triggers: Vec<String> = s
            .events
            .iter()
            .map(|e| format!("{}#{}", e.detail.message_key, e.detail.recipient_index))
            .collect();
        lines.push(format!(
            "suppression {} {} since={} rule={} reason={} who={:?} why={:?} triggers={}",
            s.address,
            if s.lifted.is_some() {
                "lifted"
            } else {
                "active"
            },
            format_rfc3339(s.since),
            s.rule,
            s.reason,
            s.who,
            s.why,
            triggers.join(",")
        ));
    }
    for row in &db.query(
        &format!("SELECT {UNSUPPRESSION_COLUMNS} FROM unsuppressions u"),
        &[],
    )? {
        let u = unsuppression_from(row, 0)?;
        lines.push(format!(
            "unsuppression {} reason={:?} who={:?} lifted={}",
            u.address,
            u.reason,
            u.who,
            u.suppression_id.is_some()
        ));
    }
    lines.sort();
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    Ok(out)
}
