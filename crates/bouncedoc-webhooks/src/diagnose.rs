//! A service's event diagnosed: the service's raw diagnostic text goes through the engine,
//! with the status and reply code the service gave; the service's label is kept beside the
//! diagnosis, and decides the reason only when the words say nothing (no words, or words
//! in which the engine recognizes nothing).

use bouncedoc_core::{
    Action, Diagnosis, Engine, Evidence, EvidenceKind, Lang, Observation, Party, Reason,
    ReportField, ReportKind, Retry, StatusCode,
};
use bouncedoc_mail::MessageFacts;
use bouncedoc_mail::bounce::Kind;
use bouncedoc_mail::record::{Origin, RecipientRecord, Record};
use serde::Serialize;

use crate::event::{BounceClass, EventKind, Service, ServiceEvent};
use crate::mapping::Mapping;

/// An event with its diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnosed {
    /// The event, as the service gave it (its label included).
    pub event: ServiceEvent,
    /// What bouncedoc makes of it.
    pub diagnosis: Diagnosis,
    /// True when the service's label decided the reason, because the words said nothing.
    pub label_decided: bool,
}

impl Diagnosed {
    /// The DSN action the event amounts to: failed, delayed or delivered (none for a
    /// complaint).
    pub fn action(&self) -> Option<Action> {
        action_of(self.event.kind)
    }
}

fn action_of(kind: EventKind) -> Option<Action> {
    match kind {
        EventKind::Bounce(_) | EventKind::Suppressed => Some(Action::Failed),
        EventKind::Delay => Some(Action::Delayed),
        EventKind::Delivered => Some(Action::Delivered),
        EventKind::Complaint | EventKind::Ignored => None,
    }
}

fn pick<'a>(lang: Lang, en: &'a str, ja: &'a str) -> &'a str {
    match lang {
        Lang::Ja => ja,
        _ => en,
    }
}

/// The words the engine reads for an event: the service's diagnostic text; for a
/// complaint without one, a sentence saying who reported it.
fn words(event: &ServiceEvent) -> String {
    match (&event.diagnostic, event.kind) {
        (Some(d), _) => d.clone(),
        (None, EventKind::Complaint) => format!(
            "Complaint ({}) reported through {}",
            event.feedback_type.as_deref().unwrap_or("abuse"),
            event.service
        ),
        (None, EventKind::Delivered) => "delivered".to_string(),
        (None, _) => String::new(),
    }
}

/// Diagnoses one event.
pub fn diagnose(engine: &Engine, event: &ServiceEvent, lang: Lang) -> Diagnosed {
    let text = words(event);
    let status: Option<StatusCode> = event.status.as_deref().and_then(|s| s.parse().ok());
    let fields: Vec<ReportField> = match (&event.ses_subtype, event.service) {
        (Some(sub), Service::Ses) => vec![ReportField {
            name: "amazonses.bounceSubType",
            value: sub.clone(),
        }],
        _ => Vec::new(),
    };
    let observation = Observation {
        text: &text,
        recipient: event.recipient.as_deref(),
        status,
        reply_code: event.reply_code,
        action: action_of(event.kind),
        server: (event.service == Service::Ses).then_some("amazonses"),
        report: match event.kind {
            EventKind::Complaint => ReportKind::Feedback,
            _ => ReportKind::Delivery,
        },
        fields: &fields,
        ..Observation::default()
    };
    let mut diagnosis = engine.diagnose(&observation, lang);
    let entry = Mapping::shared()
        .ok()
        .and_then(|m| m.lookup(event.service, &event.label));
    let mut label_decided = false;
    if diagnosis.reason == Reason::Undefined
        && let Some(reason) = entry.and_then(|e| e.reason)
    {
        apply_reason(engine, &mut diagnosis, reason, event.kind, lang);
        label_decided = true;
    } else if diagnosis.reason == Reason::Undefined
        && event.kind == EventKind::Bounce(BounceClass::Hard)
    {
        // Nothing recognized, and the service says the failure is permanent.
        diagnosis.hard_bounce = true;
        diagnosis.retry = Retry::No;
    }
    diagnosis.evidence.push(Evidence {
        kind: EvidenceKind::Field,
        id: Some(format!("webhook.{}", event.service)),
        text: event.label.clone(),
        note: Some(
            if label_decided {
                pick(
                    lang,
                    "the sending service's own label; it decided the reason, because the service passed on no words of the remote server that say more",
                    "送信サービス自身の分類です。相手サーバーの言葉からはそれ以上のことが分からないため、理由はこの分類から決めました",
                )
            } else {
                pick(
                    lang,
                    "the sending service's own label, kept beside the diagnosis of the remote server's words",
                    "送信サービス自身の分類です。相手サーバーの言葉による診断と並べて残しています",
                )
            }
            .to_string(),
        ),
    });
    Diagnosed {
        event: event.clone(),
        diagnosis,
        label_decided,
    }
}

