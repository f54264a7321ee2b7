//! Quoted-printable bodies (RFC 2045, section 6.7), decoded exactly as mailparse decodes
//! them (the `quoted_printable` crate in its robust mode), only faster.
//!
//! Written here because that crate copies the body into a `String` one character at a
//! time, splits it into lines and pushes every decoded byte on its own: on the corpus it
//! was the largest single cost of reading a bounce's text (a sixth of `parse`'s work
//! beyond the bare MIME parse). This copies the runs between `=` signs whole. The tests
//! check it against the crate, on every quoted-printable part of the corpus and on
//! generated input.

use std::borrow::Cow;

/// The bytes the crate keeps; it drops every other byte before decoding.
fn kept(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\r' | b'\n' | b' '..=b'~')
}

/// The line without its trailing white space (what `str::trim_end` drops of the bytes
/// that are kept).
fn trim_end(line: &[u8]) -> &[u8] {
    let end = line
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .map_or(0, |at| at + 1);
    &line[..end]
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
}

/// Decodes a quoted-printable body: hard line breaks become CRLF, soft line breaks
/// (`=` at a line's end) join lines, trailing white space is dropped, and malformed
/// escapes are kept as they are.
pub fn decode(input: &[u8]) -> Vec<u8> {
    let filtered: Cow<'_, [u8]> = if input.iter().all(|&b| kept(b)) {
        Cow::Borrowed(input)
    } else {
        Cow::Owned(input.iter().copied().filter(|&b| kept(b)).collect())
    };
    let mut out = Vec::with_capacity(filtered.len());
    // Whether the line before ended without a soft break (`None` before the first line).
    let mut add_line_break: Option<bool> = None;
    let mut rest: &[u8] = &filtered;
    while !rest.is_empty() {
        let (line, next) = match memchr::memchr(b'\n', rest) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        rest = next;
        let mut line = trim_end(line);
        if add_line_break == Some(true) {
            out.extend_from_slice(b"\r\n");
            add_line_break = Some(false);
        }
        loop {
            let Some(at) = memchr::memchr(b'=', line) else {
                out.extend_from_slice(line);
                add_line_break = Some(true);
                break;
            };
            out.extend_from_slice(&line[..at]);
            match line[at + 1..] {
                // A soft line break.
                [] => break,
                [upper] => {
                    out.extend_from_slice(&[b'=', upper]);
                    add_line_break = Some(true);
                    break;
                }
                [upper, lower, ..] => {
                    match (hex(upper), hex(lower)) {
                        (Some(u), Some(l)) => out.push(u << 4 | l),
                        _ => out.extend_from_slice(&[b'=', upper, lower]),
                    }
                    line = &line[at + 3..];
                }
            }
        }
    }
    if filtered.ends_with(b"\n") && add_line_break == Some(true) {
        out.extend_from_slice(b"\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_the_crate(input: &[u8]) {
        let expected = ::quoted_printable::decode(input, ::quoted_printable::ParseMode::Robust)
            .expect("robust mode does not fail");
        assert_eq!(
            decode(input),
            expected,
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }

    #[test]
    fn edge_cases_decode_as_the_crate_does() {
        let cases: &[&[u8]] = &[
            b"",
            b"\n",
            b"\r\n",
            b"plain text",
            b"plain text\n",
            b"a=3Db=0D=0A",
            b"soft=\nbreak\n",
            b"soft=\r\nbreak",
            b"trailing   \t\nspace \r\n",
            b"end with =",
            b"end with =A",
            b"end with =A\nnext",
            b"bad =ZZ hex =4",
            b"lower =3d case",
            b"8-bit \xe3\x81\x82 and \x00 control\x7f",
            b"a\r\rb\n\n\nc",
            b"= \n=\t\n",
            b"==41",
        ];
        for case in cases {
            same_as_the_crate(case);
        }
    }

    #[test]
    fn generated_input_decodes_as_the_crate_does() {
        const ALPHABET: &[u8] = b"=Af9g \t\r\nx\x80";
        // A small linear congruential generator: the cases are the same on every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let len = (state >> 59) as usize;
            let input: Vec<u8> = (0..len)
                .map(|i| {
                    let r = state.rotate_left(7 * i as u32) >> 32;
                    ALPHABET[r as usize % ALPHABET.len()]
                })
                .collect();
            same_as_the_crate(&input);
        }
    }

    #[test]
    fn corpus_parts_decode_as_the_crate_does() {
        let mut checked = 0;
        let corpus = bouncedoc_testkit::shared_dir().join("corpus/maildir");
        for dir in ["bsd", "err"] {
            for path in bouncedoc_testkit::files_in(&corpus.join(dir)) {
                let raw = std::fs::read(path).expect("readable");
                checked += quoted_printable_parts(&raw);
            }
        }
        assert!(checked > 50, "only {checked} quoted-printable parts");
    }

    /// Checks every quoted-printable part of a message; returns how many there were.
    fn quoted_printable_parts(raw: &[u8]) -> usize {
        let mut checked = 0;
        {
            let Ok(mail) = mailparse::parse_mail(raw) else {
                return 0;
            };
            let mut stack = vec![&mail];
            while let Some(part) = stack.pop() {
                stack.extend(part.subparts.iter());
                if let mailparse::body::Body::QuotedPrintable(body) = part.get_body_encoded() {
                    same_as_the_crate(body.get_raw());
                    checked += 1;
                }
            }
        }
        checked
    }
}
