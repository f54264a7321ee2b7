//! Every recipient of a paste, through the real server: `/api/v1/explain` answers on each
//! (the first one's answer in its own fields, all in `recipients`), and the page shows one
//! block per recipient, each headed by the address and its domain, in both languages.

mod common;

use bouncedoc_core::{Answer, Engine, Lang};
use bouncedoc_server::Config;
use common::{Server, form_encode, html_escape};
use serde_json::Value;

/// The body of a Postfix bounce as a person copies it out of a mail program: no headers,
/// two recipients refused for different reasons.
const TWO: &str = "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <taro@example.jp>:\n    Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n<hanako@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2 <hanako@example.org>:\n    Mailbox full (in reply to RCPT TO command)\n";

fn whole() -> String {
    format!(
        "From: MAILER-DAEMON@mail.example.com (Mail Delivery System)\nTo: sender@example.com\nSubject: Undelivered Mail Returned to Sender\nDate: Mon, 7 Dec 2026 09:00:00 +0900\n\n{TWO}"
    )
}

fn forwarded() -> String {
    format!(
        "From: Hanako <hanako@example.co.jp>\nTo: helpdesk@example.co.jp\nSubject: Fwd: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: text/plain\n\nThis came back, why?\n\n--X\nContent-Type: message/rfc822\n\n{}\n--X--\n",
        whole()
    )
}

fn recipients(v: &Value) -> Vec<String> {
    v["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["recipient"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn the_api_answers_on_every_recipient_of_a_paste() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    for (name, text) in [
        ("a body", TWO.to_string()),
        ("a whole bounce", whole()),
        ("a forward", forwarded()),
    ] {
        for lang in Lang::ALL {
            let body = serde_json::json!({"text": text, "lang": lang.as_str()});
            let r = server.post(
                "/api/v1/explain",
                "application/json",
                body.to_string().as_bytes(),
            );
            assert_eq!(r.status, 200, "{name}: {}", r.text());
            let v = r.json();
            assert_eq!(
                recipients(&v),
                ["taro@example.jp", "hanako@example.org"],
                "{name}"
            );
            assert_eq!(v["recipient_count"], 2, "{name}");
            let each = v["recipients"].as_array().unwrap();
            assert_eq!(each[0]["reason"], "userunknown", "{name}: {v}");
            assert_eq!(each[1]["reason"], "mailboxfull", "{name}: {v}");
            assert!(each.iter().all(|a| a["lang"] == lang.as_str()));
            // The top-level fields are the first recipient's answer.
            let mut top = v.as_object().unwrap().clone();
            top.remove("recipients");
            top.remove("recipient_count");
            assert_eq!(Value::Object(top), each[0], "{name}");
            // Each answer is the library's for that recipient's words.
            let report = bouncedoc_mail::diagnose_bytes(&engine, whole().as_bytes(), lang)
                .expect("the bounce reads");
            for ((d, _), got) in report.diagnoses.into_iter().zip(each) {
                let want = serde_json::to_value(Answer::new(engine.knowledge(), d)).unwrap();
                assert_eq!(got["summary"], want["summary"], "{name}");
                assert_eq!(got["advice"], want["advice"], "{name}");
            }
        }
    }
}

#[test]
fn a_reply_or_a_note_is_one_answer() {
    let server = Server::start(Config::default());
    for text in [
        "550 5.1.1 <taro@example.jp>... User unknown",
        "Please write to taro@example.jp\nor to hanako@example.org\n",
    ] {
        let v = server
            .post("/api/v1/explain", "text/plain", text.as_bytes())
            .json();
        assert_eq!(v["recipient_count"], 1, "{text}: {v}");
        assert_eq!(v["recipients"].as_array().unwrap().len(), 1, "{text}");
    }
}

#[test]
fn a_japanese_paste_is_answered_in_japanese_unless_a_language_is_asked() {
    let server = Server::start(Config::default());
    let text = "550 5.2.2 メールボックスがいっぱいです";
    let v = server
        .post("/api/v1/explain", "text/plain", text.as_bytes())
        .json();
    assert_eq!(v["lang"], "ja", "{v}");
    let v = server
        .post("/api/v1/explain?lang=en", "text/plain", text.as_bytes())
        .json();
    assert_eq!(v["lang"], "en");
    let v = server
        .request(
            "POST",
            "/api/v1/explain",
            &[("Content-Type", "text/plain"), ("Accept-Language", "en")],
            text.as_bytes(),
        )
        .json();
    assert_eq!(
        v["lang"], "en",
        "the client's language wins over the text's"
    );
}

#[test]
fn the_page_shows_a_block_per_recipient_headed_by_its_address_and_domain() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    for (lang, heading, domain) in [
        (
            "en",
            "Recipient 2 of 2: hanako@example.org",
            " (domain example.org)",
        ),
        (
            "ja",
            "宛先 2 件中 2 件目：hanako@example.org",
            "（ドメイン example.org）",
        ),
    ] {
        let l: Lang = lang.parse().unwrap();
        for text in [TWO.to_string(), whole(), forwarded()] {
            let body = format!("lang={lang}&text={}", form_encode(&text));
            let r = server.post("/", "application/x-www-form-urlencoded", body.as_bytes());
            assert_eq!(r.status, 200, "{}", r.text());
            let html = r.text();
            assert_eq!(
                html.matches("<article class=\"diagnosis").count(),
                2,
                "{lang}: two blocks"
            );
            assert!(html.contains("data-count=\"2\""), "{lang}");
            assert!(html.contains(&html_escape(heading)), "{lang}: {heading}");
            assert!(html.contains(&html_escape(domain)), "{lang}: {domain}");
            assert!(html.contains("data-recipient=\"taro@example.jp\""));
            assert!(html.contains("data-reason=\"mailboxfull\""), "{lang}");
            // Each block has its own headline.
            let report = bouncedoc_mail::diagnose_bytes(&engine, whole().as_bytes(), l).unwrap();
            for (d, _) in &report.diagnoses {
                assert!(
                    html.contains(&html_escape(&d.summary)),
                    "{lang}: {}",
                    d.summary
                );
            }
            if text.contains("Fwd:") {
                assert!(
                    html.contains("id=\"forwarded\""),
                    "{lang}: the forward is said"
                );
            }
            if text == TWO {
                // A body pasted alone gets no made-up message facts.
                assert!(!html.contains("(pasted)"), "{lang}");
            }
        }
    }
}
