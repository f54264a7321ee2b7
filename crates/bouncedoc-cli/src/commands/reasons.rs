//! `bouncedoc reasons`: what each reason means, its usual causes and who acts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Knowledge, Lang, Reason};
use owo_colors::OwoColorize;
use serde::Serialize;

use crate::cli::{Format, ReasonsArgs};
use crate::render;

/// One reason as printed in JSON.
#[derive(Debug, Serialize)]
struct ReasonEntry {
    id: Reason,
    title: String,
    summary: String,
    meaning: String,
    causes: Vec<String>,
    uncertain: Option<String>,
    hard_bounce: bool,
    retry: String,
    party: String,
    advice: Vec<String>,
}

fn entry(kb: &Knowledge, reason: Reason, lang: Lang) -> ReasonEntry {
    let d = kb.reason(reason);
    ReasonEntry {
        id: reason,
        title: lang.pick(&d.title).to_string(),
        summary: lang.pick(&d.summary).to_string(),
        meaning: lang.pick(&d.meaning).to_string(),
        causes: d.causes.iter().map(|c| lang.pick(c).to_string()).collect(),
        uncertain: d.uncertain.as_ref().map(|u| lang.pick(u).to_string()),
        hard_bounce: d.hard_bounce,
        retry: d.retry.clone(),
        party: d.party.clone(),
        advice: d.advice.clone(),
    }
}

fn write_entry(
    out: &mut impl Write,
    kb: &Knowledge,
    e: &ReasonEntry,
    lang: Lang,
) -> std::io::Result<()> {
    let colon = if lang == Lang::Ja { "：" } else { ": " };
    writeln!(out, "{}  {}", e.id.as_str().bold(), e.title.bold())?;
    writeln!(out, "  {}", e.meaning)?;
    writeln!(out, "  {}", kb.label("note.causes", lang))?;
    for c in &e.causes {
        writeln!(out, "    - {c}")?;
    }
    if let Some(u) = &e.uncertain {
        writeln!(
            out,
            "  {}{colon}{u}",
            kb.label("note.uncertain", lang)
                .trim_end_matches(['：', ':'])
        )?;
    }
    let party = e
        .party
        .parse()
        .map(|p| lang.pick(&kb.party(p).name).to_string())
        .unwrap_or_default();
    writeln!(out, "  {}{colon}{party}", kb.label("heading.party", lang))?;
    let bounce = if e.hard_bounce {
        "bounce.hard"
    } else {
        "bounce.soft"
    };
    writeln!(out, "  {}", kb.label(bounce, lang).dimmed())?;
    writeln!(out)
}

pub fn run(engine: &Engine, args: &ReasonsArgs) -> Result<ExitCode> {
    let kb = engine.knowledge();
    let lang = args.output.lang();
    let reasons: Vec<Reason> = match &args.reason {
        Some(r) => vec![r.parse::<Reason>().with_context(|| {
            let all: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
            format!("known reasons: {}", all.join(" "))
        })?],
        None => Reason::ALL.to_vec(),
    };
    let entries: Vec<ReasonEntry> = reasons.iter().map(|r| entry(kb, *r, lang)).collect();
    match args.output.format {
        Format::Json => render::json::print(&entries)?,
        Format::Human => {
            let mut out = anstream::stdout().lock();
            for e in &entries {
                write_entry(&mut out, kb, e, lang)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
