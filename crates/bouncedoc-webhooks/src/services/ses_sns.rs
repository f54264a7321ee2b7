//! Amazon SES notifications, as Amazon SNS posts them
//! (<https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html>).
//!
//! SNS posts an envelope (`Type` `Notification`) whose `Message` field is the SES message
//! as a JSON string; a file may hold the bare SES messages too. An SES message names its
//! type in `notificationType` (notifications) or `eventType` (event publishing):
//!
//! - `Bounce`: `bounce.bounceType` (`Permanent`, `Transient`, `Undetermined`),
//!   `bounce.bounceSubType`, `bounce.bouncedRecipients[]` with `emailAddress`, `status`,
//!   `diagnosticCode`; the event id is `bounce.feedbackId`. Label
//!   `Bounce/<bounceType>/<bounceSubType>`.
//! - `Complaint`: `complaint.complainedRecipients[]`, `complaint.complaintFeedbackType`,
//!   `complaint.complaintSubType`, `complaint.feedbackId`. Label `Complaint` (or
//!   `Complaint/<complaintSubType>`).
//! - `DeliveryDelay`: `deliveryDelay.delayType`, `deliveryDelay.delayedRecipients[]` with
//!   `emailAddress`, `status`, `diagnosticCode`. Label `DeliveryDelay/<delayType>`.
//! - `Delivery`: `delivery.recipients[]`, `delivery.smtpResponse`. Label `Delivery`.
//!
//! Events without an id of their own (delays, deliveries) are known by the sent message's
//! `mail.messageId`, their type and their time, so that the same event read from a webhook
//! and from a file is recorded once.

use serde_json::Value;

use super::{draft, format_error, per_recipient};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{leading_status, strip_diagnostic_type, text, time};

const S: Service = Service::Ses;

/// The SES message of a body: the envelope's `Message` parsed, or the body itself.
pub fn message(v: &Value) -> Result<Value, WebhookError> {
    if let Some(inner) = v.get("Message").and_then(Value::as_str) {
        return serde_json::from_str(inner)
            .map_err(|e| format_error(S, format!("the SNS Message is not an SES message: {e}")));
    }
    Ok(v.clone())
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    match v.get("Type").and_then(Value::as_str) {
        None | Some("Notification") => {}
        // Subscription messages carry no event.
        Some(_) => return Ok(Vec::new()),
    }
    let msg = message(v)?;
    let kind = text(&msg, "notificationType")
        .or_else(|| text(&msg, "eventType"))
        .ok_or_else(|| format_error(S, "no notificationType or eventType"))?;
    let mail = msg.get("mail").cloned().unwrap_or(Value::Null);
    let message_id = text(&mail, "messageId");
    let fallback_id = |t: Option<i64>| {
        format!(
            "{}:{kind}:{}",
            message_id.as_deref().unwrap_or("unknown"),
            t.unwrap_or(0)
        )
    };
    let mut out = Vec::new();
    match kind.as_str() {
        "Bounce" => {
            let b = msg.get("bounce").unwrap_or(&Value::Null);
            let btype = text(b, "bounceType").unwrap_or_default();
            let sub = text(b, "bounceSubType").unwrap_or_default();
            let ts = time(b, "timestamp");
            let id = text(b, "feedbackId").unwrap_or_else(|| fallback_id(ts));
            let mut base = draft(S, id, format!("Bounce/{btype}/{sub}"));
            base.timestamp = ts;
            base.message_id = message_id.clone();
            base.ses_subtype = Some(sub).filter(|s| !s.is_empty());
            for (i, r) in list(b, "bouncedRecipients").iter().enumerate() {
                let mut e =
                    per_recipient(&base, &[text(r, "emailAddress").unwrap_or_default()]).remove(0);
                if i > 0 {
                    e.event_id = format!("{}#{}", base.event_id, i + 1);
                }
                fill_recipient(&mut e, r);
                out.push(e);
            }
        }
        "Complaint" => {
            let c = msg.get("complaint").unwrap_or(&Value::Null);
            let ts = time(c, "timestamp");
            let id = text(c, "feedbackId").unwrap_or_else(|| fallback_id(ts));
            let label = match text(c, "complaintSubType") {
                Some(sub) => format!("Complaint/{sub}"),
                None => "Complaint".to_string(),
            };
            let mut base = draft(S, id, label);
            base.timestamp = ts;
            base.message_id = message_id.clone();
            base.feedback_type = Some(
                text(c, "complaintFeedbackType")
                    .unwrap_or_else(|| "abuse".into())
                    .to_ascii_lowercase(),
            );
            let who: Vec<String> = list(c, "complainedRecipients")
                .iter()
                .filter_map(|r| text(r, "emailAddress"))
                .collect();
            out.extend(per_recipient(&base, &who));
        }
        "DeliveryDelay" => {
            let d = msg.get("deliveryDelay").unwrap_or(&Value::Null);
            let ts = time(d, "timestamp");
            let dtype = text(d, "delayType").unwrap_or_default();
            let mut base = draft(S, fallback_id(ts), format!("DeliveryDelay/{dtype}"));
            base.timestamp = ts;
            base.message_id = message_id.clone();
            for (i, r) in list(d, "delayedRecipients").iter().enumerate() {
                let mut e = base.clone();
                if i > 0 {
                    e.event_id = format!("{}#{}", base.event_id, i + 1);
                }
                e.recipient = text(r, "emailAddress");
                fill_recipient(&mut e, r);
                out.push(e);
            }
        }
        "Delivery" => {
            let d = msg.get("delivery").unwrap_or(&Value::Null);
            let ts = time(d, "timestamp");
            let mut base = draft(S, fallback_id(ts), "Delivery".into());
            base.timestamp = ts;
            base.message_id = message_id.clone();
            base.diagnostic = text(d, "smtpResponse");
            let who: Vec<String> = list(d, "recipients")
                .iter()
                .filter_map(|r| r.as_str().map(str::to_string))
                .collect();
            out.extend(per_recipient(&base, &who));
        }
        other => out.push(draft(S, fallback_id(None), other.to_string())),
    }
    Ok(out)
}

