//! A real Postfix (Debian's package) on loopback, with its own throwaway configuration and
//! `maillog_file`, delivers one message to a small SMTP server run by this test, which
//! refuses one recipient (550 5.1.1), defers another (451 4.7.1) until the message's short
//! lifetime ends, and accepts a third; then `bouncedoc logs` reads what Postfix wrote.
//!
//! Postfix must be started as root. Without `/usr/sbin/postfix` (or root) the test says so
//! and passes, unless `CI=true`, where it fails. No port is opened but the test server's,
//! on 127.0.0.1: this Postfix has no SMTP listener, and mail is submitted with its sendmail.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

/// Answers one SMTP session: the recipient's local part decides its fate.
fn session(stream: TcpStream) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    out.write_all(b"220 sink.example.test ESMTP test\r\n")?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let upper = line.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            "250-sink.example.test\r\n250 8BITMIME\r\n".into()
        } else if upper.starts_with("HELO")
            || upper.starts_with("MAIL")
            || upper.starts_with("RSET")
        {
            "250 2.1.0 Ok\r\n".into()
        } else if upper.starts_with("RCPT") {
            let address = line.split(['<', '>']).nth(1).unwrap_or("").to_string();
            if address.starts_with("refuse") {
                format!(
                    "550 5.1.1 <{address}>: Recipient address rejected: User unknown in local recipient table\r\n"
                )
            } else if address.starts_with("defer") {
                format!(
                    "451 4.7.1 <{address}>: Recipient address rejected: Greylisted, please try again later\r\n"
                )
            } else {
                "250 2.1.5 Ok\r\n".into()
            }
        } else if upper.starts_with("DATA") {
            out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 || line == ".\r\n" || line == ".\n" {
                    break;
                }
            }
            "250 2.0.0 Ok: queued\r\n".into()
        } else if upper.starts_with("QUIT") {
            out.write_all(b"221 2.0.0 Bye\r\n")?;
            return Ok(());
        } else {
            "502 5.5.2 Error: command not recognized\r\n".into()
        };
        out.write_all(reply.as_bytes())?;
    }
}

/// Stops the Postfix instance however the test ends.
struct Instance(PathBuf);

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = Process::new("/usr/sbin/postfix")
            .arg("-c")
            .arg(&self.0)
            .arg("stop")
            .output();
    }
}

const MASTER_CF: &str = "\
pickup    unix  n       -       n       1       1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       1       1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
";

