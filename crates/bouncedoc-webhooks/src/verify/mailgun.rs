//! Mailgun's webhook signatures
//! (<https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks/>):
//! the body's `signature` object holds `timestamp`, `token` and `signature`, the hex
//! HMAC-SHA256 of the timestamp followed by the token under the webhook signing key.
//!
//! The signature does not cover the event itself: a captured signature could be sent again
//! with other `event-data`. Each token is therefore remembered (for twice the time a
//! timestamp is accepted) with a hash of the body it came with; the same token again is
//! accepted only with the same body (a retry), and refused with another.

use std::collections::HashMap;
use std::sync::Mutex;

use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{Request, fresh, same, unauthenticated};
use crate::WebhookError;

/// Verifies Mailgun's signatures.
#[derive(Debug)]
pub struct MailgunVerifier {
    key: Vec<u8>,
    max_age: i64,
    /// Tokens seen: the hash of the body each came with, and its timestamp.
    seen: Mutex<HashMap<String, (Vec<u8>, i64)>>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl MailgunVerifier {
    /// A verifier with the webhook signing key.
    pub fn new(key: &str, max_age: i64) -> MailgunVerifier {
        MailgunVerifier {
            key: key.trim().as_bytes().to_vec(),
            max_age,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// The signature of a timestamp and token (what Mailgun writes, and tests sign with).
    pub fn sign(&self, timestamp: &str, token: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).expect("HMAC takes any key");
        mac.update(timestamp.as_bytes());
        mac.update(token.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Verifies a request.
    pub fn verify(&self, request: &Request<'_>) -> Result<(), WebhookError> {
        let v: Value = serde_json::from_slice(request.body)
            .map_err(|e| unauthenticated(format!("not a Mailgun webhook: {e}")))?;
        let sig = v
            .get("signature")
            .ok_or_else(|| unauthenticated("no signature object in the body"))?;
        let field = |k: &str| match sig.get(k) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        let (Some(timestamp), Some(token), Some(signature)) =
            (field("timestamp"), field("token"), field("signature"))
        else {
            return Err(unauthenticated(
                "the signature object lacks timestamp, token or signature",
            ));
        };
        let expected = self.sign(&timestamp, &token);
        if !same(
            expected.as_bytes(),
            signature.trim().to_ascii_lowercase().as_bytes(),
        ) {
            return Err(unauthenticated("the Mailgun signature does not match"));
        }
        let at: i64 = timestamp
            .trim()
            .parse()
            .map_err(|_| unauthenticated("the timestamp is not a number"))?;
        fresh(at, request.now, self.max_age, "the Mailgun timestamp")?;
        self.first_use(&token, request.body, at, request.now)
    }

    /// Refuses a token seen before with another body; remembers it otherwise.
    fn first_use(&self, token: &str, body: &[u8], at: i64, now: i64) -> Result<(), WebhookError> {
        let hash = Sha256::digest(body).to_vec();
        let mut seen = self
            .seen
            .lock()
            .map_err(|_| unauthenticated("the token memory failed"))?;
        let horizon = now - 2 * self.max_age;
        seen.retain(|_, (_, t)| *t >= horizon);
        match seen.get(token) {
            Some((h, _)) if *h != hash => Err(unauthenticated(
                "this signature's token came before with another body: a replay",
            )),
            Some(_) => Ok(()),
            None => {
                seen.insert(token.to_string(), (hash, at));
                Ok(())
            }
        }
    }
}
