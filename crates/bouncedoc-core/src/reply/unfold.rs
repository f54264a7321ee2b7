//! Putting a server's words onto one line.

use super::codes::{CodeHit, find_codes};
use super::normalize::is_single_spaced_ascii;

/// Unfolds a reply onto one line: continuation lines of a multi-line reply lose the
/// `550-5.1.1` prefix they repeat (the first line keeps its own), line breaks and runs of
/// white space become one space, and the ends are trimmed.
pub fn unfold(text: &str) -> String {
    // Most texts come already on one line, single-spaced: unfolding would copy them as they
    // are (a line's code prefix is only dropped from the lines after the first).
    if is_single_spaced_ascii(text) && !text.starts_with('>') {
        return text.to_string();
    }
    unfold_lines(text)
}

/// [`unfold`] for any text, line by line and word by word.
fn unfold_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(1 << 20));
    let mut first_prefix: Option<(Option<u16>, Option<crate::StatusCode>)> = None;
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start_matches([' ', '\t', '>']);
        let mut rest = trimmed;
        if let Some(hit) = leading_code(trimmed) {
            let prefix = (hit.reply_code, hit.status);
            match first_prefix {
                None if index == 0 || out.is_empty() => first_prefix = Some(prefix),
                Some(p) if p == prefix || (p.0 == prefix.0 && prefix.1.is_none()) => {
                    rest = strip_code_prefix(trimmed);
                }
                _ => {}
            }
        }
        push_collapsed(&mut out, rest);
    }
    let len = out.trim_end().len();
    out.truncate(len);
    out
}

/// The code that opens a line, if the line starts with one.
fn leading_code(line: &str) -> Option<CodeHit> {
    // A reply code starts with a digit from 2 to 5 (and `find_codes` finds no other).
    if !matches!(line.as_bytes().first(), Some(b'2'..=b'5')) {
        return None;
    }
    find_codes(line.get(..line.len().min(24))?)
        .into_iter()
        .next()
        .filter(|hit| hit.offset == 0 && hit.reply_code.is_some())
}

/// `550-5.1.1 text` or `550 text` without its code prefix.
fn strip_code_prefix(line: &str) -> &str {
    let rest = line[3..].trim_start_matches(['-', ' ']);
    let status_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if status_len >= 5
        && rest.as_bytes()[..status_len]
            .iter()
            .filter(|b| **b == b'.')
            .count()
            == 2
    {
        rest[status_len..].trim_start()
    } else {
        rest
    }
}

/// Appends `text` with every run of white space as one space.
fn push_collapsed(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_reply_becomes_one_line() {
        let text = "550-5.1.1 The email account that you tried to reach does not exist. Please try\n\
                    550-5.1.1 double-checking the recipient's email address for typos or\n\
                    550 5.1.1  https://support.google.com/mail/?p=NoSuchUser - gsmtp\n";
        assert_eq!(
            unfold(text),
            "550-5.1.1 The email account that you tried to reach does not exist. Please try \
             double-checking the recipient's email address for typos or \
             https://support.google.com/mail/?p=NoSuchUser - gsmtp"
        );
    }

    #[test]
    fn folded_header_lines_join() {
        assert_eq!(
            unfold("smtp; 550 5.1.1 <a@example.jp>:\n    user unknown\r\n"),
            "smtp; 550 5.1.1 <a@example.jp>: user unknown"
        );
    }

    #[test]
    fn different_codes_are_kept() {
        let text = "552 5.2.2 over quota\n554 5.0.0 Service unavailable";
        assert_eq!(
            unfold(text),
            "552 5.2.2 over quota 554 5.0.0 Service unavailable"
        );
    }

    /// Texts already on one line are given back as the line-by-line unfolding gives them.
    #[test]
    fn one_line_texts_are_kept_as_they_are() {
        for text in [
            "550 5.1.1 <a@example.jp>... User unknown",
            "550-5.1.1 The email account that you tried to reach does not exist.",
            "smtp; 552 4.2.2 Mailbox full",
            "x",
            "",
        ] {
            assert!(is_single_spaced_ascii(text));
            assert_eq!(unfold(text), unfold_lines(text), "{text:?}");
            assert_eq!(unfold(text), text);
        }
        // And so are the knowledge base's examples, whichever way they take.
        let mut fast = 0;
        for text in crate::knowledge::testing::example_inputs() {
            assert_eq!(unfold(text), unfold_lines(text), "{text:?}");
            fast += usize::from(is_single_spaced_ascii(text));
        }
        assert!(fast >= 100, "only {fast} examples take the fast path");
        // A quoted line loses its quote marks.
        assert_eq!(unfold("> 550 user unknown"), "550 user unknown");
        assert_eq!(unfold(">550 user unknown"), "550 user unknown");
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(unfold(""), "");
        assert_eq!(unfold(" \n\t\n"), "");
    }
}