fn is_root() -> bool {
    Process::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn run(cmd: &mut Process) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_real_postfix_log() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if !Path::new("/usr/sbin/postfix").exists() || !is_root() {
        assert!(
            !ci,
            "CI=true: Postfix (Debian's postfix package) and root are required"
        );
        eprintln!("skipped: no /usr/sbin/postfix, or not root (apt-get install postfix)");
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || session(stream));
        }
    });

    let dir = tempfile::Builder::new()
        .prefix("bouncedoc-postfix")
        .tempdir_in("/tmp")
        .unwrap();
    let root = dir.path();
    let chmod = |p: &Path| run(Process::new("chmod").arg("755").arg(p));
    chmod(root);
    for sub in ["queue", "data"] {
        std::fs::create_dir(root.join(sub)).unwrap();
    }
    run(Process::new("chown").arg("postfix").arg(root.join("data")));
    let maillog = root.join("maillog");
    let main_cf = format!(
        "compatibility_level = 3.6
queue_directory = {root}/queue
data_directory = {root}/data
mail_owner = postfix
setgid_group = postdrop
myhostname = bouncedoc-test.localdomain
mydomain = localdomain
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
relayhost = [127.0.0.1]:{port}
maillog_file_prefixes = {root}
maillog_file = {log}
smtp_tls_security_level = none
smtp_dns_support_level = disabled
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
maximal_queue_lifetime = 6s
bounce_queue_lifetime = 6s
alias_maps =
alias_database =
",
        root = root.display(),
        log = maillog.display(),
    );
    std::fs::write(root.join("main.cf"), main_cf).unwrap();
    std::fs::write(root.join("master.cf"), MASTER_CF).unwrap();
    run(Process::new("/usr/sbin/postfix")
        .arg("-c")
        .arg(root)
        .arg("check"));
    run(Process::new("/usr/sbin/postfix")
        .arg("-c")
        .arg(root)
        .arg("start"));
    let _instance = Instance(root.to_path_buf());

    let mut send = Process::new("/usr/sbin/sendmail")
        .arg("-C")
        .arg(root)
        .args([
            "-f",
            "sender@example.test",
            "refuse@example.test",
            "defer@example.test",
            "accept@example.test",
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    send.stdin
        .take()
        .unwrap()
        .write_all(b"From: sender@example.test\nSubject: bouncedoc test\n\nHello.\n")
        .unwrap();
    assert!(send.wait().unwrap().success());

    // Wait until the deferred recipient's message has expired and left the queue.
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(&maillog).unwrap_or_default();
        if text.contains("status=expired") && text.contains(": removed") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(90),
            "Postfix did not finish:\n{text}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }

    let out = Command::cargo_bin("bouncedoc")
        .unwrap()
        .args(["logs", "--format", "jsonl", "--quiet"])
        .arg(&maillog)
        .output()
        .unwrap();
    let log = std::fs::read_to_string(&maillog).unwrap();
    let records: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let of = |who: &str| {
        records
            .iter()
            .find(|r| r["log"]["recipient"] == who)
            .unwrap_or_else(|| panic!("no record of {who} in {records:#?}\n{log}"))
    };
    let refused = of("refuse@example.test");
    assert_eq!(refused["log"]["format"], "postfix");
    assert_eq!(refused["log"]["outcome"], "bounced");
    assert_eq!(refused["log"]["dsn"], "5.1.1");
    assert_eq!(refused["log"]["command"], "RCPT");
    assert_eq!(
        refused["log"]["relay"],
        format!("127.0.0.1[127.0.0.1]:{port}")
    );
    assert!(refused["log"]["queue_id"].is_string());
    assert_eq!(refused["reason"], "userunknown");
    assert_eq!(refused["hard_bounce"], true);

    let deferred = of("defer@example.test");
    assert_eq!(deferred["log"]["outcome"], "expired", "{log}");
    assert!(deferred["log"]["attempts"].as_u64().unwrap() >= 2, "{log}");
    assert!(
        deferred["log"]["reply"]
            .as_str()
            .unwrap()
            .contains("Greylisted")
    );
    assert_eq!(deferred["status"], "4.7.1");

    assert!(
        records
            .iter()
            .all(|r| r["log"]["recipient"] != "accept@example.test"),
        "a delivery at the first attempt tells no story"
    );
    assert!(out.status.success(), "{log}");

    // The same log into a ledger: the refusal and the expiry are failures, the delivery at
    // the first attempt is nothing, and reading the log again adds nothing.
    let db = root.join("ledger.db");
    let ingest = || {
        let out = Command::cargo_bin("bouncedoc")
            .unwrap()
            .env("LANG", "C")
            .args(["ingest", "--logs", "--database"])
            .arg(&db)
            .arg(&maillog)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}\n{log}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let first = ingest();
    assert!(
        first.contains("2 events (2 new, 0 already recorded)"),
        "{first}\n{log}"
    );
    let again = ingest();
    assert!(again.contains("(0 new, 2 already recorded)"), "{again}");
    let mut ledger =
        bouncedoc_ledger::Ledger::open(db.to_str().unwrap(), bouncedoc_ledger::OpenMode::Existing)
            .unwrap();
    for who in ["refuse@example.test", "defer@example.test"] {
        let events = ledger.events(who).unwrap();
        assert_eq!(events.len(), 1, "{who}: {events:?}");
        assert_eq!(
            events[0].detail.action,
            Some(bouncedoc_core::Action::Failed)
        );
    }
    assert!(ledger.events("accept@example.test").unwrap().is_empty());
}
