//! Input nobody should paste, and input too large to read whole: never a panic, always an
//! answer in bounded time.

use std::time::{Duration, Instant};

use bouncedoc_core::{Confidence, Engine, Error, Lang};

#[test]
fn empty_input_is_an_error() {
    let engine = Engine::new().unwrap();
    assert!(matches!(
        engine.explain("", Lang::En),
        Err(Error::EmptyInput)
    ));
    assert!(matches!(
        engine.explain(" \n\t ", Lang::Ja),
        Err(Error::EmptyInput)
    ));
}

#[test]
fn binary_garbage_gives_a_low_confidence_answer() {
    let engine = Engine::new().unwrap();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let bytes: Vec<u8> = (0..100_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    let text = String::from_utf8_lossy(&bytes);
    let d = engine.explain(&text, Lang::En).unwrap();
    assert_eq!(d.confidence, Confidence::Low);
}

#[test]
fn ten_megabytes_are_read_in_bounded_time() {
    let engine = Engine::new().unwrap();
    let line = "Received: from mx.example.net (mx.example.net [192.0.2.1]) by example.jp\n";
    let mut text = line.repeat(10 * 1024 * 1024 / line.len());
    text.push_str("550 5.1.1 <a@example.jp>... User unknown\n");
    let started = Instant::now();
    let d = engine.explain(&text, Lang::Ja).unwrap();
    // Generous: this guards against quadratic behaviour, not for speed (see the benchmarks).
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(d.diagnostic.chars().count() <= bouncedoc_core::reply::MAX_DIAGNOSTIC_CHARS + 1);
    assert!(
        d.explanation
            .contains(engine.knowledge().label("note.truncated", Lang::Ja))
    );
}
