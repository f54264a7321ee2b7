//! SendGrid's signed event webhook
//! (<https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features>):
//! an ECDSA P-256 signature with SHA-256 over the `X-Twilio-Email-Event-Webhook-Timestamp`
//! header's value followed by the body, base64 (DER) in
//! `X-Twilio-Email-Event-Webhook-Signature`, checked with the account's verification key
//! (base64 DER, or PEM).

use base64::Engine as _;
use p256::ecdsa::signature::Verifier as _;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::pkcs8::DecodePublicKey;

use super::{Request, fresh, unauthenticated};
use crate::WebhookError;

/// The signature header.
pub const SIGNATURE: &str = "X-Twilio-Email-Event-Webhook-Signature";
/// The timestamp header.
pub const TIMESTAMP: &str = "X-Twilio-Email-Event-Webhook-Timestamp";

/// Verifies SendGrid's signed events.
#[derive(Debug)]
pub struct SendgridVerifier {
    key: VerifyingKey,
    max_age: i64,
}

impl SendgridVerifier {
    /// A verifier with the verification key SendGrid shows (base64 of the DER public key,
    /// or the same as PEM).
    pub fn new(key: &str, max_age: i64) -> Result<SendgridVerifier, WebhookError> {
        let key = key.trim();
        let parsed = if key.starts_with("-----BEGIN") {
            VerifyingKey::from_public_key_pem(key).map_err(|e| e.to_string())
        } else {
            base64::engine::general_purpose::STANDARD
                .decode(key)
                .map_err(|e| e.to_string())
                .and_then(|der| VerifyingKey::from_public_key_der(&der).map_err(|e| e.to_string()))
        };
        let key = parsed.map_err(|e| {
            WebhookError::Config(format!(
                "sendgrid: the verification key is not a P-256 public key: {e}"
            ))
        })?;
        Ok(SendgridVerifier { key, max_age })
    }

    /// Verifies a request.
    pub fn verify(&self, request: &Request<'_>) -> Result<(), WebhookError> {
        let signature = request
            .header(SIGNATURE)
            .ok_or_else(|| unauthenticated(format!("no {SIGNATURE} header")))?;
        let timestamp = request
            .header(TIMESTAMP)
            .ok_or_else(|| unauthenticated(format!("no {TIMESTAMP} header")))?;
        let der = base64::engine::general_purpose::STANDARD
            .decode(signature.trim())
            .map_err(|_| unauthenticated("the signature is not base64"))?;
        let signature = Signature::from_der(&der)
            .map_err(|_| unauthenticated("the signature is not an ECDSA signature"))?;
        let mut signed = timestamp.as_bytes().to_vec();
        signed.extend_from_slice(request.body);
        self.key
            .verify(&signed, &signature)
            .map_err(|_| unauthenticated("the SendGrid signature does not match"))?;
        let at: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| unauthenticated("the timestamp is not a number"))?;
        fresh(at, request.now, self.max_age, "the SendGrid timestamp")
    }
}
