//! What the ledger tests share: the real `bouncedoc` binary, a ledger on each back end
//! (SQLite always; PostgreSQL when `BOUNCEDOC_TEST_POSTGRES` names a server, as under
//! `scripts/with-postgres`, and required under CI), the corpus, and a large mbox built from
//! it.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use bouncedoc_ledger::testing::{TestDatabase, postgres_database};
use bouncedoc_ledger::{Ledger, OpenMode};

/// The binary under test.
pub fn bouncedoc() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_bouncedoc"));
    cmd.env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("BOUNCEDOC_DATABASE")
        .env_remove("BOUNCEDOC_POLICY");
    cmd
}

/// Runs the binary on the ledger `db` with `args`.
pub fn run(db: &Db, args: &[&str]) -> Output {
    bouncedoc()
        .args(args)
        .arg("--database")
        .arg(db.url())
        .output()
        .unwrap()
}

/// Output bytes as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// `../shared/corpus`.
pub fn corpus() -> PathBuf {
    bouncedoc_testkit::shared_dir().join("corpus")
}

/// The whole corpus, as `ingest` arguments: every Maildir sample and every mbox.
pub fn whole_corpus() -> Vec<PathBuf> {
    vec![corpus().join("maildir"), corpus().join("mailbox")]
}

/// Every file of the corpus, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in whole_corpus() {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    files.push(path);
                }
            }
        }
    }
    files.sort();
    files
}

/// A ledger for one test.
pub enum Db {
    /// An SQLite file in a temporary folder.
    Sqlite(tempfile::TempDir),
    /// A fresh PostgreSQL database.
    Postgres(TestDatabase),
}

impl Db {
    /// The `--database` value.
    pub fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => dir.path().join("ledger.db").display().to_string(),
            Db::Postgres(db) => db.url.clone(),
        }
    }

    /// Which back end.
    pub fn kind(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// The ledger, opened from the test.
    pub fn open(&self) -> Ledger {
        Ledger::open(&self.url(), OpenMode::Existing).unwrap()
    }

    /// Its canonical dump.
    pub fn snapshot(&self) -> String {
        self.open().snapshot().unwrap()
    }
}

/// An empty SQLite ledger.
pub fn sqlite() -> Db {
    Db::Sqlite(tempfile::tempdir().unwrap())
}

/// An empty ledger on each back end available.
pub fn databases(tag: &str) -> Vec<Db> {
    let mut out = vec![sqlite()];
    if let Some(pg) = postgres_database(tag) {
        out.push(Db::Postgres(pg));
    }
    out
}

/// `bouncedoc ingest --database DB PATHS...`.
pub fn ingest(db: &Db, paths: &[PathBuf], extra: &[&str]) -> Output {
    let out = bouncedoc()
        .arg("ingest")
        .arg("--database")
        .arg(db.url())
        .args(extra)
        .args(paths)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{} ingest failed: {}",
        db.kind(),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Writes an mbox of `copies` copies of the bounces of `maildir/bsd`, each copy a different
/// message (its own `X-Bouncedoc-Copy:` header), so that every copy adds events.
pub fn big_mbox(path: &Path, copies: usize) -> usize {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("maildir/bsd"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let bodies: Vec<Vec<u8>> = files
        .iter()
        .map(|f| {
            let bytes = std::fs::read(f).unwrap();
            // A sample that starts with its own separator line: drop it.
            let start = if bytes.starts_with(b"From ") {
                bytes.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1)
            } else {
                0
            };
            let mut escaped = Vec::with_capacity(bytes.len() + 64);
            for line in bytes[start..].split_inclusive(|&b| b == b'\n') {
                let quoted = line.iter().position(|&b| b != b'>').unwrap_or(line.len());
                if line[quoted..].starts_with(b"From ") {
                    escaped.push(b'>');
                }
                escaped.extend_from_slice(line);
            }
            if !escaped.ends_with(b"\n") {
                escaped.push(b'\n');
            }
            escaped
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for copy in 1..=copies {
        for body in &bodies {
            write!(
                out,
                "From MAILER-DAEMON Thu Jan  1 00:00:00 2015\nX-Bouncedoc-Copy: {copy}\n"
            )
            .unwrap();
            out.write_all(body).unwrap();
            out.write_all(b"\n").unwrap();
        }
    }
    out.flush().unwrap();
    copies * bodies.len()
}

/// Where the first difference between two dumps is, to read in a failure.
pub fn first_difference(a: &str, b: &str) -> String {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    for i in 0..la.len().max(lb.len()) {
        if la.get(i) != lb.get(i) {
            return format!(
                "line {i} of {}/{}:\n  left:  {:?}\n  right: {:?}",
                la.len(),
                lb.len(),
                la.get(i),
                lb.get(i)
            );
        }
    }
    "no difference".into()
}
