//! What the ledger answers with: recorded events, suppressions and their lifting, the
//! filter of a listing, the figures of a batch, and the verdict on an address.

use bouncedoc_core::Reason;
use serde::Serialize;

use crate::event::NewEvent;
use crate::policy::Rule;

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
    /// The address's latest `unsuppress`, if it ever had one: bounces before it no longer
    /// count, but they stay in the history.
    pub unsuppressed: Option<Unsuppression>,
    /// Bounces on record from before that `unsuppress`.
    pub bounces_before: i64,
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

/// How much a ledger holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Events recorded.
    pub events: i64,
    /// Suppressions that hold (not lifted).
    pub suppressions: i64,
}
