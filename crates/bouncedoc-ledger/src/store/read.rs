//! SettledReply the ledger back: the suppressions a filter selects, the events of an address,
//! and how much the ledger holds.

use std::collections::BTreeMap;

use crate::LedgerError;
use crate::event::normalize_address;
use crate::sql::Sql;

use super::filter::FilterSql;
use super::rows::{
    EVENT_COLUMNS, SUPPRESSION_COLUMNS, SUPPRESSION_WIDTH, UNSUPPRESSION_COLUMNS, event_from,
    suppression_from, unsuppression_from,
};
use super::state::last_unsuppress;
use super::types::{Counts, Event, Filter, Suppression, Unsuppression};

/// The suppression of an address (normalized) that is in force, if any.
pub(super) fn active_suppression(
    db: &mut dyn Sql,
    address: &str,
) -> Result<Option<Suppression>, LedgerError> {
    let filter = Filter {
        address: Some(address.to_string()),
        ..Filter::default()
    };
    Ok(suppressions(db, &filter)?.into_iter().next())
}

/// The suppressions a filter selects, oldest first, with their events and, for lifted
/// ones, the `unsuppress` that lifted them.
pub(crate) fn suppressions(
    db: &mut dyn Sql,
    filter: &Filter,
) -> Result<Vec<Suppression>, LedgerError> {
    let FilterSql {
        where_clause,
        params,
    } = FilterSql::of(filter);
    let rows = db.query(
        &format!(
            "SELECT {SUPPRESSION_COLUMNS}, {UNSUPPRESSION_COLUMNS} FROM suppressions s LEFT JOIN \
             unsuppressions u ON u.suppression_id = s.id{where_clause} ORDER BY s.since, \
             s.address, s.id"
        ),
        &params,
    )?;
    let mut out = Vec::with_capacity(rows.len());
    let mut index = BTreeMap::new();
    for row in &rows {
        let lifted = match row.opt_int(SUPPRESSION_WIDTH)? {
            Some(_) => Some(unsuppression_from(row, SUPPRESSION_WIDTH)?),
            None => None,
        };
        let suppression = suppression_from(row, lifted)?;
        index.insert(suppression.id, out.len());
        out.push(suppression);
    }
    if out.is_empty() {
        return Ok(out);
    }
    let triggers = db.query(
        &format!(
            "SELECT se.suppression_id, {EVENT_COLUMNS} FROM suppression_events se JOIN \
             suppressions s ON s.id = se.suppression_id JOIN events e ON e.id = se.event_id\
             {where_clause} ORDER BY se.suppression_id, e.occurred_at, e.message_key, \
             e.recipient_index"
        ),
        &params,
    )?;
    for row in &triggers {
        if let Some(&i) = index.get(&row.int(0)?) {
            out[i].events.push(event_from(row, 1)?);
        }
    }
    Ok(out)
}

/// The events of an address since it was last unsuppressed, oldest first.
pub(crate) fn history(db: &mut dyn Sql, address: &str) -> Result<Vec<Event>, LedgerError> {
    let address = normalize_address(address)?;
    let after = last_unsuppress(db, &address)?;
    let rows = db.query(
        &format!(
            "SELECT {EVENT_COLUMNS} FROM events e WHERE e.address = $1 AND e.occurred_at > $2 \
             ORDER BY e.occurred_at, e.message_key, e.recipient_index"
        ),
        &[address.into(), after.unwrap_or(i64::MIN).into()],
    )?;
    rows.iter().map(|r| event_from(r, 0)).collect()
}

/// The latest `unsuppress` of an address (normalized), if any, and how many of its events
/// date from before it.
pub(crate) fn latest_unsuppression(
    db: &mut dyn Sql,
    address: &str,
) -> Result<(Option<Unsuppression>, i64), LedgerError> {
    let Some(row) = db.query_opt(
        &format!(
            "SELECT {UNSUPPRESSION_COLUMNS} FROM unsuppressions u WHERE u.address = $1 ORDER BY \
             u.at DESC, u.id DESC LIMIT 1"
        ),
        &[address.into()],
    )?
    else {
        return Ok((None, 0));
    };
    let lifted = unsuppression_from(&row, 0)?;
    let before = db
        .query_opt(
            "SELECT COUNT(*) FROM events WHERE address = $1 AND occurred_at <= $2",
            &[address.into(), lifted.at.into()],
        )?
        .map_or(Ok(0), |r| r.int(0))?;
    Ok((Some(lifted), before))
}

/// How many events and active suppressions the ledger holds.
pub(crate) fn counts(db: &mut dyn Sql) -> Result<Counts, LedgerError> {
    let events = db
        .query_opt("SELECT COUNT(*) FROM events", &[])?
        .map_or(Ok(0), |r| r.int(0))?;
    let suppressions = db
        .query_opt(
            "SELECT COUNT(*) FROM suppressions WHERE lifted_at IS NULL",
            &[],
        )?
        .map_or(Ok(0), |r| r.int(0))?;
    Ok(Counts {
        events,
        suppressions,
    })
}
