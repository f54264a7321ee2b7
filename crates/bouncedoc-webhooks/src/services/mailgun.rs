//! Mailgun's webhooks
//! (<https://documentation.mailgun.com/docs/mailgun/user-manual/events/>).
//!
//! A body is `{"signature": {...}, "event-data": {...}}`; the event has `event` (`failed`,
//! `delivered`, `complained`, `accepted`, `opened`, ...), `id` (the event id), `timestamp`
//! (seconds, with a fraction), `recipient`, and for failures `severity` (`permanent` or
//! `temporary`), `reason` (`bounce`, `generic`, `suppress-bounce`, `old`, ...) and
//! `delivery-status` with `code` (the reply code), `message` (the remote server's words)
//! and `description` (Mailgun's). Label `failed/<severity>/<reason>`, or the event. A file
//! of Mailgun's Events API items (the bare event objects) is read too.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{int, leading_status, text, time};

const S: Service = Service::Mailgun;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    objects(S, v)?
        .into_iter()
        .map(|o| one(o.get("event-data").unwrap_or(o)))
        .collect()
}

fn one(d: &Value) -> Result<ServiceEvent, WebhookError> {
    let event = text(d, "event").ok_or_else(|| format_error(S, "no event-data.event"))?;
    let ts = time(d, "timestamp");
    let recipient = text(d, "recipient");
    let id = text(d, "id").unwrap_or_else(|| {
        format!(
            "{event}:{}:{}",
            recipient.as_deref().unwrap_or(""),
            ts.unwrap_or(0)
        )
    });
    let label = match event.as_str() {
        "failed" => format!(
            "failed/{}/{}",
            text(d, "severity").unwrap_or_default(),
            text(d, "reason").unwrap_or_default()
        ),
        other => other.to_string(),
    };
    let mut e = draft(S, id, label);
    e.recipient = recipient;
    e.timestamp = ts;
    e.message_id = d
        .get("message")
        .and_then(|m| m.get("headers"))
        .and_then(|h| text(h, "message-id"));
    if let Some(status) = d.get("delivery-status") {
        e.diagnostic = text(status, "message").or_else(|| text(status, "description"));
        e.reply_code = int(status, "code")
            .filter(|c| (200..600).contains(c))
            .map(|c| c as u16);
        e.status = text(status, "enhanced-code").and_then(|s| leading_status(&s));
    }
    if event == "complained" {
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
    fn failures_by_severity() {
        let hard = json!({"signature": {"timestamp": "1714555800", "token": "t", "signature": "s"},
            "event-data": {"event": "failed", "id": "mg-1", "timestamp": 1714555800.25,
              "severity": "permanent", "reason": "bounce", "recipient": "taro@example.jp",
              "delivery-status": {"code": 550, "message": "5.1.1 The email account does not exist",
                                  "description": "Not delivering to previously bounced address"}}});
        let p = parse_value(S, &hard).unwrap();
        let e = &p.events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(
            (e.reply_code, e.timestamp),
            (Some(550), Some(1_714_555_800))
        );
        assert_eq!(
            e.diagnostic.as_deref(),
            Some("5.1.1 The email account does not exist")
        );
        let temp = json!({"event-data": {"event": "failed", "id": "mg-2", "severity": "temporary",
            "reason": "generic", "recipient": "b@example.jp", "timestamp": 1714555801}});
        assert_eq!(
            parse_value(S, &temp).unwrap().events[0].kind,
            EventKind::Delay
        );
        let generic = json!({"event-data": {"event": "failed", "id": "mg-3", "severity": "permanent",
            "reason": "generic", "recipient": "c@example.jp", "timestamp": 1714555801}});
        assert_eq!(
            parse_value(S, &generic).unwrap().events[0].kind,
            EventKind::Bounce(BounceClass::Undetermined)
        );
    }
}
