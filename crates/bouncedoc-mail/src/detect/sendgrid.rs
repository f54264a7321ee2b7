//! SendGrid (<https://sendgrid.com/>).
//!
//! An RFC 3464 report (`Subject: Undelivered Mail Returned to Sender`, as Postfix writes it)
//! whose text says "This is an automatically generated message from SendGrid." and whose
//! delivery-status part has SendGrid's own fields (`X-SendGrid-QueueID`). Its `Action` may be
//! `expired` (a value RFC 3464 does not define): SendGrid gave up retrying, the reason is
//! `expired`.
//!
//! ```text
//! Final-Recipient: rfc822; kijitora@example.org
//! Action: expired
//! Status:
//! Diagnostic-Code: Connection timed out
//! ```

use bouncedoc_core::ReportField;

use super::common::{dsn_recipients, dsn_text};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::message::Message;
use crate::report::dsn;

/// The SendGrid detector.
pub struct SendGrid;

const ID: &str = "sendgrid";

fn is_sendgrid(message: &Message) -> bool {
    message
        .report_text()
        .holds("This is an automatically generated message from SendGrid.")
        || dsn_text(message).holds("X-SendGrid-")
}

impl Detector for SendGrid {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !is_sendgrid(message) {
            return None;
        }
        let mut recipients = dsn_recipients(message);
        // The actions in the order of the recipients' blocks: SendGrid writes `expired`,
        // which is no RFC 3464 action, and the DSN reader does not keep it.
        let expired: Vec<bool> = dsn::blocks(&dsn_text(message))
            .iter()
            .filter(|b| {
                b.iter()
                    .any(|f| f.is("final-recipient") || f.is("original-recipient"))
            })
            .map(|b| {
                b.iter()
                    .any(|f| f.is("action") && f.value.trim().eq_ignore_ascii_case("expired"))
            })
            .collect();
        for (r, expired) in recipients.iter_mut().zip(expired) {
            if expired {
                r.fields.push(ReportField {
                    name: "sendgrid.action",
                    value: "expired".to_string(),
                });
            }
        }
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::{corpus, diagnosed_reasons, only_recipient};
    use bouncedoc_core::Reason;

    #[test]
    fn expired_action() {
        let r = &only_recipient(&SendGrid, "lhost-sendgrid-03.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.org"));
        assert_eq!(r.diagnostic, "Connection timed out");
        assert_eq!(
            diagnosed_reasons("lhost-sendgrid-03.eml"),
            [Reason::Expired]
        );
        assert_eq!(r.status, None);
    }

    #[test]
    fn postfix_is_not_sendgrid() {
        assert!(SendGrid.detect(&corpus("lhost-postfix-01.eml")).is_none());
    }
}
