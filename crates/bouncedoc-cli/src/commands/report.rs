//! `bouncedoc report`: the JSON lines of `parse` or `logs`, or the events of the ledger,
//! counted into one self-contained HTML page (or a terminal summary).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_logs::report::Report;
use clap::{Args, ValueEnum};

use crate::cli::locale_lang;
use crate::render::report::{html, text};

/// What `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page with inline SVG charts.
    Html,
    /// A summary for the terminal.
    Text,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// JSON lines written by `parse --format jsonl` or `logs --format jsonl`; `-` for
    /// standard input [default: the ledger of --database when it is given, else standard
    /// input].
    pub paths: Vec<PathBuf>,
    /// Count the events of this ledger instead (an SQLite file or a PostgreSQL URL, read
    /// only): its failures, and its delay warnings as deferrals. Files named as arguments
    /// are read instead. [default: BOUNCEDOC_DATABASE, unless JSON lines are piped in]
    #[arg(long, value_name = "FILE|URL")]
    pub database: Option<String>,
    /// Language of the texts: `ja` or `en` [default: from the locale, else en]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

/// Runs `report`.
pub fn run(engine: &Engine, args: &ReportArgs) -> Result<ExitCode> {
    let database = args.database.clone().or_else(|| {
        std::env::var(DATABASE_VAR)
            .ok()
            .filter(|v| !v.is_empty() && !stdin_has_data())
    });
    let report = match (&database, args.paths.is_empty()) {
        (Some(database), true) => super::report_ledger::count(database)?,
        (_, true) => count_lines(&[PathBuf::from("-")])?,
        (_, false) => count_lines(&args.paths)?,
    };
    let lang = args.lang.unwrap_or_else(locale_lang);
    let out = match args.format {
        ReportFormat::Html => html(&report, engine.knowledge(), lang),
        ReportFormat::Text => text(&report, engine.knowledge(), lang),
    };
    match &args.output {
        Some(path) => {
            std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?
        }
        None => std::io::stdout().lock().write_all(out.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The variable that names the ledger when `--database` does not.
const DATABASE_VAR: &str = "BOUNCEDOC_DATABASE";

/// Whether standard input brings something to read: a pipe or a file (not a terminal, not
/// `/dev/null`), so that `parse ... | bouncedoc report` reads the pipe even where
/// `BOUNCEDOC_DATABASE` is set.
fn stdin_has_data() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata("/dev/stdin").is_ok_and(|m| {
            let t = m.file_type();
            t.is_fifo() || t.is_socket() || (t.is_file() && m.len() > 0)
        })
    }
    #[cfg(not(unix))]
    {
        use std::io::IsTerminal;
        !std::io::stdin().is_terminal()
    }
}

/// Counts the JSON lines of `paths` (`-` for standard input).
fn count_lines(paths: &[PathBuf]) -> Result<Report> {
    let mut report = Report::new();
    for path in paths {
        let input: Box<dyn Read> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(File::open(path).with_context(|| format!("cannot open {}", path.display()))?)
        };
        for line in BufReader::new(input).lines() {
            let line = line.with_context(|| format!("cannot read {}", path.display()))?;
            report.push_line(&line);
        }
    }
    Ok(report)
}
