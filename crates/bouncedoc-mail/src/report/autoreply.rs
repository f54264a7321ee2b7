//! Auto-replies (RFC 3834): "out of office" answers, which are not failures but tell that the
//! recipient is away.

use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::opening_lines;

/// Subjects that auto-responders put in front of the original subject, in the languages
/// seen in practice. Matched case-insensitively at the start of the subject.
const SUBJECT_PREFIXES: &[&str] = &[
    "auto:",
    "auto reply",
    "auto-reply",
    "autoreply",
    "automatic reply",
    "auto response",
    "autoresponse",
    "out of office",
    "out of the office",
    "away from",
    "away until",
    "vacation",
    "abwesenheit",
    "absence",
    "réponse automatique",
    "自動応答",
    "自動返信",
    "不在",
];

/// Senders whose automatic messages are system notices (delivery reports, cron and sudo
/// mail), never a person's answer.
const SYSTEM_SENDERS: &[&str] = &["root", "postmaster", "mailer-daemon"];

/// Subjects of system notices that carry auto-reply headers.
const SYSTEM_SUBJECTS: &[&str] = &["security information for", "mail failure -"];

fn from_system(message: &Message) -> bool {
    let sender = message
        .header("from")
        .and_then(parse_address)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let local = sender.split('@').next().unwrap_or("");
    let subject = message.header("subject").unwrap_or("").to_lowercase();
    SYSTEM_SENDERS.contains(&local) || SYSTEM_SUBJECTS.iter().any(|s| subject.contains(s))
}

/// Whether the message is an automatic reply rather than a bounce. A system mailbox's
/// notice (`postmaster`, `mailer-daemon`, `root`) is never one.
pub fn is_autoreply(message: &Message) -> bool {
    if from_system(message) {
        return false;
    }
    let header_says = message
        .header("auto-submitted")
        .is_some_and(|v| v.trim().to_ascii_lowercase().starts_with("auto-replied"))
        || message.header("x-autoreply").is_some()
        || message.header("x-autorespond").is_some()
        || message
            .header("precedence")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("auto_reply"));
    let subject = message
        .header("subject")
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let subject_says = SUBJECT_PREFIXES.iter().any(|p| subject.starts_with(p));
    header_says || subject_says
}

/// The facts of an auto-reply: its author is the recipient who is away.
pub fn read(message: &Message) -> Option<Vec<RecipientFacts>> {
    if !is_autoreply(message) {
        return None;
    }
    let recipient = message.header("from").and_then(parse_address);
    let diagnostic = opening_lines(message);
    Some(vec![RecipientFacts {
        recipient,
        diagnostic,
        ..RecipientFacts::default()
    }])
}
