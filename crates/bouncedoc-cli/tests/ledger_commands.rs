//! `ingest`, `check`, `suppressions` and `unsuppress` as a user meets them, on both back
//! ends (PostgreSQL when `BOUNCEDOC_TEST_POSTGRES` names a server).

mod ledger_support;

use std::io::Write;
use std::process::Stdio;

use bouncedoc_ledger::testing::{Dsn, DsnRecipient, EAGER_POLICY};
use ledger_support::{Db, bouncedoc, databases, ingest, run, sqlite, text, whole_corpus};
use serde_json::Value;

fn list_json(db: &Db, filters: &[&str]) -> Vec<Value> {
    let mut args = vec!["suppressions", "--format", "json"];
    args.extend_from_slice(filters);
    let out = run(db, &args);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// A delivery status notification for one recipient, without a Date (so that its time is
/// the file's, that is now), and with a Message-ID of its own.
fn dsn(recipient: &str, status: &str, words: &str) -> String {
    Dsn::failure(vec![DsnRecipient::failed(recipient, status, words)])
        .with_message_id(&format!("<{recipient}.{status}@mx.example.net>"))
        .message()
}

#[test]
fn check_says_whether_to_send_and_why_not() {
    for db in databases("check") {
        ingest(&db, &whole_corpus(), &[]);
        let list = list_json(&db, &[]);
        let hard = list
            .iter()
            .find(|s| s["rule"] == "hard")
            .expect("the corpus has hard bounces");
        let address = hard["address"].as_str().unwrap();
        assert!(!hard["events"].as_array().unwrap().is_empty());
        assert!(hard["since"].as_str().unwrap().ends_with('Z'));

        let ok = run(&db, &["check", "nobody-ever-bounced@example.org"]);
        assert_eq!(ok.status.code(), Some(0), "{}", db.kind());
        assert!(
            text(&ok.stdout).contains("ok to send"),
            "{}",
            text(&ok.stdout)
        );

        let out = run(
            &db,
            &[
                "check",
                "nobody-ever-bounced@example.org",
                &address.to_uppercase(),
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: {}",
            db.kind(),
            text(&out.stderr)
        );
        let said = text(&out.stdout);
        assert!(said.contains(&format!("{address}: SUPPRESSED")), "{said}");
        assert!(said.contains("by rule hard"), "{said}");
        assert!(said.contains("hard bounce:"), "{said}");

        let out = run(&db, &["check", "--format", "jsonl", address]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["status"], "suppressed");
        assert_eq!(v["suppression"]["rule"], "hard");
    }
}

#[test]
fn a_full_mailbox_says_wait_then_unsuppress_lifts_and_is_kept() {
    for db in databases("wait") {
        let dir = tempfile::tempdir().unwrap();
        let full = dir.path().join("full.eml");
        std::fs::write(
            &full,
            dsn("hanako@example.jp", "4.2.2", "452 4.2.2 Mailbox full"),
        )
        .unwrap();
        let gone = dir.path().join("gone.eml");
        std::fs::write(
            &gone,
            dsn(
                "taro@example.jp",
                "5.1.1",
                "550 5.1.1 <taro@example.jp>... User unknown",
            ),
        )
        .unwrap();
        ingest(&db, &[full, gone], &[]);

        let out = run(&db, &["check", "hanako@example.jp"]);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{}: {}",
            db.kind(),
            text(&out.stdout)
        );
        assert!(
            text(&out.stdout).contains("wait until"),
            "{}",
            text(&out.stdout)
        );

        let out = run(&db, &["check", "taro@example.jp"]);
        assert_eq!(out.status.code(), Some(1), "{}", db.kind());

        let out = run(
            &db,
            &[
                "unsuppress",
                "Taro@Example.jp",
                "--reason",
                "typo fixed",
                "--by",
                "ops",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("suppression lifted"),
            "{}",
            text(&out.stdout)
        );
        let out = run(&db, &["check", "taro@example.jp"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
        assert!(list_json(&db, &[]).is_empty(), "{}", db.kind());
        let all = list_json(&db, &["--all"]);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0]["lifted"]["reason"], "typo fixed");
        assert_eq!(all[0]["lifted"]["who"], "ops");

        let out = run(&db, &["unsuppress", "taro@example.jp"]);
        assert_eq!(out.status.code(), Some(2), "--reason is required");
    }
}

#[test]
fn suppressions_filter_and_export() {
    let db = sqlite();
    ingest(&db, &whole_corpus(), &[]);
    let all = list_json(&db, &[]);
    assert!(all.len() > 50);
    let out = run(&db, &["suppressions", "--format", "csv"]);
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("address,domain,since,reason,rule,why,who,events,lifted_at,lifted_by,lifted_because")
    );
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), all.len());

    let domain = all[0]["domain"].as_str().unwrap();
    let by_domain = list_json(&db, &["--domain", &domain.to_uppercase()]);
    assert!(!by_domain.is_empty());
    assert!(by_domain.iter().all(|s| s["domain"] == domain));

    let full = list_json(&db, &["--reason", "mailboxfull"]);
    assert!(full.iter().all(|s| s["reason"] == "mailboxfull"));
    // The corpus's soft runs are the carriers' ambiguous refusals, which the `carrier` rule
    // reads; its complaints give the rule filter something to find.
    let feedback = list_json(&db, &["--rule", "feedback"]);
    assert!(!feedback.is_empty() && feedback.iter().all(|s| s["rule"] == "feedback"));
    let soft = list_json(&db, &["--rule", "soft"]);
    assert!(soft.iter().all(|s| s["rule"] == "soft"));

    let early = list_json(&db, &["--until", "2010-01-01"]);
    let late = list_json(&db, &["--since", "2010-01-01"]);
    assert_eq!(early.len() + late.len(), all.len());
    assert!(early.iter().all(|s| s["since"].as_str().unwrap() < "2010"));

    let out = run(&db, &["suppressions", "--since", "last tuesday"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not a date"),
        "{}",
        text(&out.stderr)
    );
    let out = run(&db, &["suppressions", "--reason", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));

    let human = run(&db, &["suppressions"]);
    let shown = text(&human.stdout);
    assert!(
        shown.contains(all[0]["address"].as_str().unwrap()),
        "{shown}"
    );
    assert!(text(&human.stderr).contains(&format!("{} suppressions", all.len())));
}

