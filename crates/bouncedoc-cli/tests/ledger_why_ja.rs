//! The reasons the ledger gives (why an address is suppressed, why to wait) in Japanese:
//! `check --lang ja` and `suppressions --lang ja` on a ledger that holds every kind of
//! decision say them without an English sentence, in the human lines, the JSON and the CSV,
//! while the machine fields stay as they are and English stays English.

mod ledger_support;

use std::path::{Path, PathBuf};

use bouncedoc_ledger::testing::{Dsn, DsnRecipient};
use ledger_support::{Db, databases, ingest, run, text};
use serde_json::Value;

/// A failure DSN for `address` on `date` (none: the file's time, that is now).
fn bounce(dir: &Path, address: &str, status: &str, words: &str, date: Option<&str>) -> PathBuf {
    let n = std::fs::read_dir(dir).unwrap().count();
    let mut dsn = Dsn::failure(vec![DsnRecipient::failed(address, status, words)])
        .with_message_id(&format!("<why-{n}@mx.example.net>"));
    if let Some(d) = date {
        dsn = dsn.dated(d);
    }
    let path = dir.join(format!("bounce-{n}.eml"));
    std::fs::write(&path, dsn.message()).unwrap();
    path
}

const HARD: &str = "taro@example.jp";
const SOFT: &str = "jiro@example.jp";
const FULL_LONG: &str = "saburo@example.jp";
const FULL_NOW: &str = "hanako@example.jp";
const CARRIER: &str = "example-ren@docomo.ne.jp";
const ALL: [&str; 5] = [HARD, SOFT, FULL_LONG, FULL_NOW, CARRIER];

/// A ledger with a suppression by each rule the bounces can meet, and a wait.
fn ledger(db: &Db, dir: &Path) {
    let mut files = vec![bounce(
        dir,
        HARD,
        "5.1.1",
        "550 5.1.1 <taro@example.jp>... User unknown",
        Some("Mon, 2 Mar 2026 09:00:00 +0900"),
    )];
    for day in 2..5 {
        files.push(bounce(
            dir,
            SOFT,
            "4.4.7",
            "Message expired: the remote server did not answer",
            Some(&format!("{day} Mar 2026 09:00:00 +0900")),
        ));
    }
    for day in [1, 6, 11, 17] {
        files.push(bounce(
            dir,
            FULL_LONG,
            "4.2.2",
            "452 4.2.2 Mailbox full",
            Some(&format!("{day} Feb 2026 09:00:00 +0900")),
        ));
    }
    files.push(bounce(
        dir,
        FULL_NOW,
        "4.2.2",
        "452 4.2.2 Mailbox full",
        None,
    ));
    for date in [
        "5 Jan 2026 09:00:00 +0900",
        "5 Feb 2026 09:00:00 +0900",
        "8 Mar 2026 09:00:00 +0900",
    ] {
        files.push(bounce(
            dir,
            CARRIER,
            "5.0.0",
            &format!("550 Unknown user {CARRIER}"),
            Some(date),
        ));
    }
    ingest(db, &files, &[]);
}

/// Two words of Latin letters in a row: the start of an English sentence (one id such as
/// `userunknown`, an address or a code is not).
fn english_sentence(line: &str) -> Option<String> {
    let word = |w: &str| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic());
    let words: Vec<&str> = line.split([' ', '(', ')', ':', ',', ';']).collect();
    words
        .windows(2)
        .find(|w| word(w[0]) && word(w[1]))
        .map(|w| w.join(" "))
}

/// The product's own words of a line: an event line's quote of the bounce (after `]: `)
/// is the receiving server's, not ours.
fn own_words(line: &str) -> &str {
    line.split_once("]: ").map_or(line, |(ours, _)| ours)
}

fn assert_japanese(what: &str, said: &str) {
    for line in said.lines() {
        if let Some(words) = english_sentence(own_words(line)) {
            panic!("{what}: English ({words:?}) in {line:?}\n{said}");
        }
    }
}

