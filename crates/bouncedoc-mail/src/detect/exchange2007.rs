//! Microsoft Exchange Server 2007 and later, on premises (for Exchange Online see
//! [`super::office365`], which reads the same report).
//!
//! The report is an RFC 3464 report (sometimes only its text), whose text, in the sender's
//! language, ends with a section for administrators: the generating server, then each
//! recipient alone on its line with the remote server's replies:
//!
//! ```text
//! Diagnostic information for administrators:
//!
//! Generating server: mta4.example.org
//!
//! kijitora@example.jp
//! #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##
//! ```
//!
//! The replies are written `#<reply> ##`, `host #< #5.2.2 smtp;<reply>> #SMTP#` (Exchange
//! 2010's line for a refusal by a server outside the organisation), `Remote Server returned
//! '<reply>'`, or one line per
//! attempt, the latest first: `3/09/2016 8:05:56 PM - Remote Server at mx.example.jp
//! (192.0.2.3) returned '<reply>'`. The attempts are given in the order they happened, so
//! that the first failure comes before the expiry it led to. When the report part has words
//! for a recipient and there was one attempt, they are kept.
//!
//! Exchange names each failure with a code of its own before the text (`RESOLVER.ADR.
//! RecipNotFound`, `QUEUE.Expired`, `SMTPSEND.DNS.NonExistentDomain`), which Microsoft
//! documents with a cause; the knowledge base reads them (`servers/exchange.toml`).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use regex::Regex;

use super::common::{address_in, dsn_recipients, recipient, same_address, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Exchange 2007 detector.
pub struct Exchange2007;

const ID: &str = "exchange2007";

/// `#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##`, and the same after the name of the
/// remote host that answered (`mx.example.jp #550 5.1.1 <a@example.jp>... User unknown ##`,
/// a recipient outside the organisation).
static HASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+\s+)?#\s*([245]\d\d[ -].*?)\s*##")
        .expect("valid")
});

/// `mx.example.jp #< #5.2.2 smtp;552 5.2.2 Mailbox full> #SMTP#`: the remote host, the status
/// Exchange gives the failure, then the remote server's own reply between `smtp;` and `>`.
static SMTP_HASHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z0-9-]+\s+)?#<\s*#[245]\.\d{1,3}\.\d{1,3}\s+smtp;\s*([245]\d\d[ -].*?)>\s*#SMTP#",
    )
    .expect("valid")
});

/// `Remote Server returned '...'`, `... - Remote Server at host (ip) returned '...'`
/// What every line of [`HASHED`], [`SMTP_HASHED`] or [`RETURNED`] holds.
static REPLY_MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["##", "#smtp#", "returned '"])
        .expect("plain strings")
});

/// The closing quote may be on a later line, when the reply is folded: the opening line then
/// holds the reply's start, and the lines after it its tail.
static RETURNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)Remote Server (?:at .*? )?returned '(.*?)'?\s*$").expect("valid")
});

/// One recipient of the administrators' section and the replies about it, in the order the
/// section lists them.
#[derive(Debug, Clone, Default)]
pub(crate) struct AdminEntry {
    /// The recipient.
    pub address: String,
    /// The remote server's replies.
    pub replies: Vec<String>,
    /// Whether the replies are attempts with times (listed latest first).
    pub attempts: bool,
}

impl AdminEntry {
    /// The replies in the order they happened, joined.
    pub fn words(&self) -> String {
        let mut replies: Vec<&str> = self.replies.iter().map(String::as_str).collect();
        if self.attempts {
            replies.reverse();
        }
        squeeze(&replies.join(" "))
    }
}

fn reply_of(line: &str) -> Option<(String, bool)> {
    let t = line.trim();
    if let Some(c) = HASHED.captures(t) {
        return Some((c[1].to_string(), false));
    }
    if let Some(c) = SMTP_HASHED.captures(t) {
        return Some((c[1].to_string(), false));
    }
    let c = RETURNED.captures(t)?;
    let attempt = t.holds(" - Remote Server at ");
    Some((c[1].to_string(), attempt))
}

