//! # bouncedoc-queue
//!
//! bouncedoc beyond one machine: raw bounce messages carried by NATS JetStream from where
//! they arrive to any number of workers, which diagnose them and write one shared ledger.
//!
//! - [`publish::Publisher`] puts messages onto a stream (created when missing, work-queue
//!   retention, with a de-duplication window), each with its content hash as `Nats-Msg-Id`,
//!   so that JetStream drops a copy published again within the window.
//! - [`worker::run`] is one worker: a durable pull consumer with explicit acks. It pulls a
//!   batch, diagnoses each message by the same path as `bouncedoc ingest`
//!   ([`bouncedoc_ledger::prepare`]), records the batch in one ledger transaction and acks
//!   the batch only after the commit. A message that cannot be diagnosed becomes an error
//!   record and is acked. The consumer's `max_ack_pending` bounds the messages out at once
//!   (backpressure); a message redelivered after a worker died is recorded once, since the
//!   ledger knows a message by its content hash.
//! - [`metrics::Metrics`] counts what a worker did, in the Prometheus text format, and
//!   [`http::serve`] answers `/healthz` and `/metrics`.

pub mod envelope;
pub mod http;
pub mod metrics;
pub mod publish;
pub mod webhook;
pub mod worker;

/// What can go wrong between bouncedoc and NATS.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// The NATS server could not be reached.
    #[error("connecting to NATS at {url}: {source}")]
    Connect {
        /// The server's URL.
        url: String,
        /// Why.
        #[source]
        source: async_nats::ConnectError,
    },
    /// A stream name NATS would refuse (empty, or with a space, `.`, `*`, `>`, `/` or `\`).
    #[error("not a usable stream name: {0:?} (letters, digits, `-` and `_`)")]
    StreamName(String),
    /// JetStream refused or failed a request (stream, consumer, publish, fetch, ack).
    #[error("JetStream: {what}: {source}")]
    JetStream {
        /// What was being done.
        what: &'static str,
        /// What JetStream said.
        #[source]
        source: async_nats::Error,
    },
    /// A message larger than the server takes (its `max_payload`, 1 MiB unless configured);
    /// it was not published, and the publisher can go on with the next.
    #[error("a message of {0} bytes is larger than the NATS server takes (its max_payload)")]
    TooLarge(usize),
    /// The ledger failed; the batch was not acknowledged and will be delivered again.
    #[error("ledger: {0}")]
    Ledger(#[from] bouncedoc_ledger::LedgerError),
    /// The metrics listener could not be opened.
    #[error("listening on {addr}: {source}")]
    Listen {
        /// The address.
        addr: String,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A blocking task (diagnosis or ledger write) panicked or was cancelled.
    #[error("a worker task stopped: {0}")]
    Task(String),
}

impl QueueError {
    /// A JetStream error, with what was being done.
    pub(crate) fn js(what: &'static str, source: impl Into<async_nats::Error>) -> QueueError {
        QueueError::JetStream {
            what,
            source: source.into(),
        }
    }
}

/// Connects to a NATS server (`nats://host:port`) and opens its JetStream context.
pub async fn connect(
    url: &str,
) -> Result<(async_nats::Client, async_nats::jetstream::Context), QueueError> {
    let client = async_nats::connect(url)
        .await
        .map_err(|source| QueueError::Connect {
            url: url.to_string(),
            source,
        })?;
    let js = async_nats::jetstream::new(client.clone());
    Ok((client, js))
}

/// The subject a stream's messages are published on: `bouncedoc.` and the stream's name.
pub fn subject_of(stream: &str) -> String {
    format!("bouncedoc.{stream}")
}

/// Checks that a stream name is one NATS accepts and [`subject_of`] can carry.
pub fn check_stream_name(name: &str) -> Result<(), QueueError> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(QueueError::StreamName(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_names_are_checked() {
        assert!(check_stream_name("bounces-2026_a").is_ok());
        for bad in ["", "a.b", "a b", "a*", "a>", "bücher"] {
            assert!(check_stream_name(bad).is_err(), "{bad:?}");
        }
        assert_eq!(subject_of("bounces"), "bouncedoc.bounces");
    }
}
