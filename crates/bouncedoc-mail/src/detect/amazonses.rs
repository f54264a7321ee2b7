//! Amazon SES, the sending service (<https://aws.amazon.com/ses/>).
//!
//! SES reports in two ways:
//!
//! - **Notifications** (`notificationType` `Bounce`, `Complaint` or `Delivery`), a JSON object
//!   mailed by Amazon SNS (`From: ... <no-reply@sns.amazonaws.com>`, `Subject: AWS
//!   Notification Message`), either bare or inside an SNS envelope whose `Message` field holds
//!   it as a string. Mail systems fold its long line with `!` and a line break; those are
//!   removed before reading it.
//!
//!   ```text
//!   {"notificationType":"Bounce","bounce":{"bounceType":"Permanent","bounceSubType":"General",
//!    "bouncedRecipients":[{"emailAddress":"a@example.jp","action":"failed","status":"5.1.1",
//!    "diagnosticCode":"smtp; 550 5.1.1 user unknown"}], ...}, "mail":{...}}
//!   ```
//!
//!   A bounce gives its recipients with their fields; a complaint gives feedback (reason
//!   `feedback`, the `complaintFeedbackType`); a delivery gives the recipients with the
//!   remote server's `smtpResponse`.
//!
//! - **Bounce mails** from `MAILER-DAEMON@...amazonses.com`: an RFC 3464 report whose
//!   `Diagnostic-Code` some versions wrap in SES's own classification, with the remote
//!   server's reply in quotes (`5.1.0 - Unknown address error 550-'5.7.1 <a@example.jp>...
//!   Access denied' (delivery attempts: 0)`): the remote server's words are kept.

use std::sync::LazyLock;

use bouncedoc_core::ReportField;
use regex::Regex;
use serde_json::Value;

use super::common::{TextSearch, dsn_recipients, header_has};
use super::{Detected, Detector};
use crate::facts::{RecipientFacts, parse_action, parse_address, parse_status};
use crate::message::Message;
use crate::report::dsn::{diagnostic_text, diagnostic_type};

/// The Amazon SES detector.
pub struct AmazonSes;

const ID: &str = "amazonses";

/// The JSON notification in the message body, unwrapped from its SNS envelope.
fn notification(message: &Message) -> Option<Value> {
    let text = message.report_text();
    // A notification names its type; a body wrapped at `!` may have cut the name, and is
    // unwrapped before it is read. Anything else (an HTML body's style sheet) is not one.
    if !text.contains('{') || !(text.holds("notificationType") || text.holds("!\n ")) {
        return None;
    }
    let body = text.replace("!\n ", "");
    let start = body.find('{')?;
    let first = serde_json::Deserializer::from_str(&body[start..])
        .into_iter::<Value>()
        .next()?
        .ok()?;
    let inner = match first.get("Message").and_then(Value::as_str) {
        Some(text) => serde_json::from_str(text).ok()?,
        None => first,
    };
    inner.get("notificationType")?;
    Some(inner)
}

fn text<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// The bounce's subtype, for the engine to weigh beside the words (`report-fields.toml`).
fn subtype_field(subtype: &str) -> Vec<ReportField> {
    if subtype.is_empty() {
        return Vec::new();
    }
    vec![ReportField {
        name: "amazonses.bounceSubType",
        value: subtype.to_string(),
    }]
}

fn from_bounce(bounce: &Value) -> Vec<RecipientFacts> {
    let subtype = text(bounce, "bounceSubType").unwrap_or("");
    let reporting = text(bounce, "reportingMTA").map(|v| diagnostic_text(v).to_string());
    let list = bounce
        .get("bouncedRecipients")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .filter_map(|r| {
            let address = text(r, "emailAddress").and_then(parse_address)?;
            let code = text(r, "diagnosticCode");
            Some(RecipientFacts {
                recipient: Some(address),
                diagnostic: code.map(diagnostic_text).unwrap_or("").to_string(),
                diagnostic_type: code.and_then(diagnostic_type),
                status: text(r, "status").and_then(parse_status),
                action: text(r, "action").and_then(parse_action),
                remote_mta: text(bounce, "remoteMtaIp").map(str::to_string),
                reporting_mta: reporting.clone(),
                fields: subtype_field(subtype),
                ..RecipientFacts::default()
            })
        })
        .collect()
}

