//! One worker: pulls batches from the stream's durable consumer, diagnoses them, records
//! each batch in one ledger transaction and acknowledges it once that has committed.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_nats::jetstream::Context;
use async_nats::jetstream::consumer::{AckPolicy, PullConsumer, pull};
use async_nats::jetstream::message::{AckKind, Message};
use bouncedoc_core::Engine;
use bouncedoc_ledger::{BatchOutcome, Ledger, LedgerError, NewEvent, Policy, Prepared, prepare};
use bouncedoc_mail::record::Record;
use futures_util::StreamExt;
use rayon::prelude::*;

use crate::QueueError;
use crate::envelope::Envelope;
use crate::metrics::{Metrics, add};
use crate::publish::{DEFAULT_DUPLICATE_WINDOW, ensure_stream};

/// How a worker takes its work.
#[derive(Debug, Clone)]
pub struct Config {
    /// The stream.
    pub stream: String,
    /// The durable consumer all workers of the stream share.
    pub durable: String,
    /// Messages pulled, and recorded, at a time.
    pub batch: usize,
    /// The most messages out unacknowledged at once, over all workers (backpressure).
    pub max_ack_pending: i64,
    /// How long a message may stay unacknowledged before it is delivered again (to any
    /// worker): longer than a batch takes.
    pub ack_wait: Duration,
    /// Return once the consumer has nothing left to deliver and nothing unacknowledged,
    /// rather than wait for more.
    pub until_drained: bool,
}

/// What a worker did, when it returns.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// Messages taken from the stream.
    pub messages: u64,
    /// Of them, messages that had been delivered before (to a worker that died, or whose
    /// acknowledgement was lost).
    pub redelivered: u64,
    /// Of them, messages that became error records.
    pub errors: u64,
    /// What the ledger recorded.
    pub recorded: BatchOutcome,
}

/// Something a worker tells the person running it, as it goes: the caller words it (in the
/// run's language) and writes it where it wants.
#[derive(Debug, Clone, Copy)]
pub enum Report<'a> {
    /// A message could not be read or diagnosed: it became an error record and is
    /// acknowledged, never retried.
    Unreadable {
        /// Where it was read (as `publish` said).
        source: &'a str,
        /// Its position in an mbox, from 1.
        index: Option<usize>,
        /// Why, as the reader says it.
        error: &'a str,
    },
    /// Acknowledgements of a committed batch failed: those messages will come again (and
    /// the ledger records them once).
    AcksFailed {
        /// How many.
        failed: usize,
        /// The first failure.
        error: &'a str,
    },
}

/// The ledger on a thread of its own, which takes batches to record one at a time. Its
/// back ends block (PostgreSQL's client runs a runtime of its own, which must not be
/// entered, nor the client dropped, from inside the worker's), so the ledger is opened,
/// used and dropped off the async threads.
pub struct Recorder {
    send: std::sync::mpsc::Sender<(Vec<NewEvent>, Reply)>,
    name: String,
}

type Reply = tokio::sync::oneshot::Sender<Result<BatchOutcome, LedgerError>>;

impl Recorder {
    /// Moves the ledger to its thread, with the policy it applies.
    pub fn spawn(mut ledger: Ledger, policy: Policy) -> Recorder {
        let name = ledger.name().to_string();
        let (send, receive) = std::sync::mpsc::channel::<(Vec<NewEvent>, Reply)>();
        std::thread::spawn(move || {
            for (events, reply) in receive {
                let now = bouncedoc_ledger::time::now();
                let _ = reply.send(ledger.record(&events, &policy, now));
            }
        });
        Recorder { send, name }
    }

    /// The ledger's name, as it can be shown.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Records a batch in one transaction.
    pub async fn record(&self, events: Vec<NewEvent>) -> Result<BatchOutcome, QueueError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let stopped = || QueueError::Task("the ledger's thread stopped".to_string());
        self.send.send((events, reply)).map_err(|_| stopped())?;
        Ok(answer.await.map_err(|_| stopped())??)
    }
}

/// How long one pull waits for messages when the stream has none.
const PULL_WAIT: Duration = Duration::from_millis(500);

/// The durable consumer: made when missing, with explicit acks and the configuration's
/// `ack_wait` and `max_ack_pending`; an existing one is used as it is.
pub async fn consumer(js: &Context, config: &Config) -> Result<PullConsumer, QueueError> {
    let stream = ensure_stream(js, &config.stream, DEFAULT_DUPLICATE_WINDOW).await?;
    stream
        .get_or_create_consumer(
            &config.durable,
            pull::Config {
                durable_name: Some(config.durable.clone()),
                ack_policy: AckPolicy::Explicit,
                ack_wait: config.ack_wait,
                max_ack_pending: config.max_ack_pending,
                ..pull::Config::default()
            },
        )
        .await
        .map_err(|e| QueueError::js("creating the consumer", e))
}

