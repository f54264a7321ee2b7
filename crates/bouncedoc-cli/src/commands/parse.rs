//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::{Mutex, mpsc};

use anyhow::Result;
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input;
use bouncedoc_mail::input::batch::{Job, Jobs};
use bouncedoc_mail::record::Record;

use crate::cli::{ParseArgs, locale_lang};
use crate::render::progress::{self, Progress};
use crate::render::records::Writer;
use crate::render::summary::{Summary, Tally};

/// The most JSON lines a worker writes ahead for one message, and the most records of
/// another format it keeps, before it leaves the rest of the message to the writer, which
/// then writes each record as it is made: a message with many recipients needs the memory
/// of one record, not of all of them and their output.
const AHEAD_BYTES: usize = 1 << 20;
const AHEAD_RECORDS: usize = 256;

/// The records of one input, made as they are asked for.
type Made<'e> = Box<dyn Iterator<Item = Record> + Send + 'e>;

/// One message's first records and, when the output is JSON lines, those lines already
/// written: the workers write them, so that the one writing thread only copies bytes out
/// and does not hold back the workers on many cores. The records of a message that gives
/// more than the workers make ahead are left for the writer to make ([`Finished::rest`]).
struct Finished<'e> {
    /// The bytes of the message, for the progress bar.
    bytes: u64,
    tallies: Vec<Tally>,
    /// The first records, written as JSON lines by the worker. The records themselves were
    /// dropped there: memory freed by the thread that allocated it stays in that thread's
    /// pages, where the allocator reuses it at once.
    lines: Vec<u8>,
    /// The records after those lines, left for the writer (CSV, the human layout, or from
    /// a record that did not serialize on).
    records: Vec<Record>,
    /// The records not made yet: the mail crate's one path makes them one at a time (a
    /// fault in the diagnosis of one message becomes that message's error record, and the
    /// batch goes on).
    rest: Option<Made<'e>>,
}

/// A message whose records are about to be made, read already when it is a message (its
/// diagnoses are left for [`Finished::new`]).
struct Started<'e> {
    bytes: u64,
    made: Made<'e>,
}

impl<'e> Started<'e> {
    fn new(engine: &'e Engine, lang: Lang, job: Job) -> Started<'e> {
        let bytes = job.bytes.as_ref().map_or(0, |b| b.len() as u64);
        // A file of webhook events gives its records at once; a message, one at a time.
        let made: Made<'e> = match super::events::parse_records(engine, lang, &job) {
            Some(records) => Box::new(records.into_iter()),
            None => {
                let mut each = job.stream(engine, lang);
                each.read_now();
                Box::new(each)
            }
        };
        Started { bytes, made }
    }
}

/// Messages read before any of them is diagnosed: reading a few messages, then diagnosing
/// them, keeps the reading's code and tables, then the knowledge base's automaton, in the
/// processor's caches from one message to the next, where a message read and diagnosed in
/// turn evicted the other stage's each time (the figures are in `docs/perf/throughput.md`).
/// Few, so that memory holds a few messages' facts and not their bytes.
const READ_AHEAD: usize = 16;

/// Reads the messages of `jobs` a few at a time ([`READ_AHEAD`]), and gives each one's
/// records, in input order.
fn in_groups<'e>(
    engine: &'e Engine,
    lang: Lang,
    jobs: impl IntoIterator<Item = Job>,
    jsonl: bool,
) -> impl Iterator<Item = Finished<'e>> {
    let mut jobs = jobs.into_iter();
    std::iter::from_fn(move || {
        let group: Vec<Started<'e>> = jobs
            .by_ref()
            .take(READ_AHEAD)
            .map(|job| Started::new(engine, lang, job))
            .collect();
        (!group.is_empty()).then_some(group)
    })
    .flatten()
    .map(move |started| Finished::new(started, jsonl))
}

impl<'e> Finished<'e> {
    fn new(started: Started<'e>, jsonl: bool) -> Finished<'e> {
        let Started { bytes, mut made } = started;
        let mut finished = Finished {
            bytes,
            tallies: Vec::new(),
            lines: Vec::new(),
            records: Vec::new(),
            rest: None,
        };
        while finished.lines.len() < AHEAD_BYTES && finished.records.len() < AHEAD_RECORDS {
            let Some(record) = made.next() else {
                return finished;
            };
            finished.tallies.push(Tally::of(&record));
            // A record that does not serialize is left to the writer, which reports the
            // error; so are those after it, to keep the order.
            if !(jsonl
                && finished.records.is_empty()
                && crate::render::records::jsonl_into(&mut finished.lines, &record).is_ok())
            {
                finished.records.push(record);
            }
        }
        finished.rest = Some(made);
        finished
    }
}

/// What the writing stage keeps: the output, the counts, the progress bar.
struct Output {
    writer: Writer,
    summary: Summary,
    progress: Progress,
}

impl Output {
    fn write<'e>(&mut self, done: impl IntoIterator<Item = Finished<'e>>) -> Result<()> {
        let (mut messages, mut bytes) = (0, 0);
        for finished in done {
            self.summary.message();
            messages += 1;
            bytes += finished.bytes;
            for tally in finished.tallies {
                self.summary.add_tally(tally);
            }
            if !finished.lines.is_empty() {
                self.writer.write_bytes(&finished.lines)?;
            }
            for r in &finished.records {
                self.writer.write(r)?;
            }
            for r in finished.rest.into_iter().flatten() {
                self.summary.add_tally(Tally::of(&r));
                self.writer.write(&r)?;
            }
        }
        self.progress.advance(messages, bytes);
        Ok(())
    }
}

/// One thread reads, diagnoses and writes the messages in turn, as `-j 1` asks: on one
/// core, handing batches between threads only adds thread switches. Messages are read a
/// few at a time ([`READ_AHEAD`]), then diagnosed and written.
fn one_thread(engine: &Engine, lang: Lang, jobs: Jobs, mut output: Output) -> Result<Output> {
    let jsonl = output.writer.is_jsonl();
    for finished in in_groups(engine, lang, jobs, jsonl) {
        output.write([finished])?;
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
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<Finished<'_>>)>(in_flight);
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
                    let done = in_groups(engine, lang, batch, jsonl).collect();
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
        let mut waiting: BTreeMap<usize, Vec<Finished<'_>>> = BTreeMap::new();
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
    let progress = Progress::start(lang, progress::size_of(&inputs), true);
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
    output.progress.finish();
    if !args.quiet {
        output.summary.print(engine.knowledge(), lang);
    }
    Ok(if output.summary.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}
