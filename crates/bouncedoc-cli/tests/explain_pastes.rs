//! `explain` on what a person actually has in hand: a whole bounce pasted or saved, with
//! several recipients; a bounce forwarded by a colleague; an Outlook `.msg` file; the path
//! of a file. Through the real binary; the human output fixed by snapshots.

mod support;
use support::bouncedoc;

use bouncedoc_mail::msg::testing::{Attachment, msg};
use serde_json::Value;

/// A Postfix bounce's body, as copied out of a mail program: two recipients, two causes.
const POSTFIX_BODY: &str = "This is the mail system at host mail.example.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <taro@example.jp>:
    Recipient address rejected: User unknown in local recipient table (in reply to
    RCPT TO command)

<hanako@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2
    <hanako@example.org>: Mailbox full (in reply to RCPT TO command)
";

fn whole_bounce() -> String {
    format!(
        "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\nDate: Mon, 7 Dec 2026 09:00:00 +0900\n\n{POSTFIX_BODY}"
    )
}

/// A bounce a colleague forwarded as an attachment.
fn forwarded_as_attachment() -> String {
    format!(
        "From: Hanako <hanako@example.co.jp>\nTo: helpdesk@example.co.jp\nSubject: Fwd: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: text/plain\n\nCould you look at this?\n\n--X\nContent-Type: message/rfc822\n\n{}\n--X--\n",
        whole_bounce()
    )
}

/// An Exchange bounce forwarded inline from Japanese Outlook.
const OUTLOOK_FORWARD_JA: &str = "From: Hanako <hanako@example.co.jp>
To: helpdesk@example.co.jp
Subject: =?UTF-8?B?6Lui6YCBOiDphY3kv6HkuI3og706IOS8muitsOOBruS7tg==?=
Content-Type: text/plain; charset=UTF-8

よろしくお願いします。

From: Microsoft Outlook <postmaster@example.co.jp>
Sent: Monday, December 7, 2026 9:00 AM
To: hanako@example.co.jp
Subject: 配信不能: 会議の件

Delivery has failed to these recipients or groups:

jiro@example.org
The email address you entered couldn't be found.

Diagnostic information for administrators:
Generating server: mail.example.co.jp
jiro@example.org
Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'
";

fn run_stdin(args: &[&str], input: &str) -> (Option<i32>, String, String) {
    let out = bouncedoc().args(args).write_stdin(input).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn recipients(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("an array for several recipients")
        .iter()
        .map(|d| d["recipient"].as_str().unwrap_or("?").to_string())
        .collect()
}

#[test]
fn every_recipient_of_a_pasted_bounce_is_answered() {
    for input in [whole_bounce(), POSTFIX_BODY.to_string()] {
        let (code, out, _) = run_stdin(&["explain", "--format", "json", "--lang", "en"], &input);
        assert_eq!(code, Some(0));
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);
        assert_eq!(v[0]["reason"], "userunknown");
        assert_eq!(v[1]["reason"], "mailboxfull");
    }
}

#[test]
fn several_recipients_read_one_after_the_other_for_a_person() {
    for lang in ["en", "ja"] {
        let (code, out, _) = run_stdin(&["explain", "--lang", lang], &whole_bounce());
        assert_eq!(code, Some(0));
        insta::assert_snapshot!(format!("two-recipients-{lang}"), out);
    }
}

/// An Exim bounce's body, copied without its headers.
const EXIM_BODY: &str = "This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  taro@example.jp
    host mx.example.jp [192.0.2.1]
    SMTP error from remote mail server after RCPT TO:<taro@example.jp>:
    550 5.1.1 User unknown
  hanako@example.org
    host mx.example.org [192.0.2.2]
    SMTP error from remote mail server after RCPT TO:<hanako@example.org>:
    452 4.2.2 Mailbox full
";

#[test]
fn every_recipient_of_a_pasted_exim_body() {
    let (code, out, _) = run_stdin(&["explain", "--format", "json"], EXIM_BODY);
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);
}

