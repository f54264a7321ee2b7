//! OpenSMTPD (<https://www.opensmtpd.org/>).
//!
//! OpenSMTPD's bounce (`Subject: Delivery status notification: error`, from `Mailer Daemon
//! <MAILER-DAEMON@...>`) lists one recipient a line, each with the error in its own words:
//!
//! ```text
//!     Hi!
//!
//!     This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail.
//!
//!     An error has occurred while attempting to deliver a message for
//!     the following list of recipients:
//!
//! kijitora@example.jp: 550 5.2.2 <kijitora@example.jp>... Mailbox Full
//!
//!     Below is a copy of the original message:
//! ```
//!
//! Newer versions add an RFC 3464 part. Its `Status` is OpenSMTPD's own guess (`4.4.7` for
//! any delayed message, `5.0.0`), not the remote server's: the reference classifier reads
//! only the text lines, and so does this detector.

use super::common::{
    address_in, detected, header_contains, header_has, recipient, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;
use bouncedoc_core::Action;

/// The OpenSMTPD detector.
pub struct OpenSmtpd;

const ID: &str = "opensmtpd";

const OPENING: &str = "This is the MAILER-DAEMON, please DO NOT REPLY to this";
const ENDS: &[&str] = &["Below is a copy of the original message:"];
const DELAYED: &str = "A message is delayed for more than ";

impl Detector for OpenSmtpd {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let subject = header_has(message, "subject", &["Delivery status notification"]);
        let from = header_has(message, "from", &["Mailer Daemon <"]);
        let received = header_contains(message, "received", " (OpenSMTPD) with ");
        if !(subject || from || received) {
            return None;
        }
        let text = text_until(message, ENDS);
        let mut lines = text
            .lines()
            .skip_while(|l| !l.trim_start().starts_with(OPENING));
        lines.next()?;
        // The warning of a delay (bounce.c, notice_warning): its recipients are still queued.
        let delayed = text.holds(DELAYED)
            || header_has(
                message,
                "subject",
                &["Delivery status notification: delayed"],
            );
        let recipients: Vec<RecipientFacts> = lines
            .filter(|l| !l.starts_with(' ') && l.contains('@') && l.holds(": "))
            .filter_map(|l| {
                let (addr, words) = l.split_once(": ")?;
                let addr = address_in(addr)?;
                let mut r = recipient(Some(addr), squeeze(words));
                // "Envelope expired" is the queue giving the envelope up (its lifetime ran
                // out): a failure, even in the warning's layout.
                if delayed && !words.holds("Envelope expired") {
                    r.action = Some(Action::Delayed);
                }
                Some(r)
            })
            .collect();
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn one_line_per_recipient() {
        let d = OpenSmtpd.detect(&corpus("lhost-opensmtpd-17.eml")).unwrap();
        assert_eq!(d.mta, Some("opensmtpd"));
        assert_eq!(d.recipients.len(), 2);
        assert!(d.recipients[1].diagnostic.starts_with("552"));
    }

    #[test]
    fn text_over_the_report_part() {
        let r = only_recipient(&OpenSmtpd, "lhost-opensmtpd-15.eml");
        assert_eq!(r.recipient.as_deref(), Some("neko@nyaan.jp"));
        assert_eq!(r.diagnostic, "Envelope expired");
        assert_eq!(r.status, None);
    }

    #[test]
    fn not_opensmtpd() {
        let m =
            Message::parse(b"From: a@example.jp\nSubject: Delivery status notification\n\nhi\n")
                .unwrap();
        assert!(OpenSmtpd.detect(&m).is_none());
    }
}
