//! The SQLite back end: one file, WAL mode, writers waiting for each other (busy timeout)
//! rather than failing.

use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::sql::{Param, Row, Sql, Value, retrying};
use crate::{LedgerError, OpenMode};

/// How long a writer waits for another before it gives up on one attempt.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Switches the file to WAL mode, waiting for other connections: the switch needs the file
/// to itself, and SQLite answers it `SQLITE_BUSY` at once (without its busy handler) while
/// another process is creating or switching the same new file, as two ingests started
/// together on a new ledger do.
fn wal_mode(conn: &Connection) -> Result<String, LedgerError> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)) {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            other => return Ok(other?),
        }
    }
}

/// A connection to a ledger file.
pub(crate) struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens the file: creates it with [`OpenMode::Create`], opens it read-only (leaving its
    /// journal mode as it is) with [`OpenMode::ReadOnly`].
    pub fn open(path: &Path, mode: OpenMode) -> Result<Sqlite, LedgerError> {
        if mode != OpenMode::Create && !path.exists() {
            return Err(LedgerError::Missing(path.display().to_string()));
        }
        let read_only = mode == OpenMode::ReadOnly;
        let mut flags = OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        flags |= if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        if mode == OpenMode::Create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags)?;
        if read_only {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
            return Ok(Sqlite { conn });
        }
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Plan each statement once: with the statistics SQLite is built with here, it would
        // otherwise prepare a statement again whenever a value is bound to it.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        // The multi-row INSERTs of events come in up to 32 sizes.
        conn.set_prepared_statement_cache_capacity(64);
        let mode = wal_mode(&conn)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(LedgerError::Corrupt(format!(
                "{}: could not switch to WAL mode (journal mode is {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // 64 MiB of page cache: the policy reads back the recent events of the addresses
        // each batch touches.
        conn.pragma_update(None, "cache_size", -65_536)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(Sqlite { conn })
    }

    /// Runs `f` in a write transaction (taken at once, `BEGIN IMMEDIATE`, so that two
    /// writers queue instead of deadlocking), committed when `f` succeeds. Tried again when
    /// the database stays busy longer than the busy timeout.
    pub fn write<T>(
        &mut self,
        mut f: impl FnMut(&mut dyn Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        retrying(is_busy, || {
            run(
                self.conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?,
                &mut f,
            )
        })
    }

    /// Runs `f` in a read transaction (one consistent view of the ledger).
    pub fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        run(
            self.conn
                .transaction_with_behavior(TransactionBehavior::Deferred)?,
            f,
        )
    }
}

/// Runs `f` in `tx`, committed when `f` succeeds.
fn run<T>(
    tx: rusqlite::Transaction<'_>,
    f: impl FnOnce(&mut dyn Sql) -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let value = f(&mut Tx(&tx))?;
    tx.commit()?;
    Ok(value)
}

fn is_busy(e: &LedgerError) -> bool {
    matches!(
        e,
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// The ledger's statements use `$1`; SQLite reads `?1` as the parameter of index 1.
fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out
}

struct Tx<'a>(&'a Connection);

impl Tx<'_> {
    fn prepare(
        &self,
        sql: &str,
        params: &[Param],
    ) -> Result<rusqlite::CachedStatement<'_>, LedgerError> {
        let mut st = self.0.prepare_cached(&placeholders(sql))?;
        for (i, p) in params.iter().enumerate() {
            match p {
                Param::Int(v) => st.raw_bind_parameter(i + 1, v)?,
                Param::Text(v) => st.raw_bind_parameter(i + 1, v)?,
                Param::Bool(v) => st.raw_bind_parameter(i + 1, v)?,
                Param::IntArray(_) | Param::TextArray(_) | Param::BoolArray(_) => {
                    return Err(LedgerError::Corrupt(
                        "an array parameter reached SQLite (only PostgreSQL takes them)".into(),
                    ));
                }
            }
        }
        Ok(st)
    }
}

impl Sql for Tx<'_> {
    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64, LedgerError> {
        let mut st = self.prepare(sql, params)?;
        Ok(st.raw_execute()? as u64)
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, LedgerError> {
        let mut st = self.prepare(sql, params)?;
        let width = st.column_count();
        let mut rows = st.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(width);
            for i in 0..width {
                values.push(match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(v) => Value::Int(v),
                    ValueRef::Real(v) => Value::Int(v as i64),
                    ValueRef::Text(t) | ValueRef::Blob(t) => {
                        Value::Text(String::from_utf8_lossy(t).into_owned())
                    }
                });
            }
            out.push(Row(values));
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<(), LedgerError> {
        Ok(self.0.execute_batch(sql)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_numbered_question_marks() {
        assert_eq!(
            placeholders("SELECT $2, '$' FROM t WHERE a = $1 AND b = $10"),
            "SELECT ?2, '$' FROM t WHERE a = ?1 AND b = ?10"
        );
    }
}
