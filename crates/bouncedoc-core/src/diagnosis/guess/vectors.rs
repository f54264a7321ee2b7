//! The TF-IDF vectors of the known wordings: trained from `(rule, wording)` pairs, and
//! written to bytes and read back, so that the crate's build trains them once on the
//! embedded knowledge and the library only reads them.
//!
//! This file is also compiled into the build script (`build.rs`); it uses nothing of the
//! crate but [`tokens`](crate::diagnosis::guess::tokens), [`Normalized`] and the knowledge
//! schema's [`RuleDoc`].

use std::collections::HashMap;

use crate::diagnosis::guess::tokens::{self, Term};
use crate::knowledge::schema::RuleDoc;
use crate::reply::Normalized;

/// The wordings of a rule that the guess learns from: its examples and its phrases. A
/// format's own statement (a rule bound to a server) is read only in its reports and gives
/// no general wording.
pub(crate) fn wordings(doc: &RuleDoc) -> impl Iterator<Item = &str> {
    let general = doc.server.is_empty();
    let examples = doc.example.iter().map(|e| e.input.as_str());
    let phrases = doc.phrases.iter().map(String::as_str);
    examples.chain(phrases).filter(move |_| general)
}

/// The vectors of the known wordings, indexed by term.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Vectors {
    /// How many rules the knowledge they were trained on has (to tell, when they are read,
    /// that they belong to the knowledge in hand).
    pub rule_count: u32,
    /// Each term, by its index.
    pub terms: Vec<String>,
    /// Each term's inverse document frequency.
    pub idf: Vec<f32>,
    /// The idf a term never seen in training would have.
    pub unseen_idf: f32,
    /// For each term, the wordings that hold it and its weight there (by wording, in order).
    pub postings: Vec<Vec<(u32, f32)>>,
    /// The index of each wording's rule.
    pub doc_rules: Vec<u32>,
}

/// Each distinct term with its frequency, damped: `1 + ln(tf)` (sorted, not hashed: the
/// wordings are short).
pub(crate) fn counts(terms: &[Term]) -> Vec<(&str, f32)> {
    let mut texts: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
    texts.sort_unstable();
    let mut tf: Vec<(&str, f32)> = Vec::with_capacity(texts.len());
    for t in texts {
        match tf.last_mut() {
            Some((last, n)) if *last == t => *n += 1.0,
            _ => tf.push((t, 1.0)),
        }
    }
    for (_, v) in &mut tf {
        *v = 1.0 + v.ln();
    }
    tf
}

