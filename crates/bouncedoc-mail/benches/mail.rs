//! Micro-benchmarks of reading whole messages: splitting an mbox, MIME parsing, finding the
//! report and the recipients, and the whole diagnosis of a message, on real bounces of
//! `shared/corpus` (a Postfix report with an RFC 3464 part, a qmail report without one).

use std::hint::black_box;

use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input::mbox::MboxReader;
use bouncedoc_mail::{Message, diagnose_bytes, read_message};
use bouncedoc_testkit::corpus_bytes;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn stages(c: &mut Criterion) {
    let engine = Engine::new().expect("knowledge loads");
    let messages = [
        ("postfix", corpus_bytes("lhost-postfix-01.eml")),
        ("qmail", corpus_bytes("lhost-qmail-01.eml")),
    ];
    let mut mbox = Vec::new();
    for _ in 0..50 {
        for (_, m) in &messages {
            mbox.extend_from_slice(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2015\n");
            mbox.extend_from_slice(m);
            mbox.push(b'\n');
        }
    }
    let mut group = c.benchmark_group("mbox");
    group.throughput(Throughput::Bytes(mbox.len() as u64));
    group.bench_function("split 100 messages", |b| {
        b.iter(|| MboxReader::new(black_box(&mbox[..])).count())
    });
    group.finish();
    for (name, raw) in &messages {
        let mut group = c.benchmark_group(*name);
        group.throughput(Throughput::Bytes(raw.len() as u64));
        group.bench_function("MIME parse", |b| {
            b.iter(|| Message::parse(black_box(raw)).expect("parses"))
        });
        let parsed = Message::parse(raw).expect("parses");
        group.bench_function("find report and recipients", |b| {
            b.iter(|| read_message(black_box(&parsed)))
        });
        group.bench_function("whole diagnosis", |b| {
            b.iter(|| diagnose_bytes(&engine, black_box(raw), Lang::En).expect("diagnosis"))
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
