//! The suppression policy: which bounces, or runs of bounces, suppress an address.
//!
//! The policy is a TOML file; the built-in one is [`DEFAULT_POLICY`] (`policy/default.toml`),
//! and a user's file overrides it key by key. [`Policy::first_firing`] applies it to the
//! history of one address: it is a pure function of that history, so that the same events
//! give the same suppression whatever order they were ingested in. Delay warnings
//! ([`EvalEvent::is_warning`]) never count, whatever the file says.

use std::collections::VecDeque;
use std::fmt;
use std::str::FromStr;

use bouncedoc_core::{Action, Party, Reason};
use serde::{Deserialize, Serialize};

use crate::time::DAY;
use crate::why::{Codes, Why};

/// The built-in policy file, with its comments.
pub const DEFAULT_POLICY: &str = include_str!("../policy/default.toml");

/// Which rule of the policy suppressed an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// A hard bounce.
    Hard,
    /// Too many soft bounces in a short time.
    Soft,
    /// A feedback (complaint) report.
    Feedback,
    /// A mailbox that stayed full.
    MailboxFull,
    /// A mobile carrier's ambiguous refusal ("Unknown user": a dead address or the user's
    /// own reception filter) that went on over a long span.
    Carrier,
    /// A person's decision, not a rule.
    Manual,
}

impl Rule {
    /// Every rule.
    pub const ALL: &'static [Rule] = &[
        Rule::Hard,
        Rule::Soft,
        Rule::Feedback,
        Rule::MailboxFull,
        Rule::Carrier,
        Rule::Manual,
    ];

    /// Its id, as stored and printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Hard => "hard",
            Rule::Soft => "soft",
            Rule::Feedback => "feedback",
            Rule::MailboxFull => "mailboxfull",
            Rule::Carrier => "carrier",
            Rule::Manual => "manual",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Rule {
    type Err = PolicyError;

    fn from_str(s: &str) -> Result<Rule, PolicyError> {
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| PolicyError::Invalid(format!("unknown rule `{s}`")))
    }
}

/// A policy file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read.
    #[error("reading the policy file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML, or has an unknown key or a value of the wrong type.
    #[error("the policy file {path} is not valid: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// What is wrong, and where.
        message: String,
    },
    /// A value is out of range.
    #[error("policy: {0}")]
    Invalid(String),
}

/// The whole policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Reasons that never count towards a suppression.
    pub ignore_reasons: Vec<Reason>,
    /// DSN actions that never count.
    pub ignore_actions: Vec<Action>,
    /// A hard bounce suppresses at once.
    pub hard: Switch,
    /// A feedback report suppresses at once.
    pub feedback: Switch,
    /// Soft bounces suppress after a count within a window.
    pub soft: SoftRule,
    /// Mailbox-full bounces are retried slowly and suppress when the mailbox stays full.
    pub mailboxfull: MailboxFullRule,
    /// The mobile carriers' ambiguous refusals suppress only when they go on over a long span.
    pub carrier: CarrierRule,
    /// Where the policy came from (`default`, or the file's path); not part of the file.
    #[serde(skip)]
    pub name: String,
}

/// A rule that is on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Switch {
    /// Whether the rule applies.
    pub enabled: bool,
}

/// The soft-bounce rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoftRule {
    /// Whether the rule applies.
    pub enabled: bool,
    /// How many soft bounces suppress.
    pub count: u32,
    /// Within how many days.
    pub within_days: u32,
    /// Whose fault a soft bounce must be to count.
    pub parties: Vec<Party>,
}

/// The mailbox-full rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailboxFullRule {
    /// Whether the rule applies (when not, mailbox-full bounces count as soft ones).
    pub enabled: bool,
    /// How many mailbox-full bounces suppress...
    pub count: u32,
    /// ...when they span at least this many days...
    pub span_days: u32,
    /// ...and all fall within this many days.
    pub within_days: u32,
    /// How long `check` says to wait after a mailbox-full bounce, in hours (0: no wait).
    pub retry_interval_hours: u32,
}

