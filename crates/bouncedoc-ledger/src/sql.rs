//! The two primitives each back end provides inside a transaction (run a statement, run a
//! query), and the values that cross them. Every statement of the ledger is written once,
//! with `$1`-style placeholders, and runs on both back ends.

use crate::LedgerError;

/// A parameter of a statement. NULLs are typed, since PostgreSQL checks the type of every
/// parameter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Param {
    /// A 64-bit integer (or NULL).
    Int(Option<i64>),
    /// Text (or NULL).
    Text(Option<String>),
    /// A boolean.
    Bool(bool),
    /// An array of 64-bit integers (PostgreSQL only: the batched write path).
    IntArray(Vec<Option<i64>>),
    /// An array of texts (PostgreSQL only).
    TextArray(Vec<Option<String>>),
    /// An array of booleans (PostgreSQL only).
    BoolArray(Vec<bool>),
}

impl From<i64> for Param {
    fn from(v: i64) -> Param {
        Param::Int(Some(v))
    }
}

impl From<Option<i64>> for Param {
    fn from(v: Option<i64>) -> Param {
        Param::Int(v)
    }
}

impl From<&str> for Param {
    fn from(v: &str) -> Param {
        Param::Text(Some(v.to_string()))
    }
}

impl From<String> for Param {
    fn from(v: String) -> Param {
        Param::Text(Some(v))
    }
}

impl From<Option<String>> for Param {
    fn from(v: Option<String>) -> Param {
        Param::Text(v)
    }
}

impl From<Option<&str>> for Param {
    fn from(v: Option<&str>) -> Param {
        Param::Text(v.map(str::to_string))
    }
}

impl From<bool> for Param {
    fn from(v: bool) -> Param {
        Param::Bool(v)
    }
}

/// A value read from a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// NULL.
    Null,
    /// An integer (SQLite also returns its booleans so).
    Int(i64),
    /// Text.
    Text(String),
    /// A boolean (PostgreSQL).
    Bool(bool),
}

/// One row.
#[derive(Debug, Clone)]
pub(crate) struct Row(pub Vec<Value>);

impl Row {
    fn get(&self, i: usize) -> Result<&Value, LedgerError> {
        self.0
            .get(i)
            .ok_or_else(|| LedgerError::Corrupt(format!("a row has no column {i}")))
    }

    /// An integer column that may be NULL.
    pub fn opt_int(&self, i: usize) -> Result<Option<i64>, LedgerError> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            other => Err(LedgerError::Corrupt(format!(
                "column {i}: expected an integer, found {other:?}"
            ))),
        }
    }

    /// An integer column.
    pub fn int(&self, i: usize) -> Result<i64, LedgerError> {
        self.opt_int(i)?
            .ok_or_else(|| LedgerError::Corrupt(format!("column {i} is NULL")))
    }

    /// A text column that may be NULL.
    pub fn opt_text(&self, i: usize) -> Result<Option<String>, LedgerError> {
        match self.get(i)? {
            Value::Null => Ok(None),
            Value::Text(v) => Ok(Some(v.clone())),
            other => Err(LedgerError::Corrupt(format!(
                "column {i}: expected text, found {other:?}"
            ))),
        }
    }

    /// A text column.
    pub fn text(&self, i: usize) -> Result<String, LedgerError> {
        self.opt_text(i)?
            .ok_or_else(|| LedgerError::Corrupt(format!("column {i} is NULL")))
    }

    /// A boolean column (an integer 0/1 in SQLite).
    pub fn bool(&self, i: usize) -> Result<bool, LedgerError> {
        match self.get(i)? {
            Value::Bool(b) => Ok(*b),
            Value::Int(v) => Ok(*v != 0),
            other => Err(LedgerError::Corrupt(format!(
                "column {i}: expected a boolean, found {other:?}"
            ))),
        }
    }

    /// A column holding one of a vocabulary's ids.
    pub fn parse<T: std::str::FromStr>(&self, i: usize) -> Result<T, LedgerError> {
        let text = self.text(i)?;
        text.parse()
            .map_err(|_| LedgerError::Corrupt(format!("column {i}: unknown value `{text}`")))
    }

    /// A nullable column holding one of a vocabulary's ids.
    pub fn opt_parse<T: std::str::FromStr>(&self, i: usize) -> Result<Option<T>, LedgerError> {
        match self.opt_text(i)? {
            None => Ok(None),
            Some(text) => text
                .parse()
                .map(Some)
                .map_err(|_| LedgerError::Corrupt(format!("column {i}: unknown value `{text}`"))),
        }
    }
}

/// What a back end offers inside a transaction.
pub(crate) trait Sql {
    /// Runs a statement; returns the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[Param]) -> Result<u64, LedgerError>;
    /// Runs a query; returns its rows.
    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Row>, LedgerError>;
    /// Runs a script of several statements, without parameters (a migration).
    fn batch(&mut self, sql: &str) -> Result<(), LedgerError>;
    /// Whether this transaction records a batch in set-based statements over arrays
    /// ([`Param::TextArray`] and the like, `unnest`): PostgreSQL's writers, which run at
    /// the same time. False where one writer runs at a time (SQLite, and PostgreSQL's
    /// serialized path).
    fn batched(&self) -> bool {
        false
    }
    /// Takes the write locks of these addresses until the transaction ends, in one fixed
    /// order (so that two writers never wait for each other in a circle): what lets
    /// writers of other addresses commit at the same time. Nothing where one writer runs
    /// at a time.
    fn lock_addresses(&mut self, addresses: &[&str]) -> Result<(), LedgerError> {
        let _ = addresses;
        Ok(())
    }
}

impl dyn Sql + '_ {
    /// The first row of a query, if any.
    pub fn query_opt(&mut self, sql: &str, params: &[Param]) -> Result<Option<Row>, LedgerError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

/// Attempts at a write transaction that the database refuses for a passing reason (SQLite
/// busy longer than its timeout; a PostgreSQL serialization failure or deadlock).
const ATTEMPTS: u32 = 10;

/// Runs `attempt` (one whole transaction) until it succeeds, fails for a reason `passing`
/// does not accept, or has been tried [`ATTEMPTS`] times: the write path of both back ends.
pub(crate) fn retrying<T>(
    passing: impl Fn(&LedgerError) -> bool,
    mut attempt: impl FnMut() -> Result<T, LedgerError>,
) -> Result<T, LedgerError> {
    let mut tried = 0;
    loop {
        tried += 1;
        match attempt() {
            Err(e) if passing(&e) && tried < ATTEMPTS => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs [`retrying`] over an attempt that fails until its `succeeds_at`-th call (never
    /// when `None`); returns whether it succeeded and how many calls were made.
    fn attempts(passing: bool, succeeds_at: Option<u32>) -> (bool, u32) {
        let mut calls = 0;
        let out = retrying(
            |_| passing,
            || {
                calls += 1;
                match succeeds_at {
                    Some(n) if calls >= n => Ok(()),
                    _ => Err(LedgerError::Corrupt("busy".into())),
                }
            },
        );
        (out.is_ok(), calls)
    }

    #[test]
    fn passing_failures_are_tried_again_up_to_the_limit() {
        assert_eq!(attempts(true, None), (false, ATTEMPTS));
        assert_eq!(attempts(true, Some(3)), (true, 3));
        assert_eq!(
            attempts(false, Some(3)),
            (false, 1),
            "a lasting failure is not tried again"
        );
    }
}
