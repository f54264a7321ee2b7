//! SettledReply a reply: the codes in it and the server's own words.

mod codes;
mod command;
mod normalize;
mod unfold;

pub use codes::{CodeHit, find_codes, preferred_reply_code, primary};
pub use command::find_command;
pub use normalize::{Normalized, is_single_spaced_ascii, normalize_phrase};
pub use unfold::unfold;

use crate::status::StatusCode;

/// At most this many bytes of a text are read; a longer paste is cut at a character
/// boundary, so that time and memory stay bounded whatever is pasted.
pub const MAX_INPUT: usize = 1 << 20;

/// At most this many characters of the server's words are kept in a diagnosis.
pub const MAX_DIAGNOSTIC_CHARS: usize = 2000;

/// What a reply text says, before any interpretation.
#[derive(Debug, Clone)]
pub struct ReadReply {
    /// The text unfolded onto one line (cut to [`MAX_INPUT`]).
    pub unfolded: String,
    /// Every code found, in order.
    pub hits: Vec<CodeHit>,
    /// The reply code that says most about the cause.
    pub reply_code: Option<u16>,
    /// The status code that says most about the cause.
    pub status: Option<StatusCode>,
    /// Whether the text was cut to [`MAX_INPUT`].
    pub truncated: bool,
}

/// Cuts `text` to at most `max` bytes at a character boundary.
pub fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Reads the codes and the words of a reply.
pub fn read(text: &str) -> ReadReply {
    let truncated = text.len() > MAX_INPUT;
    let text = cut(text, MAX_INPUT);
    let unfolded = unfold(text);
    let hits = find_codes(&unfolded);
    let best = primary(&hits);
    let status = best.and_then(|h| h.status);
    let reply_code = preferred_reply_code(&hits, status.map(|s| s.class));
    ReadReply {
        unfolded,
        hits,
        reply_code,
        status,
        truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_after_hash_with_reply_elsewhere() {
        let r = read("Remote host said: 550 sorry, no mailbox here by that name. (#5.1.1)");
        assert_eq!(r.reply_code, Some(550));
        assert_eq!(r.status.map(|s| s.to_string()), Some("5.1.1".into()));
    }

    #[test]
    fn huge_input_is_cut() {
        let big = "x".repeat(MAX_INPUT + 10);
        let r = read(&big);
        assert!(r.truncated);
        assert!(r.unfolded.len() <= MAX_INPUT);
    }

    #[test]
    fn cut_respects_characters() {
        assert_eq!(cut("あいう", 4), "あ");
        assert_eq!(cut("abc", 10), "abc");
    }
}
