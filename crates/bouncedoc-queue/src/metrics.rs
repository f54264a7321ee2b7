//! What a worker has done, as counters and a histogram of ledger write times, rendered in
//! the Prometheus text format.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// The upper bounds (seconds) of the ledger latency histogram's buckets.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

/// A worker's counters; shared between its loop and its HTTP endpoint.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Messages pulled from the stream.
    pub pulled: AtomicU64,
    /// Messages delivered before (their delivery count above 1).
    pub redelivered: AtomicU64,
    /// Messages diagnosed (whatever the diagnosis: recipients, not a bounce, or an error).
    pub diagnosed: AtomicU64,
    /// Messages that became an error record.
    pub errors: AtomicU64,
    /// Messages acknowledged (confirmed by the server).
    pub acked: AtomicU64,
    /// Events written to the ledger (new or already there).
    pub events: AtomicU64,
    /// Ledger transactions committed.
    ledger_count: AtomicU64,
    /// Their total time, in microseconds.
    ledger_micros: AtomicU64,
    /// Per bucket of [`BUCKETS`], the transactions that took no longer (not cumulative).
    ledger_buckets: [AtomicU64; BUCKETS.len()],
}

/// Adds `n` to a counter.
pub fn add(counter: &AtomicU64, n: u64) {
    counter.fetch_add(n, Ordering::Relaxed);
}

impl Metrics {
    /// Counts one ledger transaction that took `took`.
    pub fn ledger_write(&self, took: Duration) {
        add(&self.ledger_count, 1);
        add(&self.ledger_micros, took.as_micros() as u64);
        let secs = took.as_secs_f64();
        if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
            add(&self.ledger_buckets[i], 1);
        }
    }

    /// The counters in the Prometheus text format (version 0.0.4).
    pub fn render(&self) -> String {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        let mut s = String::new();
        for (name, help, c) in [
            ("pulled", "Messages pulled from the stream.", &self.pulled),
            (
                "redelivered",
                "Messages pulled that had been delivered before.",
                &self.redelivered,
            ),
            ("diagnosed", "Messages diagnosed.", &self.diagnosed),
            (
                "errors",
                "Messages that could not be diagnosed (acknowledged as error records).",
                &self.errors,
            ),
            (
                "acked",
                "Messages acknowledged after their batch was committed.",
                &self.acked,
            ),
            (
                "events",
                "Bounce events written to the ledger.",
                &self.events,
            ),
        ] {
            let _ = writeln!(s, "# HELP bouncedoc_worker_messages_{name}_total {help}");
            let _ = writeln!(s, "# TYPE bouncedoc_worker_messages_{name}_total counter");
            let _ = writeln!(s, "bouncedoc_worker_messages_{name}_total {}", get(c));
        }
        let h = "bouncedoc_worker_ledger_write_seconds";
        let _ = writeln!(s, "# HELP {h} Time of one ledger transaction (a batch).");
        let _ = writeln!(s, "# TYPE {h} histogram");
        let mut cumulative = 0;
        for (bound, c) in BUCKETS.iter().zip(&self.ledger_buckets) {
            cumulative += get(c);
            let _ = writeln!(s, "{h}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        let count = get(&self.ledger_count);
        let _ = writeln!(s, "{h}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(s, "{h}_sum {}", get(&self.ledger_micros) as f64 / 1e6);
        let _ = writeln!(s, "{h}_count {count}");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_and_a_cumulative_histogram() {
        let m = Metrics::default();
        add(&m.pulled, 3);
        add(&m.acked, 2);
        m.ledger_write(Duration::from_millis(2));
        m.ledger_write(Duration::from_millis(40));
        m.ledger_write(Duration::from_secs(9));
        let text = m.render();
        assert!(
            text.contains("bouncedoc_worker_messages_pulled_total 3\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_messages_acked_total 2\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_bucket{le=\"0.005\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_bucket{le=\"0.05\"} 2\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_bucket{le=\"5\"} 2\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_bucket{le=\"+Inf\"} 3\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_count 3\n"),
            "{text}"
        );
        assert!(
            text.contains("bouncedoc_worker_ledger_write_seconds_sum 9.042\n"),
            "{text}"
        );
    }
}
