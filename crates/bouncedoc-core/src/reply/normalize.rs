//! The form of a text that knowledge rules are matched against.

/// A text lower-cased, with full-width ASCII made half-width and every run of white space
/// made one space, remembering where each byte came from so that a match can be shown in
/// the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// Where each byte of `text` came from in the source; `None` when every byte came from
    /// the same position (the source was already one line of single-spaced ASCII).
    origin: Option<Vec<u32>>,
}

/// Whether `text` is ASCII words separated by single spaces, with no space at either end:
/// the shape the readers of reports mostly hand over, which unfolding and normalizing
/// keep byte for byte (apart from lower case), so that they can skip their word-by-word
/// passes.
pub fn is_single_spaced_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &b in bytes {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            // The white space `char::is_whitespace` knows in ASCII, besides the space.
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            _ if !b.is_ascii() => return false,
            _ => after_space = false,
        }
    }
    true
}

/// Full-width forms (U+FF01 to U+FF5E) and the ideographic space as ASCII, so that
/// `５５０` reads as `550`.
fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// Normalizes one phrase of the knowledge base the same way as the texts it is matched on.
pub fn normalize_phrase(phrase: &str) -> String {
    Normalized::new(phrase).text
}

impl Normalized {
    /// Normalizes `source`.
    pub fn new(source: &str) -> Normalized {
        if is_single_spaced_ascii(source) {
            return Normalized {
                text: source.to_ascii_lowercase(),
                origin: None,
            };
        }
        let mut text = String::with_capacity(source.len());
        let mut origin = Vec::with_capacity(source.len());
        let mut pending_space = false;
        for (at, c) in source.char_indices() {
            let c = half_width(c);
            if c.is_whitespace() {
                pending_space = !text.is_empty();
                continue;
            }
            if pending_space {
                text.push(' ');
                origin.push(at as u32);
                pending_space = false;
            }
            if c.is_ascii() {
                text.push(c.to_ascii_lowercase());
                origin.push(at as u32);
            } else {
                for lower in c.to_lowercase() {
                    let before = text.len();
                    text.push(lower);
                    origin.extend(std::iter::repeat_n(at as u32, text.len() - before));
                }
            }
        }
        Normalized {
            text,
            origin: Some(origin),
        }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The part of `source` (the text this was made from) that the normalized range
    /// `start..end` came from.
    pub fn source_span<'s>(&self, source: &'s str, start: usize, end: usize) -> &'s str {
        let at = |i: usize| match &self.origin {
            Some(origin) => origin.get(i).map_or(source.len(), |&o| o as usize),
            // A space stands, as in `new`, for the start of the word after it.
            None if i < self.text.len() => i + usize::from(self.text.as_bytes()[i] == b' '),
            None => source.len(),
        };
        let (from, to) = (at(start), at(end));
        source.get(from..to.max(from)).unwrap_or("").trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cases_and_collapses() {
        let n = Normalized::new("  User\tUNKNOWN \r\n here ");
        assert_eq!(n.as_str(), "user unknown here");
    }

    /// The fast path for one line of single-spaced ASCII gives what the general one gives.
    #[test]
    fn single_spaced_ascii_is_normalized_as_any_text() {
        // Every span of a normalized text, as its source shows it.
        let spans = |n: &Normalized, source: &str| -> Vec<String> {
            let len = n.as_str().len();
            (0..=len)
                .flat_map(|start| (start..=len).map(move |end| (start, end)))
                .map(|(start, end)| n.source_span(source, start, end).to_string())
                .collect()
        };
        let general = |source: &str| {
            // The same source with a leading space, which only the general path takes.
            let prefixed = format!(" {source}");
            let n = Normalized::new(&prefixed);
            assert!(n.origin.is_some());
            (n.as_str().to_string(), spans(&n, &prefixed))
        };
        for source in [
            "550 5.1.1 <A@Example.jp>... User Unknown",
            "Mailbox FULL",
            "x",
            "",
        ] {
            assert!(is_single_spaced_ascii(source));
            let n = Normalized::new(source);
            assert!(n.origin.is_none(), "{source:?} takes the fast path");
            let (text, general_spans) = general(source);
            assert_eq!(n.as_str(), text);
            assert_eq!(spans(&n, source), general_spans, "{source:?}");
        }
        for other in [
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "line\nbreak",
            "vt\u{b}here",
            "ff\u{c}here",
            "cr\rhere",
            "宛先",
            "ｆｕｌｌ",
        ] {
            assert!(!is_single_spaced_ascii(other), "{other:?}");
        }
    }

    #[test]
    fn full_width_becomes_ascii() {
        assert_eq!(Normalized::new("５５０　Ｕｓｅｒ").as_str(), "550 user");
    }

    #[test]
    fn spans_map_back_to_the_source() {
        let src = "550 5.1.1 <A@Example.jp>... User   Unknown";
        let n = Normalized::new(src);
        let at = n.as_str().find("user unknown").unwrap();
        assert_eq!(
            n.source_span(src, at, at + "user unknown".len()),
            "User   Unknown"
        );
        let src = "552 ユーザーがクォータを超えています";
        let n = Normalized::new(src);
        let needle = "クォータを超え";
        let at = n.as_str().find(needle).unwrap();
        assert_eq!(n.source_span(src, at, at + needle.len()), needle);
    }
}
