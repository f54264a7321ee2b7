//! Each real bounce of `shared/corpus/maildir/bsd` beside its full expected result, the way
//! mail-parser keeps each `.eml` beside its `.json`: one insta snapshot per file holds every
//! record `parse` makes of it (English), so a change shows exactly which files' answers
//! moved. `cargo insta review` (or `INSTA_UPDATE=always`) accepts a change after reading it.

use std::path::Path;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::record::Record;
use bouncedoc_mail::records::Messages;
use bouncedoc_testkit::{corpus_dir, files_in};

/// The records of one corpus file, as `parse` makes them: an mbox file (a few corpus files
/// hold two messages) gives each message's records with its index.
fn records_of(engine: &Engine, path: &Path) -> Vec<Record> {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let file = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    Messages::new(file, name)
        .flat_map(|job| job.records(engine, Lang::En))
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
