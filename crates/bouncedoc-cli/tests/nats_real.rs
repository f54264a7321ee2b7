//! A real NATS JetStream (Debian's `nats-server`, on a loopback port with a store of its
//! own) between `bouncedoc publish` and three `bouncedoc worker`s, one of which is killed
//! (SIGKILL) midway: the ledger they fill must equal the one `bouncedoc ingest` makes of
//! the same input, nothing lost and nothing doubled. On PostgreSQL when
//! `BOUNCEDOC_TEST_POSTGRES` names a server (as under `scripts/with-postgres`), else on one
//! SQLite file that the three workers share.
//!
//! Without `nats-server` the test says so and passes, unless `CI` is set, where it fails.

mod ledger_support;
mod nats_support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Stdio;
use std::time::{Duration, Instant};

use bouncedoc_ledger::testing::postgres_database;
use ledger_support::{Db, bouncedoc, first_difference, ingest, sqlite, text};
use nats_support::{Killed, free_port, nats_server_or_skip, start_nats};

/// Times the corpus is published.
const ROUNDS: usize = 3;

/// One HTTP GET on loopback: the status line and the body.
fn get(addr: &str, path: &str) -> Option<(String, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    s.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    Some((head.lines().next()?.to_string(), body.to_string()))
}

/// A counter's value in a Prometheus text.
fn counter(metrics: &str, name: &str) -> u64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
        .unwrap_or(0)
}

fn worker(nats: &str, db: &Db, metrics: &str) -> Killed {
    let child = bouncedoc()
        .args([
            "worker",
            "--nats",
            nats,
            "--stream",
            "bounces",
            "--database",
        ])
        .arg(db.url())
        .args(["--batch", "4", "--ack-wait", "2", "--until-drained"])
        .args(["--metrics-listen", metrics])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting bouncedoc worker");
    Killed(child)
}

fn wait_for(what: &str, limit: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Distinct messages, events and suppressions in a snapshot.
fn tally(snapshot: &str) -> (usize, usize, usize) {
    let keys: std::collections::BTreeSet<&str> = snapshot
        .lines()
        .filter_map(|l| l.strip_prefix("event ")?.split('#').next())
        .collect();
    let events = snapshot.lines().filter(|l| l.starts_with("event ")).count();
    let suppressions = snapshot
        .lines()
        .filter(|l| l.starts_with("suppression "))
        .count();
    (keys.len(), events, suppressions)
}

fn ledgers() -> (Db, Db) {
    match postgres_database("nats_real_workers") {
        Some(workers) => (
            Db::Postgres(workers),
            Db::Postgres(postgres_database("nats_real_ingest").unwrap()),
        ),
        None => (sqlite(), sqlite()),
    }
}

#[test]
fn workers_fed_by_jetstream_fill_the_ledger_as_one_ingest_would() {
    let Some(bin) = nats_server_or_skip("nats_real") else {
        return;
    };
    let store = tempfile::tempdir().unwrap();
    let (_nats, url) = start_nats(&bin, store.path());
    let corpus = bouncedoc_testkit::shared_dir().join("corpus/maildir/bsd");
    let (db, reference) = ledgers();

    let mut stored = 0;
    for round in 0..ROUNDS {
        let out = bouncedoc()
            .args(["publish", "--nats", &url, "--stream", "bounces"])
            .arg(&corpus)
            .output()
            .unwrap();
        let said = text(&out.stderr);
        assert!(out.status.success(), "publish failed: {said}");
        let n: u64 = said
            .split(": ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no count in {said:?}"));
        if round == 0 {
            assert!(n > 100, "{said}");
            stored = n;
        } else {
            assert_eq!(n, 0, "a copy within the window was stored again: {said}");
        }
    }

    let addrs: Vec<String> = (0..3)
        .map(|_| format!("127.0.0.1:{}", free_port()))
        .collect();
    let mut victim = worker(&url, &db, &addrs[0]);
    let mut others: Vec<Killed> = addrs[1..].iter().map(|a| worker(&url, &db, a)).collect();
    // Killed once it has committed a few batches, while it holds more.
    let mut at_kill = String::new();
    wait_for(
        "the first worker's acks",
        Duration::from_secs(60),
        || match get(&addrs[0], "/metrics") {
            Some((_, m))
                if counter(&m, "bouncedoc_worker_messages_acked_total") >= 8
                    && counter(&m, "bouncedoc_worker_messages_pulled_total")
                        > counter(&m, "bouncedoc_worker_messages_acked_total") =>
            {
                at_kill = m;
                true
            }
            _ => false,
        },
    );
    victim.0.kill().unwrap();
    victim.0.wait().unwrap();
    wait_for("a survivor's /healthz", Duration::from_secs(30), || {
        get(&addrs[1], "/healthz")
            .is_some_and(|(status, body)| status == "HTTP/1.1 200 OK" && body == "ok\n")
    });

    // Each survivor runs until the consumer has nothing to deliver and nothing out
    // unacknowledged (what the killed one held comes to them after the ack wait).
    let mut took = 0u64;
    let mut again = 0u64;
    for w in &mut others {
        wait_for(
            "the workers to drain the stream",
            Duration::from_secs(120),
            || w.0.try_wait().unwrap().is_some(),
        );
        let status = w.0.wait().unwrap();
        let mut err = String::new();
        w.0.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert!(status.success(), "a worker failed: {err}");
        took += err
            .split("worker took ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("no summary in {err:?}"));
        again += err
            .split(" delivered before")
            .next()
            .and_then(|s| s.rsplit('(').next())
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("no redeliveries in {err:?}"));
    }
    let killed_acked = counter(&at_kill, "bouncedoc_worker_messages_acked_total");
    let killed_pulled = counter(&at_kill, "bouncedoc_worker_messages_pulled_total");
    eprintln!(
        "nats_real: {stored} messages stored; the killed worker had pulled {killed_pulled} and acked {killed_acked} when last asked; the two others took {took}, {again} of them delivered before"
    );
    assert!(took > 0 && killed_acked < stored, "the kill was not midway");

    ingest(&reference, std::slice::from_ref(&corpus), &["--quiet"]);
    let got = db.snapshot();
    let want = reference.snapshot();
    let (messages, events, suppressions) = tally(&want);
    assert!(
        messages > 100 && events >= messages && suppressions > 0,
        "{messages} {events} {suppressions}"
    );
    assert_eq!(
        tally(&got),
        (messages, events, suppressions),
        "{}",
        db.kind()
    );
    assert!(
        got == want,
        "{}: {}",
        db.kind(),
        first_difference(&got, &want)
    );
    assert_eq!(db.open().counts().unwrap().events, events as i64);
}
