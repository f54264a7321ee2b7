//! Sending services' webhooks through the real server (`POST /api/v1/webhooks/{service}`):
//! for each service, its documented payload shapes (written here, values of our own) signed
//! or authenticated as the service does, a bounce, a complaint and a delay recorded as such;
//! a forged request answered 401 with the ledger unchanged; the same event twice recorded
//! once; the ledger's counts matching the events.

mod common;

use std::sync::Arc;

use base64::Engine as _;
use bouncedoc_ledger::{Ledger, OpenMode, Policy, Verdict};
use bouncedoc_server::{Config, OPENAPI_JSON};
use bouncedoc_webhooks::Service;
use bouncedoc_webhooks::testing::{TestCertificate, sendgrid_public_key, sendgrid_sign, sign_sns};
use bouncedoc_webhooks::verify::mailgun::MailgunVerifier;
use bouncedoc_webhooks::verify::sendgrid::{SIGNATURE, SendgridVerifier, TIMESTAMP};
use bouncedoc_webhooks::verify::shared::SharedSecret;
use bouncedoc_webhooks::verify::sns::SnsVerifier;
use bouncedoc_webhooks::verify::svix::SvixVerifier;
use bouncedoc_webhooks::verify::{ServiceConfig, Verifier, WebhooksConfig};
use common::{Server, check_schema};
use serde_json::{Value, json};

const MAILGUN_KEY: &str = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";
const BASIC: (&str, &str) = ("bouncedoc", "correct horse battery staple");
const BEARER: &str = "brevo-webhook-token-0123456789";
const SPARKPOST_HEADER: (&str, &str) = ("X-MessageSystems-Webhook-Token", "sparkpost-token-42");

fn svix_secret() -> String {
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(b"bouncedoc resend test secret")
    )
}

fn now() -> i64 {
    bouncedoc_ledger::time::now()
}

