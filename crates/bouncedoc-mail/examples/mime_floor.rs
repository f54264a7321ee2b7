//! The floor for `parse`'s throughput: the same mbox split the same way, and every message
//! MIME-parsed by the same crate (mailparse) and nothing else: every header's value and
//! every leaf part's body decoded, as a program that reads whole messages must. It does not
//! use [`bouncedoc_mail::message::Message`], so that making `parse` read less of a message
//! cannot move the floor. `scripts/bench-corpus` runs it beside `bouncedoc parse` so that
//! the ratio of the two is measured in one run.
//!
//! usage: cargo run --release --example mime_floor -- MBOX

use std::io::BufReader;

use bouncedoc_mail::input::mbox::MboxReader;
use mailparse::ParsedMail;

// The same allocator as the `bouncedoc` binary, so that the ratio of the two measures the
// diagnosis and not the allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Decodes every header and every leaf body of a part and its subparts; returns the number
/// of leaf parts.
fn decode_all(mail: &ParsedMail<'_>) -> usize {
    for header in &mail.headers {
        std::hint::black_box(header.get_value());
    }
    if mail.subparts.is_empty() {
        std::hint::black_box(mail.get_body().ok());
        return 1;
    }
    mail.subparts.iter().map(decode_all).sum()
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: mime_floor MBOX");
    let file = std::fs::File::open(&path).expect("open the mbox");
    let (mut messages, mut parts, mut bytes) = (0usize, 0usize, 0usize);
    for m in MboxReader::new(BufReader::with_capacity(1 << 16, file)) {
        let m = m.expect("read the mbox");
        messages += 1;
        bytes += m.bytes.len();
        if let Ok(parsed) = mailparse::parse_mail(&m.bytes) {
            parts += decode_all(&parsed);
        }
    }
    eprintln!("{messages} messages, {parts} parts, {bytes} bytes");
}
