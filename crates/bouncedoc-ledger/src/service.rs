//! The ledger as a service shares it: one connection behind a lock, the policy in force,
//! and the three operations the HTTP API offers (record a message, check addresses, list
//! suppressions). Every method blocks: an async server calls them on its blocking pool.

use std::sync::Mutex;

use bouncedoc_core::Engine;
use bouncedoc_mail::record::Record;
use bouncedoc_mail::records::{Cancel, DEFAULT_MAX_MESSAGE_BYTES, Messages, cancel_requested};
use serde::Serialize;

use crate::{
    BatchOutcome, Check, Filter, Ledger, LedgerError, NewEvent, OpenMode, Policy, Suppression,
    Unsuppressed, prepare_job, time,
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

/// What recording one upload did: counts, not the records (a report of many recipients
/// would echo them all), unless the caller asked for some of them.
#[derive(Debug, Clone, Serialize)]
pub struct Ingested {
    /// Events offered and recorded, addresses suppressed.
    #[serde(flatten)]
    pub outcome: BatchOutcome,
    /// Whether the events were committed to the ledger (always true in an answer: an upload
    /// that was not committed is an error).
    pub committed: bool,
    /// Messages read.
    pub messages: usize,
    /// Recipients diagnosed (one event each, unless its address was unusable).
    pub recipients: usize,
    /// Messages that are not bounces.
    pub not_bounces: usize,
    /// Messages, or recipients, that gave an error record instead of an event.
    pub errors: usize,
    /// What `parse` says of each message, when asked for ([`IngestOptions::records`]): its
    /// first records, at most that many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<Vec<Record>>,
}

/// How [`LedgerService::ingest`] runs.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Keep at most this many records for the answer (`None`: none).
    pub records: Option<usize>,
    /// The longest one message may be ([`DEFAULT_MAX_MESSAGE_BYTES`] when `None`).
    pub max_message_bytes: Option<usize>,
    /// Stops the reading between messages, and keeps the events from being committed when
    /// it is cancelled before the commit ([`LedgerError::Cancelled`]); once the commit has
    /// begun ([`Cancel::commit`]), the upload is recorded whatever happens to the request.
    pub cancel: Cancel,
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
    /// with `From `). `source` names it in the events (a file name, or `-`). Nothing is
    /// recorded when `options.cancel` is cancelled before the commit.
    pub fn ingest(
        &self,
        engine: &Engine,
        bytes: &[u8],
        source: &str,
        options: &IngestOptions,
    ) -> Result<Ingested, LedgerError> {
        let now = time::now();
        let limit = options
            .max_message_bytes
            .unwrap_or(DEFAULT_MAX_MESSAGE_BYTES);
        let mut done = Ingested {
            outcome: BatchOutcome::default(),
            committed: false,
            messages: 0,
            recipients: 0,
            not_bounces: 0,
            errors: 0,
            records: options.records.map(|_| Vec::new()),
        };
        let keep = options.records.unwrap_or(0);
        let mut events = Vec::new();
        let read = options.cancel.scope(|| {
            for job in Messages::with_limit(bytes, source, limit) {
                let p = prepare_job(engine, job, now);
                done.messages += 1;
                for r in p.records {
                    match &r {
                        Record::Recipient(_) => done.recipients += 1,
                        Record::NotBounce { .. } => done.not_bounces += 1,
                        Record::Error { .. } => done.errors += 1,
                    }
                    if let Some(kept) = done.records.as_mut().filter(|k| k.len() < keep) {
                        kept.push(r);
                    }
                }
                events.extend(p.events);
            }
            !cancel_requested()
        });
        if !read {
            return Err(LedgerError::Cancelled);
        }
        let cancel = &options.cancel;
        done.outcome = self.with(|l, p| l.record_unless_cancelled(&events, p, now, cancel))?;
        done.committed = true;
        Ok(done)
    }

    /// Records events made elsewhere (a sending service's webhook events), in one
    /// transaction, and applies the policy; events recorded before (same message key and
    /// recipient index) are left as they are.
    pub fn record_events(&self, events: &[NewEvent]) -> Result<BatchOutcome, LedgerError> {
        let now = time::now();
        self.with(|l, p| l.record(events, p, now))
    }

    /// [`LedgerService::record_events`], rolled back ([`LedgerError::Cancelled`]) when
    /// `cancel` is cancelled before the commit ([`Ledger::record_unless_cancelled`]).
    pub fn record_events_unless_cancelled(
        &self,
        events: &[NewEvent],
        cancel: &bouncedoc_mail::records::Cancel,
    ) -> Result<BatchOutcome, LedgerError> {
        let now = time::now();
        self.with(|l, p| l.record_unless_cancelled(events, p, now, cancel))
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
        let options = IngestOptions {
            records: Some(1),
            ..IngestOptions::default()
        };
        let done = svc.ingest(&engine, &mbox, "upload", &options).unwrap();
        assert_eq!((done.messages, done.recipients, done.errors), (2, 2, 0));
        assert_eq!(
            done.records.as_ref().map(Vec::len),
            Some(1),
            "as many as asked"
        );
        assert!(done.committed);
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

    #[test]
    fn a_cancelled_upload_records_nothing_and_a_committed_one_stays() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("svc.db");
        let svc = LedgerService::open(db.to_str().unwrap(), Policy::default()).unwrap();
        let engine = Engine::new().unwrap();
        let msg = Dsn::failure(vec![DsnRecipient::failed(
            "jiro@example.jp",
            "5.1.1",
            "550 5.1.1 User unknown",
        )])
        .message();
        let cancelled = IngestOptions::default();
        cancelled.cancel.cancel();
        let e = svc
            .ingest(&engine, msg.as_bytes(), "m", &cancelled)
            .unwrap_err();
        assert!(matches!(e, LedgerError::Cancelled), "{e}");
        assert!(svc.suppressions(&Filter::default()).unwrap().is_empty());

        let options = IngestOptions::default();
        let done = svc.ingest(&engine, msg.as_bytes(), "m", &options).unwrap();
        assert!(done.committed && done.records.is_none());
        assert!(
            !options.cancel.cancel(),
            "past its commit, the upload is not cancelled"
        );
        assert_eq!(svc.suppressions(&Filter::default()).unwrap().len(), 1);
    }
}