fn iso(t: i64) -> String {
    // Seconds since 1970 as RFC 3339, UTC.
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.000Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn shared(secret: SharedSecret) -> ServiceConfig {
    ServiceConfig {
        verifier: Verifier::Shared(secret),
        confirm_subscriptions: false,
    }
}

fn config() -> (Config, tempfile::TempDir) {
    let (mut config, dir) = common::with_ledger();
    let webhooks = WebhooksConfig::new()
        .with(
            Service::Ses,
            ServiceConfig {
                verifier: Verifier::Sns(SnsVerifier::new(
                    Box::new(TestCertificate::default()),
                    vec![],
                    300,
                )),
                confirm_subscriptions: false,
            },
        )
        .with(
            Service::Sendgrid,
            ServiceConfig {
                verifier: Verifier::Sendgrid(
                    SendgridVerifier::new(&sendgrid_public_key(3), 300).unwrap(),
                ),
                confirm_subscriptions: false,
            },
        )
        .with(
            Service::Mailgun,
            ServiceConfig {
                verifier: Verifier::Mailgun(MailgunVerifier::new(MAILGUN_KEY, 300)),
                confirm_subscriptions: false,
            },
        )
        .with(
            Service::Resend,
            ServiceConfig {
                verifier: Verifier::Svix(SvixVerifier::new(&svix_secret(), 300).unwrap()),
                confirm_subscriptions: false,
            },
        )
        .with(
            Service::Postmark,
            shared(SharedSecret::Basic {
                username: BASIC.0.into(),
                password: BASIC.1.into(),
            }),
        )
        .with(
            Service::Mailjet,
            shared(SharedSecret::Basic {
                username: BASIC.0.into(),
                password: BASIC.1.into(),
            }),
        )
        .with(
            Service::Brevo,
            shared(SharedSecret::Bearer {
                token: BEARER.into(),
            }),
        )
        .with(
            Service::Sparkpost,
            shared(SharedSecret::Header {
                name: SPARKPOST_HEADER.0.into(),
                value: SPARKPOST_HEADER.1.into(),
            }),
        );
    config.webhooks = Some(Arc::new(webhooks));
    (config, dir)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ev {
    Bounce,
    Complaint,
    Delay,
}

/// A body of `service` for one event about `to`, its id made from `n`.
fn body(service: Service, ev: Ev, to: &str, n: u32, t: i64) -> Vec<u8> {
    let gone = format!(
        "550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table"
    );
    let later = "451 4.7.1 Service temporarily unavailable, try again later";
    let v = match (service, ev) {
        (Service::Ses, _) => {
            let message = match ev {
                Ev::Bounce => {
                    json!({"notificationType": "Bounce", "mail": {"messageId": format!("ses-{n}")},
                    "bounce": {"bounceType": "Permanent", "bounceSubType": "General", "feedbackId": format!("fb-{n}"),
                      "timestamp": iso(t), "reportingMTA": "dns; a1-2.smtp-out.amazonses.com",
                      "bouncedRecipients": [{"emailAddress": to, "action": "failed", "status": "5.1.1",
                        "diagnosticCode": format!("smtp; {gone}")}]}})
                }
                Ev::Complaint => {
                    json!({"notificationType": "Complaint", "mail": {"messageId": format!("ses-{n}")},
                    "complaint": {"complainedRecipients": [{"emailAddress": to}], "timestamp": iso(t),
                      "feedbackId": format!("fb-{n}"), "complaintFeedbackType": "abuse", "userAgent": "ExampleISP FBL"}})
                }
                Ev::Delay => {
                    json!({"eventType": "DeliveryDelay", "mail": {"messageId": format!("ses-{n}")},
                    "deliveryDelay": {"timestamp": iso(t), "delayType": "TransientCommunicationFailure",
                      "expirationTime": iso(t + 86_400),
                      "delayedRecipients": [{"emailAddress": to, "status": "4.4.7", "diagnosticCode": format!("smtp; {later}")}]}})
                }
            };
            let mut envelope = json!({"Type": "Notification", "MessageId": format!("sns-{n}"),
                "TopicArn": "arn:aws:sns:us-east-1:123456789012:ses-events",
                "Message": message.to_string(), "Timestamp": iso(t), "SignatureVersion": "2",
                "UnsubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe"});
            sign_sns(&mut envelope);
            envelope
        }
        (Service::Sendgrid, _) => {
            let e = match ev {
                Ev::Bounce => {
                    json!({"event": "bounce", "type": "bounce", "reason": gone, "status": "5.1.1"})
                }
                Ev::Complaint => json!({"event": "spamreport"}),
                Ev::Delay => json!({"event": "deferred", "response": later, "attempt": "1"}),
            };
            let mut e = e.as_object().unwrap().clone();
            e.insert("email".into(), to.into());
            e.insert("timestamp".into(), t.into());
            e.insert("sg_event_id".into(), format!("sg-event-{n}").into());
            e.insert(
                "sg_message_id".into(),
                format!("sg-msg-{n}.filter0001").into(),
            );
            json!([e, {"email": to, "timestamp": t, "event": "open", "sg_event_id": format!("sg-open-{n}")}])
        }
        (Service::Mailgun, _) => {
            let data = match ev {
                Ev::Bounce => {
                    json!({"event": "failed", "severity": "permanent", "reason": "bounce",
                    "delivery-status": {"code": 550, "message": gone, "description": ""}})
                }
                Ev::Complaint => json!({"event": "complained"}),
                Ev::Delay => {
                    json!({"event": "failed", "severity": "temporary", "reason": "generic",
                    "delivery-status": {"code": 451, "message": later}})
                }
            };
            let mut data = data.as_object().unwrap().clone();
            data.insert("id".into(), format!("mg-{n}").into());
            data.insert("recipient".into(), to.into());
            data.insert("timestamp".into(), json!(t as f64 + 0.5));
            let token = format!("token-{n}-0123456789abcdef");
            let ts = t.to_string();
            let sig = MailgunVerifier::new(MAILGUN_KEY, 300).sign(&ts, &token);
            json!({"signature": {"timestamp": ts, "token": token, "signature": sig}, "event-data": data})
        }
        (Service::Postmark, _) => match ev {
            Ev::Bounce => {
                json!({"RecordType": "Bounce", "ID": 1000 + n, "Type": "HardBounce", "TypeCode": 1,
                "MessageID": format!("pm-{n}"), "Email": to, "BouncedAt": iso(t),
                "Details": format!("smtp;{gone}"), "Description": "The server was unable to deliver your message"})
            }
            Ev::Complaint => {
                json!({"RecordType": "SpamComplaint", "ID": 1000 + n, "Type": "SpamComplaint",
                "TypeCode": 512, "MessageID": format!("pm-{n}"), "Email": to, "BouncedAt": iso(t)})
            }
            Ev::Delay => {
                json!({"RecordType": "Bounce", "ID": 1000 + n, "Type": "Transient", "TypeCode": 2,
                "MessageID": format!("pm-{n}"), "Email": to, "BouncedAt": iso(t), "Details": later})
            }
        },
        (Service::Sparkpost, _) => {
            let e = match ev {
                Ev::Bounce => {
                    json!({"type": "bounce", "bounce_class": "10", "raw_reason": gone, "error_code": "550"})
                }
                Ev::Complaint => json!({"type": "spam_complaint", "fbtype": "abuse"}),
                Ev::Delay => {
                    json!({"type": "delay", "bounce_class": "21", "raw_reason": later, "error_code": "451"})
                }
            };
            let mut e = e.as_object().unwrap().clone();
            e.insert("event_id".into(), format!("sp-{n}").into());
            e.insert("rcpt_to".into(), to.into());
            e.insert("timestamp".into(), t.to_string().into());
            e.insert("message_id".into(), format!("sp-msg-{n}").into());
            json!([{"msys": {"message_event": e}}])
        }
        (Service::Brevo, _) => {
            let (event, reason) = match ev {
                Ev::Bounce => ("hard_bounce", Some(gone)),
                Ev::Complaint => ("spam", None),
                Ev::Delay => ("deferred", Some(later.to_string())),
            };
            json!({"event": event, "email": to, "id": 77, "date": "2024-05-01 11:30:00", "ts": t,
                   "message-id": format!("<brevo-{n}@smtp-relay.example>"), "ts_event": t, "reason": reason})
        }
        (Service::Mailjet, _) => match ev {
            Ev::Bounce => {
                json!({"event": "bounce", "time": t, "MessageID": 1_000_000 + n, "email": to,
                "blocked": false, "hard_bounce": true, "error_related_to": "recipient", "error": "user unknown",
                "comment": gone})
            }
            Ev::Complaint => {
                json!({"event": "spam", "time": t, "MessageID": 1_000_000 + n, "email": to, "source": "JMRPP"})
            }
            Ev::Delay => {
                json!({"event": "open", "time": t, "MessageID": 1_000_000 + n, "email": to})
            }
        },
        (Service::Resend, _) => {
            let mut v = json!({"created_at": iso(t), "data": {"email_id": format!("re-{n}"), "to": [to],
                "from": "Example <noreply@example.com>", "subject": "Your receipt", "created_at": iso(t - 2)}});
            match ev {
                Ev::Bounce => {
                    v["type"] = "email.bounced".into();
                    v["data"]["bounce"] =
                        json!({"message": gone, "type": "Permanent", "subType": "General"});
                }
                Ev::Complaint => v["type"] = "email.complained".into(),
                Ev::Delay => v["type"] = "email.delivery_delayed".into(),
            }
            v
        }
    };
    v.to_string().into_bytes()
}

/// The headers a service sends with a body.
fn headers(service: Service, body: &[u8], n: u32, t: i64) -> Vec<(String, String)> {
    let basic = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", BASIC.0, BASIC.1))
    );
    let mut h = vec![("Content-Type".to_string(), "application/json".to_string())];
    match service {
        Service::Ses => h[0].1 = "text/plain; charset=UTF-8".into(),
        Service::Sendgrid => {
            let ts = t.to_string();
            h.push((SIGNATURE.into(), sendgrid_sign(3, &ts, body)));
            h.push((TIMESTAMP.into(), ts));
        }
        Service::Resend => {
            let ts = t.to_string();
            let id = format!("msg_{n}");
            let sig = SvixVerifier::new(&svix_secret(), 300)
                .unwrap()
                .sign(&id, &ts, body);
            h.push(("svix-id".into(), id));
            h.push(("svix-timestamp".into(), ts));
            h.push(("svix-signature".into(), sig));
        }
        Service::Postmark | Service::Mailjet => h.push(("Authorization".into(), basic)),
        Service::Brevo => h.push(("Authorization".into(), format!("Bearer {BEARER}"))),
        Service::Sparkpost => h.push((SPARKPOST_HEADER.0.into(), SPARKPOST_HEADER.1.into())),
        Service::Mailgun => {}
    }
    h
}

fn post(
    server: &Server,
    service: Service,
    body: &[u8],
    headers: &[(String, String)],
) -> common::Response {
    let h: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    server.request("POST", &format!("/api/v1/webhooks/{service}"), &h, body)
}

/// Breaks a request's authentication the way a forger would: a changed body under the
/// original signature, or credentials that are wrong.
fn forge(service: Service, body: &[u8], headers: &mut [(String, String)]) -> Vec<u8> {
    match service {
        Service::Postmark | Service::Mailjet | Service::Brevo | Service::Sparkpost => {
            for (k, v) in headers.iter_mut() {
                if !k.eq_ignore_ascii_case("content-type") {
                    v.push('x');
                }
            }
            body.to_vec()
        }
        Service::Mailgun => {
            // Signed with another key.
            let mut v: Value = serde_json::from_slice(body).unwrap();
            let ts = v["signature"]["timestamp"].as_str().unwrap().to_string();
            let token = v["signature"]["token"].as_str().unwrap().to_string();
            v["signature"]["signature"] = MailgunVerifier::new("key-not-ours", 300)
                .sign(&ts, &token)
                .into();
            v.to_string().into_bytes()
        }
        _ => String::from_utf8(body.to_vec())
            .unwrap()
            .replacen("forged", "victim", 1)
            .into_bytes(),
    }
}

fn ledger(dir: &tempfile::TempDir) -> Ledger {
    Ledger::open(
        dir.path().join("ledger.db").to_str().unwrap(),
        OpenMode::ReadOnly,
    )
    .unwrap()
}

fn suppressed(l: &mut Ledger, address: &str) -> bool {
    let c = l
        .check(&[address.to_string()], &Policy::default(), now())
        .unwrap();
    matches!(c[0].verdict, Verdict::Suppressed { .. })
}

#[test]
fn every_service_records_bounces_complaints_and_delays_once() {
    let (config, dir) = config();
    let server = Server::start(config);
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let mut expected_events = 0i64;
    let mut expected_suppressions = 0i64;
    for (s, &service) in Service::ALL.iter().enumerate() {
        let t = now();
        let base = 100 * (s as u32 + 1);
        let who = |what: &str| format!("{what}.{service}@example.jp");
        for (i, ev) in [Ev::Bounce, Ev::Complaint, Ev::Delay]
            .into_iter()
            .enumerate()
        {
            let n = base + i as u32;
            let to = who(&format!("{ev:?}").to_lowercase());
            let b = body(service, ev, &to, n, t);
            let h = headers(service, &b, n, t);
            let r = post(&server, service, &b, &h);
            assert_eq!(r.status, 200, "{service} {ev:?}: {}", r.text());
            let v = r.json();
            check_schema(&doc, "WebhookReceipt", &[], &v);
            // Mailjet has no delay event: its `open` is not recorded.
            let recorded = !(service == Service::Mailjet && ev == Ev::Delay);
            assert_eq!(
                v["new_events"],
                u64::from(recorded),
                "{service} {ev:?}: {v}"
            );
            if recorded {
                expected_events += 1;
                let e = &v["recorded"][0];
                let (kind, reason) = match ev {
                    Ev::Bounce => ("hard-bounce", "userunknown"),
                    Ev::Complaint => ("complaint", "feedback"),
                    Ev::Delay => ("delay", e["reason"].as_str().unwrap()),
                };
                assert_eq!(
                    (e["kind"].as_str(), e["reason"].as_str()),
                    (Some(kind), Some(reason)),
                    "{service}: {v}"
                );
                if ev != Ev::Delay {
                    expected_suppressions += 1;
                    assert_eq!(v["suppressed"], 1, "{service} {ev:?}: {v}");
                } else {
                    assert_eq!(v["suppressed"], 0, "{service} delay: {v}");
                }
            }
            // The same event posted again (a service's retry) is recorded once.
            let again = post(&server, service, &b, &h);
            assert_eq!(again.status, 200, "{}", again.text());
            assert_eq!(again.json()["new_events"], 0, "{service} {ev:?} again");
        }
        let mut l = ledger(&dir);
        assert!(suppressed(&mut l, &who("bounce")), "{service}");
        assert!(suppressed(&mut l, &who("complaint")), "{service}");
        assert!(
            !suppressed(&mut l, &who("delay")),
            "{service}: a delay never suppresses"
        );
        let counts = l.counts().unwrap();
        assert_eq!(
            (counts.events, counts.suppressions),
            (expected_events, expected_suppressions),
            "{service}"
        );

        // A forged event: 401, and nothing recorded.
        let t = now();
        let to = who("forged");
        let b = body(service, Ev::Bounce, &to, base + 50, t);
        let mut h = headers(service, &b, base + 50, t);
        let forged = forge(service, &b, &mut h);
        let r = post(&server, service, &forged, &h);
        assert_eq!(r.status, 401, "{service} forged: {}", r.text());
        assert_eq!(r.json()["error"], "unauthenticated");
        // No signature or credentials at all: 401 too.
        let bare = vec![("Content-Type".to_string(), "application/json".to_string())];
        let unsigned = if service == Service::Ses {
            let mut v: Value = serde_json::from_slice(&b).unwrap();
            v.as_object_mut().unwrap().remove("Signature");
            v.to_string().into_bytes()
        } else {
            b.clone()
        };
        if service != Service::Mailgun {
            let r = post(&server, service, &unsigned, &bare);
            assert_eq!(r.status, 401, "{service} unsigned: {}", r.text());
        }
        if service == Service::Mailgun {
            // A captured signature (of the bounce recorded above) sent with other event data.
            let b = body(service, Ev::Bounce, &who("bounce"), base, now());
            let mut v: Value = serde_json::from_slice(&b).unwrap();
            v["event-data"]["recipient"] = who("victim").into();
            v["event-data"]["id"] = "mg-swapped".into();
            let r = post(&server, service, v.to_string().as_bytes(), &bare);
            assert_eq!(r.status, 401, "mailgun replayed token: {}", r.text());
        }
        let counts = ledger(&dir).counts().unwrap();
        assert_eq!(
            counts.events, expected_events,
            "{service}: a forged event changed the ledger"
        );
        assert!(!suppressed(&mut ledger(&dir), &who("victim")));
    }
    assert_eq!(expected_events, 8 * 3 - 1);
}

#[test]
fn replays_subscriptions_and_unknown_services() {
    let (config, dir) = config();
    let server = Server::start(config);
    // Signed ten minutes ago: refused as a replay.
    let t = now() - 600;
    for service in [
        Service::Ses,
        Service::Sendgrid,
        Service::Mailgun,
        Service::Resend,
    ] {
        let b = body(service, Ev::Bounce, "late@example.jp", 1, t);
        let r = post(&server, service, &b, &headers(service, &b, 1, t));
        assert_eq!(r.status, 401, "{service}: {}", r.text());
        assert_eq!(r.json()["error"], "stale_signature");
    }
    // A signed SubscriptionConfirmation, not allowed by the configuration: refused.
    let mut m = json!({"Type": "SubscriptionConfirmation", "MessageId": "sub-1", "Token": "2336412f37",
        "TopicArn": "arn:aws:sns:us-east-1:123456789012:ses-events",
        "Message": "You have chosen to subscribe to the topic. To confirm, visit the SubscribeURL.",
        "SubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37",
        "Timestamp": iso(now()), "SignatureVersion": "1"});
    sign_sns(&mut m);
    let r = server.post(
        "/api/v1/webhooks/ses",
        "text/plain",
        m.to_string().as_bytes(),
    );
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(r.json()["error"], "subscription_refused");
    let r = server.post("/api/v1/webhooks/nosuch", "application/json", b"{}");
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (404, Some("unknown_service"))
    );
    assert_eq!(ledger(&dir).counts().unwrap().events, 0);
}

