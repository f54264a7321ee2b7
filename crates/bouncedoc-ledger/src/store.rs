//! What the ledger does, written once over [`Sql`]: recording events and applying the
//! policy, checking addresses, listing suppressions, lifting them, and the canonical dump.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use bouncedoc_core::Reason;
use serde::Serialize;

use crate::LedgerError;
use crate::event::{NewEvent, domain_of, normalize_address, storable};
use crate::policy::{EvalEvent, Policy, Rule};
use crate::sql::{Param, Row, Sql};
use crate::time::format_rfc3339;

/// A recorded event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Its id in this ledger.
    pub id: i64,
    /// When it was recorded.
    #[serde(serialize_with = "crate::time::serialize")]
    pub recorded_at: i64,
    /// What was recorded.
    #[serde(flatten)]
    pub detail: NewEvent,
}

/// A suppression: an address not to mail, why, since when, by which rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// Its id in this ledger.
    pub id: i64,
    /// The address, in lower case.
    pub address: String,
    /// Its domain.
    pub domain: String,
    /// When the address became suppressed: the time of the bounce that met the rule.
    #[serde(serialize_with = "crate::time::serialize")]
    pub since: i64,
    /// The reason of that bounce.
    pub reason: Reason,
    /// The rule that was met.
    pub rule: Rule,
    /// Why, in one sentence.
    pub why: String,
    /// Who decided: `policy:` and the policy's name.
    pub who: String,
    /// When the suppression was recorded.
    #[serde(serialize_with = "crate::time::serialize")]
    pub created_at: i64,
    /// When it was last changed (a bounce that arrived late can move `since` earlier).
    #[serde(serialize_with = "crate::time::serialize")]
    pub updated_at: i64,
    /// When it was lifted, by whom and why; `None` while it holds.
    pub lifted: Option<Unsuppression>,
    /// The events that met the rule, oldest first.
    pub events: Vec<Event>,
}

/// One `unsuppress`, kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsuppression {
    /// Its id in this ledger.
    pub id: i64,
    /// The address.
    pub address: String,
    /// When.
    #[serde(serialize_with = "crate::time::serialize")]
    pub at: i64,
    /// Why, as the person wrote it.
    pub reason: String,
    /// Who.
    pub who: String,
    /// The suppression it lifted, if the address was suppressed.
    pub suppression_id: Option<i64>,
}

/// Which suppressions to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only this address.
    pub address: Option<String>,
    /// Only addresses of this domain.
    pub domain: Option<String>,
    /// Only suppressions for this reason.
    pub reason: Option<Reason>,
    /// Only suppressions by this rule.
    pub rule: Option<Rule>,
    /// Only those suppressed at or after this time.
    pub since: Option<i64>,
    /// Only those suppressed before this time.
    pub until: Option<i64>,
    /// Lifted suppressions too, not only those that hold.
    pub include_lifted: bool,
}

/// What recording a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Events offered.
    pub events: usize,
    /// Events that were new (the rest were recorded before).
    pub new_events: usize,
    /// Addresses newly suppressed.
    pub suppressed: usize,
    /// Suppressions changed by events that arrived late.
    pub updated: usize,
}

impl BatchOutcome {
    /// Adds another batch's figures.
    pub fn add(&mut self, other: BatchOutcome) {
        self.events += other.events;
        self.new_events += other.new_events;
        self.suppressed += other.suppressed;
        self.updated += other.updated;
    }
}

/// Whether to mail an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Verdict {
    /// Mail it.
    Ok,
    /// Not yet: its mailbox was full lately (the slower schedule of the policy).
    Wait {
        /// Not before this time.
        #[serde(serialize_with = "crate::time::serialize")]
        until: i64,
        /// Why.
        why: String,
    },
    /// Do not mail it.
    Suppressed {
        /// The suppression.
        suppression: Box<Suppression>,
    },
}

/// The answer for one address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// The address, as the ledger keeps it.
    pub address: String,
    /// Whether to mail it.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// Bounces on record for it since it was last unsuppressed.
    pub bounces: i64,
    /// The latest of them.
    pub last: Option<Event>,
}

