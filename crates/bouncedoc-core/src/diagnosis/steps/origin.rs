//! Step 5: who answered: the receiving provider and the kind of reporting server.

use super::super::{Observation, Words};
use crate::knowledge::{HintTarget, Knowledge, Rule, RuleOrigin};

/// The provider and server recognized, with the hint that showed each when one did.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin<'a> {
    /// The provider: an index into `Knowledge::providers`.
    pub provider: Option<usize>,
    /// The words that named the provider, when a hint did.
    pub provider_hint: Option<(HintTarget, crate::knowledge::Hit)>,
    /// The kind of server.
    pub server: Option<&'a str>,
    /// The hint that named the server, when one did.
    pub server_hint: Option<(HintTarget, crate::knowledge::Hit)>,
}

/// Provider and server: from the deciding rule's file, else from hints in the text (the
/// longest, then the earliest), else, for the server, the one the report names.
pub(crate) fn find<'a>(
    kb: &'a Knowledge,
    words: &Words,
    rule: Option<&Rule>,
    obs: &Observation<'a>,
) -> Origin<'a> {
    let hints = &words.matches.hints;
    let best_hint = |want_provider: bool| {
        hints
            .iter()
            .filter(|(t, _)| matches!(t, HintTarget::Provider(_)) == want_provider)
            .max_by_key(|(_, h)| (h.len(), std::cmp::Reverse(h.start)))
            .copied()
    };
    let provider_hint = best_hint(true);
    let server_hint = best_hint(false);
    let index = |t: HintTarget| match t {
        HintTarget::Provider(i) | HintTarget::Server(i) => i,
    };
    let provider = match rule.map(|r| r.origin) {
        Some(RuleOrigin::Provider(i)) => Some(i),
        _ => provider_hint.map(|(t, _)| index(t)),
    };
    // A format's own statement (a rule limited to formats) leaves the server the report
    // names as it is.
    let server = match rule.map(|r| (r.origin, r.doc.server.is_empty())) {
        Some((RuleOrigin::Server(i), true)) => Some(kb.servers[i].id.as_str()),
        Some((RuleOrigin::Server(i), false)) => obs.mta.or(Some(kb.servers[i].id.as_str())),
        _ => obs
            .mta
            .or(server_hint.map(|(t, _)| kb.servers[index(t)].id.as_str())),
    };
    Origin {
        provider,
        provider_hint,
        server,
        server_hint,
    }
}
