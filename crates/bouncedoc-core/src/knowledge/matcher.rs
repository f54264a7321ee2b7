//! Matching every rule's phrases and patterns against a text in one pass.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use regex::bytes::{RegexSet, RegexSetBuilder};
use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::gate::Gate;
use crate::reply::{Normalized, normalize_phrase};

/// One match of one entry: which entry (rule or hint), and where in the normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The entry's index, as given when the matcher was built.
    pub entry: usize,
    /// Start of the match in the normalized text.
    pub start: usize,
    /// End of the match in the normalized text.
    pub end: usize,
}

impl Hit {
    /// The length of the matched text.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty match (which the knowledge checks do not allow).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// A set of phrases and regular expressions, each belonging to an entry, compiled once.
///
/// Phrases are found by one Aho-Corasick pass (the first few short texts, by a search for each
/// phrase: see [`DIRECT_TEXTS`]). Each regular expression has a [`Gate`]
/// where one can be read from it: the literals a text must hold for it to match. Those
/// literals go into the same pass, and a regular expression runs on its own only when its
/// gate holds. The few without a gate are matched together as one `RegexSet`. (One set of
/// every pattern, run over every text, kept its lazy DFA building new states message
/// after message: 14% of a warm `parse` profile.)
#[derive(Debug)]
pub struct Matcher {
    /// Phrases first (`0..phrase_entry.len()`), then the gates' distinct literals.
    literals: Vec<Vec<u8>>,
    /// The automaton of the literals, built the first time a text is not searched directly
    /// (`None` if it could not be built: every text is then searched directly).
    automaton: OnceLock<Option<AhoCorasick>>,
    /// How many more texts may be searched directly, without the automaton.
    direct_left: AtomicUsize,
    phrase_entry: Vec<usize>,
    /// For each gate literal, the regexes whose gates use it.
    literal_regexes: Vec<Vec<usize>>,
    /// For each regex, its gate over gate literal indices (`None`: matched in `ungated`).
    gates: Vec<Option<Gate<usize>>>,
    /// The regexes without a gate, as one set, and the regex index of each set member.
    ungated: Option<(RegexSet, Vec<usize>)>,
    patterns: Vec<String>,
    /// Each pattern on its own, compiled the first time it is needed, so that start-up
    /// compiles only the set of ungated patterns.
    regexes: Vec<OnceLock<Option<Regex>>>,
    /// The same patterns compiled with a lazy DFA, for texts longer than [`LONG_TEXT`].
    long_regexes: Vec<OnceLock<Option<Regex>>>,
    regex_entry: Vec<usize>,
}

/// How many texts a matcher searches for each literal on its own before it builds its
/// automaton, if they are no longer than [`DIRECT_MAX_LEN`].
///
/// Building the automaton of the knowledge's 3,500 literals is the larger part of the
/// engine's start-up (5 to 7 ms), and `explain` reads one short text: searching it for each
/// literal with `memchr::memmem` takes a fraction of a millisecond. A batch builds the
/// automaton after its first few texts, and searches every other text in one pass.
pub const DIRECT_TEXTS: usize = 4;

/// The longest text searched for each literal on its own (in bytes).
pub const DIRECT_MAX_LEN: usize = 2048;

/// A pattern that does not compile (the build checks prevent this; kept as a type so that
/// the library never panics on its own data).
#[derive(Debug, thiserror::Error)]
#[error("knowledge pattern does not compile: {0}")]
pub struct PatternError(String);

/// One gated pattern, compiled to search without a lazy DFA.
///
/// A gated pattern runs on one text in a few hundred, so its lazy DFA is cold each time:
/// in a `parse` run, every byte it reads was a cache miss, and a search of a 250-byte reply
/// took 25 to 35 µs where a warm one takes 1. The bounded backtracker reads the pattern's
/// small NFA instead: over the corpus, the gated patterns cost 1.6 µs a message this way
/// against 2.6 to 3.2 µs with the lazy DFA (the same matches; a warm loop over the same
/// texts is 0.6 µs slower, which no real run sees).
fn build_regex(pattern: &str) -> Option<Regex> {
    build(
        pattern,
        Regex::config().hybrid(false).dfa(false).onepass(false),
    )
}

/// Texts longer than this (in bytes) are searched by [`build_long_regex`]'s build.
///
/// The backtracker's work grows with the text's length times the pattern's size: on a
/// 60 kB text that holds the words of many gates (a whole bounce pasted, or a report that
/// quotes pages), a message took a second. Replies are a few hundred bytes; a longer text
/// is rare, and worth the lazy DFA's cold start.
pub const LONG_TEXT: usize = 4096;

/// One gated pattern, compiled with a lazy DFA, whose time grows with the text's length
/// alone: for texts longer than [`LONG_TEXT`].
fn build_long_regex(pattern: &str) -> Option<Regex> {
    build(pattern, Regex::config().dfa(false))
}

/// A pattern compiled with `config`, on bytes, without case, without Unicode classes.
fn build(pattern: &str, config: regex_automata::meta::Config) -> Option<Regex> {
    Regex::builder()
        .syntax(
            syntax::Config::new()
                .case_insensitive(true)
                .unicode(false)
                .utf8(false),
        )
        .configure(config.utf8_empty(false))
        .build(pattern)
        .ok()
}

impl Matcher {
    /// Builds a matcher from `(entry, phrases, regexes)` triples, reading each regex's gate
    /// from its syntax.
    pub fn new<'a>(
        entries: impl IntoIterator<Item = (usize, &'a [String], &'a [String])>,
    ) -> Result<Matcher, PatternError> {
        Matcher::with_gates(entries, Gate::of_pattern)
    }