fn from_complaint(complaint: &Value) -> Vec<RecipientFacts> {
    let feedback_type = text(complaint, "complaintFeedbackType")
        .unwrap_or("abuse")
        .to_ascii_lowercase();
    let agent = text(complaint, "userAgent").unwrap_or("the recipient's mail service");
    let list = complaint
        .get("complainedRecipients")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .filter_map(|r| text(r, "emailAddress").and_then(parse_address))
        .map(|address| RecipientFacts {
            recipient: Some(address),
            diagnostic: format!("Complaint ({feedback_type}) reported by {agent}"),
            feedback_type: Some(feedback_type.clone()),
            ..RecipientFacts::default()
        })
        .collect()
}

fn from_delivery(delivery: &Value) -> Vec<RecipientFacts> {
    let response = text(delivery, "smtpResponse").unwrap_or("").to_string();
    let list = delivery
        .get("recipients")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    list.iter()
        .filter_map(|r| r.as_str().and_then(parse_address))
        .map(|address| RecipientFacts {
            recipient: Some(address),
            diagnostic: response.clone(),
            action: Some(bouncedoc_core::Action::Delivered),
            reporting_mta: text(delivery, "reportingMTA").map(|v| diagnostic_text(v).to_string()),
            ..RecipientFacts::default()
        })
        .collect()
}

/// `5.1.0 - Unknown address error 550-'5.7.1 <a@example.jp>... Access denied'`: SES's own
/// classification, then the remote server's reply in quotes.
static WRAPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[245]\.\d{1,3}\.\d{1,3} - [^']*?\b([245]\d\d)[ -]'(.+)'").expect("valid")
});

/// The remote server's reply inside SES's wrapper, when the words are wrapped.
fn unwrap_reply(diagnostic: &str) -> Option<String> {
    let c = WRAPPED.captures(diagnostic.trim())?;
    Some(format!("{} {}", &c[1], c[2].trim()))
}

impl Detector for AmazonSes {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if let Some(n) = notification(message) {
            let recipients = match n.get("notificationType").and_then(Value::as_str)? {
                "Bounce" => from_bounce(n.get("bounce")?),
                "Complaint" => from_complaint(n.get("complaint")?),
                "Delivery" => from_delivery(n.get("delivery")?),
                _ => return None,
            };
            return Some(Detected {
                detector: ID,
                mta: Some(ID),
                recipients,
            });
        }
        // The sender's address is read only when the header can hold it.
        if !header_has(message, "from", &["amazonses.com"]) {
            return None;
        }
        let sender = message.header("from").and_then(parse_address)?;
        if !sender.to_ascii_lowercase().ends_with("amazonses.com")
            || header_has(message, "subject", &["AWS Notification"])
        {
            return None;
        }
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            return None;
        }
        for r in &mut recipients {
            if let Some(reply) = unwrap_reply(&r.diagnostic) {
                r.diagnostic = reply;
            }
        }
        Some(Detected {
            detector: ID,
            mta: Some(ID),
            recipients,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::{Action, StatusCode};

    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn bounce_notification_in_an_sns_envelope() {
        let r = &only_recipient(&AmazonSes, "lhost-amazonses-10.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("bounce@simulator.amazonses.com")
        );
        assert_eq!(r.diagnostic, "550 5.1.1 user unknown");
        assert_eq!(r.status, Some(StatusCode::new(5, 1, 1)));
        assert_eq!(r.action, Some(Action::Failed));
    }

    #[test]
    fn folded_json_line_is_rejoined() {
        let raw = "From: SES <no-reply@sns.amazonaws.com>\nSubject: AWS Notification Message\n\n{\"notificationType\":\"Complaint\",\"complaint\":{\"complainedRecipients\":[{\"emailAddress\":\"a@exam!\n ple.jp\"}],\"complaintFeedbackType\":\"abuse\"},\"mail\":{}}\n\n--\nIf you wish to stop receiving notifications...\n";
        let d = AmazonSes
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("a@example.jp"));
        assert_eq!(r.feedback_type.as_deref(), Some("abuse"));
    }

    #[test]
    fn delivery_notification() {
        let d = AmazonSes.detect(&corpus("lhost-amazonses-12.eml")).unwrap();
        assert_eq!(d.recipients[0].diagnostic, "250 2.6.0 Message received");
        assert_eq!(d.recipients[0].action, Some(Action::Delivered));
    }

    #[test]
    fn wrapped_reply_of_the_remote_server() {
        let d = AmazonSes.detect(&corpus("lhost-amazonses-01.eml")).unwrap();
        assert!(
            d.recipients[0].diagnostic.starts_with("550 5.7.1 <"),
            "{}",
            d.recipients[0].diagnostic
        );
        assert!(d.recipients[0].diagnostic.ends_with("Access denied"));
    }

    #[test]
    fn not_ses() {
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Returned mail\n\n{\"a\": 1}\n";
        assert!(AmazonSes.detect(&Message::parse(raw).unwrap()).is_none());
    }
}
