//! Outlook `.msg` files (OLE compound files) through the real server: `/api/v1/parse` and
//! the page read them as the message they hold, and the page does not put their bytes back
//! in its text box.

mod common;

use bouncedoc_mail::msg::testing::msg;
use bouncedoc_server::Config;
use common::{Server, multipart};

fn bounce_msg() -> Vec<u8> {
    msg(
        &[
            (
                "007D",
                "From: MAILER-DAEMON@mail.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n",
            ),
            (
                "1000",
                "This is the mail system at host mail.example.com.\r\n\r\n<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown (in reply to RCPT TO command)\r\n\r\n<hanako@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2 <hanako@example.org>: Mailbox full (in reply to RCPT TO command)\r\n",
            ),
        ],
        &[],
    )
}

#[test]
fn the_api_parses_a_msg_file() {
    let server = Server::start(Config::default());
    let raw = bounce_msg();
    let (ct, body) = multipart(&[], &[("file", "bounce.msg", &raw)]);
    let r = server.post("/api/v1/parse", &ct, &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let records = r.json();
    let recipients: Vec<&str> = records
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["recipient"].as_str())
        .collect();
    assert_eq!(recipients, ["taro@example.jp", "hanako@example.org"]);
    // One that holds no message is a 400 that says to save it as .eml.
    let odd = msg(&[("0037", "only a subject")], &[]);
    let (ct, body) = multipart(&[], &[("file", "odd.msg", &odd)]);
    let r = server.post("/api/v1/parse", &ct, &body);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains(".eml"), "{}", r.text());
}

#[test]
fn the_page_reads_an_uploaded_msg_file() {
    let server = Server::start(Config::default());
    let raw = bounce_msg();
    let (ct, body) = multipart(&[("lang", "ja")], &[("file", "配信不能.msg", &raw)]);
    let r = server.post("/", &ct, &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let html = r.text();
    assert!(html.contains("taro@example.jp") && html.contains("hanako@example.org"));
    // The compound file's bytes are not put in the text box.
    assert!(!html.contains('\u{FFFD}'), "binary shown in the page");
}

#[test]
fn the_page_says_in_its_language_when_a_msg_file_holds_no_message() {
    let server = Server::start(Config::default());
    let odd = msg(&[("0037", "only a subject")], &[]);
    for (lang, says) in [
        ("ja", "Outlook ファイル（.msg）"),
        ("en", "Outlook file (.msg)"),
    ] {
        let (ct, body) = multipart(&[("lang", lang)], &[("file", "odd.msg", &odd)]);
        let r = server.post("/", &ct, &body);
        assert_eq!(r.status, 400, "{}", r.text());
        let html = r.text();
        assert!(html.contains("data-error=\"unreadable_msg\""), "{html}");
        assert!(html.contains(says), "{lang}");
        assert!(!html.contains('\u{FFFD}'), "binary shown in the page");
        if lang == "ja" {
            // No English sentence inside the Japanese page's answer.
            assert!(!html.contains("could not be read"), "{html}");
        }
    }
}
