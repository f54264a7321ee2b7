//! From the facts of one delivery to its diagnosis: the steps of [`super::steps`], in order.

use super::explain::{Facts, compose};
use super::guess;
use super::steps::cause::{self, Cause};
use super::steps::codes::{self, Codes};
use super::steps::evidence::{self, Grounds};
use super::steps::{context, origin, outcome, warning};
use super::{Diagnosis, Observation, Words};
use crate::knowledge::Knowledge;
use crate::lang::Lang;
use crate::reply::MAX_DIAGNOSTIC_CHARS;
use crate::status::StatusCode;
use crate::vocab::{Confidence, Reason, StatusSource};

/// Diagnoses one observation whose words (`obs.text`) have been read into `words`.
pub(crate) fn diagnose(
    kb: &Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    lang: Lang,
) -> Diagnosis {
    // 1. The codes.
    let codes = codes::choose(words, obs);
    // 2. The cause the words, the codes and the report's fields give.
    let mut cause = cause::find(kb, words, obs, &codes);
    // 3. What the context changes: the reason it gives replaces the words' rule, whose
    //    party, advice and texts belong to the reason it named.
    let mut context = context::reading(kb, words, obs, &codes, &cause);
    // 3b. Where nothing named a cause, a best guess from known wordings the words resemble;
    //     the context is read again for it.
    if guess::replace(kb, words, &mut cause, context) {
        context = context::reading(kb, words, obs, &codes, &cause);
    }
    let (reason, deciding_rule) = match context {
        Some(entry) => (entry.reason.parse().unwrap_or(Reason::Undefined), None),
        None => (cause.reason, cause.rule.as_ref().map(|m| m.rule)),
    };
    // 4. A delay warning is no failure: never a hard bounce, retried later, and said so. Its
    //    reason stays what the words give (the reference classifier names a delay notice
    //    `expired`, and results are compared with it).
    let warning = warning::is_warning(kb, words, obs);
    // 5. What follows from the reason.
    let mut outcome = outcome::of(kb, reason, deciding_rule, &codes, obs, warning);
    let warning_advice: Vec<String>;
    if warning {
        outcome.hard_bounce = false;
        outcome.retry = crate::vocab::Retry::Later;
        let mut ids = vec!["retry-later".to_string()];
        if !warning::is_pending(reason) {
            ids.extend(
                outcome
                    .advice
                    .iter()
                    .filter(|a| *a != "retry-later")
                    .cloned(),
            );
        }
        warning_advice = ids;
        outcome.advice = &warning_advice;
    }
    // 6. Who answered.
    let origin = origin::find(kb, words, deciding_rule, obs);
    let conflict = deciding_rule
        .filter(|rule| rule.names_cause())
        .and_then(|rule| conflict(rule.reason, &cause, &codes));
    let confidence = confidence(deciding_rule.is_some(), conflict, &cause, &codes);
    // 7. The evidence.
    let secondary = evidence::secondary_codes(words, codes.status);
    let grounds = Grounds {
        codes: &codes,
        cause: &cause,
        context,
        origin: &origin,
        secondary: &secondary,
    };
    let evidence = evidence::gather(kb, words, &grounds, lang);

    let (status, status_source) = reported_status(kb, reason, &codes, outcome.temporary, obs);
    let facts = Facts {
        reason,
        status: codes.status,
        reply_code: codes.reply_code,
        rule: deciding_rule.map(|r| r.doc),
        context: context.map(|c| &c.note),
        conflict,
        temporary: outcome.temporary,
        secondary: &secondary,
        summary: cause.summary.as_ref().map(|m| m.text.as_str()),
        truncated: words.read.truncated,
        warning,
        no_code: codes.status.is_none() && codes.reply_code.is_none(),
        guessed: cause.guess.is_some(),
        nothing_found: deciding_rule.is_none()
            && cause.guess.is_none()
            && codes.status.is_none()
            && codes.reply_code.is_none(),
    };
    let texts = compose(kb, &facts, outcome.advice, lang);
    let unfolded = &words.read.unfolded;
    let diagnostic = match unfolded.char_indices().nth(MAX_DIAGNOSTIC_CHARS) {
        Some((cut, _)) => format!("{}…", &unfolded[..cut]),
        None => unfolded.clone(),
    };
    Diagnosis {
        recipient: obs.recipient.map(str::to_string),
        reply_code: codes.reply_code,
        status,
        status_source,
        action: if warning {
            Some(crate::vocab::Action::Delayed)
        } else {
            obs.action
        },
        command: cause.command,
        reason,
        hard_bounce: outcome.hard_bounce,
        retry: outcome.retry,
        party: outcome.party,
        provider: origin.provider.map(|i| kb.providers[i].id.clone()),
        mta: origin.server.map(str::to_string),
        diagnostic,
        summary: texts.summary,
        explanation: texts.explanation,
        advice: texts.advice,
        evidence,
        confidence,
        lang,
    }
}

/// The reason a specific status code suggests, when the deciding words name another cause
/// (vague words and summaries, which name none, contradict no code).
fn conflict(words_reason: Reason, cause: &Cause<'_>, codes: &Codes) -> Option<Reason> {
    let code = cause.from_code?;
    (words_reason != code
        && !matches!(words_reason, Reason::OnHold | Reason::Undefined)
        && codes.status.is_some_and(|s| !s.is_generic()))
    .then_some(code)
}

/// How sure the diagnosis is: high when known words and a code agree; medium on words alone,
/// on words a code contradicts, or on a specific status code alone; low otherwise.
fn confidence(
    from_words: bool,
    conflict: Option<Reason>,
    cause: &Cause<'_>,
    codes: &Codes,
) -> Confidence {
    let has_code = codes.status.is_some() || codes.reply_code.is_some();
    match (from_words, has_code) {
        (true, true) if conflict.is_none() => Confidence::High,
        (true, _) => Confidence::Medium,
        (false, true)
            if cause.from_code.is_some() && codes.status.is_some_and(|s| !s.is_generic()) =>
        {
            Confidence::Medium
        }
        _ => Confidence::Low,
    }
}

/// The status code reported: the one found, else, for the recipient of a delivery report,
/// the reason's pseudo code (`X.0.9xx`), as the reference classifier reports it.
fn reported_status(
    kb: &Knowledge,
    reason: Reason,
    codes: &Codes,
    temporary: bool,
    obs: &Observation<'_>,
) -> (Option<StatusCode>, Option<StatusSource>) {
    match (codes.status, kb.inferred_detail(reason)) {
        (None, Some(detail)) if obs.infers_status() => {
            let class = if temporary { 4 } else { 5 };
            (
                Some(StatusCode::new(class, 0, detail)),
                Some(StatusSource::Inferred),
            )
        }
        _ => (codes.status, codes.status_source),
    }
}
