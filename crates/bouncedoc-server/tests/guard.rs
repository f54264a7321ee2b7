//! Who may drive the real server over loopback HTTP (issue 17, point 1): the ledger only with
//! its token, no content type a page of another site can send, no request from another
//! origin, no host name the server was not started for.

mod common;

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use common::{AUTH, Response, Server, dsn_for as bounce, form_encode, multipart, with_ledger};
use serde_json::Value;

/// Sends a request written whole (its own `Host`, or none), and reads the answer.
fn raw(addr: SocketAddr, head: &str, body: &[u8]) -> Response {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body));
    common::read_response(&mut stream)
}

/// How many bounces the ledger holds for `address` (read with the token).
fn bounces(server: &Server, address: &str) -> u64 {
    let checks = server
        .get_auth(&format!("/api/v1/ledger/check?address={address}"))
        .json();
    checks[0]["bounces"].as_u64().expect("a count")
}

fn assert_refused(r: &Response, status: u16, code: &str) -> Value {
    assert_eq!(r.status, status, "{}", r.text());
    let v = r.json();
    assert_eq!(v["error"], code, "{v}");
    assert_eq!(v["status"], status);
    assert!(!v["message"].as_str().unwrap_or_default().is_empty());
    v
}

#[test]
fn a_cross_site_text_plain_ingest_is_refused_and_records_nothing() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let forged = bounce("victim@example.jp");
    // What a page of any site can send without a preflight: no token, a simple type.
    let r = server.post("/api/v1/ledger/ingest", "text/plain", &forged);
    assert_refused(&r, 401, "token_required");
    // Even with the token, none of the three simple types, nor no type at all.
    let (form_type, form) = multipart(&[], &[("file", "forged.eml", &forged)]);
    let urlencoded = format!(
        "text={}",
        form_encode(std::str::from_utf8(&forged).unwrap())
    );
    for (ct, body) in [
        ("text/plain; charset=utf-8", forged.clone()),
        (form_type.as_str(), form),
        ("application/x-www-form-urlencoded", urlencoded.into_bytes()),
    ] {
        let r = server.post_auth("/api/v1/ledger/ingest", ct, &body);
        let v = assert_refused(&r, 415, "unsupported_media_type");
        let essence = ct.split(';').next().unwrap();
        assert!(v["message"].as_str().unwrap().contains(essence), "{v}");
    }
    let r = server.request("POST", "/api/v1/ledger/ingest", &[AUTH], &forged);
    assert_refused(&r, 415, "unsupported_media_type");
    assert_eq!(bounces(&server, "victim@example.jp"), 0);
    // The same bounce as a message type is recorded.
    let r = server.post_auth("/api/v1/ledger/ingest", "message/rfc822", &forged);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(bounces(&server, "victim@example.jp"), 1);
}

