//! Every example of every knowledge rule is diagnosed by that rule, with its reason, and the
//! provider it shows is recognized. This is the test that sits beside each data entry.

use bouncedoc_core::knowledge::RuleOrigin;
use bouncedoc_core::{Engine, EvidenceKind, Lang, Observation, ReportKind, SmtpCommand};

#[test]
fn every_rule_wins_its_own_examples() {
    let engine = Engine::new().unwrap();
    let k = engine.knowledge();
    let mut failures = Vec::new();
    let mut examples = 0;
    for rule in &k.rules {
        for ex in &rule.doc.example {
            examples += 1;
            // A format's own wording is read in a report of that format (on its Subject
            // when the rule says so).
            let d = match rule.doc.server.first() {
                None => engine.explain(&ex.input, Lang::En).unwrap(),
                Some(server) => {
                    let (text, subject) = if rule.doc.subject {
                        ("", Some(ex.input.as_str()))
                    } else {
                        (ex.input.as_str(), None)
                    };
                    let observation = Observation {
                        text,
                        subject,
                        server: Some(server),
                        report: ReportKind::Delivery,
                        ..Observation::default()
                    };
                    engine.diagnose(&observation, Lang::En)
                }
            };
            if d.rule_id() != Some(rule.doc.id.as_str()) {
                failures.push(format!(
                    "rule `{}`: example {:?} was won by {:?} ({})",
                    rule.doc.id,
                    ex.input,
                    d.rule_id(),
                    d.reason
                ));
                continue;
            }
            let want = rule.reason;
            if d.reason != want {
                failures.push(format!(
                    "rule `{}`: reason {} != {}",
                    rule.doc.id, d.reason, want
                ));
            }
            if rule.doc.warning
                && (d.hard_bounce || d.action != Some(bouncedoc_core::Action::Delayed))
            {
                failures.push(format!(
                    "rule `{}`: a warning read as a failure",
                    rule.doc.id
                ));
            }
            let want_provider = ex.provider.clone().or_else(|| match rule.origin {
                RuleOrigin::Provider(i) => Some(k.providers[i].id.clone()),
                _ => None,
            });
            if want_provider.is_some() && d.provider != want_provider {
                failures.push(format!(
                    "rule `{}`: provider {:?} != {:?} in {:?}",
                    rule.doc.id, d.provider, want_provider, ex.input
                ));
            }
        }
    }
    assert!(examples >= k.rules.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every entry of `context.toml` decides its own examples: the words in the example's
/// context get the entry's reason, with the entry as evidence.
#[test]
fn every_context_entry_decides_its_own_examples() {
    let engine = Engine::new().unwrap();
    let k = engine.knowledge();
    let mut failures = Vec::new();
    for entry in &k.docs.context.adjust {
        for ex in &entry.example {
            let observation = Observation {
                text: &ex.input,
                command: ex.command.as_deref().and_then(SmtpCommand::from_stage),
                status: ex.status.as_deref().map(|s| s.parse().unwrap()),
                server: ex.server.as_deref(),
                local_program: ex.local_program,
                report: if ex.in_report.unwrap_or(true) {
                    ReportKind::Delivery
                } else {
                    ReportKind::Words
                },
                ..Observation::default()
            };
            let d = engine.diagnose(&observation, Lang::En);
            let by_entry = d
                .evidence
                .iter()
                .any(|e| e.kind == EvidenceKind::Context && e.id.as_deref() == Some(&entry.id));
            if !by_entry || d.reason.as_str() != entry.reason {
                failures.push(format!(
                    "entry `{}`: example {:?} gave {} ({:?})",
                    entry.id, ex.input, d.reason, d.evidence
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_knowledge_base_is_complete() {
    let engine = Engine::new().unwrap();
    let k = engine.knowledge();
    let patterns: usize = k
        .rules
        .iter()
        .map(|r| r.doc.phrases.len() + r.doc.regex.len())
        .sum();
    assert!(k.rules.len() >= 200, "only {} rules", k.rules.len());
    assert!(patterns >= 200, "only {patterns} patterns");
    for required in [
        "google",
        "microsoft",
        "yahoo",
        "aol",
        "apple",
        "docomo",
        "au",
        "softbank",
    ] {
        assert!(
            k.providers.iter().any(|p| p.id == required),
            "provider {required} missing"
        );
    }
    for required in ["postfix", "exim", "sendmail", "qmail", "exchange"] {
        assert!(
            k.servers.iter().any(|s| s.id == required),
            "server {required} missing"
        );
    }
    // No placeholder text is left anywhere.
    for (name, text) in bouncedoc_core::knowledge::embedded_files() {
        assert!(
            !text.contains("\"TODO\""),
            "knowledge/{name} still has TODO texts"
        );
    }
}

#[test]
fn japanese_texts_are_japanese() {
    let engine = Engine::new().unwrap();
    let k = engine.knowledge();
    let has_kana = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
    for r in &k.docs.reasons {
        assert!(
            has_kana(&r.summary.ja),
            "reasons/{}: summary.ja is not Japanese",
            r.id
        );
        assert!(
            has_kana(&r.meaning.ja),
            "reasons/{}: meaning.ja is not Japanese",
            r.id
        );
    }
    for a in &k.docs.advice.advice {
        assert!(has_kana(&a.text.ja), "advice {}: not Japanese", a.id);
    }
}

#[test]
fn every_rule_names_the_source_of_its_wording() {
    let engine = Engine::new().unwrap();
    let missing: Vec<&str> = engine
        .knowledge()
        .rules
        .iter()
        .filter(|r| r.doc.source.as_deref().is_none_or(|s| s.trim().is_empty()))
        .map(|r| r.doc.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "{} rules without a source: {}",
        missing.len(),
        missing.join(", ")
    );
}
