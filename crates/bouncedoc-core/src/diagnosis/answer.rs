//! The answer to a pasted text as `explain` gives it to a program (the CLI's
//! `--format json`, the API's `/api/v1/explain`): the diagnosis and whether anything in the
//! text was recognized. When nothing was, the answer tells no reason story and blames no
//! party (`party` is `null`); its summary, explanation and advice are the texts a person is
//! shown instead: that nothing was recognized, what was looked for, and to paste the whole
//! error message.

use serde::Serialize;

use super::{Advice, Diagnosis, Evidence};
use crate::status::StatusCode;
use crate::vocab::{Action, Confidence, Party, Reason, Retry, SmtpCommand, StatusSource};
use crate::{Knowledge, Lang};

/// The advice id of "paste the whole error message", the one step of an answer in which
/// nothing was recognized.
pub const PASTE_WHOLE_MESSAGE: &str = "paste-whole-message";

/// A diagnosis as an answer (see the module documentation): the fields of [`Diagnosis`], in
/// its order, with `recognized` first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// False when nothing in the text was recognized: no code, no known wording
    /// ([`Diagnosis::is_conclusive`]).
    pub recognized: bool,
    recipient: Option<String>,
    reply_code: Option<u16>,
    status: Option<StatusCode>,
    status_source: Option<StatusSource>,
    action: Option<Action>,
    command: Option<SmtpCommand>,
    reason: Reason,
    hard_bounce: bool,
    retry: Retry,
    /// Who must act first; `None` when nothing was recognized.
    party: Option<Party>,
    provider: Option<String>,
    mta: Option<String>,
    diagnostic: String,
    summary: String,
    explanation: String,
    advice: Vec<Advice>,
    evidence: Vec<Evidence>,
    confidence: Confidence,
    lang: Lang,
}

impl Answer {
    /// The answer of a diagnosis, with the texts of "nothing recognized" from `kb` when
    /// nothing was.
    pub fn new(kb: &Knowledge, d: Diagnosis) -> Answer {
        let recognized = d.is_conclusive();
        let lang = d.lang;
        let (party, summary, explanation, advice) = if recognized {
            (Some(d.party), d.summary, d.explanation, d.advice)
        } else {
            (
                None,
                kb.label("nothing.headline", lang).to_string(),
                kb.label("nothing.looked_for", lang).to_string(),
                vec![Advice {
                    id: PASTE_WHOLE_MESSAGE.to_string(),
                    text: kb.label("nothing.ask", lang).to_string(),
                    avoid: false,
                }],
            )
        };
        Answer {
            recognized,
            recipient: d.recipient,
            reply_code: d.reply_code,
            status: d.status,
            status_source: d.status_source,
            action: d.action,
            command: d.command,
            reason: d.reason,
            hard_bounce: d.hard_bounce,
            retry: d.retry,
            party,
            provider: d.provider,
            mta: d.mta,
            diagnostic: d.diagnostic,
            summary,
            explanation,
            advice,
            evidence: d.evidence,
            confidence: d.confidence,
            lang,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn keys(v: &serde_json::Value) -> Vec<String> {
        v.as_object().unwrap().keys().cloned().collect()
    }

    /// An answer has every field of the diagnosis, and `recognized`.
    #[test]
    fn an_answer_is_the_diagnosis_and_recognized() {
        let engine = Engine::new().unwrap();
        let d = engine.explain("550 5.1.1 User unknown", Lang::En).unwrap();
        let answer = Answer::new(engine.knowledge(), d.clone());
        let a = serde_json::to_value(&answer).unwrap();
        let mut expected = keys(&serde_json::to_value(&d).unwrap());
        expected.push("recognized".into());
        expected.sort();
        assert_eq!(keys(&a), expected);
        assert_eq!(a["recognized"], true);
        let mut back = a.clone();
        back.as_object_mut().unwrap().remove("recognized");
        assert_eq!(back, serde_json::to_value(&d).unwrap());
    }

    #[test]
    fn nothing_recognized_blames_no_one_and_asks_for_the_whole_error() {
        let engine = Engine::new().unwrap();
        for lang in Lang::ALL {
            let d = engine.explain("hello world", lang).unwrap();
            let a = serde_json::to_value(Answer::new(engine.knowledge(), d)).unwrap();
            assert_eq!(a["recognized"], false);
            assert!(a["party"].is_null());
            let kb = engine.knowledge();
            assert_eq!(a["summary"], kb.label("nothing.headline", lang));
            assert_eq!(a["advice"][0]["id"], PASTE_WHOLE_MESSAGE);
            assert_eq!(a["advice"][0]["text"], kb.label("nothing.ask", lang));
            assert_eq!(a["advice"].as_array().unwrap().len(), 1);
        }
    }
}
