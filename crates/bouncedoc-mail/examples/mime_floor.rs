//! The floor for `parse`'s throughput: the same mbox split the same way and every message
//! MIME-parsed by the same crate (mailparse), every part's body decoded, and nothing else.
//! `scripts/bench-corpus` runs it beside `bouncedoc parse` so that the ratio of the two is
//! measured in one run.
//!
//! usage: cargo run --release --example mime_floor -- MBOX [THREADS]

use std::io::BufReader;

use bouncedoc_mail::input::mbox::MboxReader;
use bouncedoc_mail::message::Message;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: mime_floor MBOX");
    let file = std::fs::File::open(&path).expect("open the mbox");
    let (mut messages, mut parts, mut bytes) = (0usize, 0usize, 0usize);
    for m in MboxReader::new(BufReader::with_capacity(1 << 16, file)) {
        let m = m.expect("read the mbox");
        messages += 1;
        bytes += m.bytes.len();
        if let Ok(parsed) = Message::parse(&m.bytes) {
            parts += parsed.parts.len();
        }
    }
    eprintln!("{messages} messages, {parts} parts, {bytes} bytes");
}
