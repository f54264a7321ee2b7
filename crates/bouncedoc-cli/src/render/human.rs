//! Output for a person in a hurry: the headline first, then what it means, who must act,
//! what to do and what to avoid, then what the diagnosis rests on. Colour only on a terminal
//! and never with `NO_COLOR` (anstream decides).

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;
use bouncedoc_core::{Diagnosis, EvidenceKind, Knowledge, Lang};
use owo_colors::OwoColorize;

use crate::render::safe;

/// Prints the diagnosis of a pasted text on standard output; when nothing was recognized,
/// says so instead (see [`write_nothing_recognized`]).
pub fn print_diagnosis(kb: &Knowledge, d: &Diagnosis) -> Result<()> {
    let mut out = anstream::stdout().lock();
    if d.is_conclusive() {
        write_diagnosis(&mut out, kb, d)?;
    } else {
        write_nothing_recognized(&mut out, kb, d.lang)?;
    }
    Ok(())
}

/// Writes the answer for a text in which nothing was recognized: no reason, no party, no
/// advice; what to paste instead, first, then what was looked for.
pub fn write_nothing_recognized(
    out: &mut impl Write,
    kb: &Knowledge,
    lang: Lang,
) -> std::io::Result<()> {
    let label = |id: &str| kb.label(id, lang).to_string();
    writeln!(
        out,
        "{} {}",
        "?".yellow().bold(),
        label("nothing.headline").bold()
    )?;
    writeln!(out, "  {}", label("nothing.ask"))?;
    writeln!(out, "  {}", label("nothing.looked_for"))
}

/// A heading line.
pub fn heading(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", text.bold())
}

/// A copy of a diagnosis with every text in it made safe for a terminal
/// ([`safe::for_person`]): the server's words, the recipient and what quotes them.
fn for_person(d: &Diagnosis) -> Diagnosis {
    let clean = |s: &mut String| {
        if let Cow::Owned(c) = safe::for_person(s) {
            *s = c;
        }
    };
    let mut d = d.clone();
    for s in [&mut d.diagnostic, &mut d.summary, &mut d.explanation] {
        clean(s);
    }
    for s in [&mut d.recipient, &mut d.provider, &mut d.mta]
        .into_iter()
        .flatten()
    {
        clean(s);
    }
    for a in &mut d.advice {
        clean(&mut a.text);
    }
    for e in &mut d.evidence {
        clean(&mut e.text);
        for s in [&mut e.note, &mut e.id].into_iter().flatten() {
            clean(s);
        }
    }
    d
}

/// Writes a diagnosis, without the terminal control its texts may carry.
pub fn write_diagnosis(out: &mut impl Write, kb: &Knowledge, d: &Diagnosis) -> std::io::Result<()> {
    let d = &for_person(d);
    let lang = d.lang;
    let label = |id: &str| kb.label(id, lang).to_string();
    let colon = if lang == Lang::Ja { "：" } else { ": " };

    // Headline: the codes and what happened.
    let codes: Vec<String> = d
        .reply_code
        .map(|c| c.to_string())
        .into_iter()
        .chain(d.status.map(|s| s.to_string()))
        .collect();
    let codes = if codes.is_empty() {
        "—".to_string()
    } else {
        codes.join(" ")
    };
    if d.hard_bounce {
        writeln!(
            out,
            "{} {}  {}",
            "✖".red().bold(),
            codes.red().bold(),
            d.summary.bold()
        )?;
    } else {
        writeln!(
            out,
            "{} {}  {}",
            "!".yellow().bold(),
            codes.yellow().bold(),
            d.summary.bold()
        )?;
    }
    let title = lang.pick(&kb.reason(d.reason).title);
    writeln!(
        out,
        "  {}{colon}{} ({})  ·  {}{colon}{}",
        label("field.reason"),
        title,
        d.reason,
        label("field.confidence"),
        label(&format!("confidence.{}", d.confidence))
    )?;
    if let Some(r) = &d.recipient {
        writeln!(out, "  {}{colon}{r}", label("field.recipient"))?;
    }
    if let Some(p) = &d.provider {
        let name = kb.source_name(p, lang).unwrap_or(p);
        writeln!(out, "  {}{colon}{name}", label("field.provider"))?;
    }
    let bounce = if d.action == Some(bouncedoc_core::Action::Delayed) {
        "bounce.warning"
    } else if d.hard_bounce {
        "bounce.hard"
    } else {
        "bounce.soft"
    };
    writeln!(out, "  {}", label(bounce).dimmed())?;
    writeln!(out, "  {}", label(&format!("retry.{}", d.retry)).dimmed())?;

    heading(out, &label("heading.meaning"))?;
    // The explanation is one paragraph in the contract; on a terminal its causes and its
    // doubts read better on lines of their own.
    let mut explanation = d.explanation.clone();
    for id in ["note.causes", "note.uncertain"] {
        let head = label(id);
        explanation = explanation.replacen(&head, &format!("\n  {head}"), 1);
    }
    writeln!(out, "  {}", explanation.replace(" \n", "\n"))?;

    heading(out, &label("heading.party"))?;
    let party = kb.party(d.party);
    writeln!(
        out,
        "  {}{colon}{}",
        lang.pick(&party.name).bold(),
        lang.pick(kb.who_acts(d))
    )?;

    let todo: Vec<_> = d.advice.iter().filter(|a| !a.avoid).collect();
    if !todo.is_empty() {
        heading(out, &label("heading.todo"))?;
        for (i, a) in todo.iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, a.text)?;
        }
    }
    let avoid: Vec<_> = d.advice.iter().filter(|a| a.avoid).collect();
    if !avoid.is_empty() {
        heading(out, &label("heading.avoid"))?;
        for a in avoid {
            writeln!(out, "  {} {}", "✗".red(), a.text)?;
        }
    }

    if !d.evidence.is_empty() {
        heading(out, &label("heading.evidence"))?;
        for e in &d.evidence {
            let kind = label(e.kind.label_id());
            let note = e
                .note
                .as_deref()
                .map(|n| format!(" → {n}"))
                .unwrap_or_default();
            let id = match (e.kind, &e.id) {
                (EvidenceKind::Rule | EvidenceKind::Resembles, Some(id)) => format!(" [{id}]"),
                _ => String::new(),
            };
            writeln!(
                out,
                "  - {kind}{colon}{}{note}{}",
                e.text.cyan(),
                id.dimmed()
            )?;
        }
    }
    if !d.diagnostic.is_empty() {
        heading(out, &label("heading.server_said"))?;
        writeln!(out, "  {}", d.diagnostic.dimmed())?;
    }
    Ok(())
}
