//! One event of a sending service, in the shape common to every service.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::WebhookError;

/// A sending service whose webhooks bouncedoc reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Service {
    /// Amazon SES, whose notifications come through Amazon SNS.
    Ses,
    /// Twilio SendGrid's event webhook.
    Sendgrid,
    /// Mailgun's webhooks.
    Mailgun,
    /// Postmark's webhooks.
    Postmark,
    /// SparkPost's event webhooks.
    Sparkpost,
    /// Brevo's transactional webhooks.
    Brevo,
    /// Mailjet's event API.
    Mailjet,
    /// Resend's webhooks (delivered by Svix).
    Resend,
}

impl Service {
    /// Every service.
    pub const ALL: &'static [Service] = &[
        Service::Ses,
        Service::Sendgrid,
        Service::Mailgun,
        Service::Postmark,
        Service::Sparkpost,
        Service::Brevo,
        Service::Mailjet,
        Service::Resend,
    ];

    /// Its id, as in the URL `/api/v1/webhooks/{id}` and in `webhooks.toml`.
    pub fn id(self) -> &'static str {
        match self {
            Service::Ses => "ses",
            Service::Sendgrid => "sendgrid",
            Service::Mailgun => "mailgun",
            Service::Postmark => "postmark",
            Service::Sparkpost => "sparkpost",
            Service::Brevo => "brevo",
            Service::Mailjet => "mailjet",
            Service::Resend => "resend",
        }
    }

    /// The name of the detector shown in records (`webhook-ses`).
    pub fn detector(self) -> &'static str {
        match self {
            Service::Ses => "webhook-ses",
            Service::Sendgrid => "webhook-sendgrid",
            Service::Mailgun => "webhook-mailgun",
            Service::Postmark => "webhook-postmark",
            Service::Sparkpost => "webhook-sparkpost",
            Service::Brevo => "webhook-brevo",
            Service::Mailjet => "webhook-mailjet",
            Service::Resend => "webhook-resend",
        }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Service {
    type Err = WebhookError;

    fn from_str(s: &str) -> Result<Service, WebhookError> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "amazonses" | "ses-sns" | "sns" => "ses",
            other => other,
        };
        Service::ALL
            .iter()
            .copied()
            .find(|x| x.id() == s)
            .ok_or_else(|| WebhookError::UnknownService(s.to_string()))
    }
}

/// How a service classed a bounce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BounceClass {
    /// Permanent: the service will not try the address again.
    Hard,
    /// Temporary, and the service gave up (or will retry later by itself).
    Soft,
    /// The service could not tell (SES `Undetermined`, SparkPost class 1).
    Undetermined,
}

/// What an event tells, in bouncedoc's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "class")]
pub enum EventKind {
    /// The message bounced.
    Bounce(BounceClass),
    /// The recipient reported the message as spam (a feedback report).
    Complaint,
    /// Delivery is delayed and still being retried: a warning, which never counts toward a
    /// suppression.
    Delay,
    /// The service did not send, because the address is on its own suppression list.
    Suppressed,
    /// The message was delivered.
    Delivered,
    /// An event bouncedoc does not record (sent, opened, clicked, unsubscribed, ...).
    Ignored,
}

impl EventKind {
    /// Its id in `webhooks.toml`.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Bounce(BounceClass::Hard) => "hard-bounce",
            EventKind::Bounce(BounceClass::Soft) => "soft-bounce",
            EventKind::Bounce(BounceClass::Undetermined) => "undetermined-bounce",
            EventKind::Complaint => "complaint",
            EventKind::Delay => "delay",
            EventKind::Suppressed => "suppressed",
            EventKind::Delivered => "delivered",
            EventKind::Ignored => "ignored",
        }
    }

    /// The kind an id of `webhooks.toml` names.
    pub fn from_id(id: &str) -> Option<EventKind> {
        Some(match id {
            "hard-bounce" => EventKind::Bounce(BounceClass::Hard),
            "soft-bounce" => EventKind::Bounce(BounceClass::Soft),
            "undetermined-bounce" => EventKind::Bounce(BounceClass::Undetermined),
            "complaint" => EventKind::Complaint,
            "delay" => EventKind::Delay,
            "suppressed" => EventKind::Suppressed,
            "delivered" => EventKind::Delivered,
            "ignored" => EventKind::Ignored,
            _ => return None,
        })
    }
}

/// One event of a sending service about one recipient of one message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceEvent {
    /// The service that sent it.
    pub service: Service,
    /// The service's id of the event, unique per service: the ledger's idempotence key. An
    /// event naming several recipients gives one event each, `#N` appended from the second.
    pub event_id: String,
    /// What it tells, as `webhooks.toml` maps its label.
    pub kind: EventKind,
    /// The recipient's address.
    pub recipient: Option<String>,
    /// When it happened, in seconds since 1970 (UTC).
    pub timestamp: Option<i64>,
    /// The remote server's words as the service passed them on (a `diagnosticCode`, a
    /// `reason`), when it did.
    pub diagnostic: Option<String>,
    /// The enhanced status code the service gave, when it gave one.
    pub status: Option<String>,
    /// The SMTP reply code the service gave, when it gave one.
    pub reply_code: Option<u16>,
    /// The service's own label, `/`-separated from coarse to fine (`Bounce/Permanent/General`,
    /// `bounce/blocked`, `failed/permanent/generic`): the key into `webhooks.toml`.
    pub label: String,
    /// For complaints, the feedback type the service gave (`abuse` when it gave none).
    pub feedback_type: Option<String>,
    /// The service's id of the message the event is about.
    pub message_id: Option<String>,
    /// SES's `bounceSubType`, for the engine's report fields.
    #[serde(skip)]
    pub ses_subtype: Option<String>,
}
