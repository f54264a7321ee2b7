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
//!
//! Sendmail 8 writes the same transcript without an RFC 3464 part when it does not send a
//! MIME report (savemail.c's `errbody()`), under its other subjects (`Warning: could not
//! send message for past 4 hours`, `Postmaster notify: see transcript for details`) and with
//! its own end lines (`----- Original message follows -----`, `----- Message header follows
//! -----`). deliver.c's `giveresponse()` and `logdelivery()` write a recipient's line as
//! `<address>... Deferred: words`, with a reply code before it (`550 5.1.1
//! <address>... User unknown`), or with a local user's bare name (`550 kijitora... User
//! unknown`), whose domain is that of the returned message's addressee of the same name.

use bouncedoc_core::{Action, SmtpCommand};

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
/// Lines where Sendmail version 5 starts the returned message.
const ENDS: &[&str] = &[
    "----- Unsent message follows -----",
    "----- No message was collected -----",
];
/// Lines where Sendmail 8 (savemail.c) starts the returned message, when it writes no
/// RFC 3464 part.
const ENDS_8: &[&str] = &[
    "----- Original message follows -----",
    "----- Message header follows -----",
];

/// The subjects of Sendmail 8's reports (savemail.c, `returntosender()` and the warning of
/// `queue.c`), beside version 5's `Returned mail: `.
const SUBJECTS_8: &[&str] = &[
    "Warning: could not send message",
    "Postmaster notify: ",
    "see transcript for details",
];

/// Sendmail 8's lists before the transcript (savemail.c `errbody()`): one address a line,
/// then indented `(reason: ...)` and `(expanded from: ...)` lines.
const FATAL_LIST: &str = "----- The following addresses had permanent fatal errors -----";
const TRANSIENT_LIST: &str = "----- The following addresses had transient non-fatal errors -----";
/// The banner savemail.c puts above a warning (`Warning: could not send message for past
/// ...`): the addresses it names are still queued.
const WARNING_BANNER: &str = "THIS IS A WARNING MESSAGE ONLY";

/// The addresses of one of savemail.c's lists, each with the words of its `(reason: ...)`
/// line (empty when it has none).
fn savemail_list(text: &str, banner: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut lines = text.lines().skip_while(|l| !l.contains(banner));
    if lines.next().is_none() {
        return out;
    }
    for line in lines {
        let l = line.trim();
        if l.is_empty() || l.starts_with("-----") {
            break;
        }
        if let Some(reason) = l
            .strip_prefix("(reason: ")
            .and_then(|r| r.strip_suffix(')'))
        {
            if let Some(last) = out.last_mut() {
                last.1 = reason.to_string();
            }
        } else if l.starts_with('(') {
            continue;
        } else if !line.starts_with(' ')
            && let Some(addr) = address_in(l).or_else(|| parse_address(l))
        {
            out.push((addr, String::new()));
        }
    }
    out
}

/// The address of a line `550 <a@example.jp>... words`, `<a@example.jp>... Deferred: words`
/// or `>>> RCPT To:<a@example.jp>`.
fn address_of(line: &str) -> Option<String> {
    if line.to_ascii_uppercase().starts_with(">>> RCPT TO:") {
        return address_in(line);
    }
    // A server's answer naming the address (`<<< 552 5.2.2 <a@example.jp>... Mailbox full`).
    let line = line.strip_prefix("<<< ").unwrap_or(line);
    let open = if line.starts_with('<') {
        0
    } else {
        line.find(" <")? + 1
    };
    let close = line[open..].find(">...")?;
    parse_address(&line[open + 1..open + close])
}

