//! A table of published replies, each with the reason and the party its publisher's
//! explanation gives: every row must be decided so, and by a rule.

use bouncedoc_core::{Diagnosis, Engine, EvidenceKind, Lang};

/// Rows that no rule decides yet, where the best guess gives the right answer: each one a
/// known gap, named here so that a new one shows. The guess is a fallback of low confidence,
/// and a change of knowledge can flip what it answers.
const DECIDED_BY_THE_GUESS: &[&str] = &[
    // Alibaba Mail's content refusal: the pages that list it were not read again to quote it.
    "554 Reject by content spam",
];

/// Whether the reason came from the best guess alone: no rule matched.
fn decided_by_the_guess(d: &Diagnosis) -> bool {
    d.rule_id().is_none() && d.evidence.iter().any(|e| e.kind == EvidenceKind::Resembles)
}

/// Checks each row (the reply, the reason, who must act) and fails naming every row that is
/// decided otherwise, with the reason, party and rule it got, and every row that only the
/// best guess decides (outside `DECIDED_BY_THE_GUESS`).
pub fn check(list: &str, rows: &[(&str, &str, &str)]) {
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    for (text, reason, party) in rows {
        let d = engine.explain(text, Lang::En).unwrap();
        if d.reason.as_str() != *reason || d.party.as_str() != *party {
            failures.push(format!(
                "{text:?}: {} / {} (rule {:?}), want {reason} / {party}",
                d.reason,
                d.party,
                d.rule_id()
            ));
        } else if decided_by_the_guess(&d) && !DECIDED_BY_THE_GUESS.contains(text) {
            failures.push(format!(
                "{text:?}: {reason} / {party} only by the best guess: write a rule from its source"
            ));
        }
    }
    assert!(failures.is_empty(), "{list}:\n{}", failures.join("\n"));
}
