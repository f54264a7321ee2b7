//! The real server on a loopback port, every endpoint exercised over HTTP: the seed cases,
//! the page with and without a file, the documentation, the OpenAPI document against the
//! routes, and the error answers (400, 404, 405, 408, 413, 415).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use bouncedoc_core::{Answer, Engine, Lang, Reason};
use bouncedoc_mail::record::{Origin, records};
use bouncedoc_server::{Config, OPENAPI_JSON, routes};
use bouncedoc_testkit::{SeedAnswer, seed_cases};
use common::{Server, check_schema, corpus, form_encode, html_escape, multipart};
use serde_json::Value;

fn small() -> Config {
    Config {
        max_body: 256 * 1024,
        timeout: Duration::from_secs(3),
        header_timeout: Duration::from_secs(1),
        max_connections: 64,
        max_connections_per_client: 64,
        ..Config::default()
    }
}

fn assert_error(r: &common::Response, status: u16, code: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.text());
    assert!(
        r.header("content-type")
            .is_some_and(|c| c.starts_with("application/json")),
        "error answers are JSON: {:?}",
        r.headers
    );
    let v = r.json();
    assert_eq!(v["status"], status);
    assert_eq!(v["error"], code, "{v}");
    assert!(
        v["message"].as_str().is_some_and(|m| m.len() > 10),
        "the message says what is wrong: {v}"
    );
    v
}

#[test]
fn healthz_answers() {
    let server = Server::start(small());
    let r = server.get("/healthz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["status"], "ok");
}

/// The answer of `/api/v1/explain` on a reply: its fields, checked to be its only
/// recipient's (`recipients`, `recipient_count`), without those two.
fn single(mut v: Value) -> Value {
    let object = v.as_object_mut().expect("an object");
    let recipients = object.remove("recipients").expect("recipients");
    let count = object.remove("recipient_count").expect("recipient_count");
    assert_eq!(count, 1, "{recipients}");
    assert_eq!(recipients.as_array().map(Vec::len), Some(1), "{recipients}");
    assert_eq!(recipients[0], Value::Object(object.clone()));
    v
}

#[test]
fn every_seed_case_through_the_api_in_both_languages() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    for case in seed_cases() {
        for lang in Lang::ALL {
            // JSON in, JSON out.
            let body = serde_json::json!({"text": case.input, "lang": lang.as_str()});
            let r = server.post(
                "/api/v1/explain",
                "application/json",
                body.to_string().as_bytes(),
            );
            assert_eq!(r.status, 200, "{}: {}", case.id, r.text());
            let got = single(r.json());
            for f in case.failures(&SeedAnswer::from_json(&got)) {
                failures.push(format!("{} ({lang}): {f}", case.id));
            }
            // The same object as the library's answer (and so the CLI's JSON).
            let want = serde_json::to_value(Answer::new(
                engine.knowledge(),
                engine.explain(&case.input, lang).unwrap(),
            ))
            .unwrap();
            assert_eq!(
                got, want,
                "{} ({lang}): the API and the library differ",
                case.id
            );
            // Plain text with ?lang=.
            let r = server.post(
                &format!("/api/v1/explain?lang={lang}"),
                "text/plain; charset=utf-8",
                case.input.as_bytes(),
            );
            assert_eq!(r.status, 200, "{}", r.text());
            assert_eq!(single(r.json()), want, "{} ({lang}) as text/plain", case.id);
        }
    }
    assert!(
        failures.is_empty(),
        "seed cases failing:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_seed_case_through_the_page_without_javascript() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    for case in seed_cases() {
        for lang in Lang::ALL {
            let want = engine.explain(&case.input, lang).unwrap();
            let body = format!("lang={lang}&text={}", form_encode(&case.input));
            let r = server.post("/", "application/x-www-form-urlencoded", body.as_bytes());
            assert_eq!(r.status, 200, "{}: {}", case.id, r.text());
            assert!(r.header("content-type").unwrap().starts_with("text/html"));
            let html = r.text();
            assert!(
                html.contains(&format!("<html lang=\"{lang}\"")),
                "{}: page language",
                case.id
            );
            assert!(
                html.contains(&html_escape(&want.summary)),
                "{} ({lang}): the headline is the diagnosis' summary",
                case.id
            );
            assert!(
                html.contains(&format!("data-reason=\"{}\"", want.reason)),
                "{} ({lang})",
                case.id
            );
            for a in &want.advice {
                assert!(
                    html.contains(&html_escape(&a.text)),
                    "{} ({lang}): advice {} shown",
                    case.id,
                    a.id
                );
            }
            assert!(
                html.contains("<mark class=\"ev "),
                "{}: evidence highlighted in the text",
                case.id
            );
        }
    }
}

