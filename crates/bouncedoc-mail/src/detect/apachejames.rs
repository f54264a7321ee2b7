//! Apache James (<https://james.apache.org/>).
//!
//! James's bounce (`Subject: [BOUNCE]`, a JavaMail `Message-ID`, or a `Received:` header
//! naming "JAMES SMTP Server") gives the error first, then the message's details, where
//! `RCPT TO:` names each recipient:
//!
//! ```text
//! Error: Invalid user address
//! Error message below:
//! 550 - Requested action not taken: no such user here
//!
//! Message details:
//!   Subject: Test message
//!   MAIL FROM: kijitora@example.com
//!   RCPT TO: neko@example.org
//! ```

use super::common::{
    address_in, detected, header_contains, header_has, recipient, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Apache James detector.
pub struct ApacheJames;

const ID: &str = "apachejames";

/// Reads the error lines and the `RCPT TO:` lines of a "Message details:" report (Apache
/// James, and the same layout used by Verizon's vtext.com gateway).
pub(crate) fn message_details(text: &str) -> Vec<RecipientFacts> {
    let mut words: Vec<&str> = Vec::new();
    let mut lines = text.lines();
    for line in lines.by_ref() {
        if line.starts_with("Message details:") {
            break;
        }
        let t = line.trim();
        // A broken MIME body leaves its boundaries and part headers in the text.
        let mime_line = t.starts_with("--")
            || (t.starts_with("Content-")
                && t.split_once(':').is_some_and(|(k, _)| !k.contains(' ')));
        if !t.is_empty() && !mime_line {
            words.push(t);
        }
    }
    let diagnostic = squeeze(&words.join(" "));
    lines
        .filter_map(|l| l.strip_prefix("  RCPT TO: "))
        .filter_map(address_in)
        .map(|a| recipient(Some(a), diagnostic.clone()))
        .collect()
}

impl Detector for ApacheJames {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let subject = message.header("subject").map(str::trim) == Some("[BOUNCE]");
        let javamail = header_has(message, "message-id", &[".JavaMail."]);
        let received = header_contains(message, "received", "JAMES SMTP Server");
        if !(subject || javamail || received) {
            return None;
        }
        let text = text_until(message, &["Content-Type: message/rfc822"]);
        let recipients = message_details(text);
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn error_then_details() {
        let r = &only_recipient(&ApacheJames, "lhost-apachejames-01.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("000000000000@vtext.example.com")
        );
        assert_eq!(
            r.diagnostic,
            "Error: Invalid user address Error message below: 550 - Requested action not taken: no such user here"
        );
    }
}
