//! The form of a text that knowledge rules are matched against.

/// A text lower-cased, with full-width ASCII made half-width and every run of white space
/// made one space, remembering where each byte came from so that a match can be shown in
/// the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    origin: Vec<u32>,
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
        Normalized { text, origin }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The part of `source` (the text this was made from) that the normalized range
    /// `start..end` came from.
    pub fn source_span<'s>(&self, source: &'s str, start: usize, end: usize) -> &'s str {
        let from = self.origin.get(start).map_or(source.len(), |&o| o as usize);
        let to = self.origin.get(end).map_or(source.len(), |&o| o as usize);
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
