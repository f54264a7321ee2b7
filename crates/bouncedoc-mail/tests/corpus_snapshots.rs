//! Each real bounce of `shared/corpus/maildir/bsd` beside its full expected result, the way
//! mail-parser keeps each `.eml` beside its `.json`: one insta snapshot per file holds every
//! record `parse` makes of it (English), so a change shows exactly which files' answers
//! moved. `cargo insta review` (or `INSTA_UPDATE=always`) accepts a change after reading it.

use std::path::Path;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input::mbox::MboxReader;
use bouncedoc_mail::record::{Origin, Record, records};
use bouncedoc_mail::{MailError, diagnose_bytes};
use bouncedoc_testkit::{corpus_dir, files_in};

fn error_record(origin: Origin, e: MailError) -> Vec<Record> {
    vec![Record::Error {
        origin,
        error: e.to_string(),
    }]
}

/// The records of one corpus file, as `parse` makes them: an mbox file (a few corpus files
/// hold two messages) gives each message's records with its index.
fn records_of(engine: &Engine, path: &Path) -> Vec<Record> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let diagnose = |origin: Origin, bytes: &[u8]| match diagnose_bytes(engine, bytes, Lang::En) {
        Ok(report) => records(&origin, report),
        Err(e) => error_record(origin, e),
    };
    if !bouncedoc_mail::input::is_mbox(path).unwrap() {
        let origin = Origin {
            source: name,
            index: None,
        };
        return diagnose(origin, &std::fs::read(path).unwrap());
    }
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    MboxReader::new(file)
        .enumerate()
        .flat_map(|(i, m)| {
            let origin = Origin {
                source: name.clone(),
                index: Some(i + 1),
            };
            diagnose(origin, &m.unwrap().bytes)
        })
        .collect()
}

#[test]
fn every_corpus_file_beside_its_expected_records() {
    let engine = Engine::new().unwrap();
    let files = files_in(&corpus_dir());
    assert!(files.len() > 400, "only {} corpus files", files.len());
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in &files {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let records = records_of(&engine, path);
            insta::assert_json_snapshot!(stem, records);
        }
    });
}
