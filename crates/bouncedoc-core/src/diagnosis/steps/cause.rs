//! Step 2: the cause. The reason a report states in its own fields, else the rule whose
//! wording explains the words best, else the reason the codes alone suggest.

use super::super::guess::Guess;
use super::super::observation::ReportKind;
use super::super::{Observation, Words};
use super::codes::Codes;
use crate::knowledge::schema::FieldDoc;
use crate::knowledge::{Hit, Knowledge, Rule};
use crate::reply::{self, Normalized};
use crate::status::StatusCode;
use crate::vocab::{Reason, SmtpCommand};

/// A rule that matched, with the words it matched as written.
#[derive(Debug, Clone)]
pub(crate) struct RuleMatch<'k> {
    pub rule: &'k Rule,
    /// The matched words as the input wrote them.
    pub text: String,
}

/// What a report states outright, so that the words are not read for a reason.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stated {
    /// The kind of report decides (a feedback report, an auto-reply).
    Report(ReportKind),
    /// A report field's value (`knowledge/report-fields.toml`).
    Field(&'static FieldDoc),
}

/// The cause, as far as the words, the codes and the report's own fields tell it.
#[derive(Debug, Clone)]
pub(crate) struct Cause<'k> {
    /// The reason.
    pub reason: Reason,
    /// The rule whose wording decided, if one did.
    pub rule: Option<RuleMatch<'k>>,
    /// What the report states, when it decided.
    pub stated: Option<Stated>,
    /// The reason the codes alone suggest.
    pub from_code: Option<Reason>,
    /// The SMTP command the refusal answered, as stated or as the words say.
    pub command: Option<SmtpCommand>,
    /// The best guess, when nothing else gave a reason (made after the context is read:
    /// [`super::super::guess::replace`]).
    pub guess: Option<Guess>,
}

/// Finds the cause of one delivery.
pub(crate) fn find<'k>(
    kb: &'k Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    codes: &Codes,
) -> Cause<'k> {
    let command = obs
        .command
        .or_else(|| reply::find_command(words.text.as_str()));
    let from_code = code_reason(kb, codes.status, codes.reply_code);
    let stated = stated(kb, obs);
    let rule = match stated {
        Some(_) => None,
        None => best_rule(kb, words, obs, codes.status, command),
    };
    let reason = match stated {
        Some(Stated::Report(ReportKind::Feedback)) => Some(Reason::Feedback),
        Some(Stated::Report(_)) => Some(Reason::Vacation),
        Some(Stated::Field(f)) => f.reason.parse().ok(),
        None => None,
    }
    .or(rule.as_ref().map(|m| m.rule.reason))
    .or(from_code)
    .unwrap_or(Reason::Undefined);
    Cause {
        reason,
        rule,
        stated,
        from_code,
        command,
        guess: None,
    }
}

/// What the report states outright: its kind, or one of its fields' values.
fn stated(kb: &Knowledge, obs: &Observation<'_>) -> Option<Stated> {
    if matches!(obs.report, ReportKind::Feedback | ReportKind::AutoReply) {
        return Some(Stated::Report(obs.report));
    }
    let has_words = !obs.text.trim().is_empty();
    obs.fields.iter().find_map(|field| {
        kb.docs
            .report_fields
            .field
            .iter()
            .find(|doc| {
                doc.name == field.name
                    && (!doc.only_without_words || !has_words)
                    && doc
                        .values
                        .iter()
                        .any(|v| v.eq_ignore_ascii_case(field.value.trim()))
            })
            .map(Stated::Field)
    })
}

/// Picks the rule that explains the text best: by tier (see [`Rule::tier`]), then the
/// longest match, then the earliest. Rules limited to the Subject are read there.
fn best_rule<'k>(
    kb: &'k Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    status: Option<StatusCode>,
    command: Option<SmtpCommand>,
) -> Option<RuleMatch<'k>> {
    let applies = |rule: &Rule| {
        rule.applies_to(status) && rule.applies_at(command) && rule.applies_under(obs.server)
    };
    let mut best: Option<(&Rule, Hit, bool)> = None;
    let mut consider = |rule: &'k Rule, hit: Hit, in_subject: bool| {
        let better = match best {
            None => true,
            Some((b, bh, _)) => {
                (rule.tier(), hit.len(), std::cmp::Reverse(hit.start))
                    > (b.tier(), bh.len(), std::cmp::Reverse(bh.start))
            }
        };
        if better {
            best = Some((rule, hit, in_subject));
        }
    };
    for hit in words.rule_hits() {
        let rule = &kb.rules[hit.entry];
        if !rule.doc.subject && applies(rule) {
            consider(rule, *hit, false);
        }
    }
    // The Subject is read only for a format that has rules there.
    let subject = obs
        .subject
        .filter(|_| obs.server.is_some_and(|s| kb.has_subject_rules(s)))
        .map(|s| (s, Normalized::new(s)));
    if let Some((_, normalized)) = &subject {
        for hit in kb.match_text(normalized).rules {
            let rule = &kb.rules[hit.entry];
            if rule.doc.subject && applies(rule) {
                consider(rule, hit, true);
            }
        }
    }
    let (rule, hit, in_subject) = best?;
    let text = match (&subject, in_subject) {
        (Some((source, normalized)), true) => normalized.source_span(source, hit.start, hit.end),
        _ => words.span(&hit),
    }
    .to_string();
    Some(RuleMatch { rule, text })
}

/// The reason a code alone suggests: the status code's, else the reply code's.
fn code_reason(
    kb: &Knowledge,
    status: Option<StatusCode>,
    reply_code: Option<u16>,
) -> Option<Reason> {
    if status.is_some_and(|s| s.class == 2) {
        return Some(Reason::Delivered);
    }
    let from_status = status
        .and_then(|s| kb.enhanced_code(s))
        .and_then(|d| d.reason.as_deref());
    let from_reply = || {
        reply_code
            .and_then(|c| kb.reply_code(c))
            .and_then(|d| d.reason.as_deref())
    };
    // A status code that is only a class (X.0.0) says less than the reply code beside it.
    let from_status = from_status.or_else(|| {
        if status.is_none_or(|s| s.is_generic()) {
            from_reply()
        } else {
            None
        }
    });
    from_status.and_then(|r| r.parse().ok())
}
