//! Work that ends with its request, and answers in bounded memory, through the real server:
//! a request past its deadline stops its job (which keeps its place until it has ended), a
//! timed-out ledger ingest records nothing, `/api/v1/parse` pages its records or streams
//! them as JSON lines, the page shows the first recipients, and one message over the limit
//! for one message is refused.

mod common;

use std::time::{Duration, Instant};

use bouncedoc_server::{Config, OPENAPI_JSON};
use common::{Server, check_schema, multipart, with_ledger};
use serde_json::Value;

/// A delivery status notification for `n` recipients, each with its own words.
fn dsn(n: usize) -> Vec<u8> {
    let mut m = String::from(
        "From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\nDate: Wed, 1 May 2024 09:30:00 +0000\nSubject: Delivery Status Notification (Failure)\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nDelivery failed.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n",
    );
    for i in 0..n {
        m.push_str(&format!(
            "\nFinal-Recipient: rfc822; user{i}@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <user{i}@example.jp>... User unknown\n"
        ));
    }
    m.push_str("\n--B--\n");
    m.into_bytes()
}

/// A report that takes the server seconds (20,000 recipients).
fn slow() -> Vec<u8> {
    dsn(20_000)
}

fn running(server: &Server) -> u64 {
    let h = server.get("/healthz").json();
    h["jobs"]["running"]
        .as_u64()
        .expect("jobs.running in /healthz")
}

