//! Writing `parse` records (JSON lines, CSV, the explain layout, or one line each).

use std::io::Write;

use anyhow::Result;
use bouncedoc_core::{Knowledge, Lang};
use bouncedoc_mail::record::Record;
use owo_colors::OwoColorize;

use crate::cli::ParseFormat;
use crate::render::output::Output;
use crate::render::{human, safe};

/// Where records go: the output, and for the explain layout the knowledge, the language
/// and whether a record was written yet (records are set apart by a blank line).
pub struct Writer {
    out: Output,
    kb: &'static Knowledge,
    lang: Lang,
    first: bool,
}

const CSV_HEADER: &[&str] = &[
    "source",
    "index",
    "kind",
    "recipient",
    "reply_code",
    "status",
    "status_source",
    "action",
    "reason",
    "hard_bounce",
    "retry",
    "party",
    "provider",
    "mta",
    "confidence",
    "feedback_type",
    "diagnostic",
    "date",
    "original_message_id",
    "original_from",
    "original_to",
    "original_subject",
    "error",
];

impl Writer {
    /// A writer for a format; `excel` asks for CSV as Excel opens it (a UTF-8 byte-order
    /// mark first, CRLF line ends), whatever the format.
    pub fn new(
        format: ParseFormat,
        excel: bool,
        kb: &'static Knowledge,
        lang: Lang,
    ) -> Result<Writer> {
        Ok(Writer {
            out: Output::new(format, excel, CSV_HEADER)?,
            kb,
            lang,
            first: true,
        })
    }

    /// Writes one record.
    pub fn write(&mut self, record: &Record) -> Result<()> {
        match &mut self.out {
            Output::Jsonl(out) => out.write_all(&jsonl(std::slice::from_ref(record))?)?,
            Output::Csv(w) => {
                for cell in csv_row(record) {
                    w.write_field(safe::csv_cell(&cell).as_bytes())?;
                }
                w.write_record(None::<&[u8]>)?;
            }
            Output::Human(out) => {
                if !self.first {
                    writeln!(out)?;
                }
                self.first = false;
                write_human(out, self.kb, self.lang, record)?;
            }
            Output::Line(out) => writeln!(
                out,
                "{}",
                crate::render::line::line(self.kb, self.lang, record)
            )?,
        }
        Ok(())
    }

    /// Whether records are written as JSON lines (which [`jsonl`] writes beforehand).
    pub fn is_jsonl(&self) -> bool {
        matches!(self.out, Output::Jsonl(_))
    }

    /// Writes records already written as JSON lines by [`jsonl`].
    pub fn write_bytes(&mut self, lines: &[u8]) -> Result<()> {
        match &mut self.out {
            Output::Jsonl(out) => out.write_all(lines)?,
            _ => anyhow::bail!("JSON lines written to an output of another format"),
        }
        Ok(())
    }

    /// Flushes the output.
    pub fn finish(&mut self) -> Result<()> {
        self.out.flush()
    }
}

/// Records as JSON lines (the same bytes as serde_json writes, tested below).
pub fn jsonl(records: &[Record]) -> sonic_rs::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(records.len() * 3072);
    for record in records {
        jsonl_into(&mut out, record)?;
    }
    Ok(out)
}

/// One record as a JSON line, added to `out` (left as it was when it does not serialize).
pub fn jsonl_into(out: &mut Vec<u8>, record: &Record) -> sonic_rs::Result<()> {
    let before = out.len();
    match sonic_rs::to_writer(&mut *out, record) {
        Ok(()) => {
            out.push(b'\n');
            Ok(())
        }
        Err(e) => {
            out.truncate(before);
            Err(e)
        }
    }
}

/// Where a record came from, safe for a terminal.
fn origin_line(source: &str, index: Option<usize>) -> String {
    let source = safe::for_person(source);
    match index {
        Some(i) => format!("{source} #{i}"),
        None => source.into_owned(),
    }
}

