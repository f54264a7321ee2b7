//! Postfix (<https://www.postfix.org/>): the delivery agents' lines (`smtp`, `lmtp`, `local`,
//! `virtual`, `error`, `pipe` ...) and the queue manager's.
//!
//! A delivery agent logs one line per recipient and attempt, tied to the message by its
//! queue id:
//!
//! ```text
//! 4F9D1C2A3B: to=<bob@example.org>, orig_to=<info@example.org>, relay=mx.example.org[192.0.2.25]:25,
//!     delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25]
//!     said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to
//!     RCPT TO command))
//! ```
//!
//! (on one line). `status=` is `sent`, `deferred`, `bounced`, `expired`, `undeliverable`
//! (address verification), `deliverable` or `SOFTBOUNCE`. The parenthesis holds either the
//! remote server's reply (`host ... said: ... (in reply to ... command)`) or Postfix's own
//! words: `connect to ...: Connection refused`, `Host or domain name not found. Name service
//! error for ...`, `lost connection with ... while receiving the initial server greeting`,
//! `conversation with ... timed out while sending RCPT TO` ... The queue manager logs
//! `4F9D1C2A3B: from=<...>, status=expired, returned to sender` when a message's lifetime
//! ends, and `4F9D1C2A3B: removed` when it leaves the queue.

use bouncedoc_core::SmtpCommand;

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some, unbracket};

/// True for a Postfix program name (`postfix/smtp`, or a renamed `postfix-out/smtp`).
pub fn is_postfix(program: &str) -> bool {
    program
        .split_once('/')
        .is_some_and(|(name, _)| name.starts_with("postfix"))
}

