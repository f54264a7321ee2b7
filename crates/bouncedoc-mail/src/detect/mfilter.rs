//! Digital Arts m-FILTER.
//!
//! The bounce (`X-Mailer: m-FILTER`, `Subject: failure notice`) explains in Japanese, then
//! lists the address, the remote server's message and the SMTP command it answered:
//!
//! ```text
//! 以下のメールアドレスへの送信に失敗しました。
//! kijitora@example.jp
//!
//! -------server message
//! 550 5.1.1 unknown user <kijitora@example.jp>
//!
//! -------SMTP command
//! DATA
//!
//! -------original message
//! ```

use super::common::{command_of_verb, detected, header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The m-FILTER detector.
pub struct MFilter;

const ID: &str = "mfilter";

const ENDS: &[&str] = &["-------original message", "-------original mail info"];

impl Detector for MFilter {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", &["failure notice"]) {
            return None;
        }
        let text = text_until(message, ENDS);
        // `X-Mailer: m-FILTER`, or its layout when a relay rewrote the header.
        let layout = text.lines().any(|l| l.trim() == "-------server message")
            && text.lines().any(|l| l.trim() == "-------SMTP command");
        if message.header("x-mailer").map(str::trim) != Some("m-FILTER") && !layout {
            return None;
        }
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut section = "";
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            match t {
                "-------server message" => section = "message",
                "-------SMTP command" => section = "command",
                _ if t.contains('@') && !t.contains(' ') => {
                    if let Some(a) = parse_address(t) {
                        recipients.push(recipient(Some(a), String::new()));
                        section = "";
                    }
                }
                _ => {
                    let Some(r) = recipients.last_mut() else {
                        continue;
                    };
                    match section {
                        "message" if r.diagnostic.is_empty() && !t.starts_with('-') => {
                            r.diagnostic = squeeze(t);
                        }
                        "command" if r.command.is_none() && t.len() == 4 => {
                            // The section's first verb is its command, whatever its stage.
                            r.command = command_of_verb(t);
                            section = "";
                        }
                        _ => {}
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
    use crate::detect::common::only_recipient;
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn message_and_command() {
        let r = &only_recipient(&MFilter, "lhost-mfilter-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.com"));
        assert_eq!(r.diagnostic, "550 unknown user <kijitora@example.com>");
        assert_eq!(r.command, Some(SmtpCommand::Data));
    }
}
