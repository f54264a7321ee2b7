//! Recording a batch: the events inserted a chunk at a time (those recorded before are
//! left as they are), then the policy applied to every address that got a new one. Where
//! writers run at the same time (PostgreSQL), the same is done in set-based statements by
//! [`super::batched`].

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use crate::LedgerError;
use crate::event::{NewEvent, domain_of};
use crate::policy::Policy;
use crate::sql::{Param, Sql};

use super::apply::apply_policy;
use super::batched;
use super::order::{EventKey, Position};
use super::state::states_of;
use super::types::BatchOutcome;

/// Rows per `INSERT` of events: fewer round trips to the server, the same statement text
/// for every full chunk.
pub(super) const CHUNK: usize = 32;
/// The columns of `events` an `INSERT` fills.
const INSERT_COLUMNS: usize = 20;

/// The `INSERT` of `rows` events, which returns the key of each event it inserted.
fn insert_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO events (message_key, recipient_index, address, domain, occurred_at, \
         recorded_at, reply_code, status, reason, hard_bounce, retry, party, action, \
         feedback_type, provider, mta, diagnostic, message_id, original_message_id, source) \
         VALUES ",
    );
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..INSERT_COLUMNS {
            if c > 0 {
                sql.push_str(", ");
            }
            let _ = write!(sql, "${}", r * INSERT_COLUMNS + c + 1);
        }
        sql.push(')');
    }
    sql.push_str(
        " ON CONFLICT (message_key, recipient_index) DO NOTHING RETURNING message_key, \
         recipient_index",
    );
    sql
}

/// The parameters of one event in [`insert_sql`], recorded at `now`.
fn insert_params(e: &NewEvent, now: i64, params: &mut Vec<Param>) {
    params.extend([
        e.message_key.as_str().into(),
        e.recipient_index.into(),
        e.address.clone().into(),
        e.address.as_deref().and_then(domain_of).into(),
        e.occurred_at.into(),
        now.into(),
        e.reply_code.into(),
        e.status.clone().into(),
        e.reason.as_str().into(),
        e.hard_bounce.into(),
        e.retry.as_str().into(),
        e.party.as_str().into(),
        e.action.map(|a| a.as_str()).into(),
        e.feedback_type.clone().into(),
        e.provider.clone().into(),
        e.mta.clone().into(),
        e.diagnostic.as_str().into(),
        e.message_id.clone().into(),
        e.original_message_id.clone().into(),
        e.source.as_str().into(),
    ]);
}

/// The events of a batch, each once (a message read twice in one batch is recorded once,
/// like one read in two batches).
pub(super) fn unique(events: &[NewEvent]) -> Vec<&NewEvent> {
    let mut seen = HashSet::new();
    events
        .iter()
        .filter(|e| seen.insert(EventKey::of(e)))
        .collect()
}

/// The new events of each address, by their place in the policy's order.
pub(super) fn by_address(new: &[&NewEvent]) -> BTreeMap<String, Vec<Position>> {
    let mut touched: BTreeMap<String, Vec<Position>> = BTreeMap::new();
    for e in new {
        if let Some(address) = &e.address {
            touched
                .entry(address.clone())
                .or_default()
                .push(Position::of_new(e));
        }
    }
    touched
}

/// Inserts the events, each once; returns those that were new.
fn insert_new<'a>(
    db: &mut dyn Sql,
    events: &'a [NewEvent],
    now: i64,
) -> Result<Vec<&'a NewEvent>, LedgerError> {
    let unique = unique(events);
    let mut inserted: HashSet<EventKey> = HashSet::new();
    let mut params = Vec::with_capacity(CHUNK * INSERT_COLUMNS);
    for chunk in unique.chunks(CHUNK) {
        params.clear();
        for e in chunk {
            insert_params(e, now, &mut params);
        }
        for row in db.query(&insert_sql(chunk.len()), &params)? {
            inserted.insert(EventKey {
                message_key: row.text(0)?,
                recipient_index: row.int(1)?,
            });
        }
    }
    Ok(unique
        .into_iter()
        .filter(|e| inserted.contains(&EventKey::of(e)))
        .collect())
}

/// Records events and applies the policy to every address that got a new one, in the
/// caller's transaction: in set-based statements where the back end takes them
/// ([`Sql::batched`]), else row by row.
pub(crate) fn record(
    db: &mut dyn Sql,
    events: &[NewEvent],
    policy: &Policy,
    now: i64,
) -> Result<BatchOutcome, LedgerError> {
    if db.batched() {
        return batched::record(db, events, policy, now);
    }
    let new = insert_new(db, events, now)?;
    let mut outcome = BatchOutcome {
        events: events.len(),
        new_events: new.len(),
        ..BatchOutcome::default()
    };
    let touched = by_address(&new);
    let addresses: Vec<&str> = touched.keys().map(String::as_str).collect();
    let mut states = states_of(db, &addresses)?;
    for (address, news) in touched {
        let state = states.remove(&address).unwrap_or_default();
        apply_policy(db, &address, news, state, policy, now, &mut outcome)?;
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_insert_has_one_numbered_placeholder_per_value() {
        let sql = insert_sql(2);
        assert!(sql.contains("($1, $2,"), "{sql}");
        assert!(sql.contains(", ($21, "), "{sql}");
        assert!(sql.contains("$40)"), "{sql}");
        assert!(!sql.contains("$41"), "{sql}");
    }
}