/// A queue id: letters and digits (hexadecimal, or the long base-52 form).
fn queue_id(s: &str) -> bool {
    s.len() >= 5 && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Reads one Postfix message (the text after the syslog prefix).
pub fn read(message: &str, time: Option<i64>, host: Option<&str>, out: &mut Vec<Entry>) -> Said {
    let Some((id, rest)) = message.split_once(": ") else {
        return Said::Other;
    };
    if !queue_id(id) {
        return Said::Other;
    }
    if rest == "removed" {
        out.push(Entry::QueueGone {
            format: Format::Postfix,
            queue_id: id.to_string(),
            time,
            expired: false,
        });
        return Said::Entries;
    }
    if rest.starts_with("from=<") {
        if rest.contains(", status=expired") {
            out.push(Entry::QueueGone {
                format: Format::Postfix,
                queue_id: id.to_string(),
                time,
                expired: true,
            });
            return Said::Entries;
        }
        return Said::Other;
    }
    if !rest.starts_with("to=<") {
        return Said::Other;
    }
    let Some(status_at) = rest.find(", status=") else {
        return Said::Damaged("a Postfix delivery line without status=".into());
    };
    let (fields, status) = (&rest[..status_at], &rest[status_at + 9..]);
    let (word, words) = match status.split_once(' ') {
        Some((w, t)) => (w, t.trim()),
        None => (status, ""),
    };
    let outcome = match word.trim_end_matches(',') {
        "sent" => Outcome::Delivered,
        "deferred" | "SOFTBOUNCE" => Outcome::Deferred,
        "bounced" | "undeliverable" => Outcome::Bounced,
        "expired" => Outcome::Expired,
        "deliverable" => return Said::Other,
        other => return Said::Damaged(format!("an unknown Postfix status `{other}`")),
    };
    let mut e = Event::new(Format::Postfix, outcome);
    e.time = time;
    e.host = host.map(str::to_string);
    e.queue_id = Some(id.to_string());
    let Some(after_to) = fields.strip_prefix("to=") else {
        return Said::Damaged("a Postfix delivery line without to=".into());
    };
    // The recipient runs to the first `>,` (an address may hold commas in quotes).
    let (to, others) = match after_to.find(">, ") {
        Some(end) => (&after_to[..=end], &after_to[end + 3..]),
        None => (after_to, ""),
    };
    e.recipient = some(unbracket(to));
    for field in others.split(", ") {
        let Some((key, value)) = field.split_once('=') else {
            continue;
        };
        match key {
            "orig_to" => e.original_recipient = some(unbracket(value)),
            "relay" => e.relay = some(value),
            "delay" => e.delay = some(value),
            "delays" => e.delays = some(value),
            "dsn" => e.dsn = some(value),
            _ => {}
        }
    }
    if e.recipient.is_none() {
        return Said::Damaged("a Postfix delivery line with an empty to=<>".into());
    }
    let words = words
        .strip_prefix('(')
        .and_then(|w| w.strip_suffix(')'))
        .unwrap_or(words);
    if outcome != Outcome::Delivered {
        let (reply, command) = reply_of(words);
        e.reply = some(reply);
        e.command = command;
    }
    out.push(Entry::Attempt(e));
    Said::Entries
}

/// The remote reply of `host H said: REPLY (in reply to X command)`, and the command; or
/// Postfix's own words and the command they name.
fn reply_of(words: &str) -> (&str, Option<SmtpCommand>) {
    if let Some(rest) = words.strip_prefix("host ")
        && let Some((_, said)) = rest.split_once(" said: ")
    {
        if let Some(at) = said.rfind(" (in reply to ") {
            return (said[..at].trim(), command_in(&said[at..]));
        }
        return (said.trim(), None);
    }
    (words, command_in(words))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(message: &str) -> (Said, Vec<Entry>) {
        let mut out = Vec::new();
        let said = read(message, Some(1), Some("mail"), &mut out);
        (said, out)
    }

    fn attempt(message: &str) -> Event {
        match one(message) {
            (Said::Entries, mut v) if v.len() == 1 => match v.remove(0) {
                Entry::Attempt(e) => e,
                other => panic!("not an attempt: {other:?}"),
            },
            other => panic!("not one entry: {other:?}"),
        }
    }

    #[test]
    fn a_remote_refusal() {
        let e = attempt(
            "4F9D1C2A3B: to=<bob@example.org>, orig_to=<info@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))",
        );
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.queue_id.as_deref(), Some("4F9D1C2A3B"));
        assert_eq!(e.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e.original_recipient.as_deref(), Some("info@example.org"));
        assert_eq!(e.relay.as_deref(), Some("mx.example.org[192.0.2.25]:25"));
        assert_eq!(e.delay.as_deref(), Some("1.2"));
        assert_eq!(e.delays.as_deref(), Some("0.1/0/0.6/0.5"));
        assert_eq!(e.dsn.as_deref(), Some("5.1.1"));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown")
        );
        assert_eq!(e.command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn postfix_own_words() {
        let e = attempt(
            "4bH6vz0qJ6z9sWP: to=<carol@example.net>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.30]:25: Connection timed out)",
        );
        assert_eq!(e.outcome, Outcome::Deferred);
        assert_eq!(
            e.reply.as_deref(),
            Some("connect to mx.example.net[192.0.2.30]:25: Connection timed out")
        );
        assert_eq!(e.command, Some(SmtpCommand::Connect));
        let e = attempt(
            "3D770111AF: to=<dave@example.invalid>, relay=none, delay=0.2, delays=0.1/0/0.1/0, dsn=5.4.4, status=bounced (Host or domain name not found. Name service error for name=example.invalid type=AAAA: Host not found)",
        );
        assert_eq!(e.dsn.as_deref(), Some("5.4.4"));
        assert_eq!(e.command, None);
    }

    #[test]
    fn deliveries_and_queue_lines() {
        let e = attempt(
            "4F9D1C2A3B: to=<bob@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=0.5, delays=0.1/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9A8B7C)",
        );
        assert_eq!(e.outcome, Outcome::Delivered);
        assert_eq!(e.reply, None);
        let (said, out) =
            one("4F9D1C2A3B: from=<alice@example.com>, status=expired, returned to sender");
        assert_eq!(said, Said::Entries);
        assert!(
            matches!(&out[0], Entry::QueueGone { expired: true, queue_id, .. } if queue_id == "4F9D1C2A3B")
        );
        let (_, out) = one("4F9D1C2A3B: removed");
        assert!(matches!(&out[0], Entry::QueueGone { expired: false, .. }));
        assert_eq!(
            one("4F9D1C2A3B: from=<alice@example.com>, size=1234, nrcpt=1 (queue active)").0,
            Said::Other
        );
        assert_eq!(one("connect from unknown[192.0.2.9]").0, Said::Other);
        assert_eq!(
            one("NOQUEUE: reject: RCPT from x[192.0.2.9]: 554 5.7.1 denied").0,
            Said::Other
        );
    }

    #[test]
    fn damaged_delivery_lines() {
        assert!(matches!(
            one("4F9D1C2A3B: to=<bob@example.org>, relay=none").0,
            Said::Damaged(_)
        ));
        assert!(matches!(
            one("4F9D1C2A3B: to=<bob@example.org>, status=weird (x)").0,
            Said::Damaged(_)
        ));
        assert!(
            is_postfix("postfix/smtp") && is_postfix("postfix-out/lmtp") && !is_postfix("sm-mta")
        );
    }
}
