//! `bouncedoc logs`: mail servers' delivery logs, one diagnosis per failed or deferred
//! delivery, read as a stream (memory holds the deliveries still open, not the log).

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Result, bail};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_logs::reader::{Counts, Item, Reader};
use bouncedoc_logs::record::{LogRecord, record};
use bouncedoc_logs::story::{Stories, Story};
use bouncedoc_logs::{Entry, Outcome, input, time};
use clap::Args;

use crate::cli::{ParseFormat, locale_lang};
use crate::render::logs::{LogWriter, outcome_words};

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// Log files (plain or gzip-compressed); `-` for standard input. Several files are read
    /// in the order given, as one log (give rotated files oldest first).
    #[arg(default_value = "-")]
    pub paths: Vec<PathBuf>,
    /// Language of the texts: `ja` or `en` [default: from the locale, else en]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Human)]
    pub format: ParseFormat,
    /// Only attempts logged at or after this time: `2024-01-15`, `2024-01-15T10:00:00Z`, or
    /// Unix seconds. Times without a zone in the log are taken as UTC.
    #[arg(long, value_parser = parse_time)]
    pub since: Option<i64>,
    /// Only attempts logged before this time (the same forms as --since).
    #[arg(long, value_parser = parse_time)]
    pub until: Option<i64>,
    /// The year of syslog lines, which do not say it [default: this year].
    #[arg(long)]
    pub year: Option<i64>,
    /// Do not print the closing summary.
    #[arg(long)]
    pub quiet: bool,
    /// Follow the one file given as it grows, across rotation (as `tail -F` does): read it
    /// from its start, print each delivery's story when it ends, and run until stopped.
    /// The line formats only (not gzip, not the CSV exports).
    #[arg(long)]
    pub follow: bool,
    /// With --follow, how often the file is read and the output flushed, in milliseconds.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..))]
    pub flush_interval: u64,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

fn parse_time(s: &str) -> Result<i64, String> {
    time::bound(s).ok_or_else(|| {
        format!("`{s}` is not a time: give 2024-01-15, 2024-01-15T10:00:00Z or Unix seconds")
    })
}

/// Which lines are read: the year of syslog lines (which do not say it) and the time range.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    /// The year of syslog lines.
    pub year: i64,
    /// Only attempts logged at or after this time.
    pub since: Option<i64>,
    /// Only attempts logged before this time.
    pub until: Option<i64>,
}

impl Scope {
    /// Whether an entry logged at `time` is in range (one without a time always is).
    pub fn within(&self, time: Option<i64>) -> bool {
        time.is_none_or(|t| self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u))
    }
}

/// The time of an entry.
pub fn entry_time(entry: &Entry) -> Option<i64> {
    match entry {
        Entry::Attempt(e) => e.time,
        Entry::QueueGone { time, .. } => *time,
    }
}

/// What reading logs tells, in the order it is read.
// Told once and moved to the caller: boxing the story would cost an allocation per story.
#[allow(clippy::large_enum_variant)]
pub enum Told {
    /// A story that ended (or was still open when the input did).
    Story(Story),
    /// A damaged line, or an input that could not be opened.
    Error(LogRecord),
}

/// What reading logs counted.
#[derive(Debug, Default)]
pub struct Scanned {
    /// The lines of each kind.
    pub counts: Counts,
    /// Entries outside the time range.
    pub outside: u64,
    /// Inputs that could not be opened.
    pub unreadable: u64,
}