/// Runs a worker until `stop` completes (between batches: a batch begun is recorded and
/// acknowledged first), or, with [`Config::until_drained`], until the consumer is drained.
/// A ledger failure ends it with the batch negatively acknowledged, so that it goes to
/// another worker at once.
pub async fn run(
    js: &Context,
    engine: Engine,
    recorder: &Recorder,
    config: &Config,
    metrics: Arc<Metrics>,
    report: &(dyn Fn(Report<'_>) + Sync),
    stop: impl Future<Output = ()>,
) -> Result<Summary, QueueError> {
    let consumer = consumer(js, config).await?;
    let mut summary = Summary::default();
    tokio::pin!(stop);
    loop {
        let pulled = tokio::select! {
            () = &mut stop => return Ok(summary),
            pulled = pull(&consumer, config.batch) => pulled?,
        };
        if pulled.is_empty() {
            if config.until_drained && drained(&consumer).await? {
                return Ok(summary);
            }
            continue;
        }
        add(&metrics.pulled, pulled.len() as u64);
        let redelivered = pulled
            .iter()
            .filter(|m| m.info().is_ok_and(|i| i.delivered > 1))
            .count();
        add(&metrics.redelivered, redelivered as u64);
        summary.redelivered += redelivered as u64;
        let (prepared, pulled) = diagnose(engine, pulled).await?;
        add(&metrics.diagnosed, prepared.len() as u64);
        summary.messages += prepared.len() as u64;
        let mut events = Vec::new();
        for p in prepared {
            if report_errors(&p, report) {
                add(&metrics.errors, 1);
                summary.errors += 1;
            }
            events.extend(p.events);
        }
        add(&metrics.events, events.len() as u64);
        let started = Instant::now();
        let outcome = match recorder.record(events).await {
            Ok(o) => o,
            Err(e) => {
                for m in &pulled {
                    let _ = m.ack_with(AckKind::Nak(None)).await;
                }
                return Err(e);
            }
        };
        metrics.ledger_write(started.elapsed());
        summary.recorded.add(outcome);
        // Acknowledged only now that the batch has committed; each ack confirmed by the
        // server. A lost ack means a redelivery, which the ledger records once.
        let acks = futures_util::future::join_all(pulled.iter().map(|m| m.double_ack())).await;
        let acked = acks.iter().filter(|r| r.is_ok()).count();
        add(&metrics.acked, acked as u64);
        if let Some(Err(e)) = acks.into_iter().find(Result::is_err) {
            report(Report::AcksFailed {
                failed: pulled.len() - acked,
                error: &e.to_string(),
            });
        }
    }
}

/// Up to `batch` messages, waiting at most [`PULL_WAIT`] when there are none.
async fn pull(consumer: &PullConsumer, batch: usize) -> Result<Vec<Message>, QueueError> {
    let mut messages = consumer
        .fetch()
        .max_messages(batch.max(1))
        .expires(PULL_WAIT)
        .messages()
        .await
        .map_err(|e| QueueError::js("pulling", e))?;
    let mut out = Vec::with_capacity(batch);
    while let Some(m) = messages.next().await {
        out.push(m.map_err(|e| QueueError::js("pulling", e))?);
    }
    if out.is_empty() {
        // `fetch` returns at once when nothing is pending: do not spin.
        tokio::time::sleep(PULL_WAIT / 5).await;
    }
    Ok(out)
}

/// Whether the consumer has nothing left to deliver and nothing out unacknowledged.
async fn drained(consumer: &PullConsumer) -> Result<bool, QueueError> {
    let info = consumer
        .get_info()
        .await
        .map_err(|e| QueueError::js("reading the consumer's state", e))?;
    Ok(info.num_pending == 0 && info.num_ack_pending == 0)
}

/// Diagnoses the messages on the blocking threads (in parallel), by the ledger's one path
/// from bytes to events; gives the messages back for their acks.
async fn diagnose(
    engine: Engine,
    pulled: Vec<Message>,
) -> Result<(Vec<Prepared>, Vec<Message>), QueueError> {
    tokio::task::spawn_blocking(move || {
        let now = bouncedoc_ledger::time::now();
        let prepared = pulled
            .par_iter()
            .map(|m| {
                let sequence = m.info().map_or(0, |i| i.stream_sequence);
                let envelope = Envelope::from_headers(m.headers.as_ref(), sequence, now);
                match &envelope.webhook {
                    Some(service) => {
                        crate::webhook::prepare(&engine, service, &envelope, &m.payload)
                    }
                    None => prepare(&engine, envelope.origin, &m.payload, envelope.fallback_time),
                }
            })
            .collect();
        (prepared, pulled)
    })
    .await
    .map_err(|e| QueueError::Task(e.to_string()))
}

/// Reports a message's error records (as `ingest` prints them); whether it had one.
fn report_errors(p: &Prepared, report: &(dyn Fn(Report<'_>) + Sync)) -> bool {
    let mut any = false;
    for r in &p.records {
        if let Record::Error { origin, error } = r {
            any = true;
            report(Report::Unreadable {
                source: &origin.source,
                index: origin.index,
                error,
            });
        }
    }
    any
}