#[test]
fn allowed_subscriptions_are_logged_not_recorded() {
    let (mut config, _dir) = common::with_ledger();
    config.webhooks = Some(Arc::new(WebhooksConfig::new().with(
        Service::Ses,
        ServiceConfig {
            verifier: Verifier::Sns(SnsVerifier::new(
                Box::new(TestCertificate::default()),
                vec![],
                300,
            )),
            confirm_subscriptions: true,
        },
    )));
    let server = Server::start(config);
    let mut m = json!({"Type": "SubscriptionConfirmation", "MessageId": "sub-2", "Token": "t",
        "TopicArn": "arn:aws:sns:us-east-1:123456789012:ses-events", "Message": "confirm",
        "SubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t",
        "Timestamp": iso(now()), "SignatureVersion": "2"});
    sign_sns(&mut m);
    let r = server.post(
        "/api/v1/webhooks/ses",
        "text/plain",
        m.to_string().as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["subscription"], "pending");
    // Other services are not configured here.
    let r = server.post("/api/v1/webhooks/sendgrid", "application/json", b"[]");
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (404, Some("webhook_not_configured"))
    );
}

#[test]
fn without_a_webhooks_configuration_the_route_says_so() {
    let (config, _dir) = common::with_ledger();
    let server = Server::start(config);
    let r = server.post("/api/v1/webhooks/ses", "application/json", b"{}");
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (404, Some("webhooks_not_enabled"))
    );
    let r =
        Server::start(Config::default()).post("/api/v1/webhooks/ses", "application/json", b"{}");
    assert_eq!(r.status, 404);
}