/// The local user of a line `550 kijitora... User unknown` (a reply code, an optional
/// status code, then a bare name followed by `...`).
fn local_user_of(line: &str) -> Option<&str> {
    let mut words = line.split_whitespace();
    let code = words.next()?;
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut word = words.next()?;
    if word.chars().next().is_some_and(|c| c.is_ascii_digit()) && word.contains('.') {
        word = words.next()?;
    }
    let user = word.strip_suffix("...")?;
    (!user.is_empty()
        && user
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-=".contains(c)))
    .then_some(user)
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
        let text = message.report_text();
        let returned_mail = header_has(message, "subject", &["Returned mail: "]);
        let version_5 = returned_mail && ENDS.iter().any(|e| text.contains(e));
        let ends_8 = returned_mail && ENDS_8.iter().any(|e| text.contains(e));
        // Sendmail signs its reports `Mail Delivery Subsystem` (the full name of its
        // `MAILER-DAEMON`), whatever their subject.
        let sendmail_8 = header_has(message, "subject", SUBJECTS_8)
            || header_has(message, "from", &["Mail Delivery Subsystem"]);
        if !(version_5 || ends_8 || sendmail_8) || !text.holds(TRANSCRIPT) {
            return None;
        }
        // A Sendmail 8 report with its RFC 3464 part is read with that part's fields (by
        // `sendmail`, or the RFC 3464 reader under another subject).
        if !version_5 && !common::dsn_recipients(message).is_empty() {
            return None;
        }
        // The returned message's addressees, which complete a local user's bare name.
        let returned = returned_addressees(message, text);
        let address_of_user = |user: &str| -> Option<String> {
            returned
                .iter()
                .find(|a| {
                    a.rsplit_once('@')
                        .is_some_and(|(l, _)| l.eq_ignore_ascii_case(user))
                })
                .cloned()
                .or_else(|| common::address_of_local_part(message, user))
        };
        let mut entries: Vec<Entry> = vec![Entry::default()];
        let mut command: Option<Option<SmtpCommand>> = None;
        let mut pending: Vec<String> = Vec::new();
        let mut lines = text.lines().skip_while(|l| !l.holds(TRANSCRIPT));
        lines.next();
        for line in lines {
            if ENDS.iter().chain(ENDS_8).any(|e| line.contains(e)) {
                break;
            }
            let l = line.trim_end();
            if l.trim().is_empty() {
                continue;
            }
            if let Some(sent) = l.strip_prefix(">>> ") {
                command = any_smtp_command(sent);
                // A command other than `RCPT` belongs with the answer that follows it.
                if address_of(l).is_none() {
                    pending.push(l.to_string());
                    continue;
                }
            }
            let current = entries.last_mut().expect("one entry");
            // The server's answer to `MAIL From:` names the sender, not a recipient.
            let about_sender = command == Some(Some(SmtpCommand::Mail)) && l.starts_with("<<< ");
            let addr = address_of(l).or_else(|| local_user_of(l).and_then(address_of_user));
            if let Some(addr) = addr.filter(|_| !about_sender) {
                let same = current
                    .address
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(&addr));
                if !same && current.address.is_some() {
                    entries.push(Entry::default());
                }
                let current = entries.last_mut().expect("one entry");
                current.lines.append(&mut pending);
                current.lines.push(l.to_string());
                if !same {
                    current.address = Some(addr);
                    current.command = command;
                }
            } else if l
                .trim_start_matches("... ")
                .to_ascii_lowercase()
                .starts_with("while talking to ")
            {
                // A new session: the command of the last one no longer applies.
                command = None;
                continue;
            } else if l.starts_with("<<< ") {
                current.lines.append(&mut pending);
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
        // Sendmail 8's lists name every failed or still queued address, with the reply
        // that failed it; an address the transcript does not name is added with those
        // words, and a queued one (or any, under the warning's banner) is delayed.
        let fatal = savemail_list(text, FATAL_LIST);
        let transient = savemail_list(text, TRANSIENT_LIST);
        let warning = text.contains(WARNING_BANNER)
            || header_has(message, "subject", &["Warning: could not send message"]);
        for (addr, reason) in &fatal {
            let known = recipients.iter_mut().find(|r| {
                r.recipient
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(addr))
            });
            match known {
                Some(r) if r.diagnostic.is_empty() && !reason.is_empty() => {
                    r.diagnostic = reason.clone();
                }
                Some(_) => {}
                None => {
                    let mut r = recipient(Some(addr.clone()), reason.clone());
                    r.command = smtp_command(&r.diagnostic);
                    recipients.push(r);
                }
            }
        }
        for (addr, _) in &transient {
            let known = recipients.iter().any(|r| {
                r.recipient
                    .as_deref()
                    .is_some_and(|a| a.eq_ignore_ascii_case(addr))
            });
            if !known {
                recipients.push(recipient(Some(addr.clone()), String::new()));
            }
        }
        for r in &mut recipients {
            let queued = r.recipient.as_deref().is_some_and(|a| {
                transient.iter().any(|(t, _)| t.eq_ignore_ascii_case(a))
                    && !fatal.iter().any(|(f, _)| f.eq_ignore_ascii_case(a))
            });
            if queued || (warning && fatal.is_empty()) {
                r.action = Some(Action::Delayed);
            }
        }
        if recipients.is_empty() {
            // No line names an address: the returned message's `To:` is the recipient.
            let to = returned.first().cloned();
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

/// The addressees of the returned message: its `To:` header when it is attached as a
/// message, else the `To:` line after the transcript in a report that is one text.
fn returned_addressees(message: &Message, text: &str) -> Vec<String> {
    let to = message.original_header("to").or_else(|| {
        text.lines()
            .skip_while(|l| !ENDS.iter().chain(ENDS_8).any(|e| l.contains(e)))
            .find_map(|l| l.strip_prefix("To:").map(str::to_string))
    });
    to.map(|v| v.split(',').filter_map(address_in).collect())
        .unwrap_or_default()
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

    /// Sendmail 8 without an RFC 3464 part (savemail.c's `errbody()`): a `<address>...
    /// Deferred:` line of deliver.c under the warning's subject, and a local user's bare name.
    #[test]
    fn sendmail_8_without_a_report_part() {
        let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\nSubject: Warning: could not send message for past 4 hours\n\n   ----- Transcript of session follows -----\n<kijitora@example.jp>... Deferred: Connection refused by mx.example.jp.\nWarning: message still undelivered after 4 hours\n\n   ----- Original message follows -----\nTo: <nobody@example.org>\n";
        let d = V5Sendmail
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp")
        );
        assert!(
            d.recipients[0]
                .diagnostic
                .contains("Deferred: Connection refused")
        );
        let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.jp>\nSubject: Returned mail: User unknown\n\n   ----- Transcript of session follows -----\n550 5.1.1 kijitora... User unknown\n550 5.1.1 sabatora... User unknown\n\n   ----- Unsent message follows -----\nTo: Kijitora@example.jp, mikeneko@example.net\n";
        let d = V5Sendmail
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        let got: Vec<_> = d
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect();
        // The addressee of the same name, else the reporting host's domain.
        assert_eq!(got, ["Kijitora@example.jp", "sabatora@mx.example.jp"]);
        assert_eq!(
            local_user_of("550 5.1.1 kijitora... User unknown"),
            Some("kijitora")
        );
        assert_eq!(
            local_user_of("550 kijitora... User unknown"),
            Some("kijitora")
        );
        assert_eq!(local_user_of("421 example.com (smtp)... Deferred"), None);
        assert_eq!(local_user_of("Deferred: kijitora..."), None);
    }

    /// Under a subject the `sendmail` detector does not know, a report with its RFC 3464
    /// part is left to the reader of that part.
    #[test]
    fn sendmail_8_with_a_report_part_is_not_read_here() {
        let raw = "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\nSubject: Undeliverable: hi\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n   ----- Transcript of session follows -----\n550 5.1.1 <kijitora@example.jp>... User unknown\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: RFC822; kijitora@example.jp\nAction: failed\nStatus: 5.1.1\n\n--B--\n";
        assert!(
            V5Sendmail
                .detect(&Message::parse(raw.as_bytes()).unwrap())
                .is_none()
        );
    }

    /// savemail.c's lists before the transcript: an address a line, its `(reason: ...)`.
    #[test]
    fn savemail_lists() {
        let text = concat!(
            "   ----- The following addresses had permanent fatal errors -----\n",
            "<a@example.net>\n",
            "    (reason: 550 5.1.1 <a@example.net>... User unknown)\n",
            "<b@example.org>\n",
            "    (expanded from: <team@example.com>)\n",
            "\n",
            "   ----- Transcript of session follows -----\n",
        );
        let list = savemail_list(text, FATAL_LIST);
        assert_eq!(
            list,
            [
                (
                    "a@example.net".to_string(),
                    "550 5.1.1 <a@example.net>... User unknown".to_string()
                ),
                ("b@example.org".to_string(), String::new()),
            ]
        );
        assert!(savemail_list(text, TRANSIENT_LIST).is_empty());
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