#[test]
fn a_forged_bounce_from_another_origin_is_refused() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let forged = bounce("victim@example.jp");
    for (headers, code) in [
        (&[("Origin", "http://evil.example")][..], "cross_origin"),
        (&[("Origin", "null")], "cross_origin"),
        // A sandboxed frame of another site sends `null`, and says where it is.
        (
            &[("Origin", "null"), ("Sec-Fetch-Site", "cross-site")],
            "cross_origin",
        ),
        (&[("Sec-Fetch-Site", "cross-site")], "cross_site"),
    ] {
        let mut all = vec![("Content-Type", "message/rfc822"), AUTH];
        all.extend(headers);
        let r = server.request("POST", "/api/v1/ledger/ingest", &all, &forged);
        let v = assert_refused(&r, 403, code);
        if code == "cross_origin" {
            assert!(v["message"].as_str().unwrap().contains(headers[0].1), "{v}");
        }
    }
    assert_eq!(bounces(&server, "victim@example.jp"), 0);
    // The page's form, posted from another site's page: refused, as a page.
    let form = format!("text={}", form_encode("550 5.1.1 User unknown"));
    let r = server.request(
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "https://evil.example"),
        ],
        form.as_bytes(),
    );
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(
        r.text().contains("data-error=\"cross_origin\""),
        "{}",
        r.text()
    );
    // From the server's own page it is answered.
    let own = format!("http://{}", server.addr);
    let r = server.request(
        "POST",
        "/",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", own.as_str()),
        ],
        form.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // So is the form of the server's own page, which a browser sends with `Origin: null`
    // (the page's `Referrer-Policy: no-referrer`) and `Sec-Fetch-Site: same-origin`.
    let r = server.request(
        "POST",
        "/explain",
        &[
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "null"),
            ("Sec-Fetch-Site", "same-origin"),
        ],
        form.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    // With the server's own origin, the ledger records.
    let r = server.request(
        "POST",
        "/api/v1/ledger/ingest",
        &[
            ("Content-Type", "message/rfc822"),
            ("Origin", own.as_str()),
            ("Sec-Fetch-Site", "same-origin"),
            AUTH,
        ],
        &forged,
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn an_origin_given_at_start_may_post() {
    let (mut config, _dir) = with_ledger();
    config.allowed_origins = vec!["https://admin.example".into()];
    let server = Server::start(config);
    let r = server.request(
        "POST",
        "/api/v1/ledger/ingest",
        &[
            ("Content-Type", "message/rfc822"),
            ("Origin", "https://admin.example"),
            AUTH,
        ],
        &bounce("taro@example.jp"),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn a_host_the_server_was_not_started_for_is_refused() {
    let (mut config, _dir) = with_ledger();
    config.allowed_hosts = vec!["bounces.example".into()];
    let server = Server::start(config);
    let port = server.addr.port();
    let get = |path: &str, host: &str| {
        raw(
            server.addr,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Language: ja\r\nConnection: close\r\n\r\n"
            ),
            b"",
        )
    };
    // A rebound name reads neither the ledger nor anything else.
    for path in ["/api/v1/ledger/check?address=a@example.jp", "/healthz"] {
        let r = get(path, &format!("rebind.evil.example:{port}"));
        let v = assert_refused(&r, 421, "misdirected_host");
        let message = v["message"].as_str().unwrap();
        assert!(message.contains("rebind.evil.example"), "{message}");
        assert!(message.contains("--allowed-host"), "{message}");
        assert!(message.contains("応答しません"), "{message}");
    }
    let page = get("/", "rebind.evil.example");
    assert_eq!(page.status, 421);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    // No Host at all.
    let r = raw(
        server.addr,
        "GET /healthz HTTP/1.0\r\nConnection: close\r\n\r\n",
        b"",
    );
    assert_refused(&r, 421, "misdirected_host");
    // The server's own names, with any port.
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "LOCALHOST".to_string(),
        format!("bounces.example:{port}"),
        "bounces.example:443".to_string(),
    ] {
        assert_eq!(get("/healthz", &host).status, 200, "{host}");
        assert_eq!(get("/", &host).status, 200, "{host}");
    }
}

#[test]
fn the_ledger_needs_the_token() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let gone = bounce("taro@example.jp");
    let r = server.post("/api/v1/ledger/ingest", "message/rfc822", &gone);
    assert_refused(&r, 401, "token_required");
    assert_eq!(
        r.header("www-authenticate"),
        Some("Bearer realm=\"bouncedoc ledger\"")
    );
    let r = server.request(
        "POST",
        "/api/v1/ledger/ingest",
        &[
            ("Content-Type", "message/rfc822"),
            ("Authorization", "Bearer not-the-token-of-this-server"),
            ("Accept-Language", "ja"),
        ],
        &gone,
    );
    let v = assert_refused(&r, 401, "bad_token");
    assert!(v["message"].as_str().unwrap().contains("トークン"), "{v}");
    assert!(
        r.header("www-authenticate")
            .unwrap()
            .contains("invalid_token")
    );
    let r = server.request(
        "POST",
        "/api/v1/ledger/ingest",
        &[
            ("Content-Type", "message/rfc822"),
            ("Authorization", "Basic dTpw"),
        ],
        &gone,
    );
    assert_refused(&r, 401, "token_required");
    assert_eq!(bounces(&server, "taro@example.jp"), 0);

    let r = server.post_auth("/api/v1/ledger/ingest", "message/rfc822", &gone);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["suppressed"], 1);
    assert_eq!(bounces(&server, "taro@example.jp"), 1);

    // The reads too.
    for path in [
        "/api/v1/ledger/check?address=taro@example.jp",
        "/api/v1/ledger/suppressions",
    ] {
        assert_refused(&server.get(path), 401, "token_required");
        assert_eq!(server.get_auth(path).status, 200);
    }
    // The routes that touch no ledger need no token.
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(
        server
            .post("/api/v1/explain", "text/plain", b"550 5.1.1 User unknown")
            .status,
        200
    );
}

