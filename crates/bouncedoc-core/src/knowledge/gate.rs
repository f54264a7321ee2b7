//! Literal gates: what a text must contain before a regular expression is worth running.
//!
//! A gate is read from the pattern's syntax tree: a literal must occur; every part of a
//! concatenation must occur; one branch of an alternation must occur. Neighbouring parts of
//! a concatenation that each spell a few words are joined first (`ib(?:104|105)` needs
//! `ib104` or `ib105`, where `ib` alone is too short to tell anything). The literals go into
//! the same Aho-Corasick pass as the knowledge base's phrases, so a text pays for a
//! regular expression only when everything it needs is there. The regex crate keeps the
//! literals of its own prefilter to itself, and it cannot say "both of these words", which
//! is what most knowledge patterns (`A .* B | B .* A`) mean; hence this module.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Literals shorter than this are too common to be worth a gate.
pub const MIN_LITERAL_LEN: usize = 3;

/// Neighbouring parts are joined while they spell at most this many words together.
const MAX_WORDS: usize = 32;

/// A class of more bytes than this (`[a-z]`, `\d`) is not spelled out: the words around it
/// tell more.
const MAX_CLASS: usize = 8;

/// Every text a part of a pattern matches, lower-cased, when that is a few words (a
/// literal, a choice of them, a small class, an optional one); `None` for anything else.
/// A look-around (`\b`, `^`) matches no text: the empty word.
fn words(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let set = match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => vec![Vec::new()],
        HirKind::Literal(lit) => vec![lit.0.to_ascii_lowercase()],
        HirKind::Class(Class::Bytes(class)) => {
            let mut bytes = Vec::new();
            for range in class.ranges() {
                bytes.extend(range.start()..=range.end());
                if bytes.len() > MAX_CLASS {
                    return None;
                }
            }
            bytes
                .into_iter()
                .map(|b| vec![b.to_ascii_lowercase()])
                .collect()
        }
        HirKind::Capture(cap) => words(&cap.sub)?,
        HirKind::Repetition(rep) if rep.min == 0 && rep.max == Some(1) => {
            let mut set = words(&rep.sub)?;
            set.push(Vec::new());
            set
        }
        HirKind::Alternation(subs) => {
            let mut set = Vec::new();
            for sub in subs {
                set.extend(words(sub)?);
            }
            set
        }
        HirKind::Concat(subs) => {
            let mut set = vec![Vec::new()];
            for sub in subs {
                set = join(&set, &words(sub)?)?;
            }
            set
        }
        _ => return None,
    };
    let mut set = set;
    set.sort_unstable();
    set.dedup();
    (set.len() <= MAX_WORDS).then_some(set)
}

/// Every word of `a` followed by every word of `b`, if that is not too many.
fn join(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_WORDS {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
            .collect(),
    )
}

/// A condition on which literals a text holds; a literal is its bytes (ASCII-lower-cased)
/// when read from a pattern, and its index among the matcher's literals once built.
///
/// The build reads the gates of the embedded patterns and stores them beside the knowledge
/// (`gates.json`), so that start-up does not parse every pattern again.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
                let mut all: Vec<Gate> = Vec::new();
                // The parts of a run of neighbours that each spell a few words, and the
                // words the run spells.
                let mut run: Vec<&Hir> = Vec::new();
                let mut spelled: Vec<Vec<u8>> = vec![Vec::new()];
                for sub in subs {
                    let joined = words(sub).and_then(|w| join(&spelled, &w));
                    match joined {
                        Some(joined) => {
                            run.push(sub);
                            spelled = joined;
                        }
                        None => {
                            all.extend(Gate::of_run(&run, &spelled));
                            (run, spelled) = (Vec::new(), vec![Vec::new()]);
                            match words(sub) {
                                // A part that spells a few words starts the next run.
                                Some(w) => (run, spelled) = (vec![sub], w),
                                None => all.extend(Gate::of(sub)),
                            }
                        }
                    }
                }
                all.extend(Gate::of_run(&run, &spelled));
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

    /// The gate of a run of neighbouring parts that spell `spelled` together: one of those
    /// words, when each is long enough to tell; else the parts' own gates.
    fn of_run(run: &[&Hir], spelled: &[Vec<u8>]) -> Vec<Gate> {
        if run.is_empty() {
            return Vec::new();
        }
        if spelled.iter().all(|w| w.len() >= MIN_LITERAL_LEN) {
            // A word that holds another of the words adds nothing to the choice.
            let holds =
                |w: &[u8], v: &[u8]| v.len() < w.len() && w.windows(v.len()).any(|x| x == v);
            let mut any: Vec<Gate> = spelled
                .iter()
                .filter(|w| !spelled.iter().any(|v| holds(w, v)))
                .cloned()
                .map(Gate::Literal)
                .collect();
            return vec![if any.len() == 1 {
                any.remove(0)
            } else {
                Gate::Any(any)
            }];
        }
        run.iter().filter_map(|sub| Gate::of(sub)).collect()
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
            Some(Gate::Any(vec![
                lit("recipient unknown"),
                lit("user unknown")
            ]))
        );
    }

    #[test]
    fn neighbours_that_spell_a_few_words_are_joined() {
        // `ib` alone is too short to tell; with the codes after it, it is not.
        assert_eq!(
            Gate::of_pattern(r"(?:[^.]*\. )?\bIB(?:104|105)\b"),
            Some(Gate::Any(vec![lit("ib104"), lit("ib105")]))
        );
        assert_eq!(
            Gate::of_pattern(r"lpn[_-]?403"),
            Some(Gate::Any(vec![
                lit("lpn403"),
                lit("lpn-403"),
                lit("lpn_403")
            ]))
        );
        // Too many words together: each part keeps its own gate.
        assert_eq!(
            Gate::of_pattern(r"code [a-z][a-z]\d{3} rejected"),
            Some(Gate::All(vec![lit("code "), lit(" rejected")]))
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

    /// A gate only says when a pattern cannot match: wherever a knowledge pattern matches
    /// one of the knowledge base's examples, its gate must hold.
    #[test]
    fn every_gate_holds_where_its_pattern_matches() {
        use crate::knowledge::testing::{examples, patterns, reference_regex};
        let examples = examples();
        let texts: Vec<&str> = examples.iter().map(|t| t.as_str()).collect();
        let mut checked = 0;
        for pattern in patterns() {
            let regex = reference_regex(pattern);
            let Some(gate) = Gate::of_pattern(pattern) else {
                continue;
            };
            for text in texts.iter().filter(|t| regex.is_match(t.as_bytes())) {
                let present = |l: &Vec<u8>| text.as_bytes().windows(l.len()).any(|w| w == l);
                assert!(gate.holds(&present), "{pattern}: {gate:?} on {text:?}");
                checked += 1;
            }
        }
        assert!(checked >= 150, "only {checked} matches checked");
    }

    #[test]
    fn optional_parts_are_left_out_of_a_concatenation() {
        // (As a choice of two words, one of which holds the other.)
        assert_eq!(
            Gate::of_pattern(r"(?:the )?mailbox full"),
            Some(lit("mailbox full"))
        );
    }
}