/// An `unsuppress` done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsuppressed {
    /// The history entry.
    pub record: Unsuppression,
    /// The suppression it lifted (none when the address was not suppressed: the entry is
    /// still kept, and earlier bounces no longer count).
    pub lifted: Option<Suppression>,
}

const EVENT_COLUMNS: &str = "e.id, e.message_key, e.recipient_index, e.address, e.occurred_at, \
     e.recorded_at, e.reply_code, e.status, e.reason, e.hard_bounce, e.retry, e.party, e.action, \
     e.feedback_type, e.provider, e.mta, e.diagnostic, e.message_id, e.original_message_id, \
     e.source";

fn event_from(row: &Row, at: usize) -> Result<Event, LedgerError> {
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

const EVAL_COLUMNS: &str = "e.id, e.occurred_at, e.message_key, e.recipient_index, e.reason, \
     e.hard_bounce, e.party, e.action, e.status, e.reply_code, e.feedback_type";

fn eval_from(row: &Row) -> Result<EvalEvent, LedgerError> {
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
    })
}

/// Rows per `INSERT` of events: fewer round trips to the server, the same statement text
/// for every full chunk.
const CHUNK: usize = 32;
/// The columns of `events` an `INSERT` fills.
const INSERT_COLUMNS: usize = 20;

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

/// Records events and applies the policy to every address that got a new one, in the
/// caller's transaction.
pub(crate) fn record(
    db: &mut dyn Sql,
    events: &[NewEvent],
    policy: &Policy,
    now: i64,
) -> Result<BatchOutcome, LedgerError> {
    let mut outcome = BatchOutcome {
        events: events.len(),
        ..BatchOutcome::default()
    };
    // A message read twice in one batch is recorded once, like one read in two batches.
    let mut seen = HashSet::new();
    let unique: Vec<&NewEvent> = events
        .iter()
        .filter(|e| seen.insert((e.message_key.as_str(), e.recipient_index)))
        .collect();
    let mut inserted: HashSet<(String, i64)> = HashSet::new();
    let mut params = Vec::with_capacity(CHUNK * INSERT_COLUMNS);
    for chunk in unique.chunks(CHUNK) {
        params.clear();
        for e in chunk {
            insert_params(e, now, &mut params);
        }
        for row in db.query(&insert_sql(chunk.len()), &params)? {
            inserted.insert((row.text(0)?, row.int(1)?));
        }
    }
    // The new events of each address, by their place in the policy's order.
    let mut touched: BTreeMap<String, Vec<(i64, String, i64)>> = BTreeMap::new();
    for e in unique {
        if !inserted.contains(&(e.message_key.clone(), e.recipient_index)) {
            continue;
        }
        outcome.new_events += 1;
        if let Some(address) = &e.address {
            touched.entry(address.clone()).or_default().push((
                e.occurred_at,
                e.message_key.clone(),
                e.recipient_index,
            ));
        }
    }
    let addresses: Vec<&str> = touched.keys().map(String::as_str).collect();
    let mut states = states_of(db, &addresses)?;
    for (address, news) in touched {
        let state = states.remove(&address).unwrap_or_default();
        apply_policy(db, &address, news, state, policy, now, &mut outcome)?;
    }
    Ok(outcome)
}

/// What the policy needs to know of an address before its new events: when it was last
/// unsuppressed, and the suppression that holds.
#[derive(Debug, Default)]
struct State {
    after: Option<i64>,
    held: Option<Held>,
}

/// A suppression that holds: its id, rule, since when, and the event at which its rule was
/// met (when recorded).
#[derive(Debug)]
struct Held {
    id: i64,
    rule: Rule,
    since: i64,
    at: Option<(String, i64)>,
}

/// Addresses looked up per query (the list is padded to this length, so that there is one
/// statement to prepare).
const LOOKUP: usize = 64;

