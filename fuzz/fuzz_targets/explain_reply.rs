//! Any text, explained as a pasted reply: never a panic.
#![no_main]

use std::sync::LazyLock;

use bouncedoc_core::{Engine, Lang};
use libfuzzer_sys::fuzz_target;

/// Loaded once: the knowledge is the same for every input.
static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new().expect("knowledge loads"));

fuzz_target!(|data: &[u8]| {
    let engine = &*ENGINE;
    let text = String::from_utf8_lossy(data);
    let _ = engine.explain(&text, Lang::En);
});
