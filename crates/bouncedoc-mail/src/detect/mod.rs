//! Detectors: one small unit per bounce format that is not (only) an RFC 3464 report.
//!
//! Each detector looks at a parsed [`Message`] and either declines (`None`) or returns the
//! recipients it read. They are tried in the order of [`DETECTORS`]; the first that answers
//! wins. A new format is one new file here plus one line in that list.

pub mod common;
pub mod text;
// Detector modules, one per format (keep sorted within each group).
// -- group: mail servers (MTAs)
pub mod domino;
pub mod dragonfly;
pub mod exim;
pub mod notes;
pub mod opensmtpd;
pub mod postfix;
pub mod qmail;
pub mod sendmail;
pub mod v5sendmail;
// -- group: providers and services

use crate::facts::RecipientFacts;
use crate::message::Message;

/// What a detector read from a message.
#[derive(Debug, Clone, Default)]
pub struct Detected {
    /// The detector's id.
    pub detector: &'static str,
    /// The kind of server that wrote the report, when the format shows it.
    pub mta: Option<&'static str>,
    /// The failed recipients.
    pub recipients: Vec<RecipientFacts>,
}

/// One bounce format.
pub trait Detector: Sync {
    /// A short id (`qmail`, `exim`, ...).
    fn id(&self) -> &'static str;
    /// Reads the message when it is in this format.
    fn detect(&self, message: &Message) -> Option<Detected>;
}

/// The format-specific detectors, most specific first. They run before the RFC 3464
/// reader, so that a server whose report part is poor can be read from its text.
pub static DETECTORS: &[&dyn Detector] = &[
    // -- group: providers and services
    // -- group: mail servers (MTAs)
    &domino::Domino,
    &notes::Notes,
    &dragonfly::DragonFly,
    &postfix::Postfix,
    &exim::Exim,
    &qmail::Qmail,
    &opensmtpd::OpenSmtpd,
    &sendmail::Sendmail,
    &v5sendmail::V5Sendmail,
];
