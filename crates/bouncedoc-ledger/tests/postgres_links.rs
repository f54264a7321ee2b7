//! The PostgreSQL edition has no foreign keys from suppressions to events (migration 0004:
//! they cost a row lock per link); `verify` checks those links instead. Skipped without a
//! server (`BOUNCEDOC_TEST_POSTGRES`, which `scripts/with-postgres` sets; required under CI).

use bouncedoc_core::{Party, Reason, Retry};
use bouncedoc_ledger::testing::postgres_database;
use bouncedoc_ledger::{Ledger, NewEvent, OpenMode, Policy};

const T0: i64 = 1_700_000_000;

fn hard_bounce(key: &str, address: &str) -> NewEvent {
    NewEvent {
        message_key: key.to_string(),
        recipient_index: 1,
        address: Some(address.to_string()),
        occurred_at: T0,
        reply_code: Some(550),
        status: Some("5.1.1".to_string()),
        reason: Reason::UserUnknown,
        hard_bounce: true,
        retry: Retry::No,
        party: Party::Recipient,
        action: None,
        feedback_type: None,
        provider: None,
        mta: Some("postfix".to_string()),
        diagnostic: "550 5.1.1 user unknown".to_string(),
        message_id: None,
        original_message_id: None,
        source: format!("{key}.eml"),
    }
}

#[test]
fn verify_finds_links_to_events_and_suppressions_that_are_not_there() {
    let Some(db) = postgres_database("links") else {
        return;
    };
    let mut ledger = Ledger::open(&db.url, OpenMode::Create).unwrap();
    let outcome = ledger
        .record(
            &[
                hard_bounce("sha256:a", "gone@example.jp"),
                hard_bounce("sha256:b", "left@example.jp"),
            ],
            &Policy::default(),
            T0,
        )
        .unwrap();
    assert_eq!(outcome.suppressed, 2);
    assert_eq!(ledger.verify().unwrap(), Vec::<String>::new());

    let mut raw = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    // Nothing in the schema stops these any more: `verify` must.
    raw.batch_execute(
        "INSERT INTO suppression_events (suppression_id, event_id) \
         SELECT id, 999999 FROM suppressions WHERE address = 'gone@example.jp'; \
         INSERT INTO suppression_events (suppression_id, event_id) \
         SELECT 888888, MIN(id) FROM events",
    )
    .unwrap();
    let problems = ledger.verify().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p == "1 triggering events that are not in the ledger"),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p == "1 links to suppressions that are not in the ledger"),
        "{problems:?}"
    );
}
