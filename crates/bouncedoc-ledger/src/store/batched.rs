//! Recording a batch in set-based statements, beside other writers (PostgreSQL): the
//! batch's addresses locked first (in one fixed order), its events inserted in one
//! statement over arrays, the first page of events the policy reads for every address
//! not suppressed in one query, and the new suppressions with their triggering events in
//! one more. The policy takes the same steps as on the row-by-row path
//! ([`super::apply`]), so the ledger is the same; a suppression that could move, and a
//! window whose first page is not enough, go that path one address at a time.
//!
//! Locking the addresses before the events are inserted means that two writers of one
//! address run one after the other, the second reading what the first committed (each
//! statement of a PostgreSQL transaction sees what committed before it began), and that an
//! event both insert is inserted by the first and found recorded by the second.

use crate::LedgerError;
use crate::event::{NewEvent, domain_of};
use crate::policy::{EvalEvent, Policy};
use crate::sql::{Param, Sql};

use super::apply::{
    FIRST_PAGE, Met, Planned, first_met, met_from_first_page, plan, write_suppression,
};
use super::order::EventKey;
use super::record::{by_address, unique};
use super::rows::{EVAL_COLUMNS, EVAL_WIDTH, eval_from};
use super::state::states_of;
use super::types::BatchOutcome;

/// The `INSERT` of a batch's events, a column an array, in the order of their keys; returns
/// the key of each event it inserted.
const INSERT_EVENTS: &str = "INSERT INTO events (message_key, recipient_index, address, \
     domain, occurred_at, recorded_at, reply_code, status, reason, hard_bounce, retry, party, \
     action, feedback_type, provider, mta, diagnostic, message_id, original_message_id, \
     source) SELECT u.k, u.i, u.a, u.d, u.o, $19, u.rc, u.st, u.re, u.h, u.rt, u.p, u.ac, \
     u.f, u.pr, u.m, u.dg, u.mi, u.om, u.s FROM unnest($1::text[], $2::int8[], $3::text[], \
     $4::text[], $5::int8[], $6::int8[], $7::text[], $8::text[], $9::bool[], $10::text[], \
     $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], \
     $17::text[], $18::text[], $20::text[]) AS u(k, i, a, d, o, rc, st, re, h, rt, p, ac, f, \
     pr, m, dg, mi, om, s) ORDER BY u.k, u.i ON CONFLICT (message_key, recipient_index) DO \
     NOTHING RETURNING message_key, recipient_index";

/// The events of many windows (`$1` addresses, from `$2` to `$3`), at most `$4` of each, in
/// the policy's order, each row ending with the window's place in the arrays (from 1).
fn first_pages_sql() -> String {
    format!(
        "SELECT {EVAL_COLUMNS}, w.n FROM unnest($1::text[], $2::int8[], $3::int8[]) WITH \
         ORDINALITY AS w(address, since, until, n) CROSS JOIN LATERAL (SELECT {EVAL_COLUMNS} \
         FROM events e WHERE e.address = w.address AND e.occurred_at >= w.since AND \
         e.occurred_at <= w.until ORDER BY e.occurred_at, e.message_key, e.recipient_index \
         LIMIT $4) AS e ORDER BY w.n, e.occurred_at, e.message_key, e.recipient_index"
    )
}

/// The `INSERT` of new suppressions, a column an array (`$1` to `$7`, by `$8` at `$9`),
/// and of the events that triggered them (`$10` the address of each, `$11` its id).
const INSERT_SUPPRESSIONS: &str = "WITH s AS (INSERT INTO suppressions (since, reason, rule, \
     why, who, created_at, updated_at, event_id, address, domain) SELECT u.since, u.reason, \
     u.rule, u.why, $8, $9, $9, u.event_id, u.address, u.domain FROM unnest($1::int8[], \
     $2::text[], $3::text[], $4::text[], $5::int8[], $6::text[], $7::text[]) AS u(since, \
     reason, rule, why, event_id, address, domain) RETURNING id, address) INSERT INTO \
     suppression_events (suppression_id, event_id) SELECT s.id, t.event_id FROM s JOIN \
     unnest($10::text[], $11::int8[]) AS t(address, event_id) ON t.address = s.address";

