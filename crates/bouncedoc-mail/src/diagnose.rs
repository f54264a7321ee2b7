//! Running the facts of a bounce through the diagnosis engine.

use bouncedoc_core::{Diagnosis, Engine, Lang, Observation};

use crate::MailError;
use crate::bounce::{Bounce, Kind, read_bytes};
use crate::facts::MessageFacts;

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
            let observation = Observation {
                text: &r.diagnostic,
                recipient: r.recipient.as_deref(),
                status: r.status,
                reply_code: r.reply_code,
                action: r.action,
                mta: bounce.message.mta,
                reason: r.reason,
                infer_status: r.reason.is_none(),
            };
            (engine.diagnose(&observation, lang), r.feedback_type.clone())
        })
        .collect();
    MessageReport {
        kind: bounce.kind,
        message: bounce.message.clone(),
        diagnoses,
    }
}

/// Reads and diagnoses raw message bytes.
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    Ok(diagnose(engine, &read_bytes(raw)?, lang))
}
