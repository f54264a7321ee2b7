//! The diagnosis: what the product says about one failed delivery (the contract of
//! `shared/spec/diagnosis.md`), and how it is reached from a reply.

mod answer;
mod decide;
mod explain;
pub(crate) mod guess;
mod observation;
mod steps;
mod words;

use serde::{Deserialize, Serialize};

pub use answer::Answer;
pub use observation::{Observation, ReportField, ReportKind};
pub use words::Words;

use crate::status::StatusCode;
use crate::vocab::{Action, Confidence, Party, Reason, Retry, SmtpCommand, StatusSource};

/// One diagnosis: one recipient of one delivery attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnosis {
    /// The final recipient, when known.
    pub recipient: Option<String>,
    /// The SMTP reply code (RFC 5321), when found.
    pub reply_code: Option<u16>,
    /// The enhanced status code (RFC 3463), when found or inferred.
    pub status: Option<StatusCode>,
    /// Where `status` came from.
    pub status_source: Option<StatusSource>,
    /// The DSN action, when known.
    pub action: Option<Action>,
    /// The SMTP command the refusal answered, when known.
    pub command: Option<SmtpCommand>,
    /// Why the delivery failed.
    pub reason: Reason,
    /// True when sending the same message to the same address again cannot succeed without
    /// someone changing something.
    pub hard_bounce: bool,
    /// What an automatic sender should do.
    pub retry: Retry,
    /// Who must act first.
    pub party: Party,
    /// The receiving provider recognized in the text.
    pub provider: Option<String>,
    /// The kind of reporting server, when recognized.
    pub mta: Option<String>,
    /// The remote server's own words, on one line.
    pub diagnostic: String,
    /// One sentence: what happened.
    pub summary: String,
    /// What the code means, the likely causes (most likely first) and what is uncertain.
    pub explanation: String,
    /// What to do, in order.
    pub advice: Vec<Advice>,
    /// What the diagnosis rests on.
    pub evidence: Vec<Evidence>,
    /// How sure the diagnosis is.
    pub confidence: Confidence,
    /// The language of the texts.
    pub lang: crate::Lang,
}

impl Diagnosis {
    /// True when anything was recognized: a code, or a known wording.
    pub fn is_conclusive(&self) -> bool {
        self.reason != Reason::Undefined || self.reply_code.is_some() || self.status.is_some()
    }

    /// The id of the knowledge rule the diagnosis rests on, if any.
    pub fn rule_id(&self) -> Option<&str> {
        self.evidence
            .iter()
            .find(|e| e.kind == EvidenceKind::Rule)
            .and_then(|e| e.id.as_deref())
    }
}

/// One piece of advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Advice {
    /// The stable id.
    pub id: String,
    /// The localized text.
    pub text: String,
    /// True for a warning about what not to do.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub avoid: bool,
}

/// What kind of fact a piece of evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// A reply code found in the text.
    ReplyCode,
    /// A status code found in the text or given by a DSN.
    Status,
    /// A knowledge rule whose wording matched.
    Rule,
    /// Words that identify the receiving provider.
    Provider,
    /// Words that identify the kind of server.
    Mta,
    /// A code that only sums up the failure and was not taken for its cause.
    SecondaryCode,
    /// A value of the report's own fields that states the cause (`report-fields.toml`).
    Field,
    /// The context of the words (their stage, the report's status, the kind of server)
    /// that changed the reason they gave (`context.toml`).
    Context,
    /// A known wording (its rule's id) that the words resemble, when no rule matched and
    /// the reason is a best guess from that likeness.
    Resembles,
}

impl EvidenceKind {
    /// The id of its label in `labels.toml`.
    pub fn label_id(self) -> &'static str {
        match self {
            EvidenceKind::ReplyCode => "evidence.reply_code",
            EvidenceKind::Status => "evidence.status",
            EvidenceKind::Rule => "evidence.rule",
            EvidenceKind::Provider => "evidence.provider",
            EvidenceKind::Mta => "evidence.mta",
            EvidenceKind::SecondaryCode => "evidence.secondary_code",
            EvidenceKind::Field => "evidence.field",
            EvidenceKind::Context => "evidence.context",
            EvidenceKind::Resembles => "evidence.resembles",
        }
    }
}

/// One fact the diagnosis rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// What kind of fact.
    pub kind: EvidenceKind,
    /// The rule, provider or server id, when the fact is a match of the knowledge base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The part of the input it rests on, as written there.
    pub text: String,
    /// A localized note on what it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Diagnoses one observation with a knowledge base.
pub(crate) fn decide_with(
    kb: &crate::Knowledge,
    observation: &Observation<'_>,
    lang: crate::Lang,
) -> Diagnosis {
    let words = Words::read(kb, observation.text);
    decide::diagnose(kb, &words, observation, lang)
}

/// Diagnoses one observation whose words were read beforehand (`words` must have been
/// read from `observation.text`).
pub(crate) fn decide_words(
    kb: &crate::Knowledge,
    words: &Words,
    observation: &Observation<'_>,
    lang: crate::Lang,
) -> Diagnosis {
    decide::diagnose(kb, words, observation, lang)
}
