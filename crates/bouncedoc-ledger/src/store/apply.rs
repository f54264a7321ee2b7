//! Applying the policy to an address that got new events.
//!
//! The suppression of an address is a function of its events (those dated after its last
//! `unsuppress`): the first point, in the order of [`EvalEvent::order`], at which a rule is
//! met. So that the ledger does not depend on the order events arrive in (a late bounce, two
//! ingests at once), the decision is taken again whenever a new event could change it: one
//! that sorts before the point where the address was suppressed, or any new event of an
//! address not suppressed. Only the events that can share a rule's window with a new one
//! are read (the policy's horizon around them): an earlier point could not have been met
//! without one of them, since it was not met before.
//!
//! The steps, each a function below: which new events count ([`NewEvents`]), whether the
//! suppression that holds could move ([`standing_point`]), which events to read
//! ([`Window`]), reading them until a rule is met ([`first_met`]), and writing what was
//! found ([`write_suppression`]). The batched write path ([`super::batched`]) takes the
//! same steps for many addresses at once: [`plan`] for each, the first pages of all in one
//! query, then [`met_from_first_page`] for each.

use std::fmt::Write as _;

use crate::LedgerError;
use crate::event::domain_of;
use crate::policy::{EvalEvent, Firing, Policy, Rule};
use crate::sql::{Param, Row, Sql};

use super::order::Position;
use super::record::CHUNK;
use super::rows::{EVAL_COLUMNS, eval_from};
use super::state::{AddressState, HeldSuppression, triggers_of};
use super::types::BatchOutcome;

/// Events read by the first page when the policy is applied; each further page reads twice
/// as many, up to [`MAX_PAGE`]. The rule is usually met within the first few events.
pub(super) const FIRST_PAGE: i64 = 16;
/// The most events read by one page.
const MAX_PAGE: i64 = 4096;

/// The new events of an address that count: those dated after its last `unsuppress`,
/// sorted in the policy's order; never empty.
struct NewEvents {
    first: Position,
    last: Position,
}

impl NewEvents {
    /// The new events that count, or `None` when none does.
    fn counting(mut news: Vec<Position>, unsuppressed_at: Option<i64>) -> Option<NewEvents> {
        news.retain(|n| unsuppressed_at.is_none_or(|a| n.time > a));
        news.sort();
        let last = news.pop()?;
        let first = news.into_iter().next().unwrap_or_else(|| last.clone());
        Some(NewEvents { first, last })
    }
}

/// The suppression that holds, with the point in the policy's order where its rule was met.
pub(super) struct Standing {
    id: i64,
    rule: Rule,
    met_at: Position,
}

/// Whether new events starting at `first` can move the suppression that holds: the point
/// where its rule was met, when they sort at or before it; `None` when every new event
/// comes after it, so that it stands (the common case).
fn standing_point(
    db: &mut dyn Sql,
    held: HeldSuppression,
    first: &Position,
) -> Result<Option<Standing>, LedgerError> {
    if first.time > held.since {
        return Ok(None);
    }
    let met_at = match held.met_at {
        Some(key) => Position::at(held.since, key),
        None => triggers_of(db, held.id)?
            .last()
            .map(Position::of)
            .ok_or_else(|| {
                LedgerError::Corrupt(format!("suppression {} has no triggering event", held.id))
            })?,
    };
    if *first > met_at {
        return Ok(None);
    }
    Ok(Some(Standing {
        id: held.id,
        rule: held.rule,
        met_at,
    }))
}

/// The events of an address that the policy reads again: from `from` (as far back as a new
/// event's window reaches), up to `end`.
pub(super) struct Window<'a> {
    address: &'a str,
    from: i64,
    end: WindowEnd,
}

/// Where the events read again end.
enum WindowEnd {
    /// At the point where the address was suppressed (a later point cannot replace it).
    Standing(Position),
    /// At this time: as far as a new event's window reaches.
    Time(i64),
}

