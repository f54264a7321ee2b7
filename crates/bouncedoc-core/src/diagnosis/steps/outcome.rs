//! Step 4: what follows from the reason: whether it is temporary, a hard bounce, what an
//! automatic sender should do, who must act and the advice.

use super::super::Observation;
use super::codes::Codes;
use crate::knowledge::{Knowledge, Rule};
use crate::vocab::{Action, Party, Reason, Retry};

/// What follows from the reason.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome<'k> {
    /// A temporary failure (class 4, or a delay without a code).
    pub temporary: bool,
    pub hard_bounce: bool,
    pub retry: Retry,
    pub party: Party,
    /// The advice ids, in order.
    pub advice: &'k [String],
}

/// The outcome of a reason, with the rule that decided it (whose own party, advice and
/// hard-bounce value replace the reason's defaults).
pub(crate) fn of<'k>(
    kb: &'k Knowledge,
    reason: Reason,
    rule: Option<&'k Rule>,
    codes: &Codes,
    obs: &Observation<'_>,
) -> Outcome<'k> {
    let class = codes.class();
    let temporary = class == Some(4) || (class.is_none() && obs.action == Some(Action::Delayed));
    let doc = kb.reason(reason);
    let rule_doc = rule.map(|r| r.doc);
    let hard_bounce = !temporary
        && class != Some(2)
        && rule_doc
            .and_then(|r| r.hard_bounce)
            .unwrap_or(doc.hard_bounce);
    let retry = if temporary {
        Retry::Later
    } else {
        doc.retry.parse().unwrap_or(Retry::AfterFix)
    };
    let party = rule
        .and_then(|r| r.party)
        .or_else(|| {
            temporary
                .then_some(doc.party_when_temporary.as_deref())
                .flatten()
                .and_then(|p| p.parse().ok())
        })
        .or_else(|| doc.party.parse().ok())
        .unwrap_or(Party::Nobody);
    let advice: &[String] = rule_doc
        .and_then(|r| r.advice.as_deref())
        .or_else(|| {
            temporary
                .then_some(doc.advice_when_temporary.as_deref())
                .flatten()
        })
        .unwrap_or(&doc.advice);
    Outcome {
        temporary,
        hard_bounce,
        retry,
        party,
        advice,
    }
}
