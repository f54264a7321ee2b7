//! Writes a synthetic Postfix log of at least N lines (default 3,000,000) on standard output,
//! for `scripts/bench-logs`.

#[path = "../benches/synthetic.rs"]
mod synthetic;

fn main() -> std::io::Result<()> {
    let lines = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3_000_000);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    synthetic::write(&mut out, lines)
}
