//! The PostgreSQL back end. Writers take one transaction-scoped advisory lock, so that two
//! ingests at once apply the policy one after the other and each sees what the other
//! committed; a transaction the server aborts (serialization failure, deadlock) is run
//! again.

use std::collections::HashMap;

use postgres::types::{ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls, Statement, Transaction};
use tokio_postgres::error::SqlState;

use crate::LedgerError;
use crate::sql::{Param, Row, Sql, Value, retrying};

/// The advisory lock of ledger writers ("bounce" in ASCII).
const LOCK_KEY: i64 = 0x626f_756e_6365;

/// A connection to a ledger database.
pub(crate) struct Postgres {
    client: Client,
    statements: HashMap<String, Statement>,
}

impl Postgres {
    /// Connects (`postgres://user@host:port/database`, or the key=value form).
    pub fn connect(url: &str) -> Result<Postgres, LedgerError> {
        let client = Client::connect(url, NoTls)?;
        Ok(Postgres {
            client,
            statements: HashMap::new(),
        })
    }

    /// Runs `f` in a write transaction holding the writers' lock, committed when `f`
    /// succeeds.
    pub fn write<T>(
        &mut self,
        mut f: impl FnMut(&mut dyn Sql) -> Result<T, LedgerError>,
    ) -> Result<T, LedgerError> {
        retrying(is_retryable, || {
            let mut tx = self.client.transaction()?;
            tx.batch_execute(&format!("SELECT pg_advisory_xact_lock({LOCK_KEY})"))?;
            run(tx, &mut self.statements, &mut f)
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
        run(tx, &mut self.statements, f)
    }
}

/// Runs `f` in `tx` (with the connection's prepared statements), committed when `f`
/// succeeds.
fn run<T>(
    mut tx: Transaction<'_>,
    statements: &mut HashMap<String, Statement>,
    f: impl FnOnce(&mut dyn Sql) -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let value = f(&mut Tx {
        tx: &mut tx,
        statements,
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
}

impl Tx<'_, '_> {
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
        })
        .collect()
}

impl Sql for Tx<'_, '_> {
    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64, LedgerError> {
        let st = self.statement(sql)?;
        Ok(self.tx.execute(&st, &refs(params))?)
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, LedgerError> {
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
        Ok(self.tx.batch_execute(sql)?)
    }
}
