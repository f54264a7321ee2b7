//! `parse --format csv`: the columns a person sorts by (the bounce's date, the returned
//! message's Message-ID, From, To and Subject), and `--excel` for a CSV that Japanese Excel
//! opens ungarbled.

mod support;
use support::bouncedoc;

const BOUNCE: &str = "From: MAILER-DAEMON@example.jp
To: sender@example.com
Date: Mon, 7 Dec 2026 09:00:00 +0900
Subject: Undelivered Mail Returned to Sender
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.jp

Final-Recipient: rfc822; taro@example.jp
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown

--B
Content-Type: text/rfc822-headers

From: Sender <sender@example.com>
To: taro@example.jp
Subject: =?UTF-8?B?5L2c5qWt44Gu44GK55+l44KJ44Gb?=
Message-ID: <20261207.abc@example.com>
Date: Mon, 7 Dec 2026 08:59:00 +0900

--B--
";

fn parse(extra: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bounce.eml");
    std::fs::write(&path, BOUNCE).unwrap();
    let out = bouncedoc()
        .args(["parse", "--quiet"])
        .args(extra)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    out.stdout
}

#[test]
fn the_csv_has_the_date_and_the_original_message() {
    let out = parse(&["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let get = |name: &str| {
        let at = header.iter().position(|h| h == name).expect(name);
        row[at].to_string()
    };
    assert_eq!(get("recipient"), "taro@example.jp");
    assert_eq!(get("reason"), "userunknown");
    assert_eq!(get("date"), "Mon, 7 Dec 2026 09:00:00 +0900");
    assert_eq!(get("original_message_id"), "<20261207.abc@example.com>");
    assert_eq!(get("original_from"), "sender@example.com");
    assert_eq!(get("original_to"), "taro@example.jp");
    assert_eq!(get("original_subject"), "作業のお知らせ");
    assert_eq!(header.iter().next_back(), Some("error"));
    // Plain CSV: no byte-order mark, LF line ends.
    assert!(!out.starts_with(b"\xEF\xBB\xBF"));
    assert!(!out.windows(2).any(|w| w == b"\r\n"));
}

#[test]
fn excel_csv_starts_with_a_byte_order_mark_and_ends_lines_with_crlf() {
    for args in [&["--excel"][..], &["--format", "csv", "--excel"][..]] {
        let out = parse(args);
        assert!(out.starts_with(b"\xEF\xBB\xBF"), "{args:?}");
        let text = String::from_utf8(out[3..].to_vec()).unwrap();
        assert!(text.starts_with("source,"), "{text}");
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(lines.iter().all(|l| l.ends_with("\r\n")), "{text:?}");
        assert!(text.contains("作業のお知らせ"));
    }
}
