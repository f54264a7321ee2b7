//! From raw bytes to the facts of a bounce: which kind of message it is, and what it says
//! about each recipient.

use std::collections::HashMap;

use bouncedoc_core::Action;
use bouncedoc_core::reply::ReadReply;
use serde::Serialize;

use crate::MailError;
use crate::detect::common::TextSearch;
use crate::detect::{self, DETECTORS, Detected};
use crate::facts::{MessageFacts, RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::{arf, autoreply};

/// What kind of message it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A delivery failure (or delay) report.
    Bounce,
    /// A feedback (complaint) report.
    Feedback,
    /// An automatic reply.
    AutoReply,
    /// A message that reports nothing.
    NotBounce,
}

impl Kind {
    /// Its name as the records write it (`bounce`, `feedback`, `auto-reply`, `not-bounce`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Bounce => "bounce",
            Kind::Feedback => "feedback",
            Kind::AutoReply => "auto-reply",
            Kind::NotBounce => "not-bounce",
        }
    }
}

/// A bounce, read.
#[derive(Debug, Clone)]
pub struct Bounce {
    /// What kind of message it is.
    pub kind: Kind,
    /// The facts of the whole message.
    pub message: MessageFacts,
    /// One entry per recipient the message reports on.
    pub recipients: Vec<RecipientFacts>,
    /// The engine's reading of each recipient's words, taken when the facts were settled
    /// (in the order of `recipients`; empty when they were not read).
    readings: Vec<SettledReply>,
}

/// The engine's reading of one recipient's `diagnostic` ([`bouncedoc_core::reply::read`]),
/// with the words it was taken from: the diagnosis uses it only while they are unchanged,
/// and reads them again otherwise.
#[derive(Debug, Clone)]
pub(crate) struct SettledReply {
    text: String,
    read: ReadReply,
}

impl SettledReply {
    /// The reading, when it was taken from `text`.
    pub(crate) fn of(self, text: &str) -> Option<ReadReply> {
        (self.text == text).then_some(self.read)
    }
}

impl Bounce {
    /// A bounce whose recipients' words have not been read yet.
    pub fn new(kind: Kind, message: MessageFacts, recipients: Vec<RecipientFacts>) -> Bounce {
        Bounce {
            kind,
            message,
            recipients,
            readings: Vec::new(),
        }
    }

    /// Takes the readings of the recipients' words (see [`SettledReply`]), leaving none.
    pub(crate) fn take_readings(&mut self) -> Vec<SettledReply> {
        std::mem::take(&mut self.readings)
    }
}

fn original_facts(message: &Message, detected: &Detected) -> MessageFacts {
    let get = |name: &str| message.original_header(name);
    MessageFacts {
        detector: detected.detector,
        mta: detected.mta,
        original_from: get("from")
            .and_then(|v| parse_address(&v))
            .or_else(|| message.header("to").and_then(parse_address)),
        original_to: get("to").and_then(|v| parse_address(&v)),
        original_message_id: get("message-id").map(|v| v.trim().to_string()),
        original_subject: get("subject"),
        original_date: get("date"),
        date: message.header("date").map(str::to_string),
        subject: message.header("subject").map(str::to_string),
    }
}

/// Fills in what a report part left out from the human-readable text: a recipient's
/// `Diagnostic-Code` is often missing while the text says what went wrong.
fn enrich_from_text(message: &Message, recipients: &mut [RecipientFacts]) {
    if recipients.iter().all(|r| !r.diagnostic.trim().is_empty()) {
        return;
    }
    let from_text = detect::text::read(message);
    // The first reading of each address, in lower case, looked up rather than searched for
    // (a report can name a hundred thousand recipients).
    let mut by_address: HashMap<String, &RecipientFacts> = HashMap::new();
    for t in &from_text {
        if let Some(a) = &t.recipient {
            by_address.entry(a.to_lowercase()).or_insert(t);
        }
    }
    for r in recipients
        .iter_mut()
        .filter(|r| r.diagnostic.trim().is_empty())
    {
        let same = r
            .recipient
            .as_deref()
            .and_then(|a| by_address.get(&a.to_lowercase()).copied());
        let pick = same.or_else(|| (from_text.len() == 1).then(|| &from_text[0]));
        if let Some(t) = pick {
            r.diagnostic = t.diagnostic.clone();
        }
    }
}

