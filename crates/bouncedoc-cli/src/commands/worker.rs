//! `bouncedoc worker`: takes messages from a NATS JetStream stream (a durable consumer that
//! any number of workers share), diagnoses them and records them in the ledger, a batch per
//! transaction, acknowledging a batch only once it has committed.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_ledger::OpenMode;
use bouncedoc_queue::metrics::Metrics;
use bouncedoc_queue::worker::{self, Config, Recorder};
use clap::Args;

use super::ledger::{DatabaseArg, PolicyArg};
use crate::cli::{LangArg, StreamArgs};
use crate::texts;

#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub queue: StreamArgs,
    #[command(flatten)]
    pub database: DatabaseArg,
    #[command(flatten)]
    pub policy: PolicyArg,
    /// Messages pulled, and recorded in one transaction, at a time.
    #[arg(long, default_value_t = 256, value_name = "N")]
    pub batch: usize,
    /// The most messages out unacknowledged at once, over all workers (set when the
    /// consumer is made).
    #[arg(long, default_value_t = 4096, value_name = "N")]
    pub max_ack_pending: i64,
    /// Seconds a message may stay unacknowledged before it goes to another worker (set when
    /// the consumer is made).
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    pub ack_wait: u64,
    /// The durable consumer the workers share.
    #[arg(long, default_value = "bouncedoc-workers", value_name = "NAME")]
    pub durable: String,
    /// Serve /healthz and /metrics (Prometheus) on this address, e.g. 127.0.0.1:9464.
    #[arg(long, value_name = "ADDR")]
    pub metrics_listen: Option<String>,
    /// Exit once the stream has nothing left to deliver and nothing unacknowledged.
    #[arg(long)]
    pub until_drained: bool,
    /// Do not print the closing summary.
    #[arg(long)]
    pub quiet: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

/// Runs the worker; a failure is said in the language of `--lang` (exit status 2).
pub fn run(engine: &Engine, args: &WorkerArgs) -> Result<ExitCode> {
    let lang = args.lang.lang();
    match work(engine, args, lang) {
        Ok(code) => Ok(code),
        Err(e) => {
            eprintln!("bouncedoc: {}", texts::queue_failure(lang, &e));
            Ok(ExitCode::from(super::EXIT_USAGE))
        }
    }
}

fn work(engine: &Engine, args: &WorkerArgs, lang: Lang) -> Result<ExitCode> {
    let stream = &args.queue.stream;
    bouncedoc_queue::check_stream_name(stream)?;
    let policy = args.policy.load()?;
    let ledger = args.database.open(OpenMode::Create)?;
    let recorder = Recorder::spawn(ledger, policy);
    let config = Config {
        stream: stream.clone(),
        durable: args.durable.clone(),
        batch: args.batch.max(1),
        max_ack_pending: args.max_ack_pending,
        ack_wait: Duration::from_secs(args.ack_wait.max(1)),
        until_drained: args.until_drained,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the worker's runtime")?;
    let engine = *engine;
    let summary = runtime.block_on(async {
        let (client, js) = bouncedoc_queue::connect(&args.queue.nats).await?;
        let metrics = Arc::new(Metrics::default());
        if let Some(addr) = &args.metrics_listen {
            let bound = bouncedoc_queue::http::serve(addr, metrics.clone(), client).await?;
            if !args.quiet {
                eprintln!("{}", texts::worker_metrics_on(lang, &bound.to_string()));
            }
        }
        let report = |r: worker::Report<'_>| {
            eprintln!("bouncedoc worker: {}", texts::worker_report(lang, r))
        };
        let summary = worker::run(
            &js,
            engine,
            &recorder,
            &config,
            metrics,
            &report,
            stop_signal(),
        )
        .await?;
        anyhow::Ok(summary)
    })?;
    if !args.quiet {
        let counts = texts::WorkerCounts {
            stream,
            ledger: recorder.name(),
            messages: summary.messages,
            redelivered: summary.redelivered,
            events: summary.recorded.events,
            new_events: summary.recorded.new_events,
            errors: summary.errors,
        };
        eprintln!("{}", texts::worker_took(lang, &counts));
    }
    Ok(ExitCode::SUCCESS)
}

/// Completes on Ctrl-C or SIGTERM.
async fn stop_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = async {
            match term.as_mut() {
                Some(t) => { t.recv().await; }
                None => std::future::pending::<()>().await,
            }
        } => {}
    }
}
