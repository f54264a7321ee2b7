//! Netscape / iPlanet Messaging Server's notice of recipients a remote server refused, also
//! sent by providers on that software (DTI's `Mail System Error - Returned Mail`, its example
//! at <http://dream.jp/support/techinfo/mail/error/error05.html>):
//!
//! ```text
//! This Message was undeliverable due to the following reason:
//!
//! Each of the following recipients was rejected by a remote mail server.
//! The reasons given by the server are included to help you determine why
//! each recipient was rejected.
//!
//!     Recipient: <user@example.jp>
//!     Reason:    <user@example.jp>... User unknown
//!
//! Please reply to Postmaster@example.jp
//! if you feel this message to be in error.
//! ```
//!
//! The layout says what was refused: each recipient, that is the remote server's answer to
//! `RCPT TO`; the words after `Reason:` are that answer.
//!
//! The same notice may instead give the reason as a sentence, then the recipients in angle
//! brackets (quoted at <http://faq.busblog.jp/faq/show/410>):
//!
//! ```text
//! This Message was undeliverable due to the following reason:
//!
//! The user(s) account is temporarily over quota.
//!
//! <user@example.jp>
//!
//! Please reply to <Postmaster@example.jp>
//! if you feel this message to be in error.
//! ```
//!
//! Each recipient then takes the sentence as its words; the stage is not stated.

use bouncedoc_core::SmtpCommand;

use super::common::{dsn_recipients, recipient, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Netscape Messaging Server detector.
pub struct Netscape;

const ID: &str = "netscape";

/// The sentence that opens the list of refused recipients.
const START: &str = "Each of the following recipients was rejected by a remote mail server.";

/// The line after the list.
const END: &str = "Please reply to ";

/// The recipients listed after [`START`], each with the words after its `Reason:`.
fn refused(text: &str) -> Vec<RecipientFacts> {
    let Some(at) = text.find(START) else {
        return Vec::new();
    };
    let mut out: Vec<RecipientFacts> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut current: Option<String> = None;
    let mut flush = |current: &mut Option<String>, words: &mut Vec<&str>| {
        if let Some(address) = current.take() {
            let mut r = recipient(Some(address), squeeze(&words.join(" ")));
            r.command = Some(SmtpCommand::Rcpt);
            out.push(r);
        }
        words.clear();
    };
    for line in text[at + START.len()..].lines() {
        let line = line.trim();
        if line.starts_with(END) {
            break;
        }
        if let Some(rest) = line.strip_prefix("Recipient:") {
            flush(&mut current, &mut words);
            current = parse_address(rest.trim());
        } else if let Some(rest) = line.strip_prefix("Reason:") {
            words.push(rest.trim());
        } else if line.is_empty() {
            flush(&mut current, &mut words);
        } else if current.is_some() && !words.is_empty() {
            words.push(line);
        }
    }
    flush(&mut current, &mut words);
    out
}

/// The line that opens the notice.
const OPENING: &str = "This Message was undeliverable due to the following reason:";

/// The sentence form: the lines between [`OPENING`] and [`END`] that are an address alone are
/// the recipients, the others the reason they all share.
fn by_sentence(text: &str) -> Vec<RecipientFacts> {
    let Some(at) = text.find(OPENING) else {
        return Vec::new();
    };
    let mut addresses: Vec<String> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut ended = false;
    for line in text[at + OPENING.len()..].lines() {
        let line = line.trim();
        if line.starts_with(END) {
            ended = true;
            break;
        }
        if line.is_empty() {
            continue;
        }
        if line.starts_with('<') && line.ends_with('>') && !line[1..].contains('<') {
            match parse_address(line) {
                Some(address) => addresses.push(address),
                None => return Vec::new(),
            }
        } else if addresses.is_empty() {
            words.push(line);
        } else {
            return Vec::new();
        }
    }
    if !ended || words.is_empty() {
        return Vec::new();
    }
    let words = squeeze(&words.join(" "));
    addresses
        .into_iter()
        .map(|address| recipient(Some(address), words.clone()))
        .collect()
}

/// The sentence form's text may name the mailbox the message was routed to (the report
/// part's `X-Actual-Recipient`), while the report part's `Final-Recipient` is the address the
/// sender wrote: when the report part names as many recipients as the text, each text
/// recipient takes the reported address and keeps its own as the final one.
fn to_reported_recipients(found: &mut [RecipientFacts], reported: &[RecipientFacts]) {
    if found.is_empty() || found.len() != reported.len() {
        return;
    }
    for (r, d) in found.iter_mut().zip(reported) {
        if d.recipient.is_some() && r.recipient != d.recipient {
            r.final_recipient = r.recipient.take();
            r.recipient = d.recipient.clone();
            if r.status.is_none() {
                r.status = d.status;
            }
            if r.action.is_none() {
                r.action = d.action;
            }
        }
    }
}

impl Detector for Netscape {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        if text.holds(START) {
            return Detected::found(ID, refused(text));
        }
        if text.holds(OPENING) {
            let mut found = by_sentence(text);
            to_reported_recipients(&mut found, &dsn_recipients(message));
            return Detected::found(ID, found);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_refused_recipient_with_its_reason() {
        let text = "This Message was undeliverable due to the following reason:\n\nEach of the following recipients was rejected by a remote mail server.\nThe reasons given by the server are included to help you determine why\neach recipient was rejected.\n\n    Recipient: <a@example.jp>\n    Reason:    <a@example.jp>... User unknown\n\n    Recipient: <b@example.jp>\n    Reason:    552 mailbox full\n\nPlease reply to Postmaster@example.jp\nif you feel this message to be in error.\n";
        let r = refused(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.jp"));
        assert_eq!(r[0].diagnostic, "<a@example.jp>... User unknown");
        assert_eq!(r[0].command, Some(SmtpCommand::Rcpt));
        assert_eq!(r[1].diagnostic, "552 mailbox full");
    }

    #[test]
    fn a_sentence_then_its_recipients() {
        let text = "This Message was undeliverable due to the following reason:\n\nThe user(s) account is temporarily over quota.\n\n<a@example.jp>\n<b@example.jp>\n\nPlease reply to <Postmaster@example.jp>\nif you feel this message to be in error.\n";
        let r = by_sentence(text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].recipient.as_deref(), Some("b@example.jp"));
        assert_eq!(
            r[0].diagnostic,
            "The user(s) account is temporarily over quota."
        );
        assert_eq!(r[0].command, None);
    }
}