fn write_human(
    out: &mut impl Write,
    kb: &Knowledge,
    lang: Lang,
    record: &Record,
) -> std::io::Result<()> {
    match record {
        Record::Recipient(r) => {
            let rule = "─".repeat(8);
            writeln!(
                out,
                "{} {}",
                rule.dimmed(),
                origin_line(&r.origin.source, r.origin.index).dimmed()
            )?;
            human::write_diagnosis(out, kb, &r.diagnosis)
        }
        Record::NotBounce {
            origin, subject, ..
        } => {
            let what = kb.label("parse.not_bounce", lang);
            let subject = safe::for_person(subject.as_deref().unwrap_or(""));
            writeln!(
                out,
                "{}: {what} {subject}",
                origin_line(&origin.source, origin.index)
            )
        }
        Record::Error { origin, error } => {
            let what = kb.label("parse.error", lang);
            writeln!(
                out,
                "{}: {} {error}",
                origin_line(&origin.source, origin.index),
                what.red(),
                error = safe::for_person(&crate::texts::read_error(lang, error))
            )
        }
    }
}

fn csv_row(record: &Record) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    match record {
        Record::Recipient(r) => {
            let d = &r.diagnosis;
            vec![
                r.origin.source.clone(),
                opt(r.origin.index.map(|i| i.to_string())),
                "bounce".into(),
                opt(d.recipient.clone()),
                opt(d.reply_code.map(|c| c.to_string())),
                opt(d.status.map(|s| s.to_string())),
                opt(d.status_source.map(|s| s.to_string())),
                opt(d.action.map(|a| a.to_string())),
                d.reason.to_string(),
                d.hard_bounce.to_string(),
                d.retry.to_string(),
                d.party.to_string(),
                opt(d.provider.clone()),
                opt(d.mta.clone()),
                d.confidence.to_string(),
                opt(r.feedback_type.clone()),
                d.diagnostic.clone(),
                opt(r.message.date.clone()),
                opt(r.message.original_message_id.clone()),
                opt(r.message.original_from.clone()),
                opt(r.message.original_to.clone()),
                opt(r.message.original_subject.clone()),
                String::new(),
            ]
        }
        Record::NotBounce { origin, .. } => {
            let mut row = vec![String::new(); CSV_HEADER.len()];
            row[0] = origin.source.clone();
            row[1] = opt(origin.index.map(|i| i.to_string()));
            row[2] = "not-bounce".into();
            row
        }
        Record::Error { origin, error } => {
            let mut row = vec![String::new(); CSV_HEADER.len()];
            row[0] = origin.source.clone();
            row[1] = opt(origin.index.map(|i| i.to_string()));
            row[2] = "error".into();
            row[CSV_HEADER.len() - 1] = error.clone();
            row
        }
    }
}

#[cfg(test)]
mod tests {
    use bouncedoc_core::{Engine, Lang};
    use bouncedoc_mail::record::{Origin, Record, records};

    fn serde_json_lines(records: &[Record]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            serde_json::to_writer(&mut out, r).unwrap();
            out.push(b'\n');
        }
        out
    }

    /// The workers' JSON lines are serde_json's, byte for byte, whatever the strings hold.
    #[test]
    fn jsonl_is_serde_json() {
        let engine = Engine::new().unwrap();
        let odd =
            "550 \"quoted\" back\\slash\ttab\u{0}nul\u{1f}unit\u{7f}del \u{2028}sep é 宛先 😀";
        let raw = format!(
            "From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail Returned to Sender\n\n{odd}\n"
        );
        let mut all = Vec::new();
        for lang in [Lang::En, Lang::Ja] {
            let report = bouncedoc_mail::diagnose_bytes(&engine, raw.as_bytes(), lang).unwrap();
            let origin = Origin {
                source: format!("odd \"name\" {odd}"),
                index: Some(7),
            };
            all.extend(records(&origin, report));
        }
        all.push(Record::Error {
            origin: Origin {
                source: odd.to_string(),
                index: None,
            },
            error: odd.to_string(),
        });
        assert_eq!(
            String::from_utf8(super::jsonl(&all).unwrap()).unwrap(),
            String::from_utf8(serde_json_lines(&all)).unwrap()
        );
    }
}
