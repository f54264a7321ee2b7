//! The standard report formats: RFC 3464 delivery status notifications, RFC 5965 feedback
//! reports and RFC 3834 auto-replies.

pub mod arf;
pub mod autoreply;
pub mod dsn;

use crate::message::Message;

/// The words of a report whose format has no field for them (a feedback report, an
/// auto-reply): the first three non-empty lines of its text, trimmed, joined by one space.
pub(crate) fn opening_lines(message: &Message) -> String {
    message
        .report_text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blank lines are skipped, each line trimmed, the words inside a line kept as written.
    #[test]
    fn the_first_three_lines_with_words() {
        let m = Message::parse(
            b"From: a@example.jp\nSubject: x\n\n\n  one \n\ntwo  words\nthree\nfour\n",
        )
        .unwrap();
        assert_eq!(opening_lines(&m), "one two  words three");
    }
}
