//! Sendmail (<https://www.proofpoint.com/us/products/email-protection/open-source-email-solution>),
//! through syslog as `sendmail` or `sm-mta`.
//!
//! A delivery attempt is one line of `key=value` fields after the queue id, `stat=` last:
//!
//! ```text
//! 40FA0Axx012345: to=<bob@example.org>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120321,
//!     relay=mx.example.org. [192.0.2.25], dsn=5.1.1, stat=User unknown
//! 40FA0Axx012345: to=<carol@example.net>, ..., dsn=4.0.0, stat=Deferred: 451 4.7.1 Please try again later
//! ```
//!
//! (each on one line). `to=` may list several recipients, separated by commas; `stat=Sent
//! (...)` is a delivery, `stat=Deferred: ...` a deferral, anything else with a `5.x.x` code a
//! failure. The message's return to its sender after its lifetime is logged as
//! `40FA0Axx012345: 40FA0Ayy012346: DSN: Cannot send message for 5 days`.

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some, unbracket};

/// True for Sendmail's program names.
pub fn is_sendmail(program: &str) -> bool {
    matches!(program, "sendmail" | "sm-mta" | "sm-msp-queue")
}

/// Reads one Sendmail message (the text after the syslog prefix).
pub fn read(message: &str, time: Option<i64>, host: Option<&str>, out: &mut Vec<Entry>) -> Said {
    let Some((id, rest)) = message.split_once(": ") else {
        return Said::Other;
    };
    if id.len() < 8 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Said::Other;
    }
    if let Some((_, dsn)) = rest.split_once(": DSN: ")
        && dsn.starts_with("Cannot send message for")
    {
        out.push(Entry::QueueGone {
            format: Format::Sendmail,
            queue_id: id.to_string(),
            time,
            expired: true,
        });
        return Said::Entries;
    }
    if !rest.starts_with("to=") {
        return Said::Other;
    }
    let Some(stat_at) = rest.find("stat=") else {
        return Said::Damaged("a Sendmail delivery line without stat=".into());
    };
    let stat = rest[stat_at + 5..].trim();
    let fields = rest[..stat_at].trim_end_matches([',', ' ']);
    let mut to = "";
    let mut template = Event::new(Format::Sendmail, Outcome::Bounced);
    template.time = time;
    template.host = host.map(str::to_string);
    template.queue_id = Some(id.to_string());
    let mut reply = None;
    for field in fields.split(", ") {
        let Some((key, value)) = field.split_once('=') else {
            continue;
        };
        match key {
            "to" => to = value,
            "relay" => template.relay = some(value),
            "delay" => template.delay = some(value),
            "xdelay" => template.delays = some(value),
            "dsn" => template.dsn = some(value),
            "reply" => reply = some(value),
            "orcpt" => {
                template.original_recipient = some(unbracket(value.trim_start_matches("rfc822;")))
            }
            _ => {}
        }
    }
    template.outcome = if stat.starts_with("Sent") {
        Outcome::Delivered
    } else if stat.starts_with("Deferred")
        || template.dsn.as_deref().is_some_and(|d| d.starts_with('4'))
    {
        Outcome::Deferred
    } else if stat.eq_ignore_ascii_case("queued") || stat.starts_with("queued") {
        return Said::Other;
    } else {
        Outcome::Bounced
    };
    if template.outcome != Outcome::Delivered {
        let words = stat
            .strip_prefix("Deferred")
            .map_or(stat, |s| s.trim_start_matches([':', ' ']));
        let words = reply.unwrap_or_else(|| words.to_string());
        template.command = command_in(&words);
        template.reply = some(&words);
    }
    let recipients: Vec<&str> = to
        .split(',')
        .map(unbracket)
        .filter(|r| !r.is_empty())
        .collect();
    if recipients.is_empty() {
        return Said::Damaged("a Sendmail delivery line with an empty to=".into());
    }
    for r in recipients {
        let mut e = template.clone();
        e.recipient = some(r);
        out.push(Entry::Attempt(e));
    }
    Said::Entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(message: &str) -> (Said, Vec<Event>) {
        let mut out = Vec::new();
        let said = read(message, None, Some("mail"), &mut out);
        let events = out
            .into_iter()
            .filter_map(|e| match e {
                Entry::Attempt(e) => Some(e),
                _ => None,
            })
            .collect();
        (said, events)
    }

    #[test]
    fn a_failure_a_deferral_and_a_delivery() {
        let (_, e) = read_all(
            "40FA0Axx012345: to=<bob@example.org>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120321, relay=mx.example.org. [192.0.2.25], dsn=5.1.1, stat=User unknown",
        );
        assert_eq!(e[0].outcome, Outcome::Bounced);
        assert_eq!(e[0].recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e[0].relay.as_deref(), Some("mx.example.org. [192.0.2.25]"));
        assert_eq!(e[0].dsn.as_deref(), Some("5.1.1"));
        assert_eq!(e[0].reply.as_deref(), Some("User unknown"));
        let (_, e) = read_all(
            "40FA0Axx012345: to=<carol@example.net>,<dan@example.net>, delay=00:10:00, xdelay=00:00:01, mailer=esmtp, pri=210321, relay=mx.example.net. [192.0.2.30], dsn=4.0.0, stat=Deferred: 451 4.7.1 Please try again later",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].recipient.as_deref(), Some("dan@example.net"));
        assert_eq!(e[1].outcome, Outcome::Deferred);
        assert_eq!(
            e[1].reply.as_deref(),
            Some("451 4.7.1 Please try again later")
        );
        let (_, e) = read_all(
            "40FA0Axx012345: to=<bob@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120321, relay=mx.example.org. [192.0.2.25], dsn=2.0.0, stat=Sent (Ok: queued as 9A8B7C)",
        );
        assert_eq!(
            (e[0].outcome, e[0].reply.as_deref()),
            (Outcome::Delivered, None)
        );
    }

    #[test]
    fn expiry_other_and_damaged() {
        let mut out = Vec::new();
        assert_eq!(
            read(
                "40FA0Axx012345: 40FA0Ayy012346: DSN: Cannot send message for 5 days",
                None,
                None,
                &mut out
            ),
            Said::Entries
        );
        assert!(matches!(out[0], Entry::QueueGone { expired: true, .. }));
        assert_eq!(
            read(
                "40FA0Axx012345: from=<alice@example.com>, size=1234, class=0, nrcpts=1",
                None,
                None,
                &mut out
            ),
            Said::Other
        );
        assert!(matches!(
            read(
                "40FA0Axx012345: to=<bob@example.org>, delay=00:00:01",
                None,
                None,
                &mut out
            ),
            Said::Damaged(_)
        ));
        assert!(is_sendmail("sm-mta"));
    }
}
