//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, batches};
use bouncedoc_mail::record::{Record, records};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{ParseArgs, locale_lang};
use crate::render::records::{Summary, Writer};

/// Messages handed to the workers at a time: enough to keep every core busy, few enough
/// that memory stays flat.
const BATCH: usize = 256;

fn process(engine: &Engine, lang: Lang, job: Job) -> Vec<Record> {
    let bytes = match job.bytes {
        Ok(b) => b,
        Err(e) => {
            return vec![Record::Error {
                origin: job.origin,
                error: e.to_string(),
            }];
        }
    };
    match bouncedoc_mail::diagnose_bytes(engine, &bytes, lang) {
        Ok(report) => records(&job.origin, report),
        Err(e) => vec![Record::Error {
            origin: job.origin,
            error: e.to_string(),
        }],
    }
}

/// What the writing stage keeps: the output, the counts, the progress bar.
struct Output {
    writer: Writer,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl Output {
    fn write(&mut self, done: Vec<Vec<Record>>) -> Result<()> {
        for recs in done {
            self.summary.message();
            if let Some(p) = &self.progress {
                p.inc(1);
            }
            for r in recs {
                self.summary.add(&r);
                self.writer.write(&r)?;
            }
        }
        Ok(())
    }
}

/// Batches waiting between two stages: enough that no stage waits on a slow batch of its
/// neighbour, few enough that memory stays flat.
const QUEUED_BATCHES: usize = 2;

/// Runs the three stages at once, so that no core waits while another reads or writes:
/// one thread reads the inputs into batches, the workers diagnose each batch in parallel,
/// and one thread writes the records of each finished batch in input order. A stage that
/// stops (an output that closed) stops the others through their channels.
fn pipeline(
    engine: &Engine,
    lang: Lang,
    inputs: Vec<Result<input::Input, input::InputError>>,
    mut output: Output,
) -> Result<Output> {
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<Vec<Job>>(QUEUED_BATCHES);
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Vec<Record>>>(QUEUED_BATCHES);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || batches(inputs, BATCH, |batch| jobs_tx.send(batch)));
        let writer = scope.spawn(move || -> Result<Output> {
            for done in done_rx {
                output.write(done)?;
            }
            Ok(output)
        });
        for batch in jobs_rx {
            let done: Vec<Vec<Record>> = batch
                .into_par_iter()
                .map(|job| process(engine, lang, job))
                .collect();
            if done_tx.send(done).is_err() {
                // The writer stopped: its error is the one to report.
                break;
            }
        }
        drop(done_tx);
        let output = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the output thread panicked"))??;
        // The reader only fails when the workers stopped listening, which the writer's
        // error already explains.
        let _ = reader.join();
        Ok(output)
    })
}

/// Sets the number of worker threads (`-j`); one per core when `None`.
pub(super) fn worker_threads(jobs: Option<usize>) -> Result<()> {
    if let Some(n) = jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting the worker threads")?;
    }
    Ok(())
}

pub fn run(engine: &Engine, args: &ParseArgs) -> Result<ExitCode> {
    worker_threads(args.jobs)?;
    let lang = args.lang.unwrap_or_else(locale_lang);
    let inputs = input::expand(&args.paths);
    let progress = (std::io::stderr().is_terminal() && inputs.len() > 2000).then(|| {
        let bar = ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} messages {per_sec} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let output = Output {
        writer: Writer::new(args.format, engine.knowledge(), lang)?,
        summary: Summary::default(),
        progress,
    };
    let mut output = pipeline(engine, lang, inputs, output)?;
    output.writer.finish()?;
    if let Some(p) = &output.progress {
        p.finish_and_clear();
    }
    if !args.quiet {
        output.summary.print(engine.knowledge(), lang);
    }
    Ok(if output.summary.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}
