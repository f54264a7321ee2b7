//! `bouncedoc explain`: what a person pasted or saved, answered: one diagnosis per recipient
//! of a whole bounce, one for a reply text.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_core::{Answer, Diagnosis, Engine, Error, Lang, Observation, ReportKind};
use bouncedoc_mail::paste::{Found, Pasted, answered_as_bounce, read_bounce_paste};

use super::{EXIT_UNRECOGNIZED, EXIT_USAGE};
use crate::cli::{ExplainArgs, Format, is_japanese};
use crate::render;
use crate::texts;

/// File name endings that say an argument names a saved message rather than words.
const FILE_ENDINGS: &[&str] = &[".eml", ".msg", ".txt", ".mbox", ".emlx"];

/// Whether one argument reads as the name of a file: no white space and a file ending.
fn looks_like_file_name(arg: &str) -> bool {
    let lower = arg.to_ascii_lowercase();
    !arg.chars().any(char::is_whitespace) && FILE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// What `explain` was given, or why it cannot be read (a sentence for the user).
enum Given {
    /// Words or a message: from the arguments, standard input or a file.
    Bytes(Vec<u8>, Option<PathBuf>),
    /// Nothing can be read: the message says why.
    Refused(String),
}

/// The input: a file named by the one argument, else the arguments' words, else standard
/// input.
fn given(args: &ExplainArgs, lang: Lang) -> Result<Given> {
    if let [arg] = args.text.as_slice()
        && arg != "-"
    {
        let path = Path::new(arg);
        if path.is_dir() {
            return Ok(Given::Refused(texts::is_folder(lang, path)));
        }
        if path.is_file() {
            return Ok(match std::fs::read(path) {
                Ok(bytes) => Given::Bytes(bytes, Some(path.to_path_buf())),
                Err(e) => Given::Refused(texts::cannot_read(lang, path, &e)),
            });
        }
        if looks_like_file_name(arg) {
            return Ok(Given::Refused(texts::no_such_file(lang, path)));
        }
    }
    if !args.text.is_empty() && args.text != ["-"] {
        return Ok(Given::Bytes(args.text.join(" ").into_bytes(), None));
    }
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("bouncedoc: {}", texts::paste_prompt(lang));
    }
    let mut bytes = Vec::new();
    stdin
        .read_to_end(&mut bytes)
        .with_context(texts::doing::reading_stdin)?;
    Ok(Given::Bytes(bytes, None))
}

/// Whether the context flags say what the words are (then they are explained as words,
/// with that context, and not looked at as a message).
fn has_context(args: &ExplainArgs) -> bool {
    let c = &args.context;
    c.status.is_some() || c.command.is_some() || c.server.is_some() || c.in_report
}

/// The language of the answer: the one asked for or the environment's, else Japanese for
/// a Japanese text, else English.
fn answer_lang(args: &ExplainArgs, text: &str, pasted: Option<&Pasted>) -> Lang {
    if let Some(lang) = args.output.chosen_lang() {
        return lang;
    }
    let japanese = is_japanese(text)
        || pasted.is_some_and(|p| {
            p.bounce.message.subject.as_deref().is_some_and(is_japanese)
                || p.bounce
                    .recipients
                    .iter()
                    .any(|r| is_japanese(&r.diagnostic))
        });
    if japanese { Lang::Ja } else { Lang::En }
}

