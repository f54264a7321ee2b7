//! `bouncedoc report`, the real binary, on what `parse` makes of the corpus and on what
//! `logs` makes of a generated Postfix log: the counts the page and the summary show, in
//! both languages, and the page as headless Chromium draws it.

#[path = "report_command/report_screenshot.rs"]
mod report_screenshot;

use std::io::Write;

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str], input: &[u8]) -> String {
    let out = Command::cargo_bin("bouncedoc")
        .unwrap()
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn cell(page: &str, id: &str) -> u64 {
    let start = page.find(&format!("id=\"{id}\">")).unwrap() + id.len() + 6;
    let end = start + page[start..].find('<').unwrap();
    page[start..end].parse().unwrap()
}

/// What `parse` makes of the corpus, as JSON lines.
fn corpus_jsonl() -> String {
    let corpus = bouncedoc_testkit::corpus_dir();
    run(
        &[
            "parse",
            "--quiet",
            "--format",
            "jsonl",
            corpus.to_str().unwrap(),
        ],
        b"",
    )
}

#[test]
fn the_corpus_page_counts_what_parse_said() {
    let jsonl = corpus_jsonl();
    let records: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let action = |a: &str| records.iter().filter(|r| r["action"] == a).count() as u64;
    assert!(action("failed") > 100);
    for (lang, heading) in [("en", "Failures by reason"), ("ja", "理由別の失敗")] {
        let page = run(&["report", "--lang", lang], jsonl.as_bytes());
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains(heading));
        assert!(!page.contains("<script"));
        assert_eq!(cell(&page, "failed"), action("failed"));
        assert_eq!(cell(&page, "deferred"), action("delayed"));
    }
}

#[test]
fn a_generated_log_gives_its_counts_in_the_page_and_the_summary() {
    let mut log = Vec::new();
    for i in 0..40 {
        writeln!(log, "Jan 15 10:{:02}:00 mail postfix/smtp[4321]: A{i:04}: to=<u{i}@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 <u{i}@example.org>: User unknown (in reply to RCPT TO command))", i % 60).unwrap();
    }
    for i in 0..7 {
        writeln!(log, "Jan 16 11:{i:02}:00 mail postfix/smtp[4322]: B{i:04}: to=<v{i}@example.net>, relay=mx.example.net[192.0.2.26]:25, delay=3, delays=0.1/0/0.6/2, dsn=4.7.0, status=deferred (host mx.example.net[192.0.2.26] said: 421 4.7.0 Try again later, too many connections from your IP (in reply to MAIL FROM command))").unwrap();
    }
    let jsonl = run(
        &["logs", "--quiet", "--format", "jsonl", "--year", "2024"],
        &log,
    );
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ja"] {
        let file = dir.path().join(format!("report-{lang}.html"));
        let out = run(
            &["report", "--lang", lang, "--output", file.to_str().unwrap()],
            jsonl.as_bytes(),
        );
        assert!(out.is_empty());
        let page = std::fs::read_to_string(&file).unwrap();
        assert_eq!(cell(&page, "failed"), 40);
        assert_eq!(cell(&page, "deferred"), 7);
        assert!(page.contains("example.org"));
        assert!(page.contains("2024-01-15"));
        assert!(page.contains("2024-01-16"));
        // Reasons by their name in the page's language, beside their id.
        let kb = bouncedoc_core::Knowledge::shared().unwrap();
        let title = &kb.reason(bouncedoc_core::Reason::UserUnknown).title;
        let name = if lang == "ja" { &title.ja } else { &title.en };
        assert!(page.contains(&format!("{name} (userunknown)")), "{lang}");
    }
    let summary = run(
        &["report", "--format", "text", "--lang", "ja"],
        jsonl.as_bytes(),
    );
    assert!(summary.contains("失敗: 40"));
    assert!(summary.contains("遅延: 7"));
    let summary = run(
        &["report", "--format", "text", "--lang", "en"],
        jsonl.as_bytes(),
    );
    assert!(summary.contains("Failed: 40"));
    assert!(summary.contains("     40  example.org"));
}
