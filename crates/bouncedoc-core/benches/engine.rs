//! Micro-benchmarks of the engine's stages on one reply: reading the codes, matching the
//! knowledge base, building the whole diagnosis, writing it as JSON, and loading the
//! knowledge base (start-up).

use std::hint::black_box;

use bouncedoc_core::reply::{self, Normalized};
use bouncedoc_core::{Engine, Knowledge, Lang};
use criterion::{Criterion, criterion_group, criterion_main};

const REPLY: &str = "550-5.1.1 The email account that you tried to reach does not exist. Please try\n\
550-5.1.1 double-checking the recipient's email address for typos or\n\
550-5.1.1 unnecessary spaces. For more information, go to\n\
550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d2si1234567pgc.45 - gsmtp\n";

fn stages(c: &mut Criterion) {
    let engine = Engine::new().expect("knowledge loads");
    let kb = engine.knowledge();
    c.bench_function("read reply (codes, unfold)", |b| {
        b.iter(|| reply::read(black_box(REPLY)))
    });
    let read = reply::read(REPLY);
    c.bench_function("match knowledge base", |b| {
        b.iter(|| {
            let text = Normalized::new(black_box(&read.unfolded));
            let found = kb.match_text(&text);
            (found.rules.len(), found.hints.len())
        })
    });
    c.bench_function("diagnose (whole explain)", |b| {
        b.iter(|| {
            engine
                .explain(black_box(REPLY), Lang::En)
                .expect("diagnosis")
        })
    });
    // A whole bounce pasted, 64 kB of words that open many patterns' gates: the patterns
    // run on the lazy-DFA build above 4 kB (0.86 ms; on the backtracker, 5.6 ms).
    let paste = [
        REPLY,
        "SMTP error from remote server for TEXT command: 550 5.2.0 Mail rejete. Mail rejected. ofr_506\n",
        "host mta7.am0.yahoodns.net [tss04] temporarily deferred due to unexpected volume\n",
        "messagelabs: 550 Invalid recipient <a@example.jp> (#5.1.1)\n",
        "550 5.7.26 This message does not have authentication information or fails to pass authentication checks. gsmtp\n",
    ]
    .concat()
    .repeat(100);
    c.bench_function("diagnose a 64 kB paste", |b| {
        b.iter(|| {
            engine
                .explain(black_box(&paste), Lang::En)
                .expect("diagnosis")
        })
    });
    let d = engine.explain(REPLY, Lang::Ja).expect("diagnosis");
    c.bench_function("write diagnosis as JSON", |b| {
        b.iter(|| serde_json::to_vec(black_box(&d)).expect("json"))
    });
    c.bench_function("load knowledge base (start-up)", |b| {
        b.iter(|| Knowledge::load_embedded().expect("knowledge loads"))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
