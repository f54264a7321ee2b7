//! `Content-Type` lines that would cost the MIME parser the square of their length.
//!
//! mailparse reads every part's `Content-Type` (for its media type, charset and boundary)
//! through its own encoded-word decoder, whose work on one line grows with the number of
//! `=?` in the line times the line's length: a `Content-Type` line of 40,000 encoded words
//! took seconds. This crate decodes the other headers itself ([`crate::encoded_words`]);
//! for `Content-Type` the parser is kept, and a line that no mailer writes — longer than
//! RFC 5322's 998 bytes *and* holding more than [`MAX_OPENERS`] `=?` — has each of its
//! `=?` made `= ` before the parser reads it. Its encoded words are then read as plain text
//! (a media type, a charset and a boundary hold none; only a parameter such as `name`
//! loses its decoding). Any other line's cost is at most 998 or [`MAX_OPENERS`] times its
//! length: linear.

use std::borrow::Cow;

/// RFC 5322's limit on the length of a line (without its line end).
const MAX_LINE: usize = 998;

/// More `=?` than this in one over-long `Content-Type` line, and they are made plain.
pub const MAX_OPENERS: usize = 64;

/// The message with the `=?` of its over-long `Content-Type` lines made `= `; the message
/// itself (borrowed) when it has none. `raw` has LF line ends.
pub fn guard(raw: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    // Most messages have a few encoded words, and are passed on after one fast search.
    if memchr::memmem::find_iter(&raw, b"=?")
        .nth(MAX_OPENERS)
        .is_none()
    {
        return raw;
    }
    let mut over_long: Vec<(usize, usize)> = Vec::new();
    let mut in_content_type = false;
    let mut start = 0;
    while start < raw.len() {
        let end = memchr::memchr(b'\n', &raw[start..]).map_or(raw.len(), |i| start + i);
        let line = &raw[start..end];
        in_content_type = match line.first() {
            Some(b' ' | b'\t') => in_content_type,
            _ => line
                .get(..13)
                .is_some_and(|name| name.eq_ignore_ascii_case(b"content-type:")),
        };
        if in_content_type
            && line.len() > MAX_LINE
            && memchr::memmem::find_iter(line, b"=?")
                .nth(MAX_OPENERS)
                .is_some()
        {
            over_long.push((start, end));
        }
        start = end + 1;
    }
    if over_long.is_empty() {
        return raw;
    }
    let mut raw = raw.into_owned();
    for (start, end) in over_long {
        let openers: Vec<usize> = memchr::memmem::find_iter(&raw[start..end], b"=?").collect();
        for at in openers {
            raw[start + at + 1] = b' ';
        }
    }
    Cow::Owned(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize) -> String {
        vec!["=?utf-8?B?5a6b5YWI?="; n].join(" ")
    }

    #[test]
    fn an_over_long_content_type_is_made_plain() {
        let raw = format!(
            "Subject: {}\nContent-Type: text/plain; charset=utf-8;\n name=\"{}\"\n\nbody =?x?=\n",
            words(100),
            words(100)
        );
        let guarded = guard(Cow::Borrowed(raw.as_bytes()));
        let text = std::str::from_utf8(&guarded).unwrap();
        let (headers, body) = text.split_once("\n\n").unwrap();
        let (subject, content_type) = headers.split_once('\n').unwrap();
        // Only the Content-Type's continued line changes, and only its `=?`.
        assert_eq!(guarded.len(), raw.len());
        assert_eq!(subject, raw.lines().next().unwrap());
        assert!(!content_type.contains("=?"), "{content_type}");
        assert_eq!(content_type.matches("= utf-8?B?").count(), 100);
        assert_eq!(body, "body =?x?=\n");
        let mail = mailparse::parse_mail(&guarded).unwrap();
        assert_eq!(mail.ctype.mimetype, "text/plain");
        assert_eq!(mail.ctype.charset, "utf-8");
    }

    #[test]
    fn ordinary_lines_are_kept() {
        // Many words on short lines, and few words on a long line.
        let folded =
            format!("Content-Type: text/plain; name=\"{}\"\n", words(200)).replace(' ', "\n ");
        let long = format!(
            "Subject: {}\nContent-Type: text/plain; name=\"{}{}\"\n",
            words(100),
            words(10),
            "x".repeat(2000)
        );
        for raw in [folded, long] {
            assert!(matches!(
                guard(Cow::Borrowed(raw.as_bytes())),
                Cow::Borrowed(_)
            ));
        }
    }
}
