//! Issue 15 point 5, on the servers' own bounce templates: each message of `templates/` is a
//! bounce (or a message that only looks like one) written for this project from the fixed
//! text of a server's bounce template, as its source code or documentation lays it out (the
//! `.expected` file beside it names the source). Around the fixed text, the addresses and the
//! words are the project's own.
//!
//! Each `NAME.expected` holds `key: value` lines:
//! - `kind`: `bounce`, `auto-reply`, `feedback` or `not-bounce`;
//! - `failed`: the exact set of failed recipients (comma-separated; empty for none);
//! - `reason`: one reason for every failed recipient, or one per recipient in `failed` order;
//! - `delayed`: the recipients only delayed (reported, never as failed);
//! - `source`: where the template's fixed text comes from.
//!
//! A recipient is failed when it is diagnosed in a bounce and its action is not `delayed`,
//! `delivered`, `relayed` or `expanded`; a report with failed recipients names none that
//! was delivered, relayed or expanded.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bouncedoc_core::{Action, Engine, Lang};
use bouncedoc_mail::{Kind, diagnose_bytes};

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/templates")
}

/// What an `.expected` file states.
#[derive(Debug, Default)]
struct Expected {
    kind: String,
    failed: Vec<String>,
    reasons: Vec<String>,
    delayed: Vec<String>,
    source: String,
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

fn expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut e = Expected::default();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (key, value) = line
            .split_once(':')
            .unwrap_or_else(|| panic!("{}: no key in {line:?}", path.display()));
        let value = value.trim();
        match key.trim() {
            "kind" => e.kind = value.to_string(),
            "failed" => e.failed = list(value),
            "reason" => e.reasons = list(value),
            "delayed" => e.delayed = list(value),
            "source" => e.source = value.to_string(),
            other => panic!("{}: unknown key {other}", path.display()),
        }
    }
    e
}

fn lower_set(addresses: &[String]) -> BTreeSet<String> {
    addresses.iter().map(|a| a.to_ascii_lowercase()).collect()
}

/// What is wrong with the reading of one template, or `None` when it is right.
fn check(engine: &Engine, eml: &Path, want: &Expected) -> Option<String> {
    let raw = std::fs::read(eml).unwrap();
    let report = match diagnose_bytes(engine, &raw, Lang::En) {
        Ok(r) => r,
        Err(e) => return Some(format!("not read: {e}")),
    };
    let kind = report.kind.as_str();
    if kind != want.kind {
        return Some(format!("kind {kind}, expected {}", want.kind));
    }
    let not_failed = |a: Option<Action>| {
        matches!(
            a,
            Some(Action::Delayed | Action::Delivered | Action::Relayed | Action::Expanded)
        )
    };
    let failed: Vec<(String, String, String)> = report
        .diagnoses
        .iter()
        .filter(|(d, _)| report.kind == Kind::Bounce && !not_failed(d.action))
        .map(|(d, _)| {
            (
                d.recipient.clone().unwrap_or_else(|| "(none)".into()),
                d.reason.to_string(),
                d.diagnostic.clone(),
            )
        })
        .collect();
    let got: Vec<String> = failed.iter().map(|(a, _, _)| a.clone()).collect();
    let mut problems = Vec::new();
    if lower_set(&got) != lower_set(&want.failed) || got.len() != want.failed.len() {
        problems.push(format!("failed {got:?}, expected {:?}", want.failed));
    }
    // A report of failures names no recipient it delivered to.
    let succeeded: Vec<String> = report
        .diagnoses
        .iter()
        .filter(|(d, _)| {
            matches!(
                d.action,
                Some(Action::Delivered | Action::Relayed | Action::Expanded)
            )
        })
        .filter_map(|(d, _)| d.recipient.clone())
        .collect();
    if !failed.is_empty() && !succeeded.is_empty() {
        problems.push(format!("delivered ones reported: {succeeded:?}"));
    }
    let delayed: Vec<String> = report
        .diagnoses
        .iter()
        .filter(|(d, _)| d.action == Some(Action::Delayed))
        .filter_map(|(d, _)| d.recipient.clone())
        .collect();
    if lower_set(&delayed) != lower_set(&want.delayed) {
        problems.push(format!("delayed {delayed:?}, expected {:?}", want.delayed));
    }
    for (i, want_address) in want.failed.iter().enumerate() {
        let Some(want_reason) = want.reasons.get(i).or(want.reasons.first()) else {
            continue;
        };
        if let Some((_, reason, words)) = failed
            .iter()
            .find(|(a, _, _)| a.eq_ignore_ascii_case(want_address))
            && reason != want_reason
        {
            problems.push(format!(
                "{want_address}: reason {reason}, expected {want_reason} (from {words:?})"
            ));
        }
    }
    (!problems.is_empty()).then(|| {
        format!(
            "{} (read by {})",
            problems.join("; "),
            report.message.detector
        )
    })
}

#[test]
fn every_template_gives_its_failed_recipients_and_reason() {
    let engine = Engine::new().unwrap();
    let mut emls: Vec<PathBuf> = std::fs::read_dir(templates())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    emls.sort();
    assert!(emls.len() >= 25, "only {} templates", emls.len());
    let mut wrong = Vec::new();
    for eml in &emls {
        let want = expected(&eml.with_extension("expected"));
        assert!(!want.source.is_empty(), "{}: no source", eml.display());
        assert!(
            want.kind != "bounce" || !want.failed.is_empty() || !want.delayed.is_empty(),
            "{}: a bounce that names nobody",
            eml.display()
        );
        if let Some(problem) = check(&engine, eml, &want) {
            wrong.push(format!(
                "{}: {problem}",
                eml.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    eprintln!("{} templates, {} wrong", emls.len(), wrong.len());
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every message has its expectations, and every expectation its message.
#[test]
fn each_template_has_its_expected_file() {
    for entry in std::fs::read_dir(templates()).unwrap() {
        let path = entry.unwrap().path();
        let twin = match path.extension().and_then(|x| x.to_str()) {
            Some("eml") => path.with_extension("expected"),
            Some("expected") => path.with_extension("eml"),
            _ => panic!("{}: neither .eml nor .expected", path.display()),
        };
        assert!(
            twin.exists(),
            "{} has no {}",
            path.display(),
            twin.display()
        );
    }
}
