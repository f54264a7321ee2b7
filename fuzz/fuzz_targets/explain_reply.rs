//! Any text, explained as a pasted reply: never a panic.
#![no_main]

use bouncedoc_core::{Engine, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let engine = Engine::new().expect("knowledge loads");
    let text = String::from_utf8_lossy(data);
    let _ = engine.explain(&text, Lang::En);
});
