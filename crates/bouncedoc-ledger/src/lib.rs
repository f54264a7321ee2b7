//! # bouncedoc-ledger
//!
//! The bounce ledger: a durable record of bounce events (one per recipient diagnosis) and of
//! the suppressions they lead to, with the history of suppressions lifted by hand. It is
//! what a sender of volume mail asks before it mails an address.
//!
//! - [`Ledger`] is the one interface, over two back ends: SQLite (a file, created on first
//!   use, in WAL mode) and PostgreSQL (`postgres://...`). The schema is migrated on open
//!   ([`migrate::MIGRATIONS`]).
//! - [`prepare`] turns a message's bytes into [`NewEvent`]s; [`Ledger::record`] records a
//!   batch of them in one transaction and applies the [`Policy`]. A message is known by a
//!   hash of its bytes, so the same message recorded twice gives its events once; a batch
//!   interrupted before it commits leaves nothing, and running it again completes it.
//!   On PostgreSQL, several writers (each its own connection) record at once: a batch
//!   locks its addresses, and is written in a few set-based statements; the ledger is the
//!   one a single writer would leave.
//! - [`Ledger::check`], [`Ledger::suppressions`] and [`Ledger::unsuppress`] answer a sender.
//! - [`service::LedgerService`] shares one ledger between the requests of a service: what
//!   the HTTP API calls to record a message, check addresses and list suppressions.
//!
//! ```
//! use bouncedoc_ledger::{Ledger, OpenMode, Policy, Verdict};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let db = dir.path().join("ledger.db");
//! let mut ledger = Ledger::open(db.to_str().unwrap(), OpenMode::Create).unwrap();
//! let checks = ledger.check(&["taro@example.jp".to_string()], &Policy::default(), 0).unwrap();
//! assert_eq!(checks[0].verdict, Verdict::Ok);
//! ```

mod event;
pub mod migrate;
pub mod policy;
mod postgres;
pub mod service;
mod sql;
mod sqlite;
mod store;
#[doc(hidden)]
pub mod testing;
pub mod time;
pub mod why;

pub use event::{
    NewEvent, Prepared, canonical, domain_of, message_key, normalize_address, normalize_domain,
    prepare, prepare_job,
};
pub use policy::{DEFAULT_POLICY, Policy, PolicyError, Rule};
pub use store::{
    BatchOutcome, Check, Counts, DryRun, Event, Filter, Suppression, Unsuppressed, Unsuppression,
    Verdict,
};
pub use why::Why;

use migrate::Dialect;

/// What can go wrong with a ledger.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// An SQLite error.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A PostgreSQL error.
    #[error("PostgreSQL: {}", describe_postgres(.0))]
    Postgres(::postgres::Error),
    /// The ledger file does not exist (only `ingest` creates one).
    #[error(
        "no ledger at {0} (`bouncedoc ingest` creates it; set --database or BOUNCEDOC_DATABASE to use another)"
    )]
    Missing(String),
    /// The database was migrated by a newer bouncedoc.
    #[error(
        "the ledger's schema is version {found}, newer than this bouncedoc knows ({known}): upgrade bouncedoc"
    )]
    SchemaTooNew {
        /// The version found.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// A read-only open found a schema older than this build's (`bouncedoc ingest` or
    /// `unsuppress` migrates it).
    #[error(
        "the ledger's schema is version {found}, older than this bouncedoc's ({known}): open it once for writing (`bouncedoc ingest`) to upgrade it"
    )]
    SchemaTooOld {
        /// The version found.
        found: i64,
        /// The newest version this build knows.
        known: i64,
    },
    /// `unsuppress` of an address the ledger holds nothing about (no event, no suppression).
    #[error("the ledger holds nothing about {0}: no bounce, no suppression")]
    UnknownAddress(String),
    /// An address the ledger cannot keep: it holds a control character (NUL included), or
    /// its domain is not a valid internationalized domain name.
    #[error("not a usable address: {0}")]
    BadAddress(String),
    /// The database holds something the ledger did not write.
    #[error("the ledger holds an unexpected value: {0}")]
    Corrupt(String),
    /// The batch was cancelled before its commit: nothing of it was recorded.
    #[error("cancelled before the commit: nothing was recorded")]
    Cancelled,
}

impl From<::postgres::Error> for LedgerError {
    fn from(e: ::postgres::Error) -> LedgerError {
        LedgerError::Postgres(e)
    }
}

