//! Where a message's time goes, stage by stage, over a folder of messages (warm, one core):
//! MIME parsing, the report text and returned headers, the format detectors, the
//! diagnosis, and writing JSON. A profiling aid beside the criterion benchmarks.
//!
//! usage: cargo run --release -p bouncedoc-mail --example stage_cost [DIR] [ROUNDS]
//! (default `../shared/corpus/maildir/bsd`, 10 rounds)

use std::time::{Duration, Instant};

mod support;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::message::Message;
use bouncedoc_mail::record::{Origin, records};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (dir, rounds) = support::args(10)?;
    let engine = Engine::new()?;
    let raws = support::files(&dir)?;
    const STAGES: [&str; 6] = [
        "MIME parse",
        "report text",
        "returned headers",
        "detectors",
        "diagnosis",
        "JSON",
    ];
    let mut spent = [Duration::ZERO; STAGES.len()];
    let origin = Origin {
        source: dir.clone(),
        index: Some(1),
    };
    let mut out = Vec::new();
    let mut messages = 0u32;
    for _ in 0..rounds {
        for raw in &raws {
            let t0 = Instant::now();
            let Ok(message) = Message::parse(raw) else {
                continue;
            };
            let t1 = Instant::now();
            let _ = message.report_text();
            let t2 = Instant::now();
            let _ = message.original_header("to");
            let t3 = Instant::now();
            let bounce = bouncedoc_mail::read_message(&message);
            let t4 = Instant::now();
            let report = bouncedoc_mail::diagnose(&engine, &bounce, Lang::En);
            let t5 = Instant::now();
            for record in records(&origin, report) {
                out.clear();
                serde_json::to_writer(&mut out, &record)?;
            }
            let t6 = Instant::now();
            for (s, d) in
                spent
                    .iter_mut()
                    .zip([t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5])
            {
                *s += d;
            }
            messages += 1;
        }
    }
    println!("{messages} messages ({} rounds of {dir})", rounds);
    for (name, d) in STAGES.iter().zip(spent) {
        println!("{name:>17} {:>9.2?} per message", d / messages.max(1));
    }
    let total: Duration = spent.iter().sum();
    println!(
        "{:>17} {:>9.2?} per message",
        "total",
        total / messages.max(1)
    );
    Ok(())
}