/// Lines of a report's text that are boilerplate, not words about a failure.
const LEAD_IN_SKIP: &[&str] = &[
    "Content-",
    "This is a MIME",
    "This is a multi",
    "This is an auto",
    "This multi-part",
    "###",
    "***",
    "--",
];

/// The human-readable text of a report before its delivery-status part, without the
/// boilerplate lines, the section titles of a session transcript and lines that hold no
/// English word: the words a server writes to a person, which often name the cause better
/// than the report's fields.
fn lead_in(message: &Message) -> String {
    let mut words: Vec<&str> = Vec::new();
    for p in &message.parts {
        if p.mime.starts_with("message/") || p.mime == "text/rfc822-headers" {
            break;
        }
        // A part that is binary under its label (an image sent as text) holds no words.
        let control = |c: char| (c.is_control() && !matches!(c, '\n' | '\t')) || c == '\u{FFFD}';
        if p.mime != "text/plain" || p.text().chars().any(|c| c == '\0') {
            continue;
        }
        for line in p.text().lines() {
            let t = line.trim();
            if t.chars().any(control) {
                continue;
            }
            // A line without a word of three letters is no sentence (a decoded attachment,
            // a rule of dashes).
            let has_word = t
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w.len() >= 3);
            if !has_word
                || LEAD_IN_SKIP.iter().any(|s| t.starts_with(s))
                || t.holds("--- The follow")
                || t.holds("--- Transcript")
            {
                continue;
            }
            words.push(t);
        }
    }
    crate::whitespace::squeeze(&words.join(" "))
}

/// A report about one recipient: the words of its text go with the report's fields, as
/// the reference classifier reads them (the fields alone may say only "User Unknown" where
/// the text says the disk is full).
fn with_lead_in(message: &Message, recipients: &mut [RecipientFacts]) {
    let [r] = recipients else {
        return;
    };
    let lead = lead_in(message);
    if lead.is_empty() || r.diagnostic.trim().is_empty() {
        return;
    }
    let squeezed = crate::whitespace::squeeze(&r.diagnostic);
    if lead.to_lowercase().contains(&squeezed.to_lowercase()) {
        r.diagnostic = lead;
    } else {
        r.diagnostic = format!("{lead} {squeezed}");
    }
}

/// Puts every recipient's facts in the shape the engine reads best, whatever reader found
/// them: a multi-line reply folded into running text is joined back (the engine weighs a
/// status field against the status code in the words).
///
/// The words are read here once, and the reading is kept for the diagnosis, which reads the
/// same words (reading them a second time cost about 4k instructions a message, 1.2% of
/// `parse`'s).
fn settle(bounce: &mut Bounce) {
    let mut readings = Vec::with_capacity(bounce.recipients.len());
    for r in &mut bounce.recipients {
        if r.diagnostic.contains('-') {
            r.diagnostic = detect::common::join_multiline_reply(&r.diagnostic);
        }
        let read = bouncedoc_core::reply::read(&r.diagnostic);
        readings.push(SettledReply {
            text: r.diagnostic.clone(),
            read,
        });
    }
    bounce.readings = readings;
}

/// The kind of a message a detector read: a service's notification of a complaint (every
/// recipient with a feedback type) is a feedback report, else it is a bounce.
fn kind_of(recipients: &[RecipientFacts]) -> Kind {
    if !recipients.is_empty() && recipients.iter().all(|r| r.feedback_type.is_some()) {
        Kind::Feedback
    } else {
        Kind::Bounce
    }
}

/// Reads a parsed message. A message that a person forwards (its subject says so: `Fw:`,
/// `Fwd:`, `転送:`) with a bounce attached (`message/rfc822`) or quoted inline (under
/// Gmail's, Outlook's or Apple Mail's forward header block) is read as that bounce: the
/// forward's own words and addresses are no report.
pub fn read_message(message: &Message) -> Bounce {
    let forward = message
        .header("subject")
        .is_some_and(crate::paste::is_forward_subject);
    if forward && let Some(bounce) = crate::paste::attached_bounce(message) {
        return bounce;
    }
    // A forward that quotes the bounce inline: the quoted message, its header block made
    // headers again, is read as the bounce it is.
    if forward && let Some(inner) = crate::paste::inline_forwarded(message) {
        let mut bounce = read_kind(&inner);
        if bounce.kind == Kind::Bounce && !bounce.recipients.is_empty() {
            if inner.header("subject").is_some_and(says_delayed) {
                mark_delayed(&mut bounce.recipients);
            }
            return settled(bounce);
        }
    }
    settled(read_kind(message))
}

