//! A table of published replies, each with the reason and the party its publisher's
//! explanation gives: every row must be decided so.

use bouncedoc_core::{Engine, Lang};

/// Checks each row (the reply, the reason, who must act) and fails naming every row that is
/// decided otherwise, with the reason, party and rule it got.
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
        }
    }
    assert!(failures.is_empty(), "{list}:\n{}", failures.join("\n"));
}
