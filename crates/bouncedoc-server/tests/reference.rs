//! The reasons reference and the errors as pages, through the real server: a browser (its
//! `Accept` ranks HTML first) gets pages in its language; an API client gets JSON, as before.

mod common;

use bouncedoc_core::{Engine, Lang, Reason, catalog};
use bouncedoc_server::Config;
use common::{Server, html_escape};

/// What Chromium sends for a page it navigates to.
const BROWSER: &str =
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

fn browse(server: &Server, path: &str, lang: &str) -> common::Response {
    server.request(
        "GET",
        path,
        &[("Accept", BROWSER), ("Accept-Language", lang)],
        b"",
    )
}

#[test]
fn the_reasons_are_pages_for_a_browser_in_both_languages() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let kb = engine.knowledge();
    for lang in Lang::ALL {
        let r = browse(&server, "/reasons", lang.as_str());
        assert_eq!(r.status, 200, "{}", r.text());
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert!(r.header("vary").unwrap().contains("Accept"));
        let html = r.text();
        assert!(html.contains(&format!("<html lang=\"{lang}\"")));
        for reason in Reason::ALL {
            let entry = catalog::reason(kb, *reason, lang);
            assert!(
                html.contains(&format!("href=\"/reasons/{reason}?lang={lang}\"")),
                "{lang}: a link to {reason}"
            );
            assert!(
                html.contains(&html_escape(&entry.title)),
                "{lang}: {reason}"
            );
        }
        // One reason: its meaning, causes and advice, in the language asked.
        let r = browse(&server, "/reasons/mailboxfull", lang.as_str());
        assert_eq!(r.status, 200);
        let html = r.text();
        let entry = catalog::reason(kb, Reason::MailboxFull, lang);
        assert!(html.contains(&html_escape(&entry.meaning)), "{lang}");
        for c in &entry.causes {
            assert!(html.contains(&html_escape(c)), "{lang}: cause {c}");
        }
        for a in catalog::advice(kb, &entry.advice, lang) {
            assert!(
                html.contains(&html_escape(&a.text)),
                "{lang}: advice {}",
                a.id
            );
        }
    }
    // ?lang= wins over the header.
    let html = browse(&server, "/reasons?lang=ja", "en").text();
    assert!(html.contains("<html lang=\"ja\""));
}

#[test]
fn the_reasons_are_json_for_other_clients() {
    let server = Server::start(Config::default());
    for accept in [None, Some("application/json"), Some("*/*")] {
        let headers: Vec<(&str, &str)> = accept.map(|a| ("Accept", a)).into_iter().collect();
        let r = server.request("GET", "/reasons?lang=ja", &headers, b"");
        assert_eq!(r.status, 200);
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        assert_eq!(r.json(), server.get("/api/v1/reasons?lang=ja").json());
        let r = server.request("GET", "/reasons/mailboxfull", &headers, b"");
        assert_eq!(r.json(), server.get("/api/v1/reasons/mailboxfull").json());
        let r = server.request("GET", "/reasons/nosuch", &headers, b"");
        assert_eq!(r.status, 404);
        assert_eq!(r.json()["error"], "not_found");
    }
}

#[test]
fn errors_are_pages_for_a_browser_and_json_for_the_api() {
    let server = Server::start(Config::default());
    for (lang, heading) in [
        ("en", "There is no such page"),
        ("ja", "このページはありません"),
    ] {
        for path in ["/no/such/page", "/reasons/nosuch"] {
            let r = browse(&server, path, lang);
            assert_eq!(r.status, 404, "{path}");
            assert!(
                r.header("content-type").unwrap().starts_with("text/html"),
                "{path}"
            );
            let html = r.text();
            assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            assert!(html.contains(heading), "{lang} {path}");
            assert!(html.contains("href=\"/?lang="), "a way back to the form");
        }
        // A wrong method, from a browser.
        let r = server.request(
            "GET",
            "/api/v1/explain",
            &[("Accept", BROWSER), ("Accept-Language", lang)],
            b"",
        );
        assert_eq!(r.status, 405);
        assert!(
            r.header("content-type")
                .unwrap()
                .starts_with("application/json")
        );
        let r = server.request(
            "DELETE",
            "/reasons",
            &[("Accept", BROWSER), ("Accept-Language", lang)],
            b"",
        );
        assert_eq!(r.status, 405);
        assert!(r.header("content-type").unwrap().starts_with("text/html"));
        assert!(r.text().contains(&format!("<html lang=\"{lang}\"")));
    }
    // The API stays JSON, even for a browser.
    let r = browse(&server, "/api/v1/nothing", "ja");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"], "not_found");
    // A client that does not ask for HTML gets JSON anywhere.
    let r = server.get("/no/such/page");
    assert_eq!(r.status, 404);
    assert_eq!(r.json()["error"], "not_found");
}

#[test]
fn the_page_links_the_reasons_pages() {
    let server = Server::start(Config::default());
    let html = browse(&server, "/?lang=ja", "ja").text();
    assert!(html.contains("href=\"/reasons?lang=ja\""), "{html}");
    assert!(!html.contains("href=\"/api/v1/reasons"));
}