/// A PostgreSQL error with what the server or the connection said (the error's own text is
/// only "db error").
fn describe_postgres(e: &::postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!("{} (SQLSTATE {})", db.message(), db.code().code());
        if let Some(detail) = db.detail() {
            s.push_str(": ");
            s.push_str(detail);
        }
        return s;
    }
    let mut s = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        s.push_str(": ");
        s.push_str(&cause.to_string());
        source = cause.source();
    }
    s
}

/// Whether opening a ledger may create it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the SQLite file when it does not exist (`ingest`).
    Create,
    /// Fail when it does not exist (`unsuppress`).
    Existing,
    /// Read only (`check`, `suppressions`): fail when it does not exist, open an SQLite file
    /// read-only (`SQLITE_OPEN_READ_ONLY`, so a consumer without write access can read it,
    /// and a writer holding the file does not hold it up), run no migration, and fail when
    /// the schema is not the one this build knows.
    ReadOnly,
}

enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(Box<postgres::Postgres>),
}

/// A ledger, on SQLite or PostgreSQL.
pub struct Ledger {
    backend: Backend,
    name: String,
}

impl std::fmt::Debug for Ledger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ledger").field("name", &self.name).finish()
    }
}

/// Whether a `--database` value names a PostgreSQL database rather than an SQLite file.
pub fn is_postgres(database: &str) -> bool {
    database.starts_with("postgres://") || database.starts_with("postgresql://")
}

impl Ledger {
    /// Opens a ledger: a `postgres://` or `postgresql://` URL, else the path of an SQLite
    /// file (`sqlite:` in front is allowed). The schema is brought up to date, except with
    /// [`OpenMode::ReadOnly`].
    pub fn open(database: &str, mode: OpenMode) -> Result<Ledger, LedgerError> {
        let (backend, name, dialect) = if is_postgres(database) {
            (
                Backend::Postgres(Box::new(postgres::Postgres::connect(database)?)),
                redact(database),
                Dialect::Postgres,
            )
        } else {
            let path = database.strip_prefix("sqlite:").unwrap_or(database);
            (
                Backend::Sqlite(sqlite::Sqlite::open(std::path::Path::new(path), mode)?),
                path.to_string(),
                Dialect::Sqlite,
            )
        };
        let mut ledger = Ledger { backend, name };
        if mode == OpenMode::ReadOnly {
            ledger.read(migrate::ensure_current)?;
        } else {
            let now = time::now();
            ledger.write_as(true, |db| migrate::migrate(db, dialect, now))?;
        }
        Ok(ledger)
    }

    /// The database, as it can be shown (a URL without its password).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// On PostgreSQL, writes from now on take one transaction at a time over all writers and
    /// record row by row, as earlier versions did (nothing changes on SQLite): the baseline
    /// of `scripts/bench-ledger-writers`.
    #[doc(hidden)]
    pub fn serialize_writes(&mut self) {
        if let Backend::Postgres(b) = &mut self.backend {
            b.serialize_writes();
        }
    }

