//! "X2" (the reference classifier's name for it): an unidentified mail server descended from qmail (Yahoo! Japan and hosting
//! services).
//!
//! The bounce (`Subject: Delivery failure`, `failure delivery`, `failed delivery`, from
//! `MAILER-DAEMON@...`) keeps qmail's layout of one block per recipient:
//!
//! ```text
//! Message from example.com.
//! Unable to deliver message to the following address(es).
//!
//! <kijitora@example.com>:
//! This user doesn't have a example.com account (kijitora@example.com) [0]
//!
//! --- Original message follows.
//! ```

use super::common::{detected, has_line_beginning, header_has, text_until};
use super::qmail::blocks;
use super::{Detected, Detector};
use crate::message::Message;

/// The QmailLike detector.
pub struct QmailLike;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x2";

const OPENING: &str = "Unable to deliver message to the following address";

impl Detector for QmailLike {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let from = header_has(message, "from", &["MAILER-DAEMON@"]);
        let subject = message.header("subject").is_some_and(|s| {
            ["Delivery failure", "failure delivery", "failed delivery"]
                .iter()
                .any(|p| s.starts_with(p))
        });
        if !(from || subject) {
            return None;
        }
        let text = text_until(message, &["--- Original message follows."]);
        if !has_line_beginning(text, OPENING) {
            return None;
        }
        let recipients = blocks(text, &[OPENING]);
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;

    #[test]
    fn three_blocks() {
        let m = corpus("lhost-x2-02.eml");
        let d = QmailLike.detect(&m).unwrap();
        assert_eq!(d.recipients.len(), 3);
        assert_eq!(
            d.recipients[1].recipient.as_deref(),
            Some("mikeneko@example.com")
        );
        assert!(
            d.recipients[1]
                .diagnostic
                .contains("disabled or discontinued")
        );
    }
}
