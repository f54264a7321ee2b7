//! DragonFly Mail Agent (`dma`, <https://github.com/corecode/dma>).
//!
//! The small sending-only agent of DragonFly BSD writes a plain-text bounce (`Subject: Mail
//! delivery failed`, `From: MAILER-DAEMON <>`, a `Received:` header naming "DragonFly Mail
//! Agent"):
//!
//! ```text
//! This is the DragonFly Mail Agent v0.13 at df.example.jp.
//!
//! There was an error delivering your mail to <kijitora@example.com>.
//!
//! email.example.jp [192.0.2.25] did not like our RCPT TO:
//! 552 5.2.2 <kijitora@example.com>: Recipient address rejected: Mailbox full
//!
//! Message headers follow.
//! ```

use super::common::{
    address_in, detected, has_line_beginning, header_contains, header_has, recipient, smtp_command,
    squeeze,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The DragonFly Mail Agent detector.
pub struct DragonFly;

const ID: &str = "dragonfly";

const OPENING: &str = "This is the DragonFly Mail Agent ";
const RECIPIENT: &str = "There was an error delivering your mail to <";
const ENDS: &[&str] = &["Original message follows.", "Message headers follow"];

fn is_dragonfly(message: &Message, text: &str) -> bool {
    // The subject first: it is one short field.
    header_has(message, "subject", &["Mail delivery failed"])
        && (header_contains(message, "received", "(DragonFly Mail Agent")
            || has_line_beginning(text, OPENING))
}

impl Detector for DragonFly {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        if !is_dragonfly(message, text) {
            return None;
        }
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut lines: Vec<Vec<&str>> = Vec::new();
        for line in text.lines().skip_while(|l| !l.starts_with(OPENING)).skip(1) {
            if ENDS.iter().any(|e| line.starts_with(e)) {
                break;
            }
            if line.starts_with(RECIPIENT) {
                recipients.push(recipient(address_in(line), String::new()));
                lines.push(Vec::new());
            } else if let Some(words) = lines.last_mut()
                && !line.trim().is_empty()
            {
                words.push(line.trim());
            }
        }
        for (r, words) in recipients.iter_mut().zip(&lines) {
            r.diagnostic = squeeze(&words.join("\n"));
            // `host [ip] did not like our RCPT TO:` names the command.
            r.command = words
                .iter()
                .find(|l| l.holds(" did not like our "))
                .and_then(|l| smtp_command(l));
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn recipient_words_and_command() {
        let d = DragonFly.detect(&corpus("lhost-dragonfly-09.eml")).unwrap();
        assert_eq!(d.mta, Some("dragonfly"));
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("filtered@libsisimai.net"));
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        assert!(r.diagnostic.starts_with(
            "mail-inbound.libsisimai.net [192.0.2.25] did not like our RCPT TO: 550 5.2.1"
        ));
    }

    #[test]
    fn final_data_and_local_errors() {
        let d = DragonFly.detect(&corpus("lhost-dragonfly-01.eml")).unwrap();
        assert_eq!(d.recipients[0].command, Some(SmtpCommand::Data));
        let d = DragonFly.detect(&corpus("lhost-dragonfly-04.eml")).unwrap();
        assert_eq!(
            d.recipients[0].diagnostic,
            "DNS lookup failure: host cx.libsisimai.org not found"
        );
        assert_eq!(d.recipients[0].command, None);
    }

    #[test]
    fn not_dragonfly() {
        let m =
            Message::parse(b"From: a@example.jp\nSubject: Mail delivery failed\n\nhi\n").unwrap();
        assert!(DragonFly.detect(&m).is_none());
    }
}
