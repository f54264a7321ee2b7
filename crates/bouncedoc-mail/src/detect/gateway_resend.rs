//! "X5" (the reference classifier's name for it): a delivery report re-sent by a gateway (a Trend Micro scanner, `X-TM-AS-MML`) as
//! the attachment of a notice of its own.
//!
//! The outer message (`To: NotificationRecipients`) says only "The following addresses had
//! permanent delivery errors"; the attached `message/rfc822` is the original bounce, with
//! its RFC 3464 part. That inner report is read as a bounce of its own.

use super::{Detected, Detector};
use crate::bounce::{Kind, read_message};
use crate::detect::common::TextSearch;
use crate::message::Message;

/// The GatewayResend detector.
pub struct GatewayResend;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x5";

impl Detector for GatewayResend {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let notice = message
            .header("to")
            .is_some_and(|t| t.holds("NotificationRecipients"))
            || message.header("x-tm-as-mml").is_some();
        if !notice
            || !message
                .report_text()
                .holds("The following addresses had permanent delivery errors")
        {
            return None;
        }
        let attached = message.parts_of("message/rfc822").next()?;
        let inner = Message::parse(attached.text().as_bytes()).ok()?;
        inner.parts_of("message/delivery-status").next()?;
        let bounce = read_message(&inner);
        (bounce.kind == Kind::Bounce && !bounce.recipients.is_empty()).then_some(Detected {
            detector: ID,
            mta: Some(ID),
            recipients: bounce.recipients,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn attached_report() {
        let r = &only_recipient(&GatewayResend, "lhost-x5-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@neko.example.org"));
        assert_eq!(r.status.map(|s| s.to_string()).as_deref(), Some("5.1.1"));
        assert!(
            r.diagnostic.ends_with("550 5.1.1 User unknown"),
            "{}",
            r.diagnostic
        );
    }
}
