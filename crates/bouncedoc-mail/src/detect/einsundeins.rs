//! 1&1 / IONOS (<https://www.1und1.de/>), whose mail platform writes the same bounce text as
//! GMX's ([`super::gmx`]): `From: "Mail Delivery System" <mailer-daemon@kundenserver.de>`,
//! `Subject: Mail delivery failed: returning message to sender`:
//!
//! ```text
//! A message that you sent could not be delivered to one or more of
//! its recipients. This is a permanent error. The following address(es)
//! failed:
//!
//! xxxx@example.fr:
//! SMTP error from remote server for TEXT command, host: smtp-in.orange.fr (193.252.22.65)
//! reason: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]
//!
//! --- The header of the original message is following. ---
//! ```
//!
//! or, for its own refusals, the address then `For the following reason:` and the words.

use super::common::header_has;
use super::{Detected, Detector};
use crate::message::Message;

/// The 1&1 detector.
pub struct EinsUndEins;

const ID: &str = "einsundeins";

impl Detector for EinsUndEins {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let from_1and1 = header_has(
            message,
            "from",
            &["@kundenserver.", "@1and1.", "@1und1.", "@ionos."],
        );
        if !from_1and1 {
            return None;
        }
        let recipients = super::gmx::read(message);
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    use crate::detect::common::corpus;

    #[test]
    fn remote_refusal() {
        let d = EinsUndEins
            .detect(&corpus("lhost-einsundeins-03.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("xxxx@xxxx.fr"));
        assert!(
            r.diagnostic
                .ends_with("reason: 550 5.2.0 Mail rejete. Mail rejected. ofr_506 [506]")
        );
        assert_eq!(r.command, Some(SmtpCommand::Data));
    }

    #[test]
    fn own_refusal_with_a_reason_label() {
        let d = EinsUndEins
            .detect(&corpus("lhost-einsundeins-02.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].diagnostic,
            "Mail size limit exceeded. For explanation visit http://postmaster.1and1.com/en/error-messages?ip=%1s"
        );
    }
}
