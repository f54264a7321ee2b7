//! `bouncedoc publish`: puts raw bounce messages (the same inputs as `ingest`: files, folders,
//! mbox, Maildir, standard input, or a bounce mailbox over IMAP or POP3) onto a NATS
//! JetStream stream for `bouncedoc worker`, each with its content hash as de-duplication id.
//! A mailbox's messages are marked (`--after`) only once the stream has acknowledged them: a
//! run stopped in between publishes them again, and the stream drops the copies.

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

use super::ingest_mailbox::MailboxArgs;
use crate::cli::{LangArg, StreamArgs};
use crate::texts;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Files, folders, Maildirs or mbox files; `-` for standard input; or one bounce mailbox
    /// (`imaps://user@host/INBOX`, `imap://` with STARTTLS, `pop3s://`, `pop3://` with STLS).
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
    #[command(flatten)]
    pub mailbox: MailboxArgs,
}

/// Mailbox messages read, published and marked together.
const MAILBOX_BATCH: usize = 256;

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
    let mailbox = super::ingest_mailbox::mailbox_among(lang, &args.paths, &args.mailbox)?;
    // Two threads: the mailbox's reads block one (`block_in_place`) while the NATS client's
    // own tasks go on on the other.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the NATS client")?;
    match mailbox {
        Some(url) => runtime.block_on(publish_mailbox(args, lang, url)),
        None => runtime.block_on(publish(args, lang)),
    }
}

/// Publishes the mailbox's messages not yet handled, a batch at a time, marking each batch
/// once the stream has acknowledged all of it (with `--follow`, then waits for more).
async fn publish_mailbox(
    args: &PublishArgs,
    lang: Lang,
    url: bouncedoc_mailbox::MailboxUrl,
) -> Result<ExitCode> {
    use super::ingest_mailbox as mb;
    use tokio::task::block_in_place;
    let m = &args.mailbox;
    let config = mb::config(lang, m, url)?;
    let stream = &args.queue.stream;
    let (_client, js) = bouncedoc_queue::connect(&args.queue.nats).await?;
    let window = Duration::from_secs(args.duplicate_window);
    let mut publisher = Publisher::new(js, stream, window).await?;
    let mut mailbox = block_in_place(|| bouncedoc_mailbox::open(&config))
        .map_err(|e| super::mailbox_words::error(lang, e))?;
    let mailbox_error = |e| super::mailbox_words::error(lang, e);
    let mut unreadable = 0u64;
    let mut marked = 0usize;
    // Messages that could not be published stay unmarked, for a person to see; in a
    // --follow run they are not read again.
    let mut left = std::collections::HashSet::new();
    loop {
        let waiting: Vec<_> = block_in_place(|| mailbox.waiting())
            .map_err(mailbox_error)?
            .into_iter()
            .filter(|w| !left.contains(&w.id))
            .collect();
        for chunk in waiting.chunks(MAILBOX_BATCH) {
            let (fits, too_long): (Vec<_>, Vec<_>) = chunk
                .iter()
                .partition(|w| w.size <= args.max_message_bytes as u64);
            for w in too_long {
                unreadable += 1;
                left.insert(w.id.clone());
                let cause = texts::too_long(lang, args.max_message_bytes);
                eprintln!(
                    "bouncedoc: {}",
                    texts::not_published(lang, &format!("{};{}", config.url, w.id), &cause)
                );
            }
            let ids: Vec<_> = fits.iter().map(|w| w.id.clone()).collect();
            let fetched = block_in_place(|| mailbox.fetch(&ids)).map_err(mailbox_error)?;
            let now = bouncedoc_ledger::time::now();
            let mut done = Vec::new();
            for f in fetched {
                let source = format!("{};{}", config.url, f.id);
                let envelope = Envelope {
                    origin: bouncedoc_mail::record::Origin {
                        source: source.clone(),
                        index: None,
                    },
                    fallback_time: f.received.unwrap_or(now),
                    webhook: None,
                };
                if f.bytes.len() > args.max_message_bytes {
                    unreadable += 1;
                    left.insert(f.id);
                    let cause = texts::too_long(lang, args.max_message_bytes);
                    eprintln!("bouncedoc: {}", texts::not_published(lang, &source, &cause));
                    continue;
                }
                match publisher.publish(&envelope, f.bytes).await {
                    Ok(()) => done.push(f.id),
                    Err(e @ QueueError::TooLarge(_)) => {
                        unreadable += 1;
                        left.insert(f.id);
                        let cause = texts::queue_failure(lang, &e.into());
                        eprintln!("bouncedoc: {}", texts::not_published(lang, &source, &cause));
                    }
                    Err(e) => return Err(e).context("publishing"),
                }
            }
            // On the stream, every one of them, before any is marked.
            publisher.settle().await?;
            mb::crash_here_for_tests();
            block_in_place(|| mailbox.mark(&done)).map_err(mailbox_error)?;
            marked += done.len();
        }
        if !m.follow {
            break;
        }
        block_in_place(|| mailbox.wait(Duration::from_secs(m.interval.max(1))))
            .map_err(mailbox_error)?;
    }
    block_in_place(|| mailbox.close()).map_err(mailbox_error)?;
    let done = publisher.finish().await?;
    if !args.quiet {
        eprintln!(
            "{}",
            texts::published(lang, stream, done.stored, done.duplicates, unreadable)
        );
        eprintln!(
            "{}",
            texts::mailbox_marked(
                lang,
                &config.url.to_string(),
                marked,
                &mb::after_words(lang, &config.after)
            )
        );
    }
    Ok(if unreadable > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
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
            webhook: None,
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
