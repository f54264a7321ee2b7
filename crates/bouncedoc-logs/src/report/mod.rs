//! What `bouncedoc report` shows: the records of `parse` or `logs` (JSON lines) counted
//! into failures by reason, by receiving provider, by domain and by day, deferrals by
//! day, the causes the sending side can fix (most failures first) and the dead addresses.

mod day;

use std::collections::BTreeMap;

use foldhash::HashMap;
use serde_json::Value;

/// Reasons that say the address does not exist (or no longer does).
const DEAD_REASONS: [&str; 5] = [
    "userunknown",
    "hasmoved",
    "suspend",
    "hostunknown",
    "notaccept",
];

/// Counts of one day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Day {
    /// Failed deliveries.
    pub failed: u64,
    /// Deferred deliveries.
    pub deferred: u64,
}

/// The counts of a set of records.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Records read (errors included).
    pub records: u64,
    /// Deliveries that failed for good (bounced, expired, rejected).
    pub failed: u64,
    /// Deliveries deferred (and not yet ended).
    pub deferred: u64,
    /// Deliveries that went through, and other notices.
    pub other: u64,
    /// Error records and lines that were not a record.
    pub errors: u64,
    /// Failed deliveries that were hard bounces of an address that does not exist.
    pub dead_addresses: u64,
    by_reason: HashMap<String, u64>,
    by_provider: HashMap<String, u64>,
    by_domain: HashMap<String, u64>,
    by_party: HashMap<String, u64>,
    sender_side: HashMap<String, u64>,
    by_day: BTreeMap<String, Day>,
}

impl Report {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one line of `parse` or `logs` JSON lines output; a line that is not a JSON
    /// object counts as an error.
    pub fn push_line(&mut self, line: &str) {
        if line.trim().is_empty() {
            return;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => self.push(&value),
            Err(_) => {
                self.records += 1;
                self.errors += 1;
            }
        }
    }

    /// Counts one record.
    pub fn push(&mut self, record: &Value) {
        let text = |key: &str| record.get(key).and_then(Value::as_str);
        let Some(reason) = text("reason") else {
            self.records += 1;
            self.errors += 1;
            return;
        };
        let log = record.get("log");
        let outcome = log
            .and_then(|log| log.get("outcome"))
            .and_then(Value::as_str);
        let state = match outcome {
            Some("deferred") => State::Deferred,
            Some("bounced" | "expired") => State::Failed,
            Some(_) => State::Other,
            None => State::of_action(text("action")),
        };
        let day = log
            .and_then(|log| log.get("last_time").or_else(|| log.get("first_time")))
            .and_then(Value::as_str)
            .and_then(day::from_rfc3339)
            .or_else(|| {
                record
                    .get("message")
                    .and_then(|m| m.get("date"))
                    .and_then(Value::as_str)
                    .and_then(day::from_rfc2822)
            });
        self.push_entry(&Entry {
            reason,
            state,
            party: text("party"),
            hard_bounce: record.get("hard_bounce").and_then(Value::as_bool) == Some(true),
            recipient: text("recipient"),
            provider: text("provider"),
            day,
        });
    }

