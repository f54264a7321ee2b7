//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};

use anyhow::Result;
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, batches};
use bouncedoc_mail::record::{Record, records};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{ParseArgs, locale_lang};
use crate::render::records::{Summary, Tally, Writer};

/// Messages handed to the workers at a time: enough to keep every core busy, few enough
/// that memory stays flat.
const BATCH: usize = 256;

/// The records of one message. A fault in the diagnosis of one message (a panic, which
/// the fuzzing has not found) becomes that message's error record: the batch goes on, and
/// the message is not silently dropped.
fn process(engine: &Engine, lang: Lang, job: Job) -> Vec<Record> {
    let Job { origin, bytes } = job;
    let error = |error: String| {
        vec![Record::Error {
            origin: origin.clone(),
            error,
        }]
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return error(e.to_string()),
    };
    let diagnosed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        bouncedoc_mail::diagnose_bytes(engine, &bytes, lang).map(|report| records(&origin, report))
    }));
    match diagnosed {
        Ok(Ok(records)) => records,
        Ok(Err(e)) => error(e.to_string()),
        Err(_) => error("internal error: the diagnosis of this message failed".to_string()),
    }
}

/// One message's records and, when the output is JSON lines, those lines already written:
/// the workers write them, so that the one writing thread only copies bytes out and does
/// not hold back the workers on many cores.
struct Finished {
    tallies: Vec<Tally>,
    output: Rendered,
}

/// A message's records as the writer gets them.
enum Rendered {
    /// Written as JSON lines by the worker. The records themselves were dropped there:
    /// memory freed by the thread that allocated it stays in that thread's pages, where
    /// the allocator reuses it at once.
    Jsonl(Vec<u8>),
    /// Left for the writer (CSV, the human layout, or a record that did not serialize).
    Records(Vec<Record>),
}

impl Finished {
    fn new(records: Vec<Record>, jsonl: bool) -> Finished {
        let tallies = records.iter().map(Tally::of).collect();
        // A record that does not serialize is left to the writer, which reports the error.
        let output = match jsonl.then(|| crate::render::records::jsonl(&records)) {
            Some(Ok(lines)) => Rendered::Jsonl(lines),
            _ => Rendered::Records(records),
        };
        Finished { tallies, output }
    }
}

/// What the writing stage keeps: the output, the counts, the progress bar.
struct Output {
    writer: Writer,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl Output {
    fn write(&mut self, done: Vec<Finished>) -> Result<()> {
        for finished in done {
            self.summary.message();
            if let Some(p) = &self.progress {
                p.inc(1);
            }
            for tally in finished.tallies {
                self.summary.add_tally(tally);
            }
            match &finished.output {
                Rendered::Jsonl(lines) => self.writer.write_bytes(lines)?,
                Rendered::Records(records) => {
                    for r in records {
                        self.writer.write(r)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// Batches read and not yet written. It bounds memory whatever the order in which the
/// workers finish, and lets the reader stay ahead of the workers.
const IN_FLIGHT: usize = 4;

/// A stage stopped: the one that stopped it reports why.
struct Stopped;

/// Runs the stages at once, so that no core waits while another reads or writes: one
/// thread reads the inputs into numbered batches, `workers` threads each diagnose a whole
/// batch at a time (taking the next one as soon as they are free, so a slow message holds
/// up no other worker), and this thread writes the batches in input order. A stage that
/// stops (an output that closed) stops the others through their channels.
fn pipeline(
    engine: &Engine,
    lang: Lang,
    inputs: Vec<Result<input::Input, input::InputError>>,
    mut output: Output,
    workers: usize,
) -> Result<Output> {
    let (jobs_tx, jobs_rx) = mpsc::sync_channel::<(usize, Vec<Job>)>(IN_FLIGHT);
    let jobs_rx = Mutex::new(jobs_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<Finished>)>(IN_FLIGHT);
    // One token per batch in flight: the reader takes one for each batch it reads, and
    // gets it back when that batch has been written.
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(IN_FLIGHT);
    for _ in 0..IN_FLIGHT {
        token_tx.send(()).expect("the receiver is alive");
    }
    let jsonl = output.writer.is_jsonl();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut number = 0;
            batches(inputs, BATCH, |batch| {
                token_rx.recv().map_err(|_| Stopped)?;
                jobs_tx.send((number, batch)).map_err(|_| Stopped)?;
                number += 1;
                Ok::<(), Stopped>(())
            })
        });
        for _ in 0..workers.max(1) {
            let (jobs_rx, done_tx) = (&jobs_rx, done_tx.clone());
            scope.spawn(move || {
                loop {
                    // The lock is held only while waiting for the next batch.
                    let next = jobs_rx
                        .lock()
                        .map_err(|_| Stopped)
                        .and_then(|rx| rx.recv().map_err(|_| Stopped));
                    let Ok((number, batch)) = next else { break };
                    let done = batch
                        .into_iter()
                        .map(|job| Finished::new(process(engine, lang, job), jsonl))
                        .collect();
                    if done_tx.send((number, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        // Owned here, so that leaving early (an output that closed) drops it: the reader,
        // waiting for a token, then stops.
        let token_tx = token_tx;
        // Batches that finished before an earlier one, waiting for their turn.
        let mut waiting: BTreeMap<usize, Vec<Finished>> = BTreeMap::new();
        let mut next = 0;
        for (number, done) in done_rx {
            waiting.insert(number, done);
            while let Some(done) = waiting.remove(&next) {
                // On an error, leaving drops the receivers and the token sender, which
                // stops the reader and the workers.
                output.write(done)?;
                next += 1;
                let _ = token_tx.send(());
            }
        }
        Ok(output)
    })
}

/// How many threads diagnose: `-j`, else one per core this process may run on.
fn workers(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

pub fn run(engine: &Engine, args: &ParseArgs) -> Result<ExitCode> {
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
    let mut output = pipeline(engine, lang, inputs, output, workers(args.jobs))?;
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
