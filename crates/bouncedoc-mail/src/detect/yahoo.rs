//! Yahoo! Mail (<https://mail.yahoo.com/>) and the services on its platform (AOL).
//!
//! `From: MAILER-DAEMON@yahoo.com`, `Subject: Failure Notice`, a text in the manner of
//! qmail's:
//!
//! ```text
//! Sorry, we were unable to deliver your message to the following address.
//!
//! <kijitora@example.jp>:
//! Remote host said: 550 5.1.1 <kijitora@example.jp>... User Unknown [RCPT_TO]
//!
//! --- Below this line is a copy of the message.
//! ```
//!
//! The SMTP command the remote server refused is named in brackets at the end
//! (`[RCPT_TO]`, `[MAIL_FROM]`, `[DATA]`).

use bouncedoc_core::SmtpCommand;

use super::common::{address_in, header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Yahoo! Mail detector.
pub struct Yahoo;

const ID: &str = "yahoo";

/// The line that opens the report.
const START: &str = "Sorry, we were unable to deliver your message to the following address";

/// Where the returned message starts.
const ENDS: &[&str] = &[
    "--- Below this line is a copy of the message.",
    "--- Below this line is a copy of the mail header.",
];

fn is_yahoo(message: &Message) -> bool {
    (header_has(message, "from", &["@yahoo.com", "@yahoo.co.jp", "@aol.com"])
        && header_has(message, "from", &["mailer-daemon"]))
        || message.header("x-ymailisg").is_some()
}

/// The command in the bracketed marker at the end of the words (`[RCPT_TO]`).
fn bracketed_command(words: &str) -> Option<SmtpCommand> {
    let open = words.rfind('[')?;
    let marker = words[open + 1..].split(']').next()?;
    Some(match marker {
        "CONNECT" | "CONN" => SmtpCommand::Connect,
        "HELO" | "EHLO" => SmtpCommand::Helo,
        "MAIL_FROM" => SmtpCommand::Mail,
        "RCPT_TO" => SmtpCommand::Rcpt,
        "DATA" | "END_OF_DATA" => SmtpCommand::Data,
        _ => return None,
    })
}

impl Detector for Yahoo {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !is_yahoo(message) {
            return None;
        }
        let text = text_until(message, ENDS);
        let lines: Vec<&str> = text.lines().collect();
        let start = lines.iter().position(|l| l.holds(START))?;
        let mut found: Vec<(String, Vec<&str>)> = Vec::new();
        for line in &lines[start + 1..] {
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            if t.starts_with('<')
                && t.ends_with(">:")
                && let Some(a) = address_in(t)
            {
                found.push((a, Vec::new()));
            } else if let Some((_, words)) = found.last_mut() {
                words.push(t);
            }
        }
        let recipients: Vec<RecipientFacts> = found
            .into_iter()
            .map(|(a, words)| {
                let words = squeeze(&words.join(" "));
                RecipientFacts {
                    command: bracketed_command(&words),
                    ..recipient(Some(a), words)
                }
            })
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn remote_reply_and_command() {
        let r = &only_recipient(&Yahoo, "lhost-yahoo-05.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.co.jp"));
        assert_eq!(
            r.diagnostic,
            "Remote host said: 550 5.2.1 <kijitora@example.co.jp>... User Unknown [RCPT_TO]"
        );
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn yahoos_own_words() {
        let d = Yahoo.detect(&corpus("lhost-yahoo-09.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.diagnostic, "No mx record found for domain=libsisimai.org");
        assert_eq!(r.command, None);
    }

    #[test]
    fn qmail_is_not_yahoo() {
        assert!(Yahoo.detect(&corpus("lhost-qmail-01.eml")).is_none());
    }
}