    /// Counts one record told field by field (an event of the ledger, say), as [`push`]
    /// counts the same fields of a JSON record.
    ///
    /// [`push`]: Report::push
    pub fn push_entry(&mut self, entry: &Entry<'_>) {
        self.records += 1;
        let reason = entry.reason;
        // A dead address is counted as such, not as something the sending side can fix.
        let sender_side = matches!(entry.party, Some("sender" | "sender-admin"))
            && !DEAD_REASONS.contains(&reason);
        match entry.state {
            State::Other => {
                self.other += 1;
                return;
            }
            State::Deferred => {
                self.deferred += 1;
                if let Some(day) = &entry.day {
                    self.by_day.entry(day.clone()).or_default().deferred += 1;
                }
            }
            State::Failed => {
                self.failed += 1;
                if let Some(day) = &entry.day {
                    self.by_day.entry(day.clone()).or_default().failed += 1;
                }
                *self.by_reason.entry(reason.to_owned()).or_default() += 1;
                let provider = entry.provider.unwrap_or("-");
                *self.by_provider.entry(provider.to_owned()).or_default() += 1;
                let domain = entry
                    .recipient
                    .and_then(|r| r.rsplit_once('@'))
                    .map_or("-".to_owned(), |(_, d)| d.to_ascii_lowercase());
                *self.by_domain.entry(domain).or_default() += 1;
                let party = entry.party.unwrap_or("-");
                *self.by_party.entry(party.to_owned()).or_default() += 1;
                if entry.hard_bounce && DEAD_REASONS.contains(&reason) {
                    self.dead_addresses += 1;
                }
            }
        }
        if sender_side {
            *self.sender_side.entry(reason.to_owned()).or_default() += 1;
        }
    }

    /// Failures by reason, most first.
    pub fn by_reason(&self) -> Vec<(&str, u64)> {
        ranked(&self.by_reason)
    }

    /// Failures by receiving provider (`-` when none was told), most first.
    pub fn by_provider(&self) -> Vec<(&str, u64)> {
        ranked(&self.by_provider)
    }

    /// Failures by who must act first (the party's id, `-` when none was told), most first.
    pub fn by_party(&self) -> Vec<(&str, u64)> {
        ranked(&self.by_party)
    }

    /// Failures by the recipient's domain, most first.
    pub fn by_domain(&self) -> Vec<(&str, u64)> {
        ranked(&self.by_domain)
    }

    /// Failures and deferrals whose first party to act is the sender or its mail
    /// administrator, dead addresses left out, by reason, in the order to fix them (most
    /// first).
    pub fn sender_side(&self) -> Vec<(&str, u64)> {
        ranked(&self.sender_side)
    }

    /// Failures and deferrals by day (UTC, `YYYY-MM-DD`), oldest first.
    pub fn by_day(&self) -> impl Iterator<Item = (&str, &Day)> {
        self.by_day
            .iter()
            .map(|(day, counts)| (day.as_str(), counts))
    }
}

/// How a delivery stands, as a report counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Failed for good.
    Failed,
    /// Deferred, or a delay warning: not failed yet.
    Deferred,
    /// Delivered, or another notice.
    Other,
}

impl State {
    /// The state of a record by its DSN action (`failed`, `delayed`, ...), when it is not
    /// a log record.
    pub fn of_action(action: Option<&str>) -> State {
        match action {
            Some("failed") => State::Failed,
            Some("delayed") => State::Deferred,
            _ => State::Other,
        }
    }
}

/// The fields of one record that a report counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The reason id.
    pub reason: &'a str,
    /// How the delivery stands.
    pub state: State,
    /// Who must act first (the party's id).
    pub party: Option<&'a str>,
    /// Whether it is a hard bounce.
    pub hard_bounce: bool,
    /// The recipient's address.
    pub recipient: Option<&'a str>,
    /// The receiving provider.
    pub provider: Option<&'a str>,
    /// Its day (`YYYY-MM-DD`).
    pub day: Option<String>,
}

