//! The one white-space normalizer of the crate: every run of white space as one space.
//!
//! Case and width are kept (the core's `reply::Normalized` also lower-cases and makes
//! full-width forms half-width, for matching; this is for the words a record shows).

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
