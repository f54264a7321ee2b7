//! Whether to mail an address: suppressed, wait (its mailbox was full lately), or ok.

use bouncedoc_core::Reason;

use crate::LedgerError;
use crate::event::normalize_address;
use crate::policy::Policy;
use crate::sql::Sql;
use crate::time::format_rfc3339;
use crate::why::Why;

use super::read::{active_suppression, history, latest_unsuppression};
use super::types::{Check, Event, Suppression, Verdict};

/// Whether to mail each address.
pub(crate) fn check(
    db: &mut dyn Sql,
    addresses: &[String],
    policy: &Policy,
    now: i64,
) -> Result<Vec<Check>, LedgerError> {
    let mut out = Vec::with_capacity(addresses.len());
    for raw in addresses {
        let address = normalize_address(raw)?;
        let held = active_suppression(db, &address)?;
        let events = history(db, &address)?;
        let (unsuppressed, bounces_before) = latest_unsuppression(db, &address)?;
        out.push(Check {
            address,
            verdict: verdict(held, &events, policy, now),
            bounces: events.len() as i64,
            last: events.last().cloned(),
            unsuppressed,
            bounces_before,
        });
    }
    Ok(out)
}

/// The verdict on an address with the suppression `held` in force (if any) and `events`
/// since it was last unsuppressed (oldest first), as of `now`.
fn verdict(held: Option<Suppression>, events: &[Event], policy: &Policy, now: i64) -> Verdict {
    if let Some(s) = held {
        return Verdict::Suppressed {
            suppression: Box::new(s),
        };
    }
    let hours = policy.mailboxfull.retry_interval_hours;
    if !policy.mailboxfull.enabled || hours == 0 {
        return Verdict::Ok;
    }
    let is_full = |e: &&Event| e.detail.reason == Reason::MailboxFull;
    let Some(last_full) = events.iter().rev().find(is_full) else {
        return Verdict::Ok;
    };
    let until = last_full.detail.occurred_at + i64::from(hours) * 3600;
    if until <= now {
        return Verdict::Ok;
    }
    let count = events.iter().filter(is_full).count();
    Verdict::Wait {
        until,
        why: Why::Wait {
            count,
            last: format_rfc3339(last_full.detail.occurred_at),
            hours,
        }
        .to_string(),
    }
}
