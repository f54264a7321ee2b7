//! The ledger's behaviour, the same on both back ends: SQLite always, PostgreSQL when
//! `BOUNCEDOC_TEST_POSTGRES` names a server (`scripts/with-postgres` starts one; required
//! under CI).

use bouncedoc_core::{Action, Party, Reason, Retry};
use bouncedoc_ledger::testing::{EAGER_POLICY, TestDatabase, postgres_database};
use bouncedoc_ledger::time::DAY;
use bouncedoc_ledger::{Counts, Filter, Ledger, NewEvent, OpenMode, Policy, Rule, Verdict};

/// A ledger on each back end, with what keeps it alive.
struct Backends {
    ledgers: Vec<(&'static str, Ledger)>,
    _dir: tempfile::TempDir,
    _pg: Vec<TestDatabase>,
}

fn backends(tag: &str) -> Backends {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let mut ledgers = vec![(
        "sqlite",
        Ledger::open(path.to_str().unwrap(), OpenMode::Create).unwrap(),
    )];
    let mut pg = Vec::new();
    if let Some(db) = postgres_database(tag) {
        ledgers.push(("postgres", Ledger::open(&db.url, OpenMode::Create).unwrap()));
        pg.push(db);
    }
    Backends {
        ledgers,
        _dir: dir,
        _pg: pg,
    }
}

const T0: i64 = 1_700_000_000;

fn event(key: &str, address: &str, day: i64, reason: Reason, hard: bool) -> NewEvent {
    NewEvent {
        message_key: key.to_string(),
        recipient_index: 1,
        address: Some(address.to_string()),
        occurred_at: T0 + day * DAY,
        reply_code: Some(if hard { 550 } else { 450 }),
        status: Some(if hard { "5.1.1" } else { "4.4.7" }.to_string()),
        reason,
        hard_bounce: hard,
        retry: if hard { Retry::No } else { Retry::Later },
        party: Party::Recipient,
        action: None,
        feedback_type: None,
        provider: None,
        mta: None,
        diagnostic: format!("{reason} for {address}"),
        message_id: None,
        original_message_id: None,
        source: format!("{key}.eml"),
    }
}

#[test]
fn opening_migrates_once_and_records_the_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let db = path.to_str().unwrap();
    let err = Ledger::open(db, OpenMode::Existing).unwrap_err();
    assert!(err.to_string().contains("no ledger"), "{err}");
    assert!(!path.exists(), "checking must not create the file");
    Ledger::open(db, OpenMode::Create).unwrap();
    let mut again = Ledger::open(db, OpenMode::Existing).unwrap();
    let every: Vec<i64> = bouncedoc_ledger::migrate::MIGRATIONS
        .iter()
        .map(|m| m.version)
        .collect();
    assert_eq!(every, vec![1, 2, 3, 4]);
    assert_eq!(again.schema_versions().unwrap(), every);
    for (name, mut ledger) in backends("migrations").ledgers {
        assert_eq!(ledger.schema_versions().unwrap(), every, "{name}");
    }
    // A ledger migrated by a newer bouncedoc is refused, not misread.
    drop(again);
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)",
        [],
    )
    .unwrap();
    drop(raw);
    let err = Ledger::open(db, OpenMode::Existing).unwrap_err();
    assert!(err.to_string().contains("version 99"), "{err}");
}

