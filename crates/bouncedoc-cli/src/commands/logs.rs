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
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

fn parse_time(s: &str) -> Result<i64, String> {
    time::bound(s).ok_or_else(|| {
        format!("`{s}` is not a time: give 2024-01-15, 2024-01-15T10:00:00Z or Unix seconds")
    })
}

/// What the closing summary counts.
#[derive(Default)]
struct Summary {
    counts: Counts,
    outside: u64,
    unreadable: u64,
    stories: [u64; 4],
}

impl Summary {
    fn story(&mut self, outcome: Outcome) {
        self.stories[outcome as usize] += 1;
    }

    fn print(&self, lang: Lang) {
        let c = &self.counts;
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
        match lang {
            Lang::En => eprintln!(
                "{} lines: {} of deliveries, {} other mail lines, {} unknown (skipped), {} damaged, {} outside the time range; {} files unreadable. Deliveries: {}.",
                c.lines,
                c.deliveries,
                c.other,
                c.unknown,
                c.damaged,
                self.outside,
                self.unreadable,
                stories.join(", ")
            ),
            Lang::Ja => eprintln!(
                "{} 行：配送の行 {}、その他のメールの行 {}、不明な行 {}（読み飛ばし）、壊れた行 {}、期間外 {}。読めないファイル {}。配送：{}。",
                c.lines,
                c.deliveries,
                c.other,
                c.unknown,
                c.damaged,
                self.outside,
                self.unreadable,
                stories.join("、")
            ),
        }
    }
}

/// The output: the writer and the summary, fed stories as they end.
struct Output<'a> {
    engine: &'a Engine,
    lang: Lang,
    writer: LogWriter,
    summary: Summary,
}

impl Output<'_> {
    fn stories(&mut self, done: &mut Vec<Story>) -> Result<()> {
        for story in done.drain(..) {
            self.summary.story(story.outcome);
            let r = record(self.engine, story, self.lang);
            self.writer.write(&LogRecord::Delivery(Box::new(r)))?;
        }
        Ok(())
    }
}

fn within(time: Option<i64>, since: Option<i64>, until: Option<i64>) -> bool {
    time.is_none_or(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t < u))
}

pub fn run(engine: &Engine, args: &LogsArgs) -> Result<ExitCode> {
    let lang = args.lang.unwrap_or_else(locale_lang);
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s >= u
    {
        bail!("--since must be before --until");
    }
    let year = args.year.unwrap_or_else(time::this_year);
    let mut out = Output {
        engine,
        lang,
        writer: LogWriter::new(args.format, engine.knowledge(), lang)?,
        summary: Summary::default(),
    };
    let mut stories = Stories::new();
    let mut done = Vec::new();
    for path in &args.paths {
        let name: Arc<str> = path.display().to_string().into();
        let reader = match input::open(path) {
            Ok(r) => r,
            Err(e) => {
                out.summary.unreadable += 1;
                out.writer.write(&LogRecord::Error {
                    source: name.to_string(),
                    line: None,
                    error: e.source.to_string(),
                })?;
                continue;
            }
        };
        let mut reader = Reader::new(reader, year);
        for item in reader.by_ref() {
            match item {
                Item::Entry { line, entry } => {
                    let time = match &entry {
                        Entry::Attempt(e) => e.time,
                        Entry::QueueGone { time, .. } => *time,
                    };
                    if !within(time, args.since, args.until) {
                        out.summary.outside += 1;
                        continue;
                    }
                    stories.push(&name, line, entry, &mut done);
                    out.stories(&mut done)?;
                }
                Item::Damaged { line, error } => out.writer.write(&LogRecord::Error {
                    source: name.to_string(),
                    line: Some(line),
                    error,
                })?,
            }
        }
        out.summary.counts.add(reader.counts());
    }
    stories.finish(&mut done);
    out.stories(&mut done)?;
    out.writer.finish()?;
    if !args.quiet {
        out.summary.print(lang);
    }
    Ok(
        if out.summary.counts.damaged > 0 || out.summary.unreadable > 0 {
            ExitCode::from(super::EXIT_UNRECOGNIZED)
        } else {
            ExitCode::SUCCESS
        },
    )
}
