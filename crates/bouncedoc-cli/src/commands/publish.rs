//! `bouncedoc publish`: puts raw bounce messages (the same inputs as `ingest`) onto a NATS
//! JetStream stream for `bouncedoc worker`, each with its content hash as de-duplication id.

use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

use anyhow::{Context, Result};
use bouncedoc_core::Lang;
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::Jobs;
use bouncedoc_queue::QueueError;
use bouncedoc_queue::envelope::Envelope;
use bouncedoc_queue::publish::Publisher;
use clap::Args;

use crate::cli::{LangArg, StreamArgs};
use crate::texts;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Files, folders, Maildirs or mbox files; `-` for standard input.
    #[arg(default_value = "-")]
    pub paths: Vec<std::path::PathBuf>,
    #[command(flatten)]
    pub queue: StreamArgs,
    /// The de-duplication window, in seconds, of a stream this command makes: a message
    /// published again within it is dropped by the stream.
    #[arg(long, default_value_t = bouncedoc_queue::publish::DEFAULT_DUPLICATE_WINDOW.as_secs(), value_name = "SECONDS")]
    pub duplicate_window: u64,
    /// The most bytes one message may have; a longer one is not published.
    #[arg(long, default_value_t = bouncedoc_mail::records::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
    /// Do not print the closing summary.
    #[arg(long)]
    pub quiet: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

/// The file's modification time, which a worker uses when a message carries no date (as
/// `ingest` does).
fn file_time(source: &str) -> Option<i64> {
    let modified = std::fs::metadata(source).ok()?.modified().ok()?;
    i64::try_from(modified.duration_since(UNIX_EPOCH).ok()?.as_secs()).ok()
}

/// Publishes; a failure is said in the language of `--lang` (exit status 2).
pub fn run(args: &PublishArgs) -> Result<ExitCode> {
    let lang = args.lang.lang();
    match start(args, lang) {
        Ok(code) => Ok(code),
        Err(e) => {
            eprintln!("bouncedoc: {}", texts::queue_failure(lang, &e));
            Ok(ExitCode::from(super::EXIT_USAGE))
        }
    }
}

fn start(args: &PublishArgs, lang: Lang) -> Result<ExitCode> {
    bouncedoc_queue::check_stream_name(&args.queue.stream)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the NATS client")?;
    runtime.block_on(publish(args, lang))
}

async fn publish(args: &PublishArgs, lang: Lang) -> Result<ExitCode> {
    let stream = &args.queue.stream;
    let (_client, js) = bouncedoc_queue::connect(&args.queue.nats).await?;
    let window = Duration::from_secs(args.duplicate_window);
    let mut publisher = Publisher::new(js, stream, window).await?;
    let jobs = Jobs::with_limit(input::expand(&args.paths), args.max_message_bytes);
    let mut unreadable = 0u64;
    for job in jobs {
        let at = job.origin.index.map_or(String::new(), |i| format!("#{i}"));
        let bytes = match job.bytes {
            Ok(bytes) => bytes,
            Err(e) => {
                unreadable += 1;
                let source = format!("{}{at}", job.origin.source);
                let cause = texts::read_error(lang, &e.to_string());
                eprintln!("bouncedoc: {}", texts::not_published(lang, &source, &cause));
                continue;
            }
        };
        let now = bouncedoc_ledger::time::now();
        let fallback_time = if job.origin.source == "-" {
            now
        } else {
            file_time(&job.origin.source).unwrap_or(now)
        };
        let source = job.origin.source.clone();
        let envelope = Envelope {
            origin: job.origin,
            fallback_time,
        };
        match publisher.publish(&envelope, bytes).await {
            Ok(()) => {}
            Err(e @ QueueError::TooLarge(_)) => {
                unreadable += 1;
                let cause = texts::queue_failure(lang, &e.into());
                eprintln!(
                    "bouncedoc: {}",
                    texts::not_published(lang, &format!("{source}{at}"), &cause)
                );
            }
            Err(e) => return Err(e).context("publishing"),
        }
    }
    let done = publisher.finish().await?;
    if !args.quiet {
        eprintln!(
            "{}",
            texts::published(lang, stream, done.stored, done.duplicates, unreadable)
        );
    }
    Ok(if unreadable > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}
