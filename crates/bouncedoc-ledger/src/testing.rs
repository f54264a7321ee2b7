//! Test support: a fresh PostgreSQL database per test, on the server that
//! `scripts/with-postgres` starts, and delivery status notifications written for tests
//! ([`Dsn`]). Not part of the ledger's interface.

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

/// A policy file that suppresses at the first failure of any kind, with no reason or action
/// ignored: what a test uses to show that something never counts, whatever the policy says.
pub const EAGER_POLICY: &str = "ignore_reasons = []\nignore_actions = []\n[soft]\ncount = 1\n\
     within_days = 1\nparties = [\"recipient\", \"recipient-admin\", \"nobody\", \"sender\", \
     \"sender-admin\"]\n[mailboxfull]\ncount = 1\nspan_days = 0\n\
     [carrier]\ncount = 1\nspan_days = 0\n";

/// One recipient of a [`Dsn`].
#[derive(Debug, Clone)]
pub struct DsnRecipient {
    /// `Final-Recipient`.
    pub address: String,
    /// `Action` (`failed`, `delayed`, ...).
    pub action: String,
    /// `Status`.
    pub status: String,
    /// The remote server's words, after `Diagnostic-Code: smtp;`.
    pub diagnostic: String,
}

impl DsnRecipient {
    /// A recipient whose delivery failed.
    pub fn failed(address: &str, status: &str, diagnostic: &str) -> DsnRecipient {
        DsnRecipient {
            address: address.to_string(),
            action: "failed".to_string(),
            status: status.to_string(),
            diagnostic: diagnostic.to_string(),
        }
    }

    /// A recipient whose delivery is delayed and still being retried (a warning).
    pub fn delayed(address: &str, status: &str, diagnostic: &str) -> DsnRecipient {
        DsnRecipient {
            action: "delayed".to_string(),
            ..DsnRecipient::failed(address, status, diagnostic)
        }
    }
}

/// A delivery status notification (RFC 3464, `multipart/report`) from
/// `mx.example.net`, as a test writes one.
#[derive(Debug, Clone)]
pub struct Dsn {
    /// `Subject`.
    pub subject: String,
    /// `Date`, when it has one (without, its time is the file's or the time it is read).
    pub date: Option<String>,
    /// `Message-ID`, when it has one.
    pub message_id: Option<String>,
    /// The human-readable part.
    pub text: String,
    /// Its recipients, in order.
    pub recipients: Vec<DsnRecipient>,
}

impl Dsn {
    /// A report of failed deliveries, without a date or a message id.
    pub fn failure(recipients: Vec<DsnRecipient>) -> Dsn {
        Dsn {
            subject: "Delivery Status Notification (Failure)".to_string(),
            date: None,
            message_id: None,
            text: "Delivery failed.".to_string(),
            recipients,
        }
    }

    /// A delay warning, as Postfix writes one: every recipient `delayed`.
    pub fn warning(recipients: Vec<DsnRecipient>) -> Dsn {
        Dsn {
            subject: "Delayed Mail (still being retried)".to_string(),
            text: "This is the mail system at host mx.example.net.\n\n#################\
                   ###############################################\n# THIS IS A WARNING \
                   ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n#########################\
                   #######################################\n\nYour message could not be \
                   delivered for more than 4 hour(s).\nIt will be retried until it is 5 \
                   day(s) old."
                .to_string(),
            ..Dsn::failure(recipients)
        }
    }

    /// With this `Date`.
    pub fn dated(mut self, date: &str) -> Dsn {
        self.date = Some(date.to_string());
        self
    }

    /// With this `Message-ID`.
    pub fn with_message_id(mut self, id: &str) -> Dsn {
        self.message_id = Some(id.to_string());
        self
    }

    /// The message, with LF line ends.
    pub fn message(&self) -> String {
        let mut out = String::from("From: MAILER-DAEMON@mx.example.net\nTo: sender@example.com\n");
        if let Some(date) = &self.date {
            out.push_str(&format!("Date: {date}\n"));
        }
        if let Some(id) = &self.message_id {
            out.push_str(&format!("Message-ID: {id}\n"));
        }
        out.push_str(&format!(
            "Subject: {}\nContent-Type: multipart/report; report-type=delivery-status; \
             boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\n{}\n\n--B\nContent-Type: \
             message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n",
            self.subject, self.text
        ));
        for r in &self.recipients {
            out.push_str(&format!(
                "\nFinal-Recipient: rfc822; {}\nAction: {}\nStatus: {}\nDiagnostic-Code: smtp; \
                 {}\n",
                r.address, r.action, r.status, r.diagnostic
            ));
        }
        out.push_str("\n--B--\n");
        out
    }
}

/// The write lock of an SQLite ledger, held (a write transaction begun and not ended) until
/// dropped: a writer at work, for tests that readers are not held up by one.
pub struct WriteLock {
    _conn: rusqlite::Connection,
}

impl WriteLock {
    /// Takes the write lock of the ledger file at `path` (`BEGIN IMMEDIATE`).
    pub fn take(path: &std::path::Path) -> WriteLock {
        let conn = rusqlite::Connection::open(path).expect("open the ledger file");
        conn.execute_batch("BEGIN IMMEDIATE")
            .expect("take the write lock");
        WriteLock { _conn: conn }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dsn_has_one_field_group_per_recipient() {
        let m = Dsn::warning(vec![
            DsnRecipient::delayed("a@example.jp", "4.4.1", "connect timed out"),
            DsnRecipient::failed("b@example.jp", "5.1.1", "550 User unknown"),
        ])
        .dated("Wed, 1 May 2024 18:30:00 +0900")
        .message();
        assert!(
            m.contains("\nDate: Wed, 1 May 2024 18:30:00 +0900\n"),
            "{m}"
        );
        assert!(m.contains("WARNING ONLY"), "{m}");
        assert!(m.contains("rfc822; a@example.jp\nAction: delayed\nStatus: 4.4.1\n"));
        assert!(m.contains("rfc822; b@example.jp\nAction: failed\nStatus: 5.1.1\n"));
        assert!(!m.contains("Message-ID"), "{m}");
        assert!(m.ends_with("\n--B--\n"));
    }

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
