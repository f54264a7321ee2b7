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
/// hard-bounce value replace the reason's defaults). `warning` says the words are a delay
/// notice: the sending server is still trying, so the party is the one of a temporary
/// failure, whatever the code.
pub(crate) fn of<'k>(
    kb: &'k Knowledge,
    reason: Reason,
    rule: Option<&'k Rule>,
    codes: &Codes,
    obs: &Observation<'_>,
    warning: bool,
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
            (temporary || warning)
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

#[cfg(test)]
mod tests {
    use crate::{Engine, Party};

    fn party_of(reply: &str) -> Party {
        let engine = Engine::new().expect("engine loads");
        engine
            .explain(reply, crate::Lang::En)
            .expect("diagnosis")
            .party
    }

    /// A delay notice without a code: the sending server still tries, so nobody must act yet.
    #[test]
    fn a_delay_notice_claims_no_party() {
        assert_eq!(
            party_of(
                "This is a warning only. You do not need to resend your message. \
                 Delivery to the following recipient has been delayed: taro@example.jp"
            ),
            Party::Nobody
        );
    }

    /// A temporary refusal that names a cause on the sending side is still that side's to fix.
    #[test]
    fn a_temporary_sender_side_cause_keeps_its_party() {
        assert_eq!(
            party_of("421 4.7.0 Connection deferred due to IP reputation, try again later"),
            Party::SenderAdmin
        );
        assert_eq!(
            party_of("451 4.7.24 Temporary SPF validation error."),
            Party::SenderAdmin
        );
    }
}
