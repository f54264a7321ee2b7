//! Running the facts of a bounce through the diagnosis engine.

use bouncedoc_core::{
    Diagnosis, Engine, EvidenceKind, Lang, Observation, Reason, SmtpCommand, StatusCode,
    StatusSource, Words,
};

use std::collections::HashMap;

use bouncedoc_core::knowledge::RuleOrigin;

use crate::MailError;
use crate::bounce::{Bounce, Kind, Reading, read_bytes};
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
    MessageReport {
        kind: bounce.kind,
        message: bounce.message.clone(),
        diagnoses: diagnose_recipients(engine, bounce, Vec::new(), lang),
    }
}

/// Diagnoses every recipient of a bounce that is not needed afterwards (its facts move into
/// the report instead of being copied).
fn diagnose_owned(engine: &Engine, mut bounce: Bounce, lang: Lang) -> MessageReport {
    let readings = bounce.take_readings();
    let diagnoses = diagnose_recipients(engine, &bounce, readings, lang);
    MessageReport {
        kind: bounce.kind,
        message: bounce.message,
        diagnoses,
    }
}

/// Diagnoses each recipient; `readings` are the readings of their words taken when the
/// bounce was read, used where they still fit the words (the words are read otherwise).
///
/// Recipients whose words are the same (one refusal for several addresses, as Exim and
/// text bounces list them) share one reading of them: a report may list dozens of
/// recipients refused with the same, sometimes long, words.
fn diagnose_recipients(
    engine: &Engine,
    bounce: &Bounce,
    readings: Vec<Reading>,
    lang: Lang,
) -> Vec<(Diagnosis, Option<String>)> {
    let mut readings = readings.into_iter();
    // The words read so far, and for each distinct text the index of its words.
    let mut read: Vec<Words> = Vec::new();
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    let shared = bounce.recipients.len() > 1;
    bounce
        .recipients
        .iter()
        .map(|r| {
            let mut observation = Observation {
                text: &r.diagnostic,
                recipient: r.recipient.as_deref(),
                status: r.status,
                reply_code: r.reply_code,
                action: r.action,
                command: r.command,
                mta: bounce.message.mta,
                reason: r.reason,
                // Feedback reports and auto-replies carry no status code, and the reference
                // reports none for them.
                infer_status: !matches!(r.reason, Some(Reason::Feedback | Reason::Vacation)),
            };
            // The words are read once, for both diagnoses and for every recipient with the
            // same words.
            let reading = readings.next();
            let words_of = || {
                read.push(match reading.and_then(|x| x.of(&r.diagnostic)) {
                    Some(reading) => engine.read_reply_words(reading),
                    None => engine.read_words(&r.diagnostic),
                });
                read.len() - 1
            };
            // (A single recipient, the most common report, needs no lookup.)
            let at = if shared {
                *by_text
                    .entry(r.diagnostic.as_str())
                    .or_insert_with(words_of)
            } else {
                words_of()
            };
            let words = &read[at];
            let mut diagnosis = engine.diagnose_words(words, &observation, lang);
            if let Some(reason) = refined_reason(engine, words, &diagnosis, r) {
                observation.reason = Some(reason);
                diagnosis = engine.diagnose_words(words, &observation, lang);
            }
            (diagnosis, r.feedback_type.clone())
        })
        .collect()
}

/// Status codes that name the recipient's address as the problem (`X.1.0`, `X.1.1`,
/// `X.1.3`).
fn names_the_address(status: StatusCode) -> bool {
    status.subject == 1 && matches!(status.detail, 0 | 1 | 3)
}

