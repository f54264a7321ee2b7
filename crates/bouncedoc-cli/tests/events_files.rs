//! `parse` and `ingest` handed files of sending services' webhook events (JSON lines, a
//! JSON array, SNS envelopes and bare SES messages), through the real binary.

mod support;

use serde_json::{Value, json};
use support::bouncedoc;

fn lines(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

fn ses_bounce(id: &str, to: &str) -> Value {
    json!({"notificationType": "Bounce", "mail": {"messageId": format!("m-{id}")},
        "bounce": {"bounceType": "Permanent", "bounceSubType": "General", "feedbackId": id,
          "timestamp": "2024-05-01T09:30:00.000Z",
          "bouncedRecipients": [{"emailAddress": to, "status": "5.1.1",
            "diagnosticCode": format!("smtp; 550 5.1.1 <{to}>: Recipient address rejected: User unknown")}]}})
}

fn records(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn parse_reads_events_of_every_shape() {
    let dir = tempfile::tempdir().unwrap();
    let enveloped = json!({"Type": "Notification", "MessageId": "sns-1", "TopicArn": "arn:aws:sns:us-east-1:1:t",
        "Message": ses_bounce("fb-1", "taro@example.jp").to_string(), "Timestamp": "2024-05-01T09:30:00.000Z"});
    let sendgrid = json!([
        {"email": "hanako@example.jp", "timestamp": 1714555800, "event": "deferred", "sg_event_id": "sg-1",
         "response": "452 4.2.2 Mailbox full"},
        {"email": "hanako@example.jp", "timestamp": 1714555801, "event": "open", "sg_event_id": "sg-2"}]);
    let postmark = json!({"RecordType": "SpamComplaint", "ID": 9, "Type": "SpamComplaint",
        "Email": "jiro@example.jp", "BouncedAt": "2024-05-01T09:30:00Z"});
    let file = dir.path().join("events.jsonl");
    std::fs::write(
        &file,
        lines(&[
            enveloped,
            ses_bounce("fb-2", "saburo@example.jp"),
            sendgrid,
            postmark,
            json!({"unknown": 1}),
        ]),
    )
    .unwrap();
    let out = bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .arg(&file)
        .output()
        .unwrap();
    let recs = records(&out.stdout);
    let got: Vec<(Value, Value, Value)> = recs
        .iter()
        .map(|r| (r["index"].clone(), r["kind"].clone(), r["reason"].clone()))
        .collect();
    assert_eq!(
        got,
        [
            (json!(1), json!("bounce"), json!("userunknown")),
            (json!(2), json!("bounce"), json!("userunknown")),
            (json!(3), json!("bounce"), json!("mailboxfull")),
            (json!(4), json!("not-bounce"), Value::Null),
            (json!(5), json!("feedback"), json!("feedback")),
            (json!(6), Value::Null, Value::Null),
        ],
        "{recs:?}"
    );
    assert_eq!(recs[0]["message"]["detector"], "webhook-ses");
    assert!(
        recs[5]["error"]
            .as_str()
            .unwrap()
            .contains("none of the services")
    );
    // An item that is not an event is an error: exit status 1, as for unreadable messages.
    assert_eq!(out.status.code(), Some(1));

    // A JSON array of events gives the same records.
    let array = dir.path().join("events.json");
    std::fs::write(
        &array,
        json!([ses_bounce("fb-3", "shiro@example.jp")]).to_string(),
    )
    .unwrap();
    let out = bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .arg(&array)
        .output()
        .unwrap();
    assert!(out.status.success());
    let recs = records(&out.stdout);
    assert_eq!(
        (recs.len(), recs[0]["recipient"].as_str()),
        (1, Some("shiro@example.jp"))
    );
}

#[test]
fn ingest_records_each_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let file = dir.path().join("events.jsonl");
    let delay = json!({"eventType": "DeliveryDelay", "mail": {"messageId": "m-d"},
        "deliveryDelay": {"delayType": "MailboxFull", "timestamp": "2024-05-01T09:30:00Z",
          "delayedRecipients": [{"emailAddress": "wait@example.jp", "status": "4.2.2",
            "diagnosticCode": "smtp; 452 4.2.2 Mailbox full"}]}});
    std::fs::write(
        &file,
        lines(&[ses_bounce("fb-9", "gone@example.jp"), delay]),
    )
    .unwrap();
    for new in ["2 new", "0 new"] {
        let out = bouncedoc()
            .args(["ingest", "--database"])
            .arg(&db)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(new), "{err}");
    }
    let check = |address: &str| {
        bouncedoc()
            .args(["check", "--database"])
            .arg(&db)
            .arg(address)
            .output()
            .unwrap()
            .status
            .code()
    };
    // The bounce suppresses; the delay never does.
    assert_eq!(check("gone@example.jp"), Some(1));
    assert_eq!(check("wait@example.jp"), Some(0));
}
