//! Writing the diagnosis's sentences in the reader's language.

use super::Advice;
use crate::knowledge::Knowledge;
use crate::knowledge::schema::{RuleDoc, TextDoc};
use crate::lang::Lang;
use crate::status::StatusCode;
use crate::vocab::Reason;

/// What the sentences are written from.
pub(super) struct Facts<'a> {
    pub reason: Reason,
    pub status: Option<StatusCode>,
    pub reply_code: Option<u16>,
    pub rule: Option<&'static RuleDoc>,
    /// Why the context of the words changed the reason they gave (`context.toml`).
    pub context: Option<&'static TextDoc>,
    /// The reason the status code suggests, when the words say another.
    pub conflict: Option<Reason>,
    pub temporary: bool,
    pub secondary: &'a [StatusCode],
    /// The words of a summary ("retry timeout exceeded") that a named cause or a specific
    /// code outweighed.
    pub summary: Option<&'a str>,
    pub truncated: bool,
    /// The report is a delay warning: the sending server is still trying.
    pub warning: bool,
    pub no_code: bool,
    /// The reason is a best guess from the words' likeness to known wordings.
    pub guessed: bool,
    pub nothing_found: bool,
}

/// The localized texts of a diagnosis.
pub(super) struct Texts {
    pub summary: String,
    pub explanation: String,
    pub advice: Vec<Advice>,
}

/// Sentences written one after another as the language joins them: with a space in
/// English, with nothing in Japanese. Pieces are trimmed; empty pieces are left out.
struct Prose {
    lang: Lang,
    text: String,
}

impl Prose {
    fn new(lang: Lang) -> Prose {
        Prose {
            lang,
            // Most explanations are 0.7 to 1.5 kB: room for them without growing the
            // string four or five times.
            text: String::with_capacity(1024),
        }
    }

    /// Starts a piece that is known not to be empty.
    fn start(&mut self) -> &mut String {
        if !self.text.is_empty() && self.lang == Lang::En {
            self.text.push(' ');
        }
        &mut self.text
    }

    /// Adds a piece as it is.
    fn add(&mut self, piece: &str) {
        let piece = piece.trim();
        if !piece.is_empty() {
            self.start().push_str(piece);
        }
    }
}

/// Appends `text` as a sentence: trimmed, with a full stop when it has no end mark.
fn sentence(out: &mut String, lang: Lang, text: &str) {
    let text = text.trim();
    out.push_str(text);
    if !text.ends_with(['.', '。', '!', '?', '！', '？']) {
        out.push_str(match lang {
            Lang::En => ".",
            Lang::Ja => "。",
        });
    }
}

pub(super) fn compose(
    kb: &Knowledge,
    facts: &Facts<'_>,
    advice_ids: &[String],
    lang: Lang,
) -> Texts {
    let doc = kb.reason(facts.reason);
    let mut prose = Prose::new(lang);
    if facts.warning {
        prose.add(kb.label("note.warning", lang));
    }
    let colon = if lang == Lang::Ja { "：" } else { ": " };

    // What the code means.
    if let Some(code) = facts
        .status
        .and_then(|s| kb.enhanced_code(s).map(|d| (s, d)))
    {
        let (s, d) = code;
        let out = prose.start();
        out.push_str(&s.to_string());
        out.push_str(colon);
        sentence(out, lang, lang.pick(&d.title));
        prose.add(lang.pick(&d.meaning));
    } else if let Some((c, d)) = facts
        .reply_code
        .and_then(|c| kb.reply_code(c).map(|d| (c, d)))
    {
        let out = prose.start();
        out.push_str(&c.to_string());
        out.push_str(colon);
        sentence(out, lang, lang.pick(&d.title));
        prose.add(lang.pick(&d.meaning));
    }
    if facts.temporary {
        prose.add(kb.label("note.temporary", lang));
    }
    // What the context of the words adds.
    if let Some(note) = facts.context {
        prose.add(lang.pick(note));
    }
    // What the wording adds.
    if let Some(note) = facts.rule.and_then(|r| r.note.as_ref()) {
        prose.add(lang.pick(note));
    }
    // The likely causes, most likely first.
    let pending = facts.warning && super::steps::warning::is_pending(facts.reason);
    if !pending && (facts.reason != Reason::Undefined || !facts.nothing_found) {
        let causes = match facts.rule {
            Some(rule) if !rule.causes.is_empty() => &rule.causes,
            _ => &doc.causes,
        };
        if !causes.is_empty() {
            prose.add(kb.label("note.causes", lang));
            for (i, c) in causes.iter().enumerate() {
                let out = prose.start();
                let (open, close) = match lang {
                    Lang::En => ("(", ") "),
                    Lang::Ja => ("（", "）"),
                };
                out.push_str(open);
                out.push_str(&(i + 1).to_string());
                out.push_str(close);
                sentence(out, lang, lang.pick(c));
            }
        }
    }
    // What is uncertain.
    let mut doubts: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    if let Some(u) = facts
        .rule
        .and_then(|r| r.uncertain.as_ref())
        .or(doc.uncertain.as_ref().filter(|_| !pending))
    {
        doubts.push(lang.pick(u).into());
    }
    if let Some(code_reason) = facts.conflict {
        let words = lang.pick(&doc.title);
        let code = lang.pick(&kb.reason(code_reason).title);
        doubts.push(
            kb.label("note.code_conflict", lang)
                .replace("{words}", words)
                .replace("{code}", code)
                .into(),
        );
    }
    for s in facts.secondary {
        let generic = s.is_generic() || facts.status.is_some_and(|p| p.class == s.class);
        if generic {
            doubts.push(
                kb.label("note.secondary_code", lang)
                    .replace("{code}", &s.to_string())
                    .into(),
            );
        }
    }
    if let Some(words) = facts.summary {
        doubts.push(
            kb.label("note.summary_words", lang)
                .replace("{words}", words)
                .into(),
        );
    }
    if facts.guessed {
        doubts.push(kb.label("note.guess", lang).into());
    }
    if facts.nothing_found {
        doubts.push(kb.label("note.nothing_found", lang).into());
    } else if facts.no_code {
        doubts.push(kb.label("note.no_code", lang).into());
    }
    if facts.truncated {
        doubts.push(kb.label("note.truncated", lang).into());
    }
    if !doubts.is_empty() {
        prose.add(kb.label("note.uncertain", lang));
        for doubt in &doubts {
            prose.add(doubt);
        }
    }

    let advice = crate::catalog::advice(kb, advice_ids, lang);
    let summary = if pending {
        kb.label("summary.delayed", lang).to_string()
    } else if facts.warning {
        kb.label("summary.delayed_because", lang)
            .replace("{cause}", lang.pick(&doc.title))
    } else {
        lang.pick(
            facts
                .rule
                .and_then(|r| r.summary.as_ref())
                .unwrap_or(&doc.summary),
        )
        .to_string()
    };
    Texts {
        summary,
        explanation: prose.text,
        advice,
    }
}
