//! The acceptance cases of `shared/spec/seed-cases.toml` through the real binary:
//! `bouncedoc explain --format json`, and the human output fixed by snapshots in both
//! languages.

mod support;
use support::bouncedoc;

use bouncedoc_testkit::{SeedAnswer, seed_cases};
use serde_json::Value;

#[test]
fn every_seed_case_passes_through_the_json_output() {
    let mut failures = Vec::new();
    for case in seed_cases() {
        for lang in ["en", "ja"] {
            // The text goes in on standard input, as a person pastes it.
            let out = bouncedoc()
                .args(["explain", "--format", "json", "--lang", lang])
                .write_stdin(case.input.clone())
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}: exit status", case.id);
            let v: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(v["lang"], lang);
            for f in case.failures(&SeedAnswer::from_json(&v)) {
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
fn human_output_of_every_seed_case_in_both_languages() {
    for case in seed_cases() {
        for lang in ["en", "ja"] {
            let out = bouncedoc()
                .args(["explain", "--lang", lang])
                .arg(&case.input)
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(!text.contains('\u{1b}'), "no colour when NO_COLOR is set");
            insta::assert_snapshot!(format!("{}-{lang}", case.id), text);
        }
    }
}
