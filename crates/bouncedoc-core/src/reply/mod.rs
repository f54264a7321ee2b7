//! SettledReply a reply: the codes in it and the server's own words.

mod codes;
mod command;
mod normalize;
mod quoted;
mod unfold;

pub use codes::{CodeHit, find_codes, preferred_reply_code, primary};
pub use command::find_command;
pub use normalize::{Normalized, is_single_spaced_ascii, normalize_phrase};
pub use quoted::quoted_reply;
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

/// The HTML escapes a webmail shows in a pasted reply, and the characters they stand for.
const HTML_ESCAPES: [(&str, &str); 5] = [
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    // Last, so that `&amp;lt;` (an escaped escape) reads as `&lt;`, not `<`.
    ("&amp;", "&"),
];

/// `text` with the HTML escapes of a pasted reply (`&lt;`, `&gt;`, `&amp;`, `&quot;`,
/// `&#39;`) read as their characters, when it has an escaped `<` or `>`: a reply shown by
/// a webmail reads as the reply itself. A text without one is kept as it is.
pub fn unescape_html(text: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none()
        || !(text.contains("&lt;") || text.contains("&gt;"))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (escape, plain) in HTML_ESCAPES {
        out = out.replace(escape, plain);
    }
    std::borrow::Cow::Owned(out)
}

/// `text` with full-width digits (and the full-width full stop and hyphen between them) as
/// ASCII, so that a reply typed or converted in full-width forms (`５５０ ５．１．１`) shows its
/// codes. A text without a full-width digit is kept as it is.
pub fn half_width_digits(text: &str) -> std::borrow::Cow<'_, str> {
    // (Their UTF-8 forms start with the byte 0xEF: most texts have none, and are passed by
    // one byte search.)
    if memchr::memchr(0xEF, text.as_bytes()).is_none()
        || !text.chars().any(|c| matches!(c, '\u{FF10}'..='\u{FF19}'))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{FF10}'..='\u{FF19}' | '\u{FF0E}' | '\u{FF0D}' => {
                    char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
                }
                _ => c,
            })
            .collect(),
    )
}

/// Reads the codes and the words of a reply.
pub fn read(text: &str) -> ReadReply {
    let truncated = text.len() > MAX_INPUT;
    let text = unescape_html(cut(text, MAX_INPUT));
    let text = half_width_digits(&text);
    let unfolded = unfold(&text);
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
    fn html_escaped_replies_read_as_the_reply() {
        let r = read("550 5.1.1 &lt;taro@example.jp&gt;: Recipient address rejected");
        assert_eq!(
            r.unfolded,
            "550 5.1.1 <taro@example.jp>: Recipient address rejected"
        );
        assert_eq!(r.status.map(|s| s.to_string()), Some("5.1.1".into()));
        let r =
            read("... while talking to mx.example.jp.:\n&gt;&gt;&gt; DATA\n&lt;&lt;&lt; 550 no");
        assert_eq!(
            r.unfolded,
            read("... while talking to mx.example.jp.:\n>>> DATA\n<<< 550 no").unfolded
        );
        assert_eq!(unescape_html("&amp;lt;a&gt;"), "&lt;a>");
        // Without an escaped bracket, an ampersand stays as it is.
        assert_eq!(unescape_html("Tom &amp; Jerry"), "Tom &amp; Jerry");
    }

    #[test]
    fn full_width_codes_are_read() {
        let r = read("５５０ ５．１．１ 宛先不明です");
        assert_eq!(r.reply_code, Some(550));
        assert_eq!(r.status.map(|s| s.to_string()), Some("5.1.1".into()));
        assert_eq!(half_width_digits("宛先（ａｂｃ）"), "宛先（ａｂｃ）");
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