fn ranked(counts: &HashMap<String, u64>) -> Vec<(&str, u64)> {
    let mut out: Vec<(&str, u64)> = counts.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(lines: &[&str]) -> Report {
        let mut report = Report::new();
        for line in lines {
            report.push_line(line);
        }
        report
    }

    #[test]
    fn log_records_count_by_outcome_and_day() {
        let r = report(&[
            r#"{"kind":"log","reason":"userunknown","party":"sender","hard_bounce":true,"recipient":"a@Example.org","log":{"outcome":"bounced","last_time":"2024-01-15T10:00:00Z"}}"#,
            r#"{"kind":"log","reason":"blocked","party":"sender-admin","hard_bounce":false,"recipient":"b@example.net","provider":"google","log":{"outcome":"deferred","last_time":"2024-01-15T11:00:00Z"}}"#,
            r#"{"kind":"log","reason":"blocked","party":"sender-admin","hard_bounce":false,"recipient":"c@example.net","provider":"google","log":{"outcome":"expired","last_time":"2024-01-16T11:00:00Z"}}"#,
            r#"{"source":"x","line":3,"error":"damaged"}"#,
            "not json",
        ]);
        assert_eq!((r.records, r.failed, r.deferred, r.errors), (5, 2, 1, 2));
        assert_eq!(r.dead_addresses, 1);
        assert_eq!(r.by_domain(), vec![("example.net", 1), ("example.org", 1)]);
        assert_eq!(r.by_party(), vec![("sender", 1), ("sender-admin", 1)]);
        assert_eq!(r.by_provider(), vec![("-", 1), ("google", 1)]);
        assert_eq!(r.sender_side(), vec![("blocked", 2)]);
        let days: Vec<_> = r.by_day().map(|(d, c)| (d.to_owned(), c.clone())).collect();
        assert_eq!(
            days[0],
            (
                "2024-01-15".into(),
                Day {
                    failed: 1,
                    deferred: 1
                }
            )
        );
        assert_eq!(
            days[1],
            (
                "2024-01-16".into(),
                Day {
                    failed: 1,
                    deferred: 0
                }
            )
        );
    }

    #[test]
    fn bounce_records_count_by_action_and_message_date() {
        let r = report(&[
            r#"{"kind":"bounce","reason":"delivered","action":"delivered","party":"nobody"}"#,
            r#"{"kind":"bounce","reason":"mailboxfull","action":"delayed","party":"recipient","message":{"date":"Wed, 23 Nov 2016 12:01:03 +0000"}}"#,
            r#"{"kind":"bounce","reason":"userunknown","action":"failed","party":"sender","hard_bounce":false,"recipient":"x@y.jp"}"#,
        ]);
        assert_eq!(
            (r.failed, r.deferred, r.other, r.dead_addresses),
            (1, 1, 1, 0)
        );
        assert_eq!(r.by_reason(), vec![("userunknown", 1)]);
        let days: Vec<_> = r.by_day().map(|(d, _)| d.to_owned()).collect();
        assert_eq!(days, ["2016-11-23"]);
    }

    #[test]
    fn an_entry_counts_as_the_json_record_of_the_same_fields() {
        let json = report(&[
            r#"{"kind":"bounce","reason":"userunknown","action":"failed","party":"recipient","hard_bounce":true,"recipient":"x@Y.jp","provider":"docomo","message":{"date":"Wed, 23 Nov 2016 12:01:03 +0000"}}"#,
            r#"{"kind":"bounce","reason":"mailboxfull","action":"delayed","party":"recipient","recipient":"z@y.jp"}"#,
        ]);
        let mut typed = Report::new();
        typed.push_entry(&Entry {
            reason: "userunknown",
            state: State::of_action(Some("failed")),
            party: Some("recipient"),
            hard_bounce: true,
            recipient: Some("x@Y.jp"),
            provider: Some("docomo"),
            day: Some("2016-11-23".into()),
        });
        typed.push_entry(&Entry {
            reason: "mailboxfull",
            state: State::of_action(Some("delayed")),
            party: Some("recipient"),
            hard_bounce: false,
            recipient: Some("z@y.jp"),
            provider: None,
            day: None,
        });
        for r in [&json, &typed] {
            assert_eq!(
                (r.records, r.failed, r.deferred, r.dead_addresses),
                (2, 1, 1, 1)
            );
        }
        assert_eq!(json.by_reason(), typed.by_reason());
        assert_eq!(json.by_party(), typed.by_party());
        assert_eq!(json.by_domain(), vec![("y.jp", 1)]);
        assert_eq!(json.by_domain(), typed.by_domain());
        assert_eq!(json.by_provider(), typed.by_provider());
        let days = |r: &Report| {
            r.by_day()
                .map(|(d, c)| (d.to_owned(), c.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(days(&json), days(&typed));
    }
}
