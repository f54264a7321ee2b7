//! Every acceptance case of `shared/spec/seed-cases.toml`, through the library, in both
//! languages.

use bouncedoc_core::{Diagnosis, Engine, Lang};
use bouncedoc_testkit::{SeedAnswer, seed_cases};

fn observed(d: &Diagnosis) -> SeedAnswer {
    SeedAnswer {
        reply_code: d.reply_code,
        status: d.status.map(|s| s.to_string()),
        reason: d.reason.to_string(),
        hard_bounce: d.hard_bounce,
        party: d.party.to_string(),
        advice: d.advice.iter().map(|a| a.id.clone()).collect(),
        provider: d.provider.clone(),
        explanation: d.explanation.clone(),
    }
}

#[test]
fn every_seed_case_passes_in_both_languages() {
    let engine = Engine::new().unwrap();
    let mut failures = Vec::new();
    for case in seed_cases() {
        for lang in Lang::ALL {
            let d = engine.explain(&case.input, lang).unwrap();
            for f in case.failures(&observed(&d)) {
                failures.push(format!("{} ({lang}): {f}", case.id));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "seed cases failing:\n{}",
        failures.join("\n")
    );
}

#[test]
fn quota_under_a_policy_code_is_not_called_a_plain_full_mailbox() {
    let engine = Engine::new().unwrap();
    let d = engine
        .explain("550 5.7.1 Email quota exceeded", Lang::En)
        .unwrap();
    let uncertain = d.explanation.to_lowercase();
    assert!(
        uncertain.contains("uncertain")
            || uncertain.contains("not necessarily")
            || uncertain.contains("may"),
        "the explanation must say what is uncertain: {}",
        d.explanation
    );
}

#[test]
fn the_specific_code_wins_over_the_summary_line() {
    let engine = Engine::new().unwrap();
    let text = "552 5.2.2 <jiro@example.jp>: user is over quota\n554 5.0.0 Service unavailable";
    let d = engine.explain(text, Lang::En).unwrap();
    assert_eq!(d.status.unwrap().to_string(), "5.2.2");
    assert_eq!(d.reply_code, Some(552));
    assert_eq!(d.reason.as_str(), "mailboxfull");
    let text = "554 5.0.0 Service unavailable\n552 5.2.2 <jiro@example.jp>: user is over quota";
    let d = engine.explain(text, Lang::Ja).unwrap();
    assert_eq!(d.status.unwrap().to_string(), "5.2.2");
    assert!(
        d.explanation.contains("5.0.0"),
        "the summary code is mentioned: {}",
        d.explanation
    );
}

#[test]
fn words_alone_say_that_no_code_was_found() {
    let engine = Engine::new().unwrap();
    let d = engine.explain("temporary failure", Lang::En).unwrap();
    assert!(d.status.is_none() && d.reply_code.is_none());
    let ja = engine.explain("temporary failure", Lang::Ja).unwrap();
    let k = engine.knowledge();
    assert!(d.explanation.contains(k.label("note.no_code", Lang::En)));
    assert!(ja.explanation.contains(k.label("note.no_code", Lang::Ja)));
}
