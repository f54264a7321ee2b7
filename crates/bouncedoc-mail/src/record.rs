//! The result records of `parse`: one per recipient, one per message that is not a bounce,
//! one per message that could not be read. Nothing is dropped silently.

use bouncedoc_core::Diagnosis;
use serde::Serialize;

use crate::bounce::Kind;
use crate::diagnose::MessageReport;
use crate::facts::MessageFacts;

/// Where a message came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The file's path (`-` for standard input).
    pub source: String,
    /// The message's position in an mbox, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

/// One line of `parse` output.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Record {
    /// The diagnosis of one recipient.
    Recipient(Box<RecipientRecord>),
    /// A message that reports no failure.
    NotBounce {
        /// Where it came from.
        #[serde(flatten)]
        origin: Origin,
        /// Always `not-bounce`.
        kind: Kind,
        /// Its subject, to recognize it by.
        subject: Option<String>,
    },
    /// A message that could not be read.
    Error {
        /// Where it came from.
        #[serde(flatten)]
        origin: Origin,
        /// What went wrong.
        error: String,
    },
}

/// The diagnosis of one recipient, with the facts of its message.
#[derive(Debug, Clone, Serialize)]
pub struct RecipientRecord {
    /// Where the message came from.
    #[serde(flatten)]
    pub origin: Origin,
    /// What kind of message it is.
    pub kind: Kind,
    /// The diagnosis.
    #[serde(flatten)]
    pub diagnosis: Diagnosis,
    /// For feedback reports: the feedback type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback_type: Option<String>,
    /// The facts of the whole message.
    pub message: MessageFacts,
}

/// The records of one message report.
pub fn records(origin: &Origin, report: MessageReport) -> Vec<Record> {
    if report.kind == Kind::NotBounce || report.diagnoses.is_empty() {
        return vec![Record::NotBounce {
            origin: origin.clone(),
            kind: Kind::NotBounce,
            subject: report.message.subject,
        }];
    }
    let MessageReport {
        kind,
        mut message,
        diagnoses,
    } = report;
    let mut out = Vec::with_capacity(diagnoses.len());
    let mut diagnoses = diagnoses.into_iter().peekable();
    while let Some((diagnosis, feedback_type)) = diagnoses.next() {
        // Each record carries the message's facts: copied for all but the last, which
        // takes them.
        let message = if diagnoses.peek().is_some() {
            message.clone()
        } else {
            std::mem::take(&mut message)
        };
        out.push(Record::Recipient(Box::new(RecipientRecord {
            origin: origin.clone(),
            kind,
            diagnosis,
            feedback_type,
            message,
        })));
    }
    out
}
