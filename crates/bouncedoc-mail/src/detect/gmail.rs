//! Gmail's delivery status notifications of the plain-text kind (<https://mail.google.com/>).
//!
//! `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>`, `Subject: Delivery Status
//! Notification (Failure)` or `(Delay)`, and no report part:
//!
//! ```text
//! Delivery to the following recipient failed permanently:
//!
//!      kijitora@example.jp
//!
//! Technical details of permanent failure:
//! Google tried to deliver your message, but it was rejected by the server for the
//! recipient domain example.jp by mx.example.jp. [192.0.2.153].
//!
//! The error that the other server returned was:
//! 550 5.1.1 <kijitora@example.jp>... User Unknown
//!
//! ----- Original message -----
//! ```
//!
//! The words are the remote server's error when Google quotes it, else Google's own
//! technical details (`The recipient server did not accept our requests to connect.`), else
//! the notice itself (a delay notice may say nothing more). "Technical details of temporary
//! failure" marks the failure as temporary (`Action: delayed`).
//!
//! Older notices end the remote error with Google's `(state N)`: the stage of the SMTP
//! session it failed at, which Google documents with a cause. When the status code does not
//! name a cause itself (none, or one with a `0` subject or detail), the knowledge base reads
//! the state's cause (`providers/google.toml`).

use bouncedoc_core::{Action, SmtpCommand};

use super::common::{address_in, header_has, recipient, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Gmail detector.
pub struct Gmail;

const ID: &str = "gmail";

/// Where the returned message starts.
const ORIGINAL: &[&str] = &[
    "----- Original message -----",
    "----- Message header follows -----",
];

/// The notice's opening line.
const NOTICE: &str = "Delivery to the following recipient";

/// The label before the remote server's error.
const ERROR_LABEL: &str = "The error that the other server returned was:";

/// Google's `(state N)`: the SMTP command the session had reached (`AUTH` has no stage of
/// its own in the vocabulary).
fn state(number: &str) -> Option<Option<SmtpCommand>> {
    Some(match number {
        "6" => Some(SmtpCommand::Mail),
        "8" | "9" | "12" => None,
        "13" => Some(SmtpCommand::Helo),
        "14" => Some(SmtpCommand::Rcpt),
        "15" | "17" | "18" => Some(SmtpCommand::Data),
        _ => return None,
    })
}

fn state_number(text: &str) -> Option<&str> {
    let start = text.rfind("(state ")? + "(state ".len();
    let rest = &text[start..];
    let end = rest.find(')')?;
    Some(rest[..end].trim())
}

fn is_gmail(message: &Message) -> bool {
    header_has(message, "from", &["mailer-daemon@googlemail.com"])
        && header_has(message, "subject", &["Delivery Status Notification"])
}

/// The words about the recipients of one notice.
fn words(lines: &[&str]) -> (String, Option<Action>) {
    let text = squeeze(&lines.join(" "));
    let action = if text.holds("Technical details of temporary failure") {
        Some(Action::Delayed)
    } else if text.holds("Technical details of permanent failure") {
        Some(Action::Failed)
    } else {
        None
    };
    if let Some(i) = text.find(ERROR_LABEL) {
        return (text[i + ERROR_LABEL.len()..].trim().to_string(), action);
    }
    if let Some(i) = text.find("Technical details of ")
        && let Some(colon) = text[i..].find(':')
    {
        return (text[i + colon + 1..].trim().to_string(), action);
    }
    (text, action)
}

impl Detector for Gmail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !is_gmail(message) {
            return None;
        }
        let text = message.report_text();
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !ORIGINAL.iter().any(|o| l.trim() == *o))
            .collect();
        let start = lines.iter().position(|l| l.starts_with(NOTICE))?;
        // The recipients are listed indented, alone on their lines; the other lines are words.
        let mut addresses: Vec<String> = Vec::new();
        let mut rest: Vec<&str> = Vec::new();
        for line in &lines[start..] {
            let t = line.trim();
            if line.starts_with(' ')
                && !t.contains(' ')
                && let Some(a) = address_in(t)
            {
                addresses.push(a);
            } else if !t.is_empty() {
                rest.push(t);
            }
        }
        if addresses.is_empty() {
            return None;
        }
        let (diagnostic, action) = words(&rest);
        let stage = state_number(&diagnostic).and_then(state).flatten();
        let recipients = addresses
            .into_iter()
            .map(|a| RecipientFacts {
                action,
                command: stage,
                ..recipient(Some(a), diagnostic.clone())
            })
            .collect();
        Some(Detected {
            detector: ID,
            mta: Some(ID),
            recipients,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    use crate::detect::common::{corpus, diagnosed_reasons, only_recipient};
    use bouncedoc_core::Reason;

    #[test]
    fn remote_error_is_the_diagnostic() {
        let r = &only_recipient(&Gmail, "lhost-gmail-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("userunknown@example.jp"));
        assert_eq!(
            r.diagnostic,
            "550 5.1.1 <userunknown@example.jp>... User Unknown"
        );
        assert_eq!(r.action, Some(Action::Failed));
    }

    #[test]
    fn state_names_the_stage_and_cause() {
        let d = Gmail.detect(&corpus("lhost-gmail-03.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.diagnostic, "554 554 5.7.0 Header error (state 18).");
        assert_eq!(r.command, Some(SmtpCommand::Data));
        assert_eq!(diagnosed_reasons("lhost-gmail-03.eml"), [Reason::Filtered]);
        // A specific status code names the cause itself.
        let d = Gmail.detect(&corpus("lhost-gmail-06.eml")).unwrap();
        assert_ne!(diagnosed_reasons("lhost-gmail-06.eml")[0], Reason::Filtered);
        assert_eq!(d.recipients[0].action, Some(Action::Delayed));
    }

    #[test]
    fn googles_own_technical_details() {
        let d = Gmail.detect(&corpus("lhost-gmail-09.eml")).unwrap();
        let r = &d.recipients[0];
        assert!(
            r.diagnostic
                .starts_with("The recipient server did not accept our requests to connect."),
            "{}",
            r.diagnostic
        );
        assert_eq!(r.action, Some(Action::Delayed));
    }

    #[test]
    fn delay_notice_without_details() {
        let d = Gmail.detect(&corpus("lhost-gmail-08.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.com"));
        assert!(r.diagnostic.contains("has been delayed"));
        assert_eq!(r.action, None);
    }
}
