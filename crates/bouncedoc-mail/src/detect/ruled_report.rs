//! "X3" (the reference classifier's name for it): an unidentified mail server whose reports are framed by rules of `=`.
//!
//! The bounce (`From: Mail Delivery System`, `Subject: Delivery status notification`):
//!
//! ```text
//!       This is an automatically generated Delivery Status Notification.
//!
//! Delivery to the following recipients failed permanently:
//!
//!    * kijitora@example.com
//!
//! ============================================================================
//!                             Technical details:
//!
//! SMTP:RCPT host 192.0.2.8: 553 5.3.0 <kijitora@example.com>... No such user here
//! ```
//!
//! `SMTP:<command>` names the command the remote server refused. Some versions add an
//! RFC 3464 part, whose fields complete the text.

use super::common::{
    SameRecipients, address_in, detected, dsn_recipients, header_has, recipient, smtp_command,
    squeeze,
};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;
use std::collections::HashMap;

/// The RuledReport detector.
pub struct RuledReport;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x3";

const OPENING: &str = "This is an automatically generated Delivery Status Notification.";

/// The most details a recipient that no detail names is given.
const MAX_SHARED_DETAILS: usize = 4;

/// The addresses a technical detail names (`<kijitora@example.com>`, `kijitora@example.com:`),
/// in lower case.
fn address_keys(detail: &str) -> impl Iterator<Item = String> + '_ {
    detail
        .split(|c: char| c.is_whitespace() || "<>()[],;\"'".contains(c))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| w.contains('@') && !w.starts_with('@') && !w.ends_with('@'))
        .map(str::to_ascii_lowercase)
}

/// The details that name each address, by the address in lower case (looked up once per
/// recipient, not searched for in every detail).
fn details_by_address(details: &[&str]) -> HashMap<String, Vec<usize>> {
    let mut by: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in details.iter().enumerate() {
        for key in address_keys(d) {
            let at = by.entry(key).or_default();
            if at.last() != Some(&i) {
                at.push(i);
            }
        }
    }
    by
}

/// The SMTP command the first `SMTP:<command>` detail names.
fn command_of(details: &[&str]) -> Option<bouncedoc_core::SmtpCommand> {
    details
        .iter()
        .find_map(|d| d.strip_prefix("SMTP:"))
        .and_then(|c| smtp_command(c.split(' ').next().unwrap_or("")))
}

impl Detector for RuledReport {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "from", &["Mail Delivery System"])
            || !header_has(message, "subject", &["Delivery status notification"])
        {
            return None;
        }
        let text = message.report_text();
        let mut lines = text.lines().skip_while(|l| l.trim() != OPENING);
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut details: Vec<&str> = Vec::new();
        for line in lines {
            let t = line.trim();
            if let Some(rest) = t.strip_prefix("* ")
                && line.starts_with("  ")
                && let Some(addr) = address_in(rest)
            {
                recipients.push(recipient(Some(addr), String::new()));
            } else if t.starts_with("SMTP:") || t.starts_with("Routing: ") {
                details.push(t);
            }
        }
        let dsn = dsn_recipients(message);
        let same = SameRecipients::new(&dsn);
        let by_address = details_by_address(&details);
        // The words of a recipient that no detail names: the details that name no address,
        // else the first ones; joined once, and no more than a few, so that many recipients
        // and many details cost their sum, not their product.
        let shared = {
            let unnamed: Vec<&str> = details
                .iter()
                .copied()
                .filter(|d| address_keys(d).next().is_none())
                .take(MAX_SHARED_DETAILS)
                .collect();
            if unnamed.is_empty() {
                details.iter().copied().take(MAX_SHARED_DETAILS).collect()
            } else {
                unnamed
            }
        };
        let shared_words = squeeze(&shared.join(" "));
        let shared_command = command_of(&shared);
        for r in &mut recipients {
            let own: Option<Vec<&str>> = r
                .recipient
                .as_deref()
                .and_then(|a| by_address.get(&a.to_ascii_lowercase()))
                .map(|at| at.iter().map(|&i| details[i]).collect());
            match own {
                Some(own) => {
                    r.diagnostic = squeeze(&own.join(" "));
                    r.command = command_of(&own);
                }
                None => {
                    r.diagnostic = shared_words.clone();
                    r.command = shared_command;
                }
            }
            if let Some(d) = same.get(r.recipient.as_deref()) {
                r.status = d.status;
                r.action = d.action;
                if !d.diagnostic.is_empty() {
                    r.diagnostic = squeeze(&format!("{} {}", r.diagnostic, d.diagnostic));
                }
            }
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, only_recipient};
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn technical_details() {
        let r = &only_recipient(&RuledReport, "lhost-x3-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.com"));
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        assert!(
            r.diagnostic
                .starts_with("SMTP:RCPT host 192.0.2.8: 553 5.3.0")
        );
    }

    /// A report of `n` recipients, each with its own technical detail (`named`) or with
    /// details that name nobody.
    fn many(n: usize, named: bool) -> Message {
        let mut raw = String::from(
            "From: Mail Delivery System <MAILER-DAEMON@example.org>\nSubject: Delivery status notification\n\n      This is an automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed permanently:\n\n",
        );
        for i in 0..n {
            raw.push_str(&format!("   * user{i}@example.com\n"));
        }
        raw.push_str("\n====\n                            Technical details:\n\n");
        for i in 0..n {
            if named {
                raw.push_str(&format!(
                    "SMTP:RCPT host 192.0.2.8: 550 5.1.1 <user{i}@example.com>... No such user {i}\n"
                ));
            } else {
                raw.push_str(&format!("SMTP:DATA host 192.0.2.8: 554 refused, try {i}\n"));
            }
        }
        Message::parse(raw.as_bytes()).unwrap()
    }

    /// 25,000 recipients and 25,000 details (50,000 lines): each recipient's detail is looked
    /// up, not searched for in every detail (which made 625 million searches, minutes of
    /// work), and details that name nobody are shared in a bounded number (all of them, for
    /// every recipient, made 25,000 copies of a text of 25,000 lines).
    #[test]
    fn many_recipients_and_details_are_read_in_linear_work() {
        let n = 25_000;
        let d = RuledReport.detect(&many(n, true)).unwrap();
        assert_eq!(d.recipients.len(), n);
        for (i, r) in d.recipients.iter().enumerate().step_by(997) {
            assert_eq!(
                r.recipient.as_deref(),
                Some(format!("user{i}@example.com").as_str())
            );
            assert!(
                r.diagnostic.ends_with(&format!("No such user {i}")),
                "{}",
                r.diagnostic
            );
            assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        }
        let d = RuledReport.detect(&many(n, false)).unwrap();
        assert_eq!(d.recipients.len(), n);
        let total: usize = d.recipients.iter().map(|r| r.diagnostic.len()).sum();
        // Bounded words per recipient: the sum grows with the recipients, not their square.
        assert!(
            total <= n * MAX_SHARED_DETAILS * 64,
            "{total} bytes of words"
        );
        assert!(d.recipients[n - 1].diagnostic.starts_with("SMTP:DATA"));
        assert_eq!(d.recipients[0].command, Some(SmtpCommand::Data));
    }

    #[test]
    fn report_part_completes_the_text() {
        let d = RuledReport.detect(&corpus("lhost-x3-06.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.diagnostic, "552 5.2.2 Over quota");
        assert_eq!(r.status.map(|s| s.to_string()).as_deref(), Some("5.1.1"));
    }
}
