//! Sendmail (version 8 and Sendmail Sentrion; <https://www.proofpoint.com/>).
//!
//! A Sendmail bounce (`Returned mail: see transcript for details`, `Warning: could not send
//! message for past 4 hours`, `Postmaster notify: ...`) lists the failed recipients, then a
//! transcript of the SMTP session, then an RFC 3464 part:
//!
//! ```text
//!    ----- Transcript of session follows -----
//! ... while talking to mx.example.jp.:
//! >>> DATA
//! <<< 550 5.1.1 <kijitora@example.jp>... User Unknown
//! 550 5.1.1 <kijitora@example.jp>... User unknown
//! ```
//!
//! The transcript shows the command the remote server was answering (`>>>`) and its own
//! words (`<<<`), which the `Diagnostic-Code` may lack or shorten; local errors write a line
//! such as `554 5.3.0 unknown mailer error 255` where the field holds only an exit code.

use bouncedoc_core::{Action, SmtpCommand};

use super::common::{
    address_in, any_smtp_command, codes_in, dsn_recipients, header_has, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Sendmail detector.
pub struct Sendmail;

const ID: &str = "sendmail";

const SUBJECTS: &[&str] = &[
    "see transcript for details",
    "Warning: could not send message",
    "Returned mail:",
    "Postmaster notify:",
];

const TRANSCRIPT: &str = "----- Transcript of session follows -----";

/// Lines where the returned message starts.
const ORIGINAL: &[&str] = &[
    "----- Original message follows -----",
    "----- Message header follows -----",
    "----- Unsent message follows -----",
];

/// What the transcript says beside the report fields.
#[derive(Debug, Default)]
struct Transcript {
    /// The first command the client sent (`>>> DATA`), with the engine's stage for it
    /// (`None` for one it has none for, such as `QUIT`).
    command: Option<Option<SmtpCommand>>,
    /// The server's distinct answers (`<<< ...`), in order.
    replies: Vec<String>,
    /// Local error lines with codes (`554 5.3.0 unknown mailer error 255`) and notes
    /// (`Warning: message still undelivered after 4 hours`).
    errors: Vec<String>,
    /// The recipient and words of a `<a@example.jp>... Deferred: ...` line.
    deferred: Option<(String, String)>,
    /// Every other line of the transcript (a local delivery agent's words: `mail.local:
    /// unknown user: kijitora`, `554 <a@example.jp>... Service unavailable`).
    local: Vec<String>,
}

fn read_transcript(body: &str) -> Transcript {
    let mut t = Transcript::default();
    let mut lines = body.lines().skip_while(|l| !l.holds(TRANSCRIPT));
    lines.next();
    for line in lines {
        let l = line.trim_end();
        // A report written as one text goes on with its delivery-status fields.
        if [
            "Reporting-MTA:",
            "Received-From-MTA:",
            "Arrival-Date:",
            "Final-Recipient:",
            "--",
        ]
        .iter()
        .any(|p| l.starts_with(p))
        {
            break;
        }
        if l.starts_with(' ') || l.is_empty() {
            continue;
        }
        if let Some(sent) = l.strip_prefix(">>> ") {
            if t.command.is_none() {
                t.command = any_smtp_command(sent);
            }
        } else if let Some(answer) = l.strip_prefix("<<< ") {
            if !t.replies.iter().any(|r| r == answer) {
                t.replies.push(answer.to_string());
            }
        } else if l.starts_with("... while talking to ") {
            continue;
        } else if l.starts_with('<') && l.contains('@') && l.holds(">.") {
            if let Some(addr) = address_in(l) {
                let words = l.split_once(' ').map_or("", |(_, w)| w);
                t.deferred = Some((addr, words.trim().to_string()));
            }
        } else {
            let (reply, status) = codes_in(l);
            if (reply.is_some() && status.is_some())
                || l.starts_with("Message: ")
                || l.starts_with("Warning: ")
            {
                t.errors.push(l.to_string());
            } else {
                t.local.push(l.to_string());
            }
        }
    }
    t
}

impl Detector for Sendmail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "subject", SUBJECTS) {
            return None;
        }
        let body = text_until(message, ORIGINAL);
        if !body.holds(TRANSCRIPT) {
            return None;
        }
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            // Without its report part this is the older format of `v5sendmail`.
            return None;
        }
        let t = read_transcript(body);
        let mut other: Vec<String> = Vec::new();
        if let Some((_, words)) = &t.deferred {
            other.push(words.clone());
        }
        other.extend(t.errors.iter().cloned());
        if other.is_empty() {
            other.extend(t.local.iter().cloned());
        }
        let other = squeeze(&other.join(" "));
        let alone = recipients.len() == 1;
        for r in &mut recipients {
            match own_errors(&t, r) {
                Some((words, status)) => fill(r, &t, &words, status, alone),
                None => {
                    let status = t.errors.iter().find_map(|e| codes_in(e).1);
                    fill(r, &t, &other, status, alone)
                }
            }
        }
        Some(Detected {
            detector: ID,
            mta: Some(ID),
            recipients,
        })
    }
}

