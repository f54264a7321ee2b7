//! Svix signatures, as Resend's webhooks carry them
//! (<https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests>,
//! <https://docs.svix.com/receiving/verifying-payloads/how-manual>): the headers
//! `svix-id`, `svix-timestamp` (seconds) and `svix-signature` (space-separated
//! `v1,<base64>` entries); each is the base64 HMAC-SHA256 of `<id>.<timestamp>.<body>`
//! under the secret, which is given as `whsec_` and its base64.

use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::{Request, fresh, same, unauthenticated};
use crate::WebhookError;

/// Verifies Svix signatures.
#[derive(Debug)]
pub struct SvixVerifier {
    key: Vec<u8>,
    max_age: i64,
}

impl SvixVerifier {
    /// A verifier with the endpoint's signing secret (`whsec_...`).
    pub fn new(secret: &str, max_age: i64) -> Result<SvixVerifier, WebhookError> {
        let b64 = secret.trim();
        let b64 = b64.strip_prefix("whsec_").unwrap_or(b64);
        let key = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|_| {
                WebhookError::Config("resend: the signing secret is not whsec_ and base64".into())
            })?;
        Ok(SvixVerifier { key, max_age })
    }

    /// The `v1,<base64>` signature of a message (what Svix writes, and tests sign with).
    pub fn sign(&self, id: &str, timestamp: &str, body: &[u8]) -> String {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        format!(
            "v1,{}",
            base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
        )
    }

    /// Verifies a request.
    pub fn verify(&self, request: &Request<'_>) -> Result<(), WebhookError> {
        let id = request
            .header("svix-id")
            .ok_or_else(|| unauthenticated("no svix-id header"))?;
        let timestamp = request
            .header("svix-timestamp")
            .ok_or_else(|| unauthenticated("no svix-timestamp header"))?;
        let signatures = request
            .header("svix-signature")
            .ok_or_else(|| unauthenticated("no svix-signature header"))?;
        let expected = self.sign(id, timestamp, request.body);
        if !signatures
            .split_whitespace()
            .any(|s| same(s.as_bytes(), expected.as_bytes()))
        {
            return Err(unauthenticated("no svix signature matches"));
        }
        let at: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| unauthenticated("svix-timestamp is not a number"))?;
        fresh(at, request.now, self.max_age, "svix-timestamp")
    }
}
