//! qmail's `qmail-send` (<https://cr.yp.to/qmail.html>), through syslog (`qmail:`),
//! splogger (a Unix time first) or multilog (a TAI64N label first).
//!
//! A delivery is announced with its number, then its result is logged against that number:
//!
//! ```text
//! starting delivery 12: msg 345678 to remote bob@example.org
//! delivery 12: failure: 192.0.2.25_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>..._User_unknown/Giving_up_on_192.0.2.25./
//! delivery 13: deferral: Connected_to_192.0.2.30_but_greeting_failed./Remote_host_said:_421_4.7.0_Try_later/
//! end msg 345678
//! ```
//!
//! `qmail-remote`'s report has its spaces written as `_` and its line breaks as `/`. The
//! reader keeps the announced deliveries until their result (a small map: qmail runs a few
//! hundred deliveries at a time).

use foldhash::HashMap;

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some};

/// True for qmail's program names in syslog.
pub fn is_qmail(program: &str) -> bool {
    program.starts_with("qmail")
}

/// The deliveries announced and not yet reported: number → (message, recipient).
#[derive(Debug, Default)]
pub struct Qmail {
    pending: HashMap<u64, (String, String)>,
}

/// The most deliveries kept waiting for their result; past it the oldest are forgotten
/// (a log that starts in the middle, or a damaged one, cannot grow the map without end).
const MAX_PENDING: usize = 100_000;

impl Qmail {
    /// Reads one qmail-send line, its TAI64N label or Unix time (if any) still in front.
    pub fn read(
        &mut self,
        line: &str,
        mut time: Option<i64>,
        host: Option<&str>,
        out: &mut Vec<Entry>,
    ) -> Said {
        let mut rest = line;
        if let Some(label) = rest.strip_prefix('@') {
            let (stamp, after) = label.split_once(' ').unwrap_or((label, ""));
            // TAI64N: 2^62 + seconds, then nanoseconds; TAI runs 10 s ahead of UTC (plus leap
            // seconds, which are not counted here).
            if stamp.len() == 24
                && stamp.is_ascii()
                && let Ok(tai) = i64::from_str_radix(&stamp[..16], 16)
            {
                time = Some(tai - (1i64 << 62) - 10);
            }
            rest = after;
        } else if let Some((first, after)) = rest.split_once(' ')
            && first.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && let Some(t) = crate::time::unix(first)
        {
            time = Some(t);
            rest = after;
        }
        if let Some(start) = rest.strip_prefix("starting delivery ") {
            let parsed = (|| {
                let (n, after) = start.split_once(": msg ")?;
                let (msg, after) = after.split_once(" to ")?;
                let (_, recipient) = after.split_once(' ')?;
                Some((
                    n.parse::<u64>().ok()?,
                    msg.to_string(),
                    recipient.to_string(),
                ))
            })();
            let Some((n, msg, recipient)) = parsed else {
                return Said::Damaged(
                    "a qmail `starting delivery` line that cannot be read".into(),
                );
            };
            if self.pending.len() >= MAX_PENDING {
                self.pending.clear();
            }
            self.pending.insert(n, (msg, recipient));
            return Said::Other;
        }
        if let Some(end) = rest.strip_prefix("end msg ") {
            out.push(Entry::QueueGone {
                format: Format::Qmail,
                queue_id: end.trim().to_string(),
                time,
                expired: false,
            });
            return Said::Entries;
        }
        let Some(delivery) = rest.strip_prefix("delivery ") else {
            return Said::Other;
        };
        let Some((n, result)) = delivery.split_once(": ") else {
            return Said::Damaged("a qmail delivery line without its result".into());
        };
        let Ok(n) = n.parse::<u64>() else {
            return Said::Damaged("a qmail delivery line whose number cannot be read".into());
        };
        let (kind, report) = result.split_once(": ").unwrap_or((result, ""));
        let outcome = match kind {
            "success" => Outcome::Delivered,
            "failure" => Outcome::Bounced,
            "deferral" => Outcome::Deferred,
            _ => return Said::Damaged(format!("an unknown qmail delivery result `{kind}`")),
        };
        let mut e = Event::new(Format::Qmail, outcome);
        e.time = time;
        e.host = host.map(str::to_string);
        if let Some((msg, recipient)) = self.pending.remove(&n) {
            e.queue_id = Some(msg);
            e.recipient = Some(recipient);
        }
        if outcome != Outcome::Delivered {
            let said = report
                .split_once("Remote_host_said:_")
                .map(|(_, s)| s.split('/').next().unwrap_or(s));
            let words = decode(report);
            e.command = command_in(&words);
            if let Some(first) = report.split(['_', '/']).next()
                && first.parse::<std::net::IpAddr>().is_ok()
            {
                e.relay = Some(first.to_string());
            } else if let Some((_, after)) = report.split_once("Connected_to_")
                && let Some(ip) = after.split('_').next()
            {
                e.relay = some(ip);
            }
            e.reply = match said {
                Some(s) => some(&decode(s)),
                None => some(&words),
            };
        }
        out.push(Entry::Attempt(e));
        Said::Entries
    }
}

