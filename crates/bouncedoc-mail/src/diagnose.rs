//! Running the facts of a bounce through the diagnosis engine.

use bouncedoc_core::{
    Diagnosis, Engine, EvidenceKind, Lang, Observation, Reason, StatusCode, StatusSource,
};

use crate::MailError;
use crate::bounce::{Bounce, Kind, read_bytes};
use crate::facts::{MessageFacts, RecipientFacts};

/// The diagnoses of one message.
#[derive(Debug, Clone)]
pub struct MessageReport {
    /// What kind of message it is.
    pub kind: Kind,
    /// The facts of the whole message.
    pub message: MessageFacts,
    /// One diagnosis per recipient, in the order the message lists them, each with the
    /// feedback type when it is a feedback report.
    pub diagnoses: Vec<(Diagnosis, Option<String>)>,
}

/// Diagnoses every recipient of a bounce.
pub fn diagnose(engine: &Engine, bounce: &Bounce, lang: Lang) -> MessageReport {
    let diagnoses = bounce
        .recipients
        .iter()
        .map(|r| {
            let mut observation = Observation {
                text: &r.diagnostic,
                recipient: r.recipient.as_deref(),
                status: r.status,
                reply_code: r.reply_code,
                action: r.action,
                command: r.command.as_deref().and_then(crate::facts::smtp_command),
                mta: bounce.message.mta,
                reason: r.reason,
                // Feedback reports and auto-replies carry no status code, and the reference
                // reports none for them.
                infer_status: !matches!(r.reason, Some(Reason::Feedback | Reason::Vacation)),
            };
            let mut diagnosis = engine.diagnose(&observation, lang);
            if let Some(reason) = refined_reason(&diagnosis, r) {
                observation.reason = Some(reason);
                diagnosis = engine.diagnose(&observation, lang);
            }
            (diagnosis, r.feedback_type.clone())
        })
        .collect();
    MessageReport {
        kind: bounce.kind,
        message: bounce.message.clone(),
        diagnoses,
    }
}

/// Status codes that name the recipient's address as the problem (`X.1.0`, `X.1.1`,
/// `X.1.3`).
fn names_the_address(status: StatusCode) -> bool {
    status.subject == 1 && matches!(status.detail, 0 | 1 | 3)
}

/// Reasons that the words of a failed local delivery program (`Diagnostic-Code: X-Unix`)
/// may still show; any other reading of them is the program's failure (`mailererror`).
const LOCAL_PROGRAM_REASONS: &[Reason] = &[
    Reason::MailboxFull,
    Reason::SystemFull,
    Reason::SystemError,
    Reason::Suspend,
    Reason::ContentError,
    Reason::SecurityError,
    Reason::VirusDetected,
    Reason::SpamDetected,
    Reason::PolicyViolation,
    Reason::Expired,
    Reason::NetworkError,
    Reason::MailerError,
];

/// What only the whole report shows can change the reason read from the words, as the
/// reference classifier (Sisimai) reads them:
///
/// - words saying the user is unknown, answered to a command other than `RCPT TO` (the
///   recipient had been accepted; after `DATA` it is the content that was refused) and
///   without a status code naming the address, mean a filter refused the message
///   (`filtered`);
/// - a refusal without a known cause at the connection or greeting (`CONN`, `EHLO`,
///   `HELO`) refuses the sending host (`blocked`);
/// - a failed local delivery program (`X-Unix`) is a `mailererror`, unless its words name
///   a cause such as a full mailbox.
fn refined_reason(diagnosis: &Diagnosis, facts: &RecipientFacts) -> Option<Reason> {
    if facts.reason.is_some() {
        return None;
    }
    let stated_status = diagnosis
        .status
        .filter(|_| diagnosis.status_source != Some(StatusSource::Inferred));
    let command = facts.command.as_deref();
    let from_words = diagnosis
        .evidence
        .iter()
        .any(|e| e.kind == EvidenceKind::Rule);
    if facts
        .diagnostic_type
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("x-unix"))
    {
        let keep = from_words && LOCAL_PROGRAM_REASONS.contains(&diagnosis.reason);
        return (!keep).then_some(Reason::MailerError);
    }
    match diagnosis.reason {
        Reason::UserUnknown
            if from_words
                && command != Some("RCPT")
                && !stated_status.is_some_and(names_the_address) =>
        {
            Some(Reason::Filtered)
        }
        Reason::Undefined | Reason::OnHold
            if matches!(command, Some("CONN" | "EHLO" | "HELO")) =>
        {
            Some(Reason::Blocked)
        }
        _ => None,
    }
}

/// Reads and diagnoses raw message bytes.
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    Ok(diagnose(engine, &read_bytes(raw)?, lang))
}
