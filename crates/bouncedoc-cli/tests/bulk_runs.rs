//! Bulk runs that show their work, through the real binary: `report --database` counts the
//! ledger as `report` counts `parse`'s JSON lines (SQLite, and PostgreSQL when
//! `BOUNCEDOC_TEST_POSTGRES` names a server); the closing summaries of `parse` and `ingest`
//! (hard and soft, top domains and providers, what is or would be suppressed) in both
//! languages; `ingest --dry-run` writes nothing; `parse --format line`; the progress shown
//! with `BOUNCEDOC_PROGRESS=always`; the bounce mailbox's errors in Japanese.

mod ledger_support;

use std::collections::BTreeSet;
use std::path::PathBuf;

use bouncedoc_ledger::{canonical, message_key};
use ledger_support::{Db, bouncedoc, corpus, databases, ingest, run, sqlite, text};
use serde_json::Value;

/// The bounces of `maildir/bsd`, each message once (the corpus holds a few copies of the
/// same message under other names, which the ledger records once).
fn distinct_bsd() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("maildir/bsd"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut seen = BTreeSet::new();
    files
        .into_iter()
        .filter(|f| seen.insert(message_key(&canonical(&std::fs::read(f).unwrap()))))
        .collect()
}

/// Runs the binary with `args` and `paths`; its standard output and error.
fn output(args: &[&str], paths: &[PathBuf]) -> (String, String, Option<i32>) {
    let out = bouncedoc()
        .env_remove("BOUNCEDOC_PROGRESS")
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    (text(&out.stdout), text(&out.stderr), out.status.code())
}

