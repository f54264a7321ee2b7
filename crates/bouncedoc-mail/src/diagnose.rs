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
    let mut bounce = bounce.clone();
    // A copy's readings are not used: the words are read again, as they always were here.
    bounce.take_readings();
    diagnose_owned(engine, bounce, lang)
}

/// Diagnoses every recipient of a bounce that is not needed afterwards (its facts move into
/// the report instead of being copied).
fn diagnose_owned(engine: &Engine, bounce: Bounce, lang: Lang) -> MessageReport {
    let mut each = Diagnoses::new(bounce);
    let mut diagnoses = Vec::with_capacity(each.len());
    while let Some(d) = each.next(engine, lang) {
        diagnoses.push(d);
    }
    let (kind, message) = each.into_message();
    MessageReport {
        kind,
        message,
        diagnoses,
    }
}

/// The most distinct texts whose reading [`Diagnoses`] keeps for the recipients after: a
/// report lists the recipients refused with the same words together, so a few suffice, and
/// a report of many recipients each with its own words keeps no more than these.
const KEPT_READINGS: usize = 64;

/// The diagnoses of one bounce's recipients, made one at a time, in the order the message
/// lists them, so that a caller can write each before the next is made: memory holds the
/// bounce's facts and one diagnosis, not all of them. Each recipient's facts are let go of
/// once it is diagnosed.
///
/// Recipients whose words are the same (one refusal for several addresses, as Exim and
/// text bounces list them) share one reading of them (the last [`KEPT_READINGS`] distinct
/// texts are kept): a report may list dozens of recipients refused with the same, sometimes
/// long, words. The readings taken when the bounce was read are used where they still fit
/// the words (the words are read otherwise).
#[derive(Debug)]
pub struct Diagnoses {
    bounce: Bounce,
    readings: std::vec::IntoIter<SettledReply>,
    next: usize,
    read: HashMap<String, Words>,
}

impl Diagnoses {
    /// The diagnoses of `bounce`'s recipients, none made yet.
    pub fn new(mut bounce: Bounce) -> Diagnoses {
        let readings = bounce.take_readings().into_iter();
        Diagnoses {
            bounce,
            readings,
            next: 0,
            read: HashMap::new(),
        }
    }

    /// How many recipients the bounce reports on (made and not yet made).
    pub fn len(&self) -> usize {
        self.bounce.recipients.len()
    }

    /// Whether the bounce reports on no recipient.
    pub fn is_empty(&self) -> bool {
        self.bounce.recipients.is_empty()
    }

    /// How many diagnoses were made so far.
    pub fn made(&self) -> usize {
        self.next
    }

    /// What kind of message it is.
    pub fn kind(&self) -> Kind {
        self.bounce.kind
    }

    /// The facts of the whole message.
    pub fn message(&self) -> &MessageFacts {
        &self.bounce.message
    }

    /// The kind and the facts of the whole message, taken when the diagnoses are done.
    pub fn into_message(self) -> (Kind, MessageFacts) {
        (self.bounce.kind, self.bounce.message)
    }

    /// The next recipient's diagnosis, with the feedback type when it is a feedback report;
    /// `None` after the last one, and once the job running on this thread is cancelled
    /// ([`Cancel`](crate::records::Cancel)).
    pub fn next(&mut self, engine: &Engine, lang: Lang) -> Option<(Diagnosis, Option<String>)> {
        if crate::records::cancel_requested() {
            return None;
        }
        let r = std::mem::take(self.bounce.recipients.get_mut(self.next)?);
        self.next += 1;
        let observation = observation_of(&self.bounce, &r);
        // The words are read once, for both diagnoses and for every recipient with the
        // same words.
        let reading = self.readings.next();
        let read_words = || match reading.and_then(|x| x.of(&r.diagnostic)) {
            Some(reading) => engine.read_reply_words(reading),
            None => engine.read_words(&r.diagnostic),
        };
        let diagnosis = if self.len() == 1 {
            // (A single recipient, the most common report, needs no lookup.)
            engine.diagnose_words(&read_words(), &observation, lang)
        } else {
            if !self.read.contains_key(r.diagnostic.as_str()) {
                if self.read.len() >= KEPT_READINGS {
                    self.read.clear();
                }
                self.read.insert(r.diagnostic.clone(), read_words());
            }
            let words = &self.read[r.diagnostic.as_str()];
            engine.diagnose_words(words, &observation, lang)
        };
        Some((diagnosis, r.feedback_type))
    }
}

/// The texts Postfix writes for a delivery command's `<sysexits.h>` exit status when the
/// command printed nothing (postfix `src/global/sys_exits.c`: EX_NOUSER "user unknown",
/// EX_NOHOST "host name unknown"). Alone, they are the delivery agent's statement of what the
/// exit status means, not a program's own words.
fn exit_status_text_only(diagnostic: &str) -> bool {
    const TEXTS: &[&str] = &["user unknown", "host name unknown"];
    let words = diagnostic.trim().trim_end_matches('.');
    TEXTS.iter().any(|t| words.eq_ignore_ascii_case(t))
}

/// What the engine is told of one recipient: its words and their context, as the report
/// shows them. The reason is decided by the engine alone.
pub fn observation_of<'a>(bounce: &'a Bounce, r: &'a RecipientFacts) -> Observation<'a> {
    let local_program = (r.local_program
        || r.diagnostic_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("x-unix")))
        && !exit_status_text_only(&r.diagnostic);
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

/// Reads raw message bytes into a bounce: an empty message (nothing but white space) is
/// [`MailError::Empty`]; an Outlook `.msg` file is read as the message it holds
/// ([`crate::msg`]).
pub fn read_raw(raw: &[u8]) -> Result<Bounce, MailError> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(MailError::Empty);
    }
    if crate::msg::is_compound_file(raw) {
        let message =
            crate::msg::to_message(raw).map_err(|e| MailError::OutlookMsg(e.to_string()))?;
        return read_bytes(&message);
    }
    read_bytes(raw)
}

/// Reads and diagnoses raw message bytes: an RFC 5322 message, or an Outlook `.msg` file.
pub fn diagnose_bytes(engine: &Engine, raw: &[u8], lang: Lang) -> Result<MessageReport, MailError> {
    Ok(diagnose_owned(engine, read_raw(raw)?, lang))
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