#[test]
fn a_hard_bounce_suppresses_and_unsuppress_is_kept_in_history() {
    let policy = Policy::default();
    for (name, mut l) in backends("hard").ledgers {
        let out = l
            .record(
                &[
                    event("m1", "taro@example.jp", 0, Reason::UserUnknown, true),
                    event("m2", "hanako@example.jp", 0, Reason::Expired, false),
                ],
                &policy,
                T0,
            )
            .unwrap();
        assert_eq!((out.new_events, out.suppressed), (2, 1), "{name}");
        let addrs = [
            "Taro@Example.JP".to_string(),
            "hanako@example.jp".to_string(),
        ];
        let checks = l.check(&addrs, &policy, T0).unwrap();
        let Verdict::Suppressed { suppression } = &checks[0].verdict else {
            panic!("{name}: {:?}", checks[0]);
        };
        assert_eq!(suppression.rule, Rule::Hard);
        assert_eq!(suppression.reason, Reason::UserUnknown);
        assert_eq!(suppression.since, T0);
        assert_eq!(suppression.events.len(), 1);
        assert_eq!(suppression.events[0].detail.message_key, "m1");
        assert!(suppression.why.contains("5.1.1"), "{}", suppression.why);
        assert_eq!(suppression.who, "policy:default");
        assert_eq!(checks[1].verdict, Verdict::Ok, "{name}");
        assert_eq!(checks[1].bounces, 1);
        let history = l.events("HANAKO@example.jp").unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(history[0].detail.reason, Reason::Expired);

        let done = l
            .unsuppress("taro@example.jp", "fixed the typo", "ops", T0 + 10 * DAY)
            .unwrap();
        assert_eq!(done.lifted.as_ref().unwrap().rule, Rule::Hard);
        let checks = l.check(&addrs[..1], &policy, T0 + 10 * DAY).unwrap();
        assert_eq!(checks[0].verdict, Verdict::Ok, "{name}");
        assert_eq!(
            checks[0].bounces, 0,
            "bounces before unsuppress no longer count"
        );
        assert!(l.suppressions(&Filter::default()).unwrap().is_empty());
        let all = l
            .suppressions(&Filter {
                include_lifted: true,
                ..Filter::default()
            })
            .unwrap();
        let lifted = all[0].lifted.as_ref().unwrap();
        assert_eq!(
            (lifted.reason.as_str(), lifted.who.as_str()),
            ("fixed the typo", "ops")
        );

        // An old bounce read again does not suppress; a new one does.
        let old = event("m0", "taro@example.jp", -1, Reason::UserUnknown, true);
        assert_eq!(
            l.record(&[old], &policy, T0).unwrap().suppressed,
            0,
            "{name}"
        );
        let new = event("m3", "taro@example.jp", 11, Reason::HostUnknown, true);
        assert_eq!(
            l.record(&[new], &policy, T0).unwrap().suppressed,
            1,
            "{name}"
        );
        let snap = l.snapshot().unwrap();
        assert!(
            snap.contains("suppression taro@example.jp lifted"),
            "{snap}"
        );
        assert!(
            snap.contains("suppression taro@example.jp active"),
            "{snap}"
        );
        assert!(snap.contains("unsuppression taro@example.jp reason=\"fixed the typo\""));
    }
}

#[test]
fn the_same_events_twice_are_recorded_once() {
    let policy = Policy::default();
    let batch = [
        event("m1", "a@example.jp", 0, Reason::Expired, false),
        event("m2", "a@example.jp", 1, Reason::Expired, false),
        event("m3", "a@example.jp", 2, Reason::Expired, false),
    ];
    for (name, mut l) in backends("twice").ledgers {
        let first = l.record(&batch, &policy, T0).unwrap();
        assert_eq!((first.new_events, first.suppressed), (3, 1), "{name}");
        let snap = l.snapshot().unwrap();
        let second = l.record(&batch, &policy, T0 + 1).unwrap();
        assert_eq!(
            (second.events, second.new_events, second.suppressed),
            (3, 0, 0)
        );
        assert_eq!(l.snapshot().unwrap(), snap, "{name}");
        assert_eq!(
            l.counts().unwrap(),
            Counts {
                events: 3,
                suppressions: 1
            }
        );
        // The same message twice in one batch, too.
        let twin = event("m4", "b@example.jp", 3, Reason::UserUnknown, true);
        let out = l.record(&[twin.clone(), twin], &policy, T0).unwrap();
        assert_eq!(
            (out.events, out.new_events, out.suppressed),
            (2, 1, 1),
            "{name}"
        );
    }
}

#[test]
fn a_full_mailbox_waits_then_suppresses() {
    let policy = Policy::default();
    for (name, mut l) in backends("full").ledgers {
        let a = "full@example.jp";
        l.record(
            &[event("f1", a, 0, Reason::MailboxFull, false)],
            &policy,
            T0,
        )
        .unwrap();
        let c = &l.check(&[a.into()], &policy, T0 + 3600).unwrap()[0];
        assert!(
            matches!(c.verdict, Verdict::Wait { until, .. } if until == T0 + 24 * 3600),
            "{name}: {c:?}"
        );
        let c = &l.check(&[a.into()], &policy, T0 + 25 * 3600).unwrap()[0];
        assert_eq!(c.verdict, Verdict::Ok, "{name}");
        let more = [5, 10, 15].map(|d| event(&format!("f{d}"), a, d, Reason::MailboxFull, false));
        let out = l.record(&more, &policy, T0).unwrap();
        assert_eq!(out.suppressed, 1, "{name}");
        let s = &l.suppressions(&Filter::default()).unwrap()[0];
        assert_eq!(
            (s.rule, s.since, s.events.len()),
            (Rule::MailboxFull, T0 + 15 * DAY, 4)
        );
    }
}