/// The error lines of a transcript that name recipients (`550 5.1.2 <a@example.jp>... Host
/// unknown`, `451 <b@example.jp>... example.jp: Name server timeout`) belong to the recipient
/// they name: a message with one failed and one delayed recipient lists both, and the delay
/// notes (`Warning: message still undelivered after 4 hours`) belong to the delayed one.
/// `None` when no error line names an address (every recipient shares the lines).
fn own_errors(
    t: &Transcript,
    r: &RecipientFacts,
) -> Option<(String, Option<bouncedoc_core::StatusCode>)> {
    let named: Vec<(&String, String)> = t
        .errors
        .iter()
        .filter_map(|e| address_in(e).map(|a| (e, a)))
        .collect();
    if named.is_empty() {
        return None;
    }
    let address = r.recipient.as_deref()?;
    let mut mine: Vec<&str> = named
        .iter()
        .filter(|(_, a)| a.eq_ignore_ascii_case(address))
        .map(|(e, _)| e.as_str())
        .collect();
    if mine.is_empty() {
        return None;
    }
    let status = mine.iter().find_map(|e| codes_in(e).1);
    if r.action == Some(Action::Delayed) {
        mine.extend(
            t.errors
                .iter()
                .filter(|e| address_in(e).is_none())
                .map(String::as_str),
        );
    }
    Some((squeeze(&mine.join(" ")), status))
}

fn fill(
    r: &mut RecipientFacts,
    t: &Transcript,
    other: &str,
    status_in_errors: Option<bouncedoc_core::StatusCode>,
    alone: bool,
) {
    let field = r.diagnostic.trim();
    if !other.is_empty() && (field.is_empty() || field.chars().all(|c| c.is_ascii_digit())) {
        r.diagnostic = other.to_string();
    }
    if alone && !t.replies.is_empty() {
        r.diagnostic = squeeze(&format!("{} {}", t.replies.join(" "), r.diagnostic));
    }
    r.command = t
        .command
        .or_else(|| any_smtp_command(&r.diagnostic))
        .or((!t.replies.is_empty()).then_some(Some(SmtpCommand::Helo)))
        .flatten();
    if r.status.is_none() {
        r.status = status_in_errors;
    }
    // `Final-Recipient: rfc822; @mx.example.org`: the address is in the words.
    if r.recipient.as_deref().is_none_or(|a| a.starts_with('@')) {
        let from_words =
            address_in(&r.diagnostic).or_else(|| t.deferred.as_ref().map(|(a, _)| a.clone()));
        if from_words.is_some() {
            r.recipient = from_words;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;
    use bouncedoc_core::StatusCode;

    #[test]
    fn command_of_the_session_and_each_recipient() {
        let d = Sendmail.detect(&corpus("lhost-sendmail-02.eml")).unwrap();
        assert_eq!(d.mta, Some("sendmail"));
        assert_eq!(d.recipients.len(), 2);
        assert_eq!(
            d.recipients[1].recipient.as_deref(),
            Some("filtered@example.com")
        );
        assert_eq!(d.recipients[1].status, Some(StatusCode::new(5, 2, 1)));
        assert!(
            d.recipients
                .iter()
                .all(|r| r.command == Some(SmtpCommand::Data))
        );
    }

    #[test]
    fn server_words_from_the_transcript() {
        let d = Sendmail.detect(&corpus("lhost-sendmail-33.eml")).unwrap();
        let r = &d.recipients[0];
        assert!(
            r.diagnostic
                .starts_with("550 5.7.1 IP address blacklisted by recipient")
        );
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn mailer_exit_code_replaced_by_the_error_line() {
        let d = Sendmail.detect(&corpus("lhost-sendmail-18.eml")).unwrap();
        let r = &d.recipients[0];
        assert!(r.diagnostic.contains("554 5.3.0"), "{}", r.diagnostic);
        assert_eq!(r.diagnostic_type.as_deref(), Some("x-unix"));
    }

    #[test]
    fn address_without_local_part() {
        let d = Sendmail.detect(&corpus("lhost-sendmail-15.eml")).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.org")
        );
    }

    #[test]
    fn not_sendmail() {
        let m =
            Message::parse(b"From: a@example.jp\nSubject: Returned mail: x\n\nhello\n").unwrap();
        assert!(Sendmail.detect(&m).is_none());
    }
}
