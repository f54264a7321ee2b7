//! `bouncedoc ingest --logs` through the real binary, on the sample logs of the logs crate:
//! failures become events, deferrals delay warnings that never suppress, and reading the
//! same lines again (also after the file was rotated under another name) adds nothing.

mod ledger_support;

use std::path::PathBuf;

use bouncedoc_core::{Action, Reason};
use bouncedoc_ledger::{Policy, Verdict};
use ledger_support::{Db, databases, ingest, text};

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../bouncedoc-logs/tests/samples")
        .join(name)
}

fn ingest_logs(db: &Db, paths: &[PathBuf]) -> String {
    text(&ingest(db, paths, &["--logs", "--year", "2024"]).stderr)
}

fn actions(db: &Db, address: &str) -> Vec<(Option<Action>, Reason)> {
    db.open()
        .events(address)
        .unwrap()
        .into_iter()
        .map(|e| (e.detail.action, e.detail.reason))
        .collect()
}

fn suppressed(db: &Db, address: &str) -> bool {
    let checks = db
        .open()
        .check(&[address.to_string()], &Policy::default(), i64::MAX / 4)
        .unwrap();
    matches!(checks[0].verdict, Verdict::Suppressed { .. })
}

#[test]
fn failures_are_events_and_deferrals_warnings() {
    for db in databases("ingest_logs_postfix") {
        let said = ingest_logs(&db, &[sample("postfix.log")]);
        assert!(
            said.contains("5 events (5 new, 0 already recorded)"),
            "{said}"
        );
        assert!(said.contains("1 delivered after deferrals"), "{said}");
        // The damaged line is named, with its file and line.
        assert!(said.contains("postfix.log:19:"), "{said}");

        assert_eq!(
            actions(&db, "bob@example.org"),
            [(Some(Action::Failed), Reason::UserUnknown)]
        );
        assert!(suppressed(&db, "bob@example.org"));
        // Deferred, then delivered: nothing to record.
        assert!(actions(&db, "carol@example.net").is_empty());
        // Expired after deferrals: a failure.
        assert_eq!(actions(&db, "erin@example.jp")[0].0, Some(Action::Failed));
        // Still deferred when the log ends: a warning, which never suppresses.
        let ivan = actions(&db, "ivan@example.net");
        assert_eq!(ivan.len(), 1);
        assert_eq!(ivan[0].0, Some(Action::Delayed));
        assert!(!suppressed(&db, "ivan@example.net"));

        let before = db.snapshot();
        let again = ingest_logs(&db, &[sample("postfix.log")]);
        assert!(again.contains("(0 new, 5 already recorded)"), "{again}");
        assert_eq!(db.snapshot(), before, "{}", db.kind());
    }
}

#[test]
fn a_rotated_log_adds_nothing_and_a_later_failure_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read_to_string(sample("postfix.log")).unwrap();
    // The log as it stood before erin's message expired.
    let early: String = whole
        .lines()
        .take_while(|l| !l.contains("status=expired"))
        .map(|l| format!("{l}\n"))
        .collect();
    let maillog = dir.path().join("maillog");
    std::fs::write(&maillog, &early).unwrap();
    for db in databases("ingest_logs_rotated") {
        ingest_logs(&db, std::slice::from_ref(&maillog));
        let erin = actions(&db, "erin@example.jp");
        assert_eq!(erin.len(), 1, "{erin:?}");
        assert_eq!(erin[0].0, Some(Action::Delayed));
        let before = db.snapshot();
        // logrotate renames the file; reading it under its new name adds nothing.
        let rotated = dir.path().join(format!("maillog.{}.1", db.kind()));
        std::fs::copy(&maillog, &rotated).unwrap();
        let said = ingest_logs(&db, &[rotated]);
        assert!(said.contains("0 new"), "{said}");
        assert_eq!(db.snapshot(), before);
        // The whole log says the delivery expired: that failure is a new event.
        ingest_logs(&db, &[sample("postfix.log")]);
        let erin = actions(&db, "erin@example.jp");
        assert_eq!(erin.len(), 2, "{erin:?}");
        assert_eq!(erin[1].0, Some(Action::Failed));
    }
}

#[test]
fn every_sample_format_goes_in_once() {
    let samples = [
        "exim_mainlog",
        "journal.json",
        "kumomta.jsonl",
        "m365.csv",
        "opensmtpd.log",
        "pmta.csv",
        "postfix-rfc5424.log",
        "qmail.log",
        "sendmail.log",
    ];
    let paths: Vec<PathBuf> = samples.iter().map(|s| sample(s)).collect();
    let db = ledger_support::sqlite();
    ingest_logs(&db, &paths);
    let counts = db.open().counts().unwrap();
    assert!(counts.events >= samples.len() as i64, "{counts:?}");
    let before = db.snapshot();
    let said = ingest_logs(&db, &paths);
    assert!(said.contains("(0 new"), "{said}");
    assert_eq!(db.snapshot(), before);
    // The summary in Japanese, for a Japanese locale.
    let out = ledger_support::bouncedoc()
        .env("LANG", "ja_JP.UTF-8")
        .args(["ingest", "--logs", "--year", "2024", "--database"])
        .arg(db.url())
        .args(&paths)
        .output()
        .unwrap();
    let said = text(&out.stderr);
    assert!(said.contains("（新規 0、記録済み"), "{said}");
    assert!(!said.contains("already recorded"), "{said}");
}
