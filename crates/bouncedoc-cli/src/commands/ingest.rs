//! `bouncedoc ingest`: reads bounces (the same inputs as `parse`) into the ledger, one
//! transaction per batch, and applies the suppression policy.

use std::io::Write;
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use anyhow::{Context, Result};
use bouncedoc_core::Engine;
use bouncedoc_ledger::{BatchOutcome, Ledger, NewEvent, OpenMode, Prepared, prepare_job};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, Jobs, batches};
use bouncedoc_mail::record::Record;
use clap::Args;
use rayon::prelude::*;

use super::ledger::{DatabaseArg, PolicyArg};

/// Messages read, and recorded, per transaction.
const BATCH: usize = 256;

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders, Maildirs or mbox files; `-` for standard input; or one bounce
    /// mailbox: `imaps://user@host[:port]/FOLDER`, `imap://` (STARTTLS), `pop3s://user@host`
    /// or `pop3://` (STLS).
    #[arg(default_value = "-")]
    pub paths: Vec<std::path::PathBuf>,
    #[command(flatten)]
    pub database: DatabaseArg,
    #[command(flatten)]
    pub policy: PolicyArg,
    /// Print the policy in force (the built-in one with its comments, or the result of
    /// --policy) and exit.
    #[arg(long)]
    pub print_policy: bool,
    /// Worker threads [default: one per core].
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// The most bytes one message may have (a file, standard input, one message of an mbox);
    /// a longer one gives an error record and is not read further.
    #[arg(long, default_value_t = bouncedoc_mail::records::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
    /// Do not print the closing summary.
    #[arg(long)]
    pub quiet: bool,
    /// The paths are mail servers' logs (as `bouncedoc logs` reads them), not messages:
    /// each failed delivery becomes an event, each delivery still deferred a delay warning.
    #[arg(long)]
    pub logs: bool,
    /// With --logs, the year of syslog lines, which do not say it [default: this year].
    #[arg(long, requires = "logs")]
    pub year: Option<i64>,
    #[command(flatten)]
    pub mailbox: super::ingest_mailbox::MailboxArgs,
}

/// The file's modification time: when a message carries no date, the best guess at when it
/// arrived (a Maildir file is written when the message is delivered).
fn file_time(source: &str) -> Option<i64> {
    let modified = std::fs::metadata(source).ok()?.modified().ok()?;
    let secs = modified.duration_since(UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(secs).ok()
}

fn read(engine: &Engine, job: Job, now: i64) -> Prepared {
    if let Some(events) = super::events::prepare(engine, &job, now) {
        return events;
    }
    let fallback = if job.origin.source == "-" {
        now
    } else {
        file_time(&job.origin.source).unwrap_or(now)
    };
    prepare_job(engine, job, fallback)
}

#[derive(Default)]
struct Totals {
    messages: usize,
    not_bounces: usize,
    errors: usize,
    recorded: BatchOutcome,
}

pub fn run(engine: &Engine, args: &IngestArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    if args.print_policy {
        let text = match &args.policy.policy {
            None => bouncedoc_ledger::DEFAULT_POLICY.to_string(),
            Some(_) => policy.to_toml(),
        };
        std::io::stdout().write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    worker_threads(args.jobs)?;
    if let Some(url) = super::ingest_mailbox::mailbox_of(args)? {
        return super::ingest_mailbox::run(engine, args, url, &policy);
    }
    let mut ledger = args.database.open(OpenMode::Create)?;
    if args.logs {
        return super::ingest_logs::run(engine, args, &policy, ledger);
    }
    let inputs = super::own_database::skip(
        input::expand(&args.paths),
        &args.database.database,
        crate::cli::locale_lang(),
        args.quiet,
    );
    let mut totals = Totals::default();
    // Batches are read (in parallel) while the one before is being recorded: the reading
    // keeps the cores busy while the recording waits on the database.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<NewEvent>>(1);
    let recorder = std::thread::spawn(move || -> Result<(BatchOutcome, Ledger)> {
        let mut recorded = BatchOutcome::default();
        for events in receive {
            let now = bouncedoc_ledger::time::now();
            let outcome = ledger
                .record(&events, &policy, now)
                .with_context(|| format!("recording in {}", ledger.name()))?;
            recorded.add(outcome);
        }
        Ok((recorded, ledger))
    });
    let jobs = Jobs::with_limit(inputs, args.max_message_bytes);
    let walked = batches(jobs, BATCH, |batch| -> Result<()> {
        let now = bouncedoc_ledger::time::now();
        let prepared: Vec<Prepared> = batch
            .into_par_iter()
            .map(|job| read(engine, job, now))
            .collect();
        let mut events = Vec::new();
        for p in prepared {
            totals.messages += 1;
            for r in &p.records {
                match r {
                    Record::NotBounce { .. } => totals.not_bounces += 1,
                    Record::Error { origin, error } => {
                        totals.errors += 1;
                        if !args.quiet {
                            let at = origin.index.map_or(String::new(), |i| format!("#{i}"));
                            eprintln!("bouncedoc: {}{at}: {error}", origin.source);
                        }
                    }
                    Record::Recipient(_) => {}
                }
            }
            events.extend(p.events);
        }
        send.send(events)
            .map_err(|_| anyhow::anyhow!("the recorder stopped"))
    });
    drop(send);
    // The recorder's error, when it stopped, says more than the walk's.
    let (recorded, mut ledger) = recorder
        .join()
        .map_err(|_| anyhow::anyhow!("the recorder panicked"))??;
    walked?;
    totals.recorded = recorded;
    if !args.quiet {
        let held = ledger.counts()?;
        let r = &totals.recorded;
        let lang = crate::cli::locale_lang();
        let counts = crate::texts::IngestCounts {
            messages: totals.messages,
            mailbox: None,
            ledger: ledger.name(),
            events: r.events,
            new_events: r.new_events,
            not_bounces: totals.not_bounces,
            errors: totals.errors,
        };
        eprintln!("{}", crate::texts::ingested(lang, &counts));
        eprintln!(
            "{}",
            crate::texts::ledger_totals(
                lang,
                r.suppressed,
                r.updated,
                held.events,
                held.suppressions
            )
        );
    }
    Ok(if totals.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Sets the number of worker threads (`-j`); one per core when `None`.
fn worker_threads(jobs: Option<usize>) -> Result<()> {
    if let Some(n) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting the worker threads")?;
    }
    Ok(())
}
