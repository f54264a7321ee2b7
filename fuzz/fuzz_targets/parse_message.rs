//! Any bytes, read as a message and diagnosed: never a panic, never unbounded work.
#![no_main]

use std::sync::LazyLock;

use bouncedoc_core::{Engine, Lang};
use libfuzzer_sys::fuzz_target;

/// Loaded once: the knowledge is the same for every input.
static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("knowledge loads"));

fuzz_target!(|data: &[u8]| {
    let engine = &*ENGINE;
    let _ = bouncedoc_mail::diagnose_bytes(engine, data, Lang::Ja);
    // The same bytes as an mbox stream.
    for message in bouncedoc_mail::input::mbox::MboxReader::new(data) {
        if let Ok(m) = message {
            let _ = bouncedoc_mail::diagnose_bytes(engine, &m.bytes, Lang::En);
        }
    }
});