#[test]
fn only_ingest_creates_a_ledger() {
    let db = sqlite();
    for args in [
        &["check", "a@example.jp"][..],
        &["suppressions"],
        &["unsuppress", "a@example.jp", "--reason", "x"],
    ] {
        let out = run(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains("no ledger"),
            "{}",
            text(&out.stderr)
        );
    }
    assert!(!std::path::Path::new(&db.url()).exists());

    let mut child = bouncedoc()
        .args(["ingest", "--database", &db.url(), "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dsn("jiro@example.jp", "5.1.1", "550 5.1.1 User unknown").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("1 new"), "{}", text(&out.stderr));
    assert_eq!(
        run(&db, &["check", "jiro@example.jp"]).status.code(),
        Some(1)
    );
}

#[test]
fn the_policy_can_be_shown_and_changed() {
    let out = bouncedoc()
        .args(["ingest", "--print-policy"])
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(
        shown.contains("[mailboxfull]") && shown.contains("# "),
        "{shown}"
    );
    assert_eq!(shown, bouncedoc_ledger::DEFAULT_POLICY);

    let dir = tempfile::tempdir().unwrap();
    let lenient = dir.path().join("lenient.toml");
    std::fs::write(&lenient, "[hard]\nenabled = false\n[soft]\ncount = 1000\n").unwrap();
    let strict = sqlite();
    let relaxed = sqlite();
    ingest(&strict, &whole_corpus(), &[]);
    ingest(
        &relaxed,
        &whole_corpus(),
        &["--policy", lenient.to_str().unwrap()],
    );
    let (s, r) = (list_json(&strict, &[]), list_json(&relaxed, &[]));
    assert!(r.len() < s.len(), "{} vs {}", r.len(), s.len());
    assert!(r.iter().all(|x| x["rule"] != "hard" && x["rule"] != "soft"));
    assert!(
        r.iter()
            .all(|x| x["who"] == format!("policy:{}", lenient.display()))
    );

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[soft]\ncuont = 3\n").unwrap();
    let out = bouncedoc()
        .args([
            "ingest",
            "--policy",
            broken.to_str().unwrap(),
            "--print-policy",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("cuont"), "{}", text(&out.stderr));
}

/// `count` delay warnings for `address`, a few hours apart, each its own message: what a
/// server that cannot reach the recipient's sends while it keeps trying.
fn warnings(dir: &std::path::Path, address: &str, count: usize) -> Vec<std::path::PathBuf> {
    let words = [
        (
            "4.4.1",
            "421 4.4.1 connect to mx.example.jp: Connection timed out",
        ),
        (
            "4.4.2",
            "421 4.4.2 lost connection with mx.example.jp while sending RCPT TO",
        ),
        (
            "4.3.0",
            "451 4.3.0 Temporary system problem, try again later",
        ),
        ("4.2.2", "452 4.2.2 Mailbox full"),
    ];
    (0..count)
        .map(|i| {
            let (status, said) = words[i % words.len()];
            let message = Dsn::warning(vec![DsnRecipient::delayed(address, status, said)])
                .dated(&format!(
                    "Wed, {} May 2024 {:02}:00:00 +0000",
                    1 + i / 4,
                    (i % 4) * 6
                ))
                .with_message_id(&format!("<warning-{i}@mx.example.net>"))
                .message();
            let path = dir.join(format!("warning-{i:03}.eml"));
            std::fs::write(&path, message).unwrap();
            path
        })
        .collect()
}

#[test]
fn no_number_of_warnings_suppresses_an_address() {
    let dir = tempfile::tempdir().unwrap();
    let eager = dir.path().join("eager.toml");
    std::fs::write(&eager, EAGER_POLICY).unwrap();
    let address = "taro@example.jp";
    let files = warnings(dir.path(), address, 40);
    for policy in [None, Some(eager.to_str().unwrap())] {
        for db in databases("warnings") {
            let extra: Vec<&str> = policy.map_or(vec![], |p| vec!["--policy", p]);
            let out = ingest(&db, &files, &extra);
            let said = text(&out.stderr);
            assert!(said.contains("40 events (40 new"), "{}: {said}", db.kind());
            assert!(
                said.contains("0 addresses newly suppressed"),
                "{}, {policy:?}: {said}",
                db.kind()
            );
            let mut args = vec!["check", "--format", "jsonl", address];
            args.extend(&extra);
            let out = run(&db, &args);
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_ne!(v["status"], "suppressed", "{}, {policy:?}: {v}", db.kind());
            assert_ne!(out.status.code(), Some(1), "{}: {v}", db.kind());
            assert_eq!(v["bounces"], 40, "the warnings are kept and shown: {v}");
            assert_eq!(v["last"]["action"], "delayed", "{v}");
            assert!(list_json(&db, &[]).is_empty(), "{}", db.kind());
        }
    }
}

#[test]
fn check_after_an_unsuppress_shows_the_history_in_either_language() {
    for db in databases("history") {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone.eml");
        std::fs::write(
            &gone,
            dsn(
                "jiro@example.jp",
                "5.1.1",
                "550 5.1.1 <jiro@example.jp>... User unknown",
            ),
        )
        .unwrap();
        ingest(&db, &[gone], &[]);
        let out = run(&db, &["check", "--lang", "ja", "jiro@example.jp"]);
        assert_eq!(out.status.code(), Some(1), "{}", db.kind());
        let said = text(&out.stdout);
        assert!(said.contains("jiro@example.jp：送信停止中"), "{said}");
        assert!(
            said.contains("宛先のアドレスが存在しない（userunknown）"),
            "{said}"
        );

        let out = run(
            &db,
            &[
                "unsuppress",
                "--lang",
                "ja",
                "jiro@example.jp",
                "--reason",
                "本人に確認済み",
                "--by",
                "ops",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("送信停止を解除しました"),
            "{}",
            text(&out.stdout)
        );

        let out = run(&db, &["check", "jiro@example.jp"]);
        assert_eq!(out.status.code(), Some(0), "{}", db.kind());
        let said = text(&out.stdout);
        assert!(
            said.contains("ok to send (no bounce since it was unsuppressed)"),
            "{said}"
        );
        assert!(said.contains("unsuppressed"), "{said}");
        assert!(
            said.contains("by ops (本人に確認済み); 1 earlier bounce kept"),
            "{said}"
        );

        let out = run(&db, &["check", "--lang", "ja", "jiro@example.jp"]);
        let said = text(&out.stdout);
        assert!(
            said.contains("送信できます（送信停止の解除後、エラーメールはありません）"),
            "{said}"
        );
        assert!(
            said.contains("それ以前のエラーメール 1 件は履歴に残り"),
            "{said}"
        );

        let out = run(&db, &["check", "--format", "jsonl", "jiro@example.jp"]);
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["unsuppressed"]["reason"], "本人に確認済み");
        assert_eq!(v["bounces_before"], 1);
        assert_eq!(v["bounces"], 0);

        let out = run(&db, &["suppressions", "--lang", "ja", "--all"]);
        assert!(
            text(&out.stderr).contains("送信停止 1 件（うち有効 0 件）"),
            "{}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stdout).contains("に ops が解除：本人に確認済み"),
            "{}",
            text(&out.stdout)
        );
    }
}

#[test]
fn errors_are_said_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let out = bouncedoc()
        .args(["suppressions", "--lang", "ja", "--database"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out.stderr);
    assert!(said.contains("を開けませんでした"), "{said}");
    assert!(said.contains("に台帳がありません"), "{said}");
    assert!(!said.contains("no ledger at"), "{said}");

    let out = bouncedoc()
        .args([
            "logs",
            "--lang",
            "ja",
            "--since",
            "2026-01-02",
            "--until",
            "2026-01-01",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--since には --until より前の日時を指定してください"),
        "{}",
        text(&out.stderr)
    );

    let out = bouncedoc()
        .args([
            "unsuppress",
            "--lang",
            "en",
            "a@example.jp",
            "--reason",
            " ",
            "--database",
        ])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(
        text(&out.stderr).contains("--reason must say why"),
        "{}",
        text(&out.stderr)
    );
}
