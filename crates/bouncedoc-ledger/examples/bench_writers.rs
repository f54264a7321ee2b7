//! Write throughput of a PostgreSQL ledger with several writers at once, for
//! `scripts/bench-ledger-writers`: generated events (no mail to read or diagnose), split
//! between WRITERS threads, each with its own connection, recording batches of BATCH
//! events. Prints one line: writers, events, new events, seconds, events per second.
//!
//! usage: bench_writers URL EVENTS WRITERS [BATCH] [--serialized]
//!
//! `--serialized` writes by the path of earlier versions (one writer at a time over all,
//! row by row), to measure against.

use std::sync::{Arc, Barrier};
use std::time::Instant;

use bouncedoc_core::{Party, Reason, Retry};
use bouncedoc_ledger::time::DAY;
use bouncedoc_ledger::{Ledger, NewEvent, OpenMode, Policy};

const T0: i64 = 1_700_000_000;

/// A small deterministic generator: every run draws the same events.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// Event `i` of `count`: about three per address, in time order within a few hours, of the
/// kinds a sender sees most (unknown users, full mailboxes, expired deliveries, blocks).
fn event(i: u64, count: u64, rng: &mut Lcg) -> NewEvent {
    let (reason, hard, party, status, code) = match rng.next(10) {
        0..=4 => (Reason::UserUnknown, true, Party::Recipient, "5.1.1", 550),
        5 | 6 => (Reason::MailboxFull, false, Party::Recipient, "4.2.2", 452),
        7 | 8 => (Reason::Expired, false, Party::Recipient, "4.4.7", 451),
        _ => (Reason::Blocked, false, Party::SenderAdmin, "5.7.1", 554),
    };
    let address = format!(
        "user{}@example{}.com",
        rng.next(count / 3 + 1),
        rng.next(50)
    );
    let occurred_at = T0 + (i as i64) * 90 * DAY / count.max(1) as i64 + rng.next(6 * 3600) as i64;
    NewEvent {
        message_key: format!(
            "sha256:{:016x}{:016x}{:016x}{:016x}",
            i,
            i.wrapping_mul(0x9e37_79b9_7f4a_7c15),
            rng.next(u64::MAX >> 1),
            count
        ),
        recipient_index: 1,
        diagnostic: format!("{code} {status} <{address}>: {reason}"),
        address: Some(address),
        occurred_at,
        reply_code: Some(code),
        status: Some(status.to_string()),
        reason,
        hard_bounce: hard,
        retry: if hard { Retry::No } else { Retry::Later },
        party,
        action: None,
        feedback_type: None,
        provider: None,
        mta: Some("postfix".to_string()),
        message_id: Some(format!("<{i}.bounce@mx.example.net>")),
        original_message_id: Some(format!("<{i}@news.example.org>")),
        source: format!("bench#{i}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let serialized = args.iter().any(|a| a == "--serialized");
    let numbers: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(url), Some(count), Some(writers)) = (numbers.first(), numbers.get(1), numbers.get(2))
    else {
        eprintln!("usage: bench_writers URL EVENTS WRITERS [BATCH] [--serialized]");
        std::process::exit(2);
    };
    let count: u64 = count.parse().expect("EVENTS is a number");
    let writers: usize = writers.parse().expect("WRITERS is a number");
    let batch: usize = numbers
        .get(3)
        .map_or(256, |b| b.parse().expect("BATCH is a number"));
    let writers = writers.max(1);

    let mut rng = Lcg(2026);
    let mut shares: Vec<Vec<NewEvent>> = vec![Vec::new(); writers];
    for i in 0..count {
        shares[i as usize % writers].push(event(i, count, &mut rng));
    }
    // Opened (and migrated) before the clock starts.
    let ledgers: Vec<Ledger> = (0..writers)
        .map(|_| {
            let mut l = Ledger::open(url, OpenMode::Create).expect("opening the ledger");
            if serialized {
                l.serialize_writes();
            }
            l
        })
        .collect();
    let policy = Policy::default();
    let start = Arc::new(Barrier::new(writers + 1));
    let threads: Vec<_> = ledgers
        .into_iter()
        .zip(shares)
        .map(|(mut ledger, share)| {
            let (start, policy) = (start.clone(), policy.clone());
            std::thread::spawn(move || {
                start.wait();
                let mut new = 0;
                for chunk in share.chunks(batch.max(1)) {
                    let now = bouncedoc_ledger::time::now();
                    new += ledger
                        .record(chunk, &policy, now)
                        .expect("recording")
                        .new_events;
                }
                new
            })
        })
        .collect();
    start.wait();
    let started = Instant::now();
    let new: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "writers={writers} events={count} new={new} seconds={seconds:.3} events_per_s={:.0}",
        count as f64 / seconds
    );
}
