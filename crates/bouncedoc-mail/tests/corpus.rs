//! The real bounces of `shared/corpus`: agreement with the reference classifier's verdicts
//! (`expected.tsv`), line-end twins, non-bounces, damaged messages and mbox files.
//!
//! The agreement is computed as `shared/tools/score-corpus` computes it: the Nth diagnosis of
//! a file is compared with the row of recipient_index N.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use bouncedoc_core::{Diagnosis, Engine, Lang};
use bouncedoc_mail::input::mbox::MboxReader;
use bouncedoc_mail::records::Messages;
use bouncedoc_mail::{Kind, MessageReport, diagnose_bytes};
use bouncedoc_testkit::{corpus_dir, files_in, shared_dir};

/// The agreement below which this test fails. Issue 3 asks for 99% on every field; these are
/// the figures reached so far, raised as the detectors improve, so that nothing slips back.
const MIN_REASON: f64 = 99.3;
/// Two of the misses are Exim failure reports whose recipient ran out of retries ("This is
/// a permanent error ... retry timeout exceeded"): they failed, and are reported so (once
/// read as delayed, they had the reference's class-4 pseudo status).
const MIN_STATUS: f64 = 99.3;
const MIN_REPLY_CODE: f64 = 99.7;
const MIN_HARD_BOUNCE: f64 = 99.3;

fn corpus() -> PathBuf {
    shared_dir().join("corpus")
}

fn report(engine: &Engine, path: &Path) -> Result<MessageReport, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    diagnose_bytes(engine, &bytes, Lang::En).map_err(|e| e.to_string())
}

/// The diagnoses of a file as `parse` reads it: a file that starts with an mbox `From `
/// line is an mbox (some corpus files hold two messages), any other file one message.
fn diagnoses_of_file(engine: &Engine, path: &Path) -> Vec<Diagnosis> {
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    Messages::new(file, path.display().to_string())
        .filter_map(|job| diagnose_bytes(engine, &job.bytes.unwrap(), Lang::En).ok())
        .flat_map(|r| r.diagnoses.into_iter().map(|(d, _)| d))
        .collect()
}

struct Row {
    email: String,
    index: usize,
    status: String,
    reply_code: String,
    reason: String,
    hard_bounce: String,
}

fn expected() -> Vec<Row> {
    let text = std::fs::read_to_string(corpus().join("expected.tsv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Row {
                email: c[0].to_string(),
                index: c[1].parse().unwrap(),
                status: c[2].to_string(),
                reply_code: c[3].to_string(),
                reason: c[4].to_string(),
                hard_bounce: c[5].to_string(),
            }
        })
        .collect()
}

fn pct(n: usize, total: usize) -> f64 {
    100.0 * n as f64 / total as f64
}

#[test]
fn agreement_with_the_reference_classifier() {
    let engine = Engine::new().unwrap();
    let rows = expected();
    let mut by_file: HashMap<String, Vec<Diagnosis>> = HashMap::new();
    for path in files_in(&corpus_dir()) {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        by_file.insert(name, diagnoses_of_file(&engine, &path));
    }
    let (mut reason, mut status, mut reply, mut hard) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for row in &rows {
        let name = Path::new(&row.email)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let Some(d) = by_file.get(&name).and_then(|ds| ds.get(row.index - 1)) else {
            misses.push(format!("{}#{}: no diagnosis", row.email, row.index));
            continue;
        };
        let got_status = d.status.map(|s| s.to_string()).unwrap_or_default();
        let got_reply = d.reply_code.map(|c| c.to_string()).unwrap_or_default();
        let got_hard = if d.hard_bounce { "1" } else { "0" };
        let same_reason = d.reason.as_str() == row.reason;
        reason += usize::from(same_reason);
        status += usize::from(got_status == row.status);
        reply += usize::from(got_reply == row.reply_code);
        hard += usize::from(got_hard == row.hard_bounce);
        if !same_reason {
            misses.push(format!(
                "{}#{}: reason {} != {}",
                row.email, row.index, d.reason, row.reason
            ));
        }
    }
    let total = rows.len();
    let figures = format!(
        "recipients {total}: reason {:.1}%, status {:.1}%, reply_code {:.1}%, hard_bounce {:.1}%",
        pct(reason, total),
        pct(status, total),
        pct(reply, total),
        pct(hard, total)
    );
    println!("{figures}");
    let ok = pct(reason, total) >= MIN_REASON
        && pct(status, total) >= MIN_STATUS
        && pct(reply, total) >= MIN_REPLY_CODE
        && pct(hard, total) >= MIN_HARD_BOUNCE;
    assert!(ok, "agreement fell: {figures}\n{}", misses.join("\n"));
}

/// What is compared between twins: recipient, reason, status, reply code, hard bounce.
type Outcome = (Option<String>, String, Option<String>, Option<u16>, bool);

