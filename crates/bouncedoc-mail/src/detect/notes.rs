//! HCL Notes (formerly Lotus Notes) and its SMTP gateway (`Lotus SMTP MTA`).
//!
//! The bounce (`Subject: Undeliverable message`) is a plain text:
//!
//! ```text
//! ------- Failure Reasons  --------
//!
//! User not listed in public Name & Address Book
//! kijitora@notes.example.jp
//!
//! ------- Returned Message --------
//! ```
//!
//! The cause comes first, then the address it concerns. When no address is given, the
//! returned message's `To:` is the recipient.

use super::common::{
    address_in, detected, header_has, recipient, returned_to, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Notes detector.
pub struct Notes;

const ID: &str = "notes";

const OPENING: &str = "------- Failure Reasons";
const ENDS: &[&str] = &["------- Returned Message --------"];

impl Detector for Notes {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", &["Undeliverable message"]) {
            return None;
        }
        let text = text_until(message, ENDS);
        let mut lines = text.lines().skip_while(|l| !l.starts_with(OPENING));
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for line in lines {
            let t = line.trim();
            if t.is_empty() || t.starts_with('-') {
                continue;
            }
            if t.contains('@') && !t.contains(' ') {
                if let Some(a) = parse_address(t) {
                    recipients.push(recipient(Some(a), squeeze(&words.join(" "))));
                    words.clear();
                }
            } else {
                words.push(t);
            }
        }
        if recipients.is_empty() {
            let to = returned_to(message).or_else(|| {
                message
                    .report_text()
                    .lines()
                    .skip_while(|l| !l.starts_with(ENDS[0]))
                    .find_map(|l| l.strip_prefix("To:").and_then(address_in))
            });
            recipients.extend(to.map(|a| recipient(Some(a), squeeze(&words.join(" ")))));
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, diagnosed_reasons};
    use bouncedoc_core::Reason;

    #[test]
    fn cause_then_address() {
        let d = Notes.detect(&corpus("lhost-notes-03.eml")).unwrap();
        assert_eq!(d.mta, Some("notes"));
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.com"));
        assert_eq!(
            r.diagnostic,
            "User not listed in public Name & Address Book"
        );
        assert_eq!(
            diagnosed_reasons("lhost-notes-03.eml"),
            [Reason::UserUnknown]
        );
    }

    #[test]
    fn japanese_cause() {
        let d = Notes.detect(&corpus("lhost-notes-01.eml")).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@u1.example.co.jp")
        );
        assert_eq!(
            d.recipients[0].diagnostic,
            "エラー(テストメッセージとしての)"
        );
    }
}
