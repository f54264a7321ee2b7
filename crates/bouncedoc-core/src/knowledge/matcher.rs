//! Matching every rule's phrases and patterns against a text in one pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

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
#[derive(Debug)]
pub struct Matcher {
    phrases: AhoCorasick,
    phrase_entry: Vec<usize>,
    regex_set: RegexSet,
    patterns: Vec<String>,
    /// Each pattern on its own, compiled the first time the set reports it (only then is
    /// its span needed), so that start-up compiles every pattern once, not twice.
    regexes: Vec<OnceLock<Option<Regex>>>,
    regex_entry: Vec<usize>,
}

/// A pattern that does not compile (the build checks prevent this; kept as a type so that
/// the library never panics on its own data).
#[derive(Debug, thiserror::Error)]
#[error("knowledge pattern does not compile: {0}")]
pub struct PatternError(String);

impl Matcher {
    /// Builds a matcher from `(entry, phrases, regexes)` triples.
    pub fn new<'a>(
        entries: impl IntoIterator<Item = (usize, &'a [String], &'a [String])>,
    ) -> Result<Matcher, PatternError> {
        let mut phrases = Vec::new();
        let mut phrase_entry = Vec::new();
        let mut patterns = Vec::new();
        let mut regex_entry = Vec::new();
        for (entry, ps, rs) in entries {
            for p in ps {
                phrases.push(normalize_phrase(p));
                phrase_entry.push(entry);
            }
            for r in rs {
                patterns.push(r.clone());
                regex_entry.push(entry);
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&phrases)
            .map_err(|e| PatternError(e.to_string()))?;
        // The knowledge base's patterns together exceed the regex crate's default size
        // limit; they are compiled once per process, so a larger one costs little.
        // Matched on bytes without Unicode classes: `\w`, `\s` and `.` as ASCII make the
        // automaton many times smaller and faster to build, and the texts are already
        // lower-cased and white-space-normalized. Non-ASCII literals still match as UTF-8.
        let regex_set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .unicode(false)
            .size_limit(256 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| PatternError(e.to_string()))?;
        let regexes = patterns.iter().map(|_| OnceLock::new()).collect();
        Ok(Matcher {
            phrases: ac,
            phrase_entry,
            regex_set,
            patterns,
            regexes,
            regex_entry,
        })
    }

    /// Every match in `text`: all phrases (overlapping ones too) and every regex that
    /// matches (its first match).
    pub fn find_all(&self, text: &Normalized<'_>) -> Vec<Hit> {
        let hay = text.as_str();
        let mut hits: Vec<Hit> = self
            .phrases
            .find_overlapping_iter(hay)
            .map(|m| Hit {
                entry: self.phrase_entry[m.pattern().as_usize()],
                start: m.start(),
                end: m.end(),
            })
            .collect();
        if !self.regexes.is_empty() {
            for i in self.regex_set.matches(hay.as_bytes()).iter() {
                let regex = self.regexes[i].get_or_init(|| {
                    RegexBuilder::new(&self.patterns[i])
                        .case_insensitive(true)
                        .unicode(false)
                        .build()
                        .ok()
                });
                if let Some(m) = regex.as_ref().and_then(|r| r.find(hay.as_bytes())) {
                    hits.push(Hit {
                        entry: self.regex_entry[i],
                        start: m.start(),
                        end: m.end(),
                    });
                }
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text = Normalized::new("550 user   UNKNOWN; Mailbox taro is full");
        let mut hits = m.find_all(&text);
        hits.sort_by_key(|h| (h.entry, h.start));
        let entries: Vec<usize> = hits.iter().map(|h| h.entry).collect();
        assert_eq!(entries, vec![0, 1, 2]);
        assert_eq!(
            text.source_span(hits[0].start, hits[0].end),
            "user   UNKNOWN"
        );
    }
}