/// Gives a diagnosis the reason a service's label maps to, with that reason's texts from
/// the knowledge base.
fn apply_reason(engine: &Engine, d: &mut Diagnosis, reason: Reason, kind: EventKind, lang: Lang) {
    let kb = engine.knowledge();
    let doc = kb.reason(reason);
    let permanent = matches!(kind, EventKind::Bounce(BounceClass::Hard));
    d.reason = reason;
    d.hard_bounce = permanent && doc.hard_bounce;
    let temporary = matches!(
        kind,
        EventKind::Bounce(BounceClass::Soft) | EventKind::Delay
    );
    d.retry = if temporary {
        Retry::Later
    } else {
        doc.retry.parse().unwrap_or(Retry::AfterFix)
    };
    let party = match (&doc.party_when_temporary, temporary) {
        (Some(p), true) => p.as_str(),
        _ => doc.party.as_str(),
    };
    d.party = party.parse().unwrap_or(Party::Nobody);
    d.summary = pick(lang, &doc.summary.en, &doc.summary.ja).to_string();
    d.explanation = pick(lang, &doc.meaning.en, &doc.meaning.ja).to_string();
    let ids = match (&doc.advice_when_temporary, temporary) {
        (Some(a), true) => a,
        _ => &doc.advice,
    };
    d.advice = ids
        .iter()
        .filter_map(|id| kb.advice(id))
        .map(|a| bouncedoc_core::Advice {
            id: a.id.clone(),
            text: pick(lang, &a.text.en, &a.text.ja).to_string(),
            avoid: a.avoid,
        })
        .collect();
}