/// The rule for the mobile carriers' ambiguous refusals: docomo, au and SoftBank answer
/// "Unknown user" both for an address that no longer exists and for mail that their user's
/// own reception filter refused, so such a refusal says nothing certain about the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarrierRule {
    /// Whether the rule applies (when not, these refusals count as soft bounces).
    pub enabled: bool,
    /// The providers (`EvalEvent::provider`) whose refusals it reads.
    pub providers: Vec<String>,
    /// The reasons that such a refusal is read as; only soft bounces count (a hard bounce of
    /// these providers names a dead address and is read by the hard rule).
    pub reasons: Vec<Reason>,
    /// How many such refusals suppress...
    pub count: u32,
    /// ...when they span at least this many days...
    pub span_days: u32,
    /// ...and all fall within this many days.
    pub within_days: u32,
}

impl CarrierRule {
    /// Whether the rule reads `e`.
    fn reads(&self, e: &EvalEvent) -> bool {
        self.enabled
            && !e.hard_bounce
            && self.reasons.contains(&e.reason)
            && e.provider
                .as_deref()
                .is_some_and(|p| self.providers.iter().any(|q| q == p))
    }
}

impl Default for Policy {
    fn default() -> Policy {
        Policy::from_toml(DEFAULT_POLICY, "default").expect("the built-in policy is valid")
    }
}

