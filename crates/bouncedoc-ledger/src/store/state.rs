//! What the ledger holds of an address before a batch's new events: when it was last
//! unsuppressed, and the suppression that holds, read for many addresses in a few queries.

use std::collections::HashMap;

use crate::LedgerError;
use crate::policy::{EvalEvent, Rule};
use crate::sql::{Param, Sql};

use super::order::EventKey;
use super::rows::{EVAL_COLUMNS, eval_from};

/// What the policy needs to know of an address before its new events.
#[derive(Debug, Default)]
pub(super) struct AddressState {
    /// When it was last unsuppressed: events dated at or before this do not count.
    pub unsuppressed_at: Option<i64>,
    /// The suppression that holds, if any.
    pub held: Option<HeldSuppression>,
}

/// A suppression that holds.
#[derive(Debug)]
pub(super) struct HeldSuppression {
    /// Its id.
    pub id: i64,
    /// The rule that was met.
    pub rule: Rule,
    /// The time of the event at which the rule was met.
    pub since: i64,
    /// That event, when the suppression records it (ledgers migrated from before it did
    /// not).
    pub met_at: Option<EventKey>,
}

/// Addresses looked up per query (the list is padded to this length, so that there is one
/// statement to prepare).
const LOOKUP: usize = 64;

/// The [`AddressState`] of each address that has one (an address missing from the map has
/// neither an `unsuppress` nor a suppression that holds).
pub(super) fn states_of(
    db: &mut dyn Sql,
    addresses: &[&str],
) -> Result<HashMap<String, AddressState>, LedgerError> {
    let mut out: HashMap<String, AddressState> = HashMap::new();
    if addresses.is_empty() {
        return Ok(out);
    }
    if db.batched() {
        return states_at_once(db, addresses);
    }
    let list = (1..=LOOKUP)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    for chunk in addresses.chunks(LOOKUP) {
        let params: Vec<Param> = (0..LOOKUP)
            .map(|i| chunk[i.min(chunk.len() - 1)].into())
            .collect();
        read_states(db, &format!("IN ({list})"), &params, &mut out)?;
    }
    Ok(out)
}

/// [`states_of`] in one query over an array of the addresses: a row per address, with its
/// suppression that holds and its last `unsuppress`, each looked up by its index (a
/// lateral join: `= ANY`, or a plain join, may scan the whole table instead).
fn states_at_once(
    db: &mut dyn Sql,
    addresses: &[&str],
) -> Result<HashMap<String, AddressState>, LedgerError> {
    let list = Param::TextArray(addresses.iter().map(|a| Some(a.to_string())).collect());
    let rows = db.query(
        "SELECT q.a, s.id, s.rule, s.since, s.message_key, s.recipient_index, (SELECT \
         MAX(u.at) FROM unsuppressions u WHERE u.address = q.a) FROM unnest($1::text[]) AS \
         q(a) LEFT JOIN LATERAL (SELECT s.id, s.rule, s.since, f.message_key, \
         f.recipient_index FROM suppressions s LEFT JOIN events f ON f.id = s.event_id WHERE \
         s.address = q.a AND s.lifted_at IS NULL LIMIT 1) AS s ON true",
        &[list],
    )?;
    let mut out: HashMap<String, AddressState> = HashMap::new();
    for row in &rows {
        let held = match row.opt_int(1)? {
            None => None,
            Some(id) => Some(held_from(row, id)?),
        };
        let unsuppressed_at = row.opt_int(6)?;
        if held.is_some() || unsuppressed_at.is_some() {
            out.insert(
                row.text(0)?,
                AddressState {
                    unsuppressed_at,
                    held,
                },
            );
        }
    }
    Ok(out)
}

/// The suppression `id` that holds, from a row of its rule (column 2), time (3) and the
/// key of the event at which it was met (4 and 5).
fn held_from(row: &crate::sql::Row, id: i64) -> Result<HeldSuppression, LedgerError> {
    let met_at = match (row.opt_text(4)?, row.opt_int(5)?) {
        (Some(message_key), Some(recipient_index)) => Some(EventKey {
            message_key,
            recipient_index,
        }),
        _ => None,
    };
    Ok(HeldSuppression {
        id,
        rule: row.parse(2)?,
        since: row.int(3)?,
        met_at,
    })
}

/// Reads into `out` the states of the addresses that `matches` (`IN (...)`, over `params`)
/// selects.
fn read_states(
    db: &mut dyn Sql,
    matches: &str,
    params: &[Param],
    out: &mut HashMap<String, AddressState>,
) -> Result<(), LedgerError> {
    for row in db.query(
        &format!(
            "SELECT s.address, s.id, s.rule, s.since, f.message_key, f.recipient_index FROM \
             suppressions s LEFT JOIN events f ON f.id = s.event_id WHERE s.lifted_at IS \
             NULL AND s.address {matches}"
        ),
        params,
    )? {
        let held = held_from(&row, row.int(1)?)?;
        out.entry(row.text(0)?).or_default().held = Some(held);
    }
    for row in db.query(
        &format!(
            "SELECT address, MAX(at) FROM unsuppressions WHERE address {matches} GROUP BY \
             address"
        ),
        params,
    )? {
        out.entry(row.text(0)?).or_default().unsuppressed_at = row.opt_int(1)?;
    }
    Ok(())
}

/// The time of the address's last `unsuppress`, if any.
pub(super) fn last_unsuppress(db: &mut dyn Sql, address: &str) -> Result<Option<i64>, LedgerError> {
    db.query_opt(
        "SELECT MAX(at) FROM unsuppressions WHERE address = $1",
        &[address.into()],
    )?
    .map_or(Ok(None), |r| r.opt_int(0))
}

/// The events that triggered a suppression, in the policy's order.
pub(super) fn triggers_of(db: &mut dyn Sql, id: i64) -> Result<Vec<EvalEvent>, LedgerError> {
    db.query(
        &format!(
            "SELECT {EVAL_COLUMNS} FROM suppression_events se JOIN events e ON e.id = \
             se.event_id WHERE se.suppression_id = $1 ORDER BY e.occurred_at, e.message_key, \
             e.recipient_index"
        ),
        &[id.into()],
    )?
    .iter()
    .map(eval_from)
    .collect()
}