#[test]
fn public_reads_open_the_reads_only() {
    let (mut config, _dir) = with_ledger();
    config.ledger_public_reads = true;
    let server = Server::start(config);
    let r = server.get("/api/v1/ledger/check?address=taro@example.jp");
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(server.get("/api/v1/ledger/suppressions").status, 200);
    let r = server.post(
        "/api/v1/ledger/ingest",
        "message/rfc822",
        &bounce("taro@example.jp"),
    );
    assert_refused(&r, 401, "token_required");
    assert_eq!(bounces(&server, "taro@example.jp"), 0);
}

#[test]
fn without_a_token_configured_the_ledger_is_refused_over_http() {
    let (mut config, _dir) = with_ledger();
    config.token = None;
    let server = Server::start(config);
    let r = server.request(
        "POST",
        "/api/v1/ledger/ingest",
        &[("Content-Type", "message/rfc822"), AUTH],
        &bounce("taro@example.jp"),
    );
    let v = assert_refused(&r, 403, "token_not_configured");
    assert!(
        v["message"].as_str().unwrap().contains("--token-file"),
        "{v}"
    );
    let r = server.get_auth("/api/v1/ledger/suppressions");
    assert_refused(&r, 403, "token_not_configured");
}

#[test]
fn unsuppress_lifts_a_suppression_and_names_an_unknown_address() {
    let (config, _dir) = with_ledger();
    let server = Server::start(config);
    let r = server.post_auth(
        "/api/v1/ledger/ingest",
        "message/rfc822",
        &bounce("taro@example.jp"),
    );
    assert_eq!(r.json()["suppressed"], 1);
    let path = "/api/v1/ledger/unsuppress";
    let json = "application/json";

    // Without the token, or as a simple type: refused, still suppressed.
    let body = br#"{"address": "taro@example.jp", "reason": "the mailbox was recreated"}"#;
    assert_refused(&server.post(path, json, body), 401, "token_required");
    assert_refused(
        &server.post_auth(path, "text/plain", body),
        415,
        "unsupported_media_type",
    );
    assert_refused(
        &server.post_auth(path, "application/octet-stream", body),
        415,
        "unsupported_media_type",
    );
    let check = server
        .get_auth("/api/v1/ledger/check?address=taro@example.jp")
        .json();
    assert_eq!(check[0]["status"], "suppressed");

    // A bad body says what is expected.
    let r = server.post_auth(path, json, br#"{"address": "taro@example.jp"}"#);
    let v = assert_refused(&r, 400, "bad_json");
    assert!(v["message"].as_str().unwrap().contains("reason"), "{v}");
    let r = server.post_auth(
        path,
        json,
        br#"{"address": "taro@example.jp", "reason": " "}"#,
    );
    assert_refused(&r, 400, "bad_json");

    // An unknown address: 404 naming it, in the language asked for; nothing written.
    for (lang, words) in [("en", "holds nothing"), ("ja", "記録はありません")] {
        let r = server.request(
            "POST",
            path,
            &[("Content-Type", json), ("Accept-Language", lang), AUTH],
            br#"{"address": "Nobody@Example.jp", "reason": "typo"}"#,
        );
        let v = assert_refused(&r, 404, "unknown_address");
        let message = v["message"].as_str().unwrap();
        assert!(message.contains("nobody@example.jp"), "{message}");
        assert!(message.contains(words), "{message}");
    }

    let r = server.post_auth(
        path,
        json,
        br#"{"address": "Taro@example.jp", "reason": "the mailbox was recreated", "by": "hanako"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v = r.json();
    assert_eq!(v["record"]["address"], "taro@example.jp");
    assert_eq!(v["record"]["who"], "hanako");
    assert_eq!(v["record"]["reason"], "the mailbox was recreated");
    assert_eq!(v["lifted"]["address"], "taro@example.jp");
    let check = server
        .get_auth("/api/v1/ledger/check?address=taro@example.jp")
        .json();
    assert_eq!(check[0]["status"], "ok");

    // Known but no longer suppressed: recorded all the same, `by` defaults to `api`.
    let r = server.post_auth(
        path,
        json,
        br#"{"address": "taro@example.jp", "reason": "again"}"#,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["lifted"], Value::Null);
    assert_eq!(r.json()["record"]["who"], "api");
}