/// Overlays `over` onto `base`, table by table.
fn merge(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

impl Policy {
    /// Reads a policy from TOML text; keys it leaves out keep their built-in values. `name`
    /// says where it came from, in errors and in the suppressions it makes.
    pub fn from_toml(text: &str, name: &str) -> Result<Policy, PolicyError> {
        let syntax = |e: toml::de::Error| PolicyError::Syntax {
            path: name.to_string(),
            message: e.to_string(),
        };
        let mut table: toml::Table = DEFAULT_POLICY.parse().map_err(syntax)?;
        merge(&mut table, text.parse().map_err(syntax)?);
        let mut policy: Policy = table.try_into().map_err(syntax)?;
        policy.name = name.to_string();
        policy.validate()?;
        Ok(policy)
    }

    /// Reads a policy file.
    pub fn load(path: &std::path::Path) -> Result<Policy, PolicyError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| PolicyError::Read {
            path: name.clone(),
            source,
        })?;
        Policy::from_toml(&text, &name)
    }

    fn validate(&self) -> Result<(), PolicyError> {
        let bad = |m: &str| Err(PolicyError::Invalid(m.to_string()));
        if self.soft.count == 0 || self.soft.within_days == 0 {
            return bad("soft.count and soft.within_days must be at least 1");
        }
        if self.mailboxfull.count == 0 || self.mailboxfull.within_days == 0 {
            return bad("mailboxfull.count and mailboxfull.within_days must be at least 1");
        }
        if self.mailboxfull.span_days > self.mailboxfull.within_days {
            return bad("mailboxfull.span_days cannot exceed mailboxfull.within_days");
        }
        if self.carrier.count == 0 || self.carrier.within_days == 0 {
            return bad("carrier.count and carrier.within_days must be at least 1");
        }
        if self.carrier.span_days > self.carrier.within_days {
            return bad("carrier.span_days cannot exceed carrier.within_days");
        }
        Ok(())
    }

    /// The policy as a TOML file (without the comments of the built-in one).
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("a policy can always be written as TOML")
    }

    /// Who the suppressions this policy makes are by.
    pub fn who(&self) -> String {
        format!("policy:{}", self.name)
    }

    /// The longest window any rule looks back over, in seconds: events further apart than
    /// this never take part in the same decision.
    pub fn horizon(&self) -> i64 {
        i64::from(
            self.soft
                .within_days
                .max(self.mailboxfull.within_days)
                .max(self.carrier.within_days),
        ) * DAY
    }

    fn class(&self, e: &EvalEvent) -> Class {
        // A warning is not a failure, whatever the file says.
        if e.is_warning() {
            return Class::Ignored;
        }
        if self.ignore_reasons.contains(&e.reason)
            || e.action.is_some_and(|a| self.ignore_actions.contains(&a))
        {
            return Class::Ignored;
        }
        if e.reason == Reason::Feedback {
            return if self.feedback.enabled {
                Class::Feedback
            } else {
                Class::Ignored
            };
        }
        if e.reason == Reason::MailboxFull && self.mailboxfull.enabled {
            return Class::MailboxFull;
        }
        if e.hard_bounce && self.hard.enabled {
            return Class::Hard;
        }
        if self.carrier.reads(e) {
            return Class::Carrier;
        }
        if self.soft.enabled && self.soft.parties.contains(&e.party) {
            Class::Soft
        } else {
            Class::Ignored
        }
    }

    /// The first point in `events` (sorted by [`EvalEvent::order`], oldest first) at which a
    /// rule is met, with the events that met it; `None` when no rule is.
    pub fn first_firing(&self, events: &[EvalEvent]) -> Option<Firing> {
        let soft_window = i64::from(self.soft.within_days) * DAY;
        let full_window = i64::from(self.mailboxfull.within_days) * DAY;
        let span = i64::from(self.mailboxfull.span_days) * DAY;
        let carrier_window = i64::from(self.carrier.within_days) * DAY;
        let carrier_span = i64::from(self.carrier.span_days) * DAY;
        let mut soft: VecDeque<usize> = VecDeque::new();
        let mut full: VecDeque<usize> = VecDeque::new();
        let mut carrier: VecDeque<usize> = VecDeque::new();
        let slide = |q: &mut VecDeque<usize>, now: i64, window: i64| {
            while q.front().is_some_and(|&i| events[i].time <= now - window) {
                q.pop_front();
            }
        };
        for (i, e) in events.iter().enumerate() {
            let fired = match self.class(e) {
                Class::Ignored => None,
                Class::Hard => Some((Rule::Hard, vec![i])),
                Class::Feedback => Some((Rule::Feedback, vec![i])),
                Class::Soft => {
                    soft.push_back(i);
                    slide(&mut soft, e.time, soft_window);
                    (soft.len() >= self.soft.count as usize)
                        .then(|| (Rule::Soft, soft.iter().copied().collect()))
                }
                Class::MailboxFull => {
                    full.push_back(i);
                    slide(&mut full, e.time, full_window);
                    let first = full.front().map_or(e.time, |&f| events[f].time);
                    (full.len() >= self.mailboxfull.count as usize && e.time - first >= span)
                        .then(|| (Rule::MailboxFull, full.iter().copied().collect()))
                }
                Class::Carrier => {
                    carrier.push_back(i);
                    slide(&mut carrier, e.time, carrier_window);
                    let first = carrier.front().map_or(e.time, |&f| events[f].time);
                    (carrier.len() >= self.carrier.count as usize && e.time - first >= carrier_span)
                        .then(|| (Rule::Carrier, carrier.iter().copied().collect()))
                }
            };
            if let Some((rule, triggers)) = fired {
                return Some(Firing {
                    rule,
                    at: i,
                    triggers,
                });
            }
        }
        None
    }

    /// The sentence that says why a firing suppressed the address ([`Policy::why_of`],
    /// written out).
    pub fn why(&self, firing: &Firing, events: &[EvalEvent]) -> String {
        self.why_of(firing, events).to_string()
    }

    /// Why a firing suppressed the address, as data.
    pub fn why_of(&self, firing: &Firing, events: &[EvalEvent]) -> Why {
        let at = &events[firing.at];
        let codes = |e: &EvalEvent| Codes {
            reason: e.reason,
            status: e.status.clone(),
            reply_code: e.reply_code,
        };
        let days = || (at.time - events[firing.triggers[0]].time) / DAY;
        match firing.rule {
            Rule::Hard => Why::Hard(codes(at)),
            Rule::Feedback => Why::Complaint(at.feedback_type.clone()),
            Rule::Soft => Why::Soft {
                within_days: self.soft.within_days,
                bounces: firing.triggers.iter().map(|&i| codes(&events[i])).collect(),
            },
            Rule::MailboxFull => Why::MailboxFull {
                count: firing.triggers.len(),
                days: days(),
                allowed: self.mailboxfull.count,
                span_days: self.mailboxfull.span_days,
            },
            Rule::Carrier => Why::Carrier {
                provider: at.provider.as_deref().unwrap_or("carrier").to_string(),
                count: firing.triggers.len(),
                days: days(),
                reason: at.reason,
                allowed: self.carrier.count,
                span_days: self.carrier.span_days,
            },
            Rule::Manual => Why::Manual,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Ignored,
    Hard,
    Feedback,
    Soft,
    MailboxFull,
    Carrier,
}

/// What the policy reads of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalEvent {
    /// The event's id in the ledger.
    pub id: i64,
    /// When the bounce happened.
    pub time: i64,
    /// The message's key.
    pub message_key: String,
    /// The recipient's position in the message, from 1.
    pub recipient_index: i64,
    /// The reason.
    pub reason: Reason,
    /// Hard or soft.
    pub hard_bounce: bool,
    /// Who must act.
    pub party: Party,
    /// The DSN action.
    pub action: Option<Action>,
    /// The enhanced status code.
    pub status: Option<String>,
    /// The SMTP reply code.
    pub reply_code: Option<i64>,
    /// For feedback reports, their type.
    pub feedback_type: Option<String>,
    /// The receiving provider recognized (`docomo`, `au`, ...).
    pub provider: Option<String>,
}

