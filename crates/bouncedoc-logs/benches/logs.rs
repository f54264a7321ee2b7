//! Reading a synthetic Postfix log: lines per second of the reader alone, and with the
//! stories tied together and diagnosed (what `bouncedoc logs` does, less the writing).

use std::sync::Arc;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_logs::reader::{Item, Reader};
use bouncedoc_logs::record::diagnose;
use bouncedoc_logs::story::Stories;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

mod synthetic;

const LINES: u64 = 100_000;

fn bench(c: &mut Criterion) {
    let mut log = Vec::new();
    synthetic::write(&mut log, LINES).unwrap();
    let lines = log.iter().filter(|b| **b == b'\n').count() as u64;
    let engine = Engine::new().unwrap();
    let source: Arc<str> = "maillog".into();
    let mut group = c.benchmark_group("logs");
    group.throughput(Throughput::Elements(lines));
    group.sample_size(20);
    group.bench_function("read", |b| {
        b.iter(|| Reader::new(&log[..], 2024).count());
    });
    group.bench_function("read_group_diagnose", |b| {
        b.iter(|| {
            let (mut stories, mut done, mut n) = (Stories::new(), Vec::new(), 0usize);
            for item in Reader::new(&log[..], 2024) {
                if let Item::Entry { line, entry } = item {
                    stories.push(&source, line, entry, &mut done);
                    for story in done.drain(..) {
                        n += diagnose(&engine, &story, Lang::En).advice.len();
                    }
                }
            }
            stories.finish(&mut done);
            n + done.len()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
