//! What `parse` reads, through the real binary: a size limit on every message, checked while
//! reading (a file, standard input, an mbox message, one long line); pipes and FIFOs read
//! once, from their first byte; symbolic links, FIFOs and dangling links in a folder read
//! or reported, never skipped.

mod ledger_support;
use ledger_support::bouncedoc;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A fresh temporary folder for one test.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("bouncedoc-inputs-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A bounce of the corpus that gives one recipient record.
fn bounce() -> Vec<u8> {
    let path = bouncedoc_testkit::shared_dir().join("corpus/maildir/bsd/lhost-amazonses-01.eml");
    std::fs::read(path).expect("the corpus")
}

/// The output of `child`, which must end within `limit`; killed (and the test failed) if it
/// does not.
fn finish(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("bouncedoc did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn run(cmd: &mut Command) -> Output {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish(child, Duration::from_secs(60))
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn mbox_of(messages: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::new();
    for m in messages {
        out.extend_from_slice(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2015\n");
        out.extend_from_slice(m);
        out.extend_from_slice(b"\n");
    }
    out
}

/// The kind of each record, with its index in an mbox: `1:error`, `2:bounce`, `bounce`.
fn shapes(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| {
            let kind = if r.get("error").is_some() {
                "error"
            } else {
                r["kind"].as_str().unwrap()
            };
            match r.get("index").and_then(Value::as_u64) {
                Some(i) => format!("{i}:{kind}"),
                None => kind.to_string(),
            }
        })
        .collect()
}

#[test]
fn an_mbox_message_over_the_limit_is_an_error_record_and_the_next_is_read() {
    let dir = temp("mbox-cut");
    let mut padded = bounce();
    padded.extend_from_slice("padding line\n".repeat(2000).as_bytes());
    let path = dir.join("box");
    std::fs::write(&path, mbox_of(&[&padded, &bounce()])).unwrap();
    let out = run(bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .args(["--max-message-bytes", "8192", path.to_str().unwrap()]));
    let got = records(&out);
    assert_eq!(shapes(&got), ["1:error", "2:bounce"], "{got:?}");
    let error = got[0]["error"].as_str().unwrap();
    assert!(error.contains("8192"), "{error}");
    assert_eq!(got[0]["source"], path.to_str().unwrap());
    // Under the default limit the same message is read whole.
    let out = run(bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .arg(&path));
    assert_eq!(shapes(&records(&out)), ["1:bounce", "2:bounce"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_endless_input_stops_at_the_limit_with_an_error_record() {
    for limit in [None, Some("1048576")] {
        let mut cmd = bouncedoc();
        cmd.args(["parse", "--quiet", "--format", "jsonl"]);
        if let Some(limit) = limit {
            cmd.args(["--max-message-bytes", limit]);
        }
        let out = run(cmd.arg("/dev/zero"));
        let got = records(&out);
        assert_eq!(shapes(&got), ["error"], "{got:?}");
        let error = got[0]["error"].as_str().unwrap();
        assert!(error.contains(limit.unwrap_or("33554432")), "{error}");
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn standard_input_is_checked_while_it_is_read() {
    // The writer keeps the pipe open: only a limit checked while reading ends the run.
    let mut child = bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .args(["--max-message-bytes", "65536", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"Subject: big\n\n").unwrap();
    stdin.write_all(&vec![b'a'; 70_000]).unwrap();
    let out = finish(child, Duration::from_secs(30));
    drop(stdin);
    assert_eq!(shapes(&records(&out)), ["error"]);
}

#[test]
fn one_long_mbox_line_is_bounded_and_the_next_message_is_read() {
    let dir = temp("long-line");
    let mut long = b"Subject: ".to_vec();
    long.extend(std::iter::repeat_n(b'y', 3 << 20));
    long.push(b'\n');
    let path = dir.join("box");
    std::fs::write(&path, mbox_of(&[&long, &bounce()])).unwrap();
    let out = run(bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .args(["--max-message-bytes", "1048576"])
        .arg(&path));
    assert_eq!(shapes(&records(&out)), ["1:error", "2:bounce"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The records of `parse` run by bash on `args` (for process substitution).
fn through_bash(script: &str) -> Vec<Value> {
    let out = run(Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("BOUNCEDOC", env!("CARGO_BIN_EXE_bouncedoc")));
    records(&out)
}

#[test]
fn pipes_are_read_once_from_their_first_byte() {
    let dir = temp("pipes");
    let eml = dir.join("m.eml");
    std::fs::write(&eml, bounce()).unwrap();
    let mbox = dir.join("box");
    std::fs::write(&mbox, mbox_of(&[&bounce(), &bounce()])).unwrap();
    let direct = through_bash(&format!(
        "\"$BOUNCEDOC\" parse --quiet --format jsonl '{}'",
        eml.display()
    ));
    let substituted = through_bash(&format!(
        "\"$BOUNCEDOC\" parse --quiet --format jsonl <(cat '{}')",
        eml.display()
    ));
    assert_eq!(shapes(&substituted), ["bounce"]);
    assert_eq!(substituted[0]["recipient"], direct[0]["recipient"]);
    assert_eq!(substituted[0]["reason"], direct[0]["reason"]);
    for script in [
        format!(
            "cat '{}' | \"$BOUNCEDOC\" parse --quiet --format jsonl",
            mbox.display()
        ),
        format!(
            "\"$BOUNCEDOC\" parse --quiet --format jsonl <(cat '{}')",
            mbox.display()
        ),
    ] {
        assert_eq!(shapes(&through_bash(&script)), ["1:bounce", "2:bounce"]);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// Writes `bytes` into the FIFO at `path` a few bytes first, then the rest after a pause,
/// as a slow writer would.
fn slow_writer(path: PathBuf, bytes: Vec<u8>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut fifo = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        fifo.write_all(&bytes[..3]).unwrap();
        fifo.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let _ = fifo.write_all(&bytes[3..]);
    })
}

#[test]
fn a_fifo_with_one_slow_writer_is_read_whole_and_sniffed_right() {
    let dir = temp("fifo");
    let fifo = dir.join("in.fifo");
    mkfifo(&fifo);
    let writer = slow_writer(fifo.clone(), mbox_of(&[&bounce(), &bounce()]));
    let out = run(bouncedoc()
        .args(["parse", "--quiet", "--format", "jsonl"])
        .arg(&fifo));
    writer.join().unwrap();
    assert_eq!(shapes(&records(&out)), ["1:bounce", "2:bounce"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn links_and_fifos_in_a_folder_are_read_or_reported_and_counted() {
    let dir = temp("folder");
    let outside = dir.join("outside.eml");
    std::fs::write(&outside, bounce()).unwrap();
    let folder = dir.join("new");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a-plain.eml"), bounce()).unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("b-link.eml")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.eml"), folder.join("c-dangling.eml")).unwrap();
    mkfifo(&folder.join("d-fifo.eml"));
    // Not joined: a build that skips the FIFO leaves its writer waiting, and the test fails
    // on the records instead of hanging.
    let _writer = slow_writer(folder.join("d-fifo.eml"), bounce());
    let out = run(bouncedoc()
        .args(["parse", "--format", "jsonl"])
        .arg(&folder));
    let got = records(&out);
    let named: Vec<String> = got
        .iter()
        .zip(shapes(&got))
        .map(|(r, shape)| {
            let source = Path::new(r["source"].as_str().unwrap());
            format!("{} {shape}", source.file_name().unwrap().to_string_lossy())
        })
        .collect();
    assert_eq!(
        named,
        [
            "a-plain.eml bounce",
            "b-link.eml bounce",
            "c-dangling.eml error",
            "d-fifo.eml bounce"
        ]
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("4 messages"), "{summary}");
    std::fs::remove_dir_all(&dir).unwrap();
}