/// Reads the administrators' section: each address alone on its line, followed by the
/// lines that hold replies. A reply's folded tail (a line without a reply of its own before
/// the closing quote) is joined to it.
pub(crate) fn admin_entries(text: &str) -> Vec<AdminEntry> {
    let mut out: Vec<AdminEntry> = Vec::new();
    // An entry counts only with a reply, and every reply is `#...##` or "Remote Server ...
    // returned '...'": without either, no line needs reading (most reports are not
    // Exchange's).
    if !REPLY_MARKS.is_match(text) {
        return out;
    }
    let mut open = false;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        if !t.contains(' ')
            && !t.contains('<')
            && let Some(a) = address_in(t)
            && a.len() + 2 >= t.len()
        {
            out.push(AdminEntry {
                address: a,
                ..AdminEntry::default()
            });
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        let Some(entry) = out.last_mut() else {
            continue;
        };
        if let Some((reply, attempt)) = reply_of(t) {
            entry.replies.push(reply);
            entry.attempts |= attempt;
        } else if let Some(last) = entry.replies.last_mut() {
            last.push(' ');
            last.push_str(t.trim_end_matches('\''));
        }
    }
    out.retain(|e| !e.replies.is_empty());
    out
}

/// The recipients of an Exchange report: those of its report part, with the words of the
/// administrators' section (`entries`, as [`exchange_report`] read them) where the part has
/// none or there were several attempts; else those of the section.
pub(crate) fn read(message: &Message, entries: Vec<AdminEntry>) -> Vec<RecipientFacts> {
    let mut recipients = dsn_recipients(message);
    if recipients.is_empty() {
        return entries
            .iter()
            .map(|e| recipient(Some(e.address.clone()), e.words()))
            .collect();
    }
    for r in &mut recipients {
        let entry = entries.iter().find(|e| {
            r.recipient
                .as_deref()
                .is_some_and(|a| same_address(a, &e.address))
        });
        if let Some(e) = entry
            && (r.diagnostic.trim().is_empty() || e.replies.len() > 1)
        {
            r.diagnostic = e.words();
        }
    }
    recipients
}

/// The entries of the administrators' section when the message is an Exchange report
/// (marked as one, or holding the replies of that section); `None` when it is not one.
/// The entries are read once, for the test and for [`read`].
/// `Recipient Address: a@example.jp` in the "Original Message Details" of Exchange Online's
/// report (the layout of Microsoft's NDRs since 2017).
static RECIPIENT_ADDRESS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"Recipient Address:\s*([^\s<>]+@[^\s<>]+)").expect("valid"));

/// `Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...` in its "Error Details",
/// up to the end of the line or the next field (`DSN generated by:`).
static REPORTED_ERROR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"Reported error:\s*([245]\d\d[ -][^\n]*?)\s*(?:DSN generated by:|Remote server:|\n|$)",
    )
    .expect("valid")
});

/// The recipient and the error of Exchange Online's "Original Message Details" and "Error
/// Details", when the report has no section for administrators (its HTML alone carries
/// them): one entry per recipient address, with the reported error.
fn error_details(text: &str) -> Vec<AdminEntry> {
    if !text.holds("Reported error:") || !text.holds("Recipient Address:") {
        return Vec::new();
    }
    let Some(error) = REPORTED_ERROR.captures(text).map(|c| c[1].to_string()) else {
        return Vec::new();
    };
    let mut out: Vec<AdminEntry> = Vec::new();
    for c in RECIPIENT_ADDRESS.captures_iter(text) {
        let Some(address) = address_in(&c[1]) else {
            continue;
        };
        if !out.iter().any(|e| same_address(&e.address, &address)) {
            out.push(AdminEntry {
                address,
                replies: vec![error.clone()],
                attempts: false,
            });
        }
    }
    out
}