/// Records events and applies the policy to every address that got a new one, in the
/// caller's transaction, in set-based statements.
pub(super) fn record(
    db: &mut dyn Sql,
    events: &[NewEvent],
    policy: &Policy,
    now: i64,
) -> Result<BatchOutcome, LedgerError> {
    let unique = unique(events);
    let mut addresses: Vec<&str> = unique.iter().filter_map(|e| e.address.as_deref()).collect();
    addresses.sort_unstable();
    addresses.dedup();
    db.lock_addresses(&addresses)?;
    let new = insert_events(db, &unique, now)?;
    let mut outcome = BatchOutcome {
        events: events.len(),
        new_events: new.len(),
        ..BatchOutcome::default()
    };
    let touched = by_address(&new);
    let touched_addresses: Vec<&str> = touched.keys().map(String::as_str).collect();
    let mut states = states_of(db, &touched_addresses)?;
    // Addresses not suppressed have their first pages read together; the others go the
    // row-by-row way.
    let mut together: Vec<Planned<'_>> = Vec::new();
    for (address, news) in &touched {
        let state = states.remove(address).unwrap_or_default();
        let Some(planned) = plan(db, address, news.clone(), state, policy)? else {
            continue;
        };
        if planned.standing.is_none() && planned.window.time_bounds().is_some() {
            together.push(planned);
            continue;
        }
        if let Some(met) = first_met(db, &planned.window, policy)? {
            write_suppression(
                db,
                address,
                planned.standing.as_ref(),
                &met,
                policy,
                now,
                &mut outcome,
            )?;
        }
    }
    let pages = first_pages(db, &together)?;
    let mut found: Vec<(&str, Met)> = Vec::new();
    for (planned, page) in together.iter().zip(pages) {
        if let Some(met) = met_from_first_page(db, &planned.window, policy, page)? {
            let (address, _, _) = planned
                .window
                .time_bounds()
                .ok_or_else(|| LedgerError::Corrupt("a window lost its bounds".into()))?;
            found.push((address, met));
        }
    }
    insert_suppressions(db, &found, policy, now, &mut outcome)?;
    Ok(outcome)
}

/// The columns of a batch's events, one array each, as [`INSERT_EVENTS`] takes them.
#[derive(Default)]
struct EventColumns {
    key: Vec<Option<String>>,
    index: Vec<Option<i64>>,
    address: Vec<Option<String>>,
    domain: Vec<Option<String>>,
    occurred_at: Vec<Option<i64>>,
    reply_code: Vec<Option<i64>>,
    status: Vec<Option<String>>,
    reason: Vec<Option<String>>,
    hard_bounce: Vec<bool>,
    retry: Vec<Option<String>>,
    party: Vec<Option<String>>,
    action: Vec<Option<String>>,
    feedback_type: Vec<Option<String>>,
    provider: Vec<Option<String>>,
    mta: Vec<Option<String>>,
    diagnostic: Vec<Option<String>>,
    message_id: Vec<Option<String>>,
    original_message_id: Vec<Option<String>>,
    source: Vec<Option<String>>,
}

impl EventColumns {
    fn push(&mut self, e: &NewEvent) {
        let text = |s: &str| Some(s.to_string());
        self.key.push(text(&e.message_key));
        self.index.push(Some(e.recipient_index));
        self.address.push(e.address.clone());
        self.domain
            .push(e.address.as_deref().and_then(domain_of).map(str::to_string));
        self.occurred_at.push(Some(e.occurred_at));
        self.reply_code.push(e.reply_code);
        self.status.push(e.status.clone());
        self.reason.push(text(e.reason.as_str()));
        self.hard_bounce.push(e.hard_bounce);
        self.retry.push(text(e.retry.as_str()));
        self.party.push(text(e.party.as_str()));
        self.action.push(e.action.map(|a| a.as_str().to_string()));
        self.feedback_type.push(e.feedback_type.clone());
        self.provider.push(e.provider.clone());
        self.mta.push(e.mta.clone());
        self.diagnostic.push(text(&e.diagnostic));
        self.message_id.push(e.message_id.clone());
        self.original_message_id.push(e.original_message_id.clone());
        self.source.push(text(&e.source));
    }

    /// The parameters of [`INSERT_EVENTS`], recorded at `now`.
    fn params(self, now: i64) -> Vec<Param> {
        vec![
            Param::TextArray(self.key),
            Param::IntArray(self.index),
            Param::TextArray(self.address),
            Param::TextArray(self.domain),
            Param::IntArray(self.occurred_at),
            Param::IntArray(self.reply_code),
            Param::TextArray(self.status),
            Param::TextArray(self.reason),
            Param::BoolArray(self.hard_bounce),
            Param::TextArray(self.retry),
            Param::TextArray(self.party),
            Param::TextArray(self.action),
            Param::TextArray(self.feedback_type),
            Param::TextArray(self.provider),
            Param::TextArray(self.mta),
            Param::TextArray(self.diagnostic),
            Param::TextArray(self.message_id),
            Param::TextArray(self.original_message_id),
            now.into(),
            Param::TextArray(self.source),
        ]
    }
}

