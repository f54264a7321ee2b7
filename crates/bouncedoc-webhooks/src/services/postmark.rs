//! Postmark's webhooks (<https://postmarkapp.com/developer/webhooks/bounce-webhook>).
//!
//! A body is one object with `RecordType`: `Bounce` (with `ID`, `Type` such as
//! `HardBounce`, `SoftBounce`, `Transient`, `SpamNotification`, `Email`, `BouncedAt`,
//! `Details` (the remote server's words), `Description` (Postmark's), `MessageID`),
//! `SpamComplaint` (the same fields, `Type` `SpamComplaint`), `Delivery` (`Recipient`,
//! `DeliveredAt`, `Details`), `Open`, `Click`, `SubscriptionChange`. Label
//! `Bounce/<Type>`, or the record type.

use serde_json::Value;

use super::{draft, format_error, objects};
use crate::WebhookError;
use crate::event::{Service, ServiceEvent};
use crate::json::{text, time};

const S: Service = Service::Postmark;

pub(crate) fn read(v: &Value) -> Result<Vec<ServiceEvent>, WebhookError> {
    objects(S, v)?.into_iter().map(one).collect()
}

fn one(v: &Value) -> Result<ServiceEvent, WebhookError> {
    let record = text(v, "RecordType").ok_or_else(|| format_error(S, "no RecordType"))?;
    let message_id = text(v, "MessageID");
    let id = match text(v, "ID") {
        Some(id) => format!("{record}:{id}"),
        None => format!(
            "{record}:{}:{}",
            message_id.as_deref().unwrap_or(""),
            text(v, "Recipient")
                .or_else(|| text(v, "Email"))
                .unwrap_or_default()
        ),
    };
    let label = match record.as_str() {
        "Bounce" => format!("Bounce/{}", text(v, "Type").unwrap_or_default()),
        other => other.to_string(),
    };
    let mut e = draft(S, id, label);
    e.recipient = text(v, "Email").or_else(|| text(v, "Recipient"));
    e.timestamp = time(v, "BouncedAt")
        .or_else(|| time(v, "DeliveredAt"))
        .or_else(|| time(v, "ReceivedAt"));
    e.message_id = message_id;
    e.diagnostic = text(v, "Details").filter(|d| !is_placeholder(d));
    if record == "SpamComplaint" || text(v, "Type").as_deref() == Some("SpamComplaint") {
        e.feedback_type = Some("abuse".into());
    }
    Ok(e)
}

/// Postmark's test bounces carry `Test bounce details`, which are no server's words.
fn is_placeholder(details: &str) -> bool {
    details.eq_ignore_ascii_case("test bounce details")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{BounceClass, EventKind};
    use crate::services::parse_value;
    use serde_json::json;

    #[test]
    fn bounce_types_and_records() {
        let hard = json!({"RecordType": "Bounce", "ID": 4323372036854775807u64, "Type": "HardBounce",
            "TypeCode": 1, "Email": "taro@example.jp", "BouncedAt": "2024-05-01T18:30:00.0000000+09:00",
            "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist",
            "Description": "The server was unable to deliver your message", "MessageID": "pm-1"});
        let e = &parse_value(S, &hard).unwrap().events[0];
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(e.event_id, "Bounce:4323372036854775807");
        assert_eq!(e.timestamp, Some(1_714_555_800));
        let transient =
            json!({"RecordType": "Bounce", "ID": 2, "Type": "Transient", "Email": "a@example.jp"});
        assert_eq!(
            parse_value(S, &transient).unwrap().events[0].kind,
            EventKind::Delay
        );
        let spam = json!({"RecordType": "SpamComplaint", "ID": 3, "Type": "SpamComplaint", "Email": "b@example.jp"});
        assert_eq!(
            parse_value(S, &spam).unwrap().events[0].kind,
            EventKind::Complaint
        );
        let open = json!({"RecordType": "Open", "MessageID": "pm-2", "Recipient": "c@example.jp"});
        assert_eq!(parse_value(S, &open).unwrap().ignored, 1);
        let test = json!({"RecordType": "Bounce", "ID": 4, "Type": "HardBounce", "Details": "Test bounce details"});
        assert_eq!(parse_value(S, &test).unwrap().events[0].diagnostic, None);
    }
}
