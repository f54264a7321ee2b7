//! Recording a batch to see what it would do: the events recorded and the policy applied
//! as [`record`](super::record) does, then the suppressions that recording made, read back
//! in the same transaction (which the caller rolls back).

use std::collections::HashSet;

use crate::LedgerError;
use crate::event::NewEvent;
use crate::policy::Policy;
use crate::sql::Sql;

use super::read::suppressions;
use super::record::record;
use super::types::{BatchOutcome, Filter, Suppression};

/// What recording a batch would do: its figures, and the suppressions it would make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DryRun {
    /// The figures the batch would have.
    pub outcome: BatchOutcome,
    /// The suppressions that would be new, oldest first (an address already suppressed is
    /// not among them, even when the batch moves its date earlier).
    pub would_suppress: Vec<Suppression>,
}

/// The ids of the suppressions that hold.
fn active_ids(db: &mut dyn Sql) -> Result<HashSet<i64>, LedgerError> {
    db.query("SELECT id FROM suppressions WHERE lifted_at IS NULL", &[])?
        .iter()
        .map(|r| r.int(0))
        .collect()
}

/// Records `events` as [`record`] does and says what that did; the caller's transaction
/// must be rolled back.
pub(crate) fn dry_run(
    db: &mut dyn Sql,
    events: &[NewEvent],
    policy: &Policy,
    now: i64,
) -> Result<DryRun, LedgerError> {
    let before = active_ids(db)?;
    let outcome = record(db, events, policy, now)?;
    let would_suppress = if outcome.suppressed == 0 {
        Vec::new()
    } else {
        suppressions(db, &Filter::default())?
            .into_iter()
            .filter(|s| !before.contains(&s.id))
            .collect()
    };
    Ok(DryRun {
        outcome,
        would_suppress,
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::{Dsn, DsnRecipient};
    use crate::{Ledger, NewEvent, OpenMode, Policy, prepare};
    use bouncedoc_core::Engine;
    use bouncedoc_mail::record::Origin;

    fn events(addresses: &[&str]) -> Vec<NewEvent> {
        let engine = Engine::new().unwrap();
        let dsn = Dsn::failure(
            addresses
                .iter()
                .map(|a| DsnRecipient::failed(a, "5.1.1", "550 5.1.1 User unknown"))
                .collect(),
        );
        let origin = Origin {
            source: "m".into(),
            index: None,
        };
        prepare(&engine, origin, dsn.message().as_bytes(), 1_700_000_000).events
    }

    #[test]
    fn a_dry_run_says_what_would_be_suppressed_and_records_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("l.db");
        let mut ledger = Ledger::open(db.to_str().unwrap(), OpenMode::Create).unwrap();
        let policy = Policy::default();
        let before = ledger.snapshot().unwrap();
        let run = ledger
            .record_dry_run(
                &events(&["a@example.org", "b@example.org"]),
                &policy,
                1_700_000_000,
            )
            .unwrap();
        assert_eq!(run.outcome.new_events, 2);
        assert_eq!(
            run.outcome.suppressed, 2,
            "a hard bounce suppresses at once"
        );
        let mut addresses: Vec<_> = run
            .would_suppress
            .iter()
            .map(|s| s.address.as_str())
            .collect();
        addresses.sort();
        assert_eq!(addresses, ["a@example.org", "b@example.org"]);
        assert_eq!(ledger.snapshot().unwrap(), before, "nothing was recorded");
        assert_eq!(ledger.counts().unwrap().events, 0);
        // An address suppressed already is not said again.
        ledger
            .record(&events(&["a@example.org"]), &policy, 1_700_000_000)
            .unwrap();
        let run = ledger
            .record_dry_run(
                &events(&["a@example.org", "c@example.org"]),
                &policy,
                1_700_000_100,
            )
            .unwrap();
        let addresses: Vec<_> = run
            .would_suppress
            .iter()
            .map(|s| s.address.as_str())
            .collect();
        assert_eq!(addresses, ["c@example.org"]);
        assert_eq!(ledger.counts().unwrap().suppressions, 1);
    }
}
