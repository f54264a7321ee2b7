//! Any bytes, read as a message and diagnosed: never a panic, never unbounded work.
#![no_main]

use bouncedoc_core::{Engine, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let engine = Engine::new().expect("knowledge loads");
    let _ = bouncedoc_mail::diagnose_bytes(&engine, data, Lang::Ja);
    // The same bytes as an mbox stream.
    for message in bouncedoc_mail::input::mbox::MboxReader::new(data) {
        if let Ok(m) = message {
            let _ = bouncedoc_mail::diagnose_bytes(&engine, &m.bytes, Lang::En);
        }
    }
});
