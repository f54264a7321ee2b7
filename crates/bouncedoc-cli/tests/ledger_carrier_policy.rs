//! The carriers' ambiguous "Unknown user" through the real binary: `ingest` then `check`.
//! Refusals close together never suppress; three that go on for over a month do, by the
//! policy's `carrier` rule.

mod ledger_support;

use std::path::PathBuf;

use bouncedoc_ledger::testing::{Dsn, DsnRecipient};
use ledger_support::{databases, ingest, run, text};
use serde_json::Value;

/// docomo's refusal of `address` on `date`, as a DSN.
fn docomo_refusal(dir: &std::path::Path, address: &str, date: &str, n: usize) -> PathBuf {
    let words = format!("550 Unknown user {address}");
    let message = Dsn::failure(vec![DsnRecipient::failed(address, "5.0.0", &words)])
        .dated(date)
        .with_message_id(&format!("<refusal-{n}@mx.example.net>"))
        .message();
    let path = dir.join(format!("refusal-{n}.eml"));
    std::fs::write(&path, message).unwrap();
    path
}

fn check(db: &ledger_support::Db, address: &str) -> (Option<i32>, Value) {
    let out = run(db, &["check", "--format", "jsonl", address]);
    let v = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&out.stdout)));
    (out.status.code(), v)
}

#[test]
fn a_carriers_unknown_user_is_suppressed_only_after_a_month_of_refusals() {
    for db in databases("carrier") {
        let dir = tempfile::tempdir().unwrap();
        let burst = "example-aoi@docomo.ne.jp";
        let monthly = "example-ren@docomo.ne.jp";
        // Three refusals in three days: the plain soft rule would suppress, this one waits.
        let mut files: Vec<PathBuf> = [
            "Mon, 2 Mar 2026 09:00:00 +0900",
            "Tue, 3 Mar 2026 09:00:00 +0900",
            "Wed, 4 Mar 2026 09:00:00 +0900",
        ]
        .iter()
        .enumerate()
        .map(|(i, date)| docomo_refusal(dir.path(), burst, date, i))
        .collect();
        // A monthly mailing: two refusals so far.
        files.push(docomo_refusal(
            dir.path(),
            monthly,
            "Mon, 5 Jan 2026 09:00:00 +0900",
            10,
        ));
        files.push(docomo_refusal(
            dir.path(),
            monthly,
            "Thu, 5 Feb 2026 09:00:00 +0900",
            11,
        ));
        ingest(&db, &files, &[]);
        for address in [burst, monthly] {
            let (code, v) = check(&db, address);
            assert_eq!(code, Some(0), "{}: {address}: {v}", db.kind());
            assert_eq!(v["status"], "ok", "{}: {v}", db.kind());
        }

        // The third month's refusal: 3 refusals spanning 62 days.
        let third = docomo_refusal(dir.path(), monthly, "Sun, 8 Mar 2026 09:00:00 +0900", 12);
        ingest(&db, &[third], &[]);
        let (code, v) = check(&db, monthly);
        assert_eq!(code, Some(1), "{}: {v}", db.kind());
        assert_eq!(v["status"], "suppressed");
        assert_eq!(v["suppression"]["rule"], "carrier");
        let why = v["suppression"]["why"].as_str().unwrap();
        assert!(why.contains("docomo refused 3 times over 62 days"), "{why}");
        // The burst is still not suppressed.
        assert_eq!(check(&db, burst).1["status"], "ok", "{}", db.kind());
    }
}

#[test]
fn the_built_in_policy_documents_the_carrier_rule() {
    let out = ledger_support::bouncedoc()
        .args(["ingest", "--print-policy"])
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(shown.contains("[carrier]"), "{shown}");
    assert!(shown.contains("Unknown user"), "{shown}");
    assert!(shown.contains("span_days = 30"), "{shown}");
}
