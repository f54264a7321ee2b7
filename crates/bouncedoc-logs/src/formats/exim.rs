//! Exim's main log (<https://www.exim.org/>, the specification's chapter "Log files").
//!
//! Each line starts with the time (`2024-01-15 10:00:00`, with `+0100` after it when
//! `log_timezone` is set, and `[pid]` when the `pid` selector is), then the message id and
//! a flag:
//!
//! ```text
//! 2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.25]:
//!     SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 5.1.1 User unknown
//! 2024-01-15 10:00:00 1rPq2x-0001Ab-Cd == carol@example.net R=dnslookup T=remote_smtp defer (-44)
//!     H=mx.example.net [192.0.2.30]: SMTP error from remote mail server after RCPT TO:<carol@example.net>: 451 4.7.1 Try later
//! 2024-01-15 10:00:00 1rPq2x-0001Ab-Cd == dave@example.com R=dnslookup T=remote_smtp defer (111): Connection refused
//! 2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** erin@example.com R=dnslookup T=remote_smtp: retry timeout exceeded
//! ```
//!
//! (each on one line). `**` is a failure, `==` a deferral, `=>` and `->` deliveries,
//! `Completed` the end of the message; an address may be followed by its parent address in
//! angle brackets. Exim logs no enhanced code of its own: it is in the reply.

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some, unbracket};
use crate::time;

/// True when the line starts as Exim's main log does (`YYYY-MM-DD HH:MM:SS `).
pub fn looks_like(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() > 20
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && b[0].is_ascii_digit()
}

/// An Exim message id: three letter-and-digit parts joined by `-` (`1rPq2x-0001Ab-Cd`, or
/// the longer form of Exim 4.97).
fn message_id(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('-') {
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return false;
        }
        parts += 1;
    }
    parts == 3 && s.len() >= 16
}

