//! Step 6: the evidence, in the order a reader checks it: the codes, the words that matched,
//! what the report stated or what its context changed, who answered, and the codes that only
//! sum up the failure.

use super::super::{Evidence, EvidenceKind, Words};
use super::cause::{Cause, Stated};
use super::codes::Codes;
use super::origin::Origin;
use crate::knowledge::schema::AdjustDoc;
use crate::knowledge::{HintTarget, Knowledge};
use crate::lang::Lang;
use crate::status::StatusCode;

/// What the evidence is gathered from.
pub(crate) struct Grounds<'a, 'k> {
    pub codes: &'a Codes,
    pub cause: &'a Cause<'k>,
    pub context: Option<&'static AdjustDoc>,
    pub origin: &'a Origin<'k>,
    /// The codes in the words that were not taken for the cause.
    pub secondary: &'a [StatusCode],
}

/// The codes in the words other than the one the diagnosis rests on (never a success code).
pub(crate) fn secondary_codes(words: &Words, status: Option<StatusCode>) -> Vec<StatusCode> {
    let mut secondary: Vec<StatusCode> = Vec::new();
    for hit in &words.read.hits {
        if let Some(s) = hit.status
            && Some(s) != status
            && !secondary.contains(&s)
            && s.class != 2
        {
            secondary.push(s);
        }
    }
    secondary
}

/// Gathers the evidence.
pub(crate) fn gather(
    kb: &Knowledge,
    words: &Words,
    g: &Grounds<'_, '_>,
    lang: Lang,
) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    if let Some(code) = g.codes.reply_code {
        evidence.push(Evidence {
            kind: EvidenceKind::ReplyCode,
            id: None,
            text: code.to_string(),
            note: kb.reply_code(code).map(|d| lang.pick(&d.title).to_string()),
        });
    }
    if let Some(s) = g.codes.status {
        evidence.push(Evidence {
            kind: EvidenceKind::Status,
            id: g.codes.status_source.map(|s| s.as_str().to_string()),
            text: s.to_string(),
            note: kb.enhanced_code(s).map(|d| lang.pick(&d.title).to_string()),
        });
    }
    if let Some(m) = &g.cause.rule {
        evidence.push(Evidence {
            kind: EvidenceKind::Rule,
            id: Some(m.rule.doc.id.clone()),
            text: m.text.clone(),
            note: Some(lang.pick(&kb.reason(m.rule.reason).title).to_string()),
        });
    }
    if let Some(guess) = &g.cause.guess {
        evidence.extend(super::super::guess::evidence(kb, words, guess, lang));
    }
    if let Some(Stated::Field(field)) = g.cause.stated {
        evidence.push(Evidence {
            kind: EvidenceKind::Field,
            id: Some(field.id.clone()),
            text: field.name.clone(),
            note: field
                .reason
                .parse()
                .ok()
                .map(|r| lang.pick(&kb.reason(r).title).to_string()),
        });
    }
    if let Some(entry) = g.context {
        evidence.push(Evidence {
            kind: EvidenceKind::Context,
            id: Some(entry.id.clone()),
            text: entry.reason.clone(),
            note: Some(lang.pick(&entry.note).to_string()),
        });
    }
    if let Some(i) = g.origin.provider {
        let p = &kb.providers[i];
        let shown = g
            .origin
            .provider_hint
            .filter(|(t, _)| *t == HintTarget::Provider(i))
            .map(|(_, h)| words.span(&h).to_string());
        evidence.push(Evidence {
            kind: EvidenceKind::Provider,
            id: Some(p.id.clone()),
            text: shown.unwrap_or_else(|| lang.pick(&p.name).to_string()),
            note: Some(lang.pick(&p.name).to_string()),
        });
    }
    if let Some((HintTarget::Server(i), h)) = g.origin.server_hint
        && Some(kb.servers[i].id.as_str()) == g.origin.server
    {
        evidence.push(Evidence {
            kind: EvidenceKind::Mta,
            id: Some(kb.servers[i].id.clone()),
            text: words.span(&h).to_string(),
            note: Some(lang.pick(&kb.servers[i].name).to_string()),
        });
    }
    for s in g.secondary {
        evidence.push(Evidence {
            kind: EvidenceKind::SecondaryCode,
            id: None,
            text: s.to_string(),
            note: kb
                .enhanced_code(*s)
                .map(|d| lang.pick(&d.title).to_string()),
        });
    }
    evidence
}
