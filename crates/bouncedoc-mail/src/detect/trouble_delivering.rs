//! "X6" (the reference classifier's name for it): an unidentified mail server (`Subject: There was an error sending your mail`).
//!
//! ```text
//! We had trouble delivering your message. Full details follow:
//!
//! 1 error(s):
//!
//! SMTP Server <mta2.example.jp> rejected recipient <kijitora@example.jp>
//!   (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]
//! The following recipients returned permanent errors: neko@example.jp. Reason: ...
//! ```

use super::common::{
    address_in, detected, header_has, recipient, smtp_command, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The TroubleDelivering detector.
pub struct TroubleDelivering;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x6";

const OPENING: &str = "We had trouble delivering your message. Full details follow:";
const PERMANENT: &str = "The following recipients returned permanent errors: ";

impl Detector for TroubleDelivering {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(
            message,
            "subject",
            &["There was an error sending your mail"],
        ) {
            return None;
        }
        let text = text_until(
            message,
            &["The attachment contains the original mail headers"],
        );
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut lines = text
            .lines()
            .skip_while(|l| !l.starts_with(OPENING))
            .peekable();
        lines.next()?;
        while let Some(line) = lines.next() {
            let address = if let Some(rest) = line.strip_prefix(PERMANENT) {
                address_in(rest.split(' ').next().unwrap_or(""))
            } else if line.starts_with("SMTP Server <") {
                line.rfind(" <").and_then(|p| address_in(&line[p..]))
            } else {
                None
            };
            let Some(address) = address else {
                continue;
            };
            // The words may continue on indented lines.
            let mut words = line.to_string();
            while let Some(next) = lines.peek().filter(|l| l.starts_with(' ')) {
                words.push(' ');
                words.push_str(next.trim());
                lines.next();
            }
            let mut r = recipient(Some(address), squeeze(&words));
            r.command = smtp_command(&r.diagnostic);
            recipients.push(r);
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn permanent_errors_line() {
        let r = &only_recipient(&TroubleDelivering, "lhost-x6-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@nyaan.example.org"));
        assert_eq!(r.command, Some(SmtpCommand::Data));
        assert!(
            r.diagnostic
                .contains("[554 5.4.6 Hop count exceeded - possible mail loop]")
        );
    }
}
