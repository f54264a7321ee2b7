//! `bouncedoc report --format html` (a page without scripts) shown in headless Chromium, in
//! English and Japanese: the screenshot is not blank, and the charts' bars were drawn in
//! their colours. The page is what `report` makes of the corpus (`parse`) together with a
//! generated Postfix log (`logs`). Screenshots go to `target/screenshots/`, and to
//! `docs/screenshots/` (the ones the README shows) when `BOUNCEDOC_SAVE_SCREENSHOTS=1`.
//!
//! Without Chromium the test says so and passes, except under CI, which installs it.

use std::io::Write;

use bouncedoc_testkit::browser::{chromium, chromium_required, screenshot, screenshots_dir};
use bouncedoc_testkit::png::Image;

use super::{corpus_jsonl, run};

/// The colours of the charts' bars (`render/report.rs`).
const BLUE: [u8; 3] = [0x2c, 0x6f, 0xbb];
const RED: [u8; 3] = [0xc0, 0x39, 0x2b];
const AMBER: [u8; 3] = [0xe0, 0xa0, 0x30];

/// A Postfix log of a few days: refusals of dead addresses, blocklistings and deferrals.
fn generated_log() -> Vec<u8> {
    let mut log = Vec::new();
    for i in 0..120u32 {
        let day = 15 + i % 5;
        let (dsn, status, reply) = match i % 4 {
            0 | 1 => ("5.1.1", "bounced", "550 5.1.1 User unknown"),
            2 => (
                "5.7.1",
                "bounced",
                "550 5.7.1 Service unavailable; client [198.51.100.7] blocked using zen.spamhaus.org",
            ),
            _ => (
                "4.7.0",
                "deferred",
                "421 4.7.0 Try again later, too many connections from your IP",
            ),
        };
        writeln!(log, "Jan {day} 10:{:02}:00 mail postfix/smtp[4321]: Q{i:05}: to=<u{i}@example{}.org>, relay=mx.example.org[192.0.2.25]:25, delay=1, delays=0.1/0/0.5/0.4, dsn={dsn}, status={status} (host mx.example.org[192.0.2.25] said: {reply} (in reply to RCPT TO command))", i % 60, i % 3).unwrap();
    }
    log
}

#[test]
fn the_report_page_draws_in_chromium() {
    let Some(bin) = chromium() else {
        assert!(!chromium_required(), "CI=true: Chromium is required");
        eprintln!("skipped: no Chromium (apt-get install chromium)");
        return;
    };
    let mut jsonl = corpus_jsonl();
    jsonl.push_str(&run(
        &["logs", "--quiet", "--format", "jsonl", "--year", "2024"],
        &generated_log(),
    ));
    let dir = tempfile::tempdir().unwrap();
    let shots = screenshots_dir();
    let docs = std::env::var("BOUNCEDOC_SAVE_SCREENSHOTS").is_ok_and(|v| v == "1");
    for lang in ["en", "ja"] {
        let page = dir.path().join(format!("report-{lang}.html"));
        let out = run(
            &["report", "--lang", lang, "--output", page.to_str().unwrap()],
            jsonl.as_bytes(),
        );
        assert!(out.is_empty());
        let png = screenshot(&bin, &page, 1000, 2400);
        let image = Image::decode(&png);
        assert_eq!((image.width, image.height), (1000, 2400));
        // Not blank: text and charts cover a good part of the window.
        let ink = image.ink();
        assert!(ink > image.pixels.len() / 50, "{lang}: {ink} pixels of ink");
        // The bars of the charts (filled rectangles, so many pixels of exactly their
        // colour): blue for the counts, red for the sending side's causes and the failures
        // by day, amber for the deferrals by day (the corpus's delay warnings and the log's
        // deferrals: some 480 pixels when the corpus has a dozen).
        for (name, colour, least) in [
            ("blue", BLUE, 20_000),
            ("red", RED, 5_000),
            ("amber", AMBER, 300),
        ] {
            let n = image.count(colour);
            assert!(n > least, "{lang}: {n} {name} pixels, fewer than {least}");
        }
        let name = format!("report-{lang}.png");
        std::fs::write(shots.join(&name), &png).unwrap();
        eprintln!("screenshot: {}", shots.join(&name).display());
        if docs {
            let docs_dir = bouncedoc_testkit::workspace_root().join("docs/screenshots");
            std::fs::create_dir_all(&docs_dir).unwrap();
            std::fs::write(docs_dir.join(&name), &png).unwrap();
        }
    }
}