#[test]
fn lists_filter_by_domain_reason_rule_and_date() {
    let policy = Policy::default();
    for (name, mut l) in backends("filters").ledgers {
        let mut complaint = event("c1", "c@example.com", 5, Reason::Feedback, false);
        complaint.feedback_type = Some("abuse".into());
        l.record(
            &[
                event("h1", "h@example.jp", 0, Reason::UserUnknown, true),
                event("h2", "x@sub.example.jp", 10, Reason::HostUnknown, true),
                complaint,
            ],
            &policy,
            T0,
        )
        .unwrap();
        let list = |l: &mut Ledger, f: Filter| -> Vec<String> {
            l.suppressions(&f)
                .unwrap()
                .into_iter()
                .map(|s| s.address)
                .collect()
        };
        assert_eq!(
            list(&mut l, Filter::default()),
            ["h@example.jp", "c@example.com", "x@sub.example.jp"],
            "{name}: oldest first"
        );
        let domain = Filter {
            domain: Some("Example.JP".into()),
            ..Filter::default()
        };
        assert_eq!(list(&mut l, domain), ["h@example.jp"]);
        let reason = Filter {
            reason: Some(Reason::Feedback),
            ..Filter::default()
        };
        assert_eq!(list(&mut l, reason), ["c@example.com"]);
        let rule = Filter {
            rule: Some(Rule::Hard),
            ..Filter::default()
        };
        assert_eq!(list(&mut l, rule).len(), 2);
        let window = Filter {
            since: Some(T0 + DAY),
            until: Some(T0 + 10 * DAY),
            ..Filter::default()
        };
        assert_eq!(list(&mut l, window), ["c@example.com"]);
        let s = l.suppressions(&Filter::default()).unwrap();
        assert!(s[1].why.contains("abuse"), "{}", s[1].why);
    }
}

/// A small deterministic generator, so that the shuffles are the same on every run.
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

/// `events` in an order drawn from `rng` (Fisher-Yates).
fn shuffled(events: &[NewEvent], rng: &mut Lcg) -> Vec<NewEvent> {
    let mut out = events.to_vec();
    for i in (1..out.len()).rev() {
        out.swap(i, rng.next(i + 1));
    }
    out
}

/// Events where the order matters to a naive ledger: soft bounces that meet the rule in
/// different ways, hard bounces that arrive after later soft ones, mailbox-full runs.
fn tricky_events() -> Vec<NewEvent> {
    let mut out = Vec::new();
    let reasons = [
        (Reason::Expired, false),
        (Reason::SystemError, false),
        (Reason::MailboxFull, false),
        (Reason::UserUnknown, true),
        (Reason::Blocked, false),
        (Reason::NetworkError, false),
    ];
    let mut rng = Lcg(7);
    for i in 0..240 {
        let address = format!("user{}@example{}.jp", rng.next(12), rng.next(3));
        let (reason, hard) = reasons[rng.next(reasons.len())];
        let hard = hard && rng.next(3) == 0;
        let mut e = event(
            &format!("k{i:03}"),
            &address,
            rng.next(90) as i64,
            reason,
            hard,
        );
        if reason == Reason::Blocked {
            e.party = Party::SenderAdmin;
        }
        // Ties in time, broken by the message key.
        if i % 7 == 0 {
            e.occurred_at = T0 + 30 * DAY;
        }
        out.push(e);
    }
    out
}

