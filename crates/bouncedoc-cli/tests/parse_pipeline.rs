//! `parse` as a stage of a shell pipeline: the records come in input order whatever the
//! number of workers, and a reader that stops early (`| head`) stops `parse` at once.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// An mbox of `copies` copies of the corpus's bounces, written as `bench-corpus` writes it.
fn corpus_mbox(dir: &std::path::Path, copies: usize) -> std::path::PathBuf {
    let corpus = bouncedoc_testkit::shared_dir().join("corpus/maildir/bsd");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .map(|e| e.expect("a corpus file").path())
        .collect();
    files.sort();
    let mut one = Vec::new();
    for f in &files {
        one.extend_from_slice(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2015\n");
        let text = std::fs::read(f).expect("readable");
        for line in text.split_inclusive(|&b| b == b'\n') {
            // mboxrd: a body line that would read as a separator is quoted.
            let quoted = line.iter().position(|&b| b != b'>').map(|at| &line[at..]);
            if quoted.is_some_and(|rest| rest.starts_with(b"From ")) {
                one.push(b'>');
            }
            one.extend_from_slice(line);
        }
        one.push(b'\n');
    }
    let path = dir.join("corpus.mbox");
    let mut out = std::fs::File::create(&path).expect("a temporary file");
    for _ in 0..copies {
        out.write_all(&one).expect("written");
    }
    path
}

fn parse(mbox: &std::path::Path, jobs: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_bouncedoc"))
        .args(["parse", "--quiet", "--format", "jsonl", "-j", jobs])
        .arg(mbox)
        .output()
        .expect("bouncedoc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn records_come_in_input_order_whatever_the_workers() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = corpus_mbox(dir.path(), 2);
    let one = parse(&mbox, "1");
    assert!(one.split(|&b| b == b'\n').count() > 1000);
    assert_eq!(one, parse(&mbox, "3"));
    // The indexes count up through the file.
    let indexes: Vec<u64> = one
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_slice(l).unwrap();
            v["index"].as_u64().unwrap()
        })
        .collect();
    assert!(indexes.windows(2).all(|w| w[0] <= w[1]));
}

/// One thread (`-j 1`) and the pipeline of threads stop alike.
#[test]
fn a_closed_output_stops_parse_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = corpus_mbox(dir.path(), 4);
    for jobs in ["1", "2"] {
        stops_when_its_output_closes(&mbox, jobs);
    }
}

fn stops_when_its_output_closes(mbox: &std::path::Path, jobs: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bouncedoc"))
        .args(["parse", "--format", "jsonl", "-j", jobs])
        .arg(mbox)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bouncedoc runs");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            panic!("parse -j {jobs} kept running after its output closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.contains("Broken pipe"), "-j {jobs}: {stderr}");
}
