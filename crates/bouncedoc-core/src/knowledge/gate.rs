//! Literal gates: what a text must contain before a regular expression is worth running.
//!
//! A gate is read from the pattern's syntax tree: a literal must occur; every part of a
//! concatenation must occur; one branch of an alternation must occur. The literals go into
//! the same Aho-Corasick pass as the knowledge base's phrases, so a text pays for a
//! regular expression only when everything it needs is there. The regex crate keeps the
//! literals of its own prefilter to itself, and it cannot say "both of these words", which
//! is what most knowledge patterns (`A .* B | B .* A`) mean; hence this module.

use regex_syntax::hir::{Hir, HirKind};

/// Literals shorter than this are too common to be worth a gate.
pub const MIN_LITERAL_LEN: usize = 3;

/// A condition on which literals a text holds; a literal is its bytes (ASCII-lower-cased)
/// when read from a pattern, and its index among the matcher's literals once built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate<L = Vec<u8>> {
    /// This literal occurs.
    Literal(L),
    /// Every one of these holds.
    All(Vec<Gate<L>>),
    /// At least one of these holds.
    Any(Vec<Gate<L>>),
}

impl<L> Gate<L> {
    /// The same gate with each literal replaced by `f(literal)`.
    pub fn map<M>(self, f: &mut impl FnMut(L) -> M) -> Gate<M> {
        match self {
            Gate::Literal(l) => Gate::Literal(f(l)),
            Gate::All(gs) => Gate::All(gs.into_iter().map(|g| g.map(f)).collect()),
            Gate::Any(gs) => Gate::Any(gs.into_iter().map(|g| g.map(f)).collect()),
        }
    }

    /// Whether the gate holds when `present` says which literals occur.
    pub fn holds(&self, present: &impl Fn(&L) -> bool) -> bool {
        match self {
            Gate::Literal(l) => present(l),
            Gate::All(gs) => gs.iter().all(|g| g.holds(present)),
            Gate::Any(gs) => gs.iter().any(|g| g.holds(present)),
        }
    }
}

impl Gate {
    /// The gate of a pattern, or `None` when nothing it must contain is long enough to
    /// tell (the pattern is then matched on every text).
    ///
    /// The pattern is read with case kept, and its literals are lower-cased: the texts it
    /// runs on are lower-cased, so where the case-insensitive pattern matches, the
    /// lower-cased literal is in the text. A pattern that turns case folding on itself has
    /// classes (`[Aa]`) for letters, and gets no gate from them.
    pub fn of_pattern(pattern: &str) -> Option<Gate> {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(false)
            .utf8(false)
            .build()
            .parse(pattern)
            .ok()?;
        Gate::of(&hir)
    }

    fn of(hir: &Hir) -> Option<Gate> {
        match hir.kind() {
            HirKind::Literal(lit) => {
                (lit.0.len() >= MIN_LITERAL_LEN).then(|| Gate::Literal(lit.0.to_ascii_lowercase()))
            }
            HirKind::Capture(cap) => Gate::of(&cap.sub),
            HirKind::Repetition(rep) if rep.min >= 1 => Gate::of(&rep.sub),
            HirKind::Concat(subs) => {
                let mut all: Vec<Gate> = subs.iter().filter_map(Gate::of).collect();
                match all.len() {
                    0 => None,
                    1 => all.pop(),
                    _ => Some(Gate::All(all)),
                }
            }
            // Every branch must have a gate: one without could match anywhere.
            HirKind::Alternation(subs) => {
                let any: Option<Vec<Gate>> = subs.iter().map(Gate::of).collect();
                Some(Gate::Any(any?))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Gate {
        Gate::Literal(s.as_bytes().to_vec())
    }

    #[test]
    fn literal_concatenation_and_alternation() {
        assert_eq!(
            Gate::of_pattern(r"Mailbox \S+ is full"),
            Some(Gate::All(vec![lit("mailbox "), lit(" is full")]))
        );
        assert_eq!(
            Gate::of_pattern(r"(?:user|recipient) unknown"),
            Some(Gate::All(vec![
                Gate::Any(vec![lit("user"), lit("recipient")]),
                lit(" unknown")
            ]))
        );
    }

    #[test]
    fn both_words_in_either_order() {
        let gate = Gate::of_pattern(r"(?:quota exceeded).*(?:gmail)|(?:gmail).*(?:quota exceeded)")
            .unwrap();
        let with = |words: &[&str]| {
            let words: Vec<Vec<u8>> = words.iter().map(|w| w.as_bytes().to_vec()).collect();
            gate.holds(&|l: &Vec<u8>| words.contains(l))
        };
        assert!(with(&["gmail", "quota exceeded"]));
        assert!(!with(&["gmail"]));
        assert!(!with(&["quota exceeded"]));
    }

    #[test]
    fn no_gate_without_a_literal_every_match_needs() {
        assert_eq!(Gate::of_pattern(r"\d+ ?x"), None);
        assert_eq!(Gate::of_pattern(r"[a-z]+@[a-z]+"), None);
        // An optional part or a short branch cannot be required.
        assert_eq!(Gate::of_pattern(r"(?:mailbox)? a"), None);
        assert_eq!(Gate::of_pattern(r"(?:mailbox full|a)"), None);
    }

    #[test]
    fn optional_parts_are_left_out_of_a_concatenation() {
        assert_eq!(
            Gate::of_pattern(r"(?:the )?mailbox full"),
            Some(lit("mailbox full"))
        );
    }
}
