//! MailFoundry, a mail filtering appliance (`Subject: Message delivery has failed`).
//!
//! ```text
//! Unable to deliver message to: <kijitora@example.org>
//! Delivery failed for the following reason:
//! Server mx22.example.org[192.0.2.222] failed with: 550 <kijitora@example.org> No such user here
//!
//! This has been a permanent failure.  No further delivery attempts will be made.
//! ```

use super::common::{address_in, detected, header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The MailFoundry detector.
pub struct MailFoundry;

const ID: &str = "mailfoundry";

impl Detector for MailFoundry {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", &["Message delivery has failed"])
            || !header_has(message, "from", &["MAILER-DAEMON"])
        {
            return None;
        }
        let text = text_until(message, &["Content-Type: message/rfc822"]);
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut words: Vec<Vec<&str>> = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(rest) = line.strip_prefix("Unable to deliver message to: ") {
                recipients.push(recipient(address_in(rest), String::new()));
                words.push(Vec::new());
            } else if let Some(w) = words.last_mut() {
                w.push(line);
            }
        }
        for (r, w) in recipients.iter_mut().zip(&words) {
            r.diagnostic = squeeze(&w.join(" "));
        }
        recipients.retain(|r| r.recipient.is_some());
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn reason_lines() {
        let r = &only_recipient(&MailFoundry, "lhost-mailfoundry-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.org"));
        assert!(
            r.diagnostic
                .contains("failed with: 550 <kijitora@example.org> No such user here")
        );
    }
}
