//! What a hostile bounce or a hostile ledger reader must not get through the real binary:
//! formulas in CSV cells, terminal control in text for a person, a ledger that only a writer
//! can read, an `unsuppress` that silently does nothing, addresses that are one mailbox
//! under two spellings.

mod ledger_support;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use bouncedoc_ledger::testing::{Dsn, DsnRecipient, WriteLock};
use ledger_support::{Db, bouncedoc, run, sqlite, text};

/// What a hostile server writes in its diagnostic: a screen clear, a title change, an OSC 52
/// clipboard write, a C1 CSI, a bell and a backspace.
const ESCAPES: &str =
    "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{1b}\\\u{9b}31m\u{8}\u{7}";

fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || c == '\u{7f}'
}

/// A bounce whose recipient and diagnostic are chosen by the attacker.
fn write_bounce(dir: &Path, name: &str, recipient: &str, diagnostic: &str) -> String {
    let msg = Dsn::failure(vec![DsnRecipient::failed(recipient, "5.1.1", diagnostic)])
        .with_message_id(&format!("<{name}@mx.example.net>"))
        .message();
    let path = dir.join(name);
    std::fs::write(&path, msg).unwrap();
    path.to_str().unwrap().to_string()
}

fn ingest_file(db: &Db, path: &str) {
    let out = run(db, &["ingest", path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

/// Every cell of a CSV output, parsed as a spreadsheet would split it.
fn cells(csv: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',' | '\n', false) => out.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    out.push(cell);
    out
}

fn assert_no_formula(csv: &str) {
    for cell in cells(csv) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a cell a spreadsheet reads as a formula: {cell:?}"
        );
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let dir = tempfile::tempdir().unwrap();
    let diag = "=HYPERLINK(\"http://evil.example/\",\"click\")";
    let path = write_bounce(
        dir.path(),
        "=cmd|' -C calc'!A0.eml",
        "-taro@example.jp",
        diag,
    );
    let parse = bouncedoc()
        .args(["parse", "--quiet", "--format", "csv", &path])
        .output()
        .unwrap();
    let shown = text(&parse.stdout);
    assert!(shown.contains(",'-taro@example.jp,"), "{shown}");
    assert_no_formula(&shown);

    let db = sqlite();
    ingest_file(&db, &path);
    let list = run(&db, &["suppressions", "--format", "csv"]);
    assert_eq!(list.status.code(), Some(0), "{}", text(&list.stderr));
    let shown = text(&list.stdout);
    assert!(shown.contains("'-taro@example.jp"), "{shown}");
    assert_no_formula(&shown);
}

#[test]
fn no_terminal_control_reaches_a_person() {
    let dir = tempfile::tempdir().unwrap();
    let diag = format!("550 5.1.1 unknown user {ESCAPES}here");
    let path = write_bounce(dir.path(), "esc.eml", "taro@example.jp", &diag);
    let db = sqlite();
    ingest_file(&db, &path);

    let explain = bouncedoc().args(["explain", &diag]).output().unwrap();
    let outputs = [
        run(&db, &["check", "taro@example.jp"]),
        run(&db, &["suppressions"]),
        bouncedoc().args(["parse", &path]).output().unwrap(),
        explain,
    ];
    for out in &outputs {
        let shown = text(&out.stdout);
        assert!(shown.contains("here"), "{shown}");
        assert!(
            !shown.chars().any(is_terminal_control),
            "terminal control in {shown:?}"
        );
        assert!(!shown.contains("owned"), "{shown:?}");
    }

    // JSON keeps the words, escaped.
    let json = run(&db, &["check", "--format", "jsonl", "taro@example.jp"]);
    let shown = text(&json.stdout);
    assert!(shown.contains("\\u001b]0;owned"), "{shown}");
}

#[test]
fn check_and_suppressions_read_while_a_writer_holds_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_bounce(dir.path(), "a.eml", "taro@example.jp", "550 5.1.1 unknown");
    let db = sqlite();
    ingest_file(&db, &path);
    let _writer = WriteLock::take(Path::new(&db.url()));
    for args in [&["check", "taro@example.jp"][..], &["suppressions"]] {
        let started = Instant::now();
        let mut child = bouncedoc()
            .args(args)
            .arg("--database")
            .arg(db.url())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > Duration::from_secs(10) {
                let _ = child.kill();
                panic!("{args:?} waited for the writer");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let out = child.wait_with_output().unwrap();
        assert!(
            status.code() == Some(1) || status.code() == Some(0),
            "{args:?}: {status:?} {}",
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("taro@example.jp"));
    }
}

#[test]
fn unsuppress_of_an_unknown_address_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_bounce(dir.path(), "a.eml", "taro@example.jp", "550 5.1.1 unknown");
    let db = sqlite();
    ingest_file(&db, &path);
    let before = db.snapshot();
    for (lang, words) in [("C", "holds nothing"), ("ja_JP.UTF-8", "記録はありません")] {
        let out = bouncedoc()
            .env("LANG", lang)
            .args(["unsuppress", "nobody@example.jp", "--reason", "typo"])
            .arg("--database")
            .arg(db.url())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
        let said = text(&out.stderr);
        assert!(
            said.contains("nobody@example.jp") && said.contains(words),
            "{said}"
        );
    }
    assert_eq!(db.snapshot(), before, "nothing was written");
    let known = run(&db, &["unsuppress", "taro@example.jp", "--reason", "fixed"]);
    assert_eq!(known.status.code(), Some(0), "{}", text(&known.stderr));
}

#[test]
fn one_mailbox_under_any_spelling_and_no_other_mailbox() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite();
    let files = [
        write_bounce(
            dir.path(),
            "idn.eml",
            "kevin@xn--bcher-kva.de",
            "550 5.1.1 unknown",
        ),
        write_bounce(
            dir.path(),
            "quoted.eml",
            "\"john doe\"@example.jp",
            "550 5.1.1 unknown",
        ),
        write_bounce(dir.path(), "nul.eml", "<a\0b@b.jp>", "550 5.1.1 unknown"),
    ];
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&db, &args);
    let said = text(&out.stderr);
    assert!(said.contains("nul.eml: not a usable address"), "{said}");
    assert!(said.contains("2 events"), "{said}");

    for address in [
        "kevin@bücher.de",
        "KEVIN@xn--bcher-kva.de",
        "\"John Doe\"@example.jp",
    ] {
        let out = run(&db, &["check", address]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{address}: {}",
            text(&out.stdout)
        );
        assert!(text(&out.stdout).contains("SUPPRESSED"), "{address}");
    }
    for other in ["b@b.jp", "ab@b.jp"] {
        let out = run(&db, &["check", other]);
        assert_eq!(out.status.code(), Some(0), "{other}: {}", text(&out.stdout));
    }
    let out = run(&db, &["check", "a\u{1b}b@b.jp"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("not a usable address"));
}
