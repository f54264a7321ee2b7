//! Any bytes, read as a mail server's log and told as delivery stories: never a panic,
//! and every story the reader completes gets a record.
#![no_main]

use std::sync::LazyLock;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_logs::reader::{Item, Reader};
use bouncedoc_logs::story::Stories;
use libfuzzer_sys::fuzz_target;

/// Loaded once: the knowledge is the same for every input.
static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("knowledge loads"));

fuzz_target!(|data: &[u8]| {
    let source = "fuzz.log".into();
    let (mut stories, mut done) = (Stories::new(), Vec::new());
    for item in Reader::new(data, 2024) {
        if let Item::Entry { line, entry } = item {
            stories.push(&source, line, entry, &mut done);
        }
    }
    stories.finish(&mut done);
    for story in done {
        let _ = bouncedoc_logs::record::record(&ENGINE, story, Lang::Ja);
    }
});
