//! Schema migrations: SQL files under `migrations/sqlite/` and `migrations/postgres/`, one
//! pair per version, embedded in the library and applied in order, each in the same
//! transaction as its row in `schema_migrations`.

use crate::LedgerError;
use crate::sql::Sql;

/// One version of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Its number (the `NNNN` of the file names).
    pub version: i64,
    /// Its name (the rest of the file names).
    pub name: &'static str,
    /// The SQLite script.
    pub sqlite: &'static str,
    /// The PostgreSQL script.
    pub postgres: &'static str,
}

/// Every migration, in order. A new one is a new pair of files and a new line here.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "ledger",
        sqlite: include_str!("../migrations/sqlite/0001_ledger.sql"),
        postgres: include_str!("../migrations/postgres/0001_ledger.sql"),
    },
    Migration {
        version: 2,
        name: "event_order",
        sqlite: include_str!("../migrations/sqlite/0002_event_order.sql"),
        postgres: include_str!("../migrations/postgres/0002_event_order.sql"),
    },
    Migration {
        version: 3,
        name: "firing_event",
        sqlite: include_str!("../migrations/sqlite/0003_firing_event.sql"),
        postgres: include_str!("../migrations/postgres/0003_firing_event.sql"),
    },
    Migration {
        version: 4,
        name: "lean_writes",
        sqlite: include_str!("../migrations/sqlite/0004_lean_writes.sql"),
        postgres: include_str!("../migrations/postgres/0004_lean_writes.sql"),
    },
];

/// Which script of a migration to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

/// Checks, without writing, that the database's schema is the one this build knows.
pub(crate) fn ensure_current(db: &mut dyn Sql) -> Result<(), LedgerError> {
    let newest = db
        .query("SELECT MAX(version) FROM schema_migrations", &[])?
        .first()
        .map(|r| r.opt_int(0))
        .transpose()?
        .flatten()
        .unwrap_or(0);
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    match newest.cmp(&known) {
        std::cmp::Ordering::Equal => Ok(()),
        std::cmp::Ordering::Greater => Err(LedgerError::SchemaTooNew {
            found: newest,
            known,
        }),
        std::cmp::Ordering::Less => Err(LedgerError::SchemaTooOld {
            found: newest,
            known,
        }),
    }
}

/// Applies the migrations the database lacks, in the caller's (write) transaction.
pub(crate) fn migrate(db: &mut dyn Sql, dialect: Dialect, now: i64) -> Result<(), LedgerError> {
    db.batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, name TEXT \
         NOT NULL, applied_at BIGINT NOT NULL)",
    )?;
    let applied = db
        .query(
            "SELECT version FROM schema_migrations ORDER BY version",
            &[],
        )?
        .iter()
        .map(|r| r.int(0))
        .collect::<Result<Vec<_>, _>>()?;
    let known = MIGRATIONS.last().map_or(0, |m| m.version);
    if let Some(&newest) = applied.last()
        && newest > known
    {
        return Err(LedgerError::SchemaTooNew {
            found: newest,
            known,
        });
    }
    for m in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        db.batch(match dialect {
            Dialect::Sqlite => m.sqlite,
            Dialect::Postgres => m.postgres,
        })?;
        db.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
            &[m.version.into(), m.name.into(), now.into()],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_listed_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        for dialect in ["sqlite", "postgres"] {
            let mut names: Vec<String> = std::fs::read_dir(dir.join(dialect))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            let listed: Vec<String> = MIGRATIONS
                .iter()
                .map(|m| format!("{:04}_{}.sql", m.version, m.name))
                .collect();
            assert_eq!(names, listed, "migrations/{dialect}");
        }
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i64 + 1);
        }
    }
}