/// A bounce's recipients settled: the successes beside failures left out, and their facts
/// and words read ([`settle`]). Other kinds are kept as they are.
fn settled(mut bounce: Bounce) -> Bounce {
    if bounce.kind == Kind::Bounce {
        drop_successes_beside_failures(&mut bounce.recipients);
        settle(&mut bounce);
    }
    bounce
}

/// A message read by one of the generic readings (a feedback report, an RFC 3464 report,
/// a return receipt, an auto-reply, the text): its kind, and the facts of its original
/// under that reading's name.
fn read_as(
    message: &Message,
    detector: &'static str,
    kind: Kind,
    recipients: Vec<RecipientFacts>,
) -> Bounce {
    let detected = Detected {
        detector,
        ..Detected::default()
    };
    Bounce::new(kind, original_facts(message, &detected), recipients)
}

/// Whether the subject of a notice says that delivery is only delayed, as the servers'
/// warnings word it: Postfix's "Delayed Mail (still being retried)", Exchange's "Delivery
/// delayed:", Gmail's "Delivery Status Notification (Delay)", Courier's "WARNING: delayed
/// mail.", Exim's "Warning: message ... delayed" and "delivery of your message is delayed".
fn says_delayed(subject: &str) -> bool {
    let s = subject.to_ascii_lowercase();
    s.contains("delayed") || s.contains("(delay)") || s.contains("(delay:")
}

/// A warning whose report part stayed behind (an inline forward keeps its text only): the
/// recipients its text names without an action of their own are the delayed ones.
fn mark_delayed(recipients: &mut [RecipientFacts]) {
    for r in recipients {
        if matches!(r.action, None | Some(Action::Failed)) {
            r.action = Some(Action::Delayed);
        }
    }
}

/// Whether a recipient's action says the message reached it or went on (RFC 3464 section
/// 2.3.3: `delivered`, `relayed`, `expanded`).
fn succeeded(r: &RecipientFacts) -> bool {
    matches!(
        r.action,
        Some(Action::Delivered | Action::Relayed | Action::Expanded)
    )
}

/// A report of failures that also lists the recipients it delivered to (an Exchange report
/// of one failed recipient beside relayed ones) reports on the failures: the others are no
/// bounce, and are left out. A report of successes alone keeps them (a delivery
/// notification is recorded for what it is).
fn drop_successes_beside_failures(recipients: &mut Vec<RecipientFacts>) {
    let failed = |r: &RecipientFacts| matches!(r.action, None | Some(Action::Failed));
    if recipients.iter().any(succeeded) && recipients.iter().any(failed) {
        recipients.retain(|r| !succeeded(r));
    }
}

fn read_kind(message: &Message) -> Bounce {
    if let Some(recipients) = arf::read(message) {
        return read_as(message, "arf", Kind::Feedback, recipients);
    }
    for d in DETECTORS {
        if let Some(detected) = d.detect(message)
            && !detected.recipients.is_empty()
        {
            return Bounce::new(
                kind_of(&detected.recipients),
                original_facts(message, &detected),
                detected.recipients,
            );
        }
    }
    // The report's delivery-status part; when its boundary is broken, the same fields
    // written in its text.
    let mut from_dsn: Vec<RecipientFacts> = detect::common::dsn_recipients(message);
    if !from_dsn.is_empty() {
        with_lead_in(message, &mut from_dsn);
        enrich_from_text(message, &mut from_dsn);
        return read_as(message, "rfc3464", Kind::Bounce, from_dsn);
    }
    // A message disposition notification (RFC 3798) that no reader took for a refusal is a
    // return receipt: it says what became of a delivered message, even when it is marked
    // `Auto-Submitted: auto-replied` (RFC 3834 section 5) or its disposition carries the
    // `error` modifier about the notification itself (RFC 3798 section 3.2.7).
    if message
        .parts_of("message/disposition-notification")
        .next()
        .is_some()
    {
        return read_as(message, "rfc3798", Kind::NotBounce, Vec::new());
    }
    // An auto-reply often comes with an empty return path, as bounces do: it is recognized
    // before the generic reading of bounces.
    if let Some(recipients) = autoreply::read(message) {
        return read_as(message, "rfc3834", Kind::AutoReply, recipients);
    }
    // `Auto-Submitted: auto-replied` declares an automatic answer (RFC 3834), not a delivery
    // report (`auto-generated`): a message of no known format that says so, and that is no
    // person's auto-reply, is not read as a bounce by guesswork.
    // Exchange marks its non-delivery reports so (`X-MS-Exchange-Message-Is-Ndr`), and
    // writes `Auto-Submitted: auto-replied` on them too.
    let declared_reply = message
        .header("auto-submitted")
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("auto-replied"))
        && message.header("x-ms-exchange-message-is-ndr").is_none();
    if !declared_reply && detect::text::looks_like_bounce(message) {
        return read_as(message, "text", Kind::Bounce, detect::text::read(message));
    }
    read_as(message, "text", Kind::NotBounce, Vec::new())
}

