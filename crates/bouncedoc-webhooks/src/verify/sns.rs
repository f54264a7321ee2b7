//! Amazon SNS message signatures
//! (<https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html>).
//!
//! SNS signs the canonical string of a message (`Key\nValue\n` for `Message`, `MessageId`,
//! `Subject` when present, `Timestamp`, `TopicArn`, `Type` for a notification; `Message`,
//! `MessageId`, `SubscribeURL`, `Timestamp`, `Token`, `TopicArn`, `Type` for subscription
//! messages) with RSA: `SignatureVersion` 1 is SHA1withRSA, 2 is SHA256withRSA. The key is
//! in the X.509 certificate at `SigningCertURL`, which must be an https URL on SNS's own
//! host (`sns.<region>.amazonaws.com`, or `.amazonaws.com.cn`) ending in `.pem`; no other
//! certificate is ever used. Certificates come from a [`CertificateSource`] and are kept
//! once read. This crate fetches nothing over the network: [`CertificateDir`] reads them
//! from a directory (`serve --sns-cert-dir`), the server fetches them over HTTPS
//! (`bouncedoc_server::HttpsCertificates`), and tests inject their own.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use base64::Engine as _;
use rsa::PublicKey as RsaPublicKey;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier as _;
use serde_json::Value;
use x509_cert::Certificate;
use x509_cert::der::{DecodePem, Encode};

use super::{Request, Verified, fresh, unauthenticated};
use crate::WebhookError;
use crate::json::parse_time;

/// Where SNS signing certificates come from, by their URL.
pub trait CertificateSource: Send + Sync + std::fmt::Debug {
    /// The PEM certificate at `url` (already checked to be on SNS's host).
    fn certificate(&self, url: &str) -> Result<Vec<u8>, String>;
}

impl<T: CertificateSource + ?Sized> CertificateSource for std::sync::Arc<T> {
    fn certificate(&self, url: &str) -> Result<Vec<u8>, String> {
        self.as_ref().certificate(url)
    }
}

/// Certificates saved in a directory, each under the last segment of its URL
/// (`SimpleNotificationService-<hash>.pem`).
#[derive(Debug, Clone)]
pub struct CertificateDir {
    dir: PathBuf,
}

impl CertificateDir {
    /// Certificates in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> CertificateDir {
        CertificateDir { dir: dir.into() }
    }
}

impl CertificateSource for CertificateDir {
    fn certificate(&self, url: &str) -> Result<Vec<u8>, String> {
        let name = url.rsplit('/').next().unwrap_or("");
        if name.is_empty() || name.starts_with('.') || name.contains('\\') {
            return Err(format!("no usable file name in {url}"));
        }
        let path = self.dir.join(name);
        // The answer goes back to the caller: it names no path of this machine.
        std::fs::read(&path).map_err(|e| {
            format!(
                "the certificate {url} is not in the certificate directory ({}): save it there as {name}",
                e.kind()
            )
        })
    }
}

/// Whether a URL is an https URL on SNS's own host (`sns.<region>.amazonaws.com` or
/// `sns.<region>.amazonaws.com.cn`), with no user, no port and a path.
pub fn is_sns_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if path.is_empty() || host.contains(['@', ':']) {
        return false;
    }
    let host = host.to_ascii_lowercase();
    let Some(region) = host.strip_prefix("sns.").and_then(|h| {
        h.strip_suffix(".amazonaws.com")
            .or_else(|| h.strip_suffix(".amazonaws.com.cn"))
    }) else {
        return false;
    };
    !region.is_empty()
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Verifies SNS messages.
#[derive(Debug)]
pub struct SnsVerifier {
    source: Box<dyn CertificateSource>,
    keys: Mutex<HashMap<String, RsaPublicKey>>,
    topics: Vec<String>,
    max_age: i64,
}

/// The string SNS signs, for a message of type `kind`.
fn canonical(v: &Value, kind: &str) -> Result<String, WebhookError> {
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
    let mut s = String::new();
    for key in keys {
        match v.get(*key).and_then(Value::as_str) {
            Some(value) => {
                s.push_str(key);
                s.push('\n');
                s.push_str(value);
                s.push('\n');
            }
            None if *key == "Subject" => {}
            None => return Err(unauthenticated(format!("the SNS message has no {key}"))),
        }
    }
    Ok(s)
}

impl SnsVerifier {
    /// A verifier that takes certificates from `source`, accepts only the topics listed
    /// (any when none is), and signed timestamps at most `max_age` seconds from now.
    pub fn new(
        source: Box<dyn CertificateSource>,
        topics: Vec<String>,
        max_age: i64,
    ) -> SnsVerifier {
        SnsVerifier {
            source,
            keys: Mutex::new(HashMap::new()),
            topics,
            max_age,
        }
    }

