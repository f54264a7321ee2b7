//! The remote server's reply as a text holds it: its codes, and a multi-line reply that
//! was re-folded into running text.

use std::sync::LazyLock;

use bouncedoc_core::StatusCode;
use regex::Regex;

use crate::whitespace::squeeze;

static MULTILINE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s:;(])([245][0-9][0-9])-(?:([245]\.[0-9]{1,3}\.[0-9]{1,3}) |[^0-9])")
        .expect("valid")
});

/// A multi-line reply (`550-5.7.1 first line`, `550-5.7.1 second line`, `550 5.7.1 last
/// line`) that was re-folded into running text keeps its repeated code prefixes in the
/// middle of sentences, where they break the words apart. This writes the code once, where
/// the reply starts, and drops its repetitions.
pub fn join_multiline_reply(text: &str) -> String {
    let Some(mark) = MULTILINE_MARK.captures(text) else {
        return text.to_string();
    };
    let code = &mark[1];
    let status = mark.get(2).map(|m| m.as_str());
    let start = mark.get(1).expect("group").start();
    let mut tail = text[start..].to_string();
    for sep in ['-', ' '] {
        if let Some(s) = status {
            tail = tail.replace(&format!("{code}{sep}{s} "), "");
        }
        tail = tail.replace(&format!("{code}{sep}"), "");
    }
    let head = match status {
        Some(s) => format!("{code} {s} "),
        None => format!("{code} "),
    };
    squeeze(&format!("{}{head}{tail}", &text[..start]))
}

/// The reply code and status code a text holds, read as the engine reads them.
pub fn codes_in(text: &str) -> (Option<u16>, Option<StatusCode>) {
    let read = bouncedoc_core::reply::read(text);
    (read.reply_code, read.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiline_reply_in_running_text() {
        assert_eq!(
            join_multiline_reply(
                "host mx said: 550-5.7.1 [192.0.2.1] Messages with multiple 550 5.7.1 addresses in From: header are not accepted."
            ),
            "host mx said: 550 5.7.1 [192.0.2.1] Messages with multiple addresses in From: header are not accepted."
        );
        assert_eq!(
            join_multiline_reply("550-Sorry 550-your address 550 is refused"),
            "550 Sorry your address is refused"
        );
        assert_eq!(
            join_multiline_reply("550 5.1.1 User unknown"),
            "550 5.1.1 User unknown"
        );
        assert_eq!(
            join_multiline_reply("call 555-1234 now"),
            "call 555-1234 now"
        );
    }
}
