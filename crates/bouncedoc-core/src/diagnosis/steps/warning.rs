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

/// The reason of a warning: a warning never says the retry period ran out, so an expiry
/// (or nothing) becomes `onhold`, a delivery not decided yet; a cause the words name stays.
pub(crate) fn reason(reason: Reason) -> Reason {
    match reason {
        Reason::Expired | Reason::Undefined => Reason::OnHold,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warning_is_never_expired() {
        assert_eq!(reason(Reason::Expired), Reason::OnHold);
        assert_eq!(reason(Reason::Undefined), Reason::OnHold);
        assert_eq!(reason(Reason::MailboxFull), Reason::MailboxFull);
    }
}
