//! `bouncedoc check`: whether to mail addresses, and why not.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use bouncedoc_ledger::time::format_rfc3339;
use bouncedoc_ledger::{OpenMode, Verdict};
use clap::{Args, ValueEnum};

use super::ledger::{
    DatabaseArg, PolicyArg, event_line, localized_check, reason_words, suppression_line, why_words,
};
use crate::cli::LangArg;
use crate::render::safe::for_person;

/// Exit status when no address is suppressed but some should wait (a full mailbox).
pub const EXIT_WAIT: u8 = 3;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The addresses; `-` reads them from standard input, one per line.
    #[arg(required = true)]
    pub addresses: Vec<String>,
    #[command(flatten)]
    pub database: DatabaseArg,
    #[command(flatten)]
    pub policy: PolicyArg,
    #[command(flatten)]
    pub lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

/// How `check` prints its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One block per address: the verdict, why, the bounces it rests on.
    Human,
    /// One JSON object per address, one per line.
    Jsonl,
}

fn addresses(args: &CheckArgs) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for a in &args.addresses {
        if a == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.with_context(crate::texts::doing::reading_addresses)?;
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    out.push(line.to_string());
                }
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

/// Whether a value is an email address (`name@domain.example`, angle brackets allowed):
/// a local part, without white space unless it is quoted (`"john doe"@example.jp`), and a
/// domain of at least two labels that IDNA accepts. (An address holding a control character
/// is left to the ledger, which refuses it as unusable.)
fn is_address(value: &str) -> bool {
    let v = value.trim().trim_start_matches('<').trim_end_matches('>');
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    let labels_ok = |d: &str| {
        let labels: Vec<&str> = d.split('.').collect();
        labels.len() >= 2 && labels.iter().all(|l| !l.is_empty() && !l.starts_with('-'))
    };
    let quoted = local.len() >= 2 && local.starts_with('"') && local.ends_with('"');
    !local.is_empty()
        && (quoted || !local.chars().any(char::is_whitespace))
        && !domain.chars().any(char::is_whitespace)
        && labels_ok(domain)
        && bouncedoc_ledger::normalize_domain(domain).is_some_and(|d| labels_ok(&d))
}

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let policy = args.policy.load()?;
    let lang = args.lang.lang();
    let (addresses, rejected): (Vec<String>, Vec<String>) =
        addresses(args)?.into_iter().partition(|a| is_address(a));
    for r in &rejected {
        eprintln!(
            "bouncedoc: {}",
            for_person(&crate::texts::not_an_address(lang, r))
        );
    }
    if addresses.is_empty() {
        return Ok(ExitCode::from(super::EXIT_USAGE));
    }
    for a in &addresses {
        if let Some(corrected) = crate::domains::corrected_address(a.trim_matches(['<', '>'])) {
            let line = crate::texts::domain_typo(lang, a, &corrected);
            eprintln!("bouncedoc: {a}: {}", for_person(&line));
        }
    }
    let mut ledger = args.database.open(OpenMode::ReadOnly)?;
    let checks = ledger.check(&addresses, &policy, bouncedoc_ledger::time::now())?;
    let mut out = std::io::stdout().lock();
    let (mut suppressed, mut waiting) = (0, 0);
    for c in &checks {
        match &c.verdict {
            Verdict::Ok => {}
            Verdict::Wait { .. } => waiting += 1,
            Verdict::Suppressed { .. } => suppressed += 1,
        }
        if args.format == CheckFormat::Jsonl {
            serde_json::to_writer(&mut out, &localized_check(c, lang))?;
            writeln!(out)?;
            continue;
        }
        match &c.verdict {
            Verdict::Ok => {
                let last = c.last.as_ref().map(|e| {
                    (
                        format_rfc3339(e.detail.occurred_at),
                        reason_words(&e.detail.reason, lang),
                    )
                });
                let line = crate::texts::ledger::ok_to_send(
                    lang,
                    &c.address,
                    c.bounces,
                    last,
                    c.unsuppressed.is_some(),
                );
                writeln!(out, "{}", for_person(&line))?;
                if let Some(u) = &c.unsuppressed {
                    let line = crate::texts::ledger::history_before(
                        lang,
                        &format_rfc3339(u.at),
                        &u.who,
                        &u.reason,
                        c.bounces_before,
                    );
                    writeln!(out, "{}", for_person(&line))?;
                }
            }
            Verdict::Wait { until, why } => {
                let line = crate::texts::ledger::wait(
                    lang,
                    &c.address,
                    &format_rfc3339(*until),
                    &why_words(why, lang),
                );
                writeln!(out, "{}", for_person(&line))?;
            }
            Verdict::Suppressed { suppression } => {
                let line = crate::texts::ledger::suppressed(
                    lang,
                    &c.address,
                    &suppression_line(suppression, lang),
                );
                writeln!(out, "{}", for_person(&line))?;
                for e in &suppression.events {
                    writeln!(out, "    {}", event_line(e, lang))?;
                }
            }
        }
    }
    Ok(if !rejected.is_empty() {
        ExitCode::from(super::EXIT_USAGE)
    } else if suppressed > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else if waiting > 0 {
        ExitCode::from(EXIT_WAIT)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::is_address;

    #[test]
    fn addresses_and_what_is_not_one() {
        for a in [
            "taro@example.jp",
            "<taro@example.jp>",
            "\"john doe\"@example.jp",
            "花子@例え.jp",
            "x@mail.example.co.jp",
        ] {
            assert!(is_address(a), "{a}");
        }
        for a in [
            "not-an-address",
            "taro@",
            "@example.jp",
            "taro@localhost",
            "taro@example..jp",
            "taro @example.jp",
            "taro@exa mple.jp",
        ] {
            assert!(!is_address(a), "{a}");
        }
    }
}