impl EvalEvent {
    /// Whether it is a delay warning (DSN action `delayed`: the sending server is still
    /// trying). A warning never counts towards a suppression, whatever the policy says.
    pub fn is_warning(&self) -> bool {
        self.action == Some(Action::Delayed)
    }

    /// The order events are read in: by time, then by message key and recipient, so that
    /// the order does not depend on when they were ingested.
    pub fn order(&self) -> (i64, &str, i64) {
        (self.time, &self.message_key, self.recipient_index)
    }
}

/// Where and how a rule was met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Firing {
    /// The rule.
    pub rule: Rule,
    /// The position of the event at which it was met.
    pub at: usize,
    /// The positions of the events that met it (the one at `at` included).
    pub triggers: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(day: i64, reason: Reason, hard: bool) -> EvalEvent {
        EvalEvent {
            id: day,
            time: 1_700_000_000 + day * DAY,
            message_key: format!("k{day:03}"),
            recipient_index: 1,
            reason,
            hard_bounce: hard,
            party: Party::Recipient,
            action: None,
            status: None,
            reply_code: None,
            feedback_type: None,
            provider: None,
        }
    }

    /// Soft bounces for `reason`, one on each of `days`.
    fn run_of(days: &[i64], reason: Reason) -> Vec<EvalEvent> {
        days.iter().map(|&d| ev(d, reason, false)).collect()
    }

    #[test]
    fn the_default_file_is_the_default() {
        let p = Policy::default();
        assert!(p.hard.enabled && p.feedback.enabled);
        assert_eq!((p.soft.count, p.soft.within_days), (3, 7));
        assert_eq!(p.mailboxfull.count, 4);
        assert_eq!(p.name, "default");
    }

    #[test]
    fn a_user_file_overrides_key_by_key() {
        let p = Policy::from_toml("[soft]\ncount = 5\n", "mine.toml").unwrap();
        assert_eq!(p.soft.count, 5);
        assert_eq!(p.soft.within_days, 7);
        assert_eq!(p.who(), "policy:mine.toml");
        let again = Policy::from_toml(&p.to_toml(), "mine.toml").unwrap();
        assert_eq!(again, p);
        let err = Policy::from_toml("[soft]\ncuont = 5\n", "typo.toml").unwrap_err();
        assert!(err.to_string().contains("cuont"), "{err}");
        assert!(Policy::from_toml("[soft]\ncount = 0\n", "zero.toml").is_err());
        assert!(Policy::from_toml("ignore_reasons = [\"nonsense\"]\n", "r.toml").is_err());
    }

    #[test]
    fn a_hard_bounce_suppresses_at_once() {
        let p = Policy::default();
        let evs = [
            ev(0, Reason::Expired, false),
            ev(1, Reason::UserUnknown, true),
        ];
        let f = p.first_firing(&evs).unwrap();
        assert_eq!((f.rule, f.at, f.triggers), (Rule::Hard, 1, vec![1]));
    }

    #[test]
    fn soft_bounces_suppress_after_n_within_d_days() {
        let p = Policy::default();
        let spread = run_of(&[0, 5, 12], Reason::Expired);
        assert_eq!(p.first_firing(&spread), None);
        let close = [
            ev(0, Reason::Expired, false),
            ev(8, Reason::Expired, false),
            ev(12, Reason::SystemError, false),
            ev(13, Reason::NetworkError, false),
        ];
        let f = p.first_firing(&close).unwrap();
        assert_eq!(
            (f.rule, f.at, f.triggers.clone()),
            (Rule::Soft, 3, vec![1, 2, 3])
        );
        assert!(
            p.why(&f, &close)
                .starts_with("3 soft bounces within 7 days")
        );
    }

    #[test]
    fn refusals_of_the_sender_do_not_count() {
        let p = Policy::default();
        let mut evs = vec![ev(0, Reason::Blocked, false); 5];
        for (i, e) in evs.iter_mut().enumerate() {
            e.party = Party::SenderAdmin;
            e.message_key = format!("b{i}");
        }
        assert_eq!(p.first_firing(&evs), None);
    }

    #[test]
    fn a_complaint_suppresses_and_vacations_never_do() {
        let p = Policy::default();
        assert_eq!(p.first_firing(&run_of(&[0, 1, 2], Reason::Vacation)), None);
        let f = p.first_firing(&[ev(0, Reason::Feedback, false)]).unwrap();
        assert_eq!(f.rule, Rule::Feedback);
    }

    #[test]
    fn a_full_mailbox_must_stay_full() {
        let p = Policy::default();
        let quick = run_of(&[0, 1, 2, 3, 4, 5], Reason::MailboxFull);
        assert_eq!(
            p.first_firing(&quick),
            None,
            "six in six days do not span 14"
        );
        let slow = run_of(&[0, 5, 10, 15, 20], Reason::MailboxFull);
        let f = p.first_firing(&slow).unwrap();
        assert_eq!((f.rule, f.at), (Rule::MailboxFull, 3));
        assert_eq!(f.triggers, vec![0, 1, 2, 3]);
        let off = Policy::from_toml("[mailboxfull]\nenabled = false\n", "off").unwrap();
        assert_eq!(off.first_firing(&quick).unwrap().rule, Rule::Soft);
    }

    /// A carrier's ambiguous refusal of `provider`, read as `reason`, soft, on each of `days`.
    fn carrier_run(days: &[i64], provider: &str, reason: Reason) -> Vec<EvalEvent> {
        days.iter()
            .map(|&d| EvalEvent {
                provider: Some(provider.to_string()),
                ..ev(d, reason, false)
            })
            .collect()
    }

    #[test]
    fn a_carriers_unknown_user_suppresses_only_when_it_goes_on_for_a_month() {
        let p = Policy::default();
        assert_eq!(
            (p.carrier.count, p.carrier.span_days, p.carrier.within_days),
            (3, 30, 90)
        );
        // A week of daily refusals: the soft rule alone would have suppressed at the third.
        let week = carrier_run(&[0, 1, 2, 3, 4, 5, 6], "docomo", Reason::Filtered);
        assert_eq!(p.first_firing(&week), None);
        // A monthly mailing: suppressed at its third refusal.
        let monthly = carrier_run(&[0, 31, 62, 93], "au", Reason::Filtered);
        let f = p.first_firing(&monthly).unwrap();
        assert_eq!(
            (f.rule, f.at, f.triggers.clone()),
            (Rule::Carrier, 2, vec![0, 1, 2])
        );
        let why = p.why(&f, &monthly);
        assert!(why.starts_with("au refused 3 times over 62 days"), "{why}");
        // Daily refusals: suppressed once they span 30 days, not before.
        let days: Vec<i64> = (0..40).collect();
        let daily = carrier_run(&days, "softbank", Reason::Rejected);
        assert_eq!(p.first_firing(&daily).unwrap().at, 30);
        // Too far apart: never three within 90 days.
        let sparse = carrier_run(&[0, 60, 120, 180], "docomo", Reason::Filtered);
        assert_eq!(p.first_firing(&sparse), None);
    }

    #[test]
    fn the_carrier_rule_reads_only_the_carriers_soft_refusals() {
        let p = Policy::default();
        // Another provider's filter refusals are soft bounces as before.
        let other = carrier_run(&[0, 1, 2], "google", Reason::Filtered);
        assert_eq!(p.first_firing(&other).unwrap().rule, Rule::Soft);
        // A carrier's other soft bounces too.
        let expired = carrier_run(&[0, 1, 2], "docomo", Reason::Expired);
        assert_eq!(p.first_firing(&expired).unwrap().rule, Rule::Soft);
        // A carrier's hard bounce (the address refused at once) suppresses at once.
        let mut hard = carrier_run(&[0], "docomo", Reason::UserUnknown);
        hard[0].hard_bounce = true;
        assert_eq!(p.first_firing(&hard).unwrap().rule, Rule::Hard);
        // Switched off, the refusals count as soft bounces.
        let off = Policy::from_toml("[carrier]\nenabled = false\n", "off").unwrap();
        let week = carrier_run(&[0, 1, 2], "docomo", Reason::Filtered);
        assert_eq!(off.first_firing(&week).unwrap().rule, Rule::Soft);
        // A user file can list more carriers and change the numbers.
        let mine = Policy::from_toml(
            "[carrier]\nproviders = [\"docomo\", \"rakuten\"]\ncount = 2\nspan_days = 10\n",
            "mine",
        )
        .unwrap();
        let two = carrier_run(&[0, 10], "rakuten", Reason::Filtered);
        assert_eq!(mine.first_firing(&two).unwrap().rule, Rule::Carrier);
        assert!(Policy::from_toml("[carrier]\nspan_days = 100\n", "bad").is_err());
        assert!(Policy::from_toml("[carrier]\ncount = 0\n", "bad").is_err());
        assert_eq!(p.horizon(), 90 * DAY);
    }

    #[test]
    fn warnings_never_count_whatever_the_policy_says() {
        let eager = Policy::from_toml(crate::testing::EAGER_POLICY, "eager").unwrap();
        let reasons = [
            (Reason::Expired, false),
            (Reason::MailboxFull, false),
            (Reason::SystemError, false),
            (Reason::NetworkError, false),
            (Reason::UserUnknown, true),
            (Reason::Feedback, false),
        ];
        let warnings: Vec<EvalEvent> = (0..120)
            .map(|i| {
                let (reason, hard) = reasons[i % reasons.len()];
                let mut e = ev(i as i64 / 4, reason, hard);
                e.message_key = format!("w{i:03}");
                e.action = Some(Action::Delayed);
                e
            })
            .collect();
        assert!(warnings.iter().all(EvalEvent::is_warning));
        for p in [Policy::default(), eager] {
            assert_eq!(p.first_firing(&warnings), None, "{}", p.name);
            // The same events as failures would suppress at once: only the action differs.
            let mut failures = warnings.clone();
            for e in &mut failures {
                e.action = Some(Action::Failed);
            }
            assert!(p.first_firing(&failures).is_some(), "{}", p.name);
        }
    }
}
