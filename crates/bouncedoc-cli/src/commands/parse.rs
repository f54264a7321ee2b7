//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};

use anyhow::Result;
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, Jobs};
use bouncedoc_mail::record::Record;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{ParseArgs, locale_lang};
use crate::render::records::{Summary, Tally, Writer};

/// The records of one message, as the mail crate's one path gives them: a fault in the
/// diagnosis of one message becomes that message's error record, and the batch goes on.
fn process(engine: &Engine, lang: Lang, job: Job) -> Vec<Record> {
    if let Some(records) = super::events::parse_records(engine, lang, &job) {
        return records;
    }
    job.records(engine, lang)
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
    fn write(&mut self, done: impl IntoIterator<Item = Finished>) -> Result<()> {
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

/// One thread reads, diagnoses and writes each message in turn, as `-j 1` asks: on one core,
/// handing batches between threads only adds thread switches. Each message is diagnosed
/// right after it is read, while its bytes are in the cache.
fn one_thread(engine: &Engine, lang: Lang, jobs: Jobs, mut output: Output) -> Result<Output> {
    let jsonl = output.writer.is_jsonl();
    for job in jobs {
        output.write([Finished::new(process(engine, lang, job), jsonl)])?;
    }
    Ok(output)
}

/// Messages a worker takes at a time: enough that the workers seldom wait for each other
/// at the reading (batches of 8 took 10% longer on two cores than batches of 32 to 512,
/// which were within noise of each other), few enough that memory stays flat.
const BATCH: usize = 128;

/// Batches read and not yet written, per worker. It bounds memory whatever the order in
/// which the workers finish.
const IN_FLIGHT_PER_WORKER: usize = 2;

/// The walk over the inputs, which the workers take turns at.
struct Source {
    jobs: Jobs,
    /// The number of the next batch.
    next: usize,
    /// One token per batch in flight: a worker takes one for each batch it reads, and the
    /// writer gives it back when that batch has been written.
    tokens: mpsc::Receiver<()>,
}

impl Source {
    /// The next batch and its number; `None` at the end, or when the writer stopped.
    fn take(&mut self) -> Option<(usize, Vec<Job>)> {
        self.tokens.recv().ok()?;
        let batch: Vec<Job> = self.jobs.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return None;
        }
        self.next += 1;
        Some((self.next - 1, batch))
    }
}

/// Runs the work on several threads, so that no core waits: each of `workers` threads
/// takes the next batch of messages from the inputs (reading it itself, so that they are
/// in its cache when it diagnoses them) and diagnoses it, taking the next one as soon as
/// it is free (a slow message holds up no other worker); this thread writes the batches
/// in input order. A stage that stops (an output that closed) stops the others through
/// their channels.
fn pipeline(
    engine: &Engine,
    lang: Lang,
    jobs: Jobs,
    mut output: Output,
    workers: usize,
) -> Result<Output> {
    let in_flight = workers * IN_FLIGHT_PER_WORKER;
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<Finished>)>(in_flight);
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("the receiver is alive");
    }
    let source = Mutex::new(Source {
        jobs,
        next: 0,
        tokens: token_rx,
    });
    let jsonl = output.writer.is_jsonl();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (source, done_tx) = (&source, done_tx.clone());
            scope.spawn(move || {
                loop {
                    // The lock is held while waiting for a token and reading the batch.
                    let next = source.lock().ok().and_then(|mut s| s.take());
                    let Some((number, batch)) = next else { break };
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
        // Owned here, so that leaving early (an output that closed) drops it: a worker
        // waiting for a token then stops.
        let token_tx = token_tx;
        // Batches that finished before an earlier one, waiting for their turn.
        let mut waiting: BTreeMap<usize, Vec<Finished>> = BTreeMap::new();
        let mut next = 0;
        for (number, done) in done_rx {
            waiting.insert(number, done);
            while let Some(done) = waiting.remove(&next) {
                // On an error, leaving drops the receiver and the token sender, which
                // stops the workers.
                output.write(done)?;
                next += 1;
                let _ = token_tx.send(());
            }
        }
        Ok(output)
    })
}

/// How many threads diagnose: `-j`, else one per core this process may run on (one means
/// that one thread does all the work).
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
        writer: Writer::new(args.format, args.excel, engine.knowledge(), lang)?,
        summary: Summary::default(),
        progress,
    };
    let jobs = Jobs::with_limit(inputs, args.max_message_bytes);
    let mut output = match workers(args.jobs) {
        0 | 1 => one_thread(engine, lang, jobs, output)?,
        n => pipeline(engine, lang, jobs, output, n)?,
    };
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
