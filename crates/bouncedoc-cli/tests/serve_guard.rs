//! `bouncedoc serve` and who may drive its ledger: never on an address others can reach
//! without a token; the token from a file or `BOUNCEDOC_TOKEN`, never a plain flag.

mod support;

use support::bouncedoc;

#[test]
fn a_ledger_on_a_non_loopback_address_without_a_token_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let out = bouncedoc()
        .env_remove("BOUNCEDOC_TOKEN")
        .args(["serve", "--listen", "0.0.0.0:0", "--database"])
        .arg(&db)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0.0.0.0:0"), "{err}");
    assert!(err.contains("--token-file"), "{err}");
    assert!(err.contains("BOUNCEDOC_TOKEN"), "{err}");
    assert!(err.contains("127.0.0.1"), "{err}");
    assert!(!db.exists(), "the ledger is not even created");

    // In Japanese for a Japanese locale.
    let out = bouncedoc()
        .env_remove("BOUNCEDOC_TOKEN")
        .env("LANG", "ja_JP.UTF-8")
        .args(["serve", "--listen", "[::]:0", "--database"])
        .arg(&db)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[::]:0") && err.contains("トークン"), "{err}");
}

#[test]
fn a_weak_or_unreadable_token_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short");
    std::fs::write(&short, "abc\n").unwrap();
    for (args, words) in [
        (
            vec!["--token-file".to_string(), short.display().to_string()],
            "at least 16",
        ),
        (
            vec![
                "--token-file".to_string(),
                dir.path().join("none").display().to_string(),
            ],
            "reading the token file",
        ),
    ] {
        let out = bouncedoc()
            .env_remove("BOUNCEDOC_TOKEN")
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(&args)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
    let out = bouncedoc()
        .env(
            "BOUNCEDOC_TOKEN",
            "has spaces in it, so no header can carry it",
        )
        .args(["serve", "--listen", "127.0.0.1:0"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("BOUNCEDOC_TOKEN"), "{err}");
}

#[test]
fn the_token_is_no_plain_flag() {
    let out = bouncedoc()
        .args(["serve", "--token", "a-token-on-the-command-line"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let help = bouncedoc().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--token-file"), "{help}");
    assert!(help.contains("BOUNCEDOC_TOKEN"), "{help}");
    assert!(help.contains("--ledger-public-reads"), "{help}");
    assert!(help.contains("--allowed-host"), "{help}");
}

/// A `bouncedoc serve` child on a loopback port; killed when dropped.
struct Served {
    child: std::process::Child,
    addr: String,
}

impl Served {
    fn start(args: &[&str], token_env: Option<&str>) -> Served {
        use std::io::BufRead;
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_bouncedoc"));
        cmd.args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .env("BOUNCEDOC_LOG", "warn")
            .env_remove("BOUNCEDOC_TOKEN")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped());
        if let Some(token) = token_env {
            cmd.env("BOUNCEDOC_TOKEN", token);
        }
        let mut child = cmd.spawn().expect("bouncedoc serve starts");
        let stderr = child.stderr.take().unwrap();
        let mut lines = std::io::BufReader::new(stderr).lines();
        let addr = loop {
            let line = lines.next().expect("serve says where it listens").unwrap();
            if let Some(rest) = line.strip_prefix("bouncedoc: listening on http://") {
                break rest.trim_end_matches('/').to_string();
            }
        };
        Served { child, addr }
    }

    /// Sends one request and answers its status line's code.
    fn status(&self, head: &str, body: &[u8]) -> u16 {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        let head = format!(
            "{head}Host: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            self.addr,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body).unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("not an answer: {answer}"))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const BOUNCE: &[u8] = b"From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\n\
Subject: Delivery Status Notification (Failure)\nContent-Type: multipart/report; \
report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nFailed.\n\n\
--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\n\
Final-Recipient: rfc822; taro@example.jp\nAction: failed\nStatus: 5.1.1\n\
Diagnostic-Code: smtp; 550 5.1.1 User unknown\n\n--B--\n";

#[test]
fn serve_takes_its_token_from_a_file_or_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let token = "owner-token-0123456789abcdef";
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{token}\n")).unwrap();
    let ingest = "POST /api/v1/ledger/ingest HTTP/1.1\r\nContent-Type: message/rfc822\r\n";
    let with = format!("{ingest}Authorization: Bearer {token}\r\n");
    let check = "GET /api/v1/ledger/check?address=taro@example.jp HTTP/1.1\r\n";

    let db = dir.path().join("a.db");
    let a = Served::start(
        &[
            "--database",
            db.to_str().unwrap(),
            "--token-file",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(a.status(ingest, BOUNCE), 401);
    assert_eq!(a.status(&with, BOUNCE), 200);
    assert_eq!(a.status(check, b""), 401);
    drop(a);

    let db = dir.path().join("b.db");
    let b = Served::start(
        &["--database", db.to_str().unwrap(), "--ledger-public-reads"],
        Some(token),
    );
    assert_eq!(b.status(ingest, BOUNCE), 401);
    assert_eq!(b.status(&with, BOUNCE), 200);
    assert_eq!(b.status(check, b""), 200);
    drop(b);

    // Without a token, on loopback: it starts, and the ledger is refused over HTTP.
    let db = dir.path().join("c.db");
    let c = Served::start(&["--database", db.to_str().unwrap()], None);
    assert_eq!(c.status(&with, BOUNCE), 403);
}