    /// Builds a matcher from `(entry, phrases, regexes)` triples, with `gate_of` giving each
    /// regex's gate (read when the crate was built, for the embedded knowledge).
    pub(crate) fn with_gates<'a>(
        entries: impl IntoIterator<Item = (usize, &'a [String], &'a [String])>,
        gate_of: impl Fn(&str) -> Option<Gate>,
    ) -> Result<Matcher, PatternError> {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut phrase_entry = Vec::new();
        let mut patterns = Vec::new();
        let mut regex_entry = Vec::new();
        for (entry, ps, rs) in entries {
            for p in ps {
                literals.push(normalize_phrase(p).into_bytes());
                phrase_entry.push(entry);
            }
            for r in rs {
                patterns.push(r.clone());
                regex_entry.push(entry);
            }
        }
        let mut literal_index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literal_regexes: Vec<Vec<usize>> = Vec::new();
        let mut gates = Vec::new();
        let mut ungated_patterns = Vec::new();
        let mut ungated_index = Vec::new();
        for (i, pattern) in patterns.iter().enumerate() {
            let Some(gate) = gate_of(pattern) else {
                ungated_patterns.push(pattern.as_str());
                ungated_index.push(i);
                gates.push(None);
                continue;
            };
            let gate = gate.map(&mut |literal: Vec<u8>| {
                let next = literal_index.len();
                let at = *literal_index.entry(literal.clone()).or_insert(next);
                if at == next {
                    literals.push(literal);
                    literal_regexes.push(Vec::new());
                }
                if literal_regexes[at].last() != Some(&i) {
                    literal_regexes[at].push(i);
                }
                at
            });
            gates.push(Some(gate));
        }
        // Matched on bytes without Unicode classes: `\w`, `\s` and `.` as ASCII make the
        // automaton many times smaller and faster to build, and the texts are already
        // lower-cased and white-space-normalized. Non-ASCII literals still match as UTF-8.
        let ungated = if ungated_patterns.is_empty() {
            None
        } else {
            let set = RegexSetBuilder::new(&ungated_patterns)
                .case_insensitive(true)
                .unicode(false)
                .size_limit(64 << 20)
                .dfa_size_limit(16 << 20)
                .build()
                .map_err(|e| PatternError(e.to_string()))?;
            Some((set, ungated_index))
        };
        let regexes = patterns.iter().map(|_| OnceLock::new()).collect();
        let long_regexes = patterns.iter().map(|_| OnceLock::new()).collect();
        Ok(Matcher {
            literals,
            automaton: OnceLock::new(),
            direct_left: AtomicUsize::new(DIRECT_TEXTS),
            phrase_entry,
            literal_regexes,
            gates,
            ungated,
            patterns,
            regexes,
            long_regexes,
            regex_entry,
        })
    }

    /// Calls `found(literal, start, end)` for every occurrence of every literal in `hay`
    /// (overlapping ones too), in the automaton's order: by where they end, the longer of two
    /// ending together first.
    fn each_literal_match(&self, hay: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let direct = self.automaton.get().is_none()
            && hay.len() <= DIRECT_MAX_LEN
            && self
                .direct_left
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .is_ok();
        let automaton = if direct {
            None
        } else {
            self.automaton
                .get_or_init(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(&self.literals)
                        .ok()
                })
                .as_ref()
        };
        match automaton {
            Some(ac) => {
                for m in ac.find_overlapping_iter(hay) {
                    found(m.pattern().as_usize(), m.start(), m.end());
                }
            }
            None => {
                for (id, start, end) in self.direct_matches(hay) {
                    found(id, start, end);
                }
            }
        }
    }

    /// The matches of [`Matcher::each_literal_match`], found by a search for each literal on
    /// its own.
    fn direct_matches(&self, hay: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for (id, literal) in self.literals.iter().enumerate() {
            if literal.is_empty() {
                continue;
            }
            // Overlapping occurrences, as the automaton reports them: `memmem::find_iter`
            // skips past each match, so the search restarts one byte after each start.
            let mut from = 0;
            while let Some(at) = memchr::memmem::find(&hay[from..], literal) {
                let start = from + at;
                found.push((id, start, start + literal.len()));
                from = start + 1;
            }
        }
        found.sort_unstable_by_key(|&(id, start, end)| (end, std::cmp::Reverse(end - start), id));
        found
    }

    /// How many regexes are matched behind a literal gate, and how many without one.
    pub fn gate_counts(&self) -> (usize, usize) {
        let gated = self.gates.iter().filter(|g| g.is_some()).count();
        (gated, self.gates.len() - gated)
    }

    /// Every match in `text`: all phrases (overlapping ones too) and every regex that
    /// matches (its first match).
    pub fn find_all(&self, text: &Normalized) -> Vec<Hit> {
        let hay = text.as_str();
        let phrases = self.phrase_entry.len();
        let mut hits = Vec::new();
        let mut present = vec![false; self.literal_regexes.len()];
        let mut candidates: Vec<usize> = Vec::new();
        self.each_literal_match(hay.as_bytes(), |id, start, end| {
            match self.phrase_entry.get(id) {
                Some(&entry) => hits.push(Hit { entry, start, end }),
                None if !present[id - phrases] => {
                    present[id - phrases] = true;
                    candidates.extend(&self.literal_regexes[id - phrases]);
                }
                None => {}
            }
        });
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| {
            self.gates[i]
                .as_ref()
                .is_some_and(|g| g.holds(&|&l: &usize| present[l]))
        });
        if let Some((set, index)) = &self.ungated {
            candidates.extend(set.matches(hay.as_bytes()).iter().map(|i| index[i]));
            candidates.sort_unstable();
        }
        let long = hay.len() > LONG_TEXT;
        for i in candidates {
            let regex = if long {
                self.long_regexes[i].get_or_init(|| build_long_regex(&self.patterns[i]))
            } else {
                self.regexes[i].get_or_init(|| build_regex(&self.patterns[i]))
            };
            if let Some(m) = regex.as_ref().and_then(|r| r.find(hay.as_bytes())) {
                hits.push(Hit {
                    entry: self.regex_entry[i],
                    start: m.start(),
                    end: m.end(),
                });
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gated_and_ungated_regexes_both_match() {
        let none: Vec<String> = vec![];
        let gated = [r"quota \S+ exceeded".to_string()];
        let ungated = [r"\w+ (?:fu|o)l?".to_string()];
        let m = Matcher::new([(0, &none[..], &gated[..]), (1, &none[..], &ungated[..])]).unwrap();
        assert_eq!(m.gate_counts(), (1, 1));
        let text = Normalized::new("452 Mailbox FULL; QUOTA 100% exceeded");
        let mut entries: Vec<usize> = m.find_all(&text).iter().map(|h| h.entry).collect();
        entries.sort();
        assert_eq!(entries, vec![0, 1]);
        assert!(m.find_all(&Normalized::new("quota fine")).is_empty());
        // A long text is searched by the lazy-DFA build: the same matches, moved.
        let filler = "word ".repeat(LONG_TEXT / 5 + 1);
        let long = Normalized::new(&format!("{filler}452 Mailbox FULL; QUOTA 100% exceeded"));
        assert!(long.as_str().len() > LONG_TEXT);
        let mut hits = m.find_all(&long);
        hits.sort_by_key(|h| h.entry);
        let short = m.find_all(&text);
        assert_eq!(hits.len(), 2);
        let gated = short.iter().find(|h| h.entry == 0).unwrap();
        assert_eq!(hits[0].start, gated.start + filler.len());
        assert_eq!(hits[0].len(), gated.len());
    }

    /// The patterns are compiled without a lazy DFA (and with one, for long texts); the
    /// matches must be those of the regex crate's usual build, on every example of the
    /// knowledge base.
    #[test]
    fn the_backtracking_build_finds_what_the_regex_crate_finds() {
        use crate::knowledge::testing::{examples, patterns, reference_regex};
        let texts = examples();
        let mut compared = 0;
        for pattern in patterns() {
            let ours = build_regex(pattern).expect("compiles");
            let long = build_long_regex(pattern).expect("compiles");
            let usual = reference_regex(pattern);
            for text in &texts {
                let hay = text.as_str().as_bytes();
                let a = ours.find(hay).map(|m| m.range());
                let b = usual.find(hay).map(|m| m.range());
                assert_eq!(a, b, "{pattern} on {:?}", text.as_str());
                assert_eq!(
                    long.find(hay).map(|m| m.range()),
                    b,
                    "{pattern} (long build)"
                );
                compared += usize::from(b.is_some());
            }
        }
        assert!(compared >= 150, "only {compared} matches compared");
    }

    /// The search for each literal on its own finds what the automaton finds, in the same
    /// order, on every example of the knowledge base and on a long text of them all.
    #[test]
    fn the_direct_search_finds_what_the_automaton_finds() {
        use crate::knowledge::Knowledge;
        use crate::knowledge::testing::examples;
        let kb = Knowledge::shared().expect("knowledge loads");
        let m = Matcher::new(
            kb.rules
                .iter()
                .enumerate()
                .map(|(i, r)| (i, &r.doc.phrases[..], &r.doc.regex[..])),
        )
        .unwrap();
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&m.literals)
            .unwrap();
        let texts = examples();
        let all = texts
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let mut found = 0;
        for hay in texts
            .iter()
            .map(|t| t.as_str())
            .chain([all.as_str(), "aaaa"])
        {
            let expected: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(hay)
                .map(|h| (h.pattern().as_usize(), h.start(), h.end()))
                .collect();
            assert_eq!(m.direct_matches(hay.as_bytes()), expected, "{hay:?}");
            found += expected.len();
        }
        assert!(found >= 5000, "only {found} literal matches compared");
    }

    /// A matcher searches its first few short texts directly and then builds its automaton;
    /// the hits are the same either way.
    #[test]
    fn the_automaton_is_built_after_the_first_texts() {
        let phrases = ["mailbox full".to_string(), "full".to_string()];
        let none: Vec<String> = vec![];
        let m = Matcher::new([(0, &phrases[..], &none[..])]).unwrap();
        let text = Normalized::new("452 Mailbox full, mailbox FULL");
        let first = m.find_all(&text);
        assert_eq!(first.len(), 4);
        for _ in 1..DIRECT_TEXTS {
            assert_eq!(m.find_all(&text), first);
        }
        assert!(m.automaton.get().is_none());
        assert_eq!(m.find_all(&text), first);
        assert!(m.automaton.get().is_some_and(Option::is_some));
        // A long text is never searched directly.
        let fresh = Matcher::new([(0, &phrases[..], &none[..])]).unwrap();
        let long = Normalized::new(&"mailbox full ".repeat(DIRECT_MAX_LEN / 13 + 1));
        assert_eq!(fresh.find_all(&long).len(), 2 * (DIRECT_MAX_LEN / 13 + 1));
        assert!(fresh.automaton.get().is_some());
    }

    #[test]
    fn phrases_and_regexes_in_one_pass() {
        let p0 = ["User Unknown".to_string()];
        let p1 = ["unknown".to_string()];
        let r2 = [r"mailbox \S+ is full".to_string()];
        let none: Vec<String> = vec![];
        let m = Matcher::new([
            (0, &p0[..], &none[..]),
            (1, &p1[..], &none[..]),
            (2, &none[..], &r2[..]),
        ])
        .unwrap();
        let src = "550 user   UNKNOWN; Mailbox taro is full";
        let text = Normalized::new(src);
        let mut hits = m.find_all(&text);
        hits.sort_by_key(|h| (h.entry, h.start));
        let entries: Vec<usize> = hits.iter().map(|h| h.entry).collect();
        assert_eq!(entries, vec![0, 1, 2]);
        assert_eq!(
            text.source_span(src, hits[0].start, hits[0].end),
            "user   UNKNOWN"
        );
    }
}
