//! GNU Mailman 3 (<https://list.org/>), a mailing list manager, returning a post it refused.
//!
//! Mailman "bounces" a refused post back to its author (`mailman/app/bounces.py`,
//! `bounce_message`, documented in `src/mailman/app/docs/bounces.rst`): `From:` the list's
//! owner address (`LIST-owner@DOMAIN`), the post's own `Subject`, `Precedence: bulk`, a
//! `multipart/mixed` of a `text/plain` part with the reason and the post as `message/rfc822`:
//!
//! ```text
//! You are not allowed to post to this mailing list, and your message has
//! been automatically rejected.  If you think that your messages are
//! being rejected in error, contact the mailing list owner at
//! LIST-owner@DOMAIN.
//! ```
//!
//! (the reason for a non-member, or for a `From:` domain whose DMARC policy the list
//! mitigates by rejecting, `mailman/rules/dmarc.py`), or `[No bounce details are available]`.
//! The failed recipient is the list: the owner address without `-owner`.

use super::common::{squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Mailman detector.
pub struct Mailman;

const ID: &str = "mailman";

/// The fixed words of Mailman's refusals.
const REASONS: &[&str] = &[
    "You are not allowed to post to this mailing list",
    "[No bounce details are available]",
];

/// The local part suffix of a list's owner address.
const OWNER: &str = "-owner";

/// The list's posting address, from its owner address (`LIST-owner@DOMAIN`).
fn list_of_owner(from: &str) -> Option<String> {
    let address = parse_address(from)?;
    let (local, domain) = address.rsplit_once('@')?;
    let list = local
        .strip_suffix(OWNER)
        .or_else(|| local.strip_suffix("-OWNER"))?;
    (!list.is_empty()).then(|| format!("{list}@{domain}"))
}

impl Detector for Mailman {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let list = list_of_owner(message.header("from")?)?;
        // The refused post travels with the notice.
        message.parts_of("message/rfc822").next()?;
        let text = text_until(message, &[]);
        if !REASONS.iter().any(|r| text.holds(r)) {
            return None;
        }
        let words = squeeze(text);
        Detected::found(ID, vec![super::common::recipient(Some(list), words)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_the_recipient() {
        let raw = b"From: ant-owner@example.com\nTo: aperson@example.com\nSubject: Something important\nPrecedence: bulk\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain; charset=\"us-ascii\"\n\nYou are not allowed to post to this mailing list, and your message has\nbeen automatically rejected.\n--B\nContent-Type: message/rfc822\n\nTo: ant@example.com\nFrom: aperson@example.com\nSubject: Something important\n\nI sometimes say something important.\n--B--\n";
        let m = Message::parse(raw).unwrap();
        let d = Mailman.detect(&m).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("ant@example.com")
        );
        assert!(d.recipients[0].diagnostic.contains("not allowed to post"));
    }

    #[test]
    fn a_list_owner_writing_is_no_refusal() {
        let raw = b"From: ant-owner@example.com\nTo: aperson@example.com\nSubject: hello\n\nWelcome to the list.\n";
        assert!(Mailman.detect(&Message::parse(raw).unwrap()).is_none());
    }
}