/// The parts of a `report --format text` summary that count failures (totals, reasons,
/// providers, domains, parties, the sending side's causes), without the days (a ledger
/// event's day is its UTC date, a message's the date as its `Date:` writes it).
fn failure_counts(summary: &str) -> String {
    let by_day = summary.rfind("\n\n").unwrap();
    let (counts, _) = summary.split_at(by_day);
    counts
        .lines()
        .filter(|l| !is_record_count(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `Records read` and `Errors` count what is not an event (a message that is not a bounce,
/// an unreadable one): they are left out of the comparison.
fn is_record_count(line: &str) -> bool {
    ["Records read", "Errors", "読んだレコード", "エラー"]
        .iter()
        .any(|w| line.trim_start().starts_with(&format!("{w}: ")))
}

#[test]
fn report_over_the_ledger_counts_what_parse_said() {
    let files = distinct_bsd();
    let (jsonl, _, code) = output(&["parse", "--quiet", "--format", "jsonl"], &files);
    assert_eq!(code, Some(0));
    let failed = jsonl
        .lines()
        .filter(|l| serde_json::from_str::<Value>(l).unwrap()["action"] == "failed")
        .count();
    assert!(failed > 100, "{failed}");
    for db in databases("report_ledger") {
        ingest(&db, &files, &["--quiet"]);
        for lang in ["en", "ja"] {
            let from_parse = bouncedoc()
                .args(["report", "--format", "text", "--lang", lang])
                .write_stdin_bytes(jsonl.as_bytes());
            let from_ledger = run(&db, &["report", "--format", "text", "--lang", lang]);
            assert_eq!(
                from_ledger.status.code(),
                Some(0),
                "{}",
                text(&from_ledger.stderr)
            );
            let from_ledger = text(&from_ledger.stdout);
            let (a, b) = (failure_counts(&from_parse), failure_counts(&from_ledger));
            assert_eq!(
                a,
                b,
                "{} {lang}: {}",
                db.kind(),
                ledger_support::first_difference(&a, &b)
            );
            let heading = if lang == "ja" { "失敗: " } else { "Failed: " };
            assert!(
                from_ledger.contains(&format!("{heading}{failed}\n")),
                "{from_ledger}"
            );
            for section in if lang == "ja" {
                [
                    "理由別の失敗",
                    "宛先ドメイン別の失敗",
                    "対応が必要な人別の失敗",
                ]
            } else {
                [
                    "Failures by reason",
                    "Failures by recipient domain",
                    "Failures by who must act",
                ]
            } {
                assert!(from_ledger.contains(section), "{lang}: {section}");
            }
        }
        // The page too, and from BOUNCEDOC_DATABASE.
        let page = bouncedoc()
            .args(["report", "--lang", "ja"])
            .env("BOUNCEDOC_DATABASE", db.url())
            .output()
            .unwrap();
        let page = text(&page.stdout);
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("対応が必要な人別の失敗"));
        assert!(
            page.contains(&format!("id=\"failed\">{failed}<")),
            "{}",
            db.kind()
        );
        // JSON lines piped in are read even where BOUNCEDOC_DATABASE is set.
        let piped = bouncedoc()
            .args(["report", "--format", "text"])
            .env("BOUNCEDOC_DATABASE", db.url())
            .write_stdin_bytes(b"\n");
        assert!(piped.contains("Failed: 0\n"), "{piped}");
    }
}

/// Feeds `input` to the command and returns its standard output (which must succeed).
trait Stdin {
    fn write_stdin_bytes(&mut self, input: &[u8]) -> String;
}

impl Stdin for std::process::Command {
    fn write_stdin_bytes(&mut self, input: &[u8]) -> String {
        use std::io::Write;
        let mut child = self
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let out = child.wait_with_output().unwrap();
        writer.join().unwrap().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    }
}

#[test]
fn a_delay_warning_in_the_ledger_is_a_deferral_of_the_report() {
    use bouncedoc_ledger::testing::{Dsn, DsnRecipient};
    let db = sqlite();
    let dir = tempfile::tempdir().unwrap();
    let warning = dir.path().join("warning.eml");
    let failure = dir.path().join("failure.eml");
    std::fs::write(
        &warning,
        Dsn::warning(vec![DsnRecipient::delayed(
            "a@example.org",
            "4.4.7",
            "timed out",
        )])
        .dated("Mon, 15 Jan 2024 10:00:00 +0000")
        .message(),
    )
    .unwrap();
    std::fs::write(
        &failure,
        Dsn::failure(vec![DsnRecipient::failed(
            "b@example.net",
            "5.1.1",
            "550 5.1.1 User unknown",
        )])
        .dated("Tue, 16 Jan 2024 10:00:00 +0000")
        .message(),
    )
    .unwrap();
    ingest(&db, &[warning, failure], &["--quiet"]);
    let out = run(&db, &["report", "--format", "text", "--lang", "en"]);
    let summary = text(&out.stdout);
    assert!(
        summary.contains("Failed: 1\n") && summary.contains("Deferred: 1\n"),
        "{summary}"
    );
    assert!(
        summary.contains("2024-01-15        0 /       1"),
        "{summary}"
    );
    assert!(
        summary.contains("2024-01-16        1 /       0"),
        "{summary}"
    );
}

/// The counts of `parse`'s JSON lines: recipients, hard bounces, and the domain named most.
fn counts_of(jsonl: &str) -> (usize, usize, String) {
    let records: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let recipients: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("reason").is_some())
        .collect();
    let hard = recipients
        .iter()
        .filter(|r| r["hard_bounce"] == true && r["action"] != "delayed")
        .filter(|r| {
            !matches!(
                r["reason"].as_str(),
                Some("delivered" | "feedback" | "vacation")
            )
        })
        .count();
    let mut by_domain = std::collections::BTreeMap::<String, usize>::new();
    for r in &recipients {
        if let Some((_, d)) = r["recipient"].as_str().and_then(|a| a.rsplit_once('@')) {
            *by_domain.entry(d.to_ascii_lowercase()).or_default() += 1;
        }
    }
    let top = by_domain
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(d, n)| format!("{d} {n}"))
        .unwrap();
    (recipients.len(), hard, top)
}

#[test]
fn the_closing_summary_of_parse_splits_hard_and_soft_and_names_the_top_domains() {
    let files = distinct_bsd();
    let (jsonl, _, _) = output(&["parse", "--quiet", "--format", "jsonl"], &files);
    let (recipients, hard, top) = counts_of(&jsonl);
    for (lang, words) in [
        (
            "en",
            [
                format!("{recipients} recipients diagnosed"),
                format!("{hard} hard bounces"),
                format!("Top recipient domains (up to 5): {top}"),
            ],
        ),
        (
            "ja",
            [
                format!("宛先 {recipients} 件を診断"),
                format!("ハードバウンス {hard} 件"),
                format!("宛先ドメイン（上位 5 件）：{top}"),
            ],
        ),
    ] {
        let (_, summary, code) = output(&["parse", "--format", "jsonl", "--lang", lang], &files);
        assert_eq!(code, Some(0));
        for w in &words {
            assert!(summary.contains(w.as_str()), "{lang}: {w:?} in {summary}");
        }
        let providers = if lang == "ja" {
            "受信側のプロバイダー（上位 5 件）："
        } else {
            "Top receiving providers (up to 5): "
        };
        let line = summary.lines().find(|l| l.contains(providers)).unwrap();
        assert_eq!(
            line.matches(if lang == "ja" { "、" } else { ", " }).count(),
            4,
            "{line}"
        );
    }
}

/// The number in `line` after `before` (`90 addresses would be suppressed` → 90).
fn number_before(text: &str, after: &str) -> usize {
    let line = text
        .lines()
        .find(|l| l.contains(after))
        .unwrap_or_else(|| panic!("{after:?} in {text}"));
    let head = &line[..line.find(after).unwrap()];
    head.split(|c: char| !c.is_ascii_digit())
        .rfind(|w| !w.is_empty())
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn a_dry_run_says_what_would_be_suppressed_and_writes_nothing() {
    let files = distinct_bsd();
    for db in databases("dry_run") {
        // On a ledger that does not exist yet: not even the file is made.
        let out = bouncedoc()
            .args(["ingest", "--dry-run", "--database", &db.url()])
            .args(&files)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let said = text(&out.stderr);
        assert!(said.starts_with("dry run, nothing written"), "{said}");
        let would = number_before(&said, " addresses would be suppressed");
        assert!(would > 10, "{said}");
        assert!(said.contains("would suppress "), "{said}");
        assert!(said.contains(" hard bounces (stop mailing)"), "{said}");
        if let Db::Sqlite(dir) = &db {
            assert!(
                !dir.path().join("ledger.db").exists(),
                "a dry run made the file"
            );
        }
        // The real run suppresses what the dry run said.
        let real = ingest(&db, &files, &[]);
        let said_real = text(&real.stderr);
        assert_eq!(
            number_before(&said_real, " addresses newly suppressed"),
            would,
            "{said_real}"
        );
        // Once recorded, a dry run over the same bounces would suppress nothing more, in
        // Japanese too, and leaves the ledger as it was.
        let before = db.snapshot();
        let again = bouncedoc()
            .args([
                "ingest",
                "--dry-run",
                "--lang",
                "ja",
                "--database",
                &db.url(),
            ])
            .args(&files)
            .output()
            .unwrap();
        let said = text(&again.stderr);
        assert!(
            said.contains("試行のみ（何も書き込んでいません）"),
            "{said}"
        );
        assert!(
            said.contains("記録すると 0 件のアドレスが配信停止になります"),
            "{said}"
        );
        assert!(said.contains("ハードバウンス "), "{said}");
        assert_eq!(db.snapshot(), before, "{}", db.kind());
    }
}

#[test]
fn ingest_speaks_japanese_when_asked() {
    let db = sqlite();
    let files = distinct_bsd();
    let out = bouncedoc()
        .args(["ingest", "--lang", "ja", "--database", &db.url()])
        .args(&files[..20])
        .output()
        .unwrap();
    let said = text(&out.stderr);
    assert!(
        said.contains("20 通のメールを") && said.contains("新たに配信停止したアドレス"),
        "{said}"
    );
    assert!(
        said.contains("理由：") && !said.contains("Reason:"),
        "{said}"
    );
}

#[test]
fn the_line_format_gives_one_line_per_record() {
    let files: Vec<PathBuf> = distinct_bsd()
        .into_iter()
        .filter(|f| !f.file_name().unwrap().to_string_lossy().starts_with("arf"))
        .step_by(40)
        .collect();
    let (jsonl, _, _) = output(&["parse", "--quiet", "--format", "jsonl"], &files);
    for lang in ["en", "ja"] {
        let (lines, _, code) = output(
            &["parse", "--quiet", "--format", "line", "--lang", lang],
            &files,
        );
        assert_eq!(code, Some(0));
        assert_eq!(lines.lines().count(), jsonl.lines().count(), "{lines}");
        let shown: String = lines.lines().map(|l| format!("{l}\n")).collect();
        insta::assert_snapshot!(format!("line-format-{lang}"), shown);
    }
}

#[test]
fn progress_is_shown_when_asked_and_not_in_a_pipe() {
    let files = distinct_bsd();
    let (_, summary, _) = output(&["parse", "--format", "jsonl"], &files);
    assert!(
        !summary.contains("read ("),
        "no progress in a pipe: {summary}"
    );
    let n = number_before(&summary, " messages: ");
    for (lang, words, count) in [
        ("en", " read (", format!("{n} messages")),
        ("ja", " 読み込み済み（", format!("メール {n} 通")),
    ] {
        let out = bouncedoc()
            .env("BOUNCEDOC_PROGRESS", "always")
            .args(["parse", "--quiet", "--format", "jsonl", "--lang", lang])
            .args(&files)
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(err.contains(words) && err.contains(&count), "{lang}: {err}");
        let db = sqlite();
        let out = bouncedoc()
            .env("BOUNCEDOC_PROGRESS", "always")
            .args(["ingest", "--quiet", "--lang", lang, "--database", &db.url()])
            .args(&files)
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(
            err.contains(words) && err.contains(&count),
            "ingest {lang}: {err}"
        );
    }
}

#[test]
fn the_bounce_mailbox_speaks_japanese_too() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("password");
    std::fs::write(&empty, "").unwrap();
    for (args, words) in [
        (
            vec!["ingest", "--lang", "ja", "--follow", "x.eml"],
            "--follow はメールボックスのアドレス",
        ),
        (
            vec![
                "ingest",
                "--lang",
                "ja",
                "imaps://u@127.0.0.1:1/INBOX",
                "x.eml",
            ],
            "メールボックスのアドレスは単独で指定してください",
        ),
        (
            vec!["ingest", "--lang", "ja", "imaps://u@127.0.0.1:1/INBOX"],
            "メールボックスのパスワードが必要です",
        ),
        (
            vec![
                "ingest",
                "--lang",
                "ja",
                "--dry-run",
                "--follow",
                "imaps://u@127.0.0.1:1/INBOX",
            ],
            "--follow は付けないでください",
        ),
    ] {
        let out = bouncedoc()
            .env_remove("BOUNCEDOC_MAILBOX_PASSWORD")
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(words), "{args:?}: {err}");
    }
    for (url, words) in [
        ("imaps://u@127.0.0.1:1/INBOX", "127.0.0.1:1 への接続"),
        (
            "imaps://u:secret@127.0.0.1:1/INBOX",
            "パスワードが含まれています",
        ),
        (
            "pop3s://u@127.0.0.1:1/INBOX",
            "POP3 にはフォルダーがありません",
        ),
    ] {
        let out = bouncedoc()
            .env("BOUNCEDOC_MAILBOX_PASSWORD", "secret")
            .current_dir(dir.path())
            .args(["ingest", "--lang", "ja", url])
            .output()
            .unwrap();
        let err = text(&out.stderr);
        assert!(
            err.contains(words) && !err.contains("refused"),
            "{url}: {err}"
        );
    }
    let out = bouncedoc()
        .current_dir(dir.path())
        .args(["ingest", "--lang", "ja", "--password-file"])
        .arg(&empty)
        .arg("imaps://u@127.0.0.1:1/INBOX")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(
        err.contains("パスワードファイル") && err.contains("が空です"),
        "{err}"
    );
}
