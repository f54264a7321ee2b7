//! Mailjet's event API (<https://dev.mailjet.com/email/guides/webhooks/>).
//!
//! A body is one event object (or, when grouped, an array of them) with `event` (`sent`,
//! `bounce`, `blocked`, `spam`, `open`, `click`, `unsub`), `time` (seconds), `email`,
//! `MessageID`, `Message_GUID`; a `bounce` has `hard_bounce` (true or false), `blocked`,
//! `error_related_to`, `error` (Mailjet's class, such as `user unknown`) and `comment`
//! (the remote server's words); a `blocked` has `error_related_to` and `error`; a `spam`
//! has `source`. Mailjet gives events no id: an event is known by its message, event,
//! address and time. Label `bounce/hard/<error>` or `bounce/soft/<error>`, or the event.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{text, time};

const S: Service = Service::Mailjet;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    objects(S, v)?.into_iter().map(one).collect()
}

fn one(v: &Value) -> Result<ServiceEvent, WebhookError> {
    let event = text(v, "event").ok_or_else(|| format_error(S, "no `event`"))?;
    let ts = time(v, "time");
    let message_id = text(v, "MessageID").or_else(|| text(v, "Message_GUID"));
    let recipient = text(v, "email");
    let id = format!(
        "{}:{event}:{}:{}",
        message_id.as_deref().unwrap_or(""),
        recipient.as_deref().unwrap_or(""),
        ts.unwrap_or(0)
    );
    let label = match event.as_str() {
        "bounce" => {
            let hard = v
                .get("hard_bounce")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            format!(
                "bounce/{}/{}",
                if hard { "hard" } else { "soft" },
                text(v, "error").unwrap_or_default()
            )
        }
        "blocked" => format!("blocked/{}", text(v, "error").unwrap_or_default()),
        other => other.to_string(),
    };
    let mut e = draft(S, id, label);
    e.recipient = recipient;
    e.timestamp = ts;
    e.message_id = message_id;
    e.diagnostic = text(v, "comment");
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
    fn bounces_by_their_flag_and_error() {
        let hard = json!({"event": "bounce", "time": 1714555800, "MessageID": 19421777835146490u64,
            "Message_GUID": "1ab23cd4-e567-8901-2345-6789f0gh1i2j", "email": "taro@example.jp",
            "blocked": false, "hard_bounce": true, "error_related_to": "recipient", "error": "user unknown",
            "comment": "Host or domain name not found. Name service error for name=lbjsnrftlsiuvbsren.com type=A: Host not found"});
        let p = parse_value(S, &hard).unwrap();
        let e = &p.events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(e.label, "bounce/hard/user unknown");
        let soft = json!({"event": "bounce", "time": 1, "MessageID": 2, "email": "a@example.jp",
            "hard_bounce": false, "error": "quota exceeded"});
        assert_eq!(
            parse_value(S, &soft).unwrap().events[0].kind,
            EventKind::Bounce(BounceClass::Soft)
        );
        let spam = json!({"event": "spam", "time": 1, "MessageID": 3, "email": "a@example.jp", "source": "JMRPP"});
        assert_eq!(
            parse_value(S, &spam).unwrap().events[0].kind,
            EventKind::Complaint
        );
        let blocked = json!({"event": "blocked", "time": 1, "MessageID": 4, "email": "a@example.jp",
            "error_related_to": "recipient", "error": "preblocked"});
        assert_eq!(
            parse_value(S, &blocked).unwrap().events[0].kind,
            EventKind::Suppressed
        );
    }
}