impl Window<'_> {
    /// The address, the first time and the last time of a window that ends at a time
    /// (`None` when it ends where the address was suppressed).
    pub(super) fn time_bounds(&self) -> Option<(&str, i64, i64)> {
        match self.end {
            WindowEnd::Time(end) => Some((self.address, self.from, end)),
            WindowEnd::Standing(_) => None,
        }
    }

    /// The next page: at most `page` events of the window after `after` (from its start
    /// when `None`). Row values, so that both databases read the range straight off the
    /// index.
    fn page(
        &self,
        db: &mut dyn Sql,
        after: Option<&EvalEvent>,
        page: i64,
    ) -> Result<Vec<Row>, LedgerError> {
        let cursor = after.map_or(
            Position {
                time: self.from.saturating_sub(1),
                message_key: String::new(),
                recipient_index: 0,
            },
            Position::of,
        );
        let mut params: Vec<Param> = vec![
            self.address.into(),
            self.from.into(),
            cursor.time.into(),
            cursor.message_key.into(),
            cursor.recipient_index.into(),
        ];
        match &self.end {
            WindowEnd::Standing(end) => {
                params.extend([
                    end.time.into(),
                    end.message_key.as_str().into(),
                    end.recipient_index.into(),
                    page.into(),
                ]);
                db.query(
                    &format!(
                        "SELECT {EVAL_COLUMNS} FROM events e WHERE e.address = $1 AND \
                         e.occurred_at >= $2 AND (e.occurred_at, e.message_key, \
                         e.recipient_index) > ($3, $4, $5) AND (e.occurred_at, e.message_key, \
                         e.recipient_index) <= ($6, $7, $8) ORDER BY e.occurred_at, \
                         e.message_key, e.recipient_index LIMIT $9"
                    ),
                    &params,
                )
            }
            WindowEnd::Time(end) => {
                params.extend([(*end).into(), page.into()]);
                db.query(
                    &format!(
                        "SELECT {EVAL_COLUMNS} FROM events e WHERE e.address = $1 AND \
                         e.occurred_at >= $2 AND (e.occurred_at, e.message_key, \
                         e.recipient_index) > ($3, $4, $5) AND e.occurred_at <= $6 ORDER BY \
                         e.occurred_at, e.message_key, e.recipient_index LIMIT $7"
                    ),
                    &params,
                )
            }
        }
    }
}

/// The events read, and the first point among them at which a rule is met.
pub(super) struct Met {
    /// The events read, in the policy's order.
    pub events: Vec<EvalEvent>,
    /// Where a rule was first met among them.
    pub firing: Firing,
}

impl Met {
    /// The event at which the rule was met.
    pub fn at(&self) -> &EvalEvent {
        &self.events[self.firing.at]
    }

    /// The ids of the events that met the rule, in ascending order.
    pub fn trigger_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self
            .firing
            .triggers
            .iter()
            .map(|&i| self.events[i].id)
            .collect();
        ids.sort_unstable();
        ids
    }
}

/// Reads the window a page at a time, and only until a rule is met: the first point at
/// which one is met depends on nothing after it. `None` when no rule is met in it.
pub(super) fn first_met(
    db: &mut dyn Sql,
    window: &Window<'_>,
    policy: &Policy,
) -> Result<Option<Met>, LedgerError> {
    read_until_met(db, window, policy, Vec::new(), FIRST_PAGE)
}

/// [`first_met`], given the window's first page (at most [`FIRST_PAGE`] events, read by the
/// caller): the rest is read only when that page was full and met no rule.
pub(super) fn met_from_first_page(
    db: &mut dyn Sql,
    window: &Window<'_>,
    policy: &Policy,
    first: Vec<EvalEvent>,
) -> Result<Option<Met>, LedgerError> {
    let full = first.len() as i64 >= FIRST_PAGE;
    match policy.first_firing(&first) {
        Some(firing) => Ok(Some(Met {
            events: first,
            firing,
        })),
        None if full => read_until_met(db, window, policy, first, FIRST_PAGE * 2),
        None => Ok(None),
    }
}

/// Reads pages of `page` events and more after `events`, until a rule is met or the window
/// ends.
fn read_until_met(
    db: &mut dyn Sql,
    window: &Window<'_>,
    policy: &Policy,
    mut events: Vec<EvalEvent>,
    mut page: i64,
) -> Result<Option<Met>, LedgerError> {
    loop {
        let rows = window.page(db, events.last(), page)?;
        let full = rows.len() as i64 == page;
        page = (page * 2).min(MAX_PAGE);
        for row in &rows {
            events.push(eval_from(row)?);
        }
        match policy.first_firing(&events) {
            Some(firing) => return Ok(Some(Met { events, firing })),
            None if full => continue,
            None => return Ok(None),
        }
    }
}

/// What applying the policy to an address comes to before its events are read again: the
/// window to read, and the suppression that holds when the new events could move it.
pub(super) struct Planned<'a> {
    /// The events to read again.
    pub window: Window<'a>,
    /// The suppression that holds, when the new events sort before the point where its
    /// rule was met; `None` when the address is not suppressed.
    pub standing: Option<Standing>,
}

/// Applies the policy to an address that got new events (`news`, their places in the
/// policy's order), given what the ledger held of it before them (`state`). See the
/// module's documentation.
pub(super) fn apply_policy(
    db: &mut dyn Sql,
    address: &str,
    news: Vec<Position>,
    state: AddressState,
    policy: &Policy,
    now: i64,
    outcome: &mut BatchOutcome,
) -> Result<(), LedgerError> {
    let Some(planned) = plan(db, address, news, state, policy)? else {
        return Ok(());
    };
    let Some(met) = first_met(db, &planned.window, policy)? else {
        return Ok(());
    };
    write_suppression(
        db,
        address,
        planned.standing.as_ref(),
        &met,
        policy,
        now,
        outcome,
    )
}

