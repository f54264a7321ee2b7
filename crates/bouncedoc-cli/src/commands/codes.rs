//! `bouncedoc codes`: the registry of reply codes and enhanced status codes.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::catalog::{self, CodeEntry};
use bouncedoc_core::{Engine, Lang};
use owo_colors::OwoColorize;

use super::EXIT_UNRECOGNIZED;
use crate::cli::{CodesArgs, Format};
use crate::render;

fn write_entry(
    out: &mut impl Write,
    e: &CodeEntry,
    detailed: bool,
    lang: Lang,
) -> std::io::Result<()> {
    if !detailed {
        return writeln!(out, "{:<8} {}", e.code.bold(), e.title);
    }
    writeln!(out, "{}  {}", e.code.bold(), e.title.bold())?;
    writeln!(out, "  {}", e.meaning)?;
    let (reference, reason) = match lang {
        Lang::En => ("Defined in", "Usual reason"),
        Lang::Ja => ("定義", "主な理由"),
    };
    if let Some(r) = &e.reference {
        writeln!(out, "  {reference}: {r}")?;
    }
    if let Some(r) = &e.reason {
        writeln!(out, "  {reason}: {r}")?;
    }
    Ok(())
}

pub fn run(engine: &Engine, args: &CodesArgs) -> Result<ExitCode> {
    let kb = engine.knowledge();
    let lang = args.output.lang();
    let Some(query) = &args.code else {
        let entries = catalog::codes(kb, lang);
        match args.output.format {
            Format::Json => render::json::print(&entries)?,
            Format::Human => {
                let mut out = anstream::stdout().lock();
                for e in &entries {
                    write_entry(&mut out, e, false, lang)?;
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(entry) = catalog::code(kb, query, lang)? else {
        eprintln!("bouncedoc: {query} is not in the registry");
        return Ok(ExitCode::from(EXIT_UNRECOGNIZED));
    };
    match args.output.format {
        Format::Json => render::json::print(&entry)?,
        Format::Human => write_entry(&mut anstream::stdout().lock(), &entry, true, lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
