//! `bouncedoc parse`: whole messages from files, folders, Maildirs, mbox streams and standard
//! input, diagnosed in parallel, written in input order.

use std::io::IsTerminal;
use std::process::ExitCode;

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

struct Run<'a> {
    engine: &'a Engine,
    lang: Lang,
    writer: Writer,
    summary: Summary,
    progress: Option<ProgressBar>,
}

impl Run<'_> {
    fn flush(&mut self, batch: Vec<Job>) -> Result<()> {
        let (engine, lang) = (self.engine, self.lang);
        let done: Vec<Vec<Record>> = batch
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
    let mut run = Run {
        engine,
        lang,
        writer: Writer::new(args.format, engine.knowledge(), lang)?,
        summary: Summary::default(),
        progress,
    };
    batches(inputs, BATCH, |batch| run.flush(batch))?;
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
