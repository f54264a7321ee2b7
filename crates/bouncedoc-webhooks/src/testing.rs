//! Signing as the services do, for tests (the verifiers' counterparts): an SNS message
//! signed with the committed test key (`tests/fixtures/sns-test-key.pem`, whose
//! certificate [`TestCertificate`] hands the verifier), SendGrid's ECDSA signature with a
//! key made from a seed. Not for production use.

use base64::Engine as _;
use p256::ecdsa::signature::Signer as _;
use p256::pkcs8::EncodePublicKey;
use rsa::pkcs8::DecodePrivateKey;
use serde_json::Value;

use crate::verify::sns::CertificateSource;

/// The test key's certificate.
pub const TEST_CERT_PEM: &str = include_str!("../tests/fixtures/sns-test-cert.pem");
/// The test key.
pub const TEST_KEY_PEM: &str = include_str!("../tests/fixtures/sns-test-key.pem");
/// A SigningCertURL of the pattern SNS uses.
pub const TEST_CERT_URL: &str =
    "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem";

/// Hands out the test certificate for any URL, counting the requests.
#[derive(Debug, Default)]
pub struct TestCertificate {
    /// How many times a certificate was asked for.
    pub fetched: std::sync::atomic::AtomicUsize,
}

impl CertificateSource for TestCertificate {
    fn certificate(&self, _url: &str) -> Result<Vec<u8>, String> {
        self.fetched
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(TEST_CERT_PEM.as_bytes().to_vec())
    }
}

fn pem_der(pem: &str) -> Vec<u8> {
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .expect("the test key is PEM")
}

/// Signs an SNS message (its `Signature`, with `SignatureVersion` 1 or 2 as it says) with
/// the test key, and sets its `SigningCertURL` to [`TEST_CERT_URL`] unless it has one.
pub fn sign_sns(message: &mut Value) {
    let key = rsa::PrivateKey::from_pkcs8_der(&pem_der(TEST_KEY_PEM)).expect("the test key");
    let obj = message
        .as_object_mut()
        .expect("an SNS message is an object");
    obj.entry("SigningCertURL")
        .or_insert_with(|| Value::String(TEST_CERT_URL.into()));
    let kind = obj["Type"].as_str().unwrap_or("Notification").to_string();
    let keys: &[&str] = if kind == "Notification" {
        &[
            "Message",
            "MessageId",
            "Subject",
            "Timestamp",
            "TopicArn",
            "Type",
        ]
    } else {
        &[
            "Message",
            "MessageId",
            "SubscribeURL",
            "Timestamp",
            "Token",
            "TopicArn",
            "Type",
        ]
    };
    let mut text = String::new();
    for k in keys {
        if let Some(v) = obj.get(*k).and_then(Value::as_str) {
            text.push_str(&format!("{k}\n{v}\n"));
        }
    }
    let sig: Vec<u8> = match obj.get("SignatureVersion").and_then(Value::as_str) {
        Some("1") => {
            let k = rsa::pkcs1v15::SigningKey::<sha1::Sha1>::new(key);
            Box::<[u8]>::from(rsa::signature::Signer::sign(&k, text.as_bytes())).into()
        }
        _ => {
            let k = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(key);
            Box::<[u8]>::from(rsa::signature::Signer::sign(&k, text.as_bytes())).into()
        }
    };
    obj.insert(
        "Signature".into(),
        Value::String(base64::engine::general_purpose::STANDARD.encode(sig)),
    );
}

fn sendgrid_key(seed: u8) -> p256::ecdsa::SigningKey {
    let mut bytes = [seed; 32];
    bytes[0] = 1;
    p256::ecdsa::SigningKey::from_slice(&bytes).expect("a valid scalar")
}

/// The verification key (base64 DER) of the SendGrid test key made from `seed`.
pub fn sendgrid_public_key(seed: u8) -> String {
    let der = sendgrid_key(seed)
        .verifying_key()
        .to_public_key_der()
        .expect("a DER key");
    base64::engine::general_purpose::STANDARD.encode(der.as_bytes())
}

/// SendGrid's signature header of a body at `timestamp`, with the key made from `seed`.
pub fn sendgrid_sign(seed: u8, timestamp: &str, body: &[u8]) -> String {
    let mut signed = timestamp.as_bytes().to_vec();
    signed.extend_from_slice(body);
    let sig: p256::ecdsa::Signature = sendgrid_key(seed).sign(&signed);
    base64::engine::general_purpose::STANDARD.encode(sig.to_der().as_bytes())
}
