//! `parse` writes each record as it is made: the memory of a report with tens of thousands
//! of recipients stays near that of its facts, whatever the output format and however many
//! workers (before, every record and its output were held at once: 1.5 GB for 200,000
//! recipients).

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

/// A delivery status notification for `n` recipients, each with its own words.
fn dsn(n: usize) -> Vec<u8> {
    let mut m = String::from(
        "From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\nSubject: Delivery Status Notification (Failure)\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nDelivery failed.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n",
    );
    for i in 0..n {
        m.push_str(&format!(
            "\nFinal-Recipient: rfc822; user{i}@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <user{i}@example.jp>... User unknown\n"
        ));
    }
    m.push_str("\n--B--\n");
    m.into_bytes()
}

/// The peak resident memory of a process so far, in KiB (`VmHWM`), while it runs.
fn peak_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs `bouncedoc parse` on `file`; returns its output's line count and its peak memory
/// (the high-water mark sampled until it ends) in MiB.
fn run(file: &std::path::Path, args: &[&str]) -> (usize, u64) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("bouncedoc"))
        .arg("parse")
        .arg("--quiet")
        .args(args)
        .arg(file)
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("run bouncedoc");
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        // Counted as it comes: the output itself is not kept.
        let mut lines = 0;
        let mut buf = vec![0u8; 1 << 16];
        loop {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => break lines,
                Ok(n) => lines += buf[..n].iter().filter(|&&b| b == b'\n').count(),
            }
        }
    });
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Some(kib) = peak_kib(pid) {
            peak = peak.max(kib);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let lines = reader.join().unwrap();
    (lines, peak / 1024)
}

#[test]
fn a_report_of_50k_recipients_is_written_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dsn.eml");
    std::fs::write(&file, dsn(50_000)).unwrap();
    for (args, header) in [
        (&["--format", "jsonl"][..], 0),
        (&["--format", "csv", "-j", "1"], 1),
    ] {
        let (lines, mib) = run(&file, args);
        assert_eq!(lines, 50_000 + header, "{args:?}: one line per recipient");
        assert!(mib > 0, "the memory was measured");
        assert!(mib < 200, "{args:?}: peak memory {mib} MiB");
    }
}
