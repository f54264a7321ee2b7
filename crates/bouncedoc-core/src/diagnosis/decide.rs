//! From the facts of a reply to a diagnosis: which rule, which reason, who acts.

use super::explain::{Facts, compose};
use super::{Diagnosis, Evidence, EvidenceKind};
use crate::knowledge::{HintTarget, Hit, Knowledge, Rule, RuleOrigin, TextMatches};
use crate::lang::Lang;
use crate::reply::{self, MAX_DIAGNOSTIC_CHARS, Normalized};
use crate::status::StatusCode;
use crate::vocab::{Action, Confidence, Party, Reason, Retry, SmtpCommand, StatusSource};

/// What is known of one failed delivery before diagnosis: the server's words, and whatever a
/// delivery report said beside them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Observation<'a> {
    /// The server's words (a reply, a `Diagnostic-Code`, a bounce's text).
    pub text: &'a str,
    /// The final recipient, when known.
    pub recipient: Option<&'a str>,
    /// The `Status:` of a delivery report, when there is one.
    pub status: Option<StatusCode>,
    /// A reply code known from elsewhere (a report field), used when the words hold none.
    pub reply_code: Option<u16>,
    /// The DSN action, when known.
    pub action: Option<Action>,
    /// The kind of reporting server, when the caller recognized it.
    pub mta: Option<&'a str>,
    /// A reason the report's format itself states (a feedback report, an auto-reply); it
    /// overrides the words.
    pub reason: Option<Reason>,
    /// The SMTP command the refusal answered, when the report states it.
    pub command: Option<SmtpCommand>,
    /// When no status code is found, report the pseudo code of the reason
    /// (`codes/inferred.toml`), as the reference classifier does for whole messages.
    pub infer_status: bool,
}

