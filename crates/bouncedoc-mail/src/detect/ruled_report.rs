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

/// The RuledReport detector.
pub struct RuledReport;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x3";

const OPENING: &str = "This is an automatically generated Delivery Status Notification.";

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
        for r in &mut recipients {
            // The technical details that name this recipient, else all of them.
            let own: Vec<&str> = details
                .iter()
                .copied()
                .filter(|d| r.recipient.as_deref().is_some_and(|a| d.contains(a)))
                .collect();
            let words = if own.is_empty() { &details } else { &own };
            r.diagnostic = squeeze(&words.join(" "));
            r.command = words
                .iter()
                .find_map(|d| d.strip_prefix("SMTP:"))
                .and_then(|c| smtp_command(c.split(' ').next().unwrap_or("")));
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

    #[test]
    fn report_part_completes_the_text() {
        let d = RuledReport.detect(&corpus("lhost-x3-06.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.diagnostic, "552 5.2.2 Over quota");
        assert_eq!(r.status.map(|s| s.to_string()).as_deref(), Some("5.1.1"));
    }
}
