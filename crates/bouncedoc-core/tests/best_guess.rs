//! The best guess end to end: a wording no rule knows gets, with the feature `best-guess`,
//! the reason of the known wordings it resembles, with low confidence and those wordings as
//! evidence; a text that is no bounce still gets "nothing recognized". Without the feature
//! the same wording stays `undefined`.

use bouncedoc_core::{Engine, EvidenceKind, Lang, Reason};

/// A wording of a full mailbox that no rule holds.
const UNKNOWN_WORDING: &str = "user has exceeded the storage allocation of the mailbox";

#[cfg(feature = "best-guess")]
#[test]
fn an_unknown_wording_gets_a_low_confidence_guess_with_what_it_resembles() {
    let engine = Engine::new().unwrap();
    for lang in Lang::ALL {
        let d = engine.explain(UNKNOWN_WORDING, lang).unwrap();
        assert_eq!(d.reason, Reason::MailboxFull, "{d:#?}");
        assert_eq!(d.confidence, bouncedoc_core::Confidence::Low);
        assert_eq!(d.rule_id(), None, "no rule matched");
        let resembles: Vec<_> = d
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Resembles)
            .collect();
        assert!(!resembles.is_empty());
        for e in &resembles {
            let id = e.id.as_deref().unwrap();
            let rule = engine.knowledge().rule(id).expect("a rule id");
            assert_eq!(rule.reason, Reason::MailboxFull, "{id}");
            // The words shown are the input's own.
            assert!(UNKNOWN_WORDING.contains(e.text.as_str()), "{:?}", e.text);
            assert!(!e.text.is_empty());
        }
        let note = engine
            .knowledge()
            .docs
            .labels
            .label
            .iter()
            .find(|l| l.id == "note.guess")
            .unwrap();
        assert!(d.explanation.contains(lang.pick(&note.text)));
    }
}

#[cfg(not(feature = "best-guess"))]
#[test]
fn without_the_feature_an_unknown_wording_stays_undefined() {
    let engine = Engine::new().unwrap();
    let d = engine.explain(UNKNOWN_WORDING, Lang::En).unwrap();
    assert_eq!(d.reason, Reason::Undefined);
    assert!(d.evidence.iter().all(|e| e.kind != EvidenceKind::Resembles));
}

#[test]
fn a_text_that_is_no_bounce_is_still_nothing_recognized() {
    let engine = Engine::new().unwrap();
    for text in [
        "Thanks, see you at the meeting on Monday",
        "来週の会議は水曜日の午後です",
    ] {
        let d = engine.explain(text, Lang::En).unwrap();
        assert_eq!(d.reason, Reason::Undefined, "{text}");
        assert!(!d.is_conclusive());
        assert!(d.evidence.is_empty(), "{:?}", d.evidence);
    }
}
