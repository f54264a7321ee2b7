//! `bouncedoc ingest imaps://user@host/INBOX` (or `imap://`, `pop3s://`, `pop3://`): reads
//! the bounce mailbox's messages not yet handled, records them as `ingest` records files
//! (the same message key, so a message counts once however it arrives), and only after the
//! ledger has committed a batch marks its messages as `--after` says. A run stopped between
//! the two re-reads those messages next time, and the ledger adds nothing for them.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_ledger::{BatchOutcome, NewEvent, Policy, Prepared, prepare};
use bouncedoc_mail::record::{Origin, Record};
use bouncedoc_mailbox::{After, Config, MailboxUrl, MessageId, Protocol, Trust};
use clap::Args;
use rayon::prelude::*;

use super::ingest::IngestArgs;
use super::mailbox_words as words;
use crate::render::summary::Summary;
use crate::texts;

/// Messages read, recorded and marked together.
const BATCH: usize = 256;

/// The environment variable that holds the mailbox's password.
pub const PASSWORD_VAR: &str = "BOUNCEDOC_MAILBOX_PASSWORD";

/// A test hook: set to `1`, the process aborts right after a batch is committed (`ingest`) or
/// acknowledged by the stream (`publish`) and before its messages are marked, as a crash
/// there would.
const CRASH_AFTER_COMMIT: &str = "BOUNCEDOC_TEST_CRASH_AFTER_COMMIT";

/// The options of `ingest` for a mailbox address.
#[derive(Debug, Args)]
pub struct MailboxArgs {
    /// The mailbox's password in a file (its first line) [default: the environment variable
    /// BOUNCEDOC_MAILBOX_PASSWORD]. Never on the command line.
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Trust only the CA certificates of this PEM file for the mailbox's TLS [default: the
    /// system's trusted roots].
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// What becomes of a mailbox message once recorded (`ingest`) or on the stream
    /// (`publish`): `flag` (IMAP \Seen, the IMAP
    /// default), `move=FOLDER` (IMAP), `delete`, or `keep` (POP3, the POP3 default: its UIDL
    /// is remembered in --state-file).
    #[arg(long, value_name = "flag|move=FOLDER|delete|keep")]
    pub after: Option<After>,
    /// POP3 with `--after keep`: the file that remembers the UIDLs already recorded.
    #[arg(long, value_name = "FILE")]
    pub state_file: Option<PathBuf>,
    /// Keep reading the mailbox: IMAP waits with IDLE, POP3 polls every --interval.
    #[arg(long)]
    pub follow: bool,
    /// With --follow: seconds between two POP3 polls, and the longest one IMAP IDLE lasts
    /// before it is renewed.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub interval: u64,
    /// Seconds a connection to the mailbox, or one of its replies, may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub mailbox_timeout: u64,
}

impl MailboxArgs {
    /// The first mailbox option given, for the error that says it needs a mailbox.
    fn given(&self) -> Option<&'static str> {
        if self.password_file.is_some() {
            Some("--password-file")
        } else if self.ca_file.is_some() {
            Some("--ca-file")
        } else if self.after.is_some() {
            Some("--after")
        } else if self.state_file.is_some() {
            Some("--state-file")
        } else if self.follow {
            Some("--follow")
        } else {
            None
        }
    }
}

/// The mailbox address among `ingest`'s inputs, when there is one; a mailbox cannot be
/// mixed with files, and the mailbox options need a mailbox.
pub fn mailbox_of(args: &IngestArgs) -> Result<Option<MailboxUrl>> {
    let lang = args.lang();
    let url = mailbox_among(lang, &args.paths, &args.mailbox)?;
    if url.is_some() && args.dry_run && args.mailbox.follow {
        bail!(texts::dry_run_not_followed(lang));
    }
    Ok(url)
}

/// The mailbox address among a command's inputs (`ingest`, `publish`), when there is one: a
/// mailbox cannot be mixed with files, and the mailbox options need a mailbox.
pub fn mailbox_among(
    lang: Lang,
    paths: &[PathBuf],
    mailbox: &MailboxArgs,
) -> Result<Option<MailboxUrl>> {
    let texts: Vec<String> = paths
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let urls = texts.iter().filter(|t| MailboxUrl::looks_like(t)).count();
    if urls == 0 {
        if let Some(flag) = mailbox.given() {
            bail!(texts::mailbox_option_alone(lang, flag));
        }
        return Ok(None);
    }
    if texts.len() > 1 {
        bail!(texts::mailbox_not_mixed(lang));
    }
    Ok(Some(
        MailboxUrl::parse(&texts[0]).map_err(|e| words::url_error(lang, e))?,
    ))
}

/// How to open the mailbox at `url` with the options given: the password from the file or
/// the environment, the trusted roots, and what `--after` says (by default `\Seen` for IMAP,
/// the UIDL remembered for POP3).
pub fn config(lang: Lang, m: &MailboxArgs, url: MailboxUrl) -> Result<Config> {
    let after = m.after.clone().unwrap_or(match url.protocol {
        Protocol::Imap => After::Flag,
        Protocol::Pop3 => After::Keep,
    });
    Ok(Config {
        password: password(lang, m)?,
        trust: Trust::new(m.ca_file.as_deref()).map_err(|e| words::tls_error(lang, e))?,
        after,
        state_file: m.state_file.clone(),
        timeout: Duration::from_secs(m.mailbox_timeout.max(1)),
        url,
    })
}

