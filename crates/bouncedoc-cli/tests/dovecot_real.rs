//! A real Dovecot (Debian's `dovecot-imapd` and `dovecot-pop3d`) on loopback, with its own
//! throwaway configuration, users in a passwd-file and a TLS certificate made by this test
//! (its own CA, with `openssl`), holds the corpus's Maildir samples; then `bouncedoc ingest`
//! reads it over IMAPS, IMAP with STARTTLS, POP3S and POP3 with STLS, and the ledger must be
//! the one that ingesting the files gives. A run killed between the commit and the marking
//! is run again and the ledger must not change; `--follow` must see a message delivered while
//! it waits.
//!
//! `bouncedoc publish` of the mailbox onto a real NATS JetStream, drained by `bouncedoc
//! worker`, must give that ledger too, and a run killed between the stream's acknowledgement
//! and the marking, run again, must publish nothing twice.
//!
//! Without `/usr/sbin/dovecot` or `openssl` the test says so and passes, unless `CI=true`,
//! where it fails. Dovecot listens only on 127.0.0.1, on ports picked free by the test.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Output, Stdio};
use std::time::{Duration, Instant};

use bouncedoc_ledger::{Ledger, OpenMode};
use nats_support::{nats_server_or_skip, start_nats};

mod nats_support;

const DOVECOT: &str = "/usr/sbin/dovecot";
const PASSWORD: &str = "bounce-secret";

/// The binary under test, with a plain locale and no ledger or password from outside.
fn bouncedoc() -> Process {
    let mut cmd = Process::new(env!("CARGO_BIN_EXE_bouncedoc"));
    cmd.env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("BOUNCEDOC_DATABASE")
        .env_remove("BOUNCEDOC_POLICY")
        .env_remove("BOUNCEDOC_MAILBOX_PASSWORD")
        .env_remove("BOUNCEDOC_TEST_CRASH_AFTER_COMMIT");
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn run(cmd: &mut Process) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn corpus() -> PathBuf {
    bouncedoc_testkit::shared_dir().join("corpus/maildir/bsd")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn command_output(cmd: &str, args: &[&str]) -> String {
    let out = Process::new(cmd).args(args).output().unwrap();
    text(&out.stdout).trim().to_string()
}

/// The Dovecot instance, stopped however the test ends.
struct Dovecot {
    child: Child,
    root: PathBuf,
    /// Who owns the mail: the current user, or `nobody` when that is root (Dovecot gives
    /// no mail access as root).
    mail_owner: Option<String>,
    imap: u16,
    imaps: u16,
    pop3: u16,
    pop3s: u16,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Dovecot {
    fn log(&self) -> String {
        std::fs::read_to_string(self.root.join("dovecot.log")).unwrap_or_default()
    }

    /// The Maildir of `user`.
    fn maildir(&self, user: &str) -> PathBuf {
        self.root.join("mail").join(user)
    }

    /// Puts the corpus's files into `user`'s new/, keeping their modification times (the
    /// INTERNALDATE Dovecot gives a Maildir message).
    fn fill(&self, user: &str, files: &[PathBuf]) {
        let dir = self.maildir(user);
        for sub in ["cur", "new", "tmp"] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        for (i, file) in files.iter().enumerate() {
            let to = dir
                .join("new")
                .join(format!("1700000000.M{i}P1.bouncedoc-test"));
            std::fs::copy(file, &to).unwrap();
            let modified = std::fs::metadata(file).unwrap().modified().unwrap();
            std::fs::File::options()
                .write(true)
                .open(&to)
                .unwrap()
                .set_modified(modified)
                .unwrap();
        }
        self.own(&self.root.join("mail"));
    }

    fn own(&self, path: &Path) {
        if let Some(owner) = &self.mail_owner {
            run(Process::new("chown").arg("-R").arg(owner).arg(path));
        }
    }

    /// The names of `user`'s messages in `folder` (`""` for INBOX): those in new/, and those
    /// in cur/ with their flags.
    fn messages(&self, user: &str, folder: &str) -> (Vec<String>, Vec<String>) {
        let dir = if folder.is_empty() {
            self.maildir(user)
        } else {
            self.maildir(user).join(format!(".{folder}"))
        };
        let names = |sub: &str| -> Vec<String> {
            match std::fs::read_dir(dir.join(sub)) {
                Ok(entries) => entries
                    .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect(),
                Err(_) => Vec::new(),
            }
        };
        (names("new"), names("cur"))
    }

    fn url(&self, scheme: &str, user: &str) -> String {
        let port = match scheme {
            "imap" => self.imap,
            "imaps" => self.imaps,
            "pop3" => self.pop3,
            "pop3s" => self.pop3s,
            _ => unreachable!(),
        };
        let folder = if scheme.starts_with("imap") {
            "/INBOX"
        } else {
            ""
        };
        format!("{scheme}://{user}@127.0.0.1:{port}{folder}")
    }
}

/// Makes a CA and a certificate it signs for 127.0.0.1, and a second, unrelated CA.
fn certificates(root: &Path) {
    let openssl = |args: &[&str]| {
        run(Process::new("openssl").current_dir(root).args(args));
    };
    for ca in ["ca", "other-ca"] {
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            &format!("/CN=bouncedoc test {ca}"),
            "-keyout",
            &format!("{ca}.key"),
            "-out",
            &format!("{ca}.pem"),
        ]);
    }
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ]);
    std::fs::write(
        root.join("server.ext"),
        "subjectAltName = IP:127.0.0.1, DNS:localhost\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n",
    )
    .unwrap();
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "server.ext",
        "-out",
        "server.pem",
    ]);
}

