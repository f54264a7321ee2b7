//! Prints how long reading each pattern of `tests/support/linear_inputs.rs` takes at a few
//! sizes (best of three runs, in the thread's CPU time on Linux), for `docs/perf/linear-time.md`:
//! `cargo run --release -p bouncedoc-mail --example linear_probe [pattern size...]`.

#[path = "../tests/support/linear_inputs.rs"]
mod linear_inputs;

use std::time::Duration;

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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs: Vec<(String, usize)> = if args.is_empty() {
        let mut all = Vec::new();
        for n in [40_000, 80_000] {
            all.push(("encoded_words".to_string(), n));
        }
        for n in [40_000, 80_000] {
            all.push(("content_type_words".to_string(), n));
        }
        for n in [25_000, 50_000, 100_000] {
            all.push(("postfix_recipients".to_string(), n));
        }
        for n in [50_000, 100_000] {
            all.push(("text_parts".to_string(), n));
        }
        for n in [50_000, 100_000] {
            all.push(("blank_lines_then_recipients".to_string(), n));
        }
        all
    } else {
        args.chunks(2)
            .map(|c| (c[0].clone(), c[1].parse().expect("a size")))
            .collect()
    };
    for (pattern, n) in runs {
        let raw = match pattern.as_str() {
            "encoded_words" => linear_inputs::encoded_words(n),
            "content_type_words" => linear_inputs::content_type_words(n),
            "postfix_recipients" => linear_inputs::postfix_recipients(n),
            "text_parts" => linear_inputs::text_parts(n),
            "blank_lines_then_recipients" => linear_inputs::blank_lines_then_recipients(n),
            other => panic!("no pattern {other}"),
        };
        let (time, recipients) = best_of_three(&raw);
        println!(
            "{pattern:<20} n={n:<8} bytes={:<10} recipients={recipients:<8} {:.3} s",
            raw.len(),
            time.as_secs_f64()
        );
    }
}
