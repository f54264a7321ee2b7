//! Sendmail version 5 and its descendants that write no RFC 3464 part.
//!
//! The bounce (`Subject: Returned mail: ...`) holds only a transcript, and the message
//! after `----- Unsent message follows -----`:
//!
//! ```text
//!    ----- Transcript of session follows -----
//! While talking to mail.example.co.jp:
//! >>> RCPT To:<mikeneko@example.co.jp>
//! <<< 550 Requested User Mailbox not found. No such user here.
//! 550 <mikeneko@example.co.jp>... User unknown
//!    ----- Unsent message follows -----
//! ```
//!
//! A recipient appears in a `>>> RCPT To:<...>` line or in a local line `550
//! <address>... words`; the client's commands and the server's answers that follow belong
//! to it (those before the first recipient, to the first). Lines without an address (`421
//! example.org (smtp)... Deferred: ...`) are kept for a recipient that has no other words;
//! when no line names an address, the recipient is the returned message's `To:`.

use bouncedoc_core::SmtpCommand;

use super::common::{
    self, address_in, any_smtp_command, detected, header_has, recipient, smtp_command, squeeze,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Sendmail version 5 detector.
pub struct V5Sendmail;

const ID: &str = "v5sendmail";

const TRANSCRIPT: &str = "----- Transcript of session follows -----";
const ENDS: &[&str] = &[
    "----- Unsent message follows -----",
    "----- No message was collected -----",
];

/// The address of a line `550 <a@example.jp>... words` or `>>> RCPT To:<a@example.jp>`.
fn address_of(line: &str) -> Option<String> {
    if line.to_ascii_uppercase().starts_with(">>> RCPT TO:") {
        return address_in(line);
    }
    let open = line.find(" <")?;
    let close = line[open..].find(">...")?;
    parse_address(&line[open + 2..open + close])
}

#[derive(Default)]
struct Entry {
    address: Option<String>,
    lines: Vec<String>,
    other: Vec<String>,
    /// The last command sent before the entry's first line, with the engine's stage for it
    /// (`None` for one it has none for, such as `QUIT`).
    command: Option<Option<SmtpCommand>>,
}

impl Detector for V5Sendmail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", &["Returned mail: "]) {
            return None;
        }
        let text = message.report_text();
        if !ENDS.iter().any(|e| text.contains(e)) || !text.holds(TRANSCRIPT) {
            return None;
        }
        let mut entries: Vec<Entry> = vec![Entry::default()];
        let mut command: Option<Option<SmtpCommand>> = None;
        let mut lines = text.lines().skip_while(|l| !l.holds(TRANSCRIPT));
        lines.next();
        for line in lines {
            if ENDS.iter().any(|e| line.contains(e)) {
                break;
            }
            let l = line.trim_end();
            if l.trim().is_empty() {
                continue;
            }
            if let Some(sent) = l.strip_prefix(">>> ") {
                command = any_smtp_command(sent);
            }
            let current = entries.last_mut().expect("one entry");
            // The server's answer to `MAIL From:` names the sender, not a recipient.
            let about_sender = command == Some(Some(SmtpCommand::Mail)) && l.starts_with("<<< ");
            if let Some(addr) = address_of(l).filter(|_| !about_sender) {
                let same = current
                    .address
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(&addr));
                if !same && current.address.is_some() {
                    entries.push(Entry::default());
                }
                let current = entries.last_mut().expect("one entry");
                current.lines.push(l.to_string());
                if !same {
                    current.address = Some(addr);
                    current.command = command;
                }
            } else if l.starts_with("While talking to ") {
                continue;
            } else if l.starts_with(">>> ") || l.starts_with("<<< ") {
                current.lines.push(l.to_string());
            } else {
                current.other.push(l.to_string());
            }
        }
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        for e in &entries {
            let address = e.address.clone().or_else(|| {
                e.other
                    .iter()
                    .find_map(|l| address_of(l).or_else(|| address_in(l)))
            });
            if address.is_none() {
                continue;
            }
            let words = if e.lines.is_empty() {
                &e.other
            } else {
                &e.lines
            };
            let mut r = recipient(address, squeeze(&words.join("\n")));
            r.command = e.command.unwrap_or_else(|| smtp_command(&r.diagnostic));
            recipients.push(r);
        }
        if recipients.is_empty() {
            // No line names an address: the returned message's `To:` is the recipient.
            let to = common::returned_to(message).or_else(|| to_in_text(text));
            let words: Vec<&str> = entries
                .iter()
                .flat_map(|e| e.other.iter().map(String::as_str))
                .collect();
            if to.is_some() {
                recipients.push(recipient(to, squeeze(&words.join("\n"))));
            }
        }
        detected(ID, recipients)
    }
}

/// The `To:` of the message returned after the transcript, in a report that is one text.
fn to_in_text(text: &str) -> Option<String> {
    text.lines()
        .skip_while(|l| !ENDS.iter().any(|e| l.contains(e)))
        .find_map(|l| l.strip_prefix("To:").and_then(parse_address))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;

    #[test]
    fn several_sessions_several_recipients() {
        let d = V5Sendmail
            .detect(&corpus("lhost-v5sendmail-05.eml"))
            .unwrap();
        assert_eq!(d.mta, Some("v5sendmail"));
        let addrs: Vec<&str> = d
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect();
        assert_eq!(
            addrs,
            [
                "kijitora@example.edu",
                "kuroneko@example.or.jp",
                "kijitora@example.org",
                "mikeneko@example.co.jp"
            ]
        );
        assert_eq!(d.recipients[0].command, Some(SmtpCommand::Data));
        assert_eq!(d.recipients[3].command, Some(SmtpCommand::Rcpt));
        assert!(d.recipients[3].diagnostic.contains("No such user here"));
    }

    #[test]
    fn recipient_from_the_returned_message() {
        let d = V5Sendmail
            .detect(&corpus("lhost-v5sendmail-01.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert!(
            d.recipients[0]
                .diagnostic
                .starts_with("421 example.com (smtp)... Deferred")
        );
    }
}
