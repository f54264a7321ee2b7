//! MXLogic (McAfee SaaS Email Protection), a hosted filter built on Exim.
//!
//! Its bounce is Exim's, with the address in angle brackets on the line of the error and a
//! copy of the returned message's header instead of the message:
//!
//! ```text
//! This message was created automatically by mail delivery software.
//!
//! A message that you have sent could not be delivered to one or more
//! recipients.  This is a permanent error.  The following address failed:
//!
//!   <kijitora@example.co.jp>: 550 5.1.1 <kijitora@example.co.jp>: Recipient address rejected
//!
//! Included is a copy of the message header:
//! ```
//!
//! It is recognized by its headers (`X-MX-Bounce`, `X-MXL-Hash`, `X-MXL-NoteHash`) or its
//! `Message-ID` (`<mxl~...>`).

use super::common::detected;
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::message::Message;

/// The MXLogic detector.
pub struct MxLogic;

const ID: &str = "mxlogic";

impl Detector for MxLogic {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let headers = ["x-mx-bounce", "x-mxl-hash", "x-mxl-notehash"]
            .iter()
            .any(|h| message.header(h).is_some());
        let id = message
            .header("message-id")
            .is_some_and(|i| i.holds("<mxl~"));
        if !headers && !id {
            return None;
        }
        let recipients = super::exim::read(message, true);
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn bracketed_address() {
        let r = &only_recipient(&MxLogic, "lhost-mxlogic-03.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.co.jp"));
        assert!(r.diagnostic.starts_with("550 unknown user"));
    }
}