fn start_dovecot(users: &[&str]) -> Dovecot {
    let dir = tempfile::Builder::new()
        .prefix("bouncedoc-dovecot")
        .tempdir_in("/tmp")
        .unwrap();
    let root = dir.keep();
    run(Process::new("chmod").arg("755").arg(&root));
    certificates(&root);
    let me = command_output("id", &["-un"]);
    let root_user = command_output("id", &["-u"]) == "0";
    let (login_user, internal_user, mail_owner) = if root_user {
        (
            "dovenull".to_string(),
            "dovecot".to_string(),
            Some("nobody".to_string()),
        )
    } else {
        (me.clone(), me.clone(), None)
    };
    let owner = mail_owner.clone().unwrap_or(me);
    let uid = command_output("id", &["-u", &owner]);
    let gid = command_output("id", &["-g", &owner]);
    let passwd: String = users
        .iter()
        .map(|u| format!("{u}:{{PLAIN}}{PASSWORD}::::::\n"))
        .collect();
    std::fs::write(root.join("passwd"), passwd).unwrap();
    std::fs::create_dir_all(root.join("mail")).unwrap();
    let (imap, imaps, pop3, pop3s) = (free_port(), free_port(), free_port(), free_port());
    let conf = format!(
        r#"protocols = imap pop3
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
default_login_user = {login_user}
default_internal_user = {internal_user}
ssl = required
ssl_cert = <{root}/server.pem
ssl_key = <{root}/server.key
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
mail_location = maildir:{root}/mail/%u
first_valid_uid = 1
service imap-login {{
  inet_listener imap {{
    port = {imap}
  }}
  inet_listener imaps {{
    port = {imaps}
    ssl = yes
  }}
}}
service pop3-login {{
  inet_listener pop3 {{
    port = {pop3}
  }}
  inet_listener pop3s {{
    port = {pop3s}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"#,
        root = root.display(),
    );
    std::fs::write(root.join("dovecot.conf"), conf).unwrap();
    let child = Process::new(DOVECOT)
        .arg("-F")
        .arg("-c")
        .arg(root.join("dovecot.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let dovecot = Dovecot {
        child,
        root,
        mail_owner,
        imap,
        imaps,
        pop3,
        pop3s,
    };
    let start = Instant::now();
    for port in [imap, imaps, pop3, pop3s] {
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "Dovecot did not start:\n{}",
                dovecot.log()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    dovecot
}

/// The ledger's facts (without where they were read from), and its counts.
fn ledger(path: &Path) -> (String, i64, i64) {
    let mut ledger = Ledger::open(&path.to_string_lossy(), OpenMode::ReadOnly).unwrap();
    let counts = ledger.counts().unwrap();
    (
        ledger.snapshot().unwrap(),
        counts.events,
        counts.suppressions,
    )
}

/// `bouncedoc ingest URL` with the password in the environment and the test's CA.
fn ingest(dovecot: &Dovecot, url: &str, db: &Path, extra: &[&str]) -> Process {
    let mut cmd = bouncedoc();
    cmd.arg("ingest")
        .arg(url)
        .arg("--database")
        .arg(db)
        .arg("--ca-file")
        .arg(dovecot.root.join("ca.pem"))
        .args(extra)
        .env("BOUNCEDOC_MAILBOX_PASSWORD", PASSWORD);
    cmd
}

fn available() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let openssl = Process::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if Path::new(DOVECOT).exists() && openssl {
        return true;
    }
    assert!(
        !ci,
        "CI=true: Dovecot (Debian's dovecot-imapd and dovecot-pop3d) and openssl are required"
    );
    eprintln!("skipped: no {DOVECOT} or no openssl (apt-get install dovecot-imapd dovecot-pop3d)");
    false
}

fn assert_same_ledger(got: &Path, want: &(String, i64, i64), what: &str, dovecot: &Dovecot) {
    let got = ledger(got);
    // POP3 gives no arrival time: a message without a readable date is dated when it was
    // read, not by its file's time, so times are left out of the comparison for POP3.
    let (got, want) = if what.starts_with("pop") {
        let timeless = |s: &str| -> String {
            s.lines()
                .map(|l| {
                    l.split(' ')
                        .filter(|w| !(w.contains('T') && w.contains(':') && w.contains('-')))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        (
            (timeless(&got.0), got.1, got.2),
            (timeless(&want.0), want.1, want.2),
        )
    } else {
        (got, want.clone())
    };
    let want = &want;
    let only = |a: &str, b: &str| -> Vec<String> {
        let b: std::collections::HashSet<&str> = b.lines().collect();
        a.lines()
            .filter(|l| !b.contains(l))
            .take(5)
            .map(String::from)
            .collect()
    };
    assert_eq!(
        (got.1, got.2),
        (want.1, want.2),
        "{what}: only in the mailbox's ledger: {:#?}\nonly in the files': {:#?}",
        only(&got.0, &want.0),
        only(&want.0, &got.0),
    );
    assert_eq!(
        (got.1, got.2),
        (want.1, want.2),
        "{what}: (events, suppressions)\n{}",
        dovecot.log()
    );
    assert!(got.0 == want.0, "{what}: the ledgers differ");
}

/// Every message of `user`'s INBOX is in cur/ with the `\Seen` flag (`S` in its info).
fn assert_all_seen(dovecot: &Dovecot, user: &str, count: usize) {
    let (new, cur) = dovecot.messages(user, "");
    assert!(
        new.is_empty(),
        "{user}: {} messages still in new/",
        new.len()
    );
    assert_eq!(cur.len(), count, "{user}: messages in cur/");
    let unseen: Vec<_> = cur
        .iter()
        .filter(|n| !n.rsplit_once(":2,").is_some_and(|(_, f)| f.contains('S')))
        .collect();
    assert!(unseen.is_empty(), "{user}: not \\Seen: {unseen:?}");
}

/// The corpus's messages as a delivery agent leaves them in a Maildir, written into `into`
/// with the samples' modification times: without the mbox `From ` line some samples begin
/// with (Dovecot does not serve it), and without the samples that hold a NUL byte, which
/// IMAP cannot carry (RFC 3501, section 4.3: Dovecot sends 0x80).
fn deliverable(delivered: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        if bytes.contains(&0) {
            continue;
        }
        let body = match bytes.strip_prefix(b"From ") {
            Some(rest) => match rest.iter().position(|&c| c == b'\n') {
                Some(i) => rest[i + 1..].to_vec(),
                None => continue,
            },
            None => bytes,
        };
        let to = delivered.join(path.file_name().unwrap());
        std::fs::write(&to, body).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(modified)
            .unwrap();
        files.push(to);
    }
    files
}

#[test]
fn a_real_dovecot_mailbox() {
    if !available() {
        return;
    }
    let users = [
        "imaps", "starttls", "pop3s", "stls", "crash", "popcrash", "follow", "other",
    ];
    let dovecot = start_dovecot(&users);
    // The reference ledger is made of the same files as the mailbox holds.
    let work = tempfile::tempdir().unwrap();
    let db = |name: &str| work.path().join(format!("{name}.db"));
    let delivered = work.path().join("delivered");
    std::fs::create_dir(&delivered).unwrap();
    let files = deliverable(&delivered);
    let n = files.len();
    assert!(n > 256, "the corpus fills more than one batch");

    // The reference: the same files, ingested as files.
    run(bouncedoc()
        .args(["ingest", "--quiet", "--database"])
        .arg(db("files"))
        .arg(&delivered));
    let want = ledger(&db("files"));
    assert!(
        want.1 > 0 && want.2 > 0,
        "the corpus gives events and suppressions"
    );

    // IMAPS, marked \Seen (the default); a second run reads nothing.
    dovecot.fill("imaps", &files);
    // A dry run first: it reads every message and says what would be suppressed, but
    // writes no ledger and marks nothing (the run after it reads them all).
    let dry = run(&mut ingest(
        &dovecot,
        &dovecot.url("imaps", "imaps"),
        &db("imaps"),
        &["--dry-run"],
    ));
    let said = text(&dry.stderr);
    assert!(
        said.contains(&format!(
            "dry run, nothing written: read {n} messages from imaps://"
        )) && said.contains(&format!("{} addresses would be suppressed", want.2)),
        "{said}"
    );
    assert!(!db("imaps").exists(), "a dry run made the ledger");
    let out = run(&mut ingest(
        &dovecot,
        &dovecot.url("imaps", "imaps"),
        &db("imaps"),
        &[],
    ));
    assert!(
        text(&out.stderr).contains(&format!("ingested {n} messages")),
        "{}",
        text(&out.stderr)
    );
    assert_same_ledger(&db("imaps"), &want, "imaps://", &dovecot);
    assert_all_seen(&dovecot, "imaps", n);
    let again = run(&mut ingest(
        &dovecot,
        &dovecot.url("imaps", "imaps"),
        &db("imaps"),
        &[],
    ));
    assert!(
        text(&again.stderr).contains("ingested 0 messages"),
        "{}",
        text(&again.stderr)
    );
    assert_same_ledger(&db("imaps"), &want, "imaps:// again", &dovecot);

    // IMAP with STARTTLS, moved to another folder (made when missing).
    dovecot.fill("starttls", &files);
    run(&mut ingest(
        &dovecot,
        &dovecot.url("imap", "starttls"),
        &db("starttls"),
        &["--after", "move=Done"],
    ));
    assert_same_ledger(&db("starttls"), &want, "imap:// STARTTLS", &dovecot);
    let (new, cur) = dovecot.messages("starttls", "");
    assert_eq!(
        (new.len(), cur.len()),
        (0, 0),
        "INBOX is empty after the move"
    );
    let (new, cur) = dovecot.messages("starttls", "Done");
    assert_eq!(new.len() + cur.len(), n, "every message is in Done");

    // POP3S, kept, the UIDLs remembered; a second run reads nothing.
    dovecot.fill("pop3s", &files);
    let state = work.path().join("pop3s.state");
    let keep = ["--after", "keep", "--state-file", state.to_str().unwrap()];
    run(&mut ingest(
        &dovecot,
        &dovecot.url("pop3s", "pop3s"),
        &db("pop3s"),
        &keep,
    ));
    assert_same_ledger(&db("pop3s"), &want, "pop3s://", &dovecot);
    let (new, cur) = dovecot.messages("pop3s", "");
    assert_eq!(
        new.len() + cur.len(),
        n,
        "POP3 --after keep keeps every message"
    );
    let again = run(&mut ingest(
        &dovecot,
        &dovecot.url("pop3s", "pop3s"),
        &db("pop3s"),
        &keep,
    ));
    assert!(
        text(&again.stderr).contains("ingested 0 messages"),
        "{}",
        text(&again.stderr)
    );

    // POP3 with STLS, deleted.
    dovecot.fill("stls", &files);
    run(&mut ingest(
        &dovecot,
        &dovecot.url("pop3", "stls"),
        &db("stls"),
        &["--after", "delete"],
    ));
    assert_same_ledger(&db("stls"), &want, "pop3:// STLS", &dovecot);
    let (new, cur) = dovecot.messages("stls", "");
    assert_eq!(
        (new.len(), cur.len()),
        (0, 0),
        "POP3 --after delete deletes"
    );

    // Killed between the first batch's commit and its marking: nothing is marked, the
    // ledger holds that batch; the run again gives exactly the ledger of the files.
    for (user, scheme, extra) in [
        ("crash", "imaps", vec![]),
        ("popcrash", "pop3s", vec!["--after", "delete"]),
    ] {
        dovecot.fill(user, &files);
        let out = ingest(&dovecot, &dovecot.url(scheme, user), &db(user), &extra)
            .env("BOUNCEDOC_TEST_CRASH_AFTER_COMMIT", "1")
            .output()
            .unwrap();
        assert!(!out.status.success(), "{user}: the hook stops the run");
        let (_, events, _) = ledger(&db(user));
        assert!(
            events > 0 && events < want.1,
            "{user}: the first batch only is committed ({events} of {} events)",
            want.1
        );
        let (new, cur) = dovecot.messages(user, "");
        assert_eq!(new.len() + cur.len(), n, "{user}: nothing was marked");
        if scheme == "imaps" {
            assert!(
                cur.iter().all(|c| !c.contains(":2,S") && !c.ends_with('S')),
                "{user}: nothing is \\Seen"
            );
        }
        let out = run(&mut ingest(
            &dovecot,
            &dovecot.url(scheme, user),
            &db(user),
            &extra,
        ));
        assert!(
            text(&out.stderr).contains(&format!("ingested {n} messages")),
            "{}",
            text(&out.stderr)
        );
        assert_same_ledger(
            &db(user),
            &want,
            &format!("{user} after the crash"),
            &dovecot,
        );
    }
    assert_all_seen(&dovecot, "crash", n);
    let (new, cur) = dovecot.messages("popcrash", "");
    assert_eq!(
        (new.len(), cur.len()),
        (0, 0),
        "popcrash: deleted after the re-run"
    );

    // A CA that did not sign the server's certificate, or the system's roots (which do not
    // know this CA), is refused before the login; so is a wrong password.
    let url = dovecot.url("imaps", "other");
    for ca in [Some("other-ca.pem"), None] {
        let mut cmd = bouncedoc();
        cmd.arg("ingest")
            .arg(&url)
            .arg("--database")
            .arg(db("other"))
            .env("BOUNCEDOC_MAILBOX_PASSWORD", PASSWORD);
        if let Some(ca) = ca {
            cmd.arg("--ca-file").arg(dovecot.root.join(ca));
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success(), "{ca:?} is refused");
        let err = text(&out.stderr);
        assert!(err.contains("TLS with 127.0.0.1 failed"), "{err}");
        assert!(err.to_lowercase().contains("certificate"), "{err}");
    }
    let out = ingest(&dovecot, &url, &db("other"), &[])
        .env("BOUNCEDOC_MAILBOX_PASSWORD", "wrong")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("refused the login of other"),
        "{}",
        text(&out.stderr)
    );

    // --follow: a message delivered while the reader waits in IDLE is recorded and marked.
    dovecot.fill("follow", &[]);
    let mut follow = ingest(
        &dovecot,
        &dovecot.url("imaps", "follow"),
        &db("follow"),
        &["--follow", "--interval", "30"],
    )
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    std::thread::sleep(Duration::from_secs(2));
    let bounce = files
        .iter()
        .find(|f| f.file_name().unwrap().to_string_lossy().starts_with("arf"))
        .unwrap();
    dovecot.fill("follow", std::slice::from_ref(bounce));
    let start = Instant::now();
    loop {
        let seen = dovecot
            .messages("follow", "")
            .1
            .iter()
            .any(|c| c.ends_with('S'));
        if seen && db("follow").exists() && ledger(&db("follow")).1 > 0 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "--follow did not record the new message\n{}",
            dovecot.log()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = follow.kill();
    let _ = follow.wait();
    let _ = std::fs::remove_dir_all(&dovecot.root);
}

#[test]
fn a_password_on_the_command_line_is_refused() {
    let out = bouncedoc()
        .args([
            "ingest",
            "imaps://bounces:secret@127.0.0.1:1/INBOX",
            "--database",
        ])
        .arg(tempfile::tempdir().unwrap().path().join("x.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("holds a password"), "{err}");
    assert!(
        !err.contains("secret"),
        "the password is not repeated: {err}"
    );
    let out = bouncedoc()
        .args([
            "ingest",
            "imaps://bounces@127.0.0.1:1/INBOX",
            "--password",
            "secret",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success(), "there is no --password flag");
    let out = bouncedoc()
        .args(["ingest", "imaps://bounces@127.0.0.1:1/INBOX", "--database"])
        .arg(tempfile::tempdir().unwrap().path().join("x.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("BOUNCEDOC_MAILBOX_PASSWORD"),
        "{}",
        text(&out.stderr)
    );
}

/// `bouncedoc publish URL` of the mailbox onto the stream `bounces`.
fn publish(dovecot: &Dovecot, url: &str, nats: &str) -> Process {
    let mut cmd = bouncedoc();
    cmd.args([
        "publish",
        url,
        "--nats",
        nats,
        "--stream",
        "bounces",
        "--ca-file",
    ])
    .arg(dovecot.root.join("ca.pem"))
    .env("BOUNCEDOC_MAILBOX_PASSWORD", PASSWORD);
    cmd
}

#[test]
fn a_mailbox_published_onto_a_real_stream() {
    if !available() {
        return;
    }
    let Some(bin) = nats_server_or_skip("a_mailbox_published_onto_a_real_stream") else {
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let (_nats, nats) = start_nats(&bin, &work.path().join("jetstream"));
    let dovecot = start_dovecot(&["publish", "popcrash"]);
    let delivered = work.path().join("delivered");
    std::fs::create_dir(&delivered).unwrap();
    let files = deliverable(&delivered);
    let n = files.len();
    let reference = work.path().join("files.db");
    run(bouncedoc()
        .args(["ingest", "--quiet", "--database"])
        .arg(&reference)
        .arg(&delivered));
    let want = ledger(&reference);

    // IMAPS: killed once the stream has acknowledged the first batch and before it is
    // marked. Nothing is marked; the run again publishes the same messages, which the
    // stream drops as copies, and marks them all.
    dovecot.fill("publish", &files);
    let url = dovecot.url("imaps", "publish");
    let crashed = publish(&dovecot, &url, &nats)
        .env("BOUNCEDOC_TEST_CRASH_AFTER_COMMIT", "1")
        .output()
        .unwrap();
    assert!(!crashed.status.success(), "the crash hook did not stop it");
    let (new, cur) = dovecot.messages("publish", "");
    let seen = cur
        .iter()
        .filter(|name| {
            name.rsplit_once(":2,")
                .is_some_and(|(_, f)| f.contains('S'))
        })
        .count();
    assert_eq!(
        (new.len() + cur.len(), seen),
        (n, 0),
        "a message was marked before the crash"
    );
    let again = run(&mut publish(&dovecot, &url, &nats));
    let said = text(&again.stderr);
    // Stored and dropped add up to the messages read; the first batch (and the copies the
    // corpus holds of some samples) are dropped.
    let count = |after: &str| -> usize {
        said.split(after)
            .nth(1)
            .and_then(|t| t.trim_start_matches([':', ',', ' ']).split(' ').next())
            .and_then(|t| t.parse().ok())
            .unwrap_or_else(|| panic!("no count after {after:?} in {said}"))
    };
    let (stored, dropped) = (count("onto bounces"), count("messages stored"));
    assert!(
        stored + dropped == n && dropped >= MAILBOX_BATCH.min(n),
        "{said}"
    );
    assert!(
        said.contains(&format!("{n} messages on the stream and flagged \\Seen")),
        "{said}"
    );
    assert_all_seen(&dovecot, "publish", n);
    let nothing = run(&mut publish(&dovecot, &url, &nats));
    assert!(
        text(&nothing.stderr).contains("0 messages stored, 0 dropped"),
        "{}",
        text(&nothing.stderr)
    );

    // POP3 with STLS, the messages deleted once on the stream: a second mailbox of the
    // same messages adds only copies.
    dovecot.fill("popcrash", &files);
    let pop =
        run(publish(&dovecot, &dovecot.url("pop3", "popcrash"), &nats).args(["--after", "delete"]));
    assert!(
        text(&pop.stderr).contains(&format!("0 messages stored, {n} dropped")),
        "{}",
        text(&pop.stderr)
    );
    let (new, cur) = dovecot.messages("popcrash", "");
    assert_eq!((new.len(), cur.len()), (0, 0), "POP3 messages left");

    // One worker drains the stream into a ledger: the files' ledger.
    let db = work.path().join("worker.db");
    run(bouncedoc()
        .args([
            "worker",
            "--nats",
            &nats,
            "--stream",
            "bounces",
            "--database",
        ])
        .arg(&db)
        .args(["--until-drained", "--quiet"]));
    assert_same_ledger(&db, &want, "imaps:// published", &dovecot);
    let _ = std::fs::remove_dir_all(&dovecot.root);
}

/// Mailbox messages `publish` reads, publishes and marks together (its `MAILBOX_BATCH`).
const MAILBOX_BATCH: usize = 256;
