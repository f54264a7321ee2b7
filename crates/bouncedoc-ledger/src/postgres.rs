//! The PostgreSQL back end. Several writers (processes, each its own connection) write at
//! once: each write transaction takes the writers' advisory lock in shared mode, and the
//! addresses it records or unsuppresses take advisory locks of their own, in one fixed
//! order, so that two writers of one address apply the policy one after the other (the
//! second sees what the first committed) while writers of other addresses commit in
//! parallel. A migration takes the writers' lock exclusively. A transaction the server
//! aborts (serialization failure, deadlock) is run again.
//!
//! The serialized path ([`Postgres::serialize_writes`]) is the one of earlier versions:
//! every write takes the writers' lock exclusively and records row by row; kept to measure
//! against.

use std::collections::HashMap;

use postgres::types::{ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Statement, Transaction};
use tokio_postgres::error::SqlState;

use crate::LedgerError;
use crate::sql::{Param, Row, Sql, Value, retrying};

/// The advisory lock of ledger writers ("bounce" in ASCII): shared by writers, exclusive
/// for migrations and the serialized path. Bouncedoc versions that predate the shared mode
/// take it exclusively, so that they never write beside the newer ones.
const LOCK_KEY: i64 = 0x626f_756e_6365;

/// The first key of an address's advisory lock (the second is a hash of the address); the
/// two-key locks are a key space apart from [`LOCK_KEY`]'s.
const ADDRESS_LOCKS: i32 = 0x6164_6472; // "addr"

/// Takes the writers' lock (shared) and the locks of the addresses in `$1` (their hashes,
/// each once, in ascending order: `pg_advisory_xact_lock` is volatile, so PostgreSQL calls
/// it after the sort), in one round trip.
fn lock_addresses_sql() -> String {
    format!(
        "SELECT pg_advisory_xact_lock_shared({LOCK_KEY}), (SELECT count(*) FROM (SELECT \
         pg_advisory_xact_lock({ADDRESS_LOCKS}, k) FROM (SELECT DISTINCT hashtext(a) AS k FROM \
         unnest($1::text[]) AS a) AS h ORDER BY k) AS l)"
    )
}

/// Takes the writers' lock, shared.
fn shared_lock_sql() -> String {
    format!("SELECT pg_advisory_xact_lock_shared({LOCK_KEY})")
}

/// A connection to a ledger database.
pub(crate) struct Postgres {
    client: Client,
    statements: HashMap<String, Statement>,
    serialized: bool,
}

impl Postgres {
    /// Connects (`postgres://user@host:port/database`, or the key=value form).
    pub fn connect(url: &str) -> Result<Postgres, LedgerError> {
        let mut client = Client::connect(url, NoTls)?;
        // Plan each statement for its values: a plan cached while the tables were small
        // (a new ledger) would scan them whole once they are large. Servers before
        // PostgreSQL 12 do not know the setting, and keep caching.
        let _ = client.batch_execute("SET plan_cache_mode = force_custom_plan");
        Ok(Postgres {
            client,
            statements: HashMap::new(),
            serialized: false,
        })
    }

    /// From now on, writes one transaction at a time over all writers, row by row: the
    /// write path of earlier versions, to measure the batched one against.
    pub fn serialize_writes(&mut self) {
        self.serialized = true;
    }

