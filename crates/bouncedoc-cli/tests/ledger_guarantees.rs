//! The ledger's guarantees, proven with the real `bouncedoc` binary on both back ends
//! (PostgreSQL when `BOUNCEDOC_TEST_POSTGRES` names a server: `scripts/with-postgres`):
//!
//! - ingesting the whole corpus twice gives the same ledger as once (and SQLite and
//!   PostgreSQL give the same ledger);
//! - an ingest killed (SIGKILL) partway through a large mbox leaves a consistent ledger, and
//!   running it again gives exactly the ledger of a clean run: no event lost or doubled;
//! - two ingests at once, over the two halves of the corpus, give the same ledger as one
//!   over all of it.
//!
//! "The same ledger" is [`bouncedoc_ledger::Ledger::snapshot`]: every event and every
//! suppression with its rule and triggering events, without ids, recording times or the
//! file an event was first read from.

mod ledger_support;

use std::process::Stdio;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use ledger_support::{
    Db, big_mbox, corpus_files, databases, first_difference, ingest, sqlite, whole_corpus,
};

/// The whole corpus ingested once, by one process, into SQLite.
fn corpus_reference() -> &'static str {
    static REF: OnceLock<String> = OnceLock::new();
    REF.get_or_init(|| {
        let db = sqlite();
        ingest(&db, &whole_corpus(), &[]);
        db.snapshot()
    })
}

fn count(snapshot: &str, kind: &str) -> usize {
    snapshot.lines().filter(|l| l.starts_with(kind)).count()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn ingesting_the_corpus_twice_gives_the_same_ledger_as_once() {
    let reference = corpus_reference();
    let events = count(reference, "event ");
    assert!(events > 500, "the corpus gave only {events} events");
    assert!(count(reference, "suppression ") > 50);
    for db in databases("twice") {
        let first = ingest(&db, &whole_corpus(), &[]);
        let once = db.snapshot();
        assert_eq!(
            once,
            reference,
            "{}: {}",
            db.kind(),
            first_difference(&once, reference)
        );
        let second = ingest(&db, &whole_corpus(), &[]);
        let err = stderr(&second);
        assert!(
            err.contains("(0 new,") && err.contains("0 addresses newly suppressed"),
            "{}: the second run recorded something: {err}\n(first run: {})",
            db.kind(),
            stderr(&first)
        );
        let twice = db.snapshot();
        assert_eq!(
            twice,
            once,
            "{}: {}",
            db.kind(),
            first_difference(&twice, &once)
        );
        assert_eq!(db.open().verify().unwrap(), Vec::<String>::new());
    }
}

/// Runs an ingest and kills it (SIGKILL) once it has committed some batches.
fn kill_partway(db: &Db, mbox: &std::path::Path, total_events: i64) -> i64 {
    let mut child = ledger_support::bouncedoc()
        .arg("ingest")
        .arg("--database")
        .arg(db.url())
        .arg("--quiet")
        .arg(mbox)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        std::thread::sleep(Duration::from_millis(20));
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "{}: the ingest ended ({status}) before it could be killed",
                db.kind()
            );
        }
        assert!(start.elapsed() < Duration::from_secs(300), "no progress");
        // The ledger may not exist yet, or be in the middle of its first migration.
        let Ok(mut ledger) =
            bouncedoc_ledger::Ledger::open(&db.url(), bouncedoc_ledger::OpenMode::Existing)
        else {
            continue;
        };
        let events = ledger.counts().unwrap().events;
        if events >= total_events / 10 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    db.open().counts().unwrap().events
}

#[test]
fn a_killed_ingest_run_again_loses_and_doubles_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("corpus-x30.mbox");
    let messages = big_mbox(&mbox, 30);
    let clean = sqlite();
    ingest(&clean, std::slice::from_ref(&mbox), &[]);
    let reference = clean.snapshot();
    let clean_counts = clean.open().counts().unwrap();
    let total = clean_counts.events;
    assert!(
        total > 10_000,
        "{messages} messages gave only {total} events"
    );
    for db in databases("kill") {
        let recorded = kill_partway(&db, &mbox, total);
        assert!(
            recorded > 0 && recorded < total,
            "{}: killed with {recorded} of {total} events recorded",
            db.kind()
        );
        // What was committed is whole: every event is one of the clean run's, every message
        // is recorded with all its recipients or not at all, every suppression has its
        // triggering events.
        let partial = db.snapshot();
        let expected: std::collections::HashSet<&str> = reference.lines().collect();
        for line in partial.lines().filter(|l| l.starts_with("event ")) {
            assert!(expected.contains(line), "{}: unexpected {line}", db.kind());
        }
        assert_eq!(
            db.open().verify().unwrap(),
            Vec::<String>::new(),
            "{}",
            db.kind()
        );

        let rerun = ingest(&db, std::slice::from_ref(&mbox), &[]);
        let err = stderr(&rerun);
        let fresh = total - recorded;
        assert!(
            err.contains(&format!("({fresh} new,")),
            "{}: the rerun should add exactly the {fresh} events the killed run had not: {err}",
            db.kind()
        );
        let after = db.snapshot();
        assert_eq!(
            after,
            reference,
            "{}: {}",
            db.kind(),
            first_difference(&after, &reference)
        );
        assert_eq!(db.open().counts().unwrap(), clean_counts, "{}", db.kind());
        assert_eq!(db.open().verify().unwrap(), Vec::<String>::new());
    }
}

#[test]
fn two_ingests_at_once_give_the_same_ledger_as_one() {
    let reference = corpus_reference();
    let files = corpus_files();
    // Interleaved halves, so that copies of one message (the CRLF and CR twins, the messages
    // split out of an mbox) often go to different processes.
    let (a, b): (Vec<_>, Vec<_>) = files
        .iter()
        .cloned()
        .enumerate()
        .partition(|(i, _)| i % 2 == 0);
    let halves = [a, b].map(|h| h.into_iter().map(|(_, p)| p).collect::<Vec<_>>());
    for db in databases("concurrent") {
        let children: Vec<_> = halves
            .iter()
            .map(|half| {
                ledger_support::bouncedoc()
                    .arg("ingest")
                    .arg("--database")
                    .arg(db.url())
                    .args(["-j", "1"])
                    .args(half)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}: {}",
                db.kind(),
                stderr(&out)
            );
        }
        let both = db.snapshot();
        assert_eq!(
            both,
            reference,
            "{}: {}",
            db.kind(),
            first_difference(&both, reference)
        );
        assert_eq!(db.open().verify().unwrap(), Vec::<String>::new());
    }
}
