//! Twilio SendGrid's Event Webhook
//! (<https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event>).
//!
//! A body is a JSON array of events, each with `event` (`bounce`, `dropped`, `deferred`,
//! `delivered`, `spamreport`, `processed`, `open`, ...), `email`, `timestamp` (seconds),
//! `sg_event_id` (the event id) and `sg_message_id`. A `bounce` has `type` (`bounce` or
//! `blocked`), `reason` (the remote server's words) and `status`; a `deferred` has
//! `response`; a `dropped` has `reason` in SendGrid's words (`Bounced Address`, ...). Label
//! `bounce/<type>`, `dropped/<reason>`, or the event.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{int, leading_status, text, time};

const S: Service = Service::Sendgrid;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    objects(S, v)?.into_iter().map(one).collect()
}

fn one(v: &Value) -> Result<ServiceEvent, WebhookError> {
    let event = text(v, "event").ok_or_else(|| format_error(S, "an event without `event`"))?;
    let ts = time(v, "timestamp");
    let id = text(v, "sg_event_id").unwrap_or_else(|| {
        format!(
            "{}:{event}:{}:{}",
            text(v, "sg_message_id").unwrap_or_default(),
            text(v, "email").unwrap_or_default(),
            ts.unwrap_or(0)
        )
    });
    let label = match event.as_str() {
        "bounce" => format!(
            "bounce/{}",
            text(v, "type").unwrap_or_else(|| "bounce".into())
        ),
        "dropped" => format!("dropped/{}", text(v, "reason").unwrap_or_default()),
        other => other.to_string(),
    };
    let mut e = draft(S, id, label);
    e.recipient = text(v, "email");
    e.timestamp = ts;
    e.message_id = text(v, "sg_message_id");
    match event.as_str() {
        "bounce" | "blocked" => e.diagnostic = text(v, "reason"),
        "deferred" | "delivered" => e.diagnostic = text(v, "response"),
        "spamreport" => e.feedback_type = Some("abuse".into()),
        _ => {}
    }
    e.status = text(v, "status").and_then(|s| leading_status(&s));
    if let Some(code) = int(v, "status").filter(|c| (200..600).contains(c)) {
        // Some accounts write the reply code in `status`.
        e.reply_code = Some(code as u16);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{BounceClass, EventKind};
    use crate::services::parse_value;
    use serde_json::json;

    #[test]
    fn every_documented_delivery_event() {
        let body = json!([
            {"email": "taro@example.jp", "timestamp": 1714555800, "event": "bounce", "type": "bounce",
             "reason": "550 5.1.1 The email account that you tried to reach does not exist.",
             "status": "5.1.1", "sg_event_id": "sg-1", "sg_message_id": "msg-1"},
            {"email": "jiro@example.jp", "timestamp": 1714555801, "event": "bounce", "type": "blocked",
             "reason": "554 5.7.1 Service unavailable; Client host blocked", "status": "5.7.1",
             "sg_event_id": "sg-2"},
            {"email": "hanako@example.jp", "timestamp": 1714555802, "event": "deferred",
             "response": "450 4.2.1 try again later", "attempt": "2", "sg_event_id": "sg-3"},
            {"email": "a@example.jp", "timestamp": 1714555803, "event": "spamreport", "sg_event_id": "sg-4"},
            {"email": "b@example.jp", "timestamp": 1714555804, "event": "dropped", "reason": "Bounced Address",
             "sg_event_id": "sg-5"},
            {"email": "c@example.jp", "timestamp": 1714555805, "event": "open", "sg_event_id": "sg-6"},
            {"email": "d@example.jp", "timestamp": 1714555806, "event": "delivered",
             "response": "250 OK", "sg_event_id": "sg-7"}
        ]);
        let p = parse_value(S, &body).unwrap();
        let kinds: Vec<EventKind> = p.events.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                EventKind::Bounce(BounceClass::Hard),
                EventKind::Bounce(BounceClass::Soft),
                EventKind::Delay,
                EventKind::Complaint,
                EventKind::Suppressed,
                EventKind::Delivered
            ]
        );
        assert_eq!(p.ignored, 1);
        assert_eq!(p.events[0].event_id, "sg-1");
        assert_eq!(p.events[0].status.as_deref(), Some("5.1.1"));
        assert_eq!(
            p.events[2].diagnostic.as_deref(),
            Some("450 4.2.1 try again later")
        );
        assert!(parse_value(S, &json!([1, 2])).is_err());
    }
}