#[test]
fn the_ledger_does_not_depend_on_the_order_events_arrive_in() {
    let policy = Policy::default();
    let events = tricky_events();
    let mut reference: Option<String> = None;
    for (name, mut l) in backends("order_ref").ledgers {
        l.record(&events, &policy, T0).unwrap();
        let snap = l.snapshot().unwrap();
        assert!(
            snap.contains("rule=soft") && snap.contains("rule=hard"),
            "{snap}"
        );
        match &reference {
            None => reference = Some(snap),
            Some(r) => assert_eq!(&snap, r, "{name} differs from sqlite"),
        }
    }
    let reference = reference.unwrap();
    let mut rng = Lcg(42);
    for round in 0..6 {
        let shuffled = shuffled(&events, &mut rng);
        for (name, mut l) in backends(&format!("order{round}")).ledgers {
            let mut rest = &shuffled[..];
            while !rest.is_empty() {
                let n = 1 + rng.next(40).min(rest.len() - 1);
                let (batch, tail) = rest.split_at(n);
                l.record(batch, &policy, T0).unwrap();
                rest = tail;
            }
            assert_eq!(
                l.snapshot().unwrap(),
                reference,
                "{name}, round {round}: another order gave another ledger"
            );
        }
    }
}

#[test]
fn long_histories_give_the_same_answer_in_any_order() {
    let policy = Policy::default();
    let a = "long@example.jp";
    // 300 soft bounces four days apart never make three within seven days...
    let mut events: Vec<NewEvent> = (0..300)
        .map(|i| event(&format!("s{i:03}"), a, i * 4, Reason::Expired, false))
        .collect();
    // ... until one falls between the last two: the rule is met at the last, past the first
    // page of events read.
    events.push(event("late", a, 299 * 4 - 1, Reason::Expired, false));
    let mut rng = Lcg(9);
    for (name, mut l) in backends("long").ledgers {
        for batch in shuffled(&events, &mut rng).chunks(37) {
            l.record(batch, &policy, T0).unwrap();
        }
        let s = l.suppressions(&Filter::default()).unwrap();
        assert_eq!(s.len(), 1, "{name}");
        assert_eq!(
            (s[0].rule, s[0].since),
            (Rule::Soft, T0 + 299 * 4 * DAY),
            "{name}"
        );
        let keys: Vec<&str> = s[0]
            .events
            .iter()
            .map(|e| e.detail.message_key.as_str())
            .collect();
        assert_eq!(keys, ["s298", "late", "s299"], "{name}");
    }
}

#[test]
fn no_number_of_warnings_suppresses_an_address() {
    let eager = Policy::from_toml(EAGER_POLICY, "eager").unwrap();
    let a = "delayed@example.jp";
    let reasons = [
        Reason::Expired,
        Reason::NetworkError,
        Reason::SystemError,
        Reason::MailboxFull,
    ];
    let warnings: Vec<NewEvent> = (0..200)
        .map(|i| {
            let mut e = event(
                &format!("w{i:03}"),
                a,
                i / 5,
                reasons[i as usize % 4],
                false,
            );
            e.action = Some(Action::Delayed);
            e
        })
        .collect();
    for policy in [Policy::default(), eager] {
        for (name, mut l) in backends(&format!("warnings_{}", policy.name)).ledgers {
            let mut rng = Lcg(3);
            for batch in shuffled(&warnings, &mut rng).chunks(23) {
                let out = l.record(batch, &policy, T0).unwrap();
                assert_eq!(out.suppressed + out.updated, 0, "{name}, {}", policy.name);
            }
            let c = &l.check(&[a.to_string()], &policy, T0 + 100 * DAY).unwrap()[0];
            assert!(
                !matches!(c.verdict, Verdict::Suppressed { .. }),
                "{name}, {}: {c:?}",
                policy.name
            );
            assert_eq!(
                c.bounces, 200,
                "{name}: the warnings are recorded and shown"
            );
            assert_eq!(l.counts().unwrap().suppressions, 0, "{name}");
            // A failure among them is counted as usual, and only failures trigger.
            let mut failure = event("f1", a, 39, Reason::UserUnknown, true);
            failure.action = Some(Action::Failed);
            assert_eq!(l.record(&[failure], &policy, T0).unwrap().suppressed, 1);
            let s = &l.suppressions(&Filter::default()).unwrap()[0];
            let keys: Vec<&str> = s
                .events
                .iter()
                .map(|e| e.detail.message_key.as_str())
                .collect();
            assert_eq!(keys, ["f1"], "{name}, {}", policy.name);
        }
    }
}