/// Whether the words hold one of the generic wordings of an unknown user (those of
/// `knowledge/reasons/userunknown.toml`), as opposed to a server's own statement that the
/// address is not in its directory.
fn generic_user_unknown(engine: &Engine, words: &Words) -> bool {
    let kb = engine.knowledge();
    words.rule_hits().iter().any(|hit| {
        let rule = &kb.rules[hit.entry];
        rule.origin == RuleOrigin::Generic && rule.reason == Reason::UserUnknown
    })
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
///   recipient had been accepted; after `DATA` it is the content that was refused) or to
///   none the report shows, and without a status code naming the address, mean a filter
///   refused the message (`filtered`); this holds for the generic wordings ("user
///   unknown", "no such user"), not for a server's own statement that an address is not in
///   its directory;
/// - a refusal without a known cause at the connection or greeting (`CONN`, `EHLO`,
///   `HELO`) refuses the sending host (`blocked`);
/// - a failed local delivery program (`X-Unix`) is a `mailererror`, unless its words name
///   a cause such as a full mailbox;
/// - words that name no known cause put the bounce `onhold` (the cause is in words not yet
///   understood); `undefined` is left for a report without any words.
///
/// A receiving provider's own wording (from `knowledge/providers/`) is not re-read: it
/// already says what that provider means by its words.
fn refined_reason(
    engine: &Engine,
    words: &Words,
    diagnosis: &Diagnosis,
    facts: &RecipientFacts,
) -> Option<Reason> {
    if facts.reason.is_some() {
        return None;
    }
    let rule = diagnosis
        .rule_id()
        .and_then(|id| engine.knowledge().rule(id));
    let provider_words = matches!(rule.map(|r| r.origin), Some(RuleOrigin::Provider(_)));
    let any_stage = rule.is_some_and(|r| r.doc.any_stage);
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
            if !provider_words
                && !any_stage
                && command != Some(SmtpCommand::Rcpt)
                && !stated_status.is_some_and(names_the_address)
                && generic_user_unknown(engine, words) =>
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

/// Reads and diagnoses raw message bytes.
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    Ok(diagnose_owned(engine, read_bytes(raw)?, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading kept when the bounce was read gives the diagnosis a fresh reading gives;
    /// once the words change, it is not used.
    #[test]
    fn kept_readings_are_used_only_for_their_words() {
        let engine = Engine::new().unwrap();
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown\n\n--B--\n";
        let bounce = read_bytes(raw).unwrap();
        let fresh = diagnose(&engine, &bounce, Lang::En);
        let kept = diagnose_owned(&engine, bounce.clone(), Lang::En);
        assert_eq!(kept.diagnoses, fresh.diagnoses);
        assert_eq!(kept.diagnoses[0].0.reason, Reason::UserUnknown);

        let mut changed = bounce;
        changed.recipients[0].diagnostic = "552 5.2.2 Mailbox full".to_string();
        let fresh = diagnose(&engine, &changed, Lang::En);
        let kept = diagnose_owned(&engine, changed, Lang::En);
        assert_eq!(kept.diagnoses, fresh.diagnoses);
        assert_eq!(kept.diagnoses[0].0.reason, Reason::MailboxFull);
    }

    /// Recipients with the same words share one reading of them; each is diagnosed as it
    /// would be alone.
    #[test]
    fn recipients_with_the_same_words_are_diagnosed_as_alone() {
        let engine = Engine::new().unwrap();
        let facts = |recipient: &str, diagnostic: &str| RecipientFacts {
            recipient: Some(recipient.to_string()),
            diagnostic: diagnostic.to_string(),
            ..RecipientFacts::default()
        };
        let recipients = vec![
            facts("a@example.jp", "550 5.1.1 User unknown"),
            facts("b@example.jp", "552 5.2.2 Mailbox full"),
            facts("c@example.jp", "550 5.1.1 User unknown"),
        ];
        let alone: Vec<Diagnosis> = recipients.iter().cloned().map(diagnose_one).collect();
        let bounce = Bounce::new(Kind::Bounce, MessageFacts::default(), recipients);
        let together: Vec<Diagnosis> = diagnose_owned(&engine, bounce, Lang::En)
            .diagnoses
            .into_iter()
            .map(|(d, _)| d)
            .collect();
        assert_eq!(together, alone);
        assert_eq!(together[2].recipient.as_deref(), Some("c@example.jp"));
    }

    fn diagnose_one(facts: RecipientFacts) -> Diagnosis {
        let engine = Engine::new().unwrap();
        let bounce = Bounce::new(Kind::Bounce, MessageFacts::default(), vec![facts]);
        diagnose(&engine, &bounce, Lang::En).diagnoses.remove(0).0
    }

    fn words(diagnostic: &str, command: Option<&str>) -> RecipientFacts {
        RecipientFacts {
            recipient: Some("kijitora@example.jp".into()),
            diagnostic: diagnostic.into(),
            command: command.and_then(crate::detect::common::command_of_verb),
            ..RecipientFacts::default()
        }
    }

    #[test]
    fn unknown_user_at_rcpt_or_with_an_address_status_stays() {
        let d = diagnose_one(words("550 Unknown user kijitora@example.jp", Some("RCPT")));
        assert_eq!(d.reason, Reason::UserUnknown);
        let d = diagnose_one(words(
            "550 5.1.1 <kijitora@example.jp>... User Unknown",
            None,
        ));
        assert_eq!(d.reason, Reason::UserUnknown);
    }

    #[test]
    fn unknown_user_elsewhere_is_a_filter() {
        let d = diagnose_one(words("550 Unknown user kijitora@example.jp", Some("DATA")));
        assert_eq!(d.reason, Reason::Filtered);
        assert!(!d.hard_bounce);
        let d = diagnose_one(words("550 Unknown user kijitora@example.jp", None));
        assert_eq!(d.reason, Reason::Filtered);
        assert_eq!(d.status.map(|s| s.to_string()).as_deref(), Some("5.0.910"));
    }

    #[test]
    fn local_program_failure() {
        let mut facts = words("procmail: Couldn't create \"/var/spool/mail/neko\"", None);
        facts.diagnostic_type = Some("x-unix".into());
        facts.status = Some(StatusCode::new(5, 1, 1));
        assert_eq!(diagnose_one(facts).reason, Reason::MailerError);
    }

    #[test]
    fn words_without_a_known_cause() {
        assert_eq!(
            diagnose_one(words("Nyaan nyaan nyaan", None)).reason,
            Reason::OnHold
        );
        assert_eq!(diagnose_one(words("", None)).reason, Reason::Undefined);
        assert_eq!(
            diagnose_one(words("Nyaan nyaan nyaan", Some("CONN"))).reason,
            Reason::Blocked
        );
    }

    #[test]
    fn reply_code_of_a_whole_report() {
        let d = diagnose_one(words(
            "554 <kijitora@example.org>... 550 Host unknown (Authoritative answer from name server)",
            None,
        ));
        assert_eq!(d.reply_code, Some(550));
        let mut facts = words(
            "host mx.example.jp refused to talk to me: 554 Blocked",
            None,
        );
        facts.status = Some(StatusCode::new(4, 0, 0));
        assert_eq!(diagnose_one(facts).reply_code, None);
    }
}
