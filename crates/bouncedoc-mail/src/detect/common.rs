//! Parsing helpers shared by the format detectors: addresses, SMTP commands, session
//! transcripts, the report's own delivery-status fields and the texts that go with them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::LazyLock;

use bouncedoc_core::StatusCode;
use foldhash::HashMap;
use regex::Regex;

use super::Detected;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::dsn;

/// Every run of white space as one space, the ends trimmed.
pub fn squeeze(text: &str) -> String {
    // Most of the detectors' texts are one line already (the reading's joined lines).
    if bouncedoc_core::reply::is_single_spaced_ascii(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~"-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"#)
        .expect("valid")
});

/// The first e-mail address in a text: the one inside `<...>` when there is one, else the
/// first bare one. Quotes and a trailing dot are dropped.
pub fn address_in(text: &str) -> Option<String> {
    let bracketed = text.match_indices('<').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find('>')?;
        parse_address(&rest[..end])
    });
    bracketed
        .or_else(|| {
            ADDRESS.find(text).map(|m| {
                m.as_str()
                    .trim_matches('"')
                    .trim_end_matches('.')
                    .to_string()
            })
        })
        .filter(|a| a.contains('@') && !a.starts_with('@') && !a.ends_with('@'))
}

/// Whether two addresses are the same mailbox (compared without case).
pub fn same_address(a: &str, b: &str) -> bool {
    a.trim_matches(['<', '>'])
        .eq_ignore_ascii_case(b.trim_matches(['<', '>']))
}

/// The SMTP commands in the order of a session; a text that names several was answered
/// at the furthest one.
const COMMANDS: &[(&str, &str)] = &[
    ("HELO", "HELO"),
    ("EHLO", "EHLO"),
    ("STARTTLS", "STARTTLS"),
    ("AUTH", "AUTH"),
    ("MAIL FROM", "MAIL"),
    ("MAIL", "MAIL"),
    ("RCPT TO", "RCPT"),
    ("RCPT", "RCPT"),
    ("DATA", "DATA"),
    ("BDAT", "DATA"),
    ("QUIT", "QUIT"),
];

/// The SMTP command a text says the server was answering: `(in reply to RCPT TO command)`,
/// `after end of data`, `SMTP command DATA`, `>>> MAIL From:<...>`. Commands count only in
/// upper case and as whole words (so that `data` in prose or `DATABASE@example.jp` do not);
/// when several are named, the furthest one in a session wins. The greeting and the
/// connection itself give `CONN`.
pub fn smtp_command(text: &str) -> Option<&'static str> {
    let lower = text.to_ascii_lowercase();
    if lower.holds("end of data") || lower.holds("after data") {
        return Some("DATA");
    }
    let mut found: Option<(usize, &'static str)> = None;
    for (rank, (word, command)) in COMMANDS.iter().enumerate() {
        // Each word's searcher is built once per thread (`str::match_indices` built one for
        // every text).
        let whole = finder(word).find_iter(text.as_bytes()).any(|i| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            boundary(before) && boundary(after) && !after.is_some_and(|c| c == '@' || c == '.')
        });
        if whole && found.is_none_or(|(r, _)| rank > r) {
            found = Some((rank, command));
        }
    }
    if let Some((_, command)) = found {
        return Some(command);
    }
    if lower.holds("initial connection")
        || lower.holds("smtp greeting")
        || lower.holds("refused to talk to me")
    {
        return Some("CONN");
    }
    None
}

static MULTILINE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s:;(])([245][0-9][0-9])-(?:([245]\.[0-9]{1,3}\.[0-9]{1,3}) |[^0-9])")
        .expect("valid")
});

/// A multi-line reply (`550-5.7.1 first line`, `550-5.7.1 second line`, `550 5.7.1 last
/// line`) that was re-folded into running text keeps its repeated code prefixes in the
/// middle of sentences, where they break the words apart. This writes the code once, where
/// the reply starts, and drops its repetitions.
pub fn join_multiline_reply(text: &str) -> String {
    let Some(mark) = MULTILINE_MARK.captures(text) else {
        return text.to_string();
    };
    let code = &mark[1];
    let status = mark.get(2).map(|m| m.as_str());
    let start = mark.get(1).expect("group").start();
    let mut tail = text[start..].to_string();
    for sep in ['-', ' '] {
        if let Some(s) = status {
            tail = tail.replace(&format!("{code}{sep}{s} "), "");
        }
        tail = tail.replace(&format!("{code}{sep}"), "");
    }
    let head = match status {
        Some(s) => format!("{code} {s} "),
        None => format!("{code} "),
    };
    squeeze(&format!("{}{head}{tail}", &text[..start]))
}

