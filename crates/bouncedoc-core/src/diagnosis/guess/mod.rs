//! The best guess: when no rule, no report field and no code gives a reason, the reason of
//! the known wordings that the words resemble most, with low confidence, naming them as
//! evidence (issue 15, point 3).
//!
//! The model ([`Model`]) holds every rule's examples and phrases as TF-IDF vectors of word
//! unigrams and bigrams ([`tokens`], [`vectors`]); for the embedded knowledge they are
//! trained when the crate builds and read the first time a guess is asked for (other
//! knowledge is trained then). The nearest wordings vote, weighted by their likeness; the guess is
//! given only when the nearest one is alike enough and its reason wins the vote clearly, so
//! that a text that is no bounce stays "nothing recognized". It never answers a reason that
//! is no failure (`delivered`, `feedback`, `vacation`) nor the reasons that say the cause is
//! unknown (`onhold`, `undefined`): their wordings only compete.
//!
//! The switch: the crate feature `best-guess` (see `Cargo.toml`). Without it the engine never
//! guesses; the model and its measurements stay (see `tests.rs`).

mod model;
pub(crate) mod tokens;
pub(crate) mod vectors;

#[cfg(test)]
mod tests;

pub(crate) use model::Model;
use model::Neighbour;

use super::steps::cause::Cause;
use super::{Evidence, EvidenceKind, Words};
use crate::knowledge::Knowledge;
use crate::knowledge::schema::AdjustDoc;
use crate::lang::Lang;
use crate::vocab::Reason;

/// Whether the engine guesses (the crate feature `best-guess`).
pub(crate) const ENABLED: bool = cfg!(feature = "best-guess");

/// How the guess decides; [`Tuning::DEFAULT`] is what the engine uses.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tuning {
    /// How many of the nearest wordings vote.
    pub neighbours: usize,
    /// The least cosine similarity of the nearest wording for any guess.
    pub min_similarity: f32,
    /// The least share of the votes the winning reason must have.
    pub min_share: f32,
}

impl Tuning {
    /// The tuning chosen on held-out rules (`tests.rs`, `tuning_grid`; since stop 21 each
    /// fifth of the rules held out in turn): of
    /// the tunings that guess on no text of `NOT_BOUNCES`, one whose guesses are right two
    /// times in three and that answers at least three held-out examples in ten (looser ones
    /// answer more, right less often; stricter ones are right more often but answer too
    /// few).
    pub const DEFAULT: Tuning = Tuning {
        neighbours: 9,
        min_similarity: 0.25,
        min_share: 0.5,
    };
}

/// A best guess.
#[derive(Debug, Clone)]
pub(crate) struct Guess {
    /// The reason guessed.
    pub reason: Reason,
    /// The nearest wordings of that reason, most similar first, one per rule (at most 3).
    pub resembles: Vec<Neighbour>,
}

/// Whether a guess may answer a reason: a failure with a named cause.
fn answerable(reason: Reason) -> bool {
    !matches!(
        reason,
        Reason::Undefined
            | Reason::OnHold
            | Reason::Delivered
            | Reason::Feedback
            | Reason::Vacation
    )
}

/// The guess of a model for normalized words, if it is clear enough.
pub(crate) fn decide(model: &Model, normalized: &str, tuning: Tuning) -> Option<Guess> {
    let near = model.nearest(normalized, tuning.neighbours, 0.05);
    if near.first()?.similarity < tuning.min_similarity {
        return None;
    }
    let mut votes: Vec<(Reason, f32)> = Vec::new();
    for n in &near {
        match votes.iter_mut().find(|(r, _)| *r == n.reason) {
            Some((_, v)) => *v += n.similarity,
            None => votes.push((n.reason, n.similarity)),
        }
    }
    let total: f32 = votes.iter().map(|(_, v)| v).sum();
    let (reason, vote) = votes.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
    if !answerable(reason) || vote < tuning.min_share * total {
        return None;
    }
    let mut resembles: Vec<Neighbour> = Vec::new();
    let alike = |n: &Neighbour| n.reason == reason && n.similarity >= tuning.min_similarity;
    for n in near.into_iter().filter(alike) {
        if resembles.len() < 3 && !resembles.iter().any(|r| r.rule == n.rule) {
            resembles.push(n);
        }
    }
    Some(Guess { reason, resembles })
}

/// Makes the best guess the cause, when nothing named one: no rule matched, the report
/// states nothing, no code gives a reason, and the context gives none either or only says
/// that the words are not understood (an entry whose reason is `onhold` or `undefined`).
/// True when it did (the context is then to be read again); the engine guesses only with
/// the feature `best-guess`.
pub(crate) fn replace(
    kb: &Knowledge,
    words: &Words,
    cause: &mut Cause<'_>,
    context: Option<&AdjustDoc>,
) -> bool {
    let for_want_of_words = |c: &AdjustDoc| {
        matches!(
            c.reason.parse::<Reason>(),
            Ok(Reason::OnHold | Reason::Undefined)
        )
    };
    if !ENABLED
        || cause.rule.is_some()
        || cause.stated.is_some()
        || cause.reason != Reason::Undefined
        || context.is_some_and(|c| !for_want_of_words(c))
    {
        return false;
    }
    // A reply quoted by a server or a client is read without the quoting's words, which
    // the known wordings do not have.
    let text = words.text.as_str();
    let inner = crate::reply::quoted_reply(text).unwrap_or(text);
    let offset = inner.as_ptr() as usize - text.as_ptr() as usize;
    let Some(mut guess) = decide(kb.guess_model(), inner, Tuning::DEFAULT) else {
        return false;
    };
    for n in &mut guess.resembles {
        n.shared = (n.shared.0 + offset, n.shared.1 + offset);
    }
    cause.reason = guess.reason;
    cause.guess = Some(guess);
    true
}

/// The evidence of a guess: the wordings it resembles, each with the words of the input that
/// are most alike.
pub(crate) fn evidence(kb: &Knowledge, words: &Words, guess: &Guess, lang: Lang) -> Vec<Evidence> {
    let title = lang.pick(&kb.reason(guess.reason).title);
    guess
        .resembles
        .iter()
        .map(|n| Evidence {
            kind: EvidenceKind::Resembles,
            id: Some(kb.rules[n.rule].doc.id.clone()),
            text: words
                .text
                .source_span(&words.read.unfolded, n.shared.0, n.shared.1)
                .to_string(),
            note: Some(
                kb.label("note.resembles", lang)
                    .replace("{reason}", title)
                    .replace("{similarity}", &format!("{:.2}", n.similarity)),
            ),
        })
        .collect()
}
