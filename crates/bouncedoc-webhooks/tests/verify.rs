//! Each verifier against requests signed as the service signs them: accepted when right,
//! refused when forged, unsigned or stale.

use std::sync::Arc;

use base64::Engine as _;
use bouncedoc_webhooks::testing::{TestCertificate, sendgrid_public_key, sendgrid_sign, sign_sns};
use bouncedoc_webhooks::verify::mailgun::MailgunVerifier;
use bouncedoc_webhooks::verify::sendgrid::{SIGNATURE, SendgridVerifier, TIMESTAMP};
use bouncedoc_webhooks::verify::shared::SharedSecret;
use bouncedoc_webhooks::verify::sns::SnsVerifier;
use bouncedoc_webhooks::verify::svix::SvixVerifier;
use bouncedoc_webhooks::verify::{Request, Verified};
use bouncedoc_webhooks::{Service, WebhookError};
use serde_json::{Value, json};

const NOW: i64 = 1_714_555_800; // 2024-05-01T09:30:00Z

fn req<'a>(headers: &'a [(String, String)], body: &'a [u8], now: i64) -> Request<'a> {
    Request { headers, body, now }
}

fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn sns_message(version: &str) -> Value {
    let mut m = json!({
        "Type": "Notification", "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
        "TopicArn": "arn:aws:sns:us-east-1:123456789012:ses-bounces", "Subject": "Amazon SES Email Event Notification",
        "Message": "{\"notificationType\":\"Bounce\"}", "Timestamp": "2024-05-01T09:30:00.000Z",
        "SignatureVersion": version
    });
    sign_sns(&mut m);
    m
}

#[test]
fn sns_signatures_of_both_versions() {
    let certs = Arc::new(TestCertificate::default());
    let v = SnsVerifier::new(Box::new(certs.clone()), vec![], 300);
    for version in ["1", "2"] {
        let body = sns_message(version).to_string();
        assert_eq!(
            v.verify(&req(&[], body.as_bytes(), NOW)).unwrap(),
            Verified::Events
        );
    }
    // The certificate was read once and kept.
    assert_eq!(certs.fetched.load(std::sync::atomic::Ordering::SeqCst), 1);

    // A changed message, a version of its own, a foreign certificate host: refused.
    let mut forged = sns_message("2");
    forged["Message"] = Value::String("{\"notificationType\":\"Complaint\"}".into());
    let mut v1_as_v2 = sns_message("1");
    v1_as_v2["SignatureVersion"] = "2".into();
    let mut elsewhere = sns_message("2");
    elsewhere["SigningCertURL"] = "https://sns.us-east-1.amazonaws.com.evil.example/x.pem".into();
    let mut http = sns_message("2");
    http["SigningCertURL"] = "http://sns.us-east-1.amazonaws.com/x.pem".into();
    let mut unsigned = sns_message("2");
    unsigned.as_object_mut().unwrap().remove("Signature");
    for bad in [forged, v1_as_v2, elsewhere, http, unsigned] {
        let body = bad.to_string();
        assert!(
            matches!(
                v.verify(&req(&[], body.as_bytes(), NOW)),
                Err(WebhookError::Unauthenticated(_))
            ),
            "{bad}"
        );
    }
    // Signed, but ten minutes old: a replay.
    let body = sns_message("2").to_string();
    assert!(matches!(
        v.verify(&req(&[], body.as_bytes(), NOW + 600)),
        Err(WebhookError::Stale(_))
    ));
    // Topics can be restricted.
    let only = SnsVerifier::new(
        Box::new(TestCertificate::default()),
        vec!["arn:aws:sns:eu-west-1:1:other".into()],
        300,
    );
    assert!(only.verify(&req(&[], body.as_bytes(), NOW)).is_err());
}

#[test]
fn sns_subscription_confirmations_are_signed_too() {
    let v = SnsVerifier::new(Box::new(TestCertificate::default()), vec![], 300);
    let mut m = json!({"Type": "SubscriptionConfirmation", "MessageId": "m", "Token": "tok",
        "TopicArn": "arn:aws:sns:us-east-1:1:t", "Message": "You have chosen to subscribe",
        "SubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=tok",
        "Timestamp": "2024-05-01T09:30:00Z", "SignatureVersion": "1"});
    sign_sns(&mut m);
    let body = m.to_string();
    assert!(matches!(
        v.verify(&req(&[], body.as_bytes(), NOW)).unwrap(),
        Verified::SubscriptionConfirmation { .. }
    ));
    let mut elsewhere = m.clone();
    elsewhere["SubscribeURL"] = "https://evil.example/confirm".into();
    sign_sns(&mut elsewhere);
    assert!(
        v.verify(&req(&[], elsewhere.to_string().as_bytes(), NOW))
            .is_err()
    );
}

