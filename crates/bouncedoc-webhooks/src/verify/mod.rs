//! Verifying a webhook request as its service specifies: a signature over the body, or
//! credentials shared with the service. A request that fails gives
//! [`WebhookError::Unauthenticated`] (answer `401`, record nothing); a signed timestamp
//! further than [`Verifier::max_age`] from now gives [`WebhookError::Stale`].

pub mod config;
pub mod mailgun;
pub mod sendgrid;
pub mod shared;
pub mod sns;
pub mod svix;

use crate::WebhookError;
use crate::event::Service;

pub use config::{ServiceConfig, WebhooksConfig};

/// A request as the verifiers see it: its headers (names in any case) and its body.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The headers, name and value.
    pub headers: &'a [(String, String)],
    /// The body, as received.
    pub body: &'a [u8],
    /// The time now, in seconds since 1970.
    pub now: i64,
}

impl Request<'_> {
    /// The first value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What a verified request is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verified {
    /// Events to read.
    Events,
    /// An SNS subscription confirmation, signed by SNS: the subscription is confirmed by
    /// visiting `subscribe_url` (checked to be SNS's own https host).
    SubscriptionConfirmation {
        /// The topic.
        topic_arn: String,
        /// The URL that confirms it.
        subscribe_url: String,
    },
    /// An SNS message that carries no event (`UnsubscribeConfirmation`).
    Nothing,
}

/// How one service's requests are verified.
#[derive(Debug)]
pub enum Verifier {
    /// Amazon SNS message signatures.
    Sns(sns::SnsVerifier),
    /// SendGrid's signed event webhook.
    Sendgrid(sendgrid::SendgridVerifier),
    /// Mailgun's HMAC.
    Mailgun(mailgun::MailgunVerifier),
    /// Svix signatures (Resend).
    Svix(svix::SvixVerifier),
    /// Basic authentication, a bearer token or a header shared with the service.
    Shared(shared::SharedSecret),
}

/// The default tolerance of signed timestamps: 5 minutes.
pub const DEFAULT_MAX_AGE: i64 = 300;

/// Refuses a signed time further than `max_age` seconds from `now`.
pub(crate) fn fresh(signed: i64, now: i64, max_age: i64, what: &str) -> Result<(), WebhookError> {
    if (now - signed).abs() > max_age {
        return Err(WebhookError::Stale(format!(
            "{what} is {}s from now; at most {max_age}s is accepted",
            now - signed
        )));
    }
    Ok(())
}

/// Compares two byte strings in time that depends only on their lengths.
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub(crate) fn unauthenticated(why: impl Into<String>) -> WebhookError {
    WebhookError::Unauthenticated(why.into())
}

impl Verifier {
    /// Verifies a request of `service` (the verifier must be one the service specifies).
    pub fn verify(
        &self,
        service: Service,
        request: &Request<'_>,
    ) -> Result<Verified, WebhookError> {
        match self {
            Verifier::Sns(v) => v.verify(request),
            Verifier::Sendgrid(v) => v.verify(request).map(|()| Verified::Events),
            Verifier::Mailgun(v) => v.verify(request).map(|()| Verified::Events),
            Verifier::Svix(v) => v.verify(request).map(|()| Verified::Events),
            Verifier::Shared(v) => v.verify(service, request).map(|()| Verified::Events),
        }
    }
}
