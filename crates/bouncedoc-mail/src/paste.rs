//! A bounce as a person hands it over rather than as a mail server delivers it: pasted
//! whole into a terminal or a text box, saved from a mail program (`.eml`, or an Outlook
//! `.msg`, see [`crate::msg`]), forwarded by a colleague (inline or attached), or only the
//! body of one, copied without its headers.
//!
//! [`read_paste`] finds the bounce in such a text and reads it as `parse` reads a message,
//! so that every recipient it reports on is found, not only the first.

use crate::bounce::{Bounce, Kind, read_message};
use crate::message::Message;

/// How the bounce of a paste was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The paste is a whole message (headers, a blank line, a body) and is the bounce.
    Message,
    /// The paste is a message forwarding a bounce as an attachment (`message/rfc822`);
    /// the attached bounce was read.
    Attached,
    /// The paste has no headers: it was read as the body of a bounce.
    Body,
}

/// The bounce found in a paste, and how.
#[derive(Debug, Clone)]
pub struct Pasted {
    /// The bounce, with one entry per recipient it reports on.
    pub bounce: Bounce,
    /// How it was found.
    pub found: Found,
}

/// Whether a text is a whole message rather than a reply line or a phrase: a header line
/// (`Name: value`, after any blank lines and an mbox `From ` line) first, at least three
/// header lines among the first sixty, and a blank line after them. One line such as
/// `Diagnostic-Code: smtp; 550 ...` is words, not a message.
pub fn looks_like_message(text: &str) -> bool {
    let head = text.trim_start();
    let header_line = |l: &str| {
        l.split_once(':').is_some_and(|(name, _)| {
            !name.is_empty()
                && name.len() < 60
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
    };
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or("");
    if first.starts_with("From ") {
        first = lines.next().unwrap_or("");
    }
    header_line(first)
        && head.lines().take(60).filter(|l| header_line(l)).count() >= 3
        && (head.contains("\n\n") || head.contains("\r\n\r\n"))
}

/// Subject prefixes of a forwarded message, as mail programs write them in the languages
/// the product speaks (and the common European ones, which Outlook writes by locale).
const FORWARD_PREFIXES: &[&str] = &["fwd:", "fw:", "転送:", "転送：", "tr:", "wg:", "rv:", "i:"];

/// Whether a subject says that its message forwards another.
pub fn is_forward_subject(subject: &str) -> bool {
    let s = subject.trim_start().to_lowercase();
    FORWARD_PREFIXES.iter().any(|p| s.starts_with(p))
}

/// Whether a bounce reports on at least one recipient.
fn reports(bounce: &Bounce) -> bool {
    bounce.kind != Kind::NotBounce && !bounce.recipients.is_empty()
}

/// The first bounce attached to a message (`message/rfc822` parts), read as a message of its
/// own.
pub(crate) fn attached_bounce(message: &Message) -> Option<Bounce> {
    message
        .parts_of("message/rfc822")
        .filter_map(|p| Message::parse(p.text().as_bytes()).ok())
        .map(|m| read_message(&m))
        .find(reports)
}

/// The separator lines in front of a message a mail program forwards inline: Gmail's
/// `---------- Forwarded message ---------`, Outlook's `-----Original Message-----`, Apple
/// Mail's `Begin forwarded message:`.
fn is_forward_separator(line: &str) -> bool {
    let l = line.trim().trim_start_matches('>').trim();
    let inner = l.trim_matches('-').trim();
    (l.starts_with("-----") && l.ends_with("-----") && {
        let inner = inner.to_ascii_lowercase();
        inner == "forwarded message" || inner == "original message"
    }) || l == "Begin forwarded message:"
}

/// A header line of a forwarded message's quoted header block (`From: ...`, `Sent: ...`).
fn quoted_field(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim();
    (!name.is_empty()
        && name.len() <= 30
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
    .then_some((name, value.trim()))
}

/// The message a person's forward quotes inline, made a message again: the header block
/// under the forward's separator line (Outlook's `Sent:` is the `Date:`) and the text under
/// it (its `> ` quote marks taken off). `None` when the text has no such block, or the block
/// names no sender and subject.
pub(crate) fn inline_forwarded(message: &Message) -> Option<Message> {
    let text = message.report_text();
    let mut lines = text.lines().skip_while(|l| !is_forward_separator(l));
    lines.next()?;
    let rest: Vec<&str> = lines.collect();
    let quoted = rest
        .iter()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.starts_with('>'));
    let unquote = |l: &str| -> String {
        if quoted {
            let l = l.strip_prefix('>').unwrap_or(l);
            l.strip_prefix(' ').unwrap_or(l).to_string()
        } else {
            l.to_string()
        }
    };
    let mut rest = rest.into_iter().map(unquote).peekable();
    while rest.peek().is_some_and(|l| l.trim().is_empty()) {
        rest.next();
    }
    let mut head = String::new();
    let (mut from, mut subject) = (false, false);
    while let Some(line) = rest.peek() {
        let Some((name, value)) = quoted_field(line) else {
            break;
        };
        let name = if name.eq_ignore_ascii_case("sent") {
            "Date"
        } else {
            name
        };
        from |= name.eq_ignore_ascii_case("from");
        subject |= name.eq_ignore_ascii_case("subject");
        head.push_str(&format!("{name}: {value}\n"));
        rest.next();
    }
    if !(from && subject) {
        return None;
    }
    head.push_str("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n");
    for line in rest {
        head.push_str(&line);
        head.push('\n');
    }
    Message::parse(head.as_bytes()).ok()
}

/// Finds the bounce in a paste (see the module documentation); `None` when the text holds
/// none that the mail reading recognizes (it may still be words that `explain` knows).
///
/// A whole message is read as `parse` reads it; when it forwards a bounce as an attachment
/// (a forward's subject, or no bounce of its own), the attached bounce is read instead. A
/// forward that quotes the bounce inline is read as the bounce it quotes ([`read_message`]).
/// A text without headers is read as the body of a message.
pub fn read_paste(raw: &[u8]) -> Option<Pasted> {
    let head = String::from_utf8_lossy(&raw[..raw.len().min(64 * 1024)]);
    if looks_like_message(&head) {
        let message = Message::parse(raw).ok()?;
        let forward = message.header("subject").is_some_and(is_forward_subject);
        if forward && let Some(bounce) = attached_bounce(&message) {
            return Some(Pasted {
                bounce,
                found: Found::Attached,
            });
        }
        let bounce = read_message(&message);
        if reports(&bounce) {
            return Some(Pasted {
                bounce,
                found: Found::Message,
            });
        }
        return attached_bounce(&message).map(|bounce| Pasted {
            bounce,
            found: Found::Attached,
        });
    }
    let text = raw.trim_ascii();
    if !text.contains(&b'\n') {
        return None;
    }
    // The body alone, as a person copies it out of a mail program: given the headers of a
    // bounce (it is from a mail system) so that it parses as one, and the detectors that
    // look for a mailer daemon's words read it.
    let mut body = Vec::with_capacity(text.len() + 64);
    body.extend_from_slice(b"From: MAILER-DAEMON@localhost\nSubject: (pasted)\n\n");
    body.extend_from_slice(text);
    let message = Message::parse(&body).ok()?;
    let bounce = read_message(&message);
    reports(&bounce).then_some(Pasted {
        bounce,
        found: Found::Body,
    })
}

/// The bounce a person's paste holds, as [`read_paste`] finds it, except that a body
/// without headers must list more than one recipient: one recipient read out of a body is no
/// more than its words say, and those are explained as the words of one reply.
pub fn read_bounce_paste(raw: &[u8]) -> Option<Pasted> {
    read_paste(raw).filter(|p| p.found != Found::Body || p.bounce.recipients.len() > 1)
}

/// Whether a paste found as `found`, whose recipients got these diagnoses, is answered as a
/// bounce: a message always; a body only when its recipients' words say something (a reply
/// code, or a status code not inferred), since a note that lists two addresses is no bounce.
pub fn answered_as_bounce<'a>(
    found: Found,
    diagnoses: impl IntoIterator<Item = &'a bouncedoc_core::Diagnosis>,
) -> bool {
    found != Found::Body
        || diagnoses.into_iter().any(|d| {
            d.reply_code.is_some()
                || d.status_source
                    .is_some_and(|s| s != bouncedoc_core::StatusSource::Inferred)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTFIX_BODY: &str = "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>:\n    Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n<b@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2 <b@example.org>:\n    Mailbox full (in reply to RCPT TO command)\n";

    fn recipients(p: &Pasted) -> Vec<&str> {
        p.bounce
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect()
    }

    #[test]
    fn messages_and_words_are_told_apart() {
        assert!(looks_like_message(
            "From: a@example.jp\nTo: b@example.jp\nSubject: x\n\nbody"
        ));
        assert!(looks_like_message(
            "From MAILER-DAEMON Mon Dec  7 09:00:00 2026\nFrom: a@example.jp\nTo: b@example.jp\nSubject: x\n\nbody"
        ));
        assert!(!looks_like_message(
            "Diagnostic-Code: smtp; 550 5.1.1 User unknown"
        ));
        assert!(!looks_like_message(
            "550 5.1.1 <a@example.jp>: User unknown"
        ));
        assert!(!looks_like_message("hello world"));
    }

    #[test]
    fn forward_subjects() {
        for s in [
            "Fwd: Undelivered Mail",
            "FW: 配信不能",
            "転送: Returned mail",
            "転送：配信不能",
        ] {
            assert!(is_forward_subject(s), "{s}");
        }
        assert!(!is_forward_subject("Undelivered Mail Returned to Sender"));
        assert!(!is_forward_subject("Forward planning"));
    }

    #[test]
    fn a_body_without_headers_gives_every_recipient() {
        let p = read_paste(POSTFIX_BODY.as_bytes()).unwrap();
        assert_eq!(p.found, Found::Body);
        assert_eq!(recipients(&p), ["a@example.jp", "b@example.org"]);
    }

    #[test]
    fn an_exim_body_without_headers_gives_every_recipient() {
        let body = "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  taro@example.jp\n    host mx.example.jp [192.0.2.1]\n    SMTP error from remote mail server after RCPT TO:<taro@example.jp>:\n    550 5.1.1 User unknown\n  hanako@example.org\n    host mx.example.org [192.0.2.2]\n    SMTP error from remote mail server after RCPT TO:<hanako@example.org>:\n    452 4.2.2 Mailbox full\n";
        let p = read_paste(body.as_bytes()).unwrap();
        assert_eq!(recipients(&p), ["taro@example.jp", "hanako@example.org"]);
    }

    #[test]
    fn one_line_is_not_read_as_a_body() {
        assert!(read_paste(b"550 5.1.1 <a@example.jp>... User unknown").is_none());
    }

    #[test]
    fn an_attached_bounce_is_read_instead_of_its_forward() {
        let raw = format!(
            "From: Hanako <hanako@example.co.jp>\nTo: helpdesk@example.co.jp\nSubject: Fwd: Undelivered Mail Returned to Sender\nContent-Type: multipart/mixed; boundary=\"X\"\n\n--X\nContent-Type: text/plain\n\nsee attached\n\n--X\nContent-Type: message/rfc822\n\nFrom: MAILER-DAEMON@example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nTo: hanako@example.co.jp\n\n{POSTFIX_BODY}\n--X--\n"
        );
        let p = read_paste(raw.as_bytes()).unwrap();
        assert_eq!(p.found, Found::Attached);
        assert_eq!(recipients(&p), ["a@example.jp", "b@example.org"]);
    }

    #[test]
    fn a_whole_bounce_is_read_as_a_message() {
        let raw = format!(
            "From: MAILER-DAEMON@example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nTo: hanako@example.co.jp\n\n{POSTFIX_BODY}"
        );
        let p = read_paste(raw.as_bytes()).unwrap();
        assert_eq!(p.found, Found::Message);
        assert_eq!(recipients(&p), ["a@example.jp", "b@example.org"]);
    }

    #[test]
    fn a_message_that_reports_nothing_gives_none() {
        assert!(
            read_paste(b"From: a@example.jp\nTo: b@example.jp\nSubject: lunch\n\nNoon?\n")
                .is_none()
        );
    }
}