/// The reply code and status code a text holds, read as the engine reads them.
pub fn codes_in(text: &str) -> (Option<u16>, Option<StatusCode>) {
    let read = bouncedoc_core::reply::read(text);
    (read.reply_code, read.status)
}

/// The recipients of the report's delivery-status parts; when it has none, those of
/// delivery-status fields written inside its text (a report forwarded as plain text).
pub fn dsn_recipients(message: &Message) -> Vec<RecipientFacts> {
    let from_parts: Vec<RecipientFacts> = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .flat_map(|p| dsn::recipients(p.text()))
        .collect();
    if !from_parts.is_empty() {
        return from_parts;
    }
    dsn::recipients(text_until(message, RETURNED_MESSAGE))
}

/// Lines where a report written as one text (no MIME parts, or undeclared ones) starts the
/// returned message.
const RETURNED_MESSAGE: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-type: message/rfc822",
    "Content-Type: text/rfc822-headers",
];

/// The text of the report's delivery-status parts (or of its body when it has none).
pub fn dsn_text(message: &Message) -> Cow<'_, str> {
    let mut parts = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .map(|p| p.text());
    match (parts.next(), parts.next()) {
        (None, _) => Cow::Borrowed(text_until(message, RETURNED_MESSAGE)),
        (Some(one), None) => Cow::Borrowed(one),
        (Some(first), Some(second)) => {
            let mut all = vec![first, second];
            all.extend(parts);
            Cow::Owned(all.join("\n"))
        }
    }
}

/// The human-readable text of the report up to the first line that holds one of `ends`
/// (where a format starts quoting the returned message).
pub fn text_until<'m>(message: &'m Message, ends: &[&'static str]) -> &'m str {
    let text = message.report_text();
    &text[..line_of_first(text, ends, 0)]
}

/// Whether `haystack` contains `needle`, ASCII letters compared without case; written by
/// hand because the values are short header fields, where building a searcher costs more
/// than the search.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if h.len() < n.len() {
        return false;
    }
    // Candidates are where the first byte occurs in either case, found with `memchr2`.
    let last_start = h.len() - n.len();
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        &h[..=last_start],
    )
    .any(|at| h[at + 1..at + n.len()].eq_ignore_ascii_case(rest))
}

