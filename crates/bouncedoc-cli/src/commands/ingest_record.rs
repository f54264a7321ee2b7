//! How `ingest` hands its events to the ledger: recorded batch by batch, or with
//! `--dry-run` kept until the end and recorded in one transaction that is rolled back
//! ([`Ledger::record_dry_run`]), so that the policy sees the whole run (three soft bounces
//! in three batches count as three) and nothing is written. A dry run holds the run's events
//! in memory; on an SQLite ledger that does not exist yet, it runs on a throwaway copy in the
//! temporary folder, so that not even the file is made.

use std::path::PathBuf;

use anyhow::{Context, Result};
use bouncedoc_ledger::{BatchOutcome, DryRun, Ledger, NewEvent, OpenMode, Policy};

use super::ledger::DatabaseArg;

/// Where the events of a run go.
pub enum Recorder {
    /// Into the ledger, batch by batch.
    Ledger,
    /// Kept for one rolled-back transaction at the end.
    DryRun(Vec<NewEvent>),
}

impl Recorder {
    /// A recorder for a run, dry or not.
    pub fn new(dry_run: bool) -> Recorder {
        if dry_run {
            Recorder::DryRun(Vec::new())
        } else {
            Recorder::Ledger
        }
    }

    /// Whether nothing is to be written.
    pub fn is_dry_run(&self) -> bool {
        matches!(self, Recorder::DryRun(_))
    }

    /// Records a batch (in a dry run: keeps it; the figures come at the end).
    pub fn record(
        &mut self,
        ledger: &mut Ledger,
        events: Vec<NewEvent>,
        policy: &Policy,
        now: i64,
    ) -> Result<BatchOutcome> {
        match self {
            Recorder::Ledger => ledger
                .record(&events, policy, now)
                .with_context(|| format!("recording in {}", ledger.name())),
            Recorder::DryRun(kept) => {
                kept.extend(events);
                Ok(BatchOutcome::default())
            }
        }
    }

    /// In a dry run, what recording every event kept would have done; `None` otherwise.
    pub fn finish(self, ledger: &mut Ledger, policy: &Policy) -> Result<Option<DryRun>> {
        match self {
            Recorder::Ledger => Ok(None),
            Recorder::DryRun(kept) => {
                let now = bouncedoc_ledger::time::now();
                let run = ledger
                    .record_dry_run(&kept, policy, now)
                    .with_context(|| format!("trying the events in {}", ledger.name()))?;
                Ok(Some(run))
            }
        }
    }
}

/// The ledger of a run, its name as the summary shows it, and the throwaway file to remove
/// after a dry run.
pub struct Opened {
    /// The ledger.
    pub ledger: Ledger,
    /// The ledger's name (the one asked for, even when a dry run uses a throwaway file).
    pub name: String,
    /// Removes the throwaway file when dropped.
    pub cleanup: Cleanup,
}

/// A throwaway SQLite file made for a dry run, removed (with its `-wal` and `-shm` files)
/// when this is dropped.
pub struct Cleanup(Option<PathBuf>);

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut p = path.clone().into_os_string();
                p.push(suffix);
                let _ = std::fs::remove_file(p);
            }
        }
    }
}

/// Opens the ledger of a run: created when missing; for a dry run on an SQLite file that
/// does not exist, an empty throwaway one in the temporary folder instead.
pub fn open(database: &DatabaseArg, dry_run: bool) -> Result<Opened> {
    let path = database
        .database
        .strip_prefix("sqlite:")
        .unwrap_or(&database.database);
    if dry_run && !bouncedoc_ledger::is_postgres(path) && !std::path::Path::new(path).exists() {
        let throwaway = std::env::temp_dir().join(format!(
            "bouncedoc-dry-run-{}-{}.db",
            std::process::id(),
            bouncedoc_ledger::time::now()
        ));
        let cleanup = Cleanup(Some(throwaway.clone()));
        let ledger = Ledger::open(&throwaway.display().to_string(), OpenMode::Create)
            .context("opening a throwaway ledger for the dry run")?;
        return Ok(Opened {
            ledger,
            name: path.to_string(),
            cleanup,
        });
    }
    let ledger = database.open(OpenMode::Create)?;
    Ok(Opened {
        name: ledger.name().to_string(),
        ledger,
        cleanup: Cleanup(None),
    })
}