/// A note that names two addresses is no bounce: it is answered as words, once.
#[test]
fn a_note_with_addresses_is_not_taken_for_a_bounce() {
    let (code, out, _) = run_stdin(
        &["explain", "--format", "json"],
        "Hi all,\nplease send it to taro@example.jp and hanako@example.org by Friday.\nThanks\n",
    );
    assert_eq!(code, Some(1));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.is_object(), "{v}");
    assert_eq!(v["recognized"], false);
}

#[test]
fn a_single_reply_still_gives_one_object() {
    let (_, out, _) = run_stdin(
        &["explain", "--format", "json"],
        "550 5.1.1 <hanako@example.co.jp>... User unknown",
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(v.is_object());
    assert_eq!(v["reason"], "userunknown");
}

#[test]
fn a_file_argument_is_read_as_the_message_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bounce.eml");
    std::fs::write(&path, whole_bounce()).unwrap();
    let out = bouncedoc()
        .args(["explain", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);
}

#[test]
fn a_missing_file_or_a_folder_is_a_clear_error_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("bounce.eml");
    for (lang, missing_words, folder_words) in [
        ("en", "there is no file", "is a folder"),
        ("ja", "はありません", "はフォルダーです"),
    ] {
        let out = bouncedoc()
            .args(["explain", "--lang", lang])
            .arg(&missing)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(missing_words), "{err}");
        assert!(!err.contains("os error"), "{err}");
        let out = bouncedoc()
            .args(["explain", "--lang", lang])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(folder_words) && err.contains("bouncedoc parse"),
            "{err}"
        );
    }
}

#[test]
fn a_bounce_forwarded_as_an_attachment_is_the_bounce_it_forwards() {
    let (code, out, _) = run_stdin(&["explain", "--format", "json"], &forwarded_as_attachment());
    assert_eq!(code, Some(0));
    let v: Value = serde_json::from_str(&out).unwrap();
    // The colleague who forwarded it is not a recipient.
    assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);
    let (_, out, _) = run_stdin(&["explain", "--lang", "en"], &forwarded_as_attachment());
    assert!(out.starts_with("(The bounce attached to this forwarded message was read.)"));
}

#[test]
fn a_bounce_forwarded_inline_from_japanese_outlook_is_answered_in_japanese() {
    let (code, out, _) = run_stdin(&["explain"], OUTLOOK_FORWARD_JA);
    assert_eq!(code, Some(0));
    assert!(out.contains("jiro@example.org"), "{out}");
    insta::assert_snapshot!("outlook-forward-ja", out);
}

#[test]
fn an_outlook_msg_file_is_read_as_the_message_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let headers = "From: MAILER-DAEMON@mail.example.com\r\nTo: sender@example.com\r\nSubject: Undelivered Mail Returned to Sender\r\nContent-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"gone\"\r\n";
    let body = POSTFIX_BODY.replace('\n', "\r\n");
    let path = dir.path().join("bounce.msg");
    std::fs::write(&path, msg(&[("007D", headers), ("1000", &body)], &[])).unwrap();
    let out = bouncedoc()
        .args(["explain", "--format", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);

    // Forwarded from Outlook with the bounce attached as a message of its own.
    let forward = dir.path().join("forward.msg");
    let inner: &[(&str, &str)] = &[("007D", headers), ("1000", &body)];
    std::fs::write(
        &forward,
        msg(
            &[("0037", "FW: Undelivered Mail"), ("1000", "FYI")],
            &[Attachment::Embedded(inner)],
        ),
    )
    .unwrap();
    let out = bouncedoc()
        .args(["explain", "--format", "json"])
        .arg(&forward)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(recipients(&v), ["taro@example.jp", "hanako@example.org"]);
}

