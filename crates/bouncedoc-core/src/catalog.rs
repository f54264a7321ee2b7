//! The registry as a reader sees it: codes and reasons documented in one language, as
//! `bouncedoc codes`, `bouncedoc reasons` and the service's `/codes` and `/reasons` show
//! them.

use serde::Serialize;

use crate::diagnosis::Advice;
use crate::knowledge::Knowledge;
use crate::knowledge::schema::{EnhancedCodeDoc, ReplyCodeDoc};
use crate::lang::Lang;
use crate::status::StatusCode;
use crate::vocab::Reason;

/// One code, documented.
#[derive(Debug, Clone, Serialize)]
pub struct CodeEntry {
    /// The code as written (`550`, `5.1.1`).
    pub code: String,
    /// `reply`, `enhanced`, or `inferred` for a pseudo status code (`5.0.911`) that bouncedoc
    /// reports for a reason when a bounce carries no status code of its own.
    pub kind: &'static str,
    /// Its title.
    pub title: String,
    /// What it means.
    pub meaning: String,
    /// Where it is defined.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The reason it usually stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A query that is neither a reply code nor an enhanced status code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is neither a reply code (550) nor an enhanced status code (5.1.1)")]
pub struct NotACode(pub String);

fn reply_entry(d: &ReplyCodeDoc, lang: Lang) -> CodeEntry {
    CodeEntry {
        code: d.code.to_string(),
        kind: "reply",
        title: lang.pick(&d.title).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        reference: Some("RFC 5321".to_string()),
        reason: d.reason.clone(),
    }
}

fn enhanced_entry(code: String, d: &EnhancedCodeDoc, lang: Lang) -> CodeEntry {
    CodeEntry {
        code,
        kind: "enhanced",
        title: lang.pick(&d.title).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        reference: Some(d.reference.clone()),
        reason: d.reason.clone(),
    }
}

/// Every code of the registry: the reply codes, then the enhanced status codes.
pub fn codes(kb: &Knowledge, lang: Lang) -> Vec<CodeEntry> {
    let replies = kb
        .docs
        .reply_codes
        .code
        .iter()
        .map(|d| reply_entry(d, lang));
    let enhanced = kb
        .docs
        .enhanced_codes
        .code
        .iter()
        .map(|d| enhanced_entry(d.code.clone(), d, lang));
    replies.chain(enhanced).collect()
}

/// The pseudo status codes of `codes/inferred.toml`, permanent (`5.0.9xx`) and temporary
/// (`4.0.9xx`), documented as inferred: the status a reason implies when the bounce states
/// none.
pub fn inferred_codes(kb: &Knowledge, lang: Lang) -> Vec<CodeEntry> {
    [5, 4]
        .into_iter()
        .flat_map(|class| {
            kb.docs.inferred_codes.inferred.iter().filter_map(move |i| {
                let reason: Reason = i.reason.parse().ok()?;
                Some(inferred_entry(
                    kb,
                    StatusCode::new(class, 0, i.detail),
                    reason,
                    lang,
                ))
            })
        })
        .collect()
}

fn inferred_entry(kb: &Knowledge, status: StatusCode, reason: Reason, lang: Lang) -> CodeEntry {
    let title = lang.pick(&kb.reason(reason).title);
    let class = if status.class == 5 {
        kb.label("code.inferred.permanent", lang)
    } else {
        kb.label("code.inferred.temporary", lang)
    };
    CodeEntry {
        code: status.to_string(),
        kind: "inferred",
        title: kb
            .label("code.inferred.title", lang)
            .replace("{title}", title),
        meaning: kb
            .label("code.inferred.meaning", lang)
            .replace("{code}", &status.to_string())
            .replace("{title}", title)
            .replace("{reason}", reason.as_str())
            .replace("{class}", class),
        reference: None,
        reason: Some(reason.as_str().to_string()),
    }
}

/// The inferred code of a status (`5.0.911`), when it is one.
fn inferred_code(kb: &Knowledge, status: StatusCode, lang: Lang) -> Option<CodeEntry> {
    if status.subject != 0 || !matches!(status.class, 4 | 5) {
        return None;
    }
    let doc = kb
        .docs
        .inferred_codes
        .inferred
        .iter()
        .find(|i| i.detail == status.detail)?;
    let reason: Reason = doc.reason.parse().ok()?;
    Some(inferred_entry(kb, status, reason, lang))
}

/// The code a query names (`550`, `5.7.26`, or an inferred `5.0.911`); `Ok(None)` when it is
/// a code the registry does not hold.
pub fn code(kb: &Knowledge, query: &str, lang: Lang) -> Result<Option<CodeEntry>, NotACode> {
    let q = query.trim();
    if q.len() == 3
        && q.bytes().all(|b| b.is_ascii_digit())
        && let Ok(code) = q.parse::<u16>()
    {
        return Ok(kb.reply_code(code).map(|d| reply_entry(d, lang)));
    }
    let status = q
        .parse::<StatusCode>()
        .map_err(|_| NotACode(query.to_string()))?;
    Ok(kb
        .enhanced_code(status)
        .map(|d| enhanced_entry(status.to_string(), d, lang))
        .or_else(|| inferred_code(kb, status, lang)))
}

/// One reason, documented.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonEntry {
    /// The reason.
    pub id: Reason,
    /// Its title.
    pub title: String,
    /// One sentence on it.
    pub summary: String,
    /// What it means.
    pub meaning: String,
    /// Its usual causes, most likely first.
    pub causes: Vec<String>,
    /// What is uncertain about it.
    pub uncertain: Option<String>,
    /// Whether it is a hard bounce.
    pub hard_bounce: bool,
    /// When to send again.
    pub retry: String,
    /// The party id of who must act.
    pub party: String,
    /// The advice ids.
    pub advice: Vec<String>,
}

