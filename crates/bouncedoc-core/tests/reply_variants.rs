//! The same reply in other clothes gives the same answer: every row of the reply tables
//! (`provider_lists.rs`, `server_replies.rs`, read through `support/table_rows.rs`) is
//! re-dressed the ways a real bounce or a paste shows it (case, white space, a multi-line
//! reply, a DSN fold, the servers' quoting, other example addresses, HTML escaping, full-width
//! forms in Japanese text), and each variant must give the reason, the party and the hard/soft
//! answer of the row itself.
//!
//! The tables do not say at which SMTP stage a reply was given. A wrapper that names the stage
//! is information, so the stage-naming wrappers (Postfix `(in reply to RCPT TO command)`, Exim
//! `after RCPT TO:`, Sendmail `>>> RCPT To:`) are used only for rows whose reason implies
//! the stage (RCPT for `userunknown` and `norelaying`, the end of DATA for `spamdetected`,
//! `virusdetected` and `contenterror`) and whose reply names no stage of its own; every other
//! row gets Postfix's `host ... said:` without the stage and none of the other two.

#[path = "support/table_rows.rs"]
mod table_rows;

use bouncedoc_core::{Engine, Lang};
use regex::Regex;
use std::sync::OnceLock;

/// A variant that is known to answer otherwise, with the reason it is kept: (variant name,
/// the start of the row's reply, why); `wrapped` would stand for any of [`WRAPPERS`]. The test
/// fails on an exception that no longer differs.
const EXCEPTIONS: &[(&str, &str, &str)] = &[(
    "brackets removed",
    "550-Verification failed for <info@example.com>",
    "Exim writes this address in brackets; bare, `exim-recipient-verify` (a callout on a \
         recipient) outranks the sender-verify rule and the two cannot be told apart by the \
         words left",
)];

/// The quoting wrappers (every variant that puts words before the reply).
const WRAPPERS: &[&str] = &[
    "Exchange quoting",
    "Diagnostic-Code",
    "Gmail quoting",
    "Postfix quoting",
    "Exim quoting",
    "Sendmail quoting",
];

/// The reasons whose replies are given at RCPT TO.
const RCPT_REASONS: &[&str] = &["userunknown", "norelaying"];

/// The reasons whose replies are given after the message's data.
const DATA_REASONS: &[&str] = &["spamdetected", "virusdetected", "contenterror"];

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).unwrap())
}

fn reply_code(text: &str) -> Option<(String, Option<String>, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"^([2-5][0-5][0-9])[ -](?:([2-5]\.[0-9]{1,3}\.[0-9]{1,3}) )?",
    );
    let c = r.captures(text)?;
    Some((
        c[1].to_string(),
        c.get(2).map(|m| m.as_str().to_string()),
        c.get(0).unwrap().end(),
    ))
}

/// The byte index of the space nearest column 60 (by chars), past `min` bytes, in a reply
/// long enough (over 76 characters) for a server to have split or folded it.
fn split_point(text: &str, min: usize) -> Option<usize> {
    if text.chars().count() <= 76 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for (col, (i, c)) in text.char_indices().enumerate() {
        if c == ' ' && i > min && i + 1 < text.len() {
            let dist = col.abs_diff(60);
            if best.is_none_or(|(_, d)| dist < d) {
                best = Some((i, dist));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// The reply as a multi-line SMTP reply: `550-5.1.1 first part` CRLF `550 5.1.1 rest`.
fn multiline(text: &str) -> Option<String> {
    let (code, status, start) = reply_code(text)?;
    let at = split_point(text, start)?;
    let head = text[start..at].trim();
    let rest = text[at..].trim();
    if head.is_empty() || rest.is_empty() {
        return None;
    }
    let st = status.map(|s| format!("{s} ")).unwrap_or_default();
    Some(format!("{code}-{st}{head}\r\n{code} {st}{rest}"))
}

/// The reply folded as a DSN field folds it: newline and a space at a word boundary.
fn folded(text: &str) -> Option<String> {
    let at = split_point(text, 0)?;
    Some(format!("{}\n {}", &text[..at], &text[at + 1..]))
}

fn emails() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)*example\.(?:com|jp|org|net)\b",
    )
}

fn ipv4() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"\b(?:192\.0\.2|198\.51\.100|203\.0\.113)\.[0-9]{1,3}\b",
    )
}

/// The example addresses and IPs replaced by other example ones.
fn other_addresses(text: &str) -> Option<String> {
    let a = emails().replace_all(text, "someone.else@mail.example.net");
    let b = ipv4().replace_all(&a, |c: &regex::Captures| {
        if c[0].starts_with("203.0.113") {
            "198.51.100.77".to_string()
        } else {
            "203.0.113.77".to_string()
        }
    });
    (b != text).then(|| b.into_owned())
}

/// Angle brackets around an address removed.
fn brackets_removed(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(&RE, r"<([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+)>");
    let out = r.replace_all(text, "$1");
    (out != text).then(|| out.into_owned())
}

/// Angle brackets added around a bare address.
fn brackets_added(text: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &RE,
        r"(^|[\s(:,])([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)",
    );
    let out = r.replace_all(text, "$1<$2>");
    (out != text).then(|| out.into_owned())
}