#[test]
fn an_address_the_ledger_cannot_keep_holds_back_no_other_event() {
    let (config, dir) = config();
    let server = Server::start(config);
    let t = now();
    let body = json!([
        {"email": "bad\u{1b}[2J@example.jp", "timestamp": t, "event": "bounce", "type": "bounce",
         "reason": "550 5.1.1 User unknown", "sg_event_id": "bad-1"},
        {"email": "good@example.jp", "timestamp": t, "event": "bounce", "type": "bounce",
         "reason": "550 5.1.1 User unknown", "sg_event_id": "good-1"}
    ])
    .to_string()
    .into_bytes();
    let r = post(
        &server,
        Service::Sendgrid,
        &body,
        &headers(Service::Sendgrid, &body, 1, t),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    check_schema(
        &serde_json::from_str(OPENAPI_JSON).unwrap(),
        "WebhookReceipt",
        &[],
        &v,
    );
    assert_eq!(v["new_events"], 1, "{v}");
    assert!(v["errors"][0].as_str().unwrap().starts_with("bad-1"), "{v}");
    assert_eq!(ledger(&dir).counts().unwrap().events, 1);
}

#[test]
fn iso_times_are_read_back() {
    // The helper above writes what the services write.
    assert_eq!(iso(1_714_555_800), "2024-05-01T09:30:00.000Z");
}