/// A qmail-remote report with its spaces and line breaks back.
fn decode(report: &str) -> String {
    let text: String = report
        .chars()
        .map(|c| if c == '_' || c == '/' { ' ' } else { c })
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn a_label_of_the_right_length_with_multibyte_text_is_no_time() {
        // Found by the read_logs fuzz target: 24 bytes, but a character across byte 16.
        let mut q = Qmail::default();
        let label = "@400000006593b1d\u{fffd}\u{fffd}\u{fffd} delivery 1: deferral: x/";
        q.read(label, None, None, &mut Vec::new());
    }

    #[test]
    fn announced_deliveries_and_their_results() {
        let mut q = Qmail::default();
        let mut out = Vec::new();
        assert_eq!(
            q.read(
                "1705312800.123456 starting delivery 12: msg 345678 to remote bob@example.org",
                None,
                None,
                &mut out
            ),
            Said::Other
        );
        assert_eq!(
            q.read("1705312801.5 delivery 12: failure: 192.0.2.25_does_not_like_recipient./Remote_host_said:_550_5.1.1_<bob@example.org>..._User_unknown/Giving_up_on_192.0.2.25./", None, None, &mut out),
            Said::Entries
        );
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(e.time, Some(1_705_312_801));
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.queue_id.as_deref(), Some("345678"));
        assert_eq!(e.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e.relay.as_deref(), Some("192.0.2.25"));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>... User unknown")
        );
        assert_eq!(e.command, Some(SmtpCommand::Rcpt));
        assert!(q.pending.is_empty());
    }

    #[test]
    fn multilog_labels_and_deferrals() {
        let mut q = Qmail::default();
        let mut out = Vec::new();
        q.read(
            "@400000006593b1d300000000 starting delivery 13: msg 99 to remote carol@example.net",
            None,
            None,
            &mut out,
        );
        q.read("@400000006593b1d300000000 delivery 13: deferral: Connected_to_192.0.2.30_but_greeting_failed./Remote_host_said:_421_4.7.0_Try_again_later/", None, None, &mut out);
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(e.outcome, Outcome::Deferred);
        assert_eq!(e.time, Some(0x6593b1d3 - 10));
        assert_eq!(e.relay.as_deref(), Some("192.0.2.30"));
        assert_eq!(e.command, Some(SmtpCommand::Connect));
        assert_eq!(e.reply.as_deref(), Some("421 4.7.0 Try again later"));
        assert!(matches!(
            q.read("delivery x: failure: y", None, None, &mut out),
            Said::Damaged(_)
        ));
        assert!(matches!(
            q.read("delivery 14: exploded: y", None, None, &mut out),
            Said::Damaged(_)
        ));
        assert_eq!(
            q.read("status: local 0/10 remote 1/20", None, None, &mut out),
            Said::Other
        );
    }
}