/// A recipient's own fields: its status and the remote server's words.
fn fill_recipient(e: &mut ServiceEvent, r: &Value) {
    if let Some(code) = text(r, "diagnosticCode") {
        e.diagnostic = Some(strip_diagnostic_type(&code).to_string());
    }
    e.status = text(r, "status").and_then(|s| leading_status(&s));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{BounceClass, EventKind};
    use crate::services::parse_value;
    use serde_json::json;

    fn ses_bounce() -> Value {
        json!({
            "notificationType": "Bounce",
            "bounce": {
                "bounceType": "Permanent", "bounceSubType": "General",
                "bouncedRecipients": [
                    {"emailAddress": "taro@example.jp", "action": "failed", "status": "5.1.1",
                     "diagnosticCode": "smtp; 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown"},
                    {"emailAddress": "hanako@example.jp", "status": "5.2.2"}
                ],
                "timestamp": "2024-05-01T09:30:00.000Z",
                "feedbackId": "0100018f-feed-0001"
            },
            "mail": {"messageId": "0100018f-mail-0001", "timestamp": "2024-05-01T09:29:58.000Z"}
        })
    }

    #[test]
    fn an_envelope_and_a_bare_message_give_the_same_events() {
        let bare = ses_bounce();
        let envelope = json!({"Type": "Notification", "MessageId": "m-1", "TopicArn": "arn:aws:sns:us-east-1:1:t",
                              "Message": bare.to_string()});
        let a = parse_value(S, &bare).unwrap();
        let b = parse_value(S, &envelope).unwrap();
        assert_eq!(a.events, b.events);
        assert_eq!(a.events.len(), 2);
        let e = &a.events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(e.event_id, "0100018f-feed-0001");
        assert_eq!(a.events[1].event_id, "0100018f-feed-0001#2");
        assert_eq!(e.recipient.as_deref(), Some("taro@example.jp"));
        assert_eq!(e.status.as_deref(), Some("5.1.1"));
        assert!(e.diagnostic.as_deref().unwrap().starts_with("550 5.1.1"));
        assert_eq!(e.timestamp, Some(1_714_555_800));
        assert_eq!(a.events[1].diagnostic, None);
    }

    #[test]
    fn complaints_delays_and_deliveries() {
        let complaint = json!({"notificationType": "Complaint", "mail": {"messageId": "m"},
            "complaint": {"complainedRecipients": [{"emailAddress": "a@example.jp"}],
                          "complaintFeedbackType": "abuse", "feedbackId": "f-2",
                          "timestamp": "2024-05-01T10:00:00Z"}});
        let p = parse_value(S, &complaint).unwrap();
        assert_eq!(p.events[0].kind, EventKind::Complaint);
        assert_eq!(p.events[0].feedback_type.as_deref(), Some("abuse"));
        let delay = json!({"eventType": "DeliveryDelay", "mail": {"messageId": "m"},
            "deliveryDelay": {"delayType": "MailboxFull", "timestamp": "2024-05-01T10:00:00Z",
              "delayedRecipients": [{"emailAddress": "b@example.jp", "status": "4.2.2",
                                     "diagnosticCode": "smtp; 452 4.2.2 Mailbox full"}]}});
        let p = parse_value(S, &delay).unwrap();
        assert_eq!(p.events[0].kind, EventKind::Delay);
        assert_eq!(p.events[0].event_id, "m:DeliveryDelay:1714557600");
        let open = json!({"eventType": "Open", "mail": {"messageId": "m"}});
        let p = parse_value(S, &open).unwrap();
        assert_eq!((p.events.len(), p.ignored), (0, 1));
    }
}
