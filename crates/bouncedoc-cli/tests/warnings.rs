//! Delay warnings are not failures (`shared/spec/diagnosis.md`, "Warnings and other reports
//! that are not failures"): pasted or read from a whole message, through the real CLI.

mod support;
use support::bouncedoc;

use serde_json::Value;

/// Delay notices of several servers and providers, as a person pastes them.
const WARNINGS: &[&str] = &[
    "This is the mail system at host mail.example.com. ####################################################################### # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. # ####################################################################### Your message could not be delivered for more than 4 hour(s). It will be retried until it is 5 day(s) old. <kenji@example.jp>: connect to mx.example.jp[192.0.2.10]:25: Connection timed out",
    "Warning: message 1vAbCd-000123-4x delayed 24 hours. This message was created automatically by mail delivery software. A message that you sent has not yet been delivered to one or more of its recipients after more than 24 hours on the queue.",
    "Warning: could not send message for past 4 hours. The original message was received at Mon, 7 Dec 2026 09:00:00 +0900. ----- Transcript of session follows ----- kenji@example.jp... Deferred: Connection refused by mx.example.jp.",
    "Delivery Status Notification (Delay). Delivery is delayed to these recipients or groups: kenji@example.jp. This message hasn't been delivered yet. Delivery will continue to be attempted.",
    "Delivery incomplete. There was a temporary problem delivering your message to kenji@example.jp. Gmail will retry for 46 more hours. You'll be notified if the delivery fails permanently.",
];

fn explain_json(text: &str, lang: &str) -> Value {
    let out = bouncedoc()
        .args(["explain", "--format", "json", "--lang", lang, text])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_pasted_delay_warning_is_not_a_failure() {
    for text in WARNINGS {
        let v = explain_json(text, "en");
        assert_eq!(v["action"], "delayed", "{text}: {v}");
        assert_eq!(v["hard_bounce"], false, "{text}");
        assert_eq!(v["retry"], "later", "{text}");
        let summary = v["summary"].as_str().unwrap();
        assert!(summary.contains("still trying"), "{text}: {summary}");
        assert!(!summary.contains("gave up"), "{text}: {summary}");
        let ja = explain_json(text, "ja");
        let summary = ja["summary"].as_str().unwrap();
        assert!(
            summary.contains("まだ失敗ではありません"),
            "{text}: {summary}"
        );
        assert!(!summary.contains("あきらめ"), "{text}: {summary}");
    }
}

#[test]
fn a_final_expiry_is_still_a_failure() {
    let v = explain_json(
        "554 5.4.7 Message has been queued too long, giving up",
        "en",
    );
    assert_eq!(v["reason"], "expired");
    assert_ne!(v["action"], "delayed");
}

/// On a terminal a warning is not called a bounce, soft or hard.
#[test]
fn a_warning_is_no_bounce_for_a_person() {
    for (lang, yes, no) in [
        ("en", "No bounce yet", "soft bounce"),
        ("ja", "まだバウンスではありません", "ソフトバウンス"),
    ] {
        let out = bouncedoc()
            .args(["explain", "--lang", lang, WARNINGS[0]])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(yes), "{text}");
        assert!(!text.contains(no), "{text}");
    }
}
