//! Brevo's transactional webhooks (<https://developers.brevo.com/docs/transactional-webhooks>).
//!
//! A body is one object (or, batched, an array of them) with `event` (`hard_bounce`,
//! `soft_bounce`, `blocked`, `invalid_email`, `deferred`, `spam`, `delivered`, `request`,
//! `opened`, `click`, `unsubscribed`, `error`), `email`, `message-id`, `ts_event` (seconds,
//! UTC) and for failures `reason` (the remote server's words). Brevo's `id` is the
//! webhook's, not the event's: an event is known by its message, event, address and time.
//! Label: the event.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{text, time};

const S: Service = Service::Brevo;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    objects(S, v)?.into_iter().map(one).collect()
}

fn one(v: &Value) -> Result<ServiceEvent, WebhookError> {
    let event = text(v, "event").ok_or_else(|| format_error(S, "no `event`"))?;
    let ts = time(v, "ts_event").or_else(|| time(v, "ts"));
    let message_id = text(v, "message-id");
    let recipient = text(v, "email");
    let id = format!(
        "{}:{event}:{}:{}",
        message_id.as_deref().unwrap_or(""),
        recipient.as_deref().unwrap_or(""),
        ts.unwrap_or(0)
    );
    let mut e = draft(S, id, event.clone());
    e.recipient = recipient;
    e.timestamp = ts;
    e.message_id = message_id;
    e.diagnostic = text(v, "reason");
    if event == "spam" {
        e.feedback_type = Some("abuse".into());
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
    fn events_by_name() {
        let hard = json!({"event": "hard_bounce", "email": "taro@example.jp", "id": 12, "ts_event": 1714555800,
            "message-id": "<b-1@smtp-relay.example>", "reason": "550 5.1.1 user unknown"});
        let e = &parse_value(S, &hard).unwrap().events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(
            e.event_id,
            "<b-1@smtp-relay.example>:hard_bounce:taro@example.jp:1714555800"
        );
        let deferred =
            json!({"event": "deferred", "email": "a@example.jp", "ts_event": 1, "message-id": "m"});
        assert_eq!(
            parse_value(S, &deferred).unwrap().events[0].kind,
            EventKind::Delay
        );
        let spam =
            json!({"event": "spam", "email": "a@example.jp", "ts_event": 2, "message-id": "m"});
        assert_eq!(
            parse_value(S, &spam).unwrap().events[0].kind,
            EventKind::Complaint
        );
        let opened =
            json!({"event": "opened", "email": "a@example.jp", "ts_event": 3, "message-id": "m"});
        assert_eq!(parse_value(S, &opened).unwrap().ignored, 1);
    }
}
