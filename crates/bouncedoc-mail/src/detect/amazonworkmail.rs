//! Amazon WorkMail (<https://aws.amazon.com/workmail/>).
//!
//! WorkMail sends through Amazon SES (`From: MAILER-DAEMON@...amazonses.com`), but its bounce
//! has no delivery-status part: the report's fields are written into the text, after a
//! `Technical report:` line.
//!
//! ```text
//! An error occurred while trying to deliver the mail to the following recipients:
//! kijitora@example.jp
//!
//! Technical report:
//!
//! Reporting-MTA: dsn; a27-85.smtp-out.us-west-2.amazonses.com
//!
//! Action: failed
//! Final-Recipient: rfc822; kijitora@example.jp
//! Diagnostic-Code: smtp; 550 5.1.1 <kijitora@example.jp>... User Unknown
//! Status: 5.1.1
//! ```

use super::common::{address_in, recipient};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::message::Message;
use crate::report::dsn;

/// The Amazon WorkMail detector.
pub struct AmazonWorkMail;

const ID: &str = "amazonworkmail";

/// The first line of the notification.
const NOTICE: &str = "An error occurred while trying to deliver the mail to the following recip";

/// The line that opens the report's fields.
const TECHNICAL_REPORT: &str = "Technical report:";

impl Detector for AmazonWorkMail {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        if !text.holds(NOTICE) {
            return None;
        }
        let lines: Vec<&str> = text.lines().collect();
        let notice = lines
            .iter()
            .position(|l| l.trim_start().starts_with(NOTICE))?;
        let report = lines
            .iter()
            .position(|l| l.trim() == TECHNICAL_REPORT)
            .filter(|&r| r > notice)?;
        let mut recipients = dsn::recipients(&lines[report + 1..].join("\n"));
        if recipients.is_empty() {
            // The list of recipients between the notice and the report.
            recipients = lines[notice + 1..report]
                .iter()
                .filter_map(|l| address_in(l))
                .map(|a| recipient(Some(a), ""))
                .collect();
        }
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::StatusCode;

    use crate::detect::common::corpus;

    #[test]
    fn fields_in_the_text() {
        let d = AmazonWorkMail
            .detect(&corpus("lhost-amazonworkmail-02.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("sabineko@example.jp"));
        assert_eq!(
            r.diagnostic,
            "550 5.2.1 <filtered@example.jp>... User Unknown"
        );
        assert_eq!(r.status, Some(StatusCode::new(5, 2, 1)));
    }

    #[test]
    fn ses_bounce_is_not_workmail() {
        let m = corpus("lhost-amazonses-03.eml");
        assert!(AmazonWorkMail.detect(&m).is_none());
    }
}