fn has_kana(s: &str) -> bool {
    s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c))
}

/// Every `why` of a JSON value, wherever it is.
fn whys(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("why", Value::String(s)) => out.push(s.clone()),
                    _ => whys(v, out),
                }
            }
        }
        Value::Array(list) => list.iter().for_each(|v| whys(v, out)),
        _ => {}
    }
}

#[test]
fn check_and_suppressions_say_why_in_japanese() {
    for db in databases("whyja") {
        let dir = tempfile::tempdir().unwrap();
        ledger(&db, dir.path());

        // English first: every kind of decision is there, in the ledger's English.
        let mut args = vec!["check", "--lang", "en"];
        args.extend(ALL);
        let en = text(&run(&db, &args).stdout);
        for words in [
            "hard bounce: userunknown",
            "soft bounces within 7 days",
            "mailbox full 4 times over 16 days",
            "retry after 24 hours",
            "docomo refused 3 times over 62 days",
        ] {
            assert!(en.contains(words), "{}: {words:?} in\n{en}", db.kind());
        }

        args[2] = "ja";
        let out = run(&db, &args);
        let ja = text(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{}: {ja}", db.kind());
        assert_japanese("check --lang ja", &ja);
        for words in [
            "恒久的なエラー（ハードバウンス）が 1 回あったため",
            "7 日以内に一時的なエラー（ソフトバウンス）が 3 回続いたため",
            "メールボックスの容量不足が 16 日間に 4 回続いたため",
            "24 時間あけてから送り直してください",
            "docomo が 62 日間に 3 回受け取りを拒んだため",
        ] {
            assert!(ja.contains(words), "{}: {words:?} in\n{ja}", db.kind());
        }

        let out = run(&db, &["suppressions", "--lang", "ja"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let listed = text(&out.stdout);
        assert_eq!(listed.lines().filter(|l| !l.starts_with(' ')).count(), 4);
        assert_japanese("suppressions --lang ja", &listed);
        assert_japanese("suppressions --lang ja (stderr)", &text(&out.stderr));

        // The JSON: `why` in Japanese, the machine fields as in English.
        let json = |lang: &str| -> Value {
            let out = run(&db, &["suppressions", "--lang", lang, "--format", "json"]);
            serde_json::from_slice(&out.stdout).unwrap()
        };
        let (en, ja) = (json("en"), json("ja"));
        let mut said = Vec::new();
        whys(&ja, &mut said);
        assert_eq!(said.len(), 4, "{ja}");
        for why in &said {
            assert!(has_kana(why) && english_sentence(why).is_none(), "{why}");
        }
        for (e, j) in en.as_array().unwrap().iter().zip(ja.as_array().unwrap()) {
            for field in ["address", "since", "reason", "rule", "who", "events"] {
                assert_eq!(e[field], j[field], "{field}");
            }
        }
        let mut args = vec!["check", "--lang", "ja", "--format", "jsonl"];
        args.extend(ALL);
        let out = run(&db, &args);
        let mut said = Vec::new();
        for line in text(&out.stdout).lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            whys(&v, &mut said);
        }
        assert_eq!(said.len(), 5, "{}", text(&out.stdout));
        for why in &said {
            assert!(has_kana(why) && english_sentence(why).is_none(), "{why}");
        }

        // The CSV a person opens: its `why` column too.
        let out = run(&db, &["suppressions", "--lang", "ja", "--format", "csv"]);
        let mut rows = csv::Reader::from_reader(out.stdout.as_slice());
        let at = rows
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "why")
            .unwrap();
        let column: Vec<String> = rows.records().map(|r| r.unwrap()[at].to_string()).collect();
        assert_eq!(column.len(), 4);
        for why in &column {
            assert!(has_kana(why) && english_sentence(why).is_none(), "{why}");
        }
    }
}