pub(crate) fn exchange_report(message: &Message) -> Option<Vec<AdminEntry>> {
    message
        .exchange_report_once(read_exchange_report)
        .map(<[AdminEntry]>::to_vec)
}

/// What [`exchange_report`] returns, read from the message.
fn read_exchange_report(message: &Message) -> Option<Vec<AdminEntry>> {
    let mut entries = admin_entries(message.report_text());
    if entries.is_empty() {
        entries = error_details(message.report_text());
    }
    (!entries.is_empty() || message.header("x-ms-exchange-message-is-ndr").is_some())
        .then_some(entries)
}

impl Detector for Exchange2007 {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let entries = exchange_report(message)?;
        let recipients = read(message, entries);
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::StatusCode;

    use crate::detect::common::corpus;

    #[test]
    fn original_message_details_and_error_details() {
        let text = "Your message to a@example.jp couldn't be delivered.\nOriginal Message Details\nSender Address: s@example.org\nRecipient Address: a@example.jp\nError Details\nReported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found DSN generated by: X.prod.outlook.com\n";
        let e = error_details(text);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].address, "a@example.jp");
        assert_eq!(
            e[0].words(),
            "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found"
        );
        assert!(error_details("Recipient Address: a@example.jp\n").is_empty());
    }

    #[test]
    fn hashed_reply_after_the_remote_host() {
        let (reply, attempt) =
            reply_of("mx.example.jp #550 5.1.1 <a@example.jp>... User unknown ##").unwrap();
        assert_eq!(reply, "550 5.1.1 <a@example.jp>... User unknown");
        assert!(!attempt);
        assert!(reply_of("see the host #550 here ##").is_none());
    }

    #[test]
    fn smtp_hashed_reply_after_the_remote_host() {
        let (reply, attempt) =
            reply_of("mx.example.jp #< #5.2.2 smtp;552 5.2.2 <a@example.jp>: Mailbox full> #SMTP#")
                .unwrap();
        assert_eq!(reply, "552 5.2.2 <a@example.jp>: Mailbox full");
        assert!(!attempt);
        let entries = admin_entries(
            "a@example.jp\n#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n\nb@example.org\nmx.example.org #< #5.1.1 smtp;550 5.1.1 User unknown> #SMTP#\n",
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].words(), "550 5.1.1 User unknown");
    }

    #[test]
    fn folded_returned_reply() {
        let entries = admin_entries(
            "a@example.jp\nmx.example.jp\nRemote Server returned '554 5.0.0 <mx.example.jp #5.0.0 smtp; 550-5.7.1 first part\n550 5.7.1 second part>'\n",
        );
        assert_eq!(entries.len(), 1);
        assert_eq!(
            entries[0].words(),
            "554 5.0.0 <mx.example.jp #5.0.0 smtp; 550-5.7.1 first part 550 5.7.1 second part>"
        );
    }

    #[test]
    fn report_part_and_hashed_reply() {
        let d = Exchange2007
            .detect(&corpus("lhost-exchange2007-01.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("mikeneko@example.co.jp"));
        assert_eq!(
            r.diagnostic,
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
        );
        assert_eq!(r.status, Some(StatusCode::new(5, 1, 1)));
    }

    #[test]
    fn attempts_in_the_order_they_happened() {
        let d = Exchange2007
            .detect(&corpus("lhost-exchange2007-05.eml"))
            .unwrap();
        let r = &d.recipients[0];
        assert!(
            r.diagnostic.starts_with("441 4.4.1 Error encountered"),
            "{}",
            r.diagnostic
        );
        assert!(
            r.diagnostic
                .ends_with("550 4.4.7 QUEUE.Expired; message expired")
        );
    }

    #[test]
    fn localized_text() {
        let entries = admin_entries(
            "Informations de diagnostic pour les administrateurs :\n\nServeur de génération : SRV124.example.fr\n\ntransports@example.fr\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n\nEn-têtes de message d'origine :\n",
        );
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].address, "transports@example.fr");
        assert_eq!(
            entries[0].words(),
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
        );
    }
}
