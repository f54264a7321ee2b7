//! What a person asks after an answer, through the real binary: a mistyped code or reason
//! gets the nearest known ones; an inferred code is explained as inferred; `check` names
//! what is not an address; `ingest` leaves its own database alone.

mod support;
use support::bouncedoc;

use serde_json::Value;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = bouncedoc().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_mistyped_code_gets_the_nearest_codes() {
    let (code, out, err) = run(&["codes", "5.1.l"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("did you mean 5.1.1"), "{err}");
    let (_, _, err) = run(&["codes", "--lang", "ja", "5.1.l"]);
    assert!(err.contains("もしかして：5.1.1"), "{err}");
    assert!(err.contains("一覧"), "{err}");
}

#[test]
fn a_mistyped_reason_gets_the_nearest_reasons() {
    let (code, _, err) = run(&["reasons", "mailboxful"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("did you mean mailboxfull?"), "{err}");
    let (_, _, err) = run(&["reasons", "--lang", "ja", "filterd"]);
    assert!(
        err.contains("`filterd` という理由はありません。もしかして：filtered"),
        "{err}"
    );
    // Far from every reason: no guess.
    let (_, _, err) = run(&["reasons", "pizza"]);
    assert!(!err.contains("did you mean"), "{err}");
    // Case does not matter.
    let (code, out, _) = run(&["reasons", "MailboxFull"]);
    assert_eq!(code, Some(0));
    assert!(out.starts_with("mailboxfull"));
}

#[test]
fn an_inferred_code_is_explained_as_inferred() {
    // The code a diagnosis reports when the words carry none ...
    let out = bouncedoc()
        .args(["explain", "--format", "json", "--in-report"])
        .arg("550 Unknown user kijitora@example.jp")
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status_source"], "inferred", "{v}");
    let status = v["status"].as_str().unwrap().to_string();
    // ... is one `codes` explains, in both languages.
    for (lang, words) in [("en", "inferred"), ("ja", "推定")] {
        let (code, out, _) = run(&["codes", "--lang", lang, &status]);
        assert_eq!(code, Some(0), "{status}");
        assert!(out.contains(words), "{out}");
        assert!(out.contains(v["reason"].as_str().unwrap()), "{out}");
    }
    let (_, out, _) = run(&["codes", "--format", "json", &status]);
    let entry: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(entry["kind"], "inferred");
    // The list holds them, marked.
    let (_, out, _) = run(&["codes"]);
    let line = out
        .lines()
        .find(|l| l.starts_with(&status))
        .expect("listed");
    assert!(line.contains("(inferred"), "{line}");
    // A 9xx number no reason has is still not in the registry.
    let (code, _, err) = run(&["codes", "5.0.999"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("not in the registry"), "{err}");
}

#[test]
fn check_names_what_is_not_an_address_and_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let db = db.to_str().unwrap();
    // An empty ledger.
    let out = bouncedoc()
        .args(["ingest", "--quiet", "--database", db])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(out.status.success() || out.status.code() == Some(1));
    let (code, out, err) = run(&[
        "check",
        "--database",
        db,
        "not-an-address",
        "taro@example.jp",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`not-an-address` is not an email address"),
        "{err}"
    );
    assert!(out.contains("taro@example.jp: ok to send"), "{out}");
    assert!(!out.contains("not-an-address"), "{out}");
    let out = bouncedoc()
        .env("LANG", "ja_JP.UTF-8")
        .args(["check", "--database", db, "taro@"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("メールアドレス（名前@ドメイン）ではありません"),
        "{err}"
    );
}

const BOUNCE: &str = "From: MAILER-DAEMON@example.jp
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: rfc822; a@example.jp
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <a@example.jp>: Recipient address rejected: User unknown

--B--
";

#[test]
fn ingest_skips_its_own_database_in_the_folder_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bounce.eml"), BOUNCE).unwrap();
    let db = dir.path().join("bouncedoc.db");
    for round in 0..2 {
        let out = bouncedoc()
            .current_dir(dir.path())
            .args(["ingest", "--database"])
            .arg(&db)
            .arg(".")
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(0), "round {round}: {err}");
        if round == 1 {
            assert_eq!(err.matches("skipping").count(), 1, "{err}");
            assert!(err.contains("this ledger's own database"), "{err}");
        }
        assert!(err.contains("0 unreadable"), "{err}");
        assert!(err.contains("0 not bounces"), "{err}");
    }
}

/// Errors, unreadable inputs and the closing summary speak the user's language: no raw
/// operating-system wording, no reason or party ids in a Japanese summary.
#[test]
fn errors_and_summaries_speak_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let out = bouncedoc()
        .env("LANG", "ja_JP.UTF-8")
        .args(["ingest", "--database"])
        .arg(dir.path().join("l.db"))
        .arg("--policy")
        .arg(&missing)
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("そのファイルはありません"), "{err}");
    assert!(!err.contains("os error"), "{err}");

    let bounce = dir.path().join("bounce.eml");
    std::fs::write(&bounce, BOUNCE).unwrap();
    let out = bouncedoc()
        .args(["parse", "--lang", "ja"])
        .arg(&bounce)
        .arg(dir.path().join("gone.eml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("gone.eml: 読み取れませんでした： ファイルがありません"),
        "{stdout}"
    );
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(
        summary.contains("理由：宛先のアドレスが存在しない 1"),
        "{summary}"
    );
    assert!(
        summary.contains("対応が必要な人：送信者（あなた） 1"),
        "{summary}"
    );
    assert!(!summary.contains("userunknown"), "{summary}");
}

/// A mistyped domain of a big provider or a Japanese carrier gets the address that was
/// probably meant, from `explain` and from `check`.
#[test]
fn a_mistyped_provider_domain_gets_the_address_meant() {
    for (text, lang, words) in [
        (
            "550 5.1.2 <taro@gmial.com>: Host or domain name not found",
            "en",
            "Did you mean taro@gmail.com?",
        ),
        (
            "550 5.1.1 <hanako@docomo.ne.j>: unknown user",
            "ja",
            "hanako@docomo.ne.jp の打ち間違いではありませんか",
        ),
    ] {
        let (_, out, _) = run(&["explain", "--lang", lang, text]);
        assert!(out.contains(words), "{out}");
    }
    let (_, out, _) = run(&["explain", "550 5.1.1 <taro@gmail.com>: User unknown"]);
    assert!(!out.contains("Did you mean"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let db = db.to_str().unwrap();
    bouncedoc()
        .args(["ingest", "--quiet", "--database", db])
        .write_stdin("")
        .output()
        .unwrap();
    let (code, out, err) = run(&[
        "check",
        "--database",
        db,
        "taro@gmial.com",
        "jiro@gmail.com",
    ]);
    assert_eq!(code, Some(0));
    assert!(out.contains("taro@gmial.com: ok to send"), "{out}");
    assert!(
        err.contains("taro@gmial.com: Did you mean taro@gmail.com?"),
        "{err}"
    );
    assert!(!err.contains("jiro@"), "{err}");
}
