//! Running the facts of a bounce through the diagnosis engine.

use bouncedoc_core::{Diagnosis, Engine, Lang, Observation, ReportKind, Words};

use std::collections::HashMap;

use crate::MailError;
use crate::bounce::{Bounce, Kind, SettledReply, read_bytes};
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
    readings: Vec<SettledReply>,
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
            let observation = observation_of(bounce, r);
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
            let diagnosis = engine.diagnose_words(words, &observation, lang);
            (diagnosis, r.feedback_type.clone())
        })
        .collect()
}

/// What the engine is told of one recipient: its words and their context, as the report
/// shows them. The reason is decided by the engine alone.
pub fn observation_of<'a>(bounce: &'a Bounce, r: &'a RecipientFacts) -> Observation<'a> {
    let local_program = r.local_program
        || r.diagnostic_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("x-unix"));
    Observation {
        text: &r.diagnostic,
        recipient: r.recipient.as_deref(),
        status: r.status,
        reply_code: r.reply_code,
        action: r.action,
        command: r.command,
        mta: bounce.message.mta,
        server: Some(bounce.message.detector),
        local_program,
        report: match bounce.kind {
            Kind::Feedback => ReportKind::Feedback,
            Kind::AutoReply => ReportKind::AutoReply,
            Kind::Bounce | Kind::NotBounce => ReportKind::Delivery,
        },
        subject: bounce.message.subject.as_deref(),
        fields: &r.fields,
    }
}

/// Reads and diagnoses raw message bytes: an RFC 5322 message, or an Outlook `.msg` file,
/// read as the message it holds ([`crate::msg`]).
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    if crate::msg::is_compound_file(raw) {
        let message =
            crate::msg::to_message(raw).map_err(|e| MailError::OutlookMsg(e.to_string()))?;
        return Ok(diagnose_owned(engine, read_bytes(&message)?, lang));
    }
    Ok(diagnose_owned(engine, read_bytes(raw)?, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::{Reason, StatusCode};

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

    #[test]
    fn an_outlook_msg_is_diagnosed_as_the_message_it_holds() {
        let engine = Engine::new().unwrap();
        let raw = crate::msg::testing::msg(
            &[
                (
                    "007D",
                    "From: MAILER-DAEMON@example.jp\r\nSubject: Undelivered Mail Returned to Sender\r\n",
                ),
                (
                    "1000",
                    "<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)\r\n",
                ),
            ],
            &[],
        );
        let report = diagnose_bytes(&engine, &raw, Lang::En).unwrap();
        assert_eq!(report.diagnoses.len(), 1);
        assert_eq!(report.diagnoses[0].0.reason, Reason::UserUnknown);
        let empty = crate::msg::testing::msg(&[("0037", "subject only")], &[]);
        let error = diagnose_bytes(&engine, &empty, Lang::En).unwrap_err();
        assert!(matches!(error, MailError::OutlookMsg(_)));
        assert!(error.to_string().contains(".eml"));
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
