//! Ipswitch IMail Server (`X-Mailer: <SMTP32 v...>`, `Subject: Undeliverable Mail`).
//!
//! The bounce states the cause and the address on one line, then quotes the message:
//!
//! ```text
//! Unknown user: kijitora@example.com
//!
//! Original message follows.
//! ```
//!
//! Remote refusals add "Body of message generated response:" with the server's answer. The
//! causes IMail names itself ("Unknown user", "User mailbox exceeds allowed size", ...) are
//! read as the reasons they state.

use super::common::{
    address_in, detected, header_has, recipient, smtp_command, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The IMail Server detector.
pub struct IMailServer;

const ID: &str = "imailserver";

impl Detector for IMailServer {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let mailer = message
            .header("x-mailer")
            .is_some_and(|m| m.trim_start().starts_with("<SMTP32 v"));
        let text = text_until(message, &["Original message follows."]);
        // The subject alone (`Undeliverable Mail`, which other servers write too) counts
        // with IMail's own line before the quoted message.
        let plain_subject = message
            .header("subject")
            .is_some_and(|s| s.trim() == "Undeliverable Mail")
            && message.report_text().holds("\nOriginal message follows.");
        if !mailer && !plain_subject && !header_has(message, "subject", &["Undeliverable Mail "]) {
            return None;
        }
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut response = String::new();
        for line in text.lines() {
            let t = line.trim_end();
            if t.is_empty() {
                continue;
            }
            if let Some(p) = t.rfind(": ")
                && p > 8
                && t[p..].contains('@')
            {
                // `Unknown user: kijitora@example.com`
                recipients.push(recipient(address_in(&t[p + 2..]), t.to_string()));
            } else if t.starts_with("undeliverable ") {
                recipients.push(recipient(address_in(t), t.to_string()));
            } else if t.holds("Body of message generated response:") || !response.is_empty() {
                response.push_str(t);
                response.push(' ');
            }
        }
        for r in &mut recipients {
            if !response.is_empty() {
                r.diagnostic = squeeze(&format!("{response} {}", r.diagnostic));
            }
            r.command = smtp_command(&r.diagnostic);
        }
        recipients.retain(|r| r.recipient.is_some());
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    /// `Subject: Undeliverable Mail` with no X-Mailer counts beside IMail's own line.
    #[test]
    fn plain_subject_with_imails_line() {
        let raw = b"From: postmaster@example.org\nSubject: Undeliverable Mail\n\nunknown user: <kijitora@example.jp>\n\nOriginal message follows.\n\nTo: kijitora@example.jp\n";
        let d = IMailServer.detect(&Message::parse(raw).unwrap()).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp")
        );
        let raw = b"From: postmaster@example.org\nSubject: Undeliverable Mail\n\nReply to: help@example.org\n";
        assert!(IMailServer.detect(&Message::parse(raw).unwrap()).is_none());
    }

    #[test]
    fn cause_and_address_on_one_line() {
        let r = &only_recipient(&IMailServer, "lhost-imailserver-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.com"));
        assert_eq!(r.diagnostic, "Unknown user: kijitora@example.com");
        assert_eq!(
            crate::detect::common::diagnosed_reasons("lhost-imailserver-01.eml"),
            [bouncedoc_core::Reason::UserUnknown]
        );
    }
}
