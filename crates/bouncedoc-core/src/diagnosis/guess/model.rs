//! The model of the best guess: TF-IDF vectors of every known wording (each rule's examples
//! and phrases, [`Vectors`]), compared by cosine with the words of a reply; the nearest
//! wordings vote.
//!
//! Written by hand rather than taken from a crate: the whole model is an inverted index and
//! a dot product (about a hundred lines), and the text-classification crates that build on
//! rustc 1.95 bring linear-algebra or tokenizer stacks far larger than the knowledge it is
//! trained on.

use foldhash::HashMap;

use super::tokens::{self, Term};
use super::vectors::{self, Vectors, counts};
use crate::knowledge::Knowledge;
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

impl Model {
    /// The vectors of the rules that `keep` keeps (every rule, for the engine; four fifths of
    /// them, to measure the guess on the rest), trained now.
    pub fn vectors(kb: &Knowledge, keep: impl Fn(usize) -> bool) -> Vectors {
        let wordings = kb
            .rules
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(*i))
            .flat_map(|(i, rule)| vectors::wordings(rule.doc).map(move |w| (i as u32, w)));
        Vectors::train(kb.rules.len() as u32, wordings)
    }

    /// Trains on the examples and phrases of the rules that `keep` keeps.
    pub fn train(kb: &Knowledge, keep: impl Fn(usize) -> bool) -> Model {
        Model::from_vectors(kb, Model::vectors(kb, keep))
            .expect("vectors trained on the knowledge belong to it")
    }

    /// The model of trained vectors, or `None` when they were not trained on `kb` (they
    /// name another number of rules).
    pub fn from_vectors(kb: &Knowledge, v: Vectors) -> Option<Model> {
        if v.rule_count as usize != kb.rules.len() {
            return None;
        }
        let vocab = v.terms.into_iter().zip(0u32..).collect();
        let docs = v
            .doc_rules
            .iter()
            .map(|&rule| Doc {
                rule: rule as usize,
                reason: kb.rules[rule as usize].reason,
            })
            .collect();
        Some(Model {
            vocab,
            idf: v.idf,
            unseen_idf: v.unseen_idf,
            postings: v.postings,
            docs,
        })
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
