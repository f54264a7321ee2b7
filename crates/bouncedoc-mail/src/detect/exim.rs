//! Exim (<https://www.exim.org/>).
//!
//! An Exim bounce (`Mail delivery failed: returning message to sender`, from `Mail Delivery
//! System`, with an `X-Failed-Recipients` header) says "This message was created
//! automatically by mail delivery software." and lists each failed address on a line
//! indented by two spaces, followed by the more indented lines that explain it:
//!
//! ```text
//!   kijitora@example.jp
//!     SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
//!     host mx.example.jp [192.0.2.153]: 550 5.1.1 <kijitora@example.jp>... User Unknown
//! ```
//!
//! Newer versions add an RFC 3464 part, whose fields complete the text. The text names the
//! SMTP command the remote server was answering (`after RCPT TO`, `after end of data`,
//! `after initial connection`). Delay warnings (`Warning: message ... delayed`) use the
//! same layout with `Delay reason:`.
//!
//! McAfee's MXLogic service writes the same report with the address in angle brackets
//! (`  <kijitora@example.jp>: 550 ...`); [`read`] takes a flag for it.

use bouncedoc_core::{Action, SmtpCommand, StatusCode};

use super::common::{
    TextSearch, address_in, codes_in, detected, dsn_recipients, find_first, header_has,
    line_around, line_of_first, recipient, same_address, smtp_command, squeeze,
};
use super::{Detected, Detector};
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Exim detector.
pub struct Exim;

const ID: &str = "exim";

const SUBJECTS: &[&str] = &[
    "Mail delivery failed",
    "Mail failure",
    "Message frozen",
    "Warning: message ",
    "error(s) in forwarding or filtering",
];

/// Lines that open Exim's explanation (deliver.c, moan.c).
const STARTS: &[&str] = &[
    "This message was created automatically by mail delivery software",
    "This message was created automatically by the SMTP relay",
    "A message that you sent was rejected by the local scanning code",
    "A message that you sent contained one or more recipient addresses",
    "A message that you sent could not be delivered to all of its recipients",
    " has been frozen",
    " was frozen on arrival",
    " router encountered the following error(s):",
];

/// Lines where the returned message starts.
const ENDS: &[&str] = &[
    "----- This is a copy of the message",
    "------ This is a copy of your message",
    "------ This is a copy of the body of the message",
    "Content-Type: message/rfc822",
    "Content-type: message/rfc822",
    "Included is a copy of the message header:",
];

/// Exim's own words for a delivery that is still being retried or has timed out.
const DELAYED: &[&str] = &[
    "retry timeout exceeded",
    "No action is required on your part",
    "retry time not reached for any host after a long failure period",
    "all hosts have been failing for a long time and were last tried",
    "Delay reason: ",
    "has been frozen",
    "was frozen on arrival by ",
];

/// Exim's words that a report is of failures (deliver.c's bounce text, "This is a permanent
/// error. The following address(es) failed:"): its recipients were given up on, also where
/// their words are those of a retry that ran out ("retry timeout exceeded"); only a warning
/// (`Warning: message ... delayed`) reports recipients still being tried.
const FAILURE_REPORT: &[&str] = &[
    "address(es) failed",
    "The following address failed",
    "This is a permanent error",
];

fn is_exim(message: &Message) -> bool {
    // chasquid borrows Exim's Subject and X-Failed-Recipients for its RFC 3464 report
    // (internal/queue/dsn.go); its Message-ID and its text (dsnTemplate) are its own, and
    // the report part is read. The text is looked at too: a copy of the report that got
    // another Message-ID on its way (a resend, a re-import) is still chasquid's.
    if message
        .header("message-id")
        .is_some_and(|id| id.trim().starts_with("<chasquid-dsn-"))
        || message
            .report_text()
            .contains("Delivery of your message to the following recipient(s) failed permanently:")
    {
        return false;
    }
    let from_daemon = header_has(message, "from", &["Mail Delivery System"]);
    let subject = header_has(message, "subject", SUBJECTS);
    // Message-Id: <E1P1YNN-0003AD-Ga@example.org>
    let exim_id = message.header("message-id").is_some_and(|id| {
        let id = id.trim();
        id.find('-') == Some(8) && id.find('@') == Some(18) && id.starts_with('<')
    });
    [from_daemon, subject, exim_id]
        .iter()
        .filter(|x| **x)
        .count()
        >= 2
        || (message.header("x-failed-recipients").is_some() && (from_daemon || subject))
}

