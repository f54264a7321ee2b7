//! `bouncedoc codes`: the registry of reply codes and enhanced status codes.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::catalog::{self, CodeEntry};
use bouncedoc_core::{Engine, Lang};
use owo_colors::OwoColorize;

use super::{EXIT_UNRECOGNIZED, EXIT_USAGE};
use crate::cli::{CodesArgs, Format};
use crate::render;
use crate::render::safe::for_person;
use crate::texts;

fn write_entry(
    out: &mut impl Write,
    e: &CodeEntry,
    detailed: bool,
    lang: Lang,
) -> std::io::Result<()> {
    if !detailed {
        return writeln!(out, "{:<9} {}", e.code.bold(), e.title);
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

/// A code-like query with the letters that pass for digits read as digits (`5.1.l`,
/// `55O`).
fn as_digits(query: &str) -> String {
    query
        .trim()
        .chars()
        .map(|c| match c {
            'l' | 'I' | 'i' | '|' => '1',
            'o' | 'O' => '0',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// The known codes nearest to a query that names none.
///
/// The registry writes enhanced codes without their class (`X.1.1`); they are suggested in
/// the class the query has (`5.1.1` for `5.1.l`).
fn suggestions(entries: &[CodeEntry], query: &str) -> Vec<String> {
    let digits = as_digits(query);
    let class = digits
        .chars()
        .next()
        .filter(|c| matches!(c, '2' | '4' | '5'));
    let known: Vec<String> = entries
        .iter()
        .map(|e| match (class, e.code.strip_prefix('X')) {
            (Some(c), Some(rest)) => format!("{c}{rest}"),
            _ => e.code.clone(),
        })
        .collect();
    let mut out: Vec<String> = known.iter().filter(|k| **k == digits).cloned().collect();
    for s in crate::suggest::nearest(&digits, known.iter().map(String::as_str)) {
        if !out.contains(&s) && out.len() < 3 {
            out.push(s);
        }
    }
    out
}

/// Every code: the registry's, then the inferred ones.
fn all_codes(engine: &Engine, lang: Lang) -> Vec<CodeEntry> {
    let kb = engine.knowledge();
    let mut entries = catalog::codes(kb, lang);
    entries.extend(catalog::inferred_codes(kb, lang));
    entries
}

pub fn run(engine: &Engine, args: &CodesArgs) -> Result<ExitCode> {
    let kb = engine.knowledge();
    let lang = args.output.lang();
    let Some(query) = &args.code else {
        let entries = all_codes(engine, lang);
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
    let (what, status) = match catalog::code(kb, query, lang) {
        Ok(Some(entry)) => {
            match args.output.format {
                Format::Json => render::json::print(&entry)?,
                Format::Human => write_entry(&mut anstream::stdout().lock(), &entry, true, lang)?,
            }
            return Ok(ExitCode::SUCCESS);
        }
        Ok(None) => (texts::code_not_in_registry(lang, query), EXIT_UNRECOGNIZED),
        Err(_) => (texts::not_a_code(lang, query), EXIT_USAGE),
    };
    let near = suggestions(&all_codes(engine, lang), query);
    eprintln!(
        "bouncedoc: {}",
        for_person(&texts::unknown_with_suggestions(lang, &what, &near))
    );
    eprintln!("bouncedoc: {}", texts::list_codes(lang));
    Ok(ExitCode::from(status))
}
