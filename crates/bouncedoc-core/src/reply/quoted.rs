//! The reply inside the words a server or a mail client wraps it in when it quotes it.

use regex::Regex;
use std::sync::LazyLock;

/// The quoting wrappers of the usual servers and clients, on a normalized text (lower case,
/// single-spaced), each with the words it starts with: Postfix `host mx[ip] said: ... (in reply
/// to rcpt to command)`, Exim `smtp error from remote mail server after rcpt to:<a>: ...`,
/// Sendmail `... while talking to mx.: >>> rcpt to:<a> <<< ...`, Exchange `remote server
/// returned '...'`, a DSN field `diagnostic-code: smtp; ...`, Gmail `the response from the
/// remote server was: ...`. Each pattern's group `r` is the reply itself.
const WRAPPERS: [(&str, &str); 6] = [
    (
        "host ",
        r"^host [^\s]+ said: (?<r>.+?)(?: \(in reply to [a-z ]{2,30} command\))?$",
    ),
    (
        "smtp error from remote ",
        r"^smtp error from remote (?:mail )?server (?:after|for) [^\s]+(?: [^\s]+){0,3}?: (?<r>[2-5][0-9][0-9][ -].+)$",
    ),
    (
        "while talking to ",
        r"^.{0,300}?while talking to [^\s]+:? (?:>>> )?.{0,300}?<<< (?<r>.+)$",
    ),
    (
        "remote server returned '",
        r"^remote server returned '(?<r>.+)'$",
    ),
    (
        "diagnostic-code:",
        r"^diagnostic-code: ?[a-z0-9-]+ ?; ?(?<r>.+)$",
    ),
    (
        "the response from the remote server was: ",
        r"^the response from the remote server was: (?<r>.+)$",
    ),
];

/// Whether `text` can be wrapper `i` of [`WRAPPERS`]: the words its pattern needs at the
/// start (Sendmail's anywhere in its first lines), tested before the pattern (whose captures
/// cost microseconds on every diagnostic text).
fn could_be(i: usize, text: &str) -> bool {
    match i {
        0 => text.starts_with("host ") && text.contains(" said: "),
        2 => text.contains("while talking to "),
        _ => text.starts_with(WRAPPERS[i].0),
    }
}

/// The wrappers' patterns, compiled the first time a text could be one of them.
static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    WRAPPERS
        .iter()
        .map(|(_, p)| Regex::new(p).expect("a quoting wrapper"))
        .collect()
});

/// The reply inside a quoting wrapper, as a part of `text` (a normalized text), when the
/// whole of `text` is one reply so wrapped.
pub fn quoted_reply(text: &str) -> Option<&str> {
    if text.len() > 4096 {
        return None;
    }
    // In the wrappers' order, as the one pattern of their alternation tried them.
    let reply = (0..WRAPPERS.len())
        .filter(|&i| could_be(i, text))
        .find_map(|i| PATTERNS[i].captures(text).and_then(|c| c.name("r")))?;
    Some(reply.as_str().trim()).filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reply_inside_each_wrapper() {
        let cases = [
            (
                "host mx.example.org[192.0.2.1] said: 550 spam refused. (in reply to end of data command)",
                "550 spam refused.",
            ),
            (
                "host mx.example.org[192.0.2.1] said: 550 spam refused.",
                "550 spam refused.",
            ),
            (
                "smtp error from remote mail server after rcpt to:<a@example.org>: 550 not deliverable",
                "550 not deliverable",
            ),
            (
                "... while talking to mx.example.org.: rcpt to:<a@example.org> <<< 550 not deliverable",
                "550 not deliverable",
            ),
            (
                "remote server returned '550 header syntax'",
                "550 header syntax",
            ),
            (
                "diagnostic-code: smtp; 550 header syntax",
                "550 header syntax",
            ),
            (
                "the response from the remote server was: 451 try again later",
                "451 try again later",
            ),
        ];
        for (text, reply) in cases {
            assert_eq!(quoted_reply(text), Some(reply), "{text}");
        }
    }

    #[test]
    fn a_bare_reply_or_other_text_has_none() {
        assert_eq!(quoted_reply("550 spam refused."), None);
        assert_eq!(quoted_reply("the remote server said no"), None);
        assert_eq!(quoted_reply("diagnostic-code: smtp;"), None);
    }
}
