//! Finding what a diagnosis rests on inside the text it was made from, so that the page can
//! highlight it. Evidence carries the matched words as written; the engine matched them with
//! white space collapsed and case ignored, so the search here does the same.

use bouncedoc_core::{Evidence, EvidenceKind};
use regex::RegexBuilder;

/// The most marks put in one text.
const MAX_MARKS: usize = 500;

/// A run of the text: plain, or marked as evidence of a kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    /// The words.
    pub text: &'a str,
    /// The kind of evidence they are, if any.
    pub kind: Option<EvidenceKind>,
}

/// The CSS class of a kind of evidence.
pub(crate) fn class(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::ReplyCode | EvidenceKind::Status => "ev ev-code",
        EvidenceKind::SecondaryCode => "ev ev-secondary",
        EvidenceKind::Rule
        | EvidenceKind::Field
        | EvidenceKind::Context
        | EvidenceKind::Resembles => "ev ev-rule",
        EvidenceKind::Provider => "ev ev-provider",
        EvidenceKind::Mta => "ev ev-mta",
    }
}

fn pattern(words: &str) -> Option<String> {
    let parts: Vec<String> = words.split_whitespace().map(regex::escape).collect();
    if parts.is_empty() {
        return None;
    }
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let trimmed = words.trim();
    let start = if word_char(trimmed.chars().next()) {
        r"\b"
    } else {
        ""
    };
    let end = if word_char(trimmed.chars().last()) {
        r"\b"
    } else {
        ""
    };
    Some(format!("{start}{}{end}", parts.join(r"\s+")))
}

/// Splits `text` into pieces, marking every place where an evidence's words occur.
pub(crate) fn highlight<'a>(text: &'a str, evidence: &[Evidence]) -> Vec<Piece<'a>> {
    let mut spans: Vec<(usize, usize, EvidenceKind)> = Vec::new();
    for e in evidence {
        let Some(p) = pattern(&e.text) else { continue };
        let Ok(re) = RegexBuilder::new(&p)
            .case_insensitive(true)
            .size_limit(1 << 20)
            .build()
        else {
            continue;
        };
        spans.extend(
            re.find_iter(text)
                .filter(|m| !m.is_empty())
                .take(MAX_MARKS)
                .map(|m| (m.start(), m.end(), e.kind)),
        );
    }
    // Earlier first; at the same place, the longer one.
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut pieces = Vec::new();
    let mut at = 0;
    let mut marks = 0;
    for (start, end, kind) in spans {
        if start < at || marks >= MAX_MARKS {
            continue;
        }
        if start > at {
            pieces.push(Piece {
                text: &text[at..start],
                kind: None,
            });
        }
        pieces.push(Piece {
            text: &text[start..end],
            kind: Some(kind),
        });
        marks += 1;
        at = end;
    }
    if at < text.len() {
        pieces.push(Piece {
            text: &text[at..],
            kind: None,
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EvidenceKind, text: &str) -> Evidence {
        Evidence {
            kind,
            id: None,
            text: text.to_string(),
            note: None,
        }
    }

    #[test]
    fn marks_across_line_breaks_and_case() {
        let text = "550-5.1.1 The email ACCOUNT that you\n   tried; 550";
        let pieces = highlight(
            text,
            &[
                ev(EvidenceKind::ReplyCode, "550"),
                ev(EvidenceKind::Rule, "account that you tried"),
            ],
        );
        let marked: Vec<&str> = pieces
            .iter()
            .filter(|p| p.kind.is_some())
            .map(|p| p.text)
            .collect();
        assert_eq!(marked, ["550", "ACCOUNT that you\n   tried", "550"]);
        let joined: String = pieces.iter().map(|p| p.text).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn codes_match_whole_words_only() {
        let pieces = highlight("15501 550", &[ev(EvidenceKind::ReplyCode, "550")]);
        assert_eq!(
            pieces,
            vec![
                Piece {
                    text: "15501 ",
                    kind: None
                },
                Piece {
                    text: "550",
                    kind: Some(EvidenceKind::ReplyCode)
                }
            ]
        );
    }
}