/// A text in which nothing is recognized gets the answer a person is shown: no party, the
/// texts of "nothing recognized", and one piece of advice, to paste the whole error.
#[test]
fn explain_says_when_nothing_was_recognized() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let kb = engine.knowledge();
    for lang in Lang::ALL {
        let r = server.post(
            &format!("/api/v1/explain?lang={lang}"),
            "text/plain",
            b"hello world",
        );
        assert_eq!(r.status, 200);
        let v = r.json();
        assert_eq!(v["recognized"], false);
        assert!(v["party"].is_null(), "{v}");
        assert_eq!(v["summary"], kb.label("nothing.headline", lang));
        assert_eq!(v["explanation"], kb.label("nothing.looked_for", lang));
        assert_eq!(v["advice"][0]["id"], "paste-whole-message");
        assert_eq!(v["advice"][0]["text"], kb.label("nothing.ask", lang));
    }
    let v = server
        .post("/api/v1/explain", "text/plain", b"550 5.1.1 User unknown")
        .json();
    assert_eq!(v["recognized"], true);
    assert_eq!(v["party"], "sender");
}

#[test]
fn explain_language_comes_from_accept_language_by_default() {
    let server = Server::start(small());
    let text = b"552 5.2.2 <jiro@example.jp>: user is over quota";
    let r = server.request(
        "POST",
        "/api/v1/explain",
        &[
            ("Content-Type", "text/plain"),
            ("Accept-Language", "ja,en-US;q=0.8"),
        ],
        text,
    );
    assert_eq!(r.json()["lang"], "ja");
    let r = server.request(
        "POST",
        "/api/v1/explain?lang=en",
        &[("Content-Type", "text/plain"), ("Accept-Language", "ja")],
        text,
    );
    assert_eq!(r.json()["lang"], "en", "?lang= wins over the header");
    let r = server.request(
        "POST",
        "/api/v1/explain?lang=en",
        &[("Content-Type", "application/json")],
        br#"{"text": "552 5.2.2 over quota", "lang": "ja"}"#,
    );
    assert_eq!(r.json()["lang"], "ja", "the body's lang wins");
    let r = server.post("/api/v1/explain", "text/plain", text);
    assert_eq!(r.json()["lang"], "en", "English when nothing is asked");
}

