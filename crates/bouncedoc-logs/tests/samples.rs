//! Each format's sample log, in the shape its server writes, read end to end: the stories
//! told, how they ended, and what the engine makes of them.

use std::path::Path;
use std::sync::Arc;

use bouncedoc_core::{Engine, Lang, Reason};
use bouncedoc_logs::reader::{Counts, Item, Reader};
use bouncedoc_logs::record::{DeliveryRecord, record};
use bouncedoc_logs::story::Stories;
use bouncedoc_logs::{Outcome, input};

struct Read {
    records: Vec<DeliveryRecord>,
    damaged: Vec<u64>,
    counts: Counts,
}

fn read(name: &str) -> Read {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/samples")
        .join(name);
    let source: Arc<str> = name.into();
    let engine = Engine::new().unwrap();
    let mut reader = Reader::new(input::open(&path).unwrap(), 2024);
    let (mut stories, mut done, mut damaged) = (Stories::new(), Vec::new(), Vec::new());
    for item in reader.by_ref() {
        match item {
            Item::Entry { line, entry } => stories.push(&source, line, entry, &mut done),
            Item::Damaged { line, .. } => damaged.push(line),
        }
    }
    stories.finish(&mut done);
    Read {
        records: done
            .into_iter()
            .map(|s| record(&engine, s, Lang::En))
            .collect(),
        damaged,
        counts: reader.counts(),
    }
}

/// (recipient, outcome, attempts) of each story, in the order told.
fn stories(read: &Read) -> Vec<(String, Outcome, u32)> {
    read.records
        .iter()
        .map(|r| {
            (
                r.log.last.recipient.clone().unwrap_or_default(),
                r.log.last.outcome,
                r.log.attempts,
            )
        })
        .collect()
}

fn reason_of(read: &Read, recipient: &str) -> Reason {
    read.records
        .iter()
        .find(|r| r.log.last.recipient.as_deref() == Some(recipient))
        .map(|r| r.diagnosis.reason)
        .unwrap_or_else(|| panic!("no story of {recipient}"))
}

fn s(r: &str, o: Outcome, n: u32) -> (String, Outcome, u32) {
    (r.to_string(), o, n)
}

#[test]
fn postfix_syslog() {
    let r = read("postfix.log");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Delivered, 3),
            s("erin@example.jp", Outcome::Expired, 2),
            s("frank@example.invalid", Outcome::Bounced, 1),
            s("grace@example.org", Outcome::Bounced, 1),
            s("ivan@example.net", Outcome::Deferred, 1),
        ]
    );
    assert_eq!(r.damaged, [19]);
    assert_eq!((r.counts.lines, r.counts.unknown), (20, 1));
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
    assert_eq!(reason_of(&r, "grace@example.org"), Reason::Blocked);
    assert_eq!(reason_of(&r, "ivan@example.net"), Reason::MailboxFull);
    let bob = &r.records[0];
    assert_eq!(
        bob.log.last.original_recipient.as_deref(),
        Some("sales@example.org")
    );
    assert_eq!(bob.log.first_time.as_deref(), Some("2024-01-15T10:00:00Z"));
    let erin = &r.records[2];
    assert_eq!(erin.log.last_time.as_deref(), Some("2024-01-20T11:00:31Z"));
    assert!(
        erin.log
            .last
            .reply
            .as_deref()
            .unwrap()
            .contains("Connection timed out")
    );
}

#[test]
fn postfix_rfc5424_and_journal() {
    let r = read("postfix-rfc5424.log");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Deferred, 1)
        ]
    );
    let r = read("journal.json");
    assert_eq!(stories(&r), [s("bob@example.org", Outcome::Bounced, 1)]);
    assert_eq!(r.records[0].log.last.host.as_deref(), Some("mail"));
    assert_eq!(r.counts.unknown, 1);
}

#[test]
fn exim_mainlog() {
    let r = read("exim_mainlog");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Expired, 3),
            s("erin@example.jp", Outcome::Bounced, 1),
        ]
    );
    assert_eq!(r.damaged, [10]);
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
    // The expiry line has no reply: the story keeps the last deferral's.
    assert!(
        r.records[1]
            .log
            .last
            .reply
            .as_deref()
            .unwrap()
            .contains("Greylisted")
    );
}

#[test]
fn sendmail_qmail_opensmtpd() {
    let r = read("sendmail.log");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Expired, 2)
        ]
    );
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
    let r = read("qmail.log");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Deferred, 1)
        ]
    );
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
    let r = read("opensmtpd.log");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Deferred, 1)
        ]
    );
}

#[test]
fn csv_exports_and_kumomta() {
    let r = read("m365.csv");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Deferred, 1)
        ]
    );
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
    let r = read("pmta.csv");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Deferred, 1)
        ]
    );
    assert_eq!(r.records[0].log.last.dsn.as_deref(), Some("5.1.1"));
    let r = read("kumomta.jsonl");
    assert_eq!(
        stories(&r),
        [
            s("bob@example.org", Outcome::Bounced, 1),
            s("carol@example.net", Outcome::Expired, 2)
        ]
    );
    assert_eq!(reason_of(&r, "bob@example.org"), Reason::UserUnknown);
}
