//! The terms the best guess compares: word unigrams and bigrams of a normalized text
//! ([`crate::reply::Normalized`]), with what names one message only (addresses, host names,
//! codes, numbers) left out, and Japanese read as pairs of characters.

/// One term of a text and where it is in the normalized text (byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Something that names one message (an address, a code) stands between this word and
    /// the one before: the two make no bigram.
    pub after_gap: bool,
}

/// Words too common in any text to tell one reason from another, and the placeholder
/// names the knowledge examples use.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have", "i",
    "in", "is", "it", "its", "of", "on", "or", "our", "so", "that", "the", "this", "to", "us",
    "was", "we", "were", "will", "with", "you", "your", "please", "example", "hanako", "taro",
    "jiro", "saburo", "kijitora", "sironeko",
];

/// Whether a character belongs to a script written without spaces between words (kana,
/// CJK ideographs, their punctuation excepted).
fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3041}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9f}' | '\u{ac00}'..='\u{d7af}')
}

/// A piece between spaces that names one message or one host rather than a wording: an
/// address, a URL, a host name or a code (a dot between two word characters).
fn names_one_message(piece: &str) -> bool {
    if piece.contains('@') || piece.contains("://") || piece.starts_with("www.") {
        return true;
    }
    let b = piece.as_bytes();
    b.windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_alphanumeric() && w[2].is_ascii_alphanumeric())
}

/// Strips the commonest inflections so that "rejected", "rejects" and "rejecting" are one
/// term (ASCII words only; a word stays at least three letters long).
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && stem.len() >= 3
            && !(suffix == "s" && (stem.ends_with('s') || stem.ends_with('u')))
        {
            return stem;
        }
    }
    word
}

/// The words of a normalized text, in order, with their byte ranges: ASCII words of two
/// letters or more (apostrophes and hyphens inside a word dropped, inflections stripped,
/// stop words and words with digits left out) and, for Japanese and Chinese, every pair of
/// adjacent characters of a run.
pub(crate) fn words(normalized: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut gap = false;
    for piece in normalized.split(' ') {
        let start = at;
        at += piece.len() + 1;
        if names_one_message(piece) {
            gap = true;
            continue;
        }
        words_of_piece(piece, start, &mut gap, &mut out);
    }
    out
}

fn words_of_piece(piece: &str, offset: usize, gap: &mut bool, out: &mut Vec<Term>) {
    let mut word = String::new();
    let mut word_start = 0;
    let mut word_end = 0;
    let mut has_digit = false;
    let mut run: Vec<(usize, char)> = Vec::new();
    let flush_word = |word: &mut String,
                      s: usize,
                      e: usize,
                      digit: &mut bool,
                      gap: &mut bool,
                      out: &mut Vec<Term>| {
        if *digit {
            *gap = true;
        } else if word.len() >= 2 {
            let w = stem(word);
            if !STOP_WORDS.contains(&w) && !STOP_WORDS.contains(&word.as_str()) {
                out.push(Term {
                    text: w.to_string(),
                    start: offset + s,
                    end: offset + e,
                    after_gap: std::mem::take(gap),
                });
            }
        }
        word.clear();
        *digit = false;
    };
    let flush_run = |run: &mut Vec<(usize, char)>, gap: &mut bool, out: &mut Vec<Term>| {
        match run.len() {
            0 => {}
            1 => out.push(Term {
                text: run[0].1.to_string(),
                start: offset + run[0].0,
                end: offset + run[0].0 + run[0].1.len_utf8(),
                after_gap: std::mem::take(gap),
            }),
            _ => {
                for pair in run.windows(2) {
                    let mut text = String::with_capacity(8);
                    text.push(pair[0].1);
                    text.push(pair[1].1);
                    out.push(Term {
                        text,
                        start: offset + pair[0].0,
                        end: offset + pair[1].0 + pair[1].1.len_utf8(),
                        after_gap: std::mem::take(gap),
                    });
                }
            }
        }
        run.clear();
    };
    for (i, c) in piece.char_indices() {
        if unspaced(c) {
            flush_word(&mut word, word_start, word_end, &mut has_digit, gap, out);
            run.push((i, c));
            continue;
        }
        flush_run(&mut run, gap, out);
        if c.is_alphanumeric() {
            if word.is_empty() {
                word_start = i;
            }
            has_digit |= c.is_numeric();
            word.push(c);
            word_end = i + c.len_utf8();
        } else if (c == '\'' || c == '-' || c == '\u{2019}') && !word.is_empty() {
            // Inside a word: "doesn't" reads as "doesnt", "e-mail" as "email".
        } else {
            flush_word(&mut word, word_start, word_end, &mut has_digit, gap, out);
        }
    }
    flush_word(&mut word, word_start, word_end, &mut has_digit, gap, out);
    flush_run(&mut run, gap, out);
}

/// The terms of a normalized text: its words, then every pair of adjacent words.
pub(crate) fn terms(normalized: &str) -> Vec<Term> {
    let words = words(normalized);
    let mut out = Vec::with_capacity(words.len() * 2);
    for pair in words.windows(2).filter(|p| !p[1].after_gap) {
        out.push(Term {
            text: {
                let (a, b) = (&pair[0].text, &pair[1].text);
                let mut text = String::with_capacity(a.len() + b.len() + 1);
                text.push_str(a);
                text.push(' ');
                text.push_str(b);
                text
            },
            start: pair[0].start,
            end: pair[1].end,
            after_gap: false,
        });
    }
    out.splice(0..0, words);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::Normalized;

    fn texts(s: &str) -> Vec<String> {
        words(Normalized::new(s).as_str())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn words_leave_out_what_names_one_message() {
        assert_eq!(
            texts(
                "550 5.1.1 <hanako@example.jp>: Recipient address REJECTED: user doesn't exist at mx1.example.net"
            ),
            ["recipient", "address", "reject", "user", "doesnt", "exist"]
        );
    }

    #[test]
    fn japanese_is_read_as_pairs_of_characters() {
        assert_eq!(
            texts("宛先不明です"),
            ["宛先", "先不", "不明", "明で", "です"]
        );
        assert_eq!(texts("Eメール 容量"), ["メー", "ール", "容量"]);
    }

    #[test]
    fn terms_are_words_and_their_pairs() {
        let n = Normalized::new("Mailbox  is FULL now");
        let t = terms(n.as_str());
        let names: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            names,
            ["mailbox", "full", "now", "mailbox full", "full now"]
        );
        // A bigram spans both of its words in the normalized text.
        assert_eq!(&n.as_str()[t[3].start..t[3].end], "mailbox is full");
        // No bigram across what names one message.
        let t = terms(Normalized::new("EHLO mx.example.com: 550 rejected").as_str());
        let names: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(names, ["ehlo", "reject"]);
    }
}