#[test]
fn explain_refuses_bad_input_with_a_reason() {
    let server = Server::start(small());
    assert_error(
        &server.post("/api/v1/explain", "application/json", br#"{"text": "   "}"#),
        400,
        "empty_input",
    );
    assert_error(
        &server.post("/api/v1/explain", "text/plain", b""),
        400,
        "empty_input",
    );
    let v = assert_error(
        &server.post("/api/v1/explain", "application/json", br#"{"text": "550"#),
        400,
        "bad_json",
    );
    assert!(v["message"].as_str().unwrap().contains("line 1"), "{v}");
    assert_error(
        &server.post("/api/v1/explain", "application/json", br#"{"txt": "550"}"#),
        400,
        "bad_json",
    );
    assert_error(
        &server.post("/api/v1/explain", "application/json", b"[1,2]"),
        400,
        "bad_json",
    );
    assert_error(
        &server.post(
            "/api/v1/explain",
            "application/json",
            br#"{"text": "550", "lang": "fr"}"#,
        ),
        400,
        "bad_lang",
    );
    assert_error(
        &server.post("/api/v1/explain?lang=de", "text/plain", b"550 5.1.1"),
        400,
        "bad_lang",
    );
    assert_error(
        &server.post("/api/v1/explain", "image/png", b"\x89PNG"),
        415,
        "unsupported_media_type",
    );
    // Bytes that are not UTF-8 are replaced, never refused (as in the CLI).
    let r = server.post(
        "/api/v1/explain",
        "text/plain",
        b"550 5.1.1 \xff\xfe unknown user",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["status"], "5.1.1");
}

#[test]
fn bodies_over_the_limit_get_413_as_json() {
    let server = Server::start(small());
    // Announced by Content-Length: refused before the body is read.
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "POST /api/v1/explain HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let r = common::read_response(&mut stream);
    let v = assert_error(&r, 413, "body_too_large");
    assert!(v["message"].as_str().unwrap().contains("262144"), "{v}");
    // Sent in chunks, without a length: refused once the limit is passed.
    let big = vec![b'a'; 300 * 1024];
    let mut chunked = Vec::new();
    for piece in big.chunks(16 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    for path in ["/api/v1/explain", "/api/v1/parse"] {
        let r = server.request(
            "POST",
            path,
            &[
                ("Content-Type", "text/plain"),
                ("Transfer-Encoding", "chunked"),
            ],
            &chunked,
        );
        assert_error(&r, 413, "body_too_large");
    }
    // A file upload over the limit.
    let (ct, body) = multipart(&[], &[("file", "big.eml", &big)]);
    assert_error(
        &server.post("/api/v1/parse", &ct, &body),
        413,
        "body_too_large",
    );
    // The page answers with a page.
    let r = server.post("/explain", &ct, &body);
    assert_eq!(r.status, 413);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("data-error=\"body_too_large\""));
}

#[test]
fn parse_gives_the_records_of_the_cli() {
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let raw = corpus("lhost-postfix-01.eml");
    let want = |source: &str, lang: Lang| {
        let report = bouncedoc_mail::diagnose_bytes(&engine, &raw, lang).unwrap();
        let origin = Origin {
            source: source.to_string(),
            index: None,
        };
        serde_json::to_value(records(&origin, report)).unwrap()
    };
    for ct in ["message/rfc822", "application/octet-stream"] {
        let r = server.post("/api/v1/parse?lang=ja", ct, &raw);
        assert_eq!(r.status, 200, "{}", r.text());
        let got = r.json();
        assert_eq!(got, want("-", Lang::Ja));
        assert!(!got.as_array().unwrap().is_empty());
        assert_eq!(got[0]["kind"], "bounce");
        assert!(got[0]["recipient"].is_string());
    }
    let (ct, body) = multipart(&[("lang", "en")], &[("file", "lhost-postfix-01.eml", &raw)]);
    let r = server.post("/api/v1/parse", &ct, &body);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json(), want("lhost-postfix-01.eml", Lang::En));

    // A message that is not a bounce gives one record saying so.
    let not = std::fs::read(
        bouncedoc_testkit::shared_dir().join("corpus/maildir/not/is-not-bounce-01.eml"),
    )
    .unwrap();
    let r = server.post("/api/v1/parse", "message/rfc822", &not);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()[0]["kind"], "not-bounce");

    // An mbox: every message, numbered.
    let mut mbox = Vec::new();
    for name in ["lhost-postfix-01.eml", "lhost-exim-01.eml"] {
        mbox.extend_from_slice(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n");
        mbox.extend_from_slice(&corpus(name));
        mbox.extend_from_slice(b"\n");
    }
    let r = server.post("/api/v1/parse", "application/mbox", &mbox);
    assert_eq!(r.status, 200, "{}", r.text());
    let got = r.json();
    let indexes: Vec<u64> = got
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["index"].as_u64())
        .collect();
    assert!(indexes.contains(&1) && indexes.contains(&2), "{got}");
}

#[test]
fn parse_refuses_bad_input_with_a_reason() {
    let server = Server::start(small());
    assert_error(
        &server.post("/api/v1/parse", "message/rfc822", b"  \r\n "),
        400,
        "empty_input",
    );
    assert_error(
        &server.post(
            "/api/v1/parse",
            "message/rfc822",
            b"\x00\x01\x02 not a message at all",
        ),
        400,
        "unreadable_message",
    );
    let (ct, body) = multipart(&[("lang", "en")], &[]);
    assert_error(&server.post("/api/v1/parse", &ct, &body), 400, "no_file");
    assert_error(
        &server.post(
            "/api/v1/parse",
            "multipart/form-data; boundary=zzz",
            b"--zzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc",
        ),
        400,
        "bad_multipart",
    );
    assert_error(
        &server.post("/api/v1/parse", "multipart/form-data", b"no boundary"),
        400,
        "bad_multipart",
    );
    assert_error(
        &server.post("/api/v1/parse", "application/json", b"{}"),
        415,
        "unsupported_media_type",
    );
}

#[test]
fn reasons_and_codes_are_documented_in_both_languages() {
    let server = Server::start(small());
    let all = server.get("/api/v1/reasons?lang=ja").json();
    assert_eq!(all.as_array().unwrap().len(), Reason::ALL.len());
    assert!(all.as_array().unwrap().iter().all(|r| r["lang"] == "ja"));
    let en = server.get("/api/v1/reasons/mailboxfull?lang=en").json();
    let ja = server
        .request(
            "GET",
            "/api/v1/reasons/mailboxfull",
            &[("Accept-Language", "ja-JP")],
            b"",
        )
        .json();
    assert_eq!(en["id"], "mailboxfull");
    assert_eq!(ja["id"], "mailboxfull");
    assert_ne!(en["party_name"], ja["party_name"]);
    assert_ne!(en["advice_texts"], ja["advice_texts"]);
    assert!(!en["causes"].as_array().unwrap().is_empty());
    assert!(en["advice_texts"][0]["text"].is_string());
    assert_error(
        &server.get("/api/v1/reasons/nosuchreason"),
        404,
        "not_found",
    );

    let codes = server.get("/api/v1/codes").json();
    let codes = codes.as_array().unwrap();
    assert!(
        codes
            .iter()
            .any(|c| c["code"] == "550" && c["kind"] == "reply")
    );
    assert!(codes.iter().any(|c| c["kind"] == "enhanced"));
    let c = server.get("/api/v1/codes/5.7.26?lang=ja").json();
    assert_eq!(c["code"], "5.7.26");
    assert_eq!(c["lang"], "ja");
    let c = server.get("/api/v1/codes/550").json();
    assert_eq!(c["kind"], "reply");
    assert_error(&server.get("/api/v1/codes/5.9.99"), 404, "not_found");
    assert_error(&server.get("/api/v1/codes/hello"), 400, "bad_code");
    assert_error(&server.get("/api/v1/codes?lang=xx"), 400, "bad_lang");
}

#[test]
fn unknown_paths_and_methods_get_json_errors() {
    let server = Server::start(small());
    assert_error(&server.get("/api/v1/nothing"), 404, "not_found");
    assert_error(&server.get("/api/v2/explain"), 404, "not_found");
    assert_error(
        &server.request("DELETE", "/healthz", &[], b""),
        405,
        "method_not_allowed",
    );
    assert_error(&server.get("/api/v1/explain"), 405, "method_not_allowed");
}

/// Requests that every operation of the OpenAPI document answers, with the parameters'
/// examples and a body of the first documented media type.
#[test]
fn openapi_document_matches_the_routes_and_every_path_answers() {
    // With a ledger, so that the ledger's routes answer too.
    let (config, _ledger) = common::with_ledger();
    let server = Server::start(config);
    let served = server.get("/api/v1/openapi.json");
    assert_eq!(served.status, 200);
    let doc: Value = served.json();
    assert_eq!(doc, serde_json::from_str::<Value>(OPENAPI_JSON).unwrap());
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    let methods = ["get", "post", "put", "delete", "patch", "head", "options"];
    // The address of the example of `unsuppress` has bounced, so that it answers 200.
    let example = &paths["/api/v1/ledger/unsuppress"]["post"]["requestBody"]["content"]["application/json"]
        ["example"];
    let bounced = common::dsn_for(example["address"].as_str().expect("an example address"));
    let r = server.post_auth("/api/v1/ledger/ingest", "message/rfc822", &bounced);
    assert_eq!(r.status, 200, "{}", r.text());

    // Every route of the router is documented ...
    let routes = routes();
    for r in &routes {
        let m = r.method.as_str().to_ascii_lowercase();
        assert!(
            paths.get(r.path).and_then(|p| p.get(&m)).is_some(),
            "route {} {} is missing from openapi.json",
            r.method,
            r.path
        );
    }
    // ... and every documented operation is a route, and answers.
    let raw = corpus("lhost-postfix-01.eml");
    let mut checked = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            if !methods.contains(&method.as_str()) {
                continue;
            }
            assert!(
                routes
                    .iter()
                    .any(|r| r.path == path && r.method.as_str().eq_ignore_ascii_case(method)),
                "openapi.json documents {method} {path}, which the router does not have"
            );
            if path.starts_with("/api/v1/webhooks/") {
                // Signed requests of each service: tests/webhooks.rs.
                checked += 1;
                continue;
            }
            let mut url = path.clone();
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["in"] == "path" {
                    let example = p["example"]
                        .as_str()
                        .expect("path parameters have an example");
                    url = url.replace(&format!("{{{}}}", p["name"].as_str().unwrap()), example);
                }
            }
            let (ct, body): (String, Vec<u8>) = match op["requestBody"]["content"].as_object() {
                None => (String::new(), Vec::new()),
                Some(content) => {
                    let text = "550 5.1.1 <a@example.jp>... User unknown";
                    if let Some(example) = content
                        .get("application/json")
                        .and_then(|j| j.get("example"))
                    {
                        ("application/json".into(), example.to_string().into_bytes())
                    } else if content.contains_key("application/json") {
                        (
                            "application/json".into(),
                            serde_json::json!({ "text": text }).to_string().into_bytes(),
                        )
                    } else if content.contains_key("message/rfc822") {
                        ("message/rfc822".into(), raw.clone())
                    } else if content.contains_key("multipart/form-data") {
                        multipart(&[("text", text)], &[])
                    } else {
                        panic!("no test body for {path}: {:?}", content.keys())
                    }
                }
            };
            // The ledger's token, for the operations that need it.
            let mut headers: Vec<(&str, &str)> = Vec::new();
            if op.get("security").is_some() {
                headers.push(common::AUTH);
            }
            if !ct.is_empty() {
                headers.push(("Content-Type", ct.as_str()));
            }
            let r = server.request(&method.to_ascii_uppercase(), &url, &headers, &body);
            assert!(
                (200..300).contains(&r.status),
                "{method} {url} answered {}: {}",
                r.status,
                r.text()
            );
            // The answer has a documented media type.
            let documented: Vec<&String> = op["responses"][r.status.to_string()]["content"]
                .as_object()
                .map(|c| c.keys().collect())
                .unwrap_or_default();
            let got = r.header("content-type").unwrap_or_default();
            assert!(
                documented.iter().any(|d| got.starts_with(d.as_str())),
                "{method} {url}: {got} is not among {documented:?}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, routes.len());
}

#[test]
fn page_in_both_languages_from_accept_language() {
    let server = Server::start(small());
    let ja = server.request("GET", "/", &[("Accept-Language", "ja,en;q=0.5")], b"");
    assert_eq!(ja.status, 200);
    let html = ja.text();
    assert!(html.contains("<html lang=\"ja\""));
    assert!(html.contains("診断する"));
    assert!(
        ja.header("content-security-policy")
            .is_some_and(|c| c.contains("default-src 'none'"))
    );
    let en = server.get("/");
    assert!(en.text().contains("<html lang=\"en\""));
    assert!(en.text().contains(">Explain</button>"));
    assert!(server.get("/?lang=ja").text().contains("<html lang=\"ja\""));
    // No label id leaks into either page.
    for html in [ja.text(), en.text()] {
        for prefix in ["page.", "error.", "heading.", "field."] {
            assert!(
                !html.contains(&format!(">{prefix}")),
                "a label is missing: {prefix}"
            );
        }
    }
    // The assets are embedded and served.
    for (path, ct) in [
        ("/assets/app.css", "text/css"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/icon.svg", "image/svg+xml"),
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200);
        assert!(r.header("content-type").unwrap().starts_with(ct));
        assert!(!r.body.is_empty());
    }
}

#[test]
fn page_form_posts_render_the_answer_without_javascript() {
    let server = Server::start(Config::default());
    let raw = corpus("lhost-postfix-01.eml");
    // A file upload, as the no-JavaScript form sends it.
    let (ct, body) = multipart(
        &[("lang", "ja"), ("text", "")],
        &[("file", "lhost-postfix-01.eml", &raw)],
    );
    let r = server.post("/explain", &ct, &body);
    assert_eq!(r.status, 200, "{}", r.text());
    let html = r.text();
    assert!(html.contains("data-kind=\"parse\""));
    assert!(html.contains("lhost-postfix-01.eml"));
    assert!(
        html.contains("r@p351355.pool.example.ne.jp"),
        "the recipient is shown"
    );
    assert!(html.contains("<html lang=\"ja\""));
    // The message is put back into the text area, so that a language switch keeps it ...
    assert!(html.contains("Undelivered Mail Returned to Sender"));
    // ... and a whole message pasted is read as a message.
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (ct, body) = multipart(
        &[("lang", "ja"), ("switch_lang", "en"), ("text", &text)],
        &[],
    );
    let r = server.post("/", &ct, &body);
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(html.contains("<html lang=\"en\""), "switch_lang wins");
    assert!(html.contains("data-kind=\"parse\""));
    // Switching the language of an empty page is no error.
    let r = server.post(
        "/",
        "application/x-www-form-urlencoded",
        b"lang=en&switch_lang=ja&text=",
    );
    assert_eq!(r.status, 200);
    assert!(r.text().contains("<html lang=\"ja\""));
    // Empty input: 400 with the page and a localized message.
    let r = server.post(
        "/explain",
        "application/x-www-form-urlencoded",
        b"lang=ja&text=+",
    );
    assert_eq!(r.status, 400);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.text().contains("data-error=\"empty_input\""));
    assert!(r.text().contains("入力欄が空です"));
    // An unreadable file.
    let (ct, body) = multipart(&[("lang", "en")], &[("file", "x.eml", b"\x00\x01 garbage")]);
    let r = server.post("/explain", &ct, &body);
    assert_eq!(r.status, 400);
    assert!(r.text().contains("data-error=\"unreadable_message\""));
    // Everything is escaped.
    let body = format!(
        "lang=en&text={}",
        form_encode(
            "550 5.1.1 <script>alert(1)</script> \"><img src=x onerror=alert(2)> User unknown"
        )
    );
    let r = server.post("/", "application/x-www-form-urlencoded", body.as_bytes());
    assert_eq!(r.status, 200);
    let html = r.text();
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // A link with ?text= renders at once.
    let r = server.get(&format!(
        "/?lang=ja&text={}",
        form_encode("552 5.2.2 mailbox full")
    ));
    assert_eq!(r.status, 200);
    assert!(r.text().contains("data-reason=\"mailboxfull\""));
}