/// The first steps of [`apply_policy`]: `None` when the new events cannot change anything
/// (none counts, or all sort after the point where the address was suppressed).
pub(super) fn plan<'a>(
    db: &mut dyn Sql,
    address: &'a str,
    news: Vec<Position>,
    state: AddressState,
    policy: &Policy,
) -> Result<Option<Planned<'a>>, LedgerError> {
    let Some(news) = NewEvents::counting(news, state.unsuppressed_at) else {
        return Ok(None);
    };
    let standing = match state.held {
        None => None,
        Some(held) => match standing_point(db, held, &news.first)? {
            Some(standing) => Some(standing),
            None => return Ok(None),
        },
    };
    let horizon = policy.horizon();
    let from = match state.unsuppressed_at {
        Some(a) => (a + 1).max(news.first.time.saturating_sub(horizon)),
        None => news.first.time.saturating_sub(horizon),
    };
    let window = Window {
        address,
        from,
        end: match &standing {
            Some(s) => WindowEnd::Standing(s.met_at.clone()),
            None => WindowEnd::Time(news.last.time.saturating_add(horizon)),
        },
    };
    Ok(Some(Planned { window, standing }))
}

/// Records what the policy found: a new suppression, or the one that holds moved to the
/// earlier point `met` (unless it is that point already, by the same rule and events).
pub(super) fn write_suppression(
    db: &mut dyn Sql,
    address: &str,
    standing: Option<&Standing>,
    met: &Met,
    policy: &Policy,
    now: i64,
    outcome: &mut BatchOutcome,
) -> Result<(), LedgerError> {
    let at = met.at();
    let trigger_ids = met.trigger_ids();
    // What an insert and an update both set, as their first parameters.
    let mut params: Vec<Param> = vec![
        at.time.into(),
        at.reason.as_str().into(),
        met.firing.rule.as_str().into(),
        policy.why(&met.firing, &met.events).into(),
        policy.who().into(),
        now.into(),
        at.id.into(),
    ];
    let id = match standing {
        Some(s) => {
            let fired_at = Position::of(at);
            if fired_at > s.met_at {
                return Ok(());
            }
            if fired_at == s.met_at && met.firing.rule == s.rule {
                let mut held_ids: Vec<i64> = triggers_of(db, s.id)?.iter().map(|e| e.id).collect();
                held_ids.sort_unstable();
                if trigger_ids == held_ids {
                    return Ok(());
                }
            }
            params.push(s.id.into());
            db.execute(
                "UPDATE suppressions SET since = $1, reason = $2, rule = $3, why = $4, who = $5, \
                 updated_at = $6, event_id = $7 WHERE id = $8",
                &params,
            )?;
            db.execute(
                "DELETE FROM suppression_events WHERE suppression_id = $1",
                &[s.id.into()],
            )?;
            outcome.updated += 1;
            s.id
        }
        None => {
            params.extend([address.into(), domain_of(address).unwrap_or("").into()]);
            let row = db.query(
                "INSERT INTO suppressions (since, reason, rule, why, who, created_at, updated_at, \
                 event_id, address, domain) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) \
                 RETURNING id",
                &params,
            )?;
            outcome.suppressed += 1;
            row.first()
                .ok_or_else(|| LedgerError::Corrupt("INSERT returned no id".into()))?
                .int(0)?
        }
    };
    link_triggers(db, id, &trigger_ids)
}

/// Records which events triggered suppression `id`.
fn link_triggers(db: &mut dyn Sql, id: i64, trigger_ids: &[i64]) -> Result<(), LedgerError> {
    for chunk in trigger_ids.chunks(CHUNK) {
        let mut sql =
            String::from("INSERT INTO suppression_events (suppression_id, event_id) VALUES ");
        let mut params: Vec<Param> = vec![id.into()];
        for (i, event_id) in chunk.iter().enumerate() {
            let _ = write!(sql, "{}($1, ${})", if i == 0 { "" } else { ", " }, i + 2);
            params.push((*event_id).into());
        }
        db.execute(&sql, &params)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::order::EventKey;

    fn at(time: i64, key: &str) -> Position {
        Position::at(
            time,
            EventKey {
                message_key: key.to_string(),
                recipient_index: 1,
            },
        )
    }

    #[test]
    fn only_events_after_the_last_unsuppress_count() {
        let news = vec![at(30, "c"), at(10, "a"), at(20, "b")];
        let n = NewEvents::counting(news.clone(), None).unwrap();
        assert_eq!((n.first, n.last), (at(10, "a"), at(30, "c")));
        let n = NewEvents::counting(news.clone(), Some(10)).unwrap();
        assert_eq!((n.first, n.last), (at(20, "b"), at(30, "c")));
        let one = NewEvents::counting(news.clone(), Some(20)).unwrap();
        assert_eq!((one.first, one.last), (at(30, "c"), at(30, "c")));
        assert!(NewEvents::counting(news, Some(30)).is_none());
    }
}
