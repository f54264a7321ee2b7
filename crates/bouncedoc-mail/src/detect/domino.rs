//! HCL Domino (formerly IBM / Lotus Domino, <https://www.hcl-software.com/domino>).
//!
//! Domino's bounce (`Subject: DELIVERY FAILURE: ...`) is a short text, sometimes with an
//! RFC 3464 part:
//!
//! ```text
//! Your message
//!
//!   Subject: Test Bounce
//!
//! was not delivered to:
//!
//!   kijitora@example.net
//!
//! because:
//!
//!   User some.name (kijitora@example.net) not listed in Domino Directory
//! ```
//!
//! Domino states the cause in its own words (in the server's language); the knowledge base
//! reads them (`servers/domino.toml`, the rules limited to this format).

use super::common::{
    SameRecipients, address_in, detected, dsn_recipients, header_has, recipient, squeeze,
};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Domino detector.
pub struct Domino;

const ID: &str = "domino";

impl Detector for Domino {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(
            message,
            "subject",
            &["DELIVERY FAILURE:", "DELIVERY_FAILURE"],
        ) {
            return None;
        }
        let text = message.report_text();
        let mut lines = text.lines().skip_while(|l| !l.starts_with("Your message"));
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut section = "";
        for line in lines {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            match t {
                "was not delivered to:" => {
                    section = "to";
                    recipients.push(recipient(None, String::new()));
                    continue;
                }
                "because:" => {
                    section = "because";
                    continue;
                }
                _ => {}
            }
            let Some(r) = recipients.last_mut() else {
                continue;
            };
            match section {
                "to" if r.recipient.is_none() && !t.contains(' ') => r.recipient = address_in(t),
                "because" if r.diagnostic.is_empty() => r.diagnostic = squeeze(t),
                _ => {}
            }
        }
        recipients.retain(|r| r.recipient.is_some());
        let dsn = dsn_recipients(message);
        let same = SameRecipients::new(&dsn);
        for r in &mut recipients {
            if let Some(d) = same.get(r.recipient.as_deref()) {
                r.status = d.status;
                r.action = d.action;
                if r.diagnostic.is_empty() {
                    r.diagnostic = d.diagnostic.clone();
                }
            }
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
    fn recipient_and_cause() {
        let d = Domino.detect(&corpus("lhost-domino-01.eml")).unwrap();
        assert_eq!(d.mta, Some("domino"));
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.jp"));
        assert_eq!(
            r.diagnostic,
            "User some.name (kijitora@example.jp) not listed in Domino Directory"
        );
        assert_eq!(
            diagnosed_reasons("lhost-domino-01.eml"),
            [Reason::UserUnknown]
        );
    }

    #[test]
    fn report_part_gives_the_status() {
        let d = Domino.detect(&corpus("lhost-domino-02.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.co.jp"));
        assert_eq!(r.status.map(|s| s.to_string()).as_deref(), Some("5.0.0"));
        assert!(r.diagnostic.contains("Domino"));
    }
}
