//! qmail (<https://cr.yp.to/qmail.html>) and its descendants (netqmail, notqmail,
//! indimail).
//!
//! qmail-send writes a plain-text bounce (`Subject: failure notice`): "Hi. This is the
//! qmail-send program at ...", then one block per recipient, then the returned message:
//!
//! ```text
//! <kijitora@example.jp>:
//! 192.0.2.153 does not like recipient.
//! Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown
//! Giving up on 192.0.2.153.
//!
//! --- Below this line is a copy of the message.
//! ```
//!
//! qmail-remote's sentences say which SMTP command the remote server refused: "Connected to
//! ... but greeting failed" (the connection), "but my name was rejected" (`HELO`), "but
//! sender was rejected" (`MAIL FROM`), "does not like recipient" (`RCPT TO`), "failed on
//! DATA command" and "failed after I sent the message" (`DATA`). qmail's own errors end
//! with a status code in the form `(#5.1.1)`.

use bouncedoc_core::SmtpCommand;

use super::common::{
    address_in, detected, has_line_beginning, header_contains, header_has, recipient, smtp_command,
    squeeze, text_until,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The qmail detector.
pub struct Qmail;

const ID: &str = "qmail";

/// Lines that open the report (qmail-send.c and the clones').
const STARTS: &[&str] = &[
    "Hi. This is the qmail",
    "He/Her is not ",
    "unable to deliver your message to the following addresses",
    "Su mensaje no pudo ser entregado",
    "Sorry, we were unable to deliver your message to the following address",
    "This is the machine generated message from mail service",
    "This is the mail delivery agent at",
    "Unfortunately, your mail was not delivered to the following address:",
    "Your mail message to the following address",
    "Your message to the following addresses",
];

/// Lines where the returned message starts.
pub(crate) const ENDS: &[&str] = &[
    "--- Below this line is a copy of the message.",
    "--- Below this line is a copy of the mail header.",
    "--- Below the next line is a copy of the message.",
    "--- Enclosed is a copy of the message.",
    "--- Mensaje original adjunto.",
    "Content-Type: message/rfc822",
    "Original message follows.",
];

/// qmail-remote's sentences, and the command each one says was refused.
const COMMANDS: &[(&str, SmtpCommand)] = &[
    (" but greeting failed.", SmtpCommand::Connect),
    (" but my name was rejected.", SmtpCommand::Helo),
    (" but sender was rejected.", SmtpCommand::Mail),
    (" does not like recipient.", SmtpCommand::Rcpt),
    (" failed on DATA command", SmtpCommand::Data),
    (" failed after I sent the message", SmtpCommand::Data),
];

/// The first words of qmail's report.
const GREETING: &str = "Hi. This is the qmail";

/// Whether the headers name qmail: its subject, or its mark in a `Received` line.
fn headers_say_qmail(message: &Message) -> bool {
    header_has(message, "subject", &["failure notice"])
        || header_contains(message, "received", "(qmail ")
}

/// Whether `text` (the report up to the returned message) is qmail's: its greeting, or
/// the start of a recipient block when the headers name qmail.
fn is_qmail(headers_say: bool, text: &str) -> bool {
    has_line_beginning(text, GREETING) || (headers_say && STARTS.iter().any(|s| text.contains(s)))
}

/// Reads the blocks `<address>:` and the lines that follow each.
pub(crate) fn blocks(text: &str, starts: &[&str]) -> Vec<RecipientFacts> {
    let mut out: Vec<RecipientFacts> = Vec::new();
    let mut lines_of: Vec<Vec<&str>> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if !open {
            open = starts.iter().any(|s| line.contains(s));
            continue;
        }
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('<') && t.contains('@') && t.trim_end().ends_with(">:") {
            out.push(recipient(address_in(t), String::new()));
            lines_of.push(Vec::new());
        } else if let Some(lines) = lines_of.last_mut() {
            lines.push(t);
        }
    }
    for (r, lines) in out.iter_mut().zip(&lines_of) {
        r.diagnostic = squeeze(&lines.join("\n"));
        r.command = COMMANDS
            .iter()
            .find(|(s, _)| r.diagnostic.contains(s))
            .map(|(_, c)| *c)
            .or_else(|| {
                r.diagnostic
                    .holds("no SMTP connection got far enough")
                    .then(|| smtp_command(&r.diagnostic))
                    .flatten()
            });
    }
    out
}

impl Detector for Qmail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        // What `is_qmail` needs, tested on the whole text before cutting it: without the
        // headers' signs, only qmail's greeting line can tell.
        let headers_say = headers_say_qmail(message);
        if !headers_say && !has_line_beginning(message.report_text(), GREETING) {
            return None;
        }
        let text = text_until(message, ENDS);
        if !is_qmail(headers_say, text) {
            return None;
        }
        let recipients = blocks(text, STARTS);
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn blocks_and_commands() {
        let d = Qmail.detect(&corpus("lhost-qmail-25.eml")).unwrap();
        assert_eq!(d.mta, Some("qmail"));
        assert_eq!(d.recipients.len(), 2);
        let r = &d.recipients[1];
        assert_eq!(r.recipient.as_deref(), Some("userunknown@libsisimai.net"));
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        assert!(r.diagnostic.contains("Remote host said: 550 5.1.1"));
        assert!(!r.diagnostic.contains("Enclosed"));
    }

    #[test]
    fn most_progress_was_rcpt() {
        let r = only_recipient(&Qmail, "lhost-qmail-01.eml");
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        assert!(r.diagnostic.contains("(#5.5.0)"));
    }

    #[test]
    fn not_qmail() {
        let m = Message::parse(b"From: a@example.jp\nSubject: failure notice\n\nhi\n").unwrap();
        assert!(Qmail.detect(&m).is_none());
    }
}