/// Inserts the events (each once already) in one statement; returns those that were new.
fn insert_events<'a>(
    db: &mut dyn Sql,
    unique: &[&'a NewEvent],
    now: i64,
) -> Result<Vec<&'a NewEvent>, LedgerError> {
    if unique.is_empty() {
        return Ok(Vec::new());
    }
    let mut columns = EventColumns::default();
    for e in unique {
        columns.push(e);
    }
    let mut inserted = std::collections::HashSet::new();
    for row in db.query(INSERT_EVENTS, &columns.params(now))? {
        inserted.insert(EventKey {
            message_key: row.text(0)?,
            recipient_index: row.int(1)?,
        });
    }
    Ok(unique
        .iter()
        .copied()
        .filter(|e| inserted.contains(&EventKey::of(e)))
        .collect())
}

/// The first page of each window (which all end at a time), in one query.
fn first_pages(
    db: &mut dyn Sql,
    windows: &[Planned<'_>],
) -> Result<Vec<Vec<EvalEvent>>, LedgerError> {
    let mut pages: Vec<Vec<EvalEvent>> = windows.iter().map(|_| Vec::new()).collect();
    if windows.is_empty() {
        return Ok(pages);
    }
    let (mut addresses, mut froms, mut untils) = (Vec::new(), Vec::new(), Vec::new());
    for w in windows {
        let (address, from, until) = w
            .window
            .time_bounds()
            .ok_or_else(|| LedgerError::Corrupt("a window lost its bounds".into()))?;
        addresses.push(Some(address.to_string()));
        froms.push(Some(from));
        untils.push(Some(until));
    }
    let rows = db.query(
        &first_pages_sql(),
        &[
            Param::TextArray(addresses),
            Param::IntArray(froms),
            Param::IntArray(untils),
            FIRST_PAGE.into(),
        ],
    )?;
    for row in &rows {
        let n = row.int(EVAL_WIDTH)?;
        let page = usize::try_from(n - 1)
            .ok()
            .and_then(|i| pages.get_mut(i))
            .ok_or_else(|| LedgerError::Corrupt(format!("no window {n}")))?;
        page.push(eval_from(row)?);
    }
    Ok(pages)
}

/// Inserts the suppressions the policy found for addresses not suppressed, and their
/// triggering events, in one statement.
fn insert_suppressions(
    db: &mut dyn Sql,
    found: &[(&str, Met)],
    policy: &Policy,
    now: i64,
    outcome: &mut BatchOutcome,
) -> Result<(), LedgerError> {
    if found.is_empty() {
        return Ok(());
    }
    let (mut since, mut reason, mut rule, mut why, mut event_id, mut address, mut domain) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    let (mut trigger_addresses, mut trigger_ids) = (Vec::new(), Vec::new());
    for (a, met) in found {
        let at = met.at();
        since.push(Some(at.time));
        reason.push(Some(at.reason.as_str().to_string()));
        rule.push(Some(met.firing.rule.as_str().to_string()));
        why.push(Some(policy.why(&met.firing, &met.events)));
        event_id.push(Some(at.id));
        address.push(Some(a.to_string()));
        domain.push(Some(domain_of(a).unwrap_or("").to_string()));
        for id in met.trigger_ids() {
            trigger_addresses.push(Some(a.to_string()));
            trigger_ids.push(Some(id));
        }
    }
    let linked = db.execute(
        INSERT_SUPPRESSIONS,
        &[
            Param::IntArray(since),
            Param::TextArray(reason),
            Param::TextArray(rule),
            Param::TextArray(why),
            Param::IntArray(event_id),
            Param::TextArray(address),
            Param::TextArray(domain),
            policy.who().into(),
            now.into(),
            Param::TextArray(trigger_addresses),
            Param::IntArray(trigger_ids.clone()),
        ],
    )?;
    if linked as usize != trigger_ids.len() {
        return Err(LedgerError::Corrupt(format!(
            "{linked} triggering events linked of {}",
            trigger_ids.len()
        )));
    }
    outcome.suppressed += found.len();
    Ok(())
}
