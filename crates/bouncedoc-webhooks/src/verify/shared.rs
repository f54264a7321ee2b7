//! Credentials shared with a service that does not sign its events (Postmark, SparkPost,
//! Brevo, Mailjet): HTTP basic authentication (the credentials in the webhook URL), a
//! bearer token, or a header the webhook is set to send.

use base64::Engine as _;

use super::{Request, same, unauthenticated};
use crate::WebhookError;
use crate::event::Service;

/// What the service sends.
#[derive(Debug, Clone)]
pub enum SharedSecret {
    /// `Authorization: Basic base64(user:password)`.
    Basic {
        /// The user name.
        username: String,
        /// The password.
        password: String,
    },
    /// `Authorization: Bearer <token>`.
    Bearer {
        /// The token.
        token: String,
    },
    /// A header of the webhook's own, with a secret value.
    Header {
        /// The header's name.
        name: String,
        /// Its value.
        value: String,
    },
}

impl SharedSecret {
    /// Verifies a request.
    pub fn verify(&self, service: Service, request: &Request<'_>) -> Result<(), WebhookError> {
        let auth = request.header("authorization").map(str::trim);
        let ok = match self {
            SharedSecret::Basic { username, password } => auth
                .and_then(|a| {
                    a.strip_prefix("Basic ")
                        .or_else(|| a.strip_prefix("basic "))
                })
                .and_then(|b| {
                    base64::engine::general_purpose::STANDARD
                        .decode(b.trim())
                        .ok()
                })
                .is_some_and(|got| same(&got, format!("{username}:{password}").as_bytes())),
            SharedSecret::Bearer { token } => auth
                .and_then(|a| {
                    a.strip_prefix("Bearer ")
                        .or_else(|| a.strip_prefix("bearer "))
                })
                .is_some_and(|got| same(got.trim().as_bytes(), token.as_bytes())),
            SharedSecret::Header { name, value } => request
                .header(name)
                .is_some_and(|got| same(got.trim().as_bytes(), value.as_bytes())),
        };
        if ok {
            Ok(())
        } else {
            Err(unauthenticated(format!(
                "the credentials configured for {service} are missing or wrong"
            )))
        }
    }
}
