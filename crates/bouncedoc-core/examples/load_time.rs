//! Prints how long the knowledge base takes to load: from the checked TOML files, and from
//! the pre-parsed form the library uses at start-up (median of several runs each).
use std::time::{Duration, Instant};

use bouncedoc_core::Knowledge;
use bouncedoc_core::knowledge::embedded_files;

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let toml = median(|| drop(Knowledge::load_files(embedded_files()).unwrap()));
    let json = median(|| drop(Knowledge::load_embedded().unwrap()));
    println!("from TOML (parse, check, index): {toml:?}");
    println!("pre-parsed (load, index):        {json:?}");
}
