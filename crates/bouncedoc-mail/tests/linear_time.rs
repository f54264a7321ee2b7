//! Every parsing stage is linear in its input: for each pattern that once took time growing
//! with the square of its size (issue 17: a header of many encoded words, a Postfix bounce
//! of many recipients, a message of many text parts), reading four times the input takes
//! less than ten times as long (linear gives about 4, quadratic 16).
//!
//! Made to hold on a busy two-core machine: runs are timed in the thread's CPU time (on
//! Linux; which other processes do not stretch, as they stretch wall-clock time), each size
//! as the best of three runs, the patterns one at a time (never beside each other); the
//! bound leaves a factor 2.5 over linear, and a ratio over the bound is measured again (up
//! to three times) before the test fails: load makes a run slower now and then, a
//! quadratic stage every time. The sizes are chosen so that the quadratic code (before the
//! change) fails: there, the quadratic part outweighs the linear one already at `n`.

mod support;

use std::sync::Mutex;
use std::time::Duration;

use support::linear_inputs;

/// Linear time gives a ratio of about 4 for four times the input; quadratic about 16.
const BOUND: f64 = 10.0;

/// One pattern timed at a time: the tests of this file run in parallel threads.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The best of three readings of `raw`, and the number of recipients read.
fn best_of_three(raw: &[u8]) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut recipients = 0;
    for _ in 0..3 {
        let (took, bounce) = linear_inputs::time(|| bouncedoc_mail::read_bytes(raw));
        let bounce = bounce.expect("a message");
        best = best.min(took);
        recipients = bounce.recipients.len();
    }
    (best, recipients)
}

/// Times `make(n)` and `make(4 * n)` and asserts the ratio is under [`BOUND`];
/// `recipients(n)` is how many recipients the input of size `n` names.
fn assert_linear(name: &str, n: usize, make: fn(usize) -> Vec<u8>, recipients: fn(usize) -> usize) {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(4 * n));
    let mut ratios = Vec::new();
    for _ in 0..3 {
        let (t_small, r_small) = best_of_three(&small);
        let (t_large, r_large) = best_of_three(&large);
        // The input went through the stage it is about.
        assert_eq!(r_small, recipients(n), "{name}: recipients at n={n}");
        assert_eq!(
            r_large,
            recipients(4 * n),
            "{name}: recipients at n={}",
            4 * n
        );
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        eprintln!("{name}: n={n} {t_small:?}, 4n {t_large:?}, ratio {ratio:.2}");
        if ratio < BOUND {
            return;
        }
        ratios.push(ratio);
    }
    panic!("{name}: four times the input took {ratios:.2?} times as long (bound {BOUND})");
}

#[test]
fn a_header_of_many_encoded_words() {
    assert_linear("encoded words", 10_000, linear_inputs::encoded_words, |_| 0);
}

#[test]
fn a_content_type_of_many_encoded_words() {
    assert_linear(
        "content type",
        40_000,
        linear_inputs::content_type_words,
        |_| 0,
    );
}

#[test]
fn many_recipients_after_many_blank_lines() {
    assert_linear(
        "blank lines",
        4_000,
        linear_inputs::blank_lines_then_recipients,
        |n| n,
    );
}

#[test]
fn a_postfix_bounce_of_many_recipients() {
    assert_linear(
        "postfix recipients",
        2_000,
        linear_inputs::postfix_recipients,
        |n| n,
    );
}

#[test]
fn a_message_of_many_text_parts() {
    assert_linear("text parts", 4_000, linear_inputs::text_parts, |n| n);
}

/// The decoded subject is the words joined (the space between them dropped), so the fast
/// path reads what it is timed on.
#[test]
fn the_encoded_words_are_decoded() {
    let m = bouncedoc_mail::Message::parse(&linear_inputs::encoded_words(3)).expect("a message");
    assert_eq!(m.header("subject"), Some("宛先宛先宛先"));
}