/// Waits until no job runs; returns how long that took (at most `within`).
fn until_idle(server: &Server, within: Duration) -> Duration {
    let started = Instant::now();
    while running(server) > 0 {
        assert!(
            started.elapsed() < within,
            "a job still runs {within:?} after"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    started.elapsed()
}

fn quick(timeout_ms: u64) -> Config {
    Config {
        timeout: Duration::from_millis(timeout_ms),
        max_jobs: 1,
        ..Config::default()
    }
}

#[test]
fn a_request_past_its_deadline_stops_its_job() {
    let server = Server::start(quick(300));
    let body = slow();
    let started = Instant::now();
    let r = server.post("/api/v1/parse", "message/rfc822", &body);
    assert_eq!(r.status, 408, "{}", r.text());
    assert!(started.elapsed() < Duration::from_secs(2));
    // The job stops at its next check, not seconds later when it would have ended.
    let stopped = until_idle(&server, Duration::from_secs(2));
    assert!(stopped < Duration::from_secs(2));
    // The one place is free again: a small request is served at once.
    let started = Instant::now();
    let r = server.post("/api/v1/parse", "message/rfc822", &dsn(1));
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_job_keeps_its_place_until_it_ends_and_a_request_that_waits_too_long_gets_503() {
    let server = Server::start(Config {
        timeout: Duration::from_secs(60),
        max_jobs: 1,
        queue_wait: Duration::from_millis(200),
        ..Config::default()
    });
    let addr = server.addr;
    let body = slow();
    let first = std::thread::spawn(move || {
        common::request(
            addr,
            "POST",
            "/api/v1/parse",
            &[("Content-Type", "message/rfc822")],
            &body,
        )
    });
    let started = Instant::now();
    while running(&server) == 0 {
        assert!(started.elapsed() < Duration::from_secs(10), "the job runs");
        std::thread::sleep(Duration::from_millis(10));
    }
    let r = server.post("/api/v1/explain", "text/plain", b"550 5.1.1 User unknown");
    assert_eq!(r.status, 503, "{}", r.text());
    assert_eq!(r.json()["error"], "busy");
    assert!(r.header("retry-after").is_some());
    assert_eq!(running(&server), 1, "never more jobs than the cap");
    let first = first.join().unwrap();
    assert_eq!(first.status, 200);
    let page = first.json();
    assert_eq!(page["total"], 20_000);
    until_idle(&server, Duration::from_secs(5));
}

#[test]
fn with_one_place_a_timed_out_job_and_the_next_never_run_together() {
    let server = Server::start(quick(400));
    let addr = server.addr;
    let senders: Vec<_> = (0..3)
        .map(|_| {
            let body = slow();
            std::thread::spawn(move || {
                common::request(
                    addr,
                    "POST",
                    "/api/v1/parse",
                    &[("Content-Type", "message/rfc822")],
                    &body,
                )
                .status
            })
        })
        .collect();
    let started = Instant::now();
    let mut most = 0;
    while started.elapsed() < Duration::from_millis(1500) {
        most = most.max(running(&server));
        std::thread::sleep(Duration::from_millis(5));
    }
    for s in senders {
        assert_eq!(s.join().unwrap(), 408);
    }
    assert!(most <= 1, "{most} jobs ran at once with a cap of 1");
    until_idle(&server, Duration::from_secs(3));
}

#[test]
fn a_timed_out_ingest_records_nothing_and_says_so() {
    let (config, _dir) = with_ledger();
    let server = Server::start(Config {
        timeout: Duration::from_millis(300),
        ..config
    });
    let r = server.post_auth("/api/v1/ledger/ingest", "message/rfc822", &slow());
    assert_eq!(r.status, 408, "{}", r.text());
    let v = r.json();
    assert_eq!(v["error"], "timeout");
    assert!(
        v["message"].as_str().unwrap().contains("nothing"),
        "the answer says nothing was recorded: {v}"
    );
    until_idle(&server, Duration::from_secs(3));
    let list = server.get_auth("/api/v1/ledger/suppressions").json();
    assert_eq!(list.as_array().map(Vec::len), Some(0), "{list}");
    let check = server
        .get_auth("/api/v1/ledger/check?address=user7@example.jp")
        .json();
    assert_eq!(check[0]["bounces"], 0, "{check}");
}

#[test]
fn ingest_answers_with_counts() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let mbox = [
        b"From a\n".as_slice(),
        &dsn(300),
        b"\nFrom b\nSubject: hello\n\nnot a bounce\n",
    ]
    .concat();
    let r = server.post_auth("/api/v1/ledger/ingest", "application/mbox", &mbox);
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    check_schema(&doc, "LedgerIngest", &[], &v);
    assert_eq!(v["messages"], 2);
    assert_eq!(v["recipients"], 300);
    assert_eq!(v["not_bounces"], 1);
    assert_eq!(v["errors"], 0);
    assert_eq!(v["events"], 300);
    assert_eq!(v["suppressed"], 300);
    assert_eq!(v["committed"], true);
    assert!(v.get("records").is_none(), "no records echoed");
    assert!(r.body.len() < 1000, "{} bytes", r.body.len());
    let listed = server
        .post_auth(
            "/api/v1/ledger/ingest?records=true",
            "application/mbox",
            &mbox,
        )
        .json();
    assert_eq!(listed["records"].as_array().map(Vec::len), Some(301));
    assert_eq!(listed["new_events"], 0);
}

#[test]
fn parse_pages_its_records() {
    let server = Server::start(Config::default());
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let body = dsn(2500);
    let first = server.post("/api/v1/parse", "message/rfc822", &body);
    assert_eq!(first.status, 200, "{}", first.text());
    let first = first.json();
    check_schema(&doc, "RecordPage", &[], &first);
    assert_eq!(first["total"], 2500);
    assert_eq!(first["offset"], 0);
    assert_eq!(first["limit"], 1000);
    assert_eq!(first["next_offset"], 1000);
    let records = first["records"].as_array().unwrap();
    assert_eq!(records.len(), 1000);
    assert_eq!(records[0]["recipient"], "user0@example.jp");

    let last = server
        .post(
            "/api/v1/parse?offset=2000&limit=1000",
            "message/rfc822",
            &body,
        )
        .json();
    assert_eq!(last["records"].as_array().unwrap().len(), 500);
    assert_eq!(last["records"][0]["recipient"], "user2000@example.jp");
    assert_eq!(last["next_offset"], Value::Null);

    // A small answer keeps its shape, the array; a page is given when asked for.
    let small = server
        .post("/api/v1/parse", "message/rfc822", &dsn(3))
        .json();
    assert_eq!(small.as_array().map(Vec::len), Some(3));
    let asked = server
        .post("/api/v1/parse?limit=2", "message/rfc822", &dsn(3))
        .json();
    assert_eq!(
        (asked["total"].as_u64(), asked["next_offset"].as_u64()),
        (Some(3), Some(2))
    );
    let bad = server.post("/api/v1/parse?limit=0", "message/rfc822", &dsn(3));
    assert_eq!(bad.status, 400);
    assert_eq!(bad.json()["error"], "bad_query");
}

#[test]
fn parse_streams_json_lines_when_asked() {
    let server = Server::start(Config::default());
    let r = server.request(
        "POST",
        "/api/v1/parse",
        &[
            ("Content-Type", "message/rfc822"),
            ("Accept", "application/x-ndjson"),
        ],
        &dsn(3000),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(r.header("transfer-encoding"), Some("chunked"), "streamed");
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 3000);
    assert_eq!(lines[2999]["recipient"], "user2999@example.jp");
    assert_eq!(lines[0]["reason"], "userunknown");
    // Not a message: still an error answer, before anything is streamed.
    let r = server.request(
        "POST",
        "/api/v1/parse",
        &[
            ("Content-Type", "text/plain"),
            ("Accept", "application/x-ndjson"),
        ],
        b"550 5.1.1 User unknown",
    );
    assert_eq!(r.status, 400);
}

#[test]
fn the_page_shows_the_first_recipients_and_counts_the_rest() {
    let server = Server::start(Config::default());
    let body = dsn(200);
    for (lang, more) in [("en", "150 more recipients"), ("ja", "ほかに 150 件の宛先")] {
        let (ct, form) = multipart(&[("lang", lang)], &[("file", "big.eml", &body)]);
        let r = server.post("/explain", &ct, &form);
        assert_eq!(r.status, 200);
        let html = r.text();
        assert_eq!(html.matches("<article class=\"diagnosis").count(), 50);
        assert!(html.contains("data-count=\"200\""));
        assert!(html.contains(more), "{lang}: no count of the rest");
    }
}

#[test]
fn one_message_over_the_limit_for_one_message_is_not_read() {
    let server = Server::start(Config {
        max_message_bytes: 4096,
        ..Config::default()
    });
    let big = dsn(100);
    let r = server.post("/api/v1/parse", "message/rfc822", &big);
    assert_eq!(r.status, 413, "{}", r.text());
    assert_eq!(r.json()["error"], "message_too_large");
    let mbox = [b"From a\n".as_slice(), &big, b"\nFrom b\n", &dsn(1)].concat();
    let records = server
        .post("/api/v1/parse", "application/mbox", &mbox)
        .json();
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), 2, "{records:?}");
    assert!(records[0]["error"].as_str().unwrap().contains("4096"));
    assert_eq!(records[1]["recipient"], "user0@example.jp");
    let (ct, form) = multipart(&[("lang", "en")], &[("file", "big.eml", &big)]);
    let page = server.post("/explain", &ct, &form);
    assert_eq!(page.status, 413);
    assert!(page.text().contains("4096"));
}