/// `parse` reads a `.msg` file as the message it holds, and says in the user's language
/// when one holds none.
#[test]
fn parse_reads_outlook_msg_files() {
    let dir = tempfile::tempdir().unwrap();
    let headers =
        "From: MAILER-DAEMON@mail.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n";
    let body = POSTFIX_BODY.replace('\n', "\r\n");
    std::fs::write(
        dir.path().join("bounce.msg"),
        msg(&[("007D", headers), ("1000", &body)], &[]),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("odd.msg"),
        msg(&[("0037", "only a subject")], &[]),
    )
    .unwrap();
    let out = bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "odd.msg is unreadable");
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let recipients: Vec<&str> = lines
        .iter()
        .filter_map(|l| l["recipient"].as_str())
        .collect();
    assert_eq!(recipients, ["taro@example.jp", "hanako@example.org"]);
    let error = lines.iter().find_map(|l| l["error"].as_str()).unwrap();
    assert!(error.contains("save the message as .eml"), "{error}");
    let out = bouncedoc()
        .args(["parse", "--quiet", "--lang", "ja"])
        .arg(dir.path().join("odd.msg"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(".eml 形式で保存"), "{text}");
}

#[test]
fn a_msg_file_that_holds_no_message_says_to_save_it_as_eml() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.msg");
    std::fs::write(&path, msg(&[("0037", "only a subject")], &[])).unwrap();
    for (lang, words) in [("en", ".eml"), ("ja", "名前を付けて保存")] {
        let out = bouncedoc()
            .args(["explain", "--lang", lang])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(words), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn the_language_follows_the_flag_then_the_environment_then_the_text() {
    let japanese = "メールボックスがいっぱいです";
    let english = "552 5.2.2 Mailbox full";
    let lang_of = |cmd: &mut assert_cmd::Command, text: &str| -> String {
        let out = cmd
            .args(["explain", "--format", "json"])
            .write_stdin(text)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["lang"].as_str().unwrap().to_string()
    };
    // Nothing decides: the text does.
    assert_eq!(lang_of(&mut bouncedoc(), japanese), "ja");
    assert_eq!(lang_of(&mut bouncedoc(), english), "en");
    // A Japanese locale decides before the text; an English one does not make the answer
    // to a Japanese paste English.
    assert_eq!(
        lang_of(bouncedoc().env("LANG", "en_US.UTF-8"), japanese),
        "ja"
    );
    assert_eq!(
        lang_of(bouncedoc().env("LANG", "en_US.UTF-8"), english),
        "en"
    );
    assert_eq!(
        lang_of(bouncedoc().env("LC_MESSAGES", "ja_JP.UTF-8"), english),
        "ja"
    );
    // BOUNCEDOC_LANG before the locale, the flag before everything.
    assert_eq!(
        lang_of(
            bouncedoc()
                .env("LANG", "ja_JP.UTF-8")
                .env("BOUNCEDOC_LANG", "en"),
            japanese
        ),
        "en"
    );
    let out = bouncedoc()
        .env("BOUNCEDOC_LANG", "en")
        .args(["explain", "--lang", "ja", "--format", "json"])
        .write_stdin(english)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["lang"], "ja");
}

#[test]
fn prompts_and_errors_of_explain_speak_japanese() {
    let (code, _, err) = run_stdin(&["explain", "--lang", "ja"], "   \n");
    assert_eq!(code, Some(2));
    assert!(err.contains("入力が空です"), "{err}");
}

/// For a text in which nothing is recognized, the JSON answer says so and carries the texts
/// a person reads on the terminal: no party, and the advice to paste the whole error.
#[test]
fn the_json_of_nothing_recognized_carries_what_a_person_reads() {
    for lang in ["en", "ja"] {
        let (code, json, _) = run_stdin(
            &["explain", "--format", "json", "--lang", lang],
            "hello world",
        );
        assert_eq!(code, Some(1));
        let v: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["recognized"], false);
        assert!(v["party"].is_null(), "{v}");
        let (_, human, _) = run_stdin(&["explain", "--lang", lang], "hello world");
        for text in [
            v["summary"].as_str().unwrap(),
            v["explanation"].as_str().unwrap(),
            v["advice"][0]["text"].as_str().unwrap(),
        ] {
            assert!(human.contains(text), "{lang}: {text} not in {human}");
        }
        assert_eq!(v["advice"].as_array().unwrap().len(), 1);
    }
    let (_, json, _) = run_stdin(&["explain", "--format", "json"], "552 5.2.2 Mailbox full");
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["recognized"], true);
    assert_eq!(v["party"], "recipient");
}
