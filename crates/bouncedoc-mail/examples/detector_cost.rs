//! What each format detector costs over a folder of messages, tried in their order as
//! `parse` tries them: the time of the one that answered, and the time spent by those that
//! said no before it. A profiling aid beside the criterion benchmarks.
//!
//! usage: cargo run --release -p bouncedoc-mail --example detector_cost [DIR] [ROUNDS]
//! (default `../shared/corpus/maildir/bsd`, 5 rounds)

use std::time::{Duration, Instant};

mod support;

use bouncedoc_mail::detect::DETECTORS;
use bouncedoc_mail::message::Message;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, rounds) = support::args(5)?;
    let messages: Vec<Message> = support::files(&dir)?
        .iter()
        .filter_map(|raw| Message::parse(raw).ok())
        .collect();
    let n = DETECTORS.len();
    let (mut said_no, mut answered) = (vec![Duration::ZERO; n], vec![Duration::ZERO; n]);
    let mut tried = vec![0u32; n];
    for _ in 0..rounds {
        for m in &messages {
            // A fresh copy, with its report text already read (as `parse` reads it once).
            let fresh = m.clone();
            let _ = fresh.report_text();
            for (i, d) in DETECTORS.iter().enumerate() {
                let t = Instant::now();
                let found = d.detect(&fresh).is_some();
                let spent = t.elapsed();
                tried[i] += 1;
                if found {
                    answered[i] += spent;
                    break;
                }
                said_no[i] += spent;
            }
        }
    }
    let per = rounds * messages.len().max(1) as u32;
    let no: Duration = said_no.iter().sum();
    let yes: Duration = answered.iter().sum();
    println!(
        "{} messages: {:.2?} per message in detectors that said no, {:.2?} in the one that answered",
        messages.len(),
        no / per,
        yes / per
    );
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(said_no[i] + answered[i]));
    println!(
        "{:>16} {:>7} {:>10} {:>10}",
        "detector", "tried", "said no", "answered"
    );
    for i in order.into_iter().take(15) {
        println!(
            "{:>16} {:>7} {:>10.1?} {:>10.1?}",
            DETECTORS[i].id(),
            tried[i],
            said_no[i],
            answered[i]
        );
    }
    Ok(())
}
