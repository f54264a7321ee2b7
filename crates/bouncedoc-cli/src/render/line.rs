//! `parse --format line`: one line per record, for a person scanning a big run. A
//! recipient's line gives its address, the reason by name, who must act, the status code
//! (the reply code when there is none) and the headline cut short; a message that is not a
//! bounce or could not be read gets a line that says so. Every field is made safe for a
//! terminal.

use bouncedoc_core::{Diagnosis, Knowledge, Lang};
use bouncedoc_mail::record::Record;

use crate::render::safe::for_person;

/// The most characters of a headline a line shows.
const HEADLINE_CHARS: usize = 90;

/// Between two fields.
const SEPARATOR: &str = " | ";

/// `text` cut to `max` characters, `…` ending it when it was cut.
fn cut(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Where a record came from: the source, `#N` for the Nth message of an mbox.
fn origin(source: &str, index: Option<usize>) -> String {
    match index {
        Some(i) => format!("{source} #{i}"),
        None => source.to_string(),
    }
}

/// The line of one record (without its line end).
pub fn line(kb: &Knowledge, lang: Lang, record: &Record) -> String {
    match record {
        Record::Recipient(r) => diagnosis_line(kb, lang, &r.diagnosis, None),
        Record::NotBounce {
            origin: o, subject, ..
        } => problem_line(
            &origin(&o.source, o.index),
            kb.label("parse.not_bounce", lang),
            subject.as_deref().unwrap_or(""),
        ),
        Record::Error { origin: o, error } => problem_line(
            &origin(&o.source, o.index),
            kb.label("parse.error", lang),
            &crate::texts::read_error(lang, error),
        ),
    }
}

/// The line of one diagnosis: the address (`address` when the diagnosis names none), the
/// reason, who must act, the code and the headline.
pub fn diagnosis_line(kb: &Knowledge, lang: Lang, d: &Diagnosis, address: Option<&str>) -> String {
    let address = d
        .recipient
        .as_deref()
        .or(address)
        .unwrap_or(match lang {
            Lang::En => "(no address)",
            Lang::Ja => "（宛先なし）",
        })
        .to_string();
    let code = d
        .status
        .map(|s| s.to_string())
        .or_else(|| d.reply_code.map(|c| c.to_string()))
        .unwrap_or_else(|| "-".to_string());
    join(&[
        address,
        lang.pick(&kb.reason(d.reason).title).to_string(),
        lang.pick(&kb.party(d.party).name).to_string(),
        code,
        cut(&d.summary, HEADLINE_CHARS),
    ])
}

/// The line of an input that gave no diagnosis: where, what (`not a bounce:`), and the
/// detail (its subject, or why it could not be read).
pub fn problem_line(place: &str, what: &str, detail: &str) -> String {
    join(&[
        place.to_string(),
        what.trim_end_matches([':', '：']).to_string(),
        cut(detail, HEADLINE_CHARS),
    ])
}

/// Fields made safe for a terminal, on one line, between separators.
fn join(fields: &[String]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|f| for_person(f).replace(['\n', '\r'], " "))
        .collect();
    fields.join(SEPARATOR).trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::Engine;
    use bouncedoc_mail::record::{Origin, records};

    fn kb() -> &'static Knowledge {
        Knowledge::shared().unwrap()
    }

    #[test]
    fn long_headlines_are_cut_and_marked() {
        assert_eq!(cut("short", 10), "short");
        let long = "あ".repeat(20);
        let c = cut(&long, 10);
        assert_eq!(c.chars().count(), 10);
        assert!(c.ends_with('…'));
    }

    #[test]
    fn a_recipient_is_one_safe_line_with_its_fields_in_order() {
        let engine = Engine::new().unwrap();
        let raw = "From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail Returned to Sender\n\n<taro@example.jp>: host mx.example.jp said: 550 5.1.1 <taro@example.jp>: Recipient address rejected: User unknown\x1b[31m\n";
        for lang in [Lang::En, Lang::Ja] {
            let report = bouncedoc_mail::diagnose_bytes(&engine, raw.as_bytes(), lang).unwrap();
            let origin = Origin {
                source: "b.eml".into(),
                index: None,
            };
            let recs = records(&origin, report);
            let Some(rec @ Record::Recipient(r)) = recs.first() else {
                panic!("no recipient: {recs:?}");
            };
            let l = line(kb(), lang, rec);
            assert!(!l.contains('\n') && !l.contains('\x1b'), "{l:?}");
            let fields: Vec<&str> = l.split(SEPARATOR).collect();
            assert_eq!(fields[0], "taro@example.jp");
            assert_eq!(fields[1], lang.pick(&kb().reason(r.diagnosis.reason).title));
            assert_eq!(fields[2], lang.pick(&kb().party(r.diagnosis.party).name));
            assert_eq!(fields[3], "5.1.1");
            assert!(!fields[4].is_empty());
        }
        let error = Record::Error {
            origin: Origin {
                source: "box".into(),
                index: Some(3),
            },
            error: "empty message".into(),
        };
        assert_eq!(
            line(kb(), Lang::Ja, &error),
            "box #3 | 読み取れませんでした | 中身が空です"
        );
        assert_eq!(
            line(kb(), Lang::En, &error),
            "box #3 | could not be read | empty message"
        );
    }
}