fn html_escaped(text: &str) -> Option<String> {
    if !text.contains(['<', '>', '&']) {
        return None;
    }
    Some(
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
    )
}

fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
    })
}

fn full_width_spaces(text: &str) -> Option<String> {
    (is_japanese(text) && text.contains(' ')).then(|| text.replace(' ', "\u{3000}"))
}

/// Full-width forms of every printable ASCII character, the codes' digits too.
fn full_width_ascii(text: &str) -> Option<String> {
    if !is_japanese(text) {
        return None;
    }
    let out: String = text
        .chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xff01).unwrap(),
            _ => c,
        })
        .collect();
    (out != text).then_some(out)
}

/// Every variant of one row: (name, text).
fn variants(text: &str, reason: &str) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, Option<String>)> = vec![
        ("upper case", Some(text.to_uppercase())),
        ("lower case", Some(text.to_lowercase())),
        ("doubled spaces", Some(text.replace(' ', "  "))),
        ("tabs", Some(text.replace(' ', "\t"))),
        ("trailing newline", Some(format!("{text}\n"))),
        ("CRLF", Some(format!("{text}\r\n"))),
        ("multi-line reply", multiline(text)),
        ("DSN fold", folded(text)),
        (
            "Exchange quoting",
            Some(format!("Remote Server returned '{text}'")),
        ),
        (
            "Diagnostic-Code",
            Some(format!("Diagnostic-Code: smtp; {text}")),
        ),
        (
            "Gmail quoting",
            Some(format!("The response from the remote server was:\n{text}")),
        ),
        ("other addresses", other_addresses(text)),
        ("brackets removed", brackets_removed(text)),
        ("brackets added", brackets_added(text)),
        ("HTML escaped", html_escaped(text)),
        ("full-width spaces", full_width_spaces(text)),
        ("full-width ASCII", full_width_ascii(text)),
    ];
    let lower = text.to_lowercase();
    let names_a_stage = ["rcpt", "data", "mail from", "[connect", "ehlo", "helo"]
        .iter()
        .any(|w| lower.contains(w));
    let stage = if names_a_stage {
        None
    } else if RCPT_REASONS.contains(&reason) {
        Some((
            "RCPT TO command",
            "RCPT TO:<a@example.org>",
            ">>> RCPT To:<a@example.org>",
        ))
    } else if DATA_REASONS.contains(&reason) {
        Some(("end of DATA command", "end of data", ">>> DATA"))
    } else {
        None
    };
    match stage {
        Some((postfix, exim, sendmail)) => {
            v.push((
                "Postfix quoting",
                Some(format!(
                    "host mx.example.org[192.0.2.1] said: {text} (in reply to {postfix})"
                )),
            ));
            v.push((
                "Exim quoting",
                Some(format!(
                    "SMTP error from remote mail server after {exim}: {text}"
                )),
            ));
            v.push((
                "Sendmail quoting",
                Some(format!(
                    "... while talking to mx.example.org.:\n{sendmail}\n<<< {text}"
                )),
            ));
        }
        None => v.push((
            "Postfix quoting",
            Some(format!("host mx.example.org[192.0.2.1] said: {text}")),
        )),
    }
    v.into_iter()
        .filter_map(|(n, t)| t.filter(|t| t != text).map(|t| (n, t)))
        .collect()
}

#[test]
fn the_same_reply_in_other_clothes_gives_the_same_answer() {
    let engine = Engine::new().unwrap();
    let rows = table_rows::all_rows();
    assert!(rows.len() > 1_400, "only {} rows read", rows.len());
    let mut failures = Vec::new();
    let mut excepted = vec![false; EXCEPTIONS.len()];
    let mut count = 0;
    for row in &rows {
        let d = engine.explain(&row.text, Lang::En).unwrap();
        if d.reason.as_str() != row.reason || d.party.as_str() != row.party {
            // The table's own test names this row.
            continue;
        }
        for (name, text) in variants(&row.text, &row.reason) {
            count += 1;
            let e = engine.explain(&text, Lang::En).unwrap();
            if e.reason == d.reason && e.party == d.party && e.hard_bounce == d.hard_bounce {
                continue;
            }
            if let Some(i) = EXCEPTIONS.iter().position(|(n, start, _)| {
                (*n == name || (*n == "wrapped" && WRAPPERS.contains(&name)))
                    && row.text.starts_with(start)
            }) {
                excepted[i] = true;
                continue;
            }
            failures.push(format!(
                "[{}] {name}: {text:?}: {} / {} / hard {} (rule {:?}), the row gives {} / {} / hard {} (rule {:?})",
                row.table,
                e.reason,
                e.party,
                e.hard_bounce,
                e.rule_id(),
                d.reason,
                d.party,
                d.hard_bounce,
                d.rule_id()
            ));
        }
    }
    for (i, (name, start, _)) in EXCEPTIONS.iter().enumerate() {
        if !excepted[i] {
            failures.push(format!(
                "exception {name} / {start:?} no longer differs: remove it"
            ));
        }
    }
    eprintln!("{count} variants of {} rows", rows.len());
    assert!(
        failures.is_empty(),
        "{} of {count} variants of {} rows differ:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}
