//! OpenSMTPD (<https://www.opensmtpd.org/>), through syslog as `smtpd`.
//!
//! Each delivery attempt of an envelope is one line of `key=value` fields after the session
//! id; values with spaces are in double quotes:
//!
//! ```text
//! 5a3b2c1d0e9f8a7b mta delivery evpid=a1b2c3d4e5f60718 from=<alice@example.com> to=<bob@example.org>
//!     rcpt=<-> source="192.0.2.10" relay="192.0.2.25 (mx.example.org)" delay=1s result="PermFail"
//!     stat="550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown"
//! ```
//!
//! (on one line; `mda delivery` for local ones). `result` is `Ok`, `TempFail`, `PermFail`
//! or `Loop`. The message id is the first eight hex digits of the envelope id; `rcpt` is the
//! original recipient (`<->` when there is none).

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some, unbracket};

/// True for OpenSMTPD's program name.
pub fn is_opensmtpd(program: &str) -> bool {
    program == "smtpd"
}

/// The value of `key=` in a line of fields: quoted, or up to the next space (`stat`, the
/// last field, unquoted runs to the end).
fn field<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let pattern = format!(" {key}=");
    let at = line.find(&pattern)? + pattern.len();
    let rest = &line[at..];
    if let Some(quoted) = rest.strip_prefix('"') {
        let mut end = 0;
        let b = quoted.as_bytes();
        while end < b.len() && b[end] != b'"' {
            end += if b[end] == b'\\' { 2 } else { 1 };
        }
        return Some(&quoted[..end.min(quoted.len())]);
    }
    if key == "stat" {
        return Some(rest);
    }
    Some(rest.split(' ').next().unwrap_or(rest))
}

/// Reads one OpenSMTPD message (the text after the syslog prefix).
pub fn read(message: &str, time: Option<i64>, host: Option<&str>, out: &mut Vec<Entry>) -> Said {
    let Some((_session, rest)) = message.split_once(' ') else {
        return Said::Other;
    };
    if !(rest.starts_with("mta delivery ") || rest.starts_with("mda delivery ")) {
        return Said::Other;
    }
    let (Some(result), Some(to)) = (field(rest, "result"), field(rest, "to")) else {
        return Said::Damaged("an OpenSMTPD delivery line without result= or to=".into());
    };
    let stat = field(rest, "stat").unwrap_or("");
    let outcome = match result {
        "Ok" => Outcome::Delivered,
        "TempFail" => Outcome::Deferred,
        "PermFail" | "Loop" if stat.contains("expired") => Outcome::Expired,
        "PermFail" | "Loop" => Outcome::Bounced,
        other => return Said::Damaged(format!("an unknown OpenSMTPD result `{other}`")),
    };
    let mut e = Event::new(Format::Opensmtpd, outcome);
    e.time = time;
    e.host = host.map(str::to_string);
    e.recipient = some(unbracket(to));
    e.original_recipient = field(rest, "rcpt")
        .map(unbracket)
        .filter(|r| *r != "-")
        .and_then(some);
    e.queue_id = field(rest, "evpid")
        .and_then(|id| id.get(..8))
        .and_then(some);
    e.relay = field(rest, "relay").and_then(some);
    e.delay = field(rest, "delay").and_then(some);
    if outcome != Outcome::Delivered {
        e.command = command_in(stat);
        e.reply = some(stat);
    }
    out.push(Entry::Attempt(e));
    Said::Entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(message: &str) -> Event {
        let mut out = Vec::new();
        assert_eq!(read(message, None, None, &mut out), Said::Entries);
        match out.remove(0) {
            Entry::Attempt(e) => e,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn mta_deliveries() {
        let e = attempt(
            "5a3b2c1d0e9f8a7b mta delivery evpid=a1b2c3d4e5f60718 from=<alice@example.com> to=<bob@example.org> rcpt=<info@example.org> source=\"192.0.2.10\" relay=\"192.0.2.25 (mx.example.org)\" delay=1s result=\"PermFail\" stat=\"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\"",
        );
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.queue_id.as_deref(), Some("a1b2c3d4"));
        assert_eq!(e.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e.original_recipient.as_deref(), Some("info@example.org"));
        assert_eq!(e.relay.as_deref(), Some("192.0.2.25 (mx.example.org)"));
        assert_eq!(e.delay.as_deref(), Some("1s"));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown")
        );
        let e = attempt(
            "5a3b2c1d0e9f8a7b mta delivery evpid=a1b2c3d4e5f60719 from=<alice@example.com> to=<carol@example.net> rcpt=<-> source=\"192.0.2.10\" relay=\"192.0.2.30 (mx.example.net)\" delay=5m result=\"TempFail\" stat=\"421 4.7.0 Try again later\"",
        );
        assert_eq!((e.outcome, e.original_recipient), (Outcome::Deferred, None));
    }

    #[test]
    fn other_and_damaged() {
        let mut out = Vec::new();
        assert_eq!(
            read(
                "5a3b2c1d0e9f8a7b smtp connected address=192.0.2.9 host=client",
                None,
                None,
                &mut out
            ),
            Said::Other
        );
        assert!(matches!(
            read(
                "5a3b2c1d0e9f8a7b mta delivery evpid=a1b2c3d4e5f60718 to=<bob@example.org> result=\"Odd\"",
                None,
                None,
                &mut out
            ),
            Said::Damaged(_)
        ));
    }
}