/// The test hook [`CRASH_AFTER_COMMIT`]: aborts when it is set, as a crash after a batch is
/// safe (committed, or on the stream) and before its messages are marked would.
pub fn crash_here_for_tests() {
    if std::env::var(CRASH_AFTER_COMMIT).is_ok_and(|v| v == "1") {
        eprintln!("bouncedoc: {CRASH_AFTER_COMMIT}=1: stopping before the messages are marked");
        std::process::abort();
    }
}

fn password(lang: Lang, args: &MailboxArgs) -> Result<String> {
    if let Some(path) = &args.password_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!(texts::cannot_read(lang, path, &e)))?;
        let line = text.lines().next().unwrap_or("");
        if line.is_empty() {
            bail!(texts::password_file_empty(lang, path));
        }
        return Ok(line.to_string());
    }
    match std::env::var(PASSWORD_VAR) {
        Ok(p) if !p.is_empty() => Ok(p),
        _ => bail!(texts::password_needed(lang, PASSWORD_VAR)),
    }
}

#[derive(Default)]
struct Totals {
    summary: Summary,
    marked: usize,
    recorded: BatchOutcome,
}

/// Reads the mailbox into the ledger (and, with --follow, keeps reading it).
pub fn run(
    engine: &Engine,
    args: &IngestArgs,
    url: MailboxUrl,
    policy: &Policy,
) -> Result<ExitCode> {
    let m = &args.mailbox;
    let lang = args.lang();
    let config = config(lang, m, url)?;
    let super::ingest_record::Opened {
        mut ledger,
        name,
        cleanup: _cleanup,
    } = super::ingest_record::open(&args.database, args.dry_run)?;
    let mut recorder = super::ingest_record::Recorder::new(args.dry_run);
    let mut mailbox = bouncedoc_mailbox::open(&config).map_err(|e| words::error(lang, e))?;
    let mut totals = Totals::default();
    // Messages that gave an error record stay unmarked, for a person to see; in a --follow
    // run they are not read again.
    let mut left = std::collections::HashSet::new();
    loop {
        let waiting: Vec<_> = mailbox
            .waiting()
            .map_err(|e| words::error(lang, e))?
            .into_iter()
            .filter(|w| !left.contains(&w.id))
            .collect();
        for chunk in waiting.chunks(BATCH) {
            let now = bouncedoc_ledger::time::now();
            let source = |id: &MessageId| Origin {
                source: format!("{};{id}", config.url),
                index: None,
            };
            let (fits, too_long): (Vec<_>, Vec<_>) = chunk
                .iter()
                .partition(|w| w.size <= args.max_message_bytes as u64);
            let ids: Vec<MessageId> = fits.iter().map(|w| w.id.clone()).collect();
            let fetched = mailbox.fetch(&ids).map_err(|e| words::error(lang, e))?;
            let mut prepared: Vec<(MessageId, Prepared)> = fetched
                .into_par_iter()
                .map(|f| {
                    let p = if f.bytes.len() > args.max_message_bytes {
                        too_long_record(source(&f.id), args.max_message_bytes)
                    } else {
                        prepare(engine, source(&f.id), &f.bytes, f.received.unwrap_or(now))
                    };
                    (f.id, p)
                })
                .collect();
            prepared.extend(too_long.iter().map(|w| {
                (
                    w.id.clone(),
                    too_long_record(source(&w.id), args.max_message_bytes),
                )
            }));
            let mut events: Vec<NewEvent> = Vec::new();
            let mut done = Vec::new();
            for (id, p) in prepared {
                totals.summary.add_message(&p.records);
                let failed = p.records.iter().any(|r| matches!(r, Record::Error { .. }));
                if !args.quiet {
                    super::ingest::print_errors(lang, &p.records);
                }
                events.extend(p.events);
                if failed {
                    left.insert(id);
                } else {
                    done.push(id);
                }
            }
            let outcome = recorder.record(&mut ledger, events, policy, now)?;
            totals.recorded.add(outcome);
            if recorder.is_dry_run() {
                // A dry run leaves the mailbox as it was.
                continue;
            }
            crash_here_for_tests();
            mailbox.mark(&done).map_err(|e| words::error(lang, e))?;
            totals.marked += done.len();
        }
        if !m.follow {
            break;
        }
        mailbox
            .wait(Duration::from_secs(m.interval.max(1)))
            .map_err(|e| words::error(lang, e))?;
    }
    mailbox.close().map_err(|e| words::error(lang, e))?;
    let dry_run = recorder.finish(&mut ledger, policy)?;
    if !args.quiet {
        let url = config.url.to_string();
        let closing = super::ingest_summary::Closing {
            lang,
            summary: &totals.summary,
            ledger: &name,
            mailbox: Some((&url, totals.marked, after_words(lang, &config.after))),
            recorded: totals.recorded,
            dry_run: dry_run.as_ref(),
        };
        super::ingest_summary::print(engine.knowledge(), &mut ledger, &closing)?;
    }
    Ok(if totals.summary.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}

fn too_long_record(origin: Origin, limit: usize) -> Prepared {
    Prepared::unreadable(
        origin,
        format!("the message is longer than --max-message-bytes ({limit} bytes)"),
    )
}

/// What was done to the handled messages, in words of `lang`.
pub fn after_words(lang: bouncedoc_core::Lang, after: &After) -> String {
    let ja = lang == bouncedoc_core::Lang::Ja;
    match after {
        After::Flag if ja => "\\Seen を付けました".into(),
        After::Flag => "flagged \\Seen".into(),
        After::Move(folder) if ja => format!("{folder} に移動しました"),
        After::Move(folder) => format!("moved to {folder}"),
        After::Delete if ja => "削除しました".into(),
        After::Delete => "deleted".into(),
        After::Keep if ja => "残して UIDL を記憶しました".into(),
        After::Keep => "kept, UIDL remembered".into(),
    }
}
