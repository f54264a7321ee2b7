//! `bouncedoc explain`: one reply, one diagnosis.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Error, Observation, ReportKind};

use super::{EXIT_UNRECOGNIZED, EXIT_USAGE};
use crate::cli::{ExplainArgs, Format};
use crate::render;

/// The text to explain: the arguments, else standard input (bytes that are not UTF-8 are
/// replaced, never refused).
fn input(args: &ExplainArgs) -> Result<String> {
    if !args.text.is_empty() && args.text != ["-"] {
        return Ok(args.text.join(" "));
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("bouncedoc: paste the error text, then press Ctrl-D");
    }
    let mut bytes = Vec::new();
    stdin
        .read_to_end(&mut bytes)
        .context("reading standard input")?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub fn run(engine: &Engine, args: &ExplainArgs) -> Result<ExitCode> {
    let text = input(args)?;
    let lang = args.output.lang();
    let context = &args.context;
    let observation = Observation {
        text: &text,
        status: context.status,
        command: context.command,
        server: context.server.as_deref(),
        mta: context.server.as_deref(),
        report: if context.in_report || context.server.is_some() {
            ReportKind::Delivery
        } else {
            ReportKind::Words
        },
        ..Observation::default()
    };
    let diagnosis = match engine.explain_in(&observation, lang) {
        Ok(d) => d,
        Err(Error::EmptyInput) => {
            eprintln!("bouncedoc: {}", Error::EmptyInput);
            return Ok(ExitCode::from(EXIT_USAGE));
        }
        Err(e) => return Err(e.into()),
    };
    match args.output.format {
        Format::Json => render::json::print(&diagnosis)?,
        Format::Human => render::human::print_diagnosis(engine.knowledge(), &diagnosis)?,
    }
    Ok(if diagnosis.is_conclusive() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_UNRECOGNIZED)
    })
}
