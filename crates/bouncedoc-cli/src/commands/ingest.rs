//! `bouncedoc ingest`: reads bounces (the same inputs as `parse`) into the ledger, one
//! transaction per batch, and applies the suppression policy; with `--dry-run`, only says
//! what that would do ([`ingest_record`](super::ingest_record)). The closing summary is
//! [`ingest_summary`](super::ingest_summary)'s.

use std::io::Write;
use std::process::ExitCode;
use std::time::UNIX_EPOCH;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_ledger::{BatchOutcome, Ledger, NewEvent, Prepared, prepare_job};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, Jobs, batches};
use bouncedoc_mail::record::Record;
use clap::Args;
use rayon::prelude::*;

use super::ledger::{DatabaseArg, PolicyArg};
use crate::render::progress::{self, Progress};
use crate::render::summary::Summary;

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
    /// Read and diagnose everything and apply the policy, but write nothing to the ledger
    /// (one transaction, rolled back): the summary says what would be recorded and which
    /// addresses would be suppressed.
    #[arg(long)]
    pub dry_run: bool,
    /// Language of the summary and the messages: `ja` or `en` [default: BOUNCEDOC_LANG,
    /// else the locale, else en]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
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

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

impl IngestArgs {
    /// The language asked for, else the environment's, else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(crate::cli::locale_lang)
    }
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
    let lang = args.lang();
    let super::ingest_record::Opened {
        ledger,
        name,
        cleanup: _cleanup,
    } = super::ingest_record::open(&args.database, args.dry_run)?;
    if args.logs {
        return super::ingest_logs::run(engine, args, &policy, ledger, &name);
    }
    let inputs = super::own_database::skip(
        input::expand(&args.paths),
        &args.database.database,
        lang,
        args.quiet,
    );
    let mut summary = Summary::default();
    let mut progress = Progress::start(lang, progress::size_of(&inputs), false);
    let mut recorder = super::ingest_record::Recorder::new(args.dry_run);
    // Batches are read (in parallel) while the one before is being recorded: the reading
    // keeps the cores busy while the recording waits on the database.
    let (send, receive) = std::sync::mpsc::sync_channel::<Vec<NewEvent>>(1);
    let recorder_policy = policy.clone();
    let recording = std::thread::spawn(move || -> Result<(BatchOutcome, Ledger, _)> {
        let (mut ledger, policy) = (ledger, recorder_policy);
        let mut recorded = BatchOutcome::default();
        for events in receive {
            let now = bouncedoc_ledger::time::now();
            recorded.add(recorder.record(&mut ledger, events, &policy, now)?);
        }
        let dry_run = recorder.finish(&mut ledger, &policy)?;
        Ok((recorded, ledger, dry_run))
    });
    let jobs = Jobs::with_limit(inputs, args.max_message_bytes);
    let walked = batches(jobs, BATCH, |batch| -> Result<()> {
        let now = bouncedoc_ledger::time::now();
        let bytes: u64 = batch
            .iter()
            .map(|j| j.bytes.as_ref().map_or(0, |b| b.len() as u64))
            .sum();
        let messages = batch.len() as u64;
        let prepared: Vec<Prepared> = batch
            .into_par_iter()
            .map(|job| read(engine, job, now))
            .collect();
        let mut events = Vec::new();
        for p in prepared {
            summary.add_message(&p.records);
            if !args.quiet {
                print_errors(lang, &p.records);
            }
            events.extend(p.events);
        }
        progress.advance(messages, bytes);
        send.send(events)
            .map_err(|_| anyhow::anyhow!("the recorder stopped"))
    });
    drop(send);
    progress.finish();
    // The recorder's error, when it stopped, says more than the walk's.
    let (recorded, mut ledger, dry_run) = recording
        .join()
        .map_err(|_| anyhow::anyhow!("the recorder panicked"))??;
    walked?;
    if !args.quiet {
        let closing = super::ingest_summary::Closing {
            lang,
            summary: &summary,
            ledger: &name,
            mailbox: None,
            recorded,
            dry_run: dry_run.as_ref(),
        };
        super::ingest_summary::print(engine.knowledge(), &mut ledger, &closing)?;
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Says on standard error, in `lang`, why each message of `records` that could not be read
/// was not.
pub fn print_errors(lang: Lang, records: &[Record]) {
    for r in records {
        if let Record::Error { origin, error } = r {
            let at = origin.index.map_or(String::new(), |i| format!("#{i}"));
            eprintln!(
                "bouncedoc: {}{at}: {}",
                crate::render::safe::for_person(&origin.source),
                crate::render::safe::for_person(&crate::texts::read_error(lang, error))
            );
        }
    }
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