/// Parses raw bytes and reads them.
pub fn read_bytes(raw: &[u8]) -> Result<Bounce, MailError> {
    Ok(read_message(&Message::parse(raw)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::StatusCode;

    fn code(s: &str) -> StatusCode {
        s.parse().unwrap()
    }
    #[test]
    fn text_of_a_one_recipient_report_goes_with_its_fields() {
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Returned mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nThis is a MIME-encapsulated message\n\nYour message to <nekochan> was automatically rejected:\nNot enough disk space\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: RFC822; a@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: SMTP; 550 5.1.1 <a@example.jp>... User Unknown\n\n--B--\n";
        let b = read_bytes(raw).unwrap();
        assert_eq!(
            b.recipients[0].diagnostic,
            "Your message to <nekochan> was automatically rejected: Not enough disk space 550 5.1.1 <a@example.jp>... User Unknown"
        );
    }

    #[test]
    fn broken_boundary_report_fields_in_the_text() {
        let raw = b"From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>\nSubject: Returned mail: User unknown\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\ncontent-type: text/plain\n\n----- The following addresses had delivery problems -----\n<a@example.jp> (unrecoverable error)\n\n --B\ncontent-type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822;a@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 user unknown\n\nFinal-Recipient: rfc822;b@example.jp\nAction: delayed\nStatus: 4.0.0\n\n--B--\n";
        let b = read_bytes(raw).unwrap();
        assert_eq!(b.recipients.len(), 2);
        assert_eq!(b.recipients[0].diagnostic, "550 user unknown");
        assert_eq!(b.recipients[1].recipient.as_deref(), Some("b@example.jp"));
    }

    /// Of a report that lists failed, relayed and delivered recipients, the failed ones are
    /// read; a report of deliveries alone keeps them.
    #[test]
    fn successes_beside_failures_are_left_out() {
        let report = |blocks: &str| {
            format!(
                "From: postmaster@example.org\nSubject: Undeliverable: plans\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;mx.example.org\n\n{blocks}--B--\n"
            )
        };
        let failed = "Final-Recipient: rfc822;a@example.jp\nAction: failed\nStatus: 5.7.1\nDiagnostic-Code: smtp;550 5.7.1 relay access denied\n\n";
        let relayed = "Final-Recipient: rfc822;b@example.jp\nAction: relayed\nStatus: 2.0.0\n\n";
        let delivered =
            "Final-Recipient: rfc822;c@example.org\nAction: delivered\nStatus: 2.0.0\n\n";
        let b = read_bytes(report(&format!("{failed}{relayed}{delivered}")).as_bytes()).unwrap();
        let got: Vec<_> = b
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect();
        assert_eq!(got, ["a@example.jp"]);
        let b = read_bytes(report(&format!("{relayed}{delivered}")).as_bytes()).unwrap();
        assert_eq!(b.recipients.len(), 2);
    }

    /// A warning a person forwards inline is read as the warning it quotes.
    #[test]
    fn an_inline_forwarded_warning_keeps_its_recipient_delayed() {
        let raw = "From: Pat <pat@example.org>\nTo: it@example.org\nSubject: Fwd: Delayed Mail (still being retried)\n\nIs this a problem?\n\n---------- Forwarded message ---------\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nDate: Tue, 1 Dec 2026 10:00:00 +0900\nSubject: Delayed Mail (still being retried)\nTo: <pat@example.org>\n\n\nThis is the mail system at host mx.example.org.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for 4.0 hours.\nIt will be retried until it is 5.0 days old.\n\n<yui@example.jp>: connect to mx.example.jp[192.0.2.1]:25: Connection timed out\n";
        let b = read_bytes(raw.as_bytes()).unwrap();
        assert_eq!(b.kind, Kind::Bounce);
        let got: Vec<_> = b
            .recipients
            .iter()
            .map(|r| (r.recipient.as_deref(), r.action))
            .collect();
        assert_eq!(got, [(Some("yui@example.jp"), Some(Action::Delayed))]);
    }

    /// A bounce a person forwards as an attachment is read, not the forward around it.
    #[test]
    fn a_forwarded_attached_bounce() {
        let raw = b"From: Mia <mia@example.org>\nTo: it@example.org\nSubject: Fw: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary=\"F\"\n\n--F\nContent-Type: text/plain\n\nWhy? nora@example.org gave me the address.\n\n--F\nContent-Type: message/rfc822\n\nFrom: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nTo: mia@example.org\n\n<pablo@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 User unknown (in\n    reply to RCPT TO command)\n\n--F--\n";
        let b = read_bytes(raw).unwrap();
        assert_eq!(b.kind, Kind::Bounce);
        let got: Vec<_> = b
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect();
        assert_eq!(got, ["pablo@example.jp"]);
    }

    #[test]
    fn auto_reply_with_an_empty_return_path() {
        let raw = b"Return-Path: <>\nFrom: Kijitora <kijitora@example.org>\nSubject: Automatic reply: Nyaan\n\nI will be traveling for work on July 10-31.\n";
        let b = read_bytes(raw).unwrap();
        assert_eq!(b.kind, Kind::AutoReply);
        assert_eq!(
            b.recipients[0].recipient.as_deref(),
            Some("kijitora@example.org")
        );
        // A system mailbox's notice is never a person's auto-reply; marked as an answer, it is
        // no delivery report either, unless a known format reads it.
        let raw = b"Return-Path: <>\nFrom: postmaster@example.org\nAuto-Submitted: auto-replied\nSubject: email bounce notification\n\nreject reason: Mailbox full\ntarget mail address: a@example.jp\n";
        assert_eq!(read_bytes(raw).unwrap().kind, Kind::NotBounce);
        let raw = b"Return-Path: <>\nFrom: postmaster@example.org\nAuto-Submitted: auto-generated\nSubject: Undelivered Mail\n\n<a@example.jp>: mailbox full\n";
        assert_eq!(read_bytes(raw).unwrap().kind, Kind::Bounce);
        // Exchange writes `auto-replied` on its non-delivery reports, and marks them as such.
        let raw = b"Return-Path: <>\nFrom: postmaster@example.org\nAuto-Submitted: auto-replied\nX-MS-Exchange-Message-Is-Ndr:\nSubject: Undeliverable: Nyaan\n\n<a@example.jp>: mailbox full\n";
        assert_eq!(read_bytes(raw).unwrap().kind, Kind::Bounce);
    }

    /// The reading kept for the diagnosis is that of the settled words.
    #[test]
    fn settled_words_are_read_once_and_kept() {
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550-5.7.1 Messages with multiple 550 5.7.1\n    addresses in From: header are not accepted.\n\nFinal-Recipient: rfc822; b@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 552 4.2.2 mailbox full\n\n--B--\n";
        let mut b = read_bytes(raw).unwrap();
        let readings = b.take_readings();
        assert_eq!(readings.len(), 2);
        for (r, reading) in b.recipients.iter().zip(readings) {
            let fresh = bouncedoc_core::reply::read(&r.diagnostic);
            let kept = reading
                .of(&r.diagnostic)
                .expect("taken from the settled words");
            assert_eq!(kept.unfolded, fresh.unfolded);
            assert_eq!(kept.status, fresh.status);
            assert_eq!(kept.reply_code, fresh.reply_code);
        }
        // The status field is kept as the report states it; the engine weighs it against the
        // words.
        assert_eq!(b.recipients[0].status, Some(code("5.0.0")));
        assert!(b.take_readings().is_empty());
    }

    #[test]
    fn folded_multiline_reply_is_joined() {
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.7.1\nDiagnostic-Code: smtp; 550-5.7.1 Messages with multiple 550 5.7.1\n    addresses in From: header are not accepted.\n\n--B--\n";
        let b = read_bytes(raw).unwrap();
        assert_eq!(
            b.recipients[0].diagnostic,
            "550 5.7.1 Messages with multiple addresses in From: header are not accepted."
        );
    }
}
