//! Each service's documented event JSON, read into [`ServiceEvent`]s: one module per
//! service. A reader builds each event's label from the service's own fields; the kind of
//! event is what `webhooks.toml` maps that label to.

pub mod brevo;
pub mod mailgun;
pub mod mailjet;
pub mod postmark;
pub mod resend;
pub mod sendgrid;
pub mod ses_sns;
pub mod sparkpost;

use serde::Serialize;
use serde_json::Value;

use crate::WebhookError;
use crate::event::{EventKind, Service, ServiceEvent};
use crate::mapping::Mapping;

/// What one body (or one line of a file) held.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Parsed {
    /// The events bouncedoc records, in the order of the body.
    pub events: Vec<ServiceEvent>,
    /// How many events it does not record (opens, clicks, labels `webhooks.toml` maps to
    /// `ignored` or does not list).
    pub ignored: usize,
}

/// An event as a reader builds it, before the mapping gives its kind.
pub(crate) fn draft(service: Service, event_id: String, label: String) -> ServiceEvent {
    ServiceEvent {
        service,
        event_id,
        kind: EventKind::Ignored,
        recipient: None,
        timestamp: None,
        diagnostic: None,
        status: None,
        reply_code: None,
        label,
        feedback_type: None,
        message_id: None,
        ses_subtype: None,
    }
}

/// One event per recipient of `base`: the first keeps the event id, the others get `#2`,
/// `#3`, ... appended, so that each is recorded once.
pub(crate) fn per_recipient(base: &ServiceEvent, recipients: &[String]) -> Vec<ServiceEvent> {
    recipients
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut e = base.clone();
            if i > 0 {
                e.event_id = format!("{}#{}", base.event_id, i + 1);
            }
            e.recipient = Some(r.clone());
            e
        })
        .collect()
}

pub(crate) fn format_error(service: Service, message: impl Into<String>) -> WebhookError {
    WebhookError::Format {
        service: service.id(),
        message: message.into(),
    }
}

/// The objects of a body that may be one object or an array of them.
pub(crate) fn objects(service: Service, v: &Value) -> Result<Vec<&Value>, WebhookError> {
    match v {
        Value::Array(items) => {
            if let Some(bad) = items.iter().position(|i| !i.is_object()) {
                return Err(format_error(
                    service,
                    format!("item {} of the array is not an object", bad + 1),
                ));
            }
            Ok(items.iter().collect())
        }
        Value::Object(_) => Ok(vec![v]),
        _ => Err(format_error(
            service,
            "expected a JSON object or an array of them",
        )),
    }
}

fn read_value(service: Service, v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    match service {
        Service::Ses => ses_sns::read(v),
        Service::Sendgrid => sendgrid::read(v),
        Service::Mailgun => mailgun::read(v),
        Service::Postmark => postmark::read(v),
        Service::Sparkpost => sparkpost::read(v),
        Service::Brevo => brevo::read(v),
        Service::Mailjet => mailjet::read(v),
        Service::Resend => resend::read(v),
    }
}

/// Reads a parsed body of one service's webhook.
pub fn parse_value(service: Service, v: &Value) -> Result<Parsed, WebhookError> {
    let mapping = Mapping::shared().map_err(|e| WebhookError::Config(e.to_string()))?;
    let mut out = Parsed::default();
    for mut e in read_value(service, v)? {
        match mapping.lookup(service, &e.label).map(|m| m.kind) {
            Some(EventKind::Ignored) | None => out.ignored += 1,
            Some(kind) => {
                e.kind = kind;
                out.events.push(e);
            }
        }
    }
    Ok(out)
}

/// Reads the body of one service's webhook.
pub fn parse(service: Service, body: &[u8]) -> Result<Parsed, WebhookError> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| format_error(service, format!("not JSON: {e}")))?;
    parse_value(service, &v)
}