impl Vectors {
    /// Trains on `(rule index, wording)` pairs, for a knowledge base of `rule_count` rules.
    /// A term's index is the order in which it is first seen, so that the same wordings give
    /// the same vectors.
    pub fn train<'a>(rule_count: u32, wordings: impl IntoIterator<Item = (u32, &'a str)>) -> Self {
        // One pass over the wordings: each one's terms become ids and damped counts at once,
        // so that no wording's terms are kept.
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<String> = Vec::new();
        let mut df: Vec<f32> = Vec::new();
        let mut weighted: Vec<(u32, Vec<(u32, f32)>)> = Vec::new();
        for (rule, w) in wordings {
            let words = tokens::terms(Normalized::new(w).as_str());
            if words.is_empty() {
                continue;
            }
            let tf: Vec<(u32, f32)> = counts(&words)
                .into_iter()
                .map(|(term, f)| {
                    let id = match vocab.get(term) {
                        Some(&id) => id,
                        None => {
                            let id = terms.len() as u32;
                            vocab.insert(term.to_string(), id);
                            terms.push(term.to_string());
                            df.push(0.0);
                            id
                        }
                    };
                    df[id as usize] += 1.0;
                    (id, f)
                })
                .collect();
            weighted.push((rule, tf));
        }
        let n = weighted.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|d| ((1.0 + n) / (1.0 + d)).ln() + 1.0)
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); idf.len()];
        let mut doc_rules = Vec::with_capacity(weighted.len());
        for (d, (rule, mut weights)) in weighted.into_iter().enumerate() {
            for (id, f) in &mut weights {
                *f *= idf[*id as usize];
            }
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (id, w) in weights {
                postings[id as usize].push((d as u32, w / norm));
            }
            doc_rules.push(rule);
        }
        Vectors {
            rule_count,
            terms,
            idf,
            unseen_idf: (1.0 + n).ln() + 1.0,
            postings,
            doc_rules,
        }
    }

    /// The vectors as bytes: little-endian `u32` counts and values, each term's length
    /// before its UTF-8 bytes.
    ///
    /// Written by hand: four flat arrays need no serialization crate, and reading them back
    /// this way takes a fraction of a millisecond where JSON took several.
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "the build script writes the vectors")
    )]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let u32s = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
        out.extend_from_slice(MAGIC);
        u32s(&mut out, self.rule_count);
        u32s(&mut out, self.terms.len() as u32);
        for t in &self.terms {
            u32s(&mut out, t.len() as u32);
            out.extend_from_slice(t.as_bytes());
        }
        for f in &self.idf {
            out.extend_from_slice(&f.to_le_bytes());
        }
        out.extend_from_slice(&self.unseen_idf.to_le_bytes());
        u32s(&mut out, self.doc_rules.len() as u32);
        for &r in &self.doc_rules {
            u32s(&mut out, r);
        }
        for list in &self.postings {
            u32s(&mut out, list.len() as u32);
            for &(d, w) in list {
                u32s(&mut out, d);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Vectors::to_bytes`] wrote; `None` if the bytes are not such vectors.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut r = Reader(bytes.strip_prefix(MAGIC)?);
        let rule_count = r.u32()?;
        let n_terms = r.u32()? as usize;
        let mut terms = Vec::with_capacity(n_terms);
        for _ in 0..n_terms {
            let len = r.u32()? as usize;
            terms.push(std::str::from_utf8(r.take(len)?).ok()?.to_string());
        }
        let idf = (0..n_terms).map(|_| r.f32()).collect::<Option<Vec<_>>>()?;
        let unseen_idf = r.f32()?;
        let n_docs = r.u32()? as usize;
        let doc_rules = (0..n_docs).map(|_| r.u32()).collect::<Option<Vec<_>>>()?;
        let mut postings = Vec::with_capacity(n_terms);
        for _ in 0..n_terms {
            let len = r.u32()? as usize;
            let list = (0..len)
                .map(|_| Some((r.u32()?, r.f32()?)))
                .collect::<Option<Vec<_>>>()?;
            postings.push(list);
        }
        let sound = r.0.is_empty()
            && doc_rules.iter().all(|&rule| rule < rule_count)
            && postings
                .iter()
                .flatten()
                .all(|&(d, _)| (d as usize) < n_docs);
        sound.then_some(Vectors {
            rule_count,
            terms,
            idf,
            unseen_idf,
            postings,
            doc_rules,
        })
    }
}

/// The first bytes of written vectors (and their layout's version).
const MAGIC: &[u8] = b"bouncedoc-guess-vectors-1\n";

/// Reads little-endian values off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_read_back_as_written() {
        let v = Vectors::train(
            3,
            [
                (0, "550 User unknown"),
                (2, "452 Mailbox full"),
                (2, "メールボックスが一杯です"),
                (1, "12345"),
            ],
        );
        // The wording of digits alone has no terms and makes no vector.
        assert_eq!(v.doc_rules, vec![0, 2, 2]);
        let bytes = v.to_bytes();
        assert_eq!(Vectors::from_bytes(&bytes), Some(v));
        assert_eq!(Vectors::from_bytes(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Vectors::from_bytes(b"not vectors"), None);
        let mut extra = bytes.clone();
        extra.push(0);
        assert_eq!(Vectors::from_bytes(&extra), None);
    }

    #[test]
    fn vectors_naming_rules_beyond_the_count_are_refused() {
        let v = Vectors::train(5, [(4, "mailbox full")]);
        let mut bytes = v.to_bytes();
        // rule_count is the first value after the magic.
        bytes[MAGIC.len()..MAGIC.len() + 4].copy_from_slice(&4u32.to_le_bytes());
        assert_eq!(Vectors::from_bytes(&bytes), None);
    }
}
