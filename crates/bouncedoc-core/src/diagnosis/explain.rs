//! Writing the diagnosis's sentences in the reader's language.

use super::Advice;
use crate::knowledge::Knowledge;
use crate::knowledge::schema::RuleDoc;
use crate::lang::Lang;
use crate::status::StatusCode;
use crate::vocab::Reason;

/// What the sentences are written from.
pub(super) struct Facts<'a> {
    pub reason: Reason,
    pub status: Option<StatusCode>,
    pub reply_code: Option<u16>,
    pub rule: Option<&'static RuleDoc>,
    /// The reason the status code suggests, when the words say another.
    pub conflict: Option<Reason>,
    pub temporary: bool,
    pub secondary: &'a [StatusCode],
    pub truncated: bool,
    pub no_code: bool,
    pub nothing_found: bool,
}

/// The localized texts of a diagnosis.
pub(super) struct Texts {
    pub summary: String,
    pub explanation: String,
    pub advice: Vec<Advice>,
}

/// Joins sentences the way the language does: with a space in English, directly in Japanese.
fn join(lang: Lang, parts: &[String]) -> String {
    let sep = match lang {
        Lang::En => " ",
        Lang::Ja => "",
    };
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Ends a title with the language's full stop, unless it has one.
fn sentence(lang: Lang, text: &str) -> String {
    let text = text.trim();
    let stop = match lang {
        Lang::En => ".",
        Lang::Ja => "。",
    };
    if text.ends_with(['.', '。', '!', '?', '！', '？']) {
        text.to_string()
    } else {
        format!("{text}{stop}")
    }
}

pub(super) fn compose(
    kb: &Knowledge,
    facts: &Facts<'_>,
    advice_ids: &[String],
    lang: Lang,
) -> Texts {
    let doc = kb.reason(facts.reason);
    let mut parts = Vec::new();

    // What the code means.
    if let Some(code) = facts
        .status
        .and_then(|s| kb.enhanced_code(s).map(|d| (s, d)))
    {
        let (s, d) = code;
        let colon = if lang == Lang::Ja { "：" } else { ": " };
        parts.push(format!("{s}{colon}{}", sentence(lang, lang.pick(&d.title))));
        parts.push(lang.pick(&d.meaning).to_string());
    } else if let Some((c, d)) = facts
        .reply_code
        .and_then(|c| kb.reply_code(c).map(|d| (c, d)))
    {
        let colon = if lang == Lang::Ja { "：" } else { ": " };
        parts.push(format!("{c}{colon}{}", sentence(lang, lang.pick(&d.title))));
        parts.push(lang.pick(&d.meaning).to_string());
    }
    if facts.temporary {
        parts.push(kb.label("note.temporary", lang).to_string());
    }
    // What the wording adds.
    if let Some(note) = facts.rule.and_then(|r| r.note.as_ref()) {
        parts.push(lang.pick(note).to_string());
    }
    // The likely causes, most likely first.
    if facts.reason != Reason::Undefined || !facts.nothing_found {
        let causes = match facts.rule {
            Some(rule) if !rule.causes.is_empty() => &rule.causes,
            _ => &doc.causes,
        };
        let causes: Vec<String> = causes
            .iter()
            .enumerate()
            .map(|(i, c)| match lang {
                Lang::En => format!("({}) {}", i + 1, sentence(lang, &c.en)),
                Lang::Ja => format!("（{}）{}", i + 1, sentence(lang, &c.ja)),
            })
            .collect();
        if !causes.is_empty() {
            let head = kb.label("note.causes", lang).to_string();
            parts.push(join(lang, &[vec![head], causes].concat()));
        }
    }
    // What is uncertain.
    let mut doubts = Vec::new();
    if let Some(u) = facts
        .rule
        .and_then(|r| r.uncertain.as_ref())
        .or(doc.uncertain.as_ref())
    {
        doubts.push(lang.pick(u).to_string());
    }
    if let Some(code_reason) = facts.conflict {
        let words = lang.pick(&doc.title);
        let code = lang.pick(&kb.reason(code_reason).title);
        doubts.push(
            kb.label("note.code_conflict", lang)
                .replace("{words}", words)
                .replace("{code}", code),
        );
    }
    for s in facts.secondary {
        let generic = s.is_generic() || facts.status.is_some_and(|p| p.class == s.class);
        if generic {
            doubts.push(
                kb.label("note.secondary_code", lang)
                    .replace("{code}", &s.to_string()),
            );
        }
    }
    if facts.nothing_found {
        doubts.push(kb.label("note.nothing_found", lang).to_string());
    } else if facts.no_code {
        doubts.push(kb.label("note.no_code", lang).to_string());
    }
    if facts.truncated {
        doubts.push(kb.label("note.truncated", lang).to_string());
    }
    if !doubts.is_empty() {
        let head = kb.label("note.uncertain", lang).to_string();
        parts.push(join(lang, &[vec![head], doubts].concat()));
    }

    let advice = crate::catalog::advice(kb, advice_ids, lang);
    Texts {
        summary: lang
            .pick(
                facts
                    .rule
                    .and_then(|r| r.summary.as_ref())
                    .unwrap_or(&doc.summary),
            )
            .to_string(),
        explanation: join(lang, &parts),
        advice,
    }
}
