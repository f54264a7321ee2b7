//! The reply inside the words a server or a mail client wraps it in when it quotes it.

use regex::Regex;
use std::sync::LazyLock;

/// The quoting wrappers of the usual servers and clients, on a normalized text (lower case,
/// single-spaced): each pattern's group `r` is the reply itself. Postfix `host mx[ip] said:
/// ... (in reply to rcpt to command)`, Exim `smtp error from remote mail server after rcpt
/// to:<a>: ...`, Sendmail `... while talking to mx.: >>> rcpt to:<a> <<< ...`, Exchange
/// `remote server returned '...'`, a DSN field `diagnostic-code: smtp; ...`, Gmail `the
/// response from the remote server was: ...`.
static WRAPPERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"host [^\s]+ said: (?<r>.+?)(?: \(in reply to [a-z ]{2,30} command\))?",
        r"|smtp error from remote (?:mail )?server (?:after|for) [^\s]+(?: [^\s]+){0,3}?: (?<r2>[2-5][0-9][0-9][ -].+)",
        r"|.{0,300}?while talking to [^\s]+:? (?:>>> )?.{0,300}?<<< (?<r3>.+)",
        r"|remote server returned '(?<r4>.+)'",
        r"|diagnostic-code: ?[a-z0-9-]+ ?; ?(?<r5>.+)",
        r"|the response from the remote server was: (?<r6>.+)",
        r")$",
    ))
    .expect("the quoting wrappers")
});

/// The reply inside a quoting wrapper, as a part of `text` (a normalized text), when the
/// whole of `text` is one reply so wrapped.
pub fn quoted_reply(text: &str) -> Option<&str> {
    if text.len() > 4096 {
        return None;
    }
    let caps = WRAPPERS.captures(text)?;
    let m = ["r", "r2", "r3", "r4", "r5", "r6"]
        .iter()
        .find_map(|name| caps.name(name))?;
    Some(m.as_str().trim()).filter(|r| !r.is_empty())
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