/// Reads one main log line. `stamped` says whether it starts with Exim's time (a line of
/// the log file) or not (a line Exim sent to syslog, whose prefix gave `time`).
pub fn read(
    line: &str,
    stamped: bool,
    time: Option<i64>,
    host: Option<&str>,
    out: &mut Vec<Entry>,
) -> Said {
    let (time, mut rest) = if stamped {
        match time::iso(line) {
            Some((t, len)) => (Some(t), line[len..].trim_start()),
            None => return Said::Damaged("an Exim line with an unreadable time".into()),
        }
    } else {
        (time, line)
    };
    if rest.starts_with('[')
        && let Some(end) = rest.find("] ")
    {
        rest = &rest[end + 2..];
    }
    let Some((id, rest)) = rest.split_once(' ') else {
        return Said::Other;
    };
    if !message_id(id) {
        return Said::Other;
    }
    if rest == "Completed" || rest.starts_with("Completed ") {
        out.push(Entry::QueueGone {
            format: Format::Exim,
            queue_id: id.to_string(),
            time,
            expired: false,
        });
        return Said::Entries;
    }
    let Some((flag, rest)) = rest.split_once(' ') else {
        return Said::Other;
    };
    let outcome = match flag {
        "**" => Outcome::Bounced,
        "==" => Outcome::Deferred,
        "=>" | "->" => Outcome::Delivered,
        _ => return Said::Other,
    };
    let mut e = Event::new(Format::Exim, outcome);
    e.time = time;
    e.host = host.map(str::to_string);
    e.queue_id = Some(id.to_string());
    // The address runs to a space or to the colon before the words.
    let end = rest.find([' ', ':']).unwrap_or(rest.len());
    let (address, mut rest) = rest.split_at(end);
    if address.is_empty()
        || !address.contains('@') && !address.starts_with('/') && !address.starts_with('|')
    {
        return Said::Damaged(format!("an Exim `{flag}` line without an address"));
    }
    e.recipient = some(unbracket(address));
    rest = rest.trim_start();
    if rest.starts_with('<')
        && let Some(close) = rest.find('>')
    {
        e.original_recipient = some(unbracket(&rest[..=close]));
        rest = rest[close + 1..].trim_start();
    }
    if let Some(at) = rest.find("H=") {
        let h = &rest[at + 2..];
        let name_end = h.find([' ', ':']).unwrap_or(h.len());
        let mut relay = h[..name_end].to_string();
        let after = &h[name_end..];
        if let Some(ip) = after.strip_prefix(" [")
            && let Some(close) = ip.find(']')
        {
            relay.push_str(&format!(" [{}]", &ip[..close]));
        }
        e.relay = Some(relay);
    }
    if outcome != Outcome::Delivered {
        let words = rest.split_once(": ").map_or("", |(_, w)| w).trim();
        const SMTP_ERROR: &str = "SMTP error from remote mail server after ";
        if let Some(at) = words.find(SMTP_ERROR) {
            let after = &words[at + SMTP_ERROR.len()..];
            let (what, reply) = after.split_once(": ").unwrap_or((after, ""));
            e.command = command_in(&format!("after {what}")).or_else(|| {
                what.starts_with("end of data")
                    .then_some(bouncedoc_core::SmtpCommand::Data)
            });
            e.reply = some(reply.trim());
        } else {
            e.command = command_in(words);
            e.reply = some(words);
        }
        if outcome == Outcome::Bounced
            && (words.contains("retry timeout exceeded")
                || words.contains("have been failing for a long time"))
        {
            e.outcome = Outcome::Expired;
        }
    }
    out.push(Entry::Attempt(e));
    Said::Entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    fn attempt(line: &str) -> Event {
        let mut out = Vec::new();
        assert_eq!(
            read(line, true, None, None, &mut out),
            Said::Entries,
            "{line}"
        );
        match out.remove(0) {
            Entry::Attempt(e) => e,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_refusal_after_rcpt() {
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** bob@example.org <info@example.org> R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.25] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 5.1.1 <bob@example.org>: User unknown",
        );
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.time, Some(1_705_312_800));
        assert_eq!(e.queue_id.as_deref(), Some("1rPq2x-0001Ab-Cd"));
        assert_eq!(e.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e.original_recipient.as_deref(), Some("info@example.org"));
        assert_eq!(e.relay.as_deref(), Some("mx.example.org [192.0.2.25]"));
        assert_eq!(e.command, Some(SmtpCommand::Rcpt));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>: User unknown")
        );
    }

    #[test]
    fn deferrals_timeouts_and_deliveries() {
        let e = attempt(
            "2024-01-15 11:00:00 +0100 [1234] 1rPq2x-0001Ab-Cd == carol@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [192.0.2.30]: SMTP error from remote mail server after RCPT TO:<carol@example.net>: 451 4.7.1 Greylisted, try later",
        );
        assert_eq!(
            (e.outcome, e.time),
            (Outcome::Deferred, Some(1_705_312_800))
        );
        assert_eq!(e.reply.as_deref(), Some("451 4.7.1 Greylisted, try later"));
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd == dave@example.com R=dnslookup T=remote_smtp defer (111): Connection refused",
        );
        assert_eq!(e.reply.as_deref(), Some("Connection refused"));
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** erin@example.com R=dnslookup T=remote_smtp: retry timeout exceeded",
        );
        assert_eq!(e.outcome, Outcome::Expired);
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** frank@example.com: Unrouteable address",
        );
        assert_eq!(e.reply.as_deref(), Some("Unrouteable address"));
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd => bob@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.25] C=\"250 OK\"",
        );
        assert_eq!(e.outcome, Outcome::Delivered);
        let e = attempt(
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** gina@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.40]: SMTP error from remote mail server after end of data: 554 5.7.1 Message rejected as spam",
        );
        assert_eq!(e.command, Some(SmtpCommand::Data));
    }

    #[test]
    fn other_and_damaged_lines() {
        let mut out = Vec::new();
        for line in [
            "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd <= alice@example.com H=client [192.0.2.9] P=esmtpsa S=1234",
            "2024-01-15 10:00:00 Start queue run: pid=1234",
        ] {
            assert_eq!(read(line, true, None, None, &mut out), Said::Other);
        }
        assert_eq!(
            read(
                "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd Completed",
                true,
                None,
                None,
                &mut out
            ),
            Said::Entries
        );
        assert!(matches!(
            read(
                "2024-01-15 10:00:00 1rPq2x-0001Ab-Cd ** : oops",
                true,
                None,
                None,
                &mut out
            ),
            Said::Damaged(_)
        ));
        assert!(looks_like("2024-01-15 10:00:00 1rPq2x-0001Ab-Cd Completed"));
        assert!(!looks_like("Jan 15 10:00:00 host x: y"));
    }
}
