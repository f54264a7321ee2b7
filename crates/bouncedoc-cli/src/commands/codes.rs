//! `bouncedoc codes`: the registry of reply codes and enhanced status codes.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};
use bouncedoc_core::knowledge::schema::{EnhancedCodeDoc, ReplyCodeDoc};
use bouncedoc_core::{Engine, Knowledge, Lang, StatusCode};
use owo_colors::OwoColorize;
use serde::Serialize;

use super::EXIT_UNRECOGNIZED;
use crate::cli::{CodesArgs, Format};
use crate::render;

/// One code as printed in JSON.
#[derive(Debug, Serialize)]
struct CodeEntry {
    code: String,
    kind: &'static str,
    title: String,
    meaning: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

fn reply_entry(d: &ReplyCodeDoc, lang: Lang) -> CodeEntry {
    CodeEntry {
        code: d.code.to_string(),
        kind: "reply",
        title: lang.pick(&d.title).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        reference: Some("RFC 5321".to_string()),
        reason: d.reason.clone(),
    }
}

fn enhanced_entry(code: String, d: &EnhancedCodeDoc, lang: Lang) -> CodeEntry {
    CodeEntry {
        code,
        kind: "enhanced",
        title: lang.pick(&d.title).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        reference: Some(d.reference.clone()),
        reason: d.reason.clone(),
    }
}

/// The entries a query asks for; `None` when the query is well formed but unknown.
fn lookup(kb: &Knowledge, query: &str, lang: Lang) -> Result<Option<CodeEntry>> {
    let q = query.trim();
    if q.len() == 3 && q.bytes().all(|b| b.is_ascii_digit()) {
        let code: u16 = q.parse()?;
        return Ok(kb.reply_code(code).map(|d| reply_entry(d, lang)));
    }
    match q.parse::<StatusCode>() {
        Ok(s) => Ok(kb
            .enhanced_code(s)
            .map(|d| enhanced_entry(s.to_string(), d, lang))),
        Err(_) => {
            bail!("`{query}` is neither a reply code (550) nor an enhanced status code (5.1.1)")
        }
    }
}

fn all(kb: &Knowledge, lang: Lang) -> Vec<CodeEntry> {
    let mut entries: Vec<CodeEntry> = kb
        .docs
        .reply_codes
        .code
        .iter()
        .map(|d| reply_entry(d, lang))
        .collect();
    entries.extend(
        kb.docs
            .enhanced_codes
            .code
            .iter()
            .map(|d| enhanced_entry(d.code.clone(), d, lang)),
    );
    entries
}

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
        let entries = all(kb, lang);
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
    let Some(entry) = lookup(kb, query, lang)? else {
        eprintln!("bouncedoc: {query} is not in the registry");
        return Ok(ExitCode::from(EXIT_UNRECOGNIZED));
    };
    match args.output.format {
        Format::Json => render::json::print(&entry)?,
        Format::Human => write_entry(&mut anstream::stdout().lock(), &entry, true, lang)?,
    }
    Ok(ExitCode::SUCCESS)
}