/// The report's explanation: the lines after Exim's opening line (the first line that
/// holds one of `STARTS` and none of `ENDS`) up to the returned message (the next line
/// that holds one of `ENDS`). Each word is searched for once in the whole text, not line
/// by line.
fn region(message: &Message) -> Vec<String> {
    let text = message.report_text();
    let mut from = 0;
    let body = loop {
        let Some(at) = find_first(text, STARTS, from) else {
            return customised_region(message, text);
        };
        let (start, end) = line_around(text, at);
        if !ENDS.iter().any(|e| text[start..end].holds(e)) {
            break end;
        }
        from = end;
    };
    text[body..line_of_first(text, ENDS, body)]
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect()
}

/// A report whose paragraphs a site replaced (`bounce_message_file`, `warn_message_file`:
/// Exim spec ch. 46) has none of Exim's opening lines, but Exim still writes its list of
/// addresses, each indented by two spaces with its words indented below, and names them in
/// `X-Failed-Recipients`. The region is that list: from the first line that is a listed
/// address up to the next line that is not indented.
fn customised_region(message: &Message, text: &str) -> Vec<String> {
    let Some(listed) = message.header("x-failed-recipients") else {
        return Vec::new();
    };
    let listed: Vec<String> = listed.split(',').filter_map(parse_address).collect();
    let is_listed = |line: &str| {
        line.strip_prefix("  ")
            .filter(|rest| !rest.starts_with(' '))
            .and_then(|rest| parse_address(rest.trim()))
            .is_some_and(|a| listed.iter().any(|l| same_address(l, &a)))
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| is_listed(l)) else {
        return Vec::new();
    };
    lines[start..]
        .iter()
        .take_while(|l| l.trim().is_empty() || l.starts_with("  "))
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// What a recipient line names: the address (`None` for "an undisclosed address") and the
/// words after it on the same line.
fn recipient_line(line: &str, bracketed: bool) -> Option<(Option<String>, String)> {
    let rest = line.strip_prefix("  ")?;
    if rest.starts_with(' ') || rest.starts_with('\t') || rest.is_empty() {
        return None;
    }
    if rest.starts_with("an undisclosed address") {
        return Some((None, String::new()));
    }
    if rest.starts_with("pipe to |") || rest.starts_with("save to ") {
        return Some((None, rest.to_string()));
    }
    if rest.starts_with('<') && !bracketed {
        return None;
    }
    let at = rest.find('@')?;
    if at < 1 || !rest[at..].contains('.') {
        return None;
    }
    // `mikeneko@example.jp <nekochan@example.org>: malformed address: ...`
    if let Some(open) = rest.find('<')
        && let Some(close) = rest[open..].find(">:")
    {
        let addr = parse_address(&rest[open + 1..open + close])?;
        return Some((Some(addr), rest[open + close + 2..].trim().to_string()));
    }
    // `kijitora@example.jp`, `kijitora@example.jp:`, `sabineko@example.jp: forced freeze`,
    // `kijitora@example.org (ultimately generated from nekochan@example.org)`
    let (addr, words) = match rest.split_once(": ") {
        Some((a, w)) => (a, w.trim()),
        None => (rest.trim_end_matches(':'), ""),
    };
    let addr = addr.split_whitespace().next()?;
    let addr = parse_address(addr)?;
    let words = match rest.find(" (") {
        Some(p) if words.is_empty() => rest[p..].trim(),
        _ => words,
    };
    Some((Some(addr), words.to_string()))
}

/// One failed address as the text lists it.
#[derive(Debug, Default)]
struct Entry {
    address: Option<String>,
    alias: Option<String>,
    lines: Vec<String>,
    pipe: bool,
}

fn entries(region: &[String], bracketed: bool, indented_only: bool) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for line in region {
        if line.trim().is_empty() {
            continue;
        }
        if let Some((address, words)) = recipient_line(line, bracketed) {
            let pipe = words.starts_with("pipe to |");
            let same = out.last().is_some_and(|e: &Entry| {
                e.address.is_some()
                    && e.address
                        .as_deref()
                        .zip(address.as_deref())
                        .is_some_and(|(a, b)| same_address(a, b))
            });
            if !same {
                out.push(Entry {
                    address,
                    pipe,
                    ..Entry::default()
                });
            }
            if !words.is_empty() && !pipe {
                out.last_mut().expect("entry").lines.push(words);
            }
            continue;
        }
        let Some(last) = out.last_mut() else {
            continue;
        };
        let t = line.trim();
        if let Some(from) = t
            .strip_prefix("(generated from ")
            .or_else(|| t.strip_prefix("generated by "))
        {
            last.alias = address_in(from);
            continue;
        }
        if indented_only && !line.starts_with([' ', '\t']) {
            continue;
        }
        last.lines.push(t.to_string());
    }
    out
}

