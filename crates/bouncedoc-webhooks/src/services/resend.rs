//! Resend's webhooks (<https://resend.com/docs/dashboard/webhooks/event-types>).
//!
//! A body is one object with `type` (`email.bounced`, `email.delivery_delayed`,
//! `email.complained`, `email.delivered`, `email.sent`, `email.opened`, ...),
//! `created_at`, and `data` with `email_id`, `to` (the recipients), `created_at`, and for
//! bounces `bounce` with `message` (the remote server's words), `type` and `subType` (as
//! Amazon SES writes them). The event id Svix delivers in the `svix-id` header is not in
//! the body: an event is known by its email, type and time, so that a file of bodies gives
//! the same ids. Label `email.bounced/<type>/<subType>`, or the type.

use serde_json::Value;

use super::{draft, format_error, objects, per_recipient};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{text, time};

const S: Service = Service::Resend;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    let mut out = Vec::new();
    for o in objects(S, v)? {
        out.extend(one(o)?);
    }
    Ok(out)
}

fn one(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    let kind = text(v, "type").ok_or_else(|| format_error(S, "no `type`"))?;
    let data = v.get("data").unwrap_or(&Value::Null);
    let ts = time(v, "created_at").or_else(|| time(data, "created_at"));
    let email_id = text(data, "email_id");
    let id = format!(
        "{}:{kind}:{}",
        email_id.as_deref().unwrap_or(""),
        text(v, "created_at").unwrap_or_default()
    );
    let bounce = data.get("bounce").unwrap_or(&Value::Null);
    let label = if kind == "email.bounced" {
        format!(
            "{kind}/{}/{}",
            text(bounce, "type").unwrap_or_default(),
            text(bounce, "subType").unwrap_or_default()
        )
    } else {
        kind.clone()
    };
    let mut base = draft(S, id, label);
    base.timestamp = ts;
    base.message_id = email_id;
    base.diagnostic = text(bounce, "message");
    base.ses_subtype = text(bounce, "subType");
    if kind == "email.complained" {
        base.feedback_type = Some("abuse".into());
    }
    let to: Vec<String> = match data.get("to") {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect(),
        Some(Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    if to.is_empty() {
        if !kind.starts_with("email.") {
            return Err(format_error(S, format!("unknown event type `{kind}`")));
        }
        return Ok(vec![base]);
    }
    Ok(per_recipient(&base, &to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{BounceClass, EventKind};
    use crate::services::parse_value;
    use serde_json::json;

    #[test]
    fn bounced_delayed_complained() {
        let bounced = json!({"type": "email.bounced", "created_at": "2024-05-01T09:30:00.000Z",
            "data": {"email_id": "e-1", "to": ["taro@example.jp"], "created_at": "2024-05-01T09:29:59.000Z",
              "bounce": {"message": "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown",
                         "type": "Permanent", "subType": "General"}}});
        let e = &parse_value(S, &bounced).unwrap().events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(e.event_id, "e-1:email.bounced:2024-05-01T09:30:00.000Z");
        assert_eq!(e.timestamp, Some(1_714_555_800));
        let delayed = json!({"type": "email.delivery_delayed", "created_at": "2024-05-01T09:30:00Z",
            "data": {"email_id": "e-2", "to": ["a@example.jp"]}});
        assert_eq!(
            parse_value(S, &delayed).unwrap().events[0].kind,
            EventKind::Delay
        );
        let complained = json!({"type": "email.complained", "created_at": "2024-05-01T09:30:00Z",
            "data": {"email_id": "e-3", "to": ["a@example.jp", "b@example.jp"]}});
        let p = parse_value(S, &complained).unwrap();
        assert_eq!(p.events.len(), 2);
        assert_eq!(
            p.events[1].event_id,
            "e-3:email.complained:2024-05-01T09:30:00Z#2"
        );
    }
}
