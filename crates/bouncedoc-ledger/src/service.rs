//! The ledger as a service shares it: one connection behind a lock, the policy in force,
//! and the three operations the HTTP API offers (record a message, check addresses, list
//! suppressions). Every method blocks: an async server calls them on its blocking pool.

use std::sync::Mutex;

use bouncedoc_core::Engine;
use bouncedoc_mail::record::Record;
use bouncedoc_mail::records::Messages;
use serde::Serialize;

use crate::{
    BatchOutcome, Check, Filter, Ledger, LedgerError, NewEvent, OpenMode, Policy, Suppression,
    Unsuppressed,
    prepare_job, time,
};

/// A ledger shared by the requests of a service.
pub struct LedgerService {
    ledger: Mutex<Option<Ledger>>,
    policy: Policy,
    name: String,
}

impl std::fmt::Debug for LedgerService {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LedgerService")
            .field("database", &self.name)
            .field("policy", &self.policy.name)
            .finish()
    }
}

impl Drop for LedgerService {
    fn drop(&mut self) {
        // The PostgreSQL client runs a small runtime of its own, which must not be dropped
        // on an async worker: drop the connection on a plain thread.
        let ledger = self.ledger.get_mut().ok().and_then(Option::take);
        if let Some(ledger) = ledger {
            let _ = std::thread::spawn(move || drop(ledger)).join();
        }
    }
}

/// What recording one upload did.
#[derive(Debug, Clone, Serialize)]
pub struct Ingested {
    /// Events offered and recorded, addresses suppressed.
    #[serde(flatten)]
    pub outcome: BatchOutcome,
    /// What `parse` says of each message: one record per recipient, or one saying that a
    /// message is not a bounce or could not be read.
    pub records: Vec<Record>,
}

impl LedgerService {
    /// Opens (creating an SQLite file when needed) the ledger a service will use. Call it
    /// outside an async context: connecting to PostgreSQL blocks.
    pub fn open(database: &str, policy: Policy) -> Result<LedgerService, LedgerError> {
        let ledger = Ledger::open(database, OpenMode::Create)?;
        Ok(LedgerService {
            name: ledger.name().to_string(),
            ledger: Mutex::new(Some(ledger)),
            policy,
        })
    }

    /// The database, as it can be shown.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Ledger, &Policy) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        let mut guard = self
            .ledger
            .lock()
            .map_err(|_| LedgerError::Corrupt("an earlier request failed midway".into()))?;
        let ledger = guard
            .as_mut()
            .ok_or_else(|| LedgerError::Corrupt("the ledger is closed".into()))?;
        f(ledger, &self.policy)
    }

    /// Records one upload, in one transaction: a message, or an mbox of them (when it starts
    /// with `From `). `source` names it in the events (a file name, or `-`).
    pub fn ingest(
        &self,
        engine: &Engine,
        bytes: &[u8],
        source: &str,
    ) -> Result<Ingested, LedgerError> {
        let now = time::now();
        let read: Vec<_> = Messages::new(bytes, source)
            .map(|job| prepare_job(engine, job, now))
            .collect();
        let mut records = Vec::new();
        let mut events = Vec::new();
        for p in read {
            records.extend(p.records);
            events.extend(p.events);
        }
        let outcome = self.with(|l, p| l.record(&events, p, now))?;
        Ok(Ingested { outcome, records })
    }

    /// Records events made elsewhere (a sending service's webhook events), in one
    /// transaction, and applies the policy; events recorded before (same message key and
    /// recipient index) are left as they are.
    pub fn record_events(&self, events: &[NewEvent]) -> Result<BatchOutcome, LedgerError> {
        let now = time::now();
        self.with(|l, p| l.record(events, p, now))
    }

    /// Whether to mail each address, now.
    pub fn check(&self, addresses: &[String]) -> Result<Vec<Check>, LedgerError> {
        self.with(|l, p| l.check(addresses, p, time::now()))
    }

    /// The suppressions a filter selects, oldest first.
    pub fn suppressions(&self, filter: &Filter) -> Result<Vec<Suppression>, LedgerError> {
        self.with(|l, _| l.suppressions(filter))
    }

    /// Lifts the suppression of an address, now, as `bouncedoc unsuppress` does: kept in the
    /// history with `reason` and `who`; [`LedgerError::UnknownAddress`] when the ledger holds
    /// nothing about it (and nothing is written).
    pub fn unsuppress(
        &self,
        address: &str,
        reason: &str,
        who: &str,
    ) -> Result<Unsuppressed, LedgerError> {
        self.with(|l, _| l.unsuppress(address, reason, who, time::now()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Verdict;
    use crate::testing::{Dsn, DsnRecipient};

    #[test]
    fn records_checks_and_lists() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("svc.db");
        let svc = LedgerService::open(db.to_str().unwrap(), Policy::default()).unwrap();
        let engine = Engine::new().unwrap();
        let msg = Dsn::failure(vec![DsnRecipient::failed(
            "taro@example.jp",
            "5.1.1",
            "550 5.1.1 User unknown",
        )])
        .message();
        let msg = msg.as_bytes();
        let mbox = [b"From x\n".as_slice(), msg, b"\nFrom y\n", msg].concat();
        let done = svc.ingest(&engine, &mbox, "upload").unwrap();
        assert_eq!(done.records.len(), 2);
        assert_eq!((done.outcome.events, done.outcome.new_events), (2, 1));
        assert_eq!(done.outcome.suppressed, 1);
        let checks = svc.check(&["taro@example.jp".into()]).unwrap();
        assert!(matches!(checks[0].verdict, Verdict::Suppressed { .. }));
        assert_eq!(svc.suppressions(&Filter::default()).unwrap().len(), 1);
        assert!(format!("{svc:?}").contains("svc.db"));
        let lifted = svc.unsuppress("taro@example.jp", "fixed", "ops").unwrap();
        assert!(lifted.lifted.is_some());
        assert!(svc.suppressions(&Filter::default()).unwrap().is_empty());
        assert!(matches!(
            svc.unsuppress("nobody@example.jp", "fixed", "ops"),
            Err(LedgerError::UnknownAddress(_))
        ));
    }
}
