//! From raw bytes to the facts of a bounce: which kind of message it is, and what it says
//! about each recipient.

use serde::Serialize;

use crate::MailError;
use crate::detect::{self, DETECTORS, Detected};
use crate::facts::{MessageFacts, RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::{arf, autoreply, dsn};

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

/// A bounce, read.
#[derive(Debug, Clone)]
pub struct Bounce {
    /// What kind of message it is.
    pub kind: Kind,
    /// The facts of the whole message.
    pub message: MessageFacts,
    /// One entry per recipient the message reports on.
    pub recipients: Vec<RecipientFacts>,
}

fn original_facts(message: &Message, detected: &Detected) -> MessageFacts {
    let original = message.original_headers().unwrap_or_default();
    let get = |name: &str| {
        original
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
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
    for r in recipients
        .iter_mut()
        .filter(|r| r.diagnostic.trim().is_empty())
    {
        let same = from_text.iter().find(|t| {
            t.recipient.is_some()
                && t.recipient.as_deref().map(str::to_lowercase)
                    == r.recipient.as_deref().map(str::to_lowercase)
        });
        let pick = same.or_else(|| (from_text.len() == 1).then(|| &from_text[0]));
        if let Some(t) = pick {
            r.diagnostic = t.diagnostic.clone();
        }
    }
}

/// Reads a parsed message.
pub fn read_message(message: &Message) -> Bounce {
    if let Some(recipients) = arf::read(message) {
        let detected = Detected {
            detector: "arf",
            ..Detected::default()
        };
        return Bounce {
            kind: Kind::Feedback,
            message: original_facts(message, &detected),
            recipients,
        };
    }
    for d in DETECTORS {
        if let Some(detected) = d.detect(message)
            && !detected.recipients.is_empty()
        {
            return Bounce {
                kind: Kind::Bounce,
                message: original_facts(message, &detected),
                recipients: detected.recipients,
            };
        }
    }
    let mut from_dsn: Vec<RecipientFacts> = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .flat_map(|p| dsn::recipients(&p.text))
        .collect();
    if !from_dsn.is_empty() {
        enrich_from_text(message, &mut from_dsn);
        let detected = Detected {
            detector: "rfc3464",
            ..Detected::default()
        };
        return Bounce {
            kind: Kind::Bounce,
            message: original_facts(message, &detected),
            recipients: from_dsn,
        };
    }
    let detected = Detected {
        detector: "text",
        ..Detected::default()
    };
    if detect::text::looks_like_bounce(message) {
        return Bounce {
            kind: Kind::Bounce,
            message: original_facts(message, &detected),
            recipients: detect::text::read(message),
        };
    }
    if let Some(recipients) = autoreply::read(message) {
        let detected = Detected {
            detector: "rfc3834",
            ..Detected::default()
        };
        return Bounce {
            kind: Kind::AutoReply,
            message: original_facts(message, &detected),
            recipients,
        };
    }
    Bounce {
        kind: Kind::NotBounce,
        message: original_facts(message, &detected),
        recipients: Vec::new(),
    }
}

/// Parses raw bytes and reads them.
pub fn read_bytes(raw: &[u8]) -> Result<Bounce, MailError> {
    Ok(read_message(&Message::parse(raw)?))
}