    fn write<T>(
        &mut self,
        f: impl FnMut(&mut dyn sql::Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        self.write_as(false, f)
    }

    /// A write transaction; with `exclusive`, one no other writer runs beside (a migration).
    fn write_as<T>(
        &mut self,
        exclusive: bool,
        f: impl FnMut(&mut dyn sql::Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        match &mut self.backend {
            Backend::Sqlite(b) => b.write(f),
            Backend::Postgres(b) => b.write(exclusive, f),
        }
    }

    fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn sql::Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        match &mut self.backend {
            Backend::Sqlite(b) => b.read(f),
            Backend::Postgres(b) => b.read(f),
        }
    }

    /// Records a batch of events in one transaction, and applies the policy to every
    /// address that got a new one. Events recorded before (same message key and recipient
    /// index) are left as they are. `now` is the recording time.
    pub fn record(
        &mut self,
        events: &[NewEvent],
        policy: &Policy,
        now: i64,
    ) -> Result<BatchOutcome, LedgerError> {
        self.write(|db| store::record(db, events, policy, now))
    }

    /// [`Ledger::record`], unless `cancel` is cancelled before the commit: the batch passes
    /// its point of no return ([`Cancel::commit`](bouncedoc_mail::records::Cancel::commit))
    /// inside the transaction, just before it commits, and is rolled back
    /// ([`LedgerError::Cancelled`]) when it was cancelled first.
    pub fn record_unless_cancelled(
        &mut self,
        events: &[NewEvent],
        policy: &Policy,
        now: i64,
        cancel: &bouncedoc_mail::records::Cancel,
    ) -> Result<BatchOutcome, LedgerError> {
        self.write(|db| {
            let outcome = store::record(db, events, policy, now)?;
            if !cancel.commit() {
                return Err(LedgerError::Cancelled);
            }
            Ok(outcome)
        })
    }

    /// Whether to mail each address, as of `now`.
    pub fn check(
        &mut self,
        addresses: &[String],
        policy: &Policy,
        now: i64,
    ) -> Result<Vec<Check>, LedgerError> {
        self.read(|db| store::check(db, addresses, policy, now))
    }

    /// The suppressions a filter selects, oldest first.
    pub fn suppressions(&mut self, filter: &Filter) -> Result<Vec<Suppression>, LedgerError> {
        self.read(|db| store::suppressions(db, filter))
    }

    /// The events of an address since it was last unsuppressed, oldest first.
    pub fn events(&mut self, address: &str) -> Result<Vec<Event>, LedgerError> {
        self.read(|db| store::history(db, address))
    }

    /// Lifts the suppression of an address; the act is kept in the history, and bounces
    /// dated before `now` no longer count towards a new suppression. An address with no
    /// event and no suppression gives [`LedgerError::UnknownAddress`], and nothing is kept.
    pub fn unsuppress(
        &mut self,
        address: &str,
        reason: &str,
        who: &str,
        now: i64,
    ) -> Result<Unsuppressed, LedgerError> {
        self.write(|db| store::unsuppress(db, address, reason, who, now))
    }

    /// [`Ledger::record`] in a transaction that is rolled back: what recording `events`
    /// would do (its figures and the suppressions it would make), with nothing recorded.
    pub fn record_dry_run(
        &mut self,
        events: &[NewEvent],
        policy: &Policy,
        now: i64,
    ) -> Result<DryRun, LedgerError> {
        let mut seen = None;
        let result = self.write(|db| {
            seen = Some(store::dry_run(db, events, policy, now)?);
            // Returning an error rolls the transaction back.
            Err::<(), _>(LedgerError::Cancelled)
        });
        match (result, seen) {
            (Err(LedgerError::Cancelled), Some(run)) => Ok(run),
            (Err(e), _) => Err(e),
            (Ok(()), _) => Err(LedgerError::Corrupt("a dry run committed".into())),
        }
    }

    /// Up to `limit` events recorded after the event whose id is `after` (from the first
    /// when `None`), in the order they were recorded: read a ledger page by page, each page
    /// asked for with the last id of the one before, until a page comes back empty.
    pub fn events_page(
        &mut self,
        after: Option<i64>,
        limit: usize,
    ) -> Result<Vec<Event>, LedgerError> {
        self.read(|db| store::events_page(db, after.unwrap_or(i64::MIN), limit))
    }

    /// The number of events recorded and of suppressions that hold.
    pub fn counts(&mut self) -> Result<Counts, LedgerError> {
        self.read(store::counts)
    }

    /// The whole ledger as text, in a canonical order, without ids, recording times or the
    /// files events were first read from: two ledgers that hold the same facts give the
    /// same text, whatever order they were recorded in.
    pub fn snapshot(&mut self) -> Result<String, LedgerError> {
        self.read(store::snapshot)
    }

    /// Checks what the schema cannot enforce by itself, and for SQLite the file's own
    /// integrity: the problems found (none when the ledger is consistent).
    pub fn verify(&mut self) -> Result<Vec<String>, LedgerError> {
        let sqlite = matches!(self.backend, Backend::Sqlite(_));
        self.read(|db| store::verify(db, sqlite))
    }

    /// The versions of the schema migrations applied, in order.
    pub fn schema_versions(&mut self) -> Result<Vec<i64>, LedgerError> {
        self.read(|db| {
            db.query(
                "SELECT version FROM schema_migrations ORDER BY version",
                &[],
            )?
            .iter()
            .map(|r| r.int(0))
            .collect()
        })
    }
}

/// A database URL without its password.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or("");
            format!("{scheme}://{name}:***@{host}")
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_shown_without_passwords() {
        assert_eq!(
            redact("postgres://app:secret@db.example:5432/ledger"),
            "postgres://app:***@db.example:5432/ledger"
        );
        assert_eq!(
            redact("postgres://app@db/ledger"),
            "postgres://app@db/ledger"
        );
        assert!(is_postgres("postgresql://x/y"));
        assert!(!is_postgres("ledger.db"));
    }
}
