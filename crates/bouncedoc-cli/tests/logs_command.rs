//! `bouncedoc logs`, the real binary, on the sample logs of bouncedoc-logs: the records it
//! writes in each format, gzip input, the time range, damaged lines and missing files.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../bouncedoc-logs/tests/samples")
        .join(name)
}

fn logs(args: &[&str]) -> (Vec<Value>, String, i32) {
    let out = Command::cargo_bin("bouncedoc")
        .unwrap()
        .arg("logs")
        .args(["--format", "jsonl", "--year", "2024"])
        .args(args)
        .output()
        .unwrap();
    let records = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        records,
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn every_sample_gives_diagnosed_stories() {
    let names = [
        "postfix.log",
        "postfix-rfc5424.log",
        "journal.json",
        "exim_mainlog",
        "sendmail.log",
        "qmail.log",
        "opensmtpd.log",
        "m365.csv",
        "pmta.csv",
        "kumomta.jsonl",
    ];
    for name in names {
        let path = sample(name);
        let (records, _, _) = logs(&["--quiet", path.to_str().unwrap()]);
        let bob = records
            .iter()
            .find(|r| r["log"]["recipient"] == "bob@example.org")
            .unwrap_or_else(|| panic!("{name}: no record of bob"));
        assert_eq!(bob["log"]["outcome"], "bounced", "{name}");
        assert_eq!(bob["reason"], "userunknown", "{name}");
        assert_eq!(bob["hard_bounce"], true, "{name}");
        assert_eq!(bob["kind"], "log", "{name}");
        assert!(bob["line"].as_u64().unwrap() >= 1, "{name}");
    }
}

#[test]
fn damaged_lines_are_error_records_and_the_run_goes_on() {
    let path = sample("postfix.log");
    let (records, stderr, code) = logs(&[path.to_str().unwrap()]);
    assert_eq!(code, 1);
    let errors: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["line"], 19);
    assert!(
        errors[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("postfix.log")
    );
    assert_eq!(records.len(), 7);
    assert!(stderr.contains("1 unknown"), "{stderr}");
    let (records, _, code) = logs(&["/nonexistent/maillog"]);
    assert_eq!(code, 1);
    assert!(records[0]["error"].is_string());
}

#[test]
fn gzip_input_and_the_time_range() {
    let dir = tempfile::tempdir().unwrap();
    let gz = dir.path().join("maillog.1.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&std::fs::read(sample("exim_mainlog")).unwrap())
        .unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let (all, _, _) = logs(&["--quiet", gz.to_str().unwrap()]);
    assert_eq!(all.iter().filter(|r| r.get("log").is_some()).count(), 3);
    let (some, stderr, _) = logs(&[
        "--since",
        "2024-01-15T10:30:00Z",
        "--until",
        "2024-01-16",
        gz.to_str().unwrap(),
    ]);
    let recipients: Vec<&str> = some
        .iter()
        .filter_map(|r| r["log"]["recipient"].as_str())
        .collect();
    assert_eq!(recipients, ["erin@example.jp"]);
    assert!(stderr.contains("outside the time range"), "{stderr}");
}

#[test]
fn csv_and_human_layouts() {
    let path = sample("sendmail.log");
    let out = Command::cargo_bin("bouncedoc")
        .unwrap()
        .args(["logs", "--format", "csv", "--quiet", path.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][3], "expired");
    for (lang, word) in [("en", "expired"), ("ja", "配送期限切れ")] {
        let out = Command::cargo_bin("bouncedoc")
            .unwrap()
            .args(["logs", "--lang", lang, path.to_str().unwrap()])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(word), "{lang}: {text}");
        assert!(text.contains("carol@example.net"));
    }
}

/// A log carries a remote server's words: `logs` writes them as the other commands do, with
/// CSV cells that never start a formula and no terminal control for a person.
#[test]
fn remote_words_in_a_log_are_made_safe() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("mail.log");
    std::fs::write(
        &log,
        "Jan 15 10:00:00 mail postfix/smtp[2104]: 4F9D1C2A3B: to=<=cmd@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 \u{1b}]0;owned\u{7}User unknown (in reply to RCPT TO command))\n",
    )
    .unwrap();
    let run = |format: &str| {
        let out = Command::cargo_bin("bouncedoc")
            .unwrap()
            .env("NO_COLOR", "1")
            .args(["logs", "--year", "2024", "--format", format])
            .arg(&log)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let csv = run("csv");
    assert!(csv.contains("'=cmd@example.org"), "{csv}");
    assert!(
        !csv.lines()
            .skip(1)
            .any(|l| l.split(',').any(|c| c.starts_with('='))),
        "{csv}"
    );
    let human = run("human");
    assert!(!human.contains('\u{1b}'), "{human}");
    assert!(human.contains("User unknown"), "{human}");
}
