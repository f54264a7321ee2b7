//! Courier (<https://www.courier-mta.org/>).
//!
//! Courier's report ("This is a delivery status notification from ..., running the Courier
//! mail server") lists each recipient with the end of the SMTP session, then adds an
//! RFC 3464 part:
//!
//! ```text
//! <kijitora@example.co.jp>:
//!     mx.example.co.jp [192.0.2.95]:
//! >>> RCPT TO:<kijitora@example.co.jp>
//! <<< 550 5.1.1 <kijitora@example.co.jp>... User Unknown
//! ```
//!
//! The `>>>` line names the command the remote server refused, which the report part does
//! not say.

use bouncedoc_core::SmtpCommand;

use super::common::{
    detected, dsn_recipients, header_contains, recipient, same_address, smtp_command, squeeze,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Courier detector.
pub struct Courier;

const ID: &str = "courier";

/// A recipient's block: the address, the last command sent, the server's answer.
#[derive(Default)]
struct Block {
    address: String,
    command: Option<SmtpCommand>,
    answer: Vec<String>,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in text.lines() {
        let t = line.trim_end();
        if t.starts_with('<') && t.ends_with(">:") {
            if let Some(a) = parse_address(&t[1..t.len() - 2]) {
                out.push(Block {
                    address: a,
                    ..Block::default()
                });
            }
            continue;
        }
        let Some(b) = out.last_mut() else {
            continue;
        };
        if let Some(sent) = t.trim_start().strip_prefix(">>> ") {
            b.command = smtp_command(sent);
        } else if let Some(answer) = t.trim_start().strip_prefix("<<< ") {
            b.answer.push(answer.to_string());
        } else if let Some(error) = t.trim_start().strip_prefix("*** ") {
            // A connection or DNS error (module.dsn/dsn.C format_del_info).
            b.answer.push(error.to_string());
        }
    }
    out
}

impl Detector for Courier {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        let signed = text.holds("running the Courier mail server")
            || message
                .header("message-id")
                .is_some_and(|m| m.holds("<courier."))
            || header_contains(message, "received", "(Courier ");
        if !signed {
            return None;
        }
        let blocks = blocks(text);
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            recipients = blocks
                .iter()
                .map(|b| recipient(Some(b.address.clone()), squeeze(&b.answer.join(" "))))
                .collect();
        }
        for r in &mut recipients {
            let Some(b) = blocks.iter().find(|b| {
                r.recipient
                    .as_deref()
                    .is_some_and(|a| same_address(a, &b.address))
            }) else {
                continue;
            };
            if r.diagnostic.trim().is_empty() {
                r.diagnostic = squeeze(&b.answer.join(" "));
            }
            r.command = b.command;
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn command_from_the_session() {
        let r = only_recipient(&Courier, "lhost-courier-02.eml");
        assert_eq!(r.command, Some(SmtpCommand::Data));
        let r = only_recipient(&Courier, "lhost-courier-01.eml");
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn local_answer_without_command() {
        let d = Courier.detect(&corpus("lhost-courier-04.eml")).unwrap();
        assert_eq!(d.recipients[0].command, None);
    }
}