/// The [`State`] of each address, a few queries for many addresses.
fn states_of(db: &mut dyn Sql, addresses: &[&str]) -> Result<HashMap<String, State>, LedgerError> {
    let mut out: HashMap<String, State> = HashMap::new();
    let list = (1..=LOOKUP)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ");
    for chunk in addresses.chunks(LOOKUP) {
        let params: Vec<Param> = (0..LOOKUP)
            .map(|i| chunk[i.min(chunk.len() - 1)].into())
            .collect();
        for row in db.query(
            &format!(
                "SELECT s.address, s.id, s.rule, s.since, f.message_key, f.recipient_index FROM \
                 suppressions s LEFT JOIN events f ON f.id = s.event_id WHERE s.lifted_at IS \
                 NULL AND s.address IN ({list})"
            ),
            &params,
        )? {
            let at = match (row.opt_text(4)?, row.opt_int(5)?) {
                (Some(key), Some(index)) => Some((key, index)),
                _ => None,
            };
            out.entry(row.text(0)?).or_default().held = Some(Held {
                id: row.int(1)?,
                rule: row.parse(2)?,
                since: row.int(3)?,
                at,
            });
        }
        for row in db.query(
            &format!(
                "SELECT address, MAX(at) FROM unsuppressions WHERE address IN ({list}) GROUP \
                 BY address"
            ),
            &params,
        )? {
            out.entry(row.text(0)?).or_default().after = row.opt_int(1)?;
        }
    }
    Ok(out)
}

/// The time of the address's last `unsuppress`, if any.
fn last_unsuppress(db: &mut dyn Sql, address: &str) -> Result<Option<i64>, LedgerError> {
    db.query_opt(
        "SELECT MAX(at) FROM unsuppressions WHERE address = $1",
        &[address.into()],
    )?
    .map_or(Ok(None), |r| r.opt_int(0))
}

