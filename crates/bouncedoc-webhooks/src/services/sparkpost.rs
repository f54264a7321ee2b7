//! SparkPost's event webhooks (<https://developers.sparkpost.com/api/webhooks/>).
//!
//! A body is a JSON array of `{"msys": {"message_event": {...}}}` (other event groups,
//! `track_event`, `gen_event`, `unsubscribe_event`, `relay_event`, are not delivery
//! events). A message event has `type` (`bounce`, `out_of_band`, `delay`,
//! `spam_complaint`, `policy_rejection`, `delivery`, `injection`), `event_id`, `rcpt_to`,
//! `timestamp` (seconds, as a string), `message_id`, and for failures `bounce_class` (a
//! number, <https://support.sparkpost.com/docs/deliverability/bounce-classification-codes>),
//! `raw_reason` (the remote server's words), `reason` and `error_code`; a complaint has
//! `fbtype`. Label `<type>/<bounce_class>`, or the type.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{int, text, time};

const S: Service = Service::Sparkpost;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    let mut out = Vec::new();
    for o in objects(S, v)? {
        let msys = o.get("msys").unwrap_or(o);
        let Some(groups) = msys.as_object() else {
            return Err(format_error(S, "msys is not an object"));
        };
        if groups.is_empty() {
            // SparkPost's test ping when a webhook is created: `[{"msys": {}}]`.
            continue;
        }
        for (group, event) in groups {
            if group == "message_event" {
                out.push(one(event)?);
            } else {
                let kind = text(event, "type").unwrap_or_else(|| group.clone());
                out.push(draft(
                    S,
                    text(event, "event_id").unwrap_or_default(),
                    format!("{group}:{kind}"),
                ));
            }
        }
    }
    Ok(out)
}

fn one(v: &Value) -> Result<ServiceEvent, WebhookError> {
    let kind = text(v, "type").ok_or_else(|| format_error(S, "a message event without `type`"))?;
    let ts = time(v, "timestamp");
    let id = text(v, "event_id").unwrap_or_else(|| {
        format!(
            "{}:{kind}:{}:{}",
            text(v, "message_id").unwrap_or_default(),
            text(v, "rcpt_to").unwrap_or_default(),
            ts.unwrap_or(0)
        )
    });
    let label = match text(v, "bounce_class") {
        Some(class) if matches!(kind.as_str(), "bounce" | "out_of_band") => {
            format!("{kind}/{class}")
        }
        _ => kind.clone(),
    };
    let mut e = draft(S, id, label);
    e.recipient = text(v, "rcpt_to");
    e.timestamp = ts;
    e.message_id = text(v, "message_id");
    e.diagnostic = text(v, "raw_reason").or_else(|| text(v, "reason"));
    e.reply_code = int(v, "error_code")
        .filter(|c| (200..600).contains(c))
        .map(|c| c as u16);
    if kind == "spam_complaint" {
        e.feedback_type = Some(text(v, "fbtype").unwrap_or_else(|| "abuse".into()));
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
    fn message_events_by_class() {
        let body = json!([
            {"msys": {"message_event": {"type": "bounce", "bounce_class": "10", "event_id": "sp-1",
              "rcpt_to": "taro@example.jp", "timestamp": "1714555800", "error_code": "550",
              "raw_reason": "550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown"}}},
            {"msys": {"message_event": {"type": "delay", "event_id": "sp-2", "rcpt_to": "a@example.jp",
              "timestamp": "1714555801", "raw_reason": "421 4.7.0 Try again later"}}},
            {"msys": {"message_event": {"type": "spam_complaint", "event_id": "sp-3", "fbtype": "abuse",
              "rcpt_to": "b@example.jp", "timestamp": "1714555802"}}},
            {"msys": {"track_event": {"type": "open", "event_id": "sp-4"}}},
            {"msys": {}}
        ]);
        let p = parse_value(S, &body).unwrap();
        assert_eq!(p.events.len(), 3);
        assert_eq!(p.ignored, 1);
        assert_eq!(p.events[0].kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(p.events[0].reply_code, Some(550));
        assert_eq!(p.events[1].kind, EventKind::Delay);
        assert_eq!(p.events[2].kind, EventKind::Complaint);
    }
}