/// The diagnoses of a file as comparable tuples.
fn summary(engine: &Engine, path: &Path) -> Vec<Outcome> {
    report(engine, path)
        .map(|r| {
            r.diagnoses
                .iter()
                .map(|(d, _)| {
                    (
                        d.recipient.clone(),
                        d.reason.to_string(),
                        d.status.map(|s| s.to_string()),
                        d.reply_code,
                        d.hard_bounce,
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn crlf_and_cr_twins_give_the_same_diagnoses() {
    let engine = Engine::new().unwrap();
    let bsd = corpus().join("maildir/bsd");
    let mut differences = Vec::new();
    let mut compared = 0;
    for dir in ["dos", "mac"] {
        for path in files_in(&corpus().join("maildir").join(dir)) {
            let twin = bsd.join(path.file_name().unwrap());
            if !twin.exists() {
                continue;
            }
            compared += 1;
            let (a, b) = (summary(&engine, &twin), summary(&engine, &path));
            if a != b {
                differences.push(format!("{}: {a:?} != {b:?}", path.display()));
            }
        }
    }
    assert!(compared >= 100, "only {compared} twins found");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn messages_that_are_not_bounces_are_reported_as_such() {
    let engine = Engine::new().unwrap();
    for path in files_in(&corpus().join("maildir/not")) {
        let r = report(&engine, &path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(r.kind, Kind::NotBounce, "{}", path.display());
    }
}

#[test]
fn damaged_messages_and_mboxes_never_panic() {
    let engine = Engine::new().unwrap();
    let mut outcomes = 0;
    for path in files_in(&corpus().join("maildir/err")) {
        let _ = report(&engine, &path);
        outcomes += 1;
    }
    assert!(outcomes > 0);
    for path in files_in(&corpus().join("mailbox")) {
        let file = std::fs::File::open(&path).unwrap();
        for message in MboxReader::new(std::io::BufReader::new(file)) {
            let message = message.unwrap();
            let _ = diagnose_bytes(&engine, &message.bytes, Lang::Ja);
        }
    }
}

#[test]
fn the_mbox_of_the_corpus_splits_into_its_messages() {
    let file = std::fs::File::open(corpus().join("mailbox/mbox-0")).unwrap();
    let count = MboxReader::new(std::io::BufReader::new(file)).count();
    assert_eq!(count, 37);
}

/// For every recipient of the corpus, the engine given the same words in the same context
/// (the public entry point `Engine::diagnose`, as `explain` uses it) answers as `parse` does:
/// nothing outside the core changes a reason.
#[test]
fn parse_and_explain_agree_on_every_recipient() {
    let engine = Engine::new().unwrap();
    let mut compared = 0;
    let mut differences = Vec::new();
    for path in files_in(&corpus_dir()) {
        let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
        for job in Messages::new(file, path.display().to_string()) {
            let raw = job.bytes.unwrap();
            let (Ok(bounce), Ok(report)) = (
                bouncedoc_mail::read_bytes(&raw),
                diagnose_bytes(&engine, &raw, Lang::En),
            ) else {
                continue;
            };
            for (r, (parsed, _)) in bounce.recipients.iter().zip(&report.diagnoses) {
                compared += 1;
                let observation = bouncedoc_mail::observation_of(&bounce, r);
                let explained = engine.diagnose(&observation, Lang::En);
                if &explained != parsed {
                    differences.push(format!(
                        "{}: {:?}: parse {} / explain {}",
                        path.display(),
                        r.recipient,
                        parsed.reason,
                        explained.reason
                    ));
                }
            }
        }
    }
    assert!(compared >= 480, "only {compared} recipients compared");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The kept-back fifth of the corpus: the files whose name hashes (FNV-1a, 64 bits) to 0
/// modulo 5. No rule is written from these files (`docs/knowledge-authoring.md`); their
/// agreement is reported on its own, so that a rule fitted to the rest shows up here.
fn kept_back(name: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash.is_multiple_of(5)
}

/// The minimum reason agreement on the kept-back fifth (issue 15 asks for 97%).
const MIN_KEPT_BACK_REASON: f64 = 97.0;

#[test]
fn agreement_on_the_kept_back_fifth() {
    let engine = Engine::new().unwrap();
    let rows: Vec<Row> = expected()
        .into_iter()
        .filter(|r| kept_back(Path::new(&r.email).file_name().unwrap().to_str().unwrap()))
        .collect();
    assert!(rows.len() >= 60, "only {} kept-back recipients", rows.len());
    let mut agree = 0;
    let mut misses = Vec::new();
    let mut cache: HashMap<String, Vec<Diagnosis>> = HashMap::new();
    for row in &rows {
        let path = corpus().join(&row.email);
        let ds = cache
            .entry(row.email.clone())
            .or_insert_with(|| diagnoses_of_file(&engine, &path));
        match ds.get(row.index - 1) {
            Some(d) if d.reason.as_str() == row.reason => agree += 1,
            Some(d) => misses.push(format!(
                "{}#{}: {} != {}",
                row.email, row.index, d.reason, row.reason
            )),
            None => misses.push(format!("{}#{}: no diagnosis", row.email, row.index)),
        }
    }
    let figure = pct(agree, rows.len());
    println!(
        "kept-back fifth: {} recipients, reason {figure:.1}%",
        rows.len()
    );
    assert!(
        figure >= MIN_KEPT_BACK_REASON,
        "kept-back reason agreement {figure:.1}%:\n{}",
        misses.join("\n")
    );
}
