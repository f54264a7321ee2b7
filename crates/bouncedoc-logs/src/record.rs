//! The output of `bouncedoc logs`: one record per story, the log's facts beside the
//! engine's diagnosis of its last failed attempt.

use bouncedoc_core::{Action, Diagnosis, Engine, Lang, Observation};
use serde::Serialize;

use crate::event::{Event, Outcome};
use crate::story::Story;
use crate::time;

/// The log's own facts of one delivery.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    /// Attempts logged.
    pub attempts: u32,
    /// Of which deferrals.
    pub deferrals: u32,
    /// When the first attempt was logged (RFC 3339, UTC).
    pub first_time: Option<String>,
    /// When the last was, or when the delivery ended.
    pub last_time: Option<String>,
    /// The facts of its last failed attempt (who logged it, the host, queue id, recipient,
    /// relay, `dsn=`, the reply and the command it answered, the delays), with the outcome
    /// of the delivery (`deferred` when the log ended before it did).
    #[serde(flatten)]
    pub last: Event,
}

/// One line of `logs` output.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum LogRecord {
    /// A story and its diagnosis.
    Delivery(Box<DeliveryRecord>),
    /// A damaged line, or an input that could not be read.
    Error {
        /// The input.
        source: String,
        /// The line, from 1 (absent when the input could not be opened).
        #[serde(skip_serializing_if = "Option::is_none")]
        line: Option<u64>,
        /// What is wrong.
        error: String,
    },
}

/// A story and its diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryRecord {
    /// The input it was read from.
    pub source: String,
    /// The line of its first attempt.
    pub line: u64,
    /// Always `log`.
    pub kind: &'static str,
    /// The log's facts.
    pub log: Facts,
    /// The diagnosis of its last failed attempt.
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
}

/// The engine's diagnosis of a story's last failed attempt: the one place this crate asks
/// the engine.
pub fn diagnose(engine: &Engine, story: &Story, lang: Lang) -> Diagnosis {
    let e = &story.last;
    let action = match story.outcome {
        Outcome::Bounced | Outcome::Expired => Action::Failed,
        Outcome::Deferred | Outcome::Delivered => Action::Delayed,
    };
    engine.diagnose(
        &Observation {
            text: e.reply.as_deref().unwrap_or(""),
            recipient: e.recipient.as_deref(),
            status: e.dsn.as_deref().and_then(|s| s.parse().ok()),
            action: Some(action),
            mta: Some(e.format.mta()),
            command: e.command,
            ..Default::default()
        },
        lang,
    )
}

/// A story's record.
pub fn record(engine: &Engine, story: Story, lang: Lang) -> DeliveryRecord {
    let diagnosis = diagnose(engine, &story, lang);
    let Story {
        source,
        line,
        first_time,
        last_time,
        attempts,
        deferrals,
        outcome,
        mut last,
    } = story;
    last.outcome = outcome;
    DeliveryRecord {
        source: source.to_string(),
        line,
        kind: "log",
        log: Facts {
            attempts,
            deferrals,
            first_time: first_time.map(time::rfc3339),
            last_time: last_time.map(time::rfc3339),
            last,
        },
        diagnosis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Format;
    use bouncedoc_core::Reason;
    use bouncedoc_core::SmtpCommand;

    fn story(outcome: Outcome, reply: Option<&str>, dsn: Option<&str>) -> Story {
        let mut e = Event::new(Format::Postfix, outcome);
        e.recipient = Some("bob@example.org".into());
        e.reply = reply.map(str::to_string);
        e.dsn = dsn.map(str::to_string);
        e.command = Some(SmtpCommand::Rcpt);
        Story {
            source: "maillog".into(),
            line: 3,
            first_time: Some(1_705_312_800),
            last_time: Some(1_705_316_400),
            attempts: 2,
            deferrals: 1,
            outcome,
            last: e,
        }
    }

    #[test]
    fn the_reply_is_diagnosed_with_the_logged_code() {
        let engine = Engine::new().unwrap();
        let r = record(
            &engine,
            story(
                Outcome::Bounced,
                Some("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown"),
                Some("5.1.1"),
            ),
            Lang::En,
        );
        assert_eq!(r.diagnosis.reason, Reason::UserUnknown);
        assert!(r.diagnosis.hard_bounce);
        assert_eq!(r.diagnosis.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(r.log.first_time.as_deref(), Some("2024-01-15T10:00:00Z"));
        let json = serde_json::to_value(LogRecord::Delivery(Box::new(r))).unwrap();
        assert_eq!(json["log"]["outcome"], "bounced");
        assert_eq!(json["log"]["command"], "RCPT");
        assert_eq!(json["reason"], "userunknown");
        assert_eq!(json["kind"], "log");
    }

    #[test]
    fn a_code_alone_is_enough() {
        let engine = Engine::new().unwrap();
        let d = diagnose(
            &engine,
            &story(Outcome::Deferred, None, Some("4.7.1")),
            Lang::Ja,
        );
        assert_eq!(d.status.map(|s| s.to_string()).as_deref(), Some("4.7.1"));
        assert!(!d.hard_bounce);
    }
}