/// Reads the logs at `paths` in order, as one log, and tells each story and error to `tell`.
pub fn scan(
    paths: &[PathBuf],
    scope: &Scope,
    mut tell: impl FnMut(Told) -> Result<()>,
) -> Result<Scanned> {
    let mut scanned = Scanned::default();
    let mut stories = Stories::new();
    let mut done = Vec::new();
    for path in paths {
        let name: Arc<str> = path.display().to_string().into();
        let reader = match input::open(path) {
            Ok(r) => r,
            Err(e) => {
                scanned.unreadable += 1;
                tell(Told::Error(LogRecord::Error {
                    source: name.to_string(),
                    line: None,
                    error: e.source.to_string(),
                }))?;
                continue;
            }
        };
        let mut reader = Reader::new(reader, scope.year);
        for item in reader.by_ref() {
            match item {
                Item::Entry { line, entry } => {
                    if !scope.within(entry_time(&entry)) {
                        scanned.outside += 1;
                        continue;
                    }
                    stories.push(&name, line, entry, &mut done);
                    for story in done.drain(..) {
                        tell(Told::Story(story))?;
                    }
                }
                Item::Damaged { line, error } => tell(Told::Error(LogRecord::Error {
                    source: name.to_string(),
                    line: Some(line),
                    error,
                }))?,
            }
        }
        scanned.counts.add(reader.counts());
    }
    stories.finish(&mut done);
    for story in done {
        tell(Told::Story(story))?;
    }
    Ok(scanned)
}

/// What the closing summary counts.
#[derive(Default)]
pub(crate) struct Summary {
    pub(crate) scanned: Scanned,
    stories: [u64; 4],
}

impl Summary {
    pub(crate) fn story(&mut self, outcome: Outcome) {
        self.stories[outcome as usize] += 1;
    }

    pub(crate) fn print(&self, lang: Lang) {
        let (c, s) = (&self.scanned.counts, &self.scanned);
        let outcomes = [
            Outcome::Bounced,
            Outcome::Expired,
            Outcome::Deferred,
            Outcome::Delivered,
        ];
        let stories: Vec<String> = outcomes
            .iter()
            .map(|o| format!("{} {}", self.stories[*o as usize], outcome_words(*o, lang)))
            .collect();
        let (lines, deliveries, other, unknown, damaged) =
            (c.lines, c.deliveries, c.other, c.unknown, c.damaged);
        let (outside, unreadable) = (s.outside, s.unreadable);
        match lang {
            Lang::En => eprintln!(
                "{lines} lines: {deliveries} of deliveries, {other} other mail lines, {unknown} unknown (skipped), {damaged} damaged, {outside} outside the time range; {unreadable} files unreadable. Deliveries: {}.",
                stories.join(", ")
            ),
            Lang::Ja => eprintln!(
                "{lines} 行：配送の行 {deliveries}、その他のメールの行 {other}、不明な行 {unknown}（読み飛ばし）、壊れた行 {damaged}、期間外 {outside}。読めないファイル {unreadable}。配送：{}。",
                stories.join("、")
            ),
        }
    }

    /// The exit status: [`super::EXIT_UNRECOGNIZED`] when a line was damaged or an input
    /// could not be read.
    pub(crate) fn exit(&self) -> ExitCode {
        if self.scanned.counts.damaged > 0 || self.scanned.unreadable > 0 {
            ExitCode::from(super::EXIT_UNRECOGNIZED)
        } else {
            ExitCode::SUCCESS
        }
    }
}

pub fn run(engine: &Engine, args: &LogsArgs) -> Result<ExitCode> {
    let lang = args.lang.unwrap_or_else(locale_lang);
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s >= u
    {
        bail!(crate::texts::usage::since_after_until());
    }
    let scope = Scope {
        year: args.year.unwrap_or_else(time::this_year),
        since: args.since,
        until: args.until,
    };
    let mut writer = LogWriter::new(args.format, engine.knowledge(), lang)?;
    if args.follow {
        let [path] = args.paths.as_slice() else {
            bail!(crate::texts::usage::follow_one_file());
        };
        if path.as_os_str() == "-" {
            bail!(crate::texts::usage::follow_not_stdin());
        }
        let interval = std::time::Duration::from_millis(args.flush_interval);
        return super::logs_follow::run(engine, path, &scope, lang, writer, interval);
    }
    let mut summary = Summary::default();
    let scanned = scan(&args.paths, &scope, |told| match told {
        Told::Story(story) => {
            summary.story(story.outcome);
            let r = record(engine, story, lang);
            writer.write(&LogRecord::Delivery(Box::new(r)))
        }
        Told::Error(e) => writer.write(&e),
    })?;
    summary.scanned = scanned;
    writer.finish()?;
    if !args.quiet {
        summary.print(lang);
    }
    Ok(summary.exit())
}