#[test]
fn a_client_that_sends_its_headers_too_slowly_is_cut_off() {
    let server = Server::start(small());
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
        .unwrap();
    let mut buf = Vec::new();
    let _ = stream.read_to_end(&mut buf);
    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(5),
        "the connection was held {waited:?}"
    );
    let text = String::from_utf8_lossy(&buf);
    assert!(
        buf.is_empty() || text.starts_with("HTTP/1.1 408"),
        "closed, or answered 408: {text:?}"
    );
}

#[test]
fn a_client_that_sends_its_body_too_slowly_gets_408() {
    let server = Server::start(small());
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    stream
        .write_all(
            b"POST /api/v1/explain HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100\r\nConnection: close\r\n\r\n550 5.1.1",
        )
        .unwrap();
    let r = common::read_response(&mut stream);
    assert!(started.elapsed() < Duration::from_secs(8));
    let v = assert_error(&r, 408, "timeout");
    assert!(v["message"].as_str().unwrap().contains('3'), "{v}");
}

#[test]
fn keeps_answering_under_concurrent_load() {
    let server = Server::start(Config::default());
    let addr = server.addr;
    let raw = corpus("lhost-postfix-01.eml");
    let started = Instant::now();
    let workers: Vec<_> = (0..8)
        .map(|i| {
            let raw = raw.clone();
            std::thread::spawn(move || {
                for _ in 0..15 {
                    let r = if i % 2 == 0 {
                        common::request(
                            addr,
                            "POST",
                            "/api/v1/explain",
                            &[("Content-Type", "text/plain")],
                            b"550 5.1.1 <hanako@example.co.jp>... User unknown",
                        )
                    } else {
                        common::request(
                            addr,
                            "POST",
                            "/api/v1/parse",
                            &[("Content-Type", "message/rfc822")],
                            &raw,
                        )
                    };
                    assert_eq!(r.status, 200, "{}", r.text());
                }
            })
        })
        .collect();
    // Meanwhile the service stays responsive.
    while workers.iter().any(|w| !w.is_finished()) {
        let t = Instant::now();
        assert_eq!(server.get("/healthz").status, 200);
        assert!(
            t.elapsed() < Duration::from_secs(2),
            "healthz took {:?}",
            t.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    for w in workers {
        w.join().unwrap();
    }
    assert!(started.elapsed() < Duration::from_secs(60));
}

#[test]
fn keep_alive_connections_serve_several_requests() {
    let server = Server::start(small());
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    for _ in 0..3 {
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .unwrap();
        let mut buf = vec![0u8; 4096];
        let n = stream.read(&mut buf).unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    }
}

#[test]
fn openapi_schemas_describe_the_objects_served() {
    let server = Server::start(Config::default());
    let doc: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let d = server
        .post(
            "/api/v1/explain",
            "text/plain",
            b"550 5.1.1 <hanako@example.co.jp>... User unknown",
        )
        .json();
    check_schema(&doc, "ExplainAnswer", &[], &d);
    for a in d["recipients"].as_array().unwrap() {
        check_schema(&doc, "Answer", &[], a);
    }
    let nothing = server
        .post("/api/v1/explain", "text/plain", b"hello world")
        .json();
    check_schema(&doc, "ExplainAnswer", &[], &nothing);
    for e in d["evidence"].as_array().unwrap() {
        check_schema(&doc, "Evidence", &[], e);
    }
    for a in d["advice"].as_array().unwrap() {
        check_schema(&doc, "Advice", &[], a);
    }
    let records = server
        .post(
            "/api/v1/parse",
            "message/rfc822",
            &corpus("lhost-postfix-01.eml"),
        )
        .json();
    let record_fields = &doc["components"]["schemas"]["Record"]["oneOf"][0]["allOf"][1];
    let extra: Vec<&str> = record_fields["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for r in records.as_array().unwrap() {
        check_schema(&doc, "Diagnosis", &extra, r);
        check_schema(&doc, "MessageFacts", &[], &r["message"]);
    }
    check_schema(
        &doc,
        "ReasonDoc",
        &[],
        &server.get("/api/v1/reasons/mailboxfull").json(),
    );
    check_schema(
        &doc,
        "CodeDoc",
        &[],
        &server.get("/api/v1/codes/550").json(),
    );
    check_schema(
        &doc,
        "CodeDoc",
        &[],
        &server.get("/api/v1/codes/5.7.26").json(),
    );
    check_schema(&doc, "Error", &[], &server.get("/api/v1/nothing").json());
}

/// A text in which nothing is recognized gets no story on the page: no reason, no party,
/// no advice; it asks for the whole error, in the page's language.
#[test]
fn a_text_with_nothing_recognized_tells_no_story_on_the_page() {
    let server = Server::start(Config::default());
    for (lang, ask) in [("en", "whole"), ("ja", "全体")] {
        let body = format!("lang={lang}&text={}", form_encode("hello world"));
        let r = server.post("/", "application/x-www-form-urlencoded", body.as_bytes());
        assert_eq!(r.status, 200);
        let html = r.text();
        assert!(html.contains("data-kind=\"nothing\""), "{lang}");
        assert!(!html.contains("data-reason="), "{lang}");
        assert!(html.contains(ask), "{lang}");
    }
}