/// The service whose documented shape a JSON object has: an SNS envelope or an SES
/// message, a Mailgun webhook (`event-data`), a SparkPost one (`msys`), a Postmark one
/// (`RecordType`), a SendGrid event (`sg_event_id`), a Resend one (`type` `email.*` with
/// `data`), a Mailjet one (`MessageID` with `event`), a Brevo one (`event` with
/// `message-id` or `ts_event`).
pub fn detect(v: &Value) -> Option<Service> {
    let has = |k: &str| v.get(k).is_some();
    if (has("Type") && (has("TopicArn") || has("SignatureVersion")))
        || has("notificationType")
        || (has("eventType") && has("mail"))
    {
        return Some(Service::Ses);
    }
    if has("event-data") {
        return Some(Service::Mailgun);
    }
    if has("msys") {
        return Some(Service::Sparkpost);
    }
    if has("RecordType") {
        return Some(Service::Postmark);
    }
    if has("sg_event_id") || has("sg_message_id") {
        return Some(Service::Sendgrid);
    }
    if v.get("type")
        .and_then(Value::as_str)
        .is_some_and(|t| t.starts_with("email."))
        && has("data")
    {
        return Some(Service::Resend);
    }
    if has("event") && (has("MessageID") || has("Message_GUID") || has("mj_campaign_id")) {
        return Some(Service::Mailjet);
    }
    if has("event") && (has("message-id") || has("ts_event")) {
        return Some(Service::Brevo);
    }
    if has("event") && has("email") && has("timestamp") {
        return Some(Service::Sendgrid);
    }
    None
}

/// One item of a file of events: the events of one JSON value (a line, or an element of
/// the top-level array), or why it could not be read.
#[derive(Debug)]
pub struct Item {
    /// Its position in the file, from 1.
    pub index: usize,
    /// What it held.
    pub result: Result<Parsed, WebhookError>,
}

/// Whether bytes look like a file of events: the first byte that is not white space is
/// `{` or `[`.
pub fn sniff(bytes: &[u8]) -> bool {
    matches!(
        bytes.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

/// Reads a file of events, whatever the services: JSON lines (one value per line, or any
/// JSON values one after another), or a JSON array; each object is read as the service
/// whose shape it has ([`detect`]). SNS envelopes and bare SES messages are both read.
pub fn read_events(bytes: &[u8]) -> Vec<Item> {
    let mut items = Vec::new();
    let mut index = 0;
    let unknown = || WebhookError::Format {
        service: "any sending service",
        message: "its fields match none of the services bouncedoc reads".into(),
    };
    let mut one = |v: &Value, items: &mut Vec<Item>| {
        index += 1;
        let result = match detect(v) {
            Some(service) => parse_value(service, v),
            None => Err(unknown()),
        };
        items.push(Item { index, result });
    };
    for value in serde_json::Deserializer::from_slice(bytes).into_iter::<Value>() {
        match value {
            Ok(Value::Array(list)) => list.iter().for_each(|v| one(v, &mut items)),
            Ok(v) => one(&v, &mut items),
            Err(e) => {
                items.push(Item {
                    index: index + 1,
                    result: Err(WebhookError::Format {
                        service: "any sending service",
                        message: format!("not JSON: {e}"),
                    }),
                });
                break;
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_service_is_told_by_its_shape() {
        let cases = [
            (
                json!({"Type": "Notification", "TopicArn": "a", "Message": "{}"}),
                Service::Ses,
            ),
            (
                json!({"notificationType": "Bounce", "bounce": {}}),
                Service::Ses,
            ),
            (
                json!({"eventType": "DeliveryDelay", "mail": {}}),
                Service::Ses,
            ),
            (
                json!({"event": "bounce", "email": "a@b", "timestamp": 1, "sg_event_id": "x"}),
                Service::Sendgrid,
            ),
            (
                json!({"signature": {}, "event-data": {"event": "failed"}}),
                Service::Mailgun,
            ),
            (
                json!({"RecordType": "Bounce", "Type": "HardBounce"}),
                Service::Postmark,
            ),
            (
                json!({"msys": {"message_event": {"type": "bounce"}}}),
                Service::Sparkpost,
            ),
            (
                json!({"event": "hard_bounce", "email": "a@b", "message-id": "m", "ts_event": 1}),
                Service::Brevo,
            ),
            (
                json!({"event": "bounce", "email": "a@b", "MessageID": 1, "time": 1}),
                Service::Mailjet,
            ),
            (
                json!({"type": "email.bounced", "data": {}}),
                Service::Resend,
            ),
        ];
        for (v, service) in cases {
            assert_eq!(detect(&v), Some(service), "{v}");
        }
        assert_eq!(detect(&json!({"hello": "world"})), None);
        assert!(sniff(b"  \n[{}]") && sniff(b"{}") && !sniff(b"From: a@b\n"));
        let items = read_events(b"{\"RecordType\":\"Open\"}\n{oops");
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].result.as_ref().unwrap().ignored, 1);
        assert!(items[1].result.is_err());
    }
}