    fn key(&self, url: &str) -> Result<RsaPublicKey, WebhookError> {
        if let Some(k) = self.keys.lock().ok().and_then(|m| m.get(url).cloned()) {
            return Ok(k);
        }
        let pem = self
            .source
            .certificate(url)
            .map_err(|e| unauthenticated(format!("the signing certificate: {e}")))?;
        let cert = Certificate::from_pem(&pem).map_err(|e| {
            unauthenticated(format!("the signing certificate is not X.509 PEM: {e}"))
        })?;
        let spki = cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| unauthenticated(format!("the signing certificate's key: {e}")))?;
        let key = RsaPublicKey::from_public_key_der(&spki).map_err(|e| {
            unauthenticated(format!("the signing certificate's key is not RSA: {e}"))
        })?;
        if let Ok(mut m) = self.keys.lock() {
            m.insert(url.to_string(), key.clone());
        }
        Ok(key)
    }

    /// Verifies one SNS message.
    pub fn verify(&self, request: &Request<'_>) -> Result<Verified, WebhookError> {
        let v: Value = serde_json::from_slice(request.body)
            .map_err(|e| unauthenticated(format!("not an SNS message: {e}")))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str);
        let kind = field("Type").ok_or_else(|| unauthenticated("not an SNS message: no Type"))?;
        if !matches!(
            kind,
            "Notification" | "SubscriptionConfirmation" | "UnsubscribeConfirmation"
        ) {
            return Err(unauthenticated(format!(
                "unknown SNS message type `{kind}`"
            )));
        }
        let url = field("SigningCertURL").ok_or_else(|| unauthenticated("no SigningCertURL"))?;
        if !is_sns_url(url) || !url.ends_with(".pem") {
            return Err(unauthenticated(format!(
                "SigningCertURL {url} is not an https URL of a certificate on sns.<region>.amazonaws.com"
            )));
        }
        let signature = field("Signature").ok_or_else(|| unauthenticated("no Signature"))?;
        let signature = base64::engine::general_purpose::STANDARD
            .decode(signature)
            .map_err(|_| unauthenticated("the Signature is not base64"))?;
        let signature = Signature::try_from(signature.as_slice())
            .map_err(|_| unauthenticated("the Signature is not an RSA signature"))?;
        let text = canonical(&v, kind)?;
        let key = self.key(url)?;
        let ok = match field("SignatureVersion") {
            Some("1") => VerifyingKey::<sha1::Sha1>::new(key).verify(text.as_bytes(), &signature),
            Some("2") => VerifyingKey::<sha2::Sha256>::new(key).verify(text.as_bytes(), &signature),
            other => {
                return Err(unauthenticated(format!(
                    "SignatureVersion {other:?}: only 1 and 2 are known"
                )));
            }
        };
        ok.map_err(|_| unauthenticated("the SNS signature does not match"))?;
        let topic = field("TopicArn").unwrap_or("");
        if !self.topics.is_empty() && !self.topics.iter().any(|t| t == topic) {
            return Err(unauthenticated(format!("topic {topic} is not configured")));
        }
        let signed = field("Timestamp")
            .and_then(parse_time)
            .ok_or_else(|| unauthenticated("no readable Timestamp"))?;
        fresh(signed, request.now, self.max_age, "the SNS Timestamp")?;
        Ok(match kind {
            "Notification" => Verified::Events,
            "SubscriptionConfirmation" => {
                let subscribe_url = field("SubscribeURL").unwrap_or("");
                if !is_sns_url(subscribe_url) {
                    return Err(unauthenticated(format!(
                        "SubscribeURL {subscribe_url} is not on sns.<region>.amazonaws.com"
                    )));
                }
                Verified::SubscriptionConfirmation {
                    topic_arn: topic.to_string(),
                    subscribe_url: subscribe_url.to_string(),
                }
            }
            _ => Verified::Nothing,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sns_hosts_over_https() {
        for good in [
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem",
            "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem",
        ] {
            assert!(is_sns_url(good), "{good}");
        }
        for bad in [
            "http://sns.us-east-1.amazonaws.com/x.pem",
            "https://sns.us-east-1.amazonaws.com.evil.example/x.pem",
            "https://evil.example/sns.us-east-1.amazonaws.com/x.pem",
            "https://sns.us-east-1.amazonaws.com@evil.example/x.pem",
            "https://sns.us-east-1.amazonaws.com:8443/x.pem",
            "https://sns..amazonaws.com/x.pem",
            "https://sns.us-east-1.amazonaws.com",
            "https://s3.amazonaws.com/x.pem",
        ] {
            assert!(!is_sns_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_canonical_string_follows_the_documented_order() {
        let v: Value = serde_json::json!({"Type": "Notification", "MessageId": "id", "TopicArn": "arn",
            "Message": "m", "Timestamp": "t", "Subject": "s", "Signature": "x"});
        assert_eq!(
            canonical(&v, "Notification").unwrap(),
            "Message\nm\nMessageId\nid\nSubject\ns\nTimestamp\nt\nTopicArn\narn\nType\nNotification\n"
        );
        let mut w = v.clone();
        w.as_object_mut().unwrap().remove("Subject");
        assert!(!canonical(&w, "Notification").unwrap().contains("Subject"));
        assert!(canonical(&v, "SubscriptionConfirmation").is_err());
    }

    #[test]
    fn a_directory_serves_certificates_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("SimpleNotificationService-abc.pem"), b"pem").unwrap();
        let d = CertificateDir::new(dir.path());
        assert_eq!(
            d.certificate("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")
                .unwrap(),
            b"pem"
        );
        assert!(
            d.certificate("https://sns.us-east-1.amazonaws.com/other.pem")
                .is_err()
        );
    }
}