pub fn run(engine: &Engine, args: &ExplainArgs) -> Result<ExitCode> {
    let early_lang = args.output.chosen_lang().unwrap_or_default();
    let (mut bytes, path) = match given(args, early_lang)? {
        Given::Bytes(bytes, path) => (bytes, path),
        Given::Refused(why) => {
            eprintln!("bouncedoc: {why}");
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    if bouncedoc_mail::msg::is_compound_file(&bytes) {
        match bouncedoc_mail::msg::to_message(&bytes) {
            Ok(message) => bytes = message,
            Err(e) => {
                let path = path.as_deref().unwrap_or(Path::new("-"));
                eprintln!(
                    "bouncedoc: {}",
                    texts::unreadable_msg(early_lang, path, &e.to_string())
                );
                return Ok(ExitCode::from(EXIT_USAGE));
            }
        }
    }
    let text = String::from_utf8_lossy(&bytes);
    let pasted = if has_context(args) {
        None
    } else {
        read_bounce_paste(&bytes)
    };
    let lang = answer_lang(args, &text, pasted.as_ref());
    let from_message = pasted.as_ref().and_then(|p| {
        let report = bouncedoc_mail::diagnose(engine, &p.bounce, lang);
        let diagnoses: Vec<Diagnosis> = report.diagnoses.into_iter().map(|(d, _)| d).collect();
        answered_as_bounce(p.found, &diagnoses).then_some((diagnoses, p.found == Found::Attached))
    });
    let (diagnoses, attached) = match from_message {
        Some(found) => found,
        None => match explain_words(engine, args, &text, lang) {
            Ok(d) => (vec![d], false),
            Err(Error::EmptyInput) => {
                eprintln!("bouncedoc: {}", texts::empty_input(lang));
                return Ok(ExitCode::from(EXIT_USAGE));
            }
            Err(e) => return Err(e.into()),
        },
    };
    let recognized = diagnoses.iter().any(Diagnosis::is_conclusive);
    match args.output.format {
        Format::Json => {
            let kb = engine.knowledge();
            let mut answers: Vec<Answer> =
                diagnoses.into_iter().map(|d| Answer::new(kb, d)).collect();
            if answers.len() == 1 {
                render::json::print(&answers.remove(0))?;
            } else {
                render::json::print(&answers)?;
            }
        }
        Format::Human => print_human(engine, &diagnoses, attached, lang)?,
    }
    Ok(if recognized {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_UNRECOGNIZED)
    })
}

/// Explains the text as the words of one reply, with the context the flags give.
fn explain_words(
    engine: &Engine,
    args: &ExplainArgs,
    text: &str,
    lang: Lang,
) -> Result<Diagnosis, Error> {
    let context = &args.context;
    let observation = Observation {
        text,
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
    engine.explain_in(&observation, lang)
}

/// The answers for a person: one, or each recipient's under a heading naming it.
fn print_human(engine: &Engine, diagnoses: &[Diagnosis], attached: bool, lang: Lang) -> Result<()> {
    use std::io::Write;
    let kb = engine.knowledge();
    if attached {
        println!("{}", texts::forwarded_note(lang));
    }
    let [first, rest @ ..] = diagnoses else {
        return Ok(());
    };
    if rest.is_empty() {
        render::human::print_diagnosis(kb, first)?;
        return Ok(write_domain_typo(
            &mut anstream::stdout().lock(),
            first,
            lang,
        )?);
    }
    let mut out = anstream::stdout().lock();
    writeln!(out, "{}", texts::recipients_found(lang, diagnoses.len()))?;
    for (i, d) in diagnoses.iter().enumerate() {
        let address = d.recipient.as_deref().unwrap_or("?");
        let heading = texts::recipient_heading(lang, i + 1, diagnoses.len(), address);
        writeln!(out)?;
        writeln!(out, "{}", render::safe::for_person(&heading))?;
        if d.is_conclusive() {
            render::human::write_diagnosis(&mut out, kb, d)?;
        } else {
            render::human::write_nothing_recognized(&mut out, kb, d.lang)?;
        }
        write_domain_typo(&mut out, d, lang)?;
    }
    Ok(())
}

/// When the recipient's domain looks like a typo of a known mail domain (`gmial.com`), says
/// which address was probably meant.
fn write_domain_typo(
    out: &mut impl std::io::Write,
    d: &Diagnosis,
    lang: Lang,
) -> std::io::Result<()> {
    // The recipient, else the addresses the server's words quote.
    let quoted = d
        .diagnostic
        .split(|c: char| c.is_whitespace() || "<>()[]:;,\"'".contains(c))
        .filter(|w| w.contains('@'));
    let Some((address, corrected)) = d
        .recipient
        .as_deref()
        .into_iter()
        .chain(quoted)
        .find_map(|a| crate::domains::corrected_address(a).map(|c| (a, c)))
    else {
        return Ok(());
    };
    let line = texts::domain_typo(lang, address, &corrected);
    writeln!(out)?;
    writeln!(out, "? {}", render::safe::for_person(&line))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_words() {
        assert!(looks_like_file_name("bounce.eml"));
        assert!(looks_like_file_name("C:\\Mail\\配信不能.MSG"));
        assert!(!looks_like_file_name("550 5.1.1 see bounce.eml"));
        assert!(!looks_like_file_name("hello"));
    }
}