/// The status that Exim's own reading gives a refusal without a status code: the reference
/// classifier reports a refusal of the sender (`MAIL FROM`) as `X.0.901`, its code for a
/// cause not yet determined.
fn status_at_mail(reply: Option<u16>, temporary: bool) -> StatusCode {
    let class = if temporary || reply.is_some_and(|c| c / 100 == 4) {
        4
    } else {
        5
    };
    StatusCode::new(class, 0, 901)
}

/// Reads an Exim report (or an MXLogic one when `bracketed`).
pub(crate) fn read(message: &Message, bracketed: bool) -> Vec<RecipientFacts> {
    let multipart = message.parts.len() > 1;
    let region = region(message);
    let found = entries(&region, bracketed, multipart);
    let mut dsn = dsn_recipients(message);
    let mut out: Vec<RecipientFacts> = Vec::new();
    if found.is_empty() {
        // `  kijitora` (no domain): the addresses are in the header.
        if let Some(list) = message.header("x-failed-recipients") {
            let words = squeeze(
                &region
                    .iter()
                    .filter(|l| l.starts_with("  "))
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            for a in list.split(',').filter_map(parse_address) {
                out.push(recipient(Some(a), words.clone()));
            }
        }
    }
    for (i, e) in found.iter().enumerate() {
        let address = e.address.clone().or_else(|| e.alias.clone()).or_else(|| {
            message
                .header("x-failed-recipients")
                .and_then(|l| l.split(',').nth(i).and_then(parse_address))
        });
        let mut r = recipient(address, squeeze(&e.lines.join(" ")));
        r.local_program = e.pipe;
        out.push(r);
    }
    // The report part's fields, by address, else in order.
    for (i, r) in out.iter_mut().enumerate() {
        let field = dsn
            .iter()
            .position(|d| {
                d.recipient
                    .as_deref()
                    .zip(r.recipient.as_deref())
                    .is_some_and(|(a, b)| same_address(a, b))
            })
            .or_else(|| {
                (i < dsn.len() && dsn[i].recipient.as_deref().is_none_or(|a| !a.contains('@')))
                    .then_some(i)
            });
        if let Some(j) = field {
            let d = std::mem::take(&mut dsn[j]);
            let text = squeeze(&d.diagnostic);
            if r.diagnostic.is_empty()
                || (!text.is_empty() && !r.diagnostic.to_lowercase().contains(&text.to_lowercase()))
                    && r.diagnostic.len() < text.len()
            {
                r.diagnostic = text;
            }
            r.status = d.status;
            r.action = d.action;
            r.diagnostic_type = d.diagnostic_type;
            r.remote_mta = d.remote_mta;
            r.reporting_mta = d.reporting_mta;
        }
    }
    let failure_report = region
        .iter()
        .any(|l| FAILURE_REPORT.iter().any(|w| l.holds(w)));
    for r in &mut out {
        let command = smtp_command(&r.diagnostic);
        r.command = command;
        let (reply, status_in_words) = codes_in(&r.diagnostic);
        let delayed = DELAYED.iter().any(|d| r.diagnostic.holds(d));
        if delayed && r.action.is_none() {
            if failure_report {
                // Given up on after temporary failures: failed (the engine weighs the
                // words; the report states no code).
                r.action = Some(Action::Failed);
            } else {
                r.action = Some(Action::Delayed);
            }
        }
        if command == Some(SmtpCommand::Mail) && r.status.is_none() && status_in_words.is_none() {
            r.status = Some(status_at_mail(reply, delayed));
        }
    }
    out
}

impl Detector for Exim {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !is_exim(message) {
            return None;
        }
        let recipients = read(message, false);
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, diagnosed_reasons, only_recipient};
    use bouncedoc_core::Reason;

    const BOUNCE: &str = concat!(
        "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n",
        "Subject: Mail delivery failed: returning message to sender\n",
        "X-Failed-Recipients: kijitora@example.jp, sabatora@example.jp\n",
        "Message-Id: <E1P1YNN-0003AD-Ga@mx.example.org>\n\n",
        "This message was created automatically by mail delivery software.\n\n",
        "A message that you sent could not be delivered to one or more of its\n",
        "recipients. This is a permanent error. The following address(es) failed:\n\n",
        "  kijitora@example.jp\n",
        "    SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n",
        "    host mx.example.jp [192.0.2.153]: 550 5.1.1 <kijitora@example.jp>... User Unknown\n",
        "  sabatora@example.jp\n",
        "    host mx.example.jp [192.0.2.153]\n",
        "    SMTP error from remote mail server after MAIL FROM:<a@example.org> SIZE=1024:\n",
        "    550 Unroutable sender address\n\n",
        "------ This is a copy of the message, including all the headers. ------\n\n",
        "From: a@example.org\nTo: kijitora@example.jp\nSubject: hi\n\nhello\n",
    );

    #[test]
    fn each_address_with_its_lines() {
        let d = Exim
            .detect(&Message::parse(BOUNCE.as_bytes()).unwrap())
            .unwrap();
        assert_eq!(d.mta, Some("exim"));
        assert_eq!(d.recipients.len(), 2);
        let first = &d.recipients[0];
        assert_eq!(first.recipient.as_deref(), Some("kijitora@example.jp"));
        assert_eq!(
            first.diagnostic,
            "SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>: host mx.example.jp [192.0.2.153]: 550 5.1.1 <kijitora@example.jp>... User Unknown"
        );
        assert_eq!(first.command, Some(SmtpCommand::Rcpt));
        let second = &d.recipients[1];
        assert_eq!(second.command, Some(SmtpCommand::Mail));
        assert_eq!(second.status, Some(StatusCode::new(5, 0, 901)));
    }

    #[test]
    fn refused_at_the_greeting_is_blocked() {
        let d = Exim.detect(&corpus("lhost-exim-49.eml")).unwrap();
        assert_eq!(diagnosed_reasons("lhost-exim-49.eml")[0], Reason::Blocked);
        assert_eq!(d.recipients[0].status, Some(StatusCode::new(5, 0, 0)));
    }

    #[test]
    fn address_without_domain_comes_from_the_header() {
        let d = Exim.detect(&corpus("lhost-exim-04.eml")).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.ed.jp")
        );
        assert!(d.recipients[0].diagnostic.contains("550 5.7.0"));
    }

    #[test]
    fn delay_warning() {
        let raw = concat!(
            "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n",
            "Subject: Warning: message 1tAbCa-000Xyw-0b delayed 24 hours\n\n",
            "This message was created automatically by mail delivery software.\n",
            "A message that you sent has not yet been delivered to one or more of its\n",
            "recipients after more than 24 hours on the queue on mx.example.org.\n\n",
            "The address to which the message has not yet been delivered is:\n\n",
            "  kijitora@example.jp\n",
            "    Delay reason: SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:\n",
            "    451 4.7.1 Greylisted\n\n",
            "No action is required on your part.\n",
        );
        let d = Exim
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        assert_eq!(d.recipients[0].action, Some(Action::Delayed));
    }

    /// A failure report's recipients were given up on, also when the retry time ran out
    /// ("all hosts have been failing for a long time"): they failed, not delayed.
    #[test]
    fn a_retry_that_ran_out_in_a_failure_report() {
        let r = only_recipient(&Exim, "lhost-exim-08.eml");
        assert_eq!(r.action, Some(Action::Failed));
        assert_eq!(r.status, None);
        assert!(r.diagnostic.contains("failing for a long time"));
    }

    #[test]
    fn not_exim() {
        let m =
            Message::parse(b"From: a@example.jp\nSubject: Mail delivery failed\n\nhi\n").unwrap();
        assert!(Exim.detect(&m).is_none());
    }

    /// A site's bounce_message_file replaces Exim's paragraphs; the list of addresses and
    /// X-Failed-Recipients stay Exim's.
    #[test]
    fn site_text_around_the_address_list() {
        let raw = b"From: Mail Delivery System <Mailer-Daemon@mx.example.jp>\nX-Failed-Recipients: a@example.org\nSubject: Our mail service: not delivered\n\nWe could not deliver your message:\n\n  a@example.org\n    SMTP error from remote mail server after RCPT TO:<a@example.org>:\n    host mx.example.org [192.0.2.1]: 550 5.1.1 User unknown\n\n=== your message ===\n\nFrom: b@example.jp\nTo: a@example.org\n\nhi\n";
        let m = Message::parse(raw).unwrap();
        let d = Exim.detect(&m).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert!(
            d.recipients[0]
                .diagnostic
                .contains("550 5.1.1 User unknown")
        );
        assert!(!d.recipients[0].diagnostic.contains("your message"));
    }
}
