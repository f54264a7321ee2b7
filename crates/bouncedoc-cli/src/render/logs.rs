//! Writing `logs` records: JSON lines, CSV, or the explain layout under a line of the log's
//! facts.

use std::io::Write;

use anyhow::Result;
use bouncedoc_core::{Knowledge, Lang};
use bouncedoc_logs::Outcome;
use bouncedoc_logs::record::{DeliveryRecord, LogRecord};
use owo_colors::OwoColorize;

use crate::cli::ParseFormat;
use crate::render::output::Output;
use crate::render::{human, safe};

/// Where records go: the output, and for the explain layout the knowledge and language.
pub struct LogWriter {
    out: Output,
    kb: &'static Knowledge,
    lang: Lang,
}

const CSV_HEADER: &[&str] = &[
    "source",
    "line",
    "format",
    "outcome",
    "attempts",
    "deferrals",
    "first_time",
    "last_time",
    "host",
    "queue_id",
    "recipient",
    "original_recipient",
    "relay",
    "dsn",
    "command",
    "reply",
    "reply_code",
    "status",
    "reason",
    "hard_bounce",
    "retry",
    "party",
    "provider",
    "confidence",
    "error",
];

/// A delivery's outcome in words.
pub fn outcome_words(outcome: Outcome, lang: Lang) -> &'static str {
    match (outcome, lang) {
        (Outcome::Bounced, Lang::En) => "bounced",
        (Outcome::Bounced, Lang::Ja) => "不達（エラーで返送）",
        (Outcome::Expired, Lang::En) => "expired (returned to the sender)",
        (Outcome::Expired, Lang::Ja) => "配送期限切れ（差出人に返送）",
        (Outcome::Deferred, Lang::En) => "still deferred",
        (Outcome::Deferred, Lang::Ja) => "配送保留のまま",
        (Outcome::Delivered, Lang::En) => "delivered after deferrals",
        (Outcome::Delivered, Lang::Ja) => "保留の後に配送済み",
    }
}

impl LogWriter {
    /// A writer for a format.
    pub fn new(format: ParseFormat, kb: &'static Knowledge, lang: Lang) -> Result<LogWriter> {
        Ok(LogWriter {
            out: Output::new(format, false, CSV_HEADER)?,
            kb,
            lang,
        })
    }

    /// Writes one record.
    pub fn write(&mut self, record: &LogRecord) -> Result<()> {
        match &mut self.out {
            Output::Jsonl(out) => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
            Output::Csv(w) => w.write_record(
                csv_row(record)
                    .iter()
                    .map(|c| safe::csv_cell(c).into_owned()),
            )?,
            Output::Human(out) => write_human(out, self.kb, self.lang, record)?,
            Output::Line(out) => {
                let line = match record {
                    LogRecord::Delivery(r) => crate::render::line::diagnosis_line(
                        self.kb,
                        self.lang,
                        &r.diagnosis,
                        r.log.last.recipient.as_deref(),
                    ),
                    LogRecord::Error {
                        source,
                        line,
                        error,
                    } => crate::render::line::problem_line(
                        &format!(
                            "{source}{}",
                            line.map(|l| format!(":{l}")).unwrap_or_default()
                        ),
                        cannot_read_words(self.lang),
                        &crate::texts::log_error(self.lang, error),
                    ),
                };
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }

    /// Flushes the output.
    pub fn finish(&mut self) -> Result<()> {
        self.out.flush()
    }
}

/// The line of facts above a diagnosis: where, when, who, and what became of it.
fn facts_line(r: &DeliveryRecord, lang: Lang) -> String {
    let l = &r.log;
    let times = match (&l.first_time, &l.last_time) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), _) => a.clone(),
        _ => String::new(),
    };
    let attempts = match lang {
        Lang::En => format!("{} attempts, {} deferred", l.attempts, l.deferrals),
        Lang::Ja => format!("試行 {} 回（うち保留 {} 回）", l.attempts, l.deferrals),
    };
    let mut parts = vec![
        format!("{}:{}", r.source, r.line),
        times,
        l.last.queue_id.clone().unwrap_or_default(),
        l.last.recipient.clone().unwrap_or_default(),
        outcome_words(l.last.outcome, lang).to_string(),
        attempts,
    ];
    if let Some(relay) = &l.last.relay {
        parts.push(format!("relay={relay}"));
    }
    parts.retain(|p| !p.is_empty());
    parts.join("  ")
}

fn write_human(
    out: &mut impl Write,
    kb: &Knowledge,
    lang: Lang,
    record: &LogRecord,
) -> std::io::Result<()> {
    match record {
        LogRecord::Delivery(r) => {
            writeln!(
                out,
                "{} {}",
                "─".repeat(8).dimmed(),
                safe::for_person(&facts_line(r, lang)).dimmed()
            )?;
            human::write_diagnosis(out, kb, &r.diagnosis)?;
            writeln!(out)
        }
        LogRecord::Error {
            source,
            line,
            error,
        } => {
            let what = cannot_read_words(lang);
            let at = line.map(|l| format!(":{l}")).unwrap_or_default();
            let error = crate::texts::log_error(lang, error);
            let (source, error) = (safe::for_person(source), safe::for_person(&error));
            writeln!(out, "{source}{at}: {} {error}", what.red())
        }
    }
}

/// What a damaged line is called.
fn cannot_read_words(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "cannot be read:",
        Lang::Ja => "読み取れません：",
    }
}

fn csv_row(record: &LogRecord) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    match record {
        LogRecord::Delivery(r) => {
            let (l, d) = (&r.log, &r.diagnosis);
            vec![
                r.source.clone(),
                r.line.to_string(),
                l.last.format.mta().to_string(),
                l.last.outcome.as_str().to_string(),
                l.attempts.to_string(),
                l.deferrals.to_string(),
                opt(l.first_time.clone()),
                opt(l.last_time.clone()),
                opt(l.last.host.clone()),
                opt(l.last.queue_id.clone()),
                opt(l.last.recipient.clone()),
                opt(l.last.original_recipient.clone()),
                opt(l.last.relay.clone()),
                opt(l.last.dsn.clone()),
                opt(l.last.command.map(|c| c.to_string())),
                opt(l.last.reply.clone()),
                opt(d.reply_code.map(|c| c.to_string())),
                opt(d.status.map(|s| s.to_string())),
                d.reason.to_string(),
                d.hard_bounce.to_string(),
                d.retry.to_string(),
                d.party.to_string(),
                opt(d.provider.clone()),
                d.confidence.to_string(),
                String::new(),
            ]
        }
        LogRecord::Error {
            source,
            line,
            error,
        } => {
            let mut row = vec![String::new(); CSV_HEADER.len()];
            row[0] = source.clone();
            row[1] = opt(line.map(|l| l.to_string()));
            row[CSV_HEADER.len() - 1] = error.clone();
            row
        }
    }
}