/// Picks the rule that explains the text best: a provider's or server's own wording over a
/// generic one, then the longest match, then the earliest.
fn best_rule<'k>(
    kb: &'k Knowledge,
    hits: &[Hit],
    status: Option<StatusCode>,
    command: Option<SmtpCommand>,
) -> Option<(&'k Rule, Hit)> {
    let mut best: Option<(&Rule, Hit)> = None;
    for hit in hits {
        let rule = &kb.rules[hit.entry];
        if !rule.applies_to(status) || !rule.applies_at(command) {
            continue;
        }
        let better = match best {
            None => true,
            Some((b, bh)) => {
                (rule.tier(), hit.len(), std::cmp::Reverse(hit.start))
                    > (b.tier(), bh.len(), std::cmp::Reverse(bh.start))
            }
        };
        if better {
            best = Some((rule, *hit));
        }
    }
    best
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

/// The words of a reply, read once: their codes, their normalized text, and the rules and
/// hints of the knowledge base found in them. A caller that diagnoses the same words more
/// than once (with a reason a report states, say) reads them once.
#[derive(Debug, Clone)]
pub struct Words {
    read: reply::ReadReply,
    text: Normalized,
    matches: TextMatches,
}

impl Words {
    /// Reads `text` against the knowledge base.
    pub fn read(kb: &Knowledge, text: &str) -> Words {
        Words::of_reply(kb, reply::read(text))
    }

    /// Reads against the knowledge base the words of a reply already read by
    /// [`reply::read`] (by a caller that needed its codes first).
    pub fn of_reply(kb: &Knowledge, read: reply::ReadReply) -> Words {
        let normalized = Normalized::new(&read.unfolded);
        let matches = kb.match_text(&normalized);
        Words {
            read,
            text: normalized,
            matches,
        }
    }

    /// The knowledge base's rules found in the words (`Hit::entry` indexes
    /// `Knowledge::rules`).
    pub fn rule_hits(&self) -> &[Hit] {
        &self.matches.rules
    }

    /// The words a normalized range came from.
    fn span(&self, hit: &Hit) -> &str {
        self.text
            .source_span(&self.read.unfolded, hit.start, hit.end)
    }
}

/// Diagnoses one observation whose words (`obs.text`) have been read into `words`.
pub(crate) fn diagnose(
    kb: &Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    lang: Lang,
) -> Diagnosis {
    let read = &words.read;
    let (status, status_source) = match (obs.status, read.status) {
        // A DSN's `X.0.0` says less than the specific code in the server's own words.
        (Some(d), Some(r)) if d.is_generic() && !r.is_generic() && d.class == r.class => {
            (Some(r), Some(StatusSource::Reply))
        }
        (Some(d), _) => (Some(d), Some(StatusSource::Dsn)),
        (None, Some(r)) => (Some(r), Some(StatusSource::Reply)),
        (None, None) => (None, None),
    };
    // Of the codes in the words, the most telling one of the status's class; a code stated
    // outside the words (a report field) when the words hold none that fits.
    let class = status.map(|s| s.class);
    let fits = |c: &u16| class.is_none_or(|k| c / 100 == u16::from(k));
    let reply_code = reply::preferred_reply_code(&read.hits, class).or(obs.reply_code.filter(fits));
    let text = &words.text;
    let matches = &words.matches;
    // A reason the report's format states is not read from the words.
    let hits: &[Hit] = if obs.reason.is_some() {
        &[]
    } else {
        &matches.rules
    };
    let command = obs.command.or_else(|| reply::find_command(text.as_str()));
    let chosen = best_rule(kb, hits, status, command);
    let from_code = code_reason(kb, status, reply_code);
    let reason = obs
        .reason
        .or(chosen.map(|(r, _)| r.reason))
        .or(from_code)
        .unwrap_or(Reason::Undefined);
    let conflict = match (chosen, from_code) {
        // Vague words (no cause determined) do not contradict a code.
        (Some((rule, _)), Some(code))
            if rule.reason != code
                && !matches!(rule.reason, Reason::OnHold | Reason::Undefined)
                && status.is_some_and(|s| !s.is_generic()) =>
        {
            Some(code)
        }
        _ => None,
    };

    let class = status
        .map(|s| s.class)
        .or(reply_code.map(|c| (c / 100) as u8));
    let temporary = class == Some(4) || (class.is_none() && obs.action == Some(Action::Delayed));
    let doc = kb.reason(reason);
    let rule_doc = chosen.map(|(r, _)| r.doc);
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
    let party = chosen
        .and_then(|(r, _)| r.party)
        .or_else(|| {
            temporary
                .then_some(doc.party_when_temporary.as_deref())
                .flatten()
                .and_then(|p| p.parse().ok())
        })
        .or_else(|| doc.party.parse().ok())
        .unwrap_or(Party::SenderAdmin);
    let advice_ids: &[String] = rule_doc
        .and_then(|r| r.advice.as_deref())
        .or_else(|| {
            temporary
                .then_some(doc.advice_when_temporary.as_deref())
                .flatten()
        })
        .unwrap_or(&doc.advice);

    // Provider and server: from the winning rule's file, else from hints in the text.
    let hint_hits = &matches.hints;
    let best_hint = |want_provider: bool| {
        hint_hits
            .iter()
            .filter(|(t, _)| matches!(t, HintTarget::Provider(_)) == want_provider)
            .max_by_key(|(_, h)| (h.len(), std::cmp::Reverse(h.start)))
            .copied()
    };
    let provider_hint = best_hint(true);
    let server_hint = best_hint(false);
    let provider = match chosen.map(|(r, _)| r.origin) {
        Some(RuleOrigin::Provider(i)) => Some(i),
        _ => provider_hint.map(|(t, _)| match t {
            HintTarget::Provider(i) | HintTarget::Server(i) => i,
        }),
    };
    let server = match chosen.map(|(r, _)| r.origin) {
        Some(RuleOrigin::Server(i)) => Some(kb.servers[i].id.as_str()),
        _ => obs.mta.or(server_hint.map(|(t, _)| match t {
            HintTarget::Provider(i) | HintTarget::Server(i) => kb.servers[i].id.as_str(),
        })),
    };

    let confidence = match (chosen.is_some(), status.is_some() || reply_code.is_some()) {
        (true, true) if conflict.is_none() => Confidence::High,
        (true, _) => Confidence::Medium,
        (false, true) if from_code.is_some() && status.is_some_and(|s| !s.is_generic()) => {
            Confidence::Medium
        }
        _ => Confidence::Low,
    };

    // The evidence, in the order a reader checks it.
    let mut evidence = Vec::new();
    if let Some(code) = reply_code {
        evidence.push(Evidence {
            kind: EvidenceKind::ReplyCode,
            id: None,
            text: code.to_string(),
            note: kb.reply_code(code).map(|d| lang.pick(&d.title).to_string()),
        });
    }
    if let Some(s) = status {
        evidence.push(Evidence {
            kind: EvidenceKind::Status,
            id: status_source.map(|s| s.as_str().to_string()),
            text: s.to_string(),
            note: kb.enhanced_code(s).map(|d| lang.pick(&d.title).to_string()),
        });
    }
    if let Some((rule, hit)) = chosen {
        evidence.push(Evidence {
            kind: EvidenceKind::Rule,
            id: Some(rule.doc.id.clone()),
            text: words.span(&hit).to_string(),
            note: Some(lang.pick(&kb.reason(rule.reason).title).to_string()),
        });
    }
    if let Some(i) = provider {
        let p = &kb.providers[i];
        let shown = provider_hint
            .filter(|(t, _)| *t == HintTarget::Provider(i))
            .map(|(_, h)| words.span(&h).to_string());
        evidence.push(Evidence {
            kind: EvidenceKind::Provider,
            id: Some(p.id.clone()),
            text: shown.unwrap_or_else(|| lang.pick(&p.name).to_string()),
            note: Some(lang.pick(&p.name).to_string()),
        });
    }
    if let Some((HintTarget::Server(i), h)) = server_hint
        && Some(kb.servers[i].id.as_str()) == server
    {
        evidence.push(Evidence {
            kind: EvidenceKind::Mta,
            id: Some(kb.servers[i].id.clone()),
            text: words.span(&h).to_string(),
            note: Some(lang.pick(&kb.servers[i].name).to_string()),
        });
    }
    let mut secondary: Vec<StatusCode> = Vec::new();
    for hit in &read.hits {
        if let Some(s) = hit.status
            && Some(s) != status
            && !secondary.contains(&s)
            && s.class != 2
        {
            secondary.push(s);
        }
    }
    for s in &secondary {
        evidence.push(Evidence {
            kind: EvidenceKind::SecondaryCode,
            id: None,
            text: s.to_string(),
            note: kb
                .enhanced_code(*s)
                .map(|d| lang.pick(&d.title).to_string()),
        });
    }

    // A whole message without any status code: the reason's pseudo code, as the reference
    // classifier reports it.
    let (reported_status, reported_source) = match (status, kb.inferred_detail(reason)) {
        (None, Some(detail)) if obs.infer_status => {
            let class = if temporary { 4 } else { 5 };
            (
                Some(StatusCode::new(class, 0, detail)),
                Some(StatusSource::Inferred),
            )
        }
        _ => (status, status_source),
    };

    let facts = Facts {
        reason,
        status,
        reply_code,
        rule: rule_doc,
        conflict,
        temporary,
        secondary: &secondary,
        truncated: read.truncated,
        no_code: status.is_none() && reply_code.is_none(),
        nothing_found: chosen.is_none() && status.is_none() && reply_code.is_none(),
    };
    let texts = compose(kb, &facts, advice_ids, lang);

    let diagnostic = match read.unfolded.char_indices().nth(MAX_DIAGNOSTIC_CHARS) {
        Some((cut, _)) => format!("{}…", &read.unfolded[..cut]),
        None => read.unfolded.clone(),
    };
    Diagnosis {
        recipient: obs.recipient.map(str::to_string),
        reply_code,
        status: reported_status,
        status_source: reported_source,
        action: obs.action,
        command,
        reason,
        hard_bounce,
        retry,
        party,
        provider: provider.map(|i| kb.providers[i].id.clone()),
        mta: server.map(str::to_string),
        diagnostic,
        summary: texts.summary,
        explanation: texts.explanation,
        advice: texts.advice,
        evidence,
        confidence,
        lang,
    }
}
