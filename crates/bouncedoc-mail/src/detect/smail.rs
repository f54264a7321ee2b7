//! Smail 3: a plain-text bounce cut by ruled banners (`notify.c`), as KMail's
//! `KMMessage::createBounce` also reproduces them.
//!
//! ```text
//! |------------------------- Message log follows: -------------------------|
//!  <b@example.org> ... transport smtp: 552 5.2.2 <b@example.org>: mailbox is full
//! |------------------------- Failed addresses follow: ---------------------|
//!  <a@example.org> ... failed: 550 5.1.1 <a@example.org>... User unknown
//!  <b@example.org> ... transport smtp: 552 5.2.2 <b@example.org>: mailbox is full
//! |------------------------- Message text follows: ------------------------|
//! ```
//!
//! Each line of the failed-address block is one recipient: its address, then ` ... ` and
//! the reason. A line without an address continues the reason above it.

use super::common::{TextSearch, address_in, detected, recipient, squeeze};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Smail 3 detector.
pub struct Smail;

const ID: &str = "smail";

/// The banner's words; the banner is a line of dashes between `|` marks.
const FAILED: &str = "Failed addresses follow:";

fn is_banner(line: &str) -> bool {
    let line = line.trim();
    line.starts_with("|---") && line.ends_with('|')
}

impl Detector for Smail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        // (Every line is read only when the banner's words are there at all.)
        if !text.holds(FAILED) {
            return None;
        }
        let mut lines = text.lines();
        lines.find(|l| is_banner(l) && l.contains(FAILED))?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        for line in lines.take_while(|l| !is_banner(l)) {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let (head, reason) = line.split_once(" ... ").unwrap_or((line, ""));
            match address_in(head) {
                Some(address) if !head.contains(' ') || head.starts_with('<') => {
                    recipients.push(recipient(Some(address), squeeze(reason)));
                }
                _ => {
                    if let Some(last) = recipients.last_mut() {
                        if !last.diagnostic.is_empty() {
                            last.diagnostic.push(' ');
                        }
                        last.diagnostic.push_str(&squeeze(line));
                    }
                }
            }
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_failed_address() {
        let raw = b"From: MAILER-DAEMON@mail.example.org\nSubject: mail failed, returning to sender\n\n|------------------------- Message log follows: -------------------------|\n <b@example.net> ... host example.net not found\n|------------------------- Failed addresses follow: ---------------------|\n <a@example.jp> ... failed: 550 5.1.1 User unknown\n <b@example.net> ... host example.net not found\n   (giving up)\n|------------------------- Message text follows: ------------------------|\nFrom: c@example.org\nTo: a@example.jp, b@example.net\n\nhi\n";
        let m = Message::parse(raw).unwrap();
        let d = Smail.detect(&m).unwrap();
        assert_eq!(d.recipients.len(), 2);
        assert_eq!(d.recipients[0].recipient.as_deref(), Some("a@example.jp"));
        assert_eq!(d.recipients[0].diagnostic, "failed: 550 5.1.1 User unknown");
        assert_eq!(
            d.recipients[1].diagnostic,
            "host example.net not found (giving up)"
        );
    }

    #[test]
    fn no_banner_no_answer() {
        let raw = b"From: MAILER-DAEMON@mail.example.org\nSubject: failure notice\n\nFailed addresses follow: a@example.jp\n";
        let m = Message::parse(raw).unwrap();
        assert!(Smail.detect(&m).is_none());
    }
}
