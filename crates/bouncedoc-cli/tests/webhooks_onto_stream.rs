//! `bouncedoc serve --publish-nats URL --publish-stream NAME`: the webhooks of SES (through
//! SNS), SendGrid and Mailgun, verified by the real binary, go onto a real NATS JetStream
//! instead of the ledger, and `bouncedoc worker` drains them into a ledger that must equal
//! the one a plain `serve --database` records from the same posts. A forged webhook is
//! refused with 401 and puts nothing on the stream; a post made twice is dropped by it.
//!
//! Without `nats-server` the test says so and passes, unless `CI` is set, where it fails.

mod http_support;
mod nats_support;
mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use bouncedoc_ledger::{Ledger, OpenMode};
use bouncedoc_webhooks::testing::{
    TEST_CERT_PEM, TEST_CERT_URL, sendgrid_public_key, sendgrid_sign, sign_sns,
};
use bouncedoc_webhooks::verify::mailgun::MailgunVerifier;
use http_support::post;
use nats_support::{Killed, nats_server_or_skip, start_nats};
use serde_json::json;

const MAILGUN_KEY: &str = "key-0123456789abcdef0123456789abcdef";

/// The webhooks' configuration, with its secrets and the SNS certificate beside it.
fn configuration(dir: &Path) -> std::path::PathBuf {
    std::fs::write(dir.join("sendgrid.key"), sendgrid_public_key(5) + "\n").unwrap();
    std::fs::write(dir.join("mailgun.key"), format!("{MAILGUN_KEY}\n")).unwrap();
    let certs = dir.join("sns-certs");
    std::fs::create_dir_all(&certs).unwrap();
    let name = TEST_CERT_URL.rsplit('/').next().unwrap();
    std::fs::write(certs.join(name), TEST_CERT_PEM).unwrap();
    let config = dir.join("webhooks.toml");
    std::fs::write(
        &config,
        "[ses]\ncertificate_dir = \"sns-certs\"\n\n[sendgrid]\nsecret_file = \"sendgrid.key\"\n\n[mailgun]\nsecret_file = \"mailgun.key\"\n",
    )
    .unwrap();
    config
}

/// `bouncedoc serve` with `args`; returns it and where it listens.
fn serve(args: &[&str], config: &Path) -> (Killed, String) {
    let bin = assert_cmd::cargo::cargo_bin("bouncedoc");
    let mut child = Command::new(bin)
        .args(["serve", "--listen", "127.0.0.1:0", "--webhooks-config"])
        .arg(config)
        .args(args)
        .env("LANG", "C")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Killed(child);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut said = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("bouncedoc: listening on http://") {
                let _ = tx.send(Ok(rest.trim_end_matches('/').to_string()));
            }
            said.push_str(&line);
            said.push('\n');
        }
        let _ = tx.send(Err(said));
    });
    let addr = match rx.recv_timeout(Duration::from_secs(60)) {
        Ok(Ok(addr)) => addr,
        other => panic!("serve {args:?} did not start: {other:?}"),
    };
    (server, addr)
}

fn iso(t: i64) -> String {
    bouncedoc_ledger::time::format_rfc3339(t)
}

