//! `bouncedoc reasons`: what each reason means, its usual causes and who acts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::catalog::{self, ReasonEntry};
use bouncedoc_core::{Engine, Knowledge, Lang, Reason};
use owo_colors::OwoColorize;

use super::EXIT_USAGE;
use crate::cli::{Format, ReasonsArgs};
use crate::render;
use crate::render::safe::for_person;
use crate::texts;

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
    let party = e.party_name(kb, lang);
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
        Some(r) => match r.trim().to_ascii_lowercase().parse::<Reason>() {
            Ok(reason) => vec![reason],
            Err(_) => {
                let near = crate::suggest::nearest(r, Reason::ALL.iter().map(|r| r.as_str()));
                let what = texts::unknown_reason(lang, r);
                eprintln!(
                    "bouncedoc: {}",
                    for_person(&texts::unknown_with_suggestions(lang, &what, &near))
                );
                eprintln!("bouncedoc: {}", texts::list_reasons(lang));
                return Ok(ExitCode::from(EXIT_USAGE));
            }
        },
        None => Reason::ALL.to_vec(),
    };
    let entries: Vec<ReasonEntry> = reasons
        .iter()
        .map(|r| catalog::reason(kb, *r, lang))
        .collect();
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
