//! Whether a report is a delay warning: the sending server is still trying, so the report
//! is no failure (`shared/spec/diagnosis.md`, "Warnings and other reports that are not
//! failures").

use super::super::{Observation, Words};
use crate::knowledge::Knowledge;
use crate::vocab::{Action, Reason};

/// True when the report says the message is only delayed: the reader stated the action
/// `delayed`, or, when no action is stated, the words hold a warning's wording (a rule with
/// `warning`). A stated action other than `delayed` is not read again.
pub(crate) fn is_warning(kb: &Knowledge, words: &Words, obs: &Observation<'_>) -> bool {
    match obs.action {
        Some(action) => action == Action::Delayed,
        None => words
            .rule_hits()
            .iter()
            .any(|hit| kb.rules[hit.entry].doc.warning),
    }
}

/// Whether a warning's reason names no cause of its own: the delay itself (`expired`, the
/// reference classifier's name for a delay notice) or nothing known. Such a warning says only
/// that the server is still trying.
pub(crate) fn is_pending(reason: Reason) -> bool {
    matches!(reason, Reason::Expired | Reason::OnHold | Reason::Undefined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_without_a_cause_is_pending() {
        assert!(is_pending(Reason::Expired));
        assert!(is_pending(Reason::OnHold));
        assert!(!is_pending(Reason::MailboxFull));
    }
}
