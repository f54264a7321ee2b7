//! Several writers at once on one PostgreSQL ledger (threads, each its own connection, with
//! overlapping inputs in different orders) leave the same ledger as one writer given the
//! same events: nothing lost, nothing doubled, the same suppressions. Skipped without a
//! server (`BOUNCEDOC_TEST_POSTGRES`, which `scripts/with-postgres` sets; required under CI).

use std::sync::{Arc, Barrier};

use bouncedoc_core::{Action, Party, Reason, Retry};
use bouncedoc_ledger::testing::postgres_database;
use bouncedoc_ledger::time::DAY;
use bouncedoc_ledger::{Ledger, NewEvent, OpenMode, Policy};

const T0: i64 = 1_700_000_000;
const WRITERS: usize = 4;

/// A small deterministic generator, so that every run draws the same events and orders.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Bounces of 40 addresses over 90 days, of kinds that meet the policy's rules in different
/// ways (hard bounces, soft ones, full mailboxes, blocks, warnings), some with two
/// recipients and some without an address.
fn events(count: usize, rng: &mut Lcg) -> Vec<NewEvent> {
    let kinds = [
        (Reason::UserUnknown, true),
        (Reason::Expired, false),
        (Reason::SystemError, false),
        (Reason::MailboxFull, false),
        (Reason::Blocked, false),
        (Reason::NetworkError, false),
    ];
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let (reason, hard) = kinds[rng.next(kinds.len())];
        let hard = hard && rng.next(4) == 0;
        let recipients = 1 + usize::from(rng.next(5) == 0);
        for r in 1..=recipients {
            let address = (rng.next(20) != 0)
                .then(|| format!("user{}@example{}.jp", rng.next(20), rng.next(2)));
            out.push(NewEvent {
                message_key: format!("sha256:{i:06}"),
                recipient_index: r as i64,
                address: address.clone(),
                occurred_at: T0 + rng.next(90) as i64 * DAY + rng.next(3) as i64,
                reply_code: Some(if hard { 550 } else { 450 }),
                status: Some(if hard { "5.1.1" } else { "4.2.2" }.to_string()),
                reason,
                hard_bounce: hard,
                retry: if hard { Retry::No } else { Retry::Later },
                party: if reason == Reason::Blocked {
                    Party::SenderAdmin
                } else {
                    Party::Recipient
                },
                action: (rng.next(10) == 0).then_some(Action::Delayed),
                feedback_type: None,
                provider: None,
                mta: Some("postfix".to_string()),
                diagnostic: format!("{reason} for {address:?}"),
                message_id: Some(format!("<{i}@bounce.example>")),
                original_message_id: None,
                source: format!("batch-{i}.eml"),
            });
        }
    }
    out
}

/// Records `events` in batches of 1 to 60.
fn record_in_batches(ledger: &mut Ledger, events: &[NewEvent], policy: &Policy, rng: &mut Lcg) {
    let mut rest = events;
    while !rest.is_empty() {
        let n = (1 + rng.next(60)).min(rest.len());
        let (batch, tail) = rest.split_at(n);
        ledger.record(batch, policy, T0).unwrap();
        rest = tail;
    }
}

/// `events` in an order drawn from `rng` (Fisher-Yates).
fn shuffled(mut events: Vec<NewEvent>, rng: &mut Lcg) -> Vec<NewEvent> {
    for i in (1..events.len()).rev() {
        events.swap(i, rng.next(i + 1));
    }
    events
}

#[test]
fn writers_at_once_leave_the_ledger_one_writer_leaves() {
    let policy = Policy::default();
    for round in 0..3u64 {
        let mut rng = Lcg(11 + round);
        let all = events(1500, &mut rng);
        let Some(one) = postgres_database(&format!("writers_one_{round}")) else {
            return;
        };
        let mut reference = Ledger::open(&one.url, OpenMode::Create).unwrap();
        record_in_batches(&mut reference, &all, &policy, &mut rng);
        let expected = reference.snapshot().unwrap();
        assert!(
            expected.contains("rule=hard") && expected.contains("rule=soft"),
            "the input meets several rules: {expected}"
        );

        let many = postgres_database(&format!("writers_many_{round}")).unwrap();
        // Each event goes to two writers of the four, each writer in an order of its own.
        let shares: Vec<Vec<NewEvent>> = (0..WRITERS)
            .map(|w| {
                let mine: Vec<NewEvent> = all
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (i + w) % WRITERS < 2)
                    .map(|(_, e)| e.clone())
                    .collect();
                shuffled(mine, &mut rng)
            })
            .collect();
        let start = Arc::new(Barrier::new(WRITERS));
        let threads: Vec<_> = shares
            .into_iter()
            .enumerate()
            .map(|(w, share)| {
                let (url, start, policy) = (many.url.clone(), start.clone(), policy.clone());
                std::thread::spawn(move || {
                    let mut ledger = Ledger::open(&url, OpenMode::Create).unwrap();
                    let mut rng = Lcg(100 * round + w as u64);
                    start.wait();
                    record_in_batches(&mut ledger, &share, &policy, &mut rng);
                })
            })
            .collect();
        for t in threads {
            t.join().expect("a writer failed");
        }
        let mut ledger = Ledger::open(&many.url, OpenMode::Existing).unwrap();
        assert_eq!(
            ledger.snapshot().unwrap(),
            expected,
            "round {round}: four writers at once gave another ledger than one writer"
        );
        assert_eq!(ledger.counts().unwrap(), reference.counts().unwrap());
        assert!(ledger.verify().unwrap().is_empty());
    }
}
