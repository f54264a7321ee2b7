//! The bounce ledger over HTTP (`/api/v1/ledger/*`): off unless the service has a ledger,
//! and with one, the same answers as `bouncedoc check` and `bouncedoc suppressions`.

mod common;

use bouncedoc_server::{Config, OPENAPI_JSON};
use common::{Server, check_schema, corpus, with_ledger};
use serde_json::Value;

/// A delivery status notification for one recipient.
fn dsn(recipient: &str, status: &str, words: &str) -> Vec<u8> {
    format!(
        "From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\nDate: Wed, 1 May 2024 \
         09:30:00 +0000\nSubject: Delivery Status Notification (Failure)\nContent-Type: \
         multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: \
         text/plain\n\nDelivery failed.\n\n--B\nContent-Type: message/delivery-status\n\n\
         Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; {recipient}\nAction: \
         failed\nStatus: {status}\nDiagnostic-Code: smtp; {words}\n\n--B--\n"
    )
    .into_bytes()
}

#[test]
fn without_a_ledger_the_routes_say_so() {
    let server = Server::start(Config::default());
    for r in [
        server.post(
            "/api/v1/ledger/ingest",
            "message/rfc822",
            &corpus("lhost-postfix-01.eml"),
        ),
        server.get("/api/v1/ledger/check?address=a@example.jp"),
        server.get("/api/v1/ledger/suppressions"),
    ] {
        assert_eq!(r.status, 404, "{}", r.text());
        assert_eq!(r.json()["error"], "ledger_not_enabled");
    }
}

#[test]
fn records_checks_and_lists() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let gone = dsn(
        "Taro@Example.jp",
        "5.1.1",
        "550 5.1.1 <taro@example.jp>... User unknown",
    );

    let first = server.post_auth(
        "/api/v1/ledger/ingest?records=true",
        "message/rfc822",
        &gone,
    );
    assert_eq!(first.status, 200, "{}", first.text());
    let v = first.json();
    check_schema(&doc, "LedgerIngest", &[], &v);
    assert_eq!(
        (v["events"].as_u64(), v["new_events"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(v["suppressed"], 1);
    assert_eq!(v["committed"], true);
    assert_eq!(
        (v["messages"].as_u64(), v["recipients"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(v["records"][0]["reason"], "userunknown");

    // The same message again, as bytes: nothing new, and counts only.
    let again = server
        .post_auth("/api/v1/ledger/ingest", "application/octet-stream", &gone)
        .json();
    check_schema(&doc, "LedgerIngest", &[], &again);
    assert!(again.get("records").is_none(), "counts only: {again}");
    assert_eq!(
        (again["events"].as_u64(), again["new_events"].as_u64()),
        (Some(1), Some(0))
    );

    let full = dsn("hanako@example.jp", "4.2.2", "452 4.2.2 Mailbox full");
    assert_eq!(
        server
            .post_auth("/api/v1/ledger/ingest", "message/rfc822", &full)
            .status,
        200
    );

    let checks = server
        .get_auth("/api/v1/ledger/check?address=taro%40example.jp&address=hanako@example.jp&address=new@example.jp")
        .json();
    let checks = checks.as_array().unwrap();
    assert_eq!(checks.len(), 3);
    for c in checks {
        check_schema(&doc, "LedgerCheck", &[], c);
    }
    assert_eq!(checks[0]["status"], "suppressed");
    check_schema(&doc, "Suppression", &[], &checks[0]["suppression"]);
    check_schema(
        &doc,
        "LedgerEvent",
        &[],
        &checks[0]["suppression"]["events"][0],
    );
    assert_eq!(checks[0]["suppression"]["rule"], "hard");
    // A mailbox full in 2024 is long past its retry interval: ok, with the bounce on record.
    assert_eq!(checks[1]["status"], "ok");
    assert_eq!(checks[1]["bounces"], 1);
    check_schema(&doc, "LedgerEvent", &[], &checks[1]["last"]);
    assert_eq!(checks[2]["status"], "ok");
    assert_eq!(checks[2]["last"], Value::Null);

    let list = server
        .get_auth("/api/v1/ledger/suppressions?domain=EXAMPLE.JP")
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    check_schema(&doc, "Suppression", &[], &list[0]);
    assert_eq!(list[0]["address"], "taro@example.jp");
    let none = server
        .get_auth("/api/v1/ledger/suppressions?since=2030-01-01")
        .json();
    assert!(none.as_array().unwrap().is_empty());
    let bad = server.get_auth("/api/v1/ledger/suppressions?reason=nonsense");
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["error"], "bad_query");
    let bad = server.get_auth("/api/v1/ledger/suppressions?colour=red");
    assert_eq!(bad.status, 400);
}