/// One signed post of a webhook: where, its headers, its body.
type Post = (String, Vec<(&'static str, String)>, Vec<u8>);

/// The signed posts: per service a bounce, a complaint and a delay.
fn posts(now: i64) -> Vec<Post> {
    let mut out = Vec::new();
    for n in 0..3i64 {
        let to = format!("user{n}@example.jp");
        let t = now - 60 + n;
        // SES through SNS.
        let message = match n {
            0 => json!({"notificationType": "Bounce", "mail": {"messageId": "ses-0"},
                "bounce": {"bounceType": "Permanent", "bounceSubType": "General", "feedbackId": "fb-0",
                  "timestamp": iso(t), "bouncedRecipients": [{"emailAddress": to, "action": "failed",
                  "status": "5.1.1", "diagnosticCode": "smtp; 550 5.1.1 <user0@example.jp>: Recipient address rejected: User unknown"}]}}),
            1 => json!({"notificationType": "Complaint", "mail": {"messageId": "ses-1"},
                "complaint": {"complainedRecipients": [{"emailAddress": to}], "timestamp": iso(t),
                  "feedbackId": "fb-1", "complaintFeedbackType": "abuse"}}),
            _ => json!({"eventType": "DeliveryDelay", "mail": {"messageId": "ses-2"},
                "deliveryDelay": {"timestamp": iso(t), "delayType": "TransientCommunicationFailure",
                  "delayedRecipients": [{"emailAddress": to, "status": "4.2.2", "diagnosticCode": "smtp; 452 4.2.2 Mailbox full"}]}}),
        };
        let mut sns = json!({"Type": "Notification", "MessageId": format!("sns-{n}"),
            "TopicArn": "arn:aws:sns:us-east-1:123456789012:ses-events",
            "Message": message.to_string(), "Timestamp": iso(t), "SignatureVersion": "2"});
        sign_sns(&mut sns);
        out.push((
            "/api/v1/webhooks/ses".to_string(),
            vec![("x-amz-sns-message-type", "Notification".to_string())],
            sns.to_string().into_bytes(),
        ));
        // SendGrid.
        let event = match n {
            0 => {
                json!({"event": "bounce", "type": "bounce", "reason": "550 5.1.1 User unknown", "status": "5.1.1"})
            }
            1 => json!({"event": "spamreport"}),
            _ => {
                json!({"event": "deferred", "response": "451 4.7.1 Greylisted, try again later", "attempt": "1"})
            }
        };
        let mut event = event.as_object().unwrap().clone();
        event.insert("email".into(), format!("sg{n}@example.jp").into());
        event.insert("timestamp".into(), t.into());
        event.insert("sg_event_id".into(), format!("sg-{n}").into());
        let body = json!([event]).to_string();
        let ts = now.to_string();
        out.push((
            "/api/v1/webhooks/sendgrid".to_string(),
            vec![
                (
                    "X-Twilio-Email-Event-Webhook-Signature",
                    sendgrid_sign(5, &ts, body.as_bytes()),
                ),
                ("X-Twilio-Email-Event-Webhook-Timestamp", ts.clone()),
            ],
            body.into_bytes(),
        ));
        // Mailgun.
        let data = match n {
            0 => json!({"event": "failed", "severity": "permanent", "reason": "bounce",
                "delivery-status": {"code": 550, "message": "5.1.1 The email account that you tried to reach does not exist"}}),
            1 => json!({"event": "complained"}),
            _ => json!({"event": "failed", "severity": "temporary", "reason": "generic",
                "delivery-status": {"code": 452, "message": "4.2.2 The email account that you tried to reach is over quota"}}),
        };
        let mut data = data.as_object().unwrap().clone();
        data.insert("id".into(), format!("mg-{n}").into());
        data.insert("recipient".into(), format!("mg{n}@example.jp").into());
        data.insert("timestamp".into(), json!(t as f64 + 0.5));
        let token = format!("token-{n}-0123456789abcdef");
        let sig = MailgunVerifier::new(MAILGUN_KEY, 300).sign(&ts, &token);
        let body = json!({"signature": {"timestamp": ts, "token": token, "signature": sig}, "event-data": data});
        out.push((
            "/api/v1/webhooks/mailgun".to_string(),
            Vec::new(),
            body.to_string().into_bytes(),
        ));
    }
    out
}

fn snapshot(db: &Path) -> (String, i64) {
    let mut ledger = Ledger::open(&db.to_string_lossy(), OpenMode::ReadOnly).unwrap();
    (ledger.snapshot().unwrap(), ledger.counts().unwrap().events)
}

#[test]
fn webhooks_go_onto_the_stream_and_a_worker_records_them() {
    let Some(bin) = nats_server_or_skip("webhooks_onto_stream") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let config = configuration(dir.path());
    let (_nats, nats) = start_nats(&bin, &dir.path().join("jetstream"));
    let now = bouncedoc_ledger::time::now();
    let posts = posts(now);

    // The reference: a plain serve recording into its ledger.
    let direct = dir.path().join("direct.db");
    {
        let (_server, addr) = serve(&["--database", &direct.to_string_lossy()], &config);
        for (path, headers, body) in &posts {
            let (status, answer) = post(&addr, path, headers, body);
            assert_eq!(status, 200, "{path}: {answer}");
        }
    }
    let (want, events) = snapshot(&direct);
    assert!(events >= 6, "{want}");

    // Onto the stream: no ledger at the server.
    let (server, addr) = serve(
        &["--publish-nats", &nats, "--publish-stream", "bounces"],
        &config,
    );
    for (path, headers, body) in &posts {
        let (status, answer) = post(&addr, path, headers, body);
        assert_eq!(status, 200, "{path}: {answer}");
        assert!(answer.contains("\"published\":true"), "{path}: {answer}");
    }
    // The same post again: the stream has it already.
    let (path, headers, body) = &posts[1];
    let (status, answer) = post(&addr, path, headers, body);
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("\"published\":false"), "{answer}");
    // A forged SendGrid post: refused, nothing published.
    let forged = [
        (
            "X-Twilio-Email-Event-Webhook-Signature",
            sendgrid_sign(6, &now.to_string(), body),
        ),
        ("X-Twilio-Email-Event-Webhook-Timestamp", now.to_string()),
    ];
    let (status, _) = post(&addr, "/api/v1/webhooks/sendgrid", &forged, b"[]");
    assert_eq!(status, 401);
    drop(server);

    let db = dir.path().join("worker.db");
    let out = support::bouncedoc()
        .args([
            "worker",
            "--nats",
            &nats,
            "--stream",
            "bounces",
            "--database",
        ])
        .arg(&db)
        .arg("--until-drained")
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains(&format!("worker took {} ", posts.len())),
        "one message per post, the copy and the forged one not among them: {said}"
    );
    let (got, got_events) = snapshot(&db);
    assert_eq!(got_events, events);
    assert_eq!(got, want, "the worker's ledger differs from serve's own");
}
