//! Verizon Wireless's mail gateways: `vtext.com` (SMS) and `vzwpix.com` (MMS).
//!
//! vzwpix.com (`From: ... <sysadmin@...vzwpix.com>`) answers with the error and the original
//! headers:
//!
//! ```text
//! Message could not be delivered to mobile.
//! Error: No valid recipients for this MM
//!
//! Original Message:
//! To: 0000000000@vzwpix.com
//! ```
//!
//! vtext.com (`From: post_master@vtext.com`) writes the error, then "Message details:" with
//! `RCPT TO:`. Both errors mean that the number does not take mail: the gateway states it,
//! and it is read as an unknown user.

use super::apachejames::message_details;
use super::common::{address_in, detected, header_contains, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Verizon detector.
pub struct Verizon;

const ID: &str = "verizon";

impl Detector for Verizon {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let from = message.header("from").unwrap_or("").to_ascii_lowercase();
        let vtext = from.holds("post_master@vtext.com")
            && header_contains(message, "received", ".vtext.com (");
        let vzwpix = from.holds("sysadmin@") && from.holds(".vzwpix.com");
        let recipients: Vec<RecipientFacts> = if vtext {
            message_details(text_until(message, &["Content-Type: message/rfc822"]))
        } else if vzwpix {
            let text = message.report_text();
            if !text.holds("Message could not be delivered to mobile") {
                return None;
            }
            let error = text
                .lines()
                .find_map(|l| l.strip_prefix("Error: "))
                .map(squeeze)
                .unwrap_or_default();
            text.lines()
                .skip_while(|l| !l.starts_with("Original Message:"))
                .filter_map(|l| l.strip_prefix("To: "))
                .filter_map(address_in)
                .map(|a| recipient(Some(a), error.clone()))
                .collect()
        } else {
            return None;
        };
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{diagnosed_reasons, only_recipient};
    use bouncedoc_core::Reason;

    #[test]
    fn mms_gateway() {
        let r = &only_recipient(&Verizon, "lhost-verizon-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("0000000000@vzwpix.com"));
        assert_eq!(r.diagnostic, "No valid recipients for this MM");
        assert_eq!(
            diagnosed_reasons("lhost-verizon-01.eml"),
            [Reason::UserUnknown]
        );
    }
}
