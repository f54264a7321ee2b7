//! The model of the best guess: TF-IDF vectors of every known wording (each rule's examples
//! and phrases), compared by cosine with the words of a reply; the nearest wordings vote.
//!
//! Written by hand rather than taken from a crate: the whole model is an inverted index and
//! a dot product (about a hundred lines), and the text-classification crates that build on
//! rustc 1.95 bring linear-algebra or tokenizer stacks far larger than the knowledge it is
//! trained on.

use foldhash::HashMap;

use super::tokens::{self, Term};
use crate::knowledge::Knowledge;
use crate::reply::Normalized;
use crate::vocab::Reason;

/// One known wording: an example or a phrase of a rule.
#[derive(Debug)]
struct Doc {
    /// The index of its rule in [`Knowledge::rules`].
    rule: usize,
    reason: Reason,
}

/// The vectors of the known wordings, indexed by term.
#[derive(Debug)]
pub(crate) struct Model {
    /// Each term's index.
    vocab: HashMap<String, u32>,
    /// Each term's inverse document frequency.
    idf: Vec<f32>,
    /// The idf a term never seen in training would have.
    unseen_idf: f32,
    /// For each term, the wordings that hold it and its weight there (by wording, in order).
    postings: Vec<Vec<(u32, f32)>>,
    docs: Vec<Doc>,
}

/// A known wording near the words, with the term they share that weighs most.
#[derive(Debug, Clone)]
pub(crate) struct Neighbour {
    /// The index of its rule in [`Knowledge::rules`].
    pub rule: usize,
    /// Its reason.
    pub reason: Reason,
    /// The cosine similarity, 0 to 1.
    pub similarity: f32,
    /// The shared term that weighs most, as a byte range of the normalized words.
    pub shared: (usize, usize),
}

/// Each distinct term with its frequency, damped: `1 + ln(tf)` (sorted, not hashed: the
/// wordings are short).
fn counts(terms: &[Term]) -> Vec<(&str, f32)> {
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

impl Model {
    /// Trains on the examples and phrases of the rules that `keep` keeps (every rule, for the
    /// engine; four fifths of them, to measure the guess on the rest).
    pub fn train(kb: &Knowledge, keep: impl Fn(usize) -> bool) -> Model {
        // One pass over the wordings: each one's terms become ids and damped counts at once,
        // so that no wording's terms are kept.
        let mut vocab: HashMap<String, u32> = HashMap::default();
        let mut df: Vec<f32> = Vec::new();
        let mut wordings: Vec<(usize, Vec<(u32, f32)>)> = Vec::new();
        for (i, rule) in kb.rules.iter().enumerate() {
            // A format's own statement is read only in its reports: no general wording.
            if !keep(i) || !rule.doc.server.is_empty() {
                continue;
            }
            let texts = rule
                .doc
                .example
                .iter()
                .map(|e| e.input.as_str())
                .chain(rule.doc.phrases.iter().map(String::as_str));
            for w in texts {
                let terms = tokens::terms(Normalized::new(w).as_str());
                if terms.is_empty() {
                    continue;
                }
                let tf: Vec<(u32, f32)> = counts(&terms)
                    .into_iter()
                    .map(|(term, f)| {
                        let id = match vocab.get(term) {
                            Some(&id) => id,
                            None => {
                                let id = vocab.len() as u32;
                                vocab.insert(term.to_string(), id);
                                df.push(0.0);
                                id
                            }
                        };
                        df[id as usize] += 1.0;
                        (id, f)
                    })
                    .collect();
                wordings.push((i, tf));
            }
        }
        let n = wordings.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|d| ((1.0 + n) / (1.0 + d)).ln() + 1.0)
            .collect();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); idf.len()];
        let mut docs = Vec::with_capacity(wordings.len());
        for (d, (rule, mut weights)) in wordings.into_iter().enumerate() {
            for (id, f) in &mut weights {
                *f *= idf[*id as usize];
            }
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (id, w) in weights {
                postings[id as usize].push((d as u32, w / norm));
            }
            docs.push(Doc {
                rule,
                reason: kb.rules[rule].reason,
            });
        }
        Model {
            vocab,
            idf,
            unseen_idf: (1.0 + n).ln() + 1.0,
            postings,
            docs,
        }
    }

    /// The known wordings nearest to the normalized words, most similar first (at most
    /// `limit`, none below `floor`).
    pub fn nearest(&self, normalized: &str, limit: usize, floor: f32) -> Vec<Neighbour> {
        let terms = tokens::terms(normalized);
        if terms.is_empty() {
            return Vec::new();
        }
        let tf = counts(&terms);
        // The query's weights; terms never seen count in its length (words unlike any known
        // wording make it less like every one of them).
        let mut query: Vec<(u32, f32)> = Vec::with_capacity(tf.len());
        let mut norm = 0.0f32;
        for (t, f) in &tf {
            match self.vocab.get(*t) {
                Some(&id) => {
                    let w = f * self.idf[id as usize];
                    norm += w * w;
                    query.push((id, w));
                }
                None => norm += (f * self.unseen_idf).powi(2),
            }
        }
        let norm = norm.sqrt();
        let mut scores = vec![0.0f32; self.docs.len()];
        for &(id, w) in &query {
            for &(d, dw) in &self.postings[id as usize] {
                scores[d as usize] += w / norm * dw;
            }
        }
        let mut ranked: Vec<(usize, f32)> = scores
            .iter()
            .enumerate()
            .filter(|(_, s)| **s >= floor)
            .map(|(d, s)| (d, *s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked
            .into_iter()
            .map(|(d, similarity)| Neighbour {
                rule: self.docs[d].rule,
                reason: self.docs[d].reason,
                similarity,
                shared: self.heaviest_shared(&terms, &query, d),
            })
            .collect()
    }

    /// The range of the term of the query that adds most to its likeness with wording `d`.
    fn heaviest_shared(&self, terms: &[Term], query: &[(u32, f32)], d: usize) -> (usize, usize) {
        let mut best: Option<(u32, f32)> = None;
        for &(id, w) in query {
            let postings = &self.postings[id as usize];
            if let Ok(at) = postings.binary_search_by_key(&(d as u32), |p| p.0) {
                let gain = w * postings[at].1;
                if best.is_none_or(|(_, g)| gain > g) {
                    best = Some((id, gain));
                }
            }
        }
        let Some((id, _)) = best else { return (0, 0) };
        terms
            .iter()
            .find(|t| self.vocab.get(t.text.as_str()) == Some(&id))
            .map_or((0, 0), |t| (t.start, t.end))
    }

    /// How many wordings it was trained on.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.docs.len()
    }
}