/// A reason, documented.
pub fn reason(kb: &Knowledge, reason: Reason, lang: Lang) -> ReasonEntry {
    let d = kb.reason(reason);
    ReasonEntry {
        id: reason,
        title: lang.pick(&d.title).to_string(),
        summary: lang.pick(&d.summary).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        causes: d.causes.iter().map(|c| lang.pick(c).to_string()).collect(),
        uncertain: d.uncertain.as_ref().map(|u| lang.pick(u).to_string()),
        hard_bounce: d.hard_bounce,
        retry: d.retry.clone(),
        party: d.party.clone(),
        advice: d.advice.clone(),
    }
}

impl ReasonEntry {
    /// The name of the party who must act, in `lang` (empty for an unknown party id).
    pub fn party_name(&self, kb: &Knowledge, lang: Lang) -> String {
        self.party
            .parse()
            .map(|p| lang.pick(&kb.party(p).name).to_string())
            .unwrap_or_default()
    }
}

/// The texts of advice ids, in `lang`, in their order (unknown ids left out).
pub fn advice(kb: &Knowledge, ids: &[String], lang: Lang) -> Vec<Advice> {
    ids.iter()
        .filter_map(|id| kb.advice(id))
        .map(|a| Advice {
            id: a.id.clone(),
            text: lang.pick(&a.text).to_string(),
            avoid: a.avoid,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_by_query() {
        let kb = Knowledge::shared().expect("knowledge loads");
        let e = code(kb, "550", Lang::En)
            .unwrap()
            .expect("550 is documented");
        assert_eq!((e.kind, e.code.as_str()), ("reply", "550"));
        let e = code(kb, " 5.7.26 ", Lang::Ja).unwrap().expect("5.7.26");
        assert_eq!((e.kind, e.code.as_str()), ("enhanced", "5.7.26"));
        assert!(matches!(code(kb, "599", Lang::En), Ok(None)));
        assert!(code(kb, "nyaan", Lang::En).is_err());
        let all = codes(kb, Lang::En);
        assert_eq!(
            all.len(),
            kb.docs.reply_codes.code.len() + kb.docs.enhanced_codes.code.len()
        );
    }

    #[test]
    fn inferred_codes_are_documented_as_inferred() {
        let kb = Knowledge::shared().expect("knowledge loads");
        let e = code(kb, "5.0.910", Lang::En).unwrap().expect("5.0.910");
        assert_eq!(
            (e.kind, e.reason.as_deref()),
            ("inferred", Some("filtered"))
        );
        assert!(
            e.meaning.contains("5.0.910") && e.meaning.contains("permanent"),
            "{}",
            e.meaning
        );
        let e = code(kb, "4.0.922", Lang::Ja).unwrap().expect("4.0.922");
        assert_eq!(e.reason.as_deref(), Some("mailboxfull"));
        assert!(
            e.title.contains("推定") && e.meaning.contains("一時的"),
            "{e:?}"
        );
        assert!(matches!(code(kb, "5.0.999", Lang::En), Ok(None)));
        let all = inferred_codes(kb, Lang::En);
        assert_eq!(all.len(), 2 * kb.docs.inferred_codes.inferred.len());
        assert!(
            all.iter()
                .all(|e| e.kind == "inferred" && !e.meaning.contains('{'))
        );
    }

    #[test]
    fn reasons_with_party_and_advice() {
        let kb = Knowledge::shared().expect("knowledge loads");
        let e = reason(kb, Reason::MailboxFull, Lang::En);
        assert!(!e.party_name(kb, Lang::En).is_empty());
        assert_eq!(advice(kb, &e.advice, Lang::En).len(), e.advice.len());
    }
}