#[test]
fn sendgrid_ecdsa() {
    let v = SendgridVerifier::new(&sendgrid_public_key(7), 300).unwrap();
    let body =
        br#"[{"email":"a@example.jp","event":"bounce","sg_event_id":"x","timestamp":1714555800}]"#;
    let ts = NOW.to_string();
    let good = h(&[(SIGNATURE, &sendgrid_sign(7, &ts, body)), (TIMESTAMP, &ts)]);
    v.verify(&req(&good, body, NOW)).unwrap();
    let other_key = h(&[(SIGNATURE, &sendgrid_sign(8, &ts, body)), (TIMESTAMP, &ts)]);
    let other_time = h(&[
        (SIGNATURE, &sendgrid_sign(7, &ts, body)),
        (TIMESTAMP, "1714555801"),
    ]);
    for bad in [other_key, other_time, h(&[(TIMESTAMP, &ts)]), vec![]] {
        assert!(v.verify(&req(&bad, body, NOW)).is_err());
    }
    assert!(v.verify(&req(&good, b"[]", NOW)).is_err());
    assert!(matches!(
        v.verify(&req(&good, body, NOW + 301)),
        Err(WebhookError::Stale(_))
    ));
    assert!(SendgridVerifier::new("not a key", 300).is_err());
}

#[test]
fn mailgun_hmac() {
    let v = MailgunVerifier::new("key-test-0123", 300);
    let ts = NOW.to_string();
    let body = |sig: &str| {
        json!({"signature": {"timestamp": ts, "token": "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0", "signature": sig},
               "event-data": {"event": "failed"}})
        .to_string()
    };
    let good = body(&v.sign(&ts, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"));
    v.verify(&req(&[], good.as_bytes(), NOW)).unwrap();
    let wrong = body(
        &MailgunVerifier::new("another", 300)
            .sign(&ts, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0"),
    );
    assert!(v.verify(&req(&[], wrong.as_bytes(), NOW)).is_err());
    assert!(v.verify(&req(&[], br#"{"event-data":{}}"#, NOW)).is_err());
    assert!(matches!(
        v.verify(&req(&[], good.as_bytes(), NOW - 3600)),
        Err(WebhookError::Stale(_))
    ));
    // The same signature again: accepted with the same body (a retry), refused with another.
    v.verify(&req(&[], good.as_bytes(), NOW)).unwrap();
    let swapped = good.replace("\"failed\"", "\"complained\"");
    assert_ne!(swapped, good);
    assert!(matches!(
        v.verify(&req(&[], swapped.as_bytes(), NOW)),
        Err(WebhookError::Unauthenticated(_))
    ));
}

#[test]
fn svix_for_resend() {
    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(b"resend test secret, 24+ bytes")
    );
    let v = SvixVerifier::new(&secret, 300).unwrap();
    let body = br#"{"type":"email.bounced","data":{}}"#;
    let ts = NOW.to_string();
    let sig = v.sign("msg_2Lh9KRb0pzN4LePd3XiA4ha7z4P", &ts, body);
    let good = h(&[
        ("svix-id", "msg_2Lh9KRb0pzN4LePd3XiA4ha7z4P"),
        ("svix-timestamp", &ts),
        ("svix-signature", &format!("v1,b3RoZXI= {sig}")),
    ]);
    v.verify(&req(&good, body, NOW)).unwrap();
    let other_id = h(&[
        ("svix-id", "msg_other"),
        ("svix-timestamp", &ts),
        ("svix-signature", &sig),
    ]);
    assert!(v.verify(&req(&other_id, body, NOW)).is_err());
    assert!(v.verify(&req(&good, b"{}", NOW)).is_err());
    assert!(matches!(
        v.verify(&req(&good, body, NOW + 400)),
        Err(WebhookError::Stale(_))
    ));
}

#[test]
fn shared_secrets() {
    let basic = SharedSecret::Basic {
        username: "bouncedoc".into(),
        password: "pw".into(),
    };
    let good = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("bouncedoc:pw")
    );
    let bad = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("bouncedoc:px")
    );
    basic
        .verify(
            Service::Postmark,
            &req(&h(&[("Authorization", &good)]), b"{}", NOW),
        )
        .unwrap();
    assert!(
        basic
            .verify(
                Service::Postmark,
                &req(&h(&[("Authorization", &bad)]), b"{}", NOW)
            )
            .is_err()
    );
    assert!(
        basic
            .verify(Service::Postmark, &req(&[], b"{}", NOW))
            .is_err()
    );
    let bearer = SharedSecret::Bearer {
        token: "t0ken".into(),
    };
    bearer
        .verify(
            Service::Brevo,
            &req(&h(&[("authorization", "Bearer t0ken")]), b"{}", NOW),
        )
        .unwrap();
    assert!(
        bearer
            .verify(
                Service::Brevo,
                &req(&h(&[("authorization", "Bearer t0ke")]), b"{}", NOW)
            )
            .is_err()
    );
    let header = SharedSecret::Header {
        name: "X-MessageSystems-Webhook-Token".into(),
        value: "v".into(),
    };
    header
        .verify(
            Service::Sparkpost,
            &req(&h(&[("x-messagesystems-webhook-token", "v")]), b"[]", NOW),
        )
        .unwrap();
    assert!(
        header
            .verify(
                Service::Sparkpost,
                &req(&h(&[("Authorization", "Bearer v")]), b"[]", NOW)
            )
            .is_err()
    );
}
