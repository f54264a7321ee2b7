//! Test support: a fresh PostgreSQL database per test, on the server that
//! `scripts/with-postgres` starts. Not part of the ledger's interface.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The variable that names the test server (`postgres://user@host:port/database`).
pub const ENV: &str = "BOUNCEDOC_TEST_POSTGRES";

/// A database made for one test, dropped when the value is.
#[derive(Debug)]
pub struct TestDatabase {
    /// Its URL.
    pub url: String,
    admin: String,
    name: String,
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The URL `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (authority, query) = match rest.find(['/', '?']) {
        Some(i) => {
            let (a, tail) = rest.split_at(i);
            (a, tail.find('?').map_or("", |q| &tail[q..]))
        }
        None => (rest, ""),
    };
    format!("{scheme}://{authority}/{name}{query}")
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// A fresh, empty database on the test server for the test `tag`. When no server is named
/// ([`ENV`] unset), prints that the test is skipped and returns `None`, except under CI
/// (`CI` set), where the PostgreSQL tests are required and this panics.
pub fn postgres_database(tag: &str) -> Option<TestDatabase> {
    let Ok(admin) = std::env::var(ENV) else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "{ENV} is not set, and CI requires the PostgreSQL tests: run them under scripts/with-postgres"
            );
        }
        eprintln!(
            "note: {tag}: PostgreSQL part skipped ({ENV} is not set; run the tests under scripts/with-postgres)"
        );
        return None;
    };
    let tag: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(30)
        .collect();
    let name = format!(
        "bd_{tag}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut client = postgres::Client::connect(&admin, postgres::NoTls)
        .unwrap_or_else(|e| panic!("connecting to {ENV}: {e}"));
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        client
            .batch_execute(&sql)
            .unwrap_or_else(|e| panic!("creating the test database {name}: {e:?}"));
    }
    Some(TestDatabase {
        url: with_database(&admin, &name),
        admin,
        name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_names_are_replaced() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:5432/postgres", "t1"),
            "postgres://u@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres?sslmode=disable", "t1"),
            "postgres://u@h/t1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:1", "t1"),
            "postgres://u@h:1/t1"
        );
    }
}
