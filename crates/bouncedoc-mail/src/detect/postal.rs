//! Postal (<https://github.com/postalserver/postal>), a mail delivery platform, returning a
//! message its incoming route could not deliver (`app/models/bounce_message.rb`):
//! `Subject: Mail Delivery Failed (<original subject>)`, `From: Mail Delivery Service <ROUTE>`,
//! a text part and the original attached as `Original Message.eml`:
//!
//! ```text
//! This is the mail delivery service responsible for delivering mail to ROUTE.
//!
//! The message you've sent cannot be delivered. Your original message is attached to this message.
//! ...
//! Mail from: SENDER
//! Rcpt To: ROUTE
//! ```
//!
//! The notice gives no reason; the failed recipient is the `Rcpt To:` line (or the route named
//! in the opening sentence).

use super::common::{detected, header_has, recipient};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Postal detector.
pub struct Postal;

const ID: &str = "postal";

const OPENING: &str = "This is the mail delivery service responsible for delivering mail to ";
const CANNOT: &str = "The message you've sent cannot be delivered.";
const RCPT: &str = "Rcpt To: ";

impl Detector for Postal {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", &["Mail Delivery Failed"]) {
            return None;
        }
        let text = message.report_text();
        if !text.holds(OPENING) || !text.holds(CANNOT) {
            return None;
        }
        let route = text
            .lines()
            .find_map(|l| l.trim().strip_prefix(RCPT))
            .and_then(parse_address)
            .or_else(|| {
                let at = text.find(OPENING)? + OPENING.len();
                let rest = text[at..].lines().next()?.trim().trim_end_matches('.');
                parse_address(rest)
            });
        let words = text
            .lines()
            .find(|l| l.holds(CANNOT))
            .map(|l| l.trim().to_string())
            .unwrap_or_default();
        detected(ID, vec![recipient(route, words)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(raw: &str) -> Option<Detected> {
        Postal.detect(&Message::parse(raw.as_bytes()).unwrap())
    }

    const NOTICE: &str = concat!(
        "From: Mail Delivery Service <help@example.com>\n",
        "To: a@example.org\n",
        "Subject: Mail Delivery Failed (hello)\n\n",
        "This is the mail delivery service responsible for delivering mail to help@example.com.\n\n",
        "The message you've sent cannot be delivered. Your original message is attached to this message.\n\n",
        "Mail from: a@example.org\n",
        "Rcpt To: help@example.com\n",
    );

    #[test]
    fn the_route_is_the_failed_recipient() {
        let d = read(NOTICE).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("help@example.com")
        );
    }

    #[test]
    fn without_the_rcpt_line_the_opening_names_the_route() {
        let raw = NOTICE.replace("Rcpt To: help@example.com\n", "");
        let d = read(&raw).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("help@example.com")
        );
    }

    #[test]
    fn other_mail_is_left_alone() {
        assert!(
            read("From: a@example.org\nSubject: Mail Delivery Failed (x)\n\nhello\n").is_none()
        );
    }
}
