//! Rows to values: the columns each query of the ledger selects, and how a row of them
//! becomes an [`Event`], an [`EvalEvent`], a [`Suppression`] or an [`Unsuppression`].

use crate::LedgerError;
use crate::event::NewEvent;
use crate::policy::EvalEvent;
use crate::sql::Row;

use super::types::{Event, Suppression, Unsuppression};

/// The columns of an event (`events e`), in the order [`event_from`] reads them.
pub(super) const EVENT_COLUMNS: &str = "e.id, e.message_key, e.recipient_index, e.address, \
     e.occurred_at, e.recorded_at, e.reply_code, e.status, e.reason, e.hard_bounce, e.retry, \
     e.party, e.action, e.feedback_type, e.provider, e.mta, e.diagnostic, e.message_id, \
     e.original_message_id, e.source";

/// The event whose [`EVENT_COLUMNS`] start at column `at`.
pub(super) fn event_from(row: &Row, at: usize) -> Result<Event, LedgerError> {
    let c = |i: usize| at + i;
    Ok(Event {
        id: row.int(c(0))?,
        recorded_at: row.int(c(5))?,
        detail: NewEvent {
            message_key: row.text(c(1))?,
            recipient_index: row.int(c(2))?,
            address: row.opt_text(c(3))?,
            occurred_at: row.int(c(4))?,
            reply_code: row.opt_int(c(6))?,
            status: row.opt_text(c(7))?,
            reason: row.parse(c(8))?,
            hard_bounce: row.bool(c(9))?,
            retry: row.parse(c(10))?,
            party: row.parse(c(11))?,
            action: row.opt_parse(c(12))?,
            feedback_type: row.opt_text(c(13))?,
            provider: row.opt_text(c(14))?,
            mta: row.opt_text(c(15))?,
            diagnostic: row.text(c(16))?,
            message_id: row.opt_text(c(17))?,
            original_message_id: row.opt_text(c(18))?,
            source: row.text(c(19))?,
        },
    })
}

/// The columns of an event that the policy reads (`events e`), in the order [`eval_from`]
/// reads them.
pub(super) const EVAL_COLUMNS: &str = "e.id, e.occurred_at, e.message_key, e.recipient_index, \
     e.reason, e.hard_bounce, e.party, e.action, e.status, e.reply_code, e.feedback_type, \
     e.provider";

/// How many columns [`EVAL_COLUMNS`] are: a query that adds its own after them reads those
/// from here on.
pub(super) const EVAL_WIDTH: usize = 12;

/// What the policy reads of the event in a row of [`EVAL_COLUMNS`].
pub(super) fn eval_from(row: &Row) -> Result<EvalEvent, LedgerError> {
    Ok(EvalEvent {
        id: row.int(0)?,
        time: row.int(1)?,
        message_key: row.text(2)?,
        recipient_index: row.int(3)?,
        reason: row.parse(4)?,
        hard_bounce: row.bool(5)?,
        party: row.parse(6)?,
        action: row.opt_parse(7)?,
        status: row.opt_text(8)?,
        reply_code: row.opt_int(9)?,
        feedback_type: row.opt_text(10)?,
        provider: row.opt_text(11)?,
    })
}

/// The columns of a suppression (`suppressions s`), in the order [`suppression_from`]
/// reads them.
pub(super) const SUPPRESSION_COLUMNS: &str = "s.id, s.address, s.domain, s.since, s.reason, s.rule, s.why, s.who, s.created_at, \
     s.updated_at";

/// How many columns [`SUPPRESSION_COLUMNS`] are.
pub(super) const SUPPRESSION_WIDTH: usize = 10;

/// The suppression in a row of [`SUPPRESSION_COLUMNS`], without its events; `lifted` is
/// the `unsuppress` that lifted it, if any.
pub(super) fn suppression_from(
    row: &Row,
    lifted: Option<Unsuppression>,
) -> Result<Suppression, LedgerError> {
    Ok(Suppression {
        id: row.int(0)?,
        address: row.text(1)?,
        domain: row.text(2)?,
        since: row.int(3)?,
        reason: row.parse(4)?,
        rule: row.parse(5)?,
        why: row.text(6)?,
        who: row.text(7)?,
        created_at: row.int(8)?,
        updated_at: row.int(9)?,
        lifted,
        events: Vec::new(),
    })
}

/// The columns of an `unsuppress` (`unsuppressions u`), in the order
/// [`unsuppression_from`] reads them.
pub(super) const UNSUPPRESSION_COLUMNS: &str =
    "u.id, u.address, u.at, u.reason, u.who, u.suppression_id";

/// The `unsuppress` whose [`UNSUPPRESSION_COLUMNS`] start at column `at`.
pub(super) fn unsuppression_from(row: &Row, at: usize) -> Result<Unsuppression, LedgerError> {
    Ok(Unsuppression {
        id: row.int(at)?,
        address: row.text(at + 1)?,
        at: row.int(at + 2)?,
        reason: row.text(at + 3)?,
        who: row.text(at + 4)?,
        suppression_id: row.opt_int(at + 5)?,
    })
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn eval_width_counts_the_columns() {
        assert_eq!(EVAL_COLUMNS.split(',').count(), EVAL_WIDTH);
    }
}
