//! Running the facts of a bounce through the diagnosis engine.

use bouncedoc_core::{
    Diagnosis, Engine, EvidenceKind, Lang, Observation, Reason, SmtpCommand, StatusCode,
    StatusSource,
};

use bouncedoc_core::knowledge::RuleOrigin;

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
            if let Some(reason) = refined_reason(engine, &diagnosis, r) {
                observation.reason = Some(reason);
                diagnosis = engine.diagnose(&observation, lang);
            }
            drop_reply_code_of_other_class(&mut diagnosis);
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
///   a cause such as a full mailbox;
/// - words that name no known cause put the bounce `onhold` (the cause is in words not yet
///   understood); `undefined` is left for a report without any words.
///
/// A receiving provider's own wording (from `knowledge/providers/`) is not re-read: it
/// already says what that provider means by its words.
fn refined_reason(engine: &Engine, diagnosis: &Diagnosis, facts: &RecipientFacts) -> Option<Reason> {
    if facts.reason.is_some() {
        return None;
    }
    let rule_origin = diagnosis
        .evidence
        .iter()
        .find(|e| e.kind == EvidenceKind::Rule)
        .and_then(|e| e.id.as_deref())
        .and_then(|id| engine.knowledge().rules.iter().find(|r| r.doc.id == id))
        .map(|r| r.origin);
    let generic_words = matches!(
        rule_origin,
        Some(RuleOrigin::Generic | RuleOrigin::Server(_))
    );
    let stated_status = diagnosis
        .status
        .filter(|_| diagnosis.status_source != Some(StatusSource::Inferred));
    let command = diagnosis.command;
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
            if generic_words
                && command != Some(SmtpCommand::Rcpt)
                && !stated_status.is_some_and(names_the_address) =>
        {
            Some(Reason::Filtered)
        }
        Reason::Undefined | Reason::OnHold
            if matches!(command, Some(SmtpCommand::Connect | SmtpCommand::Helo)) =>
        {
            Some(Reason::Blocked)
        }
        Reason::Undefined if !facts.diagnostic.trim().is_empty() => Some(Reason::OnHold),
        _ => None,
    }
}

/// A reply code of another class than the status code reported beside it is not the
/// answer to this delivery (`554` from a greeting refused, with a delivery only deferred,
/// `4.0.0`): the words' first reply code of the status's class replaces it, else none is
/// reported, as the reference classifier does.
fn drop_reply_code_of_other_class(diagnosis: &mut Diagnosis) {
    let (Some(code), Some(status)) = (diagnosis.reply_code, diagnosis.status) else {
        return;
    };
    if (code / 100) as u8 == status.class {
        return;
    }
    let same_class = bouncedoc_core::reply::find_codes(&diagnosis.diagnostic)
        .into_iter()
        .filter_map(|h| h.reply_code)
        .find(|c| (c / 100) as u8 == status.class);
    diagnosis.reply_code = same_class;
    if same_class.is_none() {
        diagnosis
            .evidence
            .retain(|e| e.kind != EvidenceKind::ReplyCode);
    }
}

/// Reads and diagnoses raw message bytes.
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    Ok(diagnose(engine, &read_bytes(raw)?, lang))
}
