//! Step 3: the context. What the stage the words answered, the status a report states, the
//! kind of server or a local delivery program changes in the reason the words give
//! (`knowledge/context.toml`, tried in order; the first entry whose conditions all hold
//! decides).

use super::super::{Observation, Words};
use super::cause::Cause;
use super::codes::Codes;
use crate::knowledge::schema::AdjustDoc;
use crate::knowledge::{Knowledge, RuleOrigin};
use crate::vocab::Reason;

/// The entry of `context.toml` that applies to a cause, if any. A cause the report states
/// outright, or a format's own statement, is not read again.
pub(crate) fn reading(
    kb: &Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    codes: &Codes,
    cause: &Cause<'_>,
) -> Option<&'static AdjustDoc> {
    if cause.stated.is_some()
        || cause
            .rule
            .as_ref()
            .is_some_and(|m| !m.rule.doc.server.is_empty())
    {
        return None;
    }
    kb.docs
        .context
        .adjust
        .iter()
        .find(|entry| holds(kb, entry, words, obs, codes, cause))
}

/// Whether every condition of an entry holds.
fn holds(
    kb: &Knowledge,
    entry: &AdjustDoc,
    words: &Words,
    obs: &Observation<'_>,
    codes: &Codes,
    cause: &Cause<'_>,
) -> bool {
    let reason = cause.reason;
    let named = |list: &[String], r: Reason| list.iter().any(|x| x == r.as_str());
    let command = cause.command.map(|c| c.as_str());
    let listed = |list: &[String], c: Option<&str>| c.is_some_and(|c| list.iter().any(|x| x == c));
    let rule = cause.rule.as_ref().map(|m| m.rule);
    let origin = rule.map(|r| match r.origin {
        RuleOrigin::Generic => "generic",
        RuleOrigin::Provider(_) => "provider",
        RuleOrigin::Server(_) => "server",
    });
    (entry.when_reason.is_empty() || named(&entry.when_reason, reason))
        && (!entry.in_report || obs.report.is_report())
        && (entry.command.is_empty() || listed(&entry.command, command))
        && !listed(&entry.not_command, command)
        && (entry.server.is_empty() || listed(&entry.server, obs.server))
        && (!entry.local_program || obs.local_program)
        && !codes
            .status
            .is_some_and(|s| entry.not_status.iter().any(|p| s.matches(p)))
        && (!entry.generic_words || generic_words(kb, words, reason))
        && !listed(&entry.not_rule_from, origin)
        && !(entry.not_any_stage && rule.is_some_and(|r| r.doc.any_stage))
        && !rule.is_some_and(|r| named(&entry.unless_words_say, r.reason))
        && (!entry.has_words || !obs.text.trim().is_empty())
}

/// Whether the words hold one of the generic wordings (`reasons/`) of `reason`.
fn generic_words(kb: &Knowledge, words: &Words, reason: Reason) -> bool {
    words.rule_hits().iter().any(|hit| {
        let rule = &kb.rules[hit.entry];
        rule.origin == RuleOrigin::Generic && rule.reason == reason
    })
}
