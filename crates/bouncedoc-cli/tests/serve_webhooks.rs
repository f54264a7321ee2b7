//! `bouncedoc serve --webhooks-config`: the real binary reads the configuration (secrets
//! from a file and from the environment) and takes signed webhooks; a configuration it
//! cannot use stops it before it listens.

mod http_support;
mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine as _;
use bouncedoc_webhooks::testing::{sendgrid_public_key, sendgrid_sign};
use http_support::post;

/// Kills the server when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_takes_the_webhooks_its_configuration_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("sendgrid.key"),
        sendgrid_public_key(5) + "\n",
    )
    .unwrap();
    let config = dir.path().join("webhooks.toml");
    std::fs::write(
        &config,
        "[sendgrid]\nsecret_file = \"sendgrid.key\"\n\n[mailjet]\nusername = \"bouncedoc\"\nsecret_env = \"TEST_MAILJET_PASSWORD\"\n",
    )
    .unwrap();
    let bin = assert_cmd::cargo::cargo_bin("bouncedoc");
    let mut child = Command::new(bin)
        .args(["serve", "--listen", "127.0.0.1:0", "--database"])
        .arg(dir.path().join("ledger.db"))
        .arg("--webhooks-config")
        .arg(&config)
        .env("TEST_MAILJET_PASSWORD", "hunter2")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Running(child);
    // Standard error is read to its end on a thread of its own: a server whose log pipe
    // closed could not write its request logs.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("bouncedoc: listening on http://") {
                let _ = tx.send(rest.trim_end_matches('/').to_string());
            }
        }
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(60))
        .expect("the server says where it listens");

    let now = bouncedoc_ledger::time::now();
    let body = format!(
        r#"[{{"email":"taro@example.jp","timestamp":{now},"event":"bounce","type":"bounce","sg_event_id":"cli-1","reason":"550 5.1.1 User unknown","status":"5.1.1"}}]"#
    );
    let ts = now.to_string();
    let signed = [
        (
            "X-Twilio-Email-Event-Webhook-Signature",
            sendgrid_sign(5, &ts, body.as_bytes()),
        ),
        ("X-Twilio-Email-Event-Webhook-Timestamp", ts.clone()),
    ];
    let (status, answer) = post(&addr, "/api/v1/webhooks/sendgrid", &signed, body.as_bytes());
    assert_eq!(status, 200, "{answer}");
    assert!(answer.contains("\"new_events\":1"), "{answer}");
    let forged = [
        (
            "X-Twilio-Email-Event-Webhook-Signature",
            sendgrid_sign(6, &ts, body.as_bytes()),
        ),
        ("X-Twilio-Email-Event-Webhook-Timestamp", ts),
    ];
    assert_eq!(
        post(&addr, "/api/v1/webhooks/sendgrid", &forged, body.as_bytes()).0,
        401
    );

    let mailjet = br#"{"event":"spam","time":1714555800,"MessageID":7,"email":"jiro@example.jp","source":"JMRPP"}"#;
    let basic = |p: &str| {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("bouncedoc:{p}"))
        )
    };
    assert_eq!(
        post(
            &addr,
            "/api/v1/webhooks/mailjet",
            &[("Authorization", basic("hunter2"))],
            mailjet
        )
        .0,
        200
    );
    assert_eq!(
        post(
            &addr,
            "/api/v1/webhooks/mailjet",
            &[("Authorization", basic("hunter3"))],
            mailjet
        )
        .0,
        401
    );
    assert_eq!(post(&addr, "/api/v1/webhooks/postmark", &[], b"{}").0, 404);
    drop(server);

    // The environment variable missing: serve stops and names it.
    let out = support::bouncedoc()
        .args(["serve", "--listen", "127.0.0.1:0", "--database"])
        .arg(dir.path().join("ledger.db"))
        .arg("--webhooks-config")
        .arg(&config)
        .env_remove("TEST_MAILJET_PASSWORD")
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TEST_MAILJET_PASSWORD"), "{err}");
}
