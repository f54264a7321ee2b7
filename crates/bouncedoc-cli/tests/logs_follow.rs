//! `bouncedoc logs --follow` through the real binary: lines are appended to a log while it
//! runs, the log is rotated (renamed, a new one created), and each story is read from its
//! output when it ends, not before.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

use bouncedoc_testkit::append;
use serde_json::Value;

const BOB: &str = "Jan 15 10:00:00 mail postfix/smtp[2104]: 4F9D1C2A3B: to=<bob@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))\n";
const CAROL_DEFERRED: &str = "Jan 15 10:00:01 mail postfix/smtp[2105]: 5A6B7C8D9E: to=<carol@example.net>, relay=mx.example.net[192.0.2.30]:25, delay=3, delays=0.1/0/0.4/2.5, dsn=4.7.1, status=deferred (host mx.example.net[192.0.2.30] said: 451 4.7.1 <carol@example.net>: Recipient address rejected: Greylisted, try again later (in reply to RCPT TO command))\n";
const CAROL_SENT: &str = "Jan 15 10:20:01 mail postfix/smtp[2105]: 5A6B7C8D9E: to=<carol@example.net>, relay=mx.example.net[192.0.2.30]:25, delay=1203, delays=1200/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 1A2B3C)\n";
const GRACE: &str = "Jan 15 13:00:01 mail postfix/smtp[2113]: 7C8D9E0F1A: to=<grace@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=2, delays=0.1/0/0.5/1.4, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.7.1 Service unavailable; client [198.51.100.7] blocked using zen.spamhaus.org (in reply to RCPT TO command))\n";

/// The running binary and its output, line by line.
struct Following {
    child: Child,
    lines: Receiver<String>,
}

impl Following {
    fn start(log: &Path) -> Following {
        let mut child = Command::new(env!("CARGO_BIN_EXE_bouncedoc"))
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["logs", "--follow", "--format", "jsonl", "--year", "2024"])
            .args(["--flush-interval", "50"])
            .arg(log)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if send.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        Following { child, lines }
    }

    /// The next record it prints.
    fn next(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(Duration::from_secs(20))
            .expect("a record within 20 s");
        serde_json::from_str(&line).unwrap()
    }

    /// Asserts that it prints nothing for a while.
    fn quiet(&self) {
        match self.lines.recv_timeout(Duration::from_millis(400)) {
            Err(RecvTimeoutError::Timeout) => {}
            other => panic!("nothing expected yet, got {other:?}"),
        }
    }
}

impl Drop for Following {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn stories_are_printed_as_they_end_across_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("maillog");
    append(&log, BOB);
    let f = Following::start(&log);

    let bob = f.next();
    assert_eq!(bob["log"]["recipient"], "bob@example.org");
    assert_eq!(bob["log"]["outcome"], "bounced");
    assert_eq!(bob["reason"], "userunknown");
    assert_eq!(bob["line"], 1);

    // A deferral is not a story's end; half a line is not a line.
    append(&log, CAROL_DEFERRED);
    let (head, tail) = CAROL_SENT.split_at(60);
    append(&log, head);
    f.quiet();
    append(&log, tail);
    let carol = f.next();
    assert_eq!(carol["log"]["recipient"], "carol@example.net");
    assert_eq!(carol["log"]["outcome"], "delivered");
    assert_eq!(carol["log"]["attempts"], 2);
    assert_eq!(carol["line"], 2);

    // logrotate: the log is renamed and a new one created.
    std::fs::rename(&log, dir.path().join("maillog.1")).unwrap();
    f.quiet();
    append(&log, GRACE);
    let grace = f.next();
    assert_eq!(grace["log"]["recipient"], "grace@example.org");
    assert_eq!(grace["line"], 1, "the new file's first line");
    assert_eq!(grace["party"], "sender-admin");

    // It still follows the new file.
    append(
        &log,
        "Jan 15 13:00:02 mail postfix/smtp[2114]: 8D9E0F1A2B: to=<heidi@example.org>, relay=none\n",
    );
    let damaged = f.next();
    assert_eq!(damaged["line"], 2);
    assert!(damaged["error"].is_string());
}

#[test]
fn follow_takes_one_file() {
    let out = Command::new(env!("CARGO_BIN_EXE_bouncedoc"))
        .args(["logs", "--follow", "a", "b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("exactly one"));
}
