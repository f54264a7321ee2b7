//! # bouncedoc-webhooks
//!
//! The events that sending services post about the mail they sent for you (Amazon SES
//! through Amazon SNS, SendGrid, Mailgun, Postmark, SparkPost, Brevo, Mailjet, Resend):
//! read, verified as each service specifies, and diagnosed by the engine.
//!
//! - [`services`] reads each service's documented JSON into [`ServiceEvent`]s, one per
//!   recipient and event; [`read_events`] reads a file of them (JSON lines or a JSON array,
//!   SNS envelopes or bare SES messages) whatever the service, by the shape of each object.
//! - [`mapping`] is the data file `knowledge/webhooks.toml`: per service, each label the
//!   service writes, the kind of event it is for bouncedoc and, where the service's label
//!   says more than nothing, the reason to give when the service sends no words of the
//!   remote server. Each entry names the service's documentation page.
//! - [`diagnose`] puts the service's raw diagnostic text through the engine; the service's
//!   label is kept beside the diagnosis and decides only where the text says nothing.
//! - [`verify`] checks a request's signature or credentials: SNS message signatures
//!   (certificates from a [`verify::sns::CertificateSource`]), SendGrid's signed event
//!   webhook (ECDSA P-256), Mailgun's HMAC, Resend's Svix signatures, and the basic-auth or
//!   token schemes of the others.
//! - With the `ledger` feature, `ledger::new_events` turns diagnosed events into the
//!   bounce ledger's events, keyed by the service's event id.
//!
//! The crate does no network I/O.

pub mod diagnose;
mod event;
mod json;
#[cfg(feature = "ledger")]
pub mod ledger;
pub mod mapping;
pub mod services;
#[doc(hidden)]
pub mod testing;
pub mod verify;

pub use diagnose::{Diagnosed, diagnose, records};
pub use event::{BounceClass, EventKind, Service, ServiceEvent};
pub use services::{Parsed, parse, read_events};

/// What can go wrong reading or verifying events.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    /// The body is not JSON, or not the JSON the service documents.
    #[error("not an event of {service} as documented: {message}")]
    Format {
        /// The service whose format was expected (`any sending service` when sniffing).
        service: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A service name that is not known.
    #[error(
        "unknown service `{0}`: use ses, sendgrid, mailgun, postmark, sparkpost, brevo, mailjet or resend"
    )]
    UnknownService(String),
    /// The request's signature or credentials are missing or wrong.
    #[error("not authenticated: {0}")]
    Unauthenticated(String),
    /// The request is signed, but too long ago (or too far in the future) to be taken: a
    /// replay.
    #[error("refused as a replay: {0}")]
    Stale(String),
    /// The configuration of a service cannot be used.
    #[error("webhook configuration: {0}")]
    Config(String),
}