/// What `parse` prints for diagnosed events: one recipient record each, the service's
/// detector (`webhook-ses`) in its message facts. `origin` names the file and the item.
pub fn records(origin: &Origin, diagnosed: Vec<Diagnosed>) -> Vec<Record> {
    diagnosed
        .into_iter()
        .map(|d| {
            let kind = if d.event.kind == EventKind::Complaint {
                Kind::Feedback
            } else {
                Kind::Bounce
            };
            Record::Recipient(Box::new(RecipientRecord {
                origin: origin.clone(),
                kind,
                feedback_type: d.event.feedback_type.clone(),
                message: MessageFacts {
                    detector: d.event.service.detector(),
                    original_message_id: d.event.message_id.clone(),
                    ..MessageFacts::default()
                },
                diagnosis: d.diagnosis,
            }))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::services::parse;

    fn one(service: Service, body: &str) -> Diagnosed {
        let engine = Engine::new().unwrap();
        let p = parse(service, body.as_bytes()).unwrap();
        diagnose(&engine, &p.events[0], Lang::En)
    }

    #[test]
    fn the_words_decide_over_the_label() {
        // SendGrid says `blocked`; the words say the mailbox does not exist.
        let d = one(
            Service::Sendgrid,
            r#"[{"event":"bounce","type":"blocked","email":"taro@example.jp","timestamp":1,"sg_event_id":"x",
                "reason":"550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown in virtual mailbox table"}]"#,
        );
        assert_eq!(d.diagnosis.reason, Reason::UserUnknown);
        assert!(d.diagnosis.hard_bounce);
        assert!(!d.label_decided);
        assert!(
            d.diagnosis
                .evidence
                .iter()
                .any(|e| e.text == "bounce/blocked")
        );
    }

    #[test]
    fn coarse_labels_are_read_better_from_the_words() {
        // SES's Undetermined for an out-of-office reply; Mailgun's generic for a full
        // mailbox (issue 19's examples).
        let ooo = one(
            Service::Ses,
            r#"{"notificationType":"Bounce","mail":{"messageId":"m"},"bounce":{"bounceType":"Undetermined",
                "bounceSubType":"Undetermined","feedbackId":"u","bouncedRecipients":[{"emailAddress":"a@example.jp",
                "diagnosticCode":"I am out of the office until Monday, with limited access to email."}]}}"#,
        );
        assert_eq!(ooo.diagnosis.reason, Reason::Vacation);
        assert!(!ooo.diagnosis.hard_bounce);
        let full = one(
            Service::Mailgun,
            r#"{"event-data":{"event":"failed","id":"g","severity":"permanent","reason":"generic",
                "recipient":"g@example.jp","timestamp":1714555800,"delivery-status":{"code":552,
                "message":"5.2.2 The email account that you tried to reach is over quota."}}}"#,
        );
        assert_eq!(full.diagnosis.reason, Reason::MailboxFull);
        assert_eq!(full.diagnosis.reply_code, Some(552));
    }

    #[test]
    fn the_label_decides_when_the_words_say_nothing() {
        let d = one(
            Service::Ses,
            r#"{"notificationType":"Bounce","mail":{"messageId":"m"},"bounce":{"bounceType":"Transient",
                "bounceSubType":"MailboxFull","feedbackId":"f","bouncedRecipients":[{"emailAddress":"a@example.jp"}]}}"#,
        );
        assert_eq!(d.diagnosis.reason, Reason::MailboxFull);
        assert!(!d.diagnosis.hard_bounce);
        let d = one(
            Service::Mailjet,
            r#"{"event":"bounce","time":1,"MessageID":1,"email":"a@example.jp","hard_bounce":true,"error":"user unknown"}"#,
        );
        assert_eq!(d.diagnosis.reason, Reason::UserUnknown);
        assert!(d.diagnosis.hard_bounce);
        assert!(d.label_decided);
        assert!(!d.diagnosis.summary.is_empty());
    }

    #[test]
    fn complaints_delays_and_deliveries_have_their_reasons() {
        let c = one(
            Service::Postmark,
            r#"{"RecordType":"SpamComplaint","ID":1,"Type":"SpamComplaint","Email":"a@example.jp"}"#,
        );
        assert_eq!(c.diagnosis.reason, Reason::Feedback);
        let d = one(
            Service::Resend,
            r#"{"type":"email.delivery_delayed","created_at":"2024-05-01T00:00:00Z","data":{"email_id":"e","to":["a@example.jp"]}}"#,
        );
        assert_eq!(d.action(), Some(Action::Delayed));
        let ok = one(
            Service::Sendgrid,
            r#"[{"event":"delivered","email":"a@example.jp","timestamp":1,"sg_event_id":"y","response":"250 2.0.0 OK"}]"#,
        );
        assert_eq!(ok.diagnosis.reason, Reason::Delivered);
        let recs = records(
            &Origin {
                source: "events.jsonl".into(),
                index: Some(1),
            },
            vec![ok],
        );
        assert!(
            matches!(&recs[0], Record::Recipient(r) if r.message.detector == "webhook-sendgrid")
        );
    }
}
