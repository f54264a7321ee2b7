//! The command line as a user meets it: exit statuses, errors, the locale, the other
//! subcommands.

mod support;
use support::bouncedoc;

use serde_json::Value;

#[test]
fn empty_input_is_a_clear_error_with_status_2() {
    let out = bouncedoc()
        .arg("explain")
        .write_stdin("  \n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn arguments_are_joined_into_one_text() {
    let out = bouncedoc()
        .args([
            "explain", "--format", "json", "550", "5.1.1", "User", "unknown",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["status"], "5.1.1");
    assert_eq!(v["reason"], "userunknown");
}

#[test]
fn unrecognized_text_exits_1_with_a_low_confidence_answer() {
    let out = bouncedoc()
        .args(["explain", "--format", "json", "hello there, how are you"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reason"], "undefined");
    assert_eq!(v["confidence"], "low");
}

#[test]
fn binary_garbage_on_stdin_never_panics() {
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let out = bouncedoc()
        .args(["explain", "--format", "json"])
        .write_stdin(bytes)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["confidence"], "low");
}

#[test]
fn language_comes_from_the_locale_unless_given() {
    let out = bouncedoc()
        .env("LANG", "ja_JP.UTF-8")
        .args(["explain", "--format", "json", "552 5.2.2 over quota"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "ja");
    let out = bouncedoc()
        .env("LANG", "ja_JP.UTF-8")
        .args([
            "explain",
            "--lang",
            "en",
            "--format",
            "json",
            "552 5.2.2 over quota",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "en");
    let out = bouncedoc()
        .env("LC_ALL", "fr_FR.UTF-8")
        .args(["explain", "--format", "json", "552 5.2.2 over quota"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["lang"], "en",
        "a locale we do not speak falls back to English"
    );
}

#[test]
fn a_bad_language_is_a_usage_error() {
    let out = bouncedoc()
        .args(["explain", "--lang", "de", "550"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn codes_lists_the_registry_and_explains_one() {
    let out = bouncedoc()
        .args(["codes", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    for want in ["550", "421", "X.1.1", "X.2.2", "X.7.26", "X.7.1"] {
        assert!(
            codes.contains(&want),
            "{want} missing from `bouncedoc codes`"
        );
    }
    let out = bouncedoc()
        .args(["codes", "5.7.26", "--lang", "ja"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("5.7.26"), "{text}");
    let out = bouncedoc().args(["codes", "5.7.999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = bouncedoc().args(["codes", "hello"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reasons_documents_every_reason_in_both_languages() {
    for lang in ["en", "ja"] {
        let out = bouncedoc()
            .args(["reasons", "--format", "json", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let list = v.as_array().unwrap();
        assert_eq!(list.len(), 36);
        for r in list {
            for field in ["title", "summary", "meaning"] {
                let s = r[field].as_str().unwrap();
                assert!(
                    !s.trim().is_empty() && s != "TODO",
                    "{} {field} ({lang})",
                    r["id"]
                );
            }
            assert!(!r["causes"].as_array().unwrap().is_empty());
        }
    }
    let out = bouncedoc().args(["reasons", "nonsense"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `explain` takes the context a report gives the words (its stage, its format, a whole
/// report), and answers as `parse` answers for that report's recipient.
#[test]
fn explain_reads_the_words_in_the_context_given() {
    let reason = |args: &[&str]| -> String {
        let out = bouncedoc()
            .args(["explain", "--format", "json"])
            .args(args)
            .arg("550 Unknown user kijitora@example.jp")
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["reason"].as_str().unwrap().to_string()
    };
    // A bare reply: the words alone.
    assert_eq!(reason(&[]), "userunknown");
    // In a whole report that does not show the answer to RCPT TO: a filter refused it.
    assert_eq!(reason(&["--in-report"]), "filtered");
    assert_eq!(reason(&["--in-report", "--command", "rcpt"]), "userunknown");
    // Refused at the greeting by an Exim-reported server: the sending host.
    assert_eq!(
        reason(&["--server", "exim", "--command", "EHLO"]),
        "blocked"
    );
    let out = bouncedoc()
        .args(["explain", "--command", "QUIT", "550 x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_text_with_nothing_recognized_tells_no_story() {
    for (lang, ask) in [("en", "Paste the whole"), ("ja", "貼り付けてください")] {
        let out = bouncedoc()
            .args(["explain", "--lang", lang, "hello world"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8_lossy(&out.stdout);
        let first_lines: String = text.lines().take(2).collect();
        assert!(first_lines.contains(ask), "{text}");
        for story in [
            "Delivery failed",
            "soft bounce",
            "Who must act",
            "配送できません",
        ] {
            assert!(!text.contains(story), "{story} in {text}");
        }
    }
}
