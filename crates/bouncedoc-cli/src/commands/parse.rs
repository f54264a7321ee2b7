//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::io::{BufRead, IsTerminal, Read};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::input::mbox::MboxReader;
use bouncedoc_mail::input::{self, Input};
use bouncedoc_mail::record::{Origin, Record, records};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{ParseArgs, locale_lang};
use crate::render::records::{Summary, Writer};

/// Messages handed to the workers at a time: enough to keep every core busy, few enough
/// that memory stays flat.
const BATCH: usize = 256;

/// One message waiting to be read.
struct Job {
    origin: Origin,
    bytes: std::io::Result<Vec<u8>>,
}

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

struct Run<'a> {
    engine: &'a Engine,
    lang: Lang,
    writer: Writer,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl Run<'_> {
    fn flush(&mut self, batch: &mut Vec<Job>) -> Result<()> {
        let (engine, lang) = (self.engine, self.lang);
        let done: Vec<Vec<Record>> = std::mem::take(batch)
            .into_par_iter()
            .map(|job| process(engine, lang, job))
            .collect();
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

    fn push(&mut self, batch: &mut Vec<Job>, job: Job) -> Result<()> {
        batch.push(job);
        if batch.len() >= BATCH {
            self.flush(batch)?;
        }
        Ok(())
    }

    fn mbox(&mut self, batch: &mut Vec<Job>, name: &str, reader: impl BufRead) -> Result<()> {
        for message in MboxReader::new(reader) {
            let job = match message {
                Ok(m) => Job {
                    origin: Origin {
                        source: name.to_string(),
                        index: Some(m.index),
                    },
                    bytes: Ok(m.bytes),
                },
                Err(e) => Job {
                    origin: Origin {
                        source: name.to_string(),
                        index: None,
                    },
                    bytes: Err(e),
                },
            };
            self.push(batch, job)?;
        }
        Ok(())
    }
}

pub fn run(engine: &Engine, args: &ParseArgs) -> Result<ExitCode> {
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("starting the worker threads")?;
    }
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
    let mut run = Run {
        engine,
        lang,
        writer: Writer::new(args.format, engine.knowledge(), lang)?,
        summary: Summary::default(),
        progress,
    };
    let mut batch = Vec::with_capacity(BATCH);
    for item in inputs {
        match item {
            Err(e) => {
                let origin = Origin {
                    source: e.path.clone(),
                    index: None,
                };
                run.push(
                    &mut batch,
                    Job {
                        origin,
                        bytes: Err(e.source),
                    },
                )?;
            }
            Ok(Input::Message(path)) => {
                let origin = Origin {
                    source: path.display().to_string(),
                    index: None,
                };
                run.push(
                    &mut batch,
                    Job {
                        origin,
                        bytes: std::fs::read(&path),
                    },
                )?;
            }
            Ok(inp @ Input::Mbox(_)) => {
                // Messages before the mbox first, so that output keeps the input order.
                run.flush(&mut batch)?;
                let reader = input::open(&inp)?;
                run.mbox(&mut batch, &inp.name(), reader)?;
                run.flush(&mut batch)?;
            }
            Ok(Input::Stdin) => {
                run.flush(&mut batch)?;
                let mut stdin = std::io::stdin().lock();
                let head = stdin.fill_buf().context("reading standard input")?;
                if head.starts_with(b"From ") {
                    run.mbox(&mut batch, "-", stdin)?;
                } else {
                    let mut bytes = Vec::new();
                    let read = stdin.read_to_end(&mut bytes).map(|_| bytes);
                    let origin = Origin {
                        source: "-".into(),
                        index: None,
                    };
                    run.push(
                        &mut batch,
                        Job {
                            origin,
                            bytes: read,
                        },
                    )?;
                }
                run.flush(&mut batch)?;
            }
        }
    }
    run.flush(&mut batch)?;
    run.writer.finish()?;
    if let Some(p) = &run.progress {
        p.finish_and_clear();
    }
    if !args.quiet {
        run.summary.print(engine.knowledge(), lang);
    }
    Ok(if run.summary.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}
