//! Stalwart's delivery status notices (stalwartlabs/smtp-server `src/queue/dsn.rs`,
//! `build_dsn`), read from their text when the report part is missing (a notice forwarded as
//! text). With its report part, the RFC 3464 reader reads it.
//!
//! The text opens with one of the notice's fixed sentences, then one line per recipient; a
//! notice about recipients of several outcomes puts each group under a ruled heading:
//!
//! ```text
//! Your message could not be delivered to some recipients:
//!
//!     ----- There was a temporary problem delivering to these addresses -----
//! <a@example.net> (connection to 'mx.example.net' failed: Connection refused (os error 111))
//!
//!     ----- Delivery to the following addresses failed -----
//! <b@example.org> (host 'mx.example.org' rejected command 'RCPT TO:<b@example.org>' with code 550 (5.1.1) 'User unknown')
//! ```
//!
//! A recipient under the delay heading (or in a notice that only reports delays) is delayed,
//! one under the success heading (or a `(delivered to '...'` line) delivered; the others
//! failed. The words of a refusal are the reply code, the status (unless `0.0.0`) and the
//! server's reply; the SMTP command the reply answered is kept as the stage.

use std::sync::LazyLock;

use bouncedoc_core::{Action, SmtpCommand};
use regex::Regex;

use super::common::{dsn_recipients, recipient};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Stalwart detector.
pub struct Stalwart;

const ID: &str = "stalwart";

/// The notice's opening sentences, with the outcome they give every recipient when the
/// notice has no headings (`None`: the headings tell).
const OPENINGS: &[(&str, Option<Action>)] = &[
    (
        "Your message could not be delivered to the following recipients:",
        Some(Action::Failed),
    ),
    (
        "There was a temporary problem delivering your message to the following recipients:",
        Some(Action::Delayed),
    ),
    (
        "There has been a delay delivering your message to the following recipients:",
        Some(Action::Delayed),
    ),
    (
        "Your message has been successfully delivered to the following recipients:",
        Some(Action::Delivered),
    ),
    (
        "Your message could not be delivered to some recipients:",
        None,
    ),
    ("Your message has been partially delivered:", None),
];

/// The ruled headings of a notice of several outcomes.
const HEADINGS: &[(&str, Action)] = &[
    (
        "----- There was a temporary problem delivering to these addresses -----",
        Action::Delayed,
    ),
    (
        "----- There has been a delay delivering to these addresses -----",
        Action::Delayed,
    ),
    (
        "----- Delivery to the following addresses failed -----",
        Action::Failed,
    ),
    (
        "----- Delivery to the following addresses was succesful -----",
        Action::Delivered,
    ),
    (
        "----- Delivery to the following addresses was successful -----",
        Action::Delivered,
    ),
];

/// `<a@example.org> (what happened)`: one recipient's line.
static LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^<([^<>\s]+@[^<>\s]+)>\s+\((.*)\)\s*$").expect("valid"));

/// How Stalwart's recipient lines describe what happened (`Error::write_dsn_text`,
/// `HostResponse::write_dsn_text`).
const WHAT: &[&str] = &[
    "host '",
    "delivered to '",
    "connection to '",
    "failed to lookup '",
    "TLS error from '",
    "DANE failed to authenticate '",
    "MTA-STS failed to authenticate '",
    "rate limited",
    "too many concurrent connections to remote server",
    "queue error: ",
];

/// `host 'mx' rejected command 'RCPT TO:<a@example.org>' with code 550 (5.1.1) 'reply'`, or
/// `rejected transaction`.
static REJECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^host '[^']*' rejected (?:command '([^']*)'|transaction) with code (\d{3}) \((\d\.\d{1,3}\.\d{1,3})\) '(.*)'$",
    )
    .expect("valid")
});

/// The words and the stage of one recipient's line.
fn words_of(what: &str) -> (String, Option<SmtpCommand>) {
    let Some(c) = REJECTED.captures(what) else {
        return (what.trim().to_string(), None);
    };
    let command = c.get(1).and_then(|m| {
        let verb = m.as_str().split(':').next().unwrap_or("");
        SmtpCommand::from_stage(verb)
    });
    let status = &c[3];
    let words = if status == "0.0.0" {
        format!("{} {}", &c[2], &c[4])
    } else {
        format!("{} {} {}", &c[2], status, &c[4])
    };
    (words, command)
}

impl Detector for Stalwart {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        let (opening, outcome) = OPENINGS.iter().find(|(o, _)| text.holds(o))?;
        if !dsn_recipients(message).is_empty() {
            return None;
        }
        let start = text.find(opening)? + opening.len();
        let mut action = *outcome;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        for line in text[start..].lines() {
            let t = line.trim();
            if let Some((_, a)) = HEADINGS.iter().find(|(h, _)| t == *h) {
                action = Some(*a);
                continue;
            }
            let Some(c) = LINE.captures(t) else {
                continue;
            };
            let Some(address) = parse_address(&c[1]) else {
                continue;
            };
            let what = &c[2];
            if !WHAT.iter().any(|w| what.starts_with(w)) {
                continue;
            }
            let (words, command) = words_of(what);
            let this = if what.starts_with("delivered to '") {
                Some(Action::Delivered)
            } else {
                action.or(Some(Action::Failed))
            };
            recipients.push(RecipientFacts {
                action: this,
                command,
                ..recipient(Some(address), words)
            });
        }
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Option<Detected> {
        Stalwart.detect(&Message::parse(raw.as_bytes()).unwrap())
    }

    #[test]
    fn failed_beside_delayed() {
        let d = read(concat!(
            "From: MAILER-DAEMON@mail.example.com\n",
            "Subject: Warning: Temporary and permanent failures during message delivery\n\n",
            "Your message could not be delivered to some recipients:\n\n",
            "    ----- There was a temporary problem delivering to these addresses -----\n",
            "<a@example.net> (connection to 'mx.example.net' failed: Connection refused)\n\n",
            "    ----- Delivery to the following addresses failed -----\n",
            "<b@example.org> (host 'mx.example.org' rejected command 'RCPT TO:<b@example.org>' with code 550 (5.1.1) 'User unknown')\n",
        ))
        .unwrap();
        assert_eq!(d.recipients.len(), 2);
        assert_eq!(d.recipients[0].action, Some(Action::Delayed));
        assert_eq!(d.recipients[1].action, Some(Action::Failed));
        assert_eq!(d.recipients[1].diagnostic, "550 5.1.1 User unknown");
        assert_eq!(d.recipients[1].command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn a_vague_status_is_left_out() {
        let (words, command) = words_of(
            "host 'mx.example.org' rejected command 'DATA' with code 550 (0.0.0) 'Service unavailable'",
        );
        assert_eq!(words, "550 Service unavailable");
        assert_eq!(command, Some(SmtpCommand::Data));
    }
}