    /// Runs `f` in a write transaction holding the writers' lock (shared, or exclusive
    /// with `exclusive` or on the serialized path), committed when `f` succeeds. The shared
    /// lock is taken with the first statement's addresses ([`Sql::lock_addresses`]), or on
    /// its own before the first statement when that comes first.
    pub fn write<T>(
        &mut self,
        exclusive: bool,
        mut f: impl FnMut(&mut dyn Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        let batched = !self.serialized;
        let exclusive = exclusive || self.serialized;
        retrying(is_retryable, || {
            let mut tx = self.client.transaction()?;
            if exclusive {
                tx.batch_execute(&format!("SELECT pg_advisory_xact_lock({LOCK_KEY})"))?;
            }
            run(tx, &mut self.statements, batched, !exclusive, &mut f)
        })
    }

    /// Runs `f` in a read-only transaction with one consistent view of the ledger.
    pub fn read<T>(
        &mut self,
        f: impl FnOnce(&mut dyn Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        let tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        run(tx, &mut self.statements, false, false, f)
    }
}

/// Runs `f` in `tx` (with the connection's prepared statements; on the batched write path
/// when `batched`; taking the writers' shared lock first when `shared_lock`), committed
/// when `f` succeeds.
fn run<T>(
    mut tx: Transaction<'_>,
    statements: &mut HashMap<String, Statement>,
    batched: bool,
    shared_lock: bool,
    f: impl FnOnce(&mut dyn Sql) -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let value = f(&mut Tx {
        tx: &mut tx,
        statements,
        batched,
        shared_lock,
    })?;
    tx.commit()?;
    Ok(value)
}

fn is_retryable(e: &LedgerError) -> bool {
    match e {
        LedgerError::Postgres(e) => matches!(
            e.code(),
            Some(c) if *c == SqlState::T_R_SERIALIZATION_FAILURE || *c == SqlState::T_R_DEADLOCK_DETECTED
        ),
        _ => false,
    }
}

struct Tx<'a, 'b> {
    tx: &'a mut Transaction<'b>,
    statements: &'a mut HashMap<String, Statement>,
    batched: bool,
    /// The writers' shared lock is still to be taken.
    shared_lock: bool,
}

impl Tx<'_, '_> {
    /// Takes the writers' shared lock if it is still to be taken.
    fn take_shared_lock(&mut self) -> Result<(), LedgerError> {
        if self.shared_lock {
            self.shared_lock = false;
            self.tx.batch_execute(&shared_lock_sql())?;
        }
        Ok(())
    }

    fn statement(&mut self, sql: &str) -> Result<Statement, LedgerError> {
        if let Some(st) = self.statements.get(sql) {
            return Ok(st.clone());
        }
        let st = self.tx.prepare(sql)?;
        self.statements.insert(sql.to_string(), st.clone());
        Ok(st)
    }
}

fn refs(params: &[Param]) -> Vec<&(dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| match p {
            Param::Int(v) => v as &(dyn ToSql + Sync),
            Param::Text(v) => v as &(dyn ToSql + Sync),
            Param::Bool(v) => v as &(dyn ToSql + Sync),
            Param::IntArray(v) => v as &(dyn ToSql + Sync),
            Param::TextArray(v) => v as &(dyn ToSql + Sync),
            Param::BoolArray(v) => v as &(dyn ToSql + Sync),
        })
        .collect()
}

impl Sql for Tx<'_, '_> {
    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64, LedgerError> {
        self.take_shared_lock()?;
        let st = self.statement(sql)?;
        Ok(self.tx.execute(&st, &refs(params))?)
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, LedgerError> {
        self.take_shared_lock()?;
        let st = self.statement(sql)?;
        let rows = self.tx.query(&st, &refs(params))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                let value = if *ty == Type::INT8 {
                    row.try_get::<_, Option<i64>>(i)?.map(Value::Int)
                } else if *ty == Type::INT4 {
                    row.try_get::<_, Option<i32>>(i)?
                        .map(|v| Value::Int(v.into()))
                } else if *ty == Type::INT2 {
                    row.try_get::<_, Option<i16>>(i)?
                        .map(|v| Value::Int(v.into()))
                } else if *ty == Type::BOOL {
                    row.try_get::<_, Option<bool>>(i)?.map(Value::Bool)
                } else if *ty == Type::TEXT || *ty == Type::VARCHAR || *ty == Type::NAME {
                    row.try_get::<_, Option<String>>(i)?.map(Value::Text)
                } else {
                    return Err(LedgerError::Corrupt(format!(
                        "column {} has the unexpected type {ty}",
                        column.name()
                    )));
                };
                values.push(value.unwrap_or(Value::Null));
            }
            out.push(Row(values));
        }
        Ok(out)
    }

    fn batch(&mut self, sql: &str) -> Result<(), LedgerError> {
        self.take_shared_lock()?;
        Ok(self.tx.batch_execute(sql)?)
    }

    fn batched(&self) -> bool {
        self.batched
    }

    fn lock_addresses(&mut self, addresses: &[&str]) -> Result<(), LedgerError> {
        if !self.batched || (addresses.is_empty() && !self.shared_lock) {
            return Ok(());
        }
        let list: Vec<Option<String>> = addresses.iter().map(|a| Some(a.to_string())).collect();
        // The shared lock comes with this statement.
        self.shared_lock = false;
        self.execute(&lock_addresses_sql(), &[Param::TextArray(list)])?;
        Ok(())
    }
}