/// The events that triggered a suppression, in the policy's order.
fn triggers_of(db: &mut dyn Sql, id: i64) -> Result<Vec<EvalEvent>, LedgerError> {
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

/// Events read by the first page when the policy is applied; each further page reads twice
/// as many, up to [`MAX_PAGE`]. The rule is usually met within the first few events.
const FIRST_PAGE: i64 = 16;
/// The most events read by one page.
const MAX_PAGE: i64 = 4096;

/// Applies the policy to an address that got new events.
///
/// The suppression of an address is a function of its events (those dated after its last
/// `unsuppress`): the first point, in the order of [`EvalEvent::order`], at which a rule is
/// met. So that the ledger does not depend on the order events arrive in (a late bounce, two
/// ingests at once), the decision is taken again whenever a new event could change it: one
/// that sorts before the point where the address was suppressed, or any new event of an
/// address not suppressed. Only the events that can share a rule's window with a new one
/// are read (the policy's horizon around them): an earlier point could not have been met
/// without one of them, since it was not met before.
fn apply_policy(
    db: &mut dyn Sql,
    address: &str,
    mut news: Vec<(i64, String, i64)>,
    state: State,
    policy: &Policy,
    now: i64,
    outcome: &mut BatchOutcome,
) -> Result<(), LedgerError> {
    let after = state.after;
    news.retain(|n| after.is_none_or(|a| n.0 > a));
    news.sort();
    let (Some(first), Some(last)) = (news.first(), news.last()) else {
        return Ok(());
    };
    // The suppression that holds: its id, rule, and where in the policy's order it was met.
    let held = match state.held {
        None => None,
        Some(Held {
            id,
            rule,
            since,
            at,
        }) => {
            // Every new event comes after the point where the address was suppressed: that
            // point stands (the common case).
            if first.0 > since {
                return Ok(());
            }
            let at = match at {
                Some((key, index)) => (since, key, index),
                None => triggers_of(db, id)?
                    .last()
                    .map(|e| (e.time, e.message_key.clone(), e.recipient_index))
                    .ok_or_else(|| {
                        LedgerError::Corrupt(format!("suppression {id} has no triggering event"))
                    })?,
            };
            if (first.0, &first.1, first.2) > (at.0, &at.1, at.2) {
                return Ok(());
            }
            Some((id, rule, at))
        }
    };
    let held_at = held.as_ref().map(|(_, _, at)| at.clone());
    let horizon = policy.horizon();
    let from = match after {
        Some(a) => (a + 1).max(first.0.saturating_sub(horizon)),
        None => first.0.saturating_sub(horizon),
    };
    // From as far back as a new event's window reaches, up to the point where the address
    // was suppressed (a later point cannot replace it) or as far as a new event can reach;
    // read a page at a time, and only until a rule is met: the first point at which one is
    // met depends on nothing after it.
    let mut events: Vec<EvalEvent> = Vec::new();
    let mut page = FIRST_PAGE;
    let firing = loop {
        let (a, b, c) = events
            .last()
            .map_or((from.saturating_sub(1), String::new(), 0), |e| {
                (e.time, e.message_key.clone(), e.recipient_index)
            });
        // Row values, so that both databases read the range straight off the index.
        let rows = match &held_at {
            Some((time, key, index)) => db.query(
                &format!(
                    "SELECT {EVAL_COLUMNS} FROM events e WHERE e.address = $1 AND \
                     e.occurred_at >= $2 AND (e.occurred_at, e.message_key, e.recipient_index) \
                     > ($3, $4, $5) AND (e.occurred_at, e.message_key, e.recipient_index) <= \
                     ($6, $7, $8) ORDER BY e.occurred_at, e.message_key, e.recipient_index \
                     LIMIT $9"
                ),
                &[
                    address.into(),
                    from.into(),
                    a.into(),
                    b.into(),
                    c.into(),
                    (*time).into(),
                    key.as_str().into(),
                    (*index).into(),
                    page.into(),
                ],
            )?,
            None => db.query(
                &format!(
                    "SELECT {EVAL_COLUMNS} FROM events e WHERE e.address = $1 AND \
                     e.occurred_at >= $2 AND (e.occurred_at, e.message_key, e.recipient_index) \
                     > ($3, $4, $5) AND e.occurred_at <= $6 ORDER BY e.occurred_at, \
                     e.message_key, e.recipient_index LIMIT $7"
                ),
                &[
                    address.into(),
                    from.into(),
                    a.into(),
                    b.into(),
                    c.into(),
                    last.0.saturating_add(horizon).into(),
                    page.into(),
                ],
            )?,
        };
        let full = rows.len() as i64 == page;
        page = (page * 2).min(MAX_PAGE);
        for row in &rows {
            events.push(eval_from(row)?);
        }
        match policy.first_firing(&events) {
            Some(f) => break f,
            None if full => continue,
            None => return Ok(()),
        }
    };
    let at = &events[firing.at];
    let mut trigger_ids: Vec<i64> = firing.triggers.iter().map(|&i| events[i].id).collect();
    trigger_ids.sort_unstable();
    let why = policy.why(&firing, &events);
    let id = match &held {
        Some((id, rule, h)) => {
            let fired_at = (at.time, at.message_key.clone(), at.recipient_index);
            if fired_at > *h {
                return Ok(());
            }
            if fired_at == *h && firing.rule == *rule {
                let mut held_ids: Vec<i64> = triggers_of(db, *id)?.iter().map(|e| e.id).collect();
                held_ids.sort_unstable();
                if trigger_ids == held_ids {
                    return Ok(());
                }
            }
            db.execute(
                "UPDATE suppressions SET since = $1, reason = $2, rule = $3, why = $4, who = $5, \
                 updated_at = $6, event_id = $7 WHERE id = $8",
                &[
                    at.time.into(),
                    at.reason.as_str().into(),
                    firing.rule.as_str().into(),
                    why.into(),
                    policy.who().into(),
                    now.into(),
                    at.id.into(),
                    (*id).into(),
                ],
            )?;
            db.execute(
                "DELETE FROM suppression_events WHERE suppression_id = $1",
                &[(*id).into()],
            )?;
            outcome.updated += 1;
            *id
        }
        None => {
            let row = db.query(
                "INSERT INTO suppressions (address, domain, since, reason, rule, why, who, \
                 created_at, updated_at, event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, \
                 $9) RETURNING id",
                &[
                    address.into(),
                    domain_of(address).unwrap_or("").into(),
                    at.time.into(),
                    at.reason.as_str().into(),
                    firing.rule.as_str().into(),
                    why.into(),
                    policy.who().into(),
                    now.into(),
                    at.id.into(),
                ],
            )?;
            outcome.suppressed += 1;
            row.first()
                .ok_or_else(|| LedgerError::Corrupt("INSERT returned no id".into()))?
                .int(0)?
        }
    };
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

/// Adds a condition with its parameter, numbering placeholders from 1.
fn cond(clauses: &mut Vec<String>, params: &mut Vec<Param>, sql: &str, value: Param) {
    params.push(value);
    clauses.push(sql.replace('?', &format!("${}", params.len())));
}

fn filter_sql(filter: &Filter) -> (String, Vec<Param>) {
    let mut clauses = Vec::new();
    let mut params = Vec::new();
    if let Some(a) = &filter.address {
        cond(
            &mut clauses,
            &mut params,
            "s.address = ?",
            normalize_address(a).into(),
        );
    }
    if let Some(d) = &filter.domain {
        let d = d.trim().trim_start_matches('@').to_lowercase();
        cond(&mut clauses, &mut params, "s.domain = ?", d.into());
    }
    if let Some(r) = filter.reason {
        cond(&mut clauses, &mut params, "s.reason = ?", r.as_str().into());
    }
    if let Some(r) = filter.rule {
        cond(&mut clauses, &mut params, "s.rule = ?", r.as_str().into());
    }
    if let Some(t) = filter.since {
        cond(&mut clauses, &mut params, "s.since >= ?", t.into());
    }
    if let Some(t) = filter.until {
        cond(&mut clauses, &mut params, "s.since < ?", t.into());
    }
    if !filter.include_lifted {
        clauses.push("s.lifted_at IS NULL".into());
    }
    let sql = if clauses.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", clauses.join(" AND "))
    };
    (sql, params)
}

fn unsuppression_from(row: &Row, at: usize) -> Result<Unsuppression, LedgerError> {
    Ok(Unsuppression {
        id: row.int(at)?,
        address: row.text(at + 1)?,
        at: row.int(at + 2)?,
        reason: row.text(at + 3)?,
        who: row.text(at + 4)?,
        suppression_id: row.opt_int(at + 5)?,
    })
}

/// The suppression of an address (normalized) that is in force, if any.
fn active_suppression(db: &mut dyn Sql, address: &str) -> Result<Option<Suppression>, LedgerError> {
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
    let (sql, params) = filter_sql(filter);
    let rows = db.query(
        &format!(
            "SELECT s.id, s.address, s.domain, s.since, s.reason, s.rule, s.why, s.who, \
             s.created_at, s.updated_at, u.id, u.address, u.at, u.reason, u.who, \
             u.suppression_id FROM suppressions s LEFT JOIN unsuppressions u ON \
             u.suppression_id = s.id{sql} ORDER BY s.since, s.address, s.id"
        ),
        &params,
    )?;
    let mut out = Vec::with_capacity(rows.len());
    let mut index = BTreeMap::new();
    for row in &rows {
        let lifted = match row.opt_int(10)? {
            Some(_) => Some(unsuppression_from(row, 10)?),
            None => None,
        };
        index.insert(row.int(0)?, out.len());
        out.push(Suppression {
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
        });
    }
    if out.is_empty() {
        return Ok(out);
    }
    let triggers = db.query(
        &format!(
            "SELECT se.suppression_id, {EVENT_COLUMNS} FROM suppression_events se JOIN \
             suppressions s ON s.id = se.suppression_id JOIN events e ON e.id = se.event_id\
             {sql} ORDER BY se.suppression_id, e.occurred_at, e.message_key, e.recipient_index"
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
    let address = normalize_address(address);
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

/// Whether to mail each address.
pub(crate) fn check(
    db: &mut dyn Sql,
    addresses: &[String],
    policy: &Policy,
    now: i64,
) -> Result<Vec<Check>, LedgerError> {
    let mut out = Vec::with_capacity(addresses.len());
    for raw in addresses {
        let address = normalize_address(raw);
        let held = active_suppression(db, &address)?;
        let events = history(db, &address)?;
        let wait = policy.mailboxfull.enabled && policy.mailboxfull.retry_interval_hours > 0;
        let last_full = events
            .iter()
            .rev()
            .find(|e| e.detail.reason == Reason::MailboxFull);
        let verdict = match (held, last_full) {
            (Some(s), _) => Verdict::Suppressed {
                suppression: Box::new(s),
            },
            (None, Some(e)) if wait => {
                let until = e.detail.occurred_at
                    + i64::from(policy.mailboxfull.retry_interval_hours) * 3600;
                if until > now {
                    let count = events
                        .iter()
                        .filter(|e| e.detail.reason == Reason::MailboxFull)
                        .count();
                    Verdict::Wait {
                        until,
                        why: format!(
                            "mailbox full ({count} on record, last {}): retry after {} hours",
                            format_rfc3339(e.detail.occurred_at),
                            policy.mailboxfull.retry_interval_hours
                        ),
                    }
                } else {
                    Verdict::Ok
                }
            }
            _ => Verdict::Ok,
        };
        out.push(Check {
            address,
            verdict,
            bounces: events.len() as i64,
            last: events.last().cloned(),
        });
    }
    Ok(out)
}

/// Lifts the suppression of an address, and keeps the act in the history.
pub(crate) fn unsuppress(
    db: &mut dyn Sql,
    address: &str,
    reason: &str,
    who: &str,
    now: i64,
) -> Result<Unsuppressed, LedgerError> {
    let address = normalize_address(address);
    let (reason, who) = (storable(reason), storable(who));
    let (reason, who) = (reason.as_str(), who.as_str());
    let lifted = active_suppression(db, &address)?;
    if let Some(s) = &lifted {
        db.execute(
            "UPDATE suppressions SET lifted_at = $1 WHERE id = $2",
            &[now.into(), s.id.into()],
        )?;
    }
    let suppression_id = lifted.as_ref().map(|s| s.id);
    let row = db.query(
        "INSERT INTO unsuppressions (address, at, reason, who, suppression_id) VALUES ($1, $2, \
         $3, $4, $5) RETURNING id",
        &[
            address.as_str().into(),
            now.into(),
            reason.into(),
            who.into(),
            suppression_id.into(),
        ],
    )?;
    let id = row
        .first()
        .ok_or_else(|| LedgerError::Corrupt("INSERT returned no id".into()))?
        .int(0)?;
    Ok(Unsuppressed {
        record: Unsuppression {
            id,
            address,
            at: now,
            reason: reason.to_string(),
            who: who.to_string(),
            suppression_id,
        },
        lifted,
    })
}

/// The whole ledger as text, in a canonical order and without what depends on when or in
/// what order things were recorded (ids, recording times, the file an event was first read
/// from): two ledgers that hold the same facts give the same text.
pub(crate) fn snapshot(db: &mut dyn Sql) -> Result<String, LedgerError> {
    let mut out = String::new();
    let events = db.query(
        &format!("SELECT {EVENT_COLUMNS} FROM events e ORDER BY e.message_key, e.recipient_index"),
        &[],
    )?;
    let mut keys = BTreeMap::new();
    for row in &events {
        let e = event_from(row, 0)?;
        let d = &e.detail;
        keys.insert(e.id, format!("{}#{}", d.message_key, d.recipient_index));
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
        "SELECT id, address, at, reason, who, suppression_id FROM unsuppressions",
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

/// How many events and active suppressions the ledger holds.
pub(crate) fn counts(db: &mut dyn Sql) -> Result<(i64, i64), LedgerError> {
    let events = db
        .query_opt("SELECT COUNT(*) FROM events", &[])?
        .map_or(Ok(0), |r| r.int(0))?;
    let held = db
        .query_opt(
            "SELECT COUNT(*) FROM suppressions WHERE lifted_at IS NULL",
            &[],
        )?
        .map_or(Ok(0), |r| r.int(0))?;
    Ok((events, held))
}