/// The searcher for a fixed word, built the first time a thread looks for the word and then
/// kept. `memchr::memmem::find` builds a searcher at every call, which for one search of a
/// bounce's text costs more than the search; the detectors look for a few hundred fixed
/// words, so each thread keeps one searcher per word, and drops them when it ends (they
/// were leaked once, which a long-running service, whose blocking threads come and go,
/// would have paid for at every new thread).
fn finder(needle: &'static str) -> Rc<memchr::memmem::Finder<'static>> {
    type Finders = HashMap<(usize, usize), Rc<memchr::memmem::Finder<'static>>>;
    thread_local! {
        static FINDERS: RefCell<Finders> = RefCell::new(HashMap::default());
    }
    FINDERS.with(|finders| {
        finders
            .borrow_mut()
            .entry((needle.as_ptr() as usize, needle.len()))
            .or_insert_with(|| Rc::new(memchr::memmem::Finder::new(needle)))
            .clone()
    })
}

/// Where the first of `needles` occurs in `text` at or after `from`.
pub fn find_first(text: &str, needles: &[&'static str], from: usize) -> Option<usize> {
    let hay = text.as_bytes().get(from..)?;
    needles
        .iter()
        .filter_map(|n| finder(n).find(hay))
        .min()
        .map(|at| from + at)
}

/// Where the first line (at or after `from`) that holds one of `needles` starts; the end of
/// `text` when none does.
pub fn line_of_first(text: &str, needles: &[&'static str], from: usize) -> usize {
    find_first(text, needles, from).map_or(text.len(), |at| line_around(text, at).0)
}

/// The line of `text` that holds byte `at`: where it starts, and where the next one starts.
pub fn line_around(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
    (start, end)
}

/// Substring tests of fixed words, for the detectors.
pub trait TextSearch {
    /// Whether the text holds `needle` (case kept).
    fn holds(&self, needle: &'static str) -> bool;
}

impl TextSearch for str {
    fn holds(&self, needle: &'static str) -> bool {
        let (h, n) = (self.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = n.split_first() else {
            return true;
        };
        if h.len() < n.len() {
            return false;
        }
        // A short text (a line, a header) is searched from the needle's first byte, which
        // costs less than looking up its searcher.
        if h.len() > 32 {
            return finder(needle).find(h).is_some();
        }
        let last_start = h.len() - n.len();
        memchr::memchr_iter(first, &h[..=last_start]).any(|at| &h[at + 1..at + n.len()] == rest)
    }
}

/// Whether a header holds any of `needles` (ASCII letters without case).
pub fn header_has(message: &Message, name: &str, needles: &[&str]) -> bool {
    message
        .header(name)
        .is_some_and(|v| needles.iter().any(|n| contains_ignore_case(v, n)))
}

/// Whether any value of a header holds `needle` (case kept).
pub fn header_contains(message: &Message, name: &str, needle: &'static str) -> bool {
    message.header_all(name).any(|v| v.holds(needle))
}

/// Whether a line of `text` begins with `prefix` (at its very start, white space kept).
pub fn has_line_beginning(text: &str, prefix: &'static str) -> bool {
    finder(prefix)
        .find_iter(text.as_bytes())
        .any(|at| at == 0 || text.as_bytes()[at - 1] == b'\n')
}

/// Whether any line of `text` starts with one of `prefixes` (after leading white space).
pub fn has_line_starting(text: &str, prefixes: &[&'static str]) -> bool {
    // Searching for each prefix and looking back to its line's start reads the text once
    // per prefix with a fast substring search, rather than comparing every line.
    prefixes.iter().any(|p| {
        finder(p)
            .find_iter(text.as_bytes())
            .any(|at| text[line_around(text, at).0..at].trim_start().is_empty())
    })
}

/// One exchange of an SMTP session transcript: what the client sent and what the server
/// answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// The command, upper-cased and cut to its verb (`MAIL`, `RCPT`, `DATA`); `CONN` for
    /// what the server said before the client spoke.
    pub command: String,
    /// The command's argument (`<a@example.jp>` for `RCPT TO:<a@example.jp>`).
    pub argument: String,
    /// The server's answer, its lines joined with line breaks.
    pub reply: String,
}

fn line_code(line: &str) -> Option<u16> {
    let code: u16 = line.trim_start().get(..3)?.parse().ok()?;
    (200..600).contains(&code).then_some(code)
}

impl Exchange {
    /// The reply code of the server's last answer line.
    pub fn reply_code(&self) -> Option<u16> {
        self.reply.lines().last().and_then(line_code)
    }

    /// The server's refusal: its answer from the first 4xx or 5xx line on.
    pub fn failure(&self) -> Option<String> {
        let lines: Vec<&str> = self.reply.lines().collect();
        let first = lines
            .iter()
            .position(|l| line_code(l).is_some_and(|c| c >= 400))?;
        Some(lines[first..].join("\n"))
    }
}

/// Reads a session transcript whose client lines start with one of `client` and server
/// lines with one of `server` (`In:`/`Out:`, `>>>`/`<<<`). A line that starts with neither
/// continues the line before it. Reading stops at the first blank line after the session.
pub fn transcript(lines: &[&str], client: &[&str], server: &[&str]) -> Vec<Exchange> {
    let strip = |line: &str, prefixes: &[&str]| -> Option<String> {
        let t = line.trim_start();
        prefixes
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .map(|r| r.trim().to_string())
    };
    let mut out: Vec<Exchange> = Vec::new();
    let mut last_client = false;
    for line in lines {
        if line.trim().is_empty() {
            if !out.is_empty() {
                break;
            }
            continue;
        }
        if let Some(sent) = strip(line, client) {
            let mut words = sent.splitn(2, [' ', ':']);
            let verb = words.next().unwrap_or("").to_ascii_uppercase();
            let rest = words.next().unwrap_or("").trim().to_string();
            out.push(Exchange {
                command: verb,
                argument: rest,
                reply: String::new(),
            });
            last_client = true;
        } else if let Some(answer) = strip(line, server) {
            if out.is_empty() {
                out.push(Exchange {
                    command: "CONN".into(),
                    ..Exchange::default()
                });
            }
            let e = out.last_mut().expect("one exchange");
            if !e.reply.is_empty() {
                e.reply.push('\n');
            }
            e.reply.push_str(&answer);
            last_client = false;
        } else if let Some(e) = out.last_mut() {
            let more = line.trim();
            let target = if last_client {
                &mut e.argument
            } else {
                &mut e.reply
            };
            if !target.is_empty() {
                target.push(' ');
            }
            target.push_str(more);
        }
    }
    for e in &mut out {
        // `MAIL FROM:<a>` and `RCPT TO:<a>` keep only the address part as the argument.
        if let Some(rest) = e
            .argument
            .strip_prefix("FROM:")
            .or_else(|| e.argument.strip_prefix("From:"))
            .or_else(|| e.argument.strip_prefix("TO:"))
            .or_else(|| e.argument.strip_prefix("To:"))
        {
            e.argument = rest.trim().to_string();
        } else if let Some((_, rest)) = e.argument.split_once(':')
            && (e.command == "MAIL" || e.command == "RCPT")
        {
            e.argument = rest.trim().to_string();
        }
    }
    out
}

/// The failed exchange of a transcript: the first whose answer holds a 4xx or 5xx reply.
pub fn failed_exchange(exchanges: &[Exchange]) -> Option<&Exchange> {
    exchanges.iter().find(|e| e.failure().is_some())
}

/// Lines starting with `<address>` open a paragraph about that recipient; the lines that
/// follow (up to a blank line or the next such line) continue it. Returns each recipient
/// with its words (the address and its punctuation removed, folded lines joined) and the
/// address it was expanded from (`<a> (expanded from <b>): ...`).
pub fn bracketed_paragraphs(text: &str) -> Vec<(String, Option<String>, String)> {
    let mut out: Vec<(String, Option<String>, String)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let t = line.trim_end();
        if t.trim().is_empty() {
            open = false;
            continue;
        }
        if t.starts_with('<')
            && let Some(end) = t.find('>')
            && let Some(addr) = parse_address(&t[1..end])
        {
            let rest = t[end + 1..].trim_start();
            let (alias, words) = match rest.strip_prefix("(expanded from") {
                Some(r) => {
                    let alias = address_in(r);
                    let words = r.split_once("):").map_or("", |(_, w)| w);
                    (alias, words.to_string())
                }
                None => (None, rest.trim_start_matches(':').to_string()),
            };
            out.push((addr, alias, words.trim().to_string()));
            open = true;
            continue;
        }
        if open && let Some(last) = out.last_mut() {
            let words = &mut last.2;
            // The end of an `(expanded from` that was folded onto this line.
            let more = if words.is_empty() && last.1.is_none() {
                match t.split_once("):") {
                    Some((alias, w)) => {
                        last.1 = address_in(alias);
                        w
                    }
                    None => t,
                }
            } else {
                t
            };
            let words = &mut last.2;
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(more.trim());
        }
    }
    for p in &mut out {
        p.2 = squeeze(&p.2);
    }
    out
}

/// A detector's answer: `None` when it read no recipient.
pub fn detected(id: &'static str, recipients: Vec<RecipientFacts>) -> Option<Detected> {
    (!recipients.is_empty()).then_some(Detected {
        detector: id,
        mta: Some(id),
        recipients,
    })
}

/// The `To:` address of the returned message, when the report attaches it.
pub fn returned_to(message: &Message) -> Option<String> {
    message.original_header("to").and_then(|v| address_in(&v))
}

/// The report-part recipient with the same address as `address`.
pub fn same_recipient<'a>(
    dsn: &'a [RecipientFacts],
    address: Option<&str>,
) -> Option<&'a RecipientFacts> {
    let address = address?;
    dsn.iter().find(|d| {
        d.recipient
            .as_deref()
            .is_some_and(|a| same_address(a, address))
    })
}

/// A recipient with the words about it.
pub fn recipient(address: Option<String>, diagnostic: impl Into<String>) -> RecipientFacts {
    RecipientFacts {
        recipient: address,
        diagnostic: diagnostic.into(),
        ..RecipientFacts::default()
    }
}

/// Test support: the corpus messages the detectors' tests read.
#[cfg(test)]
pub(crate) fn corpus(name: &str) -> Message {
    let path = bouncedoc_testkit::shared_dir()
        .join("corpus/maildir/bsd")
        .join(name);
    Message::parse(&std::fs::read(path).expect("corpus file")).expect("parses")
}

/// Test support: the reasons the engine gives the recipients of a corpus message, read
/// whole (a detector states facts; the reason is the engine's).
#[cfg(test)]
pub(crate) fn diagnosed_reasons(name: &str) -> Vec<bouncedoc_core::Reason> {
    let path = bouncedoc_testkit::shared_dir()
        .join("corpus/maildir/bsd")
        .join(name);
    let engine = bouncedoc_core::Engine::new().unwrap();
    let raw = std::fs::read(path).expect("corpus file");
    crate::diagnose_bytes(&engine, &raw, bouncedoc_core::Lang::En)
        .expect("reads")
        .diagnoses
        .into_iter()
        .map(|(d, _)| d.reason)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word's searcher is built once per thread and owned by the thread's table (not
    /// leaked), so that it is dropped with the thread.
    #[test]
    fn a_words_searcher_is_kept_by_its_thread() {
        std::thread::spawn(|| {
            let first = finder("Remote Server returned");
            let again = finder("Remote Server returned");
            assert!(Rc::ptr_eq(&first, &again));
            // The table's and these two.
            assert_eq!(Rc::strong_count(&first), 3);
            assert_eq!(first.find(b"x Remote Server returned '550'"), Some(2));
        })
        .join()
        .unwrap();
    }

    /// Squeezing gives what joining the words with one space gives, on the fast path and
    /// off it.
    #[test]
    fn squeeze_joins_the_words_with_one_space() {
        for text in [
            "550 5.1.1 <a@example.jp>... User unknown",
            "  550   user\tunknown \r\n here  ",
            "one\u{b}two\u{c}three",
            "宛先\u{3000}不明\u{a0}です",
            "x",
            "",
            " ",
        ] {
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(squeeze(text), words.join(" "), "{text:?}");
        }
    }

    #[test]
    fn first_of_several_words_and_its_line() {
        let text = "one\ntwo three\nfour two\n";
        assert_eq!(find_first(text, &["four", "two"], 0), Some(4));
        assert_eq!(find_first(text, &["four", "two"], 5), Some(14));
        assert_eq!(find_first(text, &["five"], 0), None);
        assert_eq!(find_first(text, &["two"], text.len() + 1), None);
        assert_eq!(line_around(text, 8), (4, 14));
        assert_eq!(&text[4..14], "two three\n");
        assert_eq!(line_around(text, 0), (0, 4));
        assert_eq!(line_around("no end", 3), (0, 6));
    }

    #[test]
    fn contains_without_ascii_case() {
        assert!(contains_ignore_case(
            "Undelivered Mail Returned",
            "mail returned"
        ));
        assert!(contains_ignore_case("abc", ""));
        assert!(contains_ignore_case("x-FAILED", "Failed"));
        assert!(!contains_ignore_case("fail", "failed"));
        assert!(!contains_ignore_case(
            "Mail Delivery Syst",
            "mail delivery system"
        ));
    }

    #[test]
    fn fixed_words_in_short_and_long_texts() {
        let long = format!("{}Generating server: mx.example.jp", "x".repeat(100));
        assert!(long.holds("Generating server:"));
        assert!(!long.holds("generating server:"));
        assert!("a short line".holds("short"));
        assert!(!"a short line".holds("shorts"));
        assert!("abc".holds(""));
        assert!(!"ab".holds("abc"));
    }

    #[test]
    fn lines_beginning_with() {
        assert!(has_line_beginning("a\nHi. This", "Hi."));
        assert!(has_line_beginning("Hi. This", "Hi."));
        assert!(!has_line_beginning("a Hi. This", "Hi."));
        assert!(has_line_starting("x\n   Hi. there", &["Hi."]));
    }

    #[test]
    fn addresses() {
        assert_eq!(
            address_in("550 5.1.1 <Kijitora@Example.jp>... User unknown"),
            Some("Kijitora@Example.jp".into())
        );
        assert_eq!(
            address_in("kijitora@example.jp: no such user."),
            Some("kijitora@example.jp".into())
        );
        assert_eq!(address_in("no address here"), None);
        assert!(same_address("<a@example.jp>", "A@Example.JP"));
    }

    #[test]
    fn commands() {
        assert_eq!(
            smtp_command("550 Unknown user (in reply to end of DATA command)"),
            Some("DATA")
        );
        assert_eq!(
            smtp_command("SMTP error from remote mail server after RCPT TO:<a@example.jp>:"),
            Some("RCPT")
        );
        assert_eq!(
            smtp_command("SMTP error from remote mail server after end of data:"),
            Some("DATA")
        );
        assert_eq!(
            smtp_command("host mx.example.jp refused to talk to me: 554 Blocked"),
            Some("CONN")
        );
        assert_eq!(
            smtp_command("550 5.1.1 <DATABASE@example.jp> unknown"),
            None
        );
        assert_eq!(smtp_command("the data was lost"), None);
    }

    #[test]
    fn multiline_reply_in_running_text() {
        assert_eq!(
            join_multiline_reply(
                "host mx said: 550-5.7.1 [192.0.2.1] Messages with multiple 550 5.7.1 addresses in From: header are not accepted."
            ),
            "host mx said: 550 5.7.1 [192.0.2.1] Messages with multiple addresses in From: header are not accepted."
        );
        assert_eq!(
            join_multiline_reply("550-Sorry 550-your address 550 is refused"),
            "550 Sorry your address is refused"
        );
        assert_eq!(
            join_multiline_reply("550 5.1.1 User unknown"),
            "550 5.1.1 User unknown"
        );
        assert_eq!(
            join_multiline_reply("call 555-1234 now"),
            "call 555-1234 now"
        );
    }

    #[test]
    fn session_transcript() {
        let lines = [
            " Out: 220 mx.example.jp ESMTP",
            " In:  EHLO mx.example.jp",
            " Out: 250 mx.example.jp",
            " In:  MAIL",
            "     FROM:<a@example.jp> SIZE=1",
            " Out: 250 2.1.0 Ok",
            " In:  RCPT TO:<b@example.jp> ORCPT=rfc822;b@example.jp",
            " Out: 250 2.1.5 Ok",
            " In:  DATA",
            " Out: 354 End data",
            " Out: 451 4.3.0 Error: queue file write error",
            "",
            "after the session",
        ];
        let t = transcript(&lines, &["In:"], &["Out:"]);
        assert_eq!(t[0].command, "CONN");
        assert_eq!(t[2].command, "MAIL");
        assert_eq!(t[2].argument, "<a@example.jp> SIZE=1");
        assert_eq!(t[3].command, "RCPT");
        assert_eq!(address_in(&t[3].argument), Some("b@example.jp".into()));
        let failed = failed_exchange(&t).unwrap();
        assert_eq!(failed.command, "DATA");
        assert_eq!(failed.reply_code(), Some(451));
        assert_eq!(
            failed.failure().as_deref(),
            Some("451 4.3.0 Error: queue file write error")
        );
    }

    #[test]
    fn paragraphs_about_recipients() {
        let text = "<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1\n    <a@example.jp>... User Unknown (in reply to RCPT TO command)\n\n<r@example.jp> (expanded from\n    <b@example.jp>): mailbox full\n";
        let p = bracketed_paragraphs(text);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, "a@example.jp");
        assert_eq!(
            p[0].2,
            "host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>... User Unknown (in reply to RCPT TO command)"
        );
        assert_eq!(p[1].1.as_deref(), Some("b@example.jp"));
        assert_eq!(p[1].2, "mailbox full");
    }
}
