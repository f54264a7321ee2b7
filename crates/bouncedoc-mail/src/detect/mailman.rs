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
//! Mailman 2 (`Mailman/Bouncer.py` BounceMessage, the same layout) refuses a non-member with
//! "Your message has been rejected, probably because you are not subscribed to the mailing
//! list and the list's policy is to prohibit non-members from posting to it."
//! (`Mailman/Handlers/Moderate.py`, do_reject), wrapped to the list's line width.
//!
//! A moderator's refusal of a post (Mailman 2 `Mailman/ListAdmin.py`, Mailman 3
//! `src/mailman/app/docs/moderator.rst`): `Subject: Request to mailing list NAME rejected`, `From:` the
//! list's owner (Mailman 2) or bounces address (Mailman 3), and
//!
//! ```text
//! Your request to the LIST mailing list
//!
//!     Posting of your message titled "..."
//!
//! has been rejected by the list moderator.  The moderator gave the
//! following reason for rejecting your request:
//! ```
//!
//! then Mailman 2 quotes the post after `---------- Original Message ----------`. The same
//! words refuse a subscription or unsubscription request ("Subscription request" in place of
//! "Posting of your message titled"): that is no bounce, and is left alone.
//!
//! The failed recipient is the list: the address the refusal names when it is a whole
//! address (Mailman 3), else the sender's address without `-owner` or `-bounces`.

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
    // Mailman 2's own refusal of a non-member (`Mailman/Handlers/Moderate.py`, do_reject).
    "Your message has been rejected, probably because you are not subscribed to the mailing list",
];

/// The fixed words of a moderator's refusal.
const REFUSED: &str = "has been rejected by the list moderator.";

/// What a refused post is called in the refusal (the same text refuses a subscription or an
/// unsubscription request, which is no bounce).
const POSTING: &str = "Posting of your message titled";

/// Where Mailman 2 quotes the refused post.
const ENDS: &[&str] = &["---------- Original Message ----------"];

/// The local part suffixes of the addresses a list writes from.
const SENDERS: &[&str] = &["-owner", "-bounces"];

/// The list's posting address, from the address it writes from (`LIST-owner@DOMAIN`).
fn list_of_sender(from: &str) -> Option<String> {
    let address = parse_address(from)?;
    let (local, domain) = address.rsplit_once('@')?;
    let lower = local.to_ascii_lowercase();
    let suffix = SENDERS.iter().find(|s| lower.ends_with(*s))?;
    let list = &local[..local.len() - suffix.len()];
    (!list.is_empty()).then(|| format!("{list}@{domain}"))
}

/// The list a refusal names as a whole address ("Your request to the LIST mailing list").
fn named_list(text: &str) -> Option<String> {
    let at = text.find("Your request to the ")? + "Your request to the ".len();
    let name = text[at..].split_whitespace().next()?;
    name.contains('@').then(|| parse_address(name)).flatten()
}

impl Detector for Mailman {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let sender_list = list_of_sender(message.header("from")?)?;
        let text = text_until(message, ENDS);
        let list = if text.holds(REFUSED) {
            if !text.holds(POSTING) {
                return None;
            }
            named_list(text).unwrap_or(sender_list)
        } else {
            // The refused post travels with the notice.
            message.parts_of("message/rfc822").next()?;
            let squeezed = squeeze(text);
            if !REASONS.iter().any(|r| squeezed.holds(r)) {
                return None;
            }
            sender_list
        };
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
    fn a_moderator_refusal_names_the_list() {
        let raw = b"From: alist-bounces@example.com\nTo: aperson@example.org\nSubject: Request to mailing list \"A Test List\" rejected\n\nYour request to the alist@example.com mailing list\n\n    Posting of your message titled \"Something important\"\n\nhas been rejected by the list moderator.  The moderator gave the\nfollowing reason for rejecting your request:\n\n\"Off topic\"\n";
        let d = Mailman.detect(&Message::parse(raw).unwrap()).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("alist@example.com")
        );
    }

    #[test]
    fn a_refused_subscription_is_no_bounce() {
        let raw = b"From: ant-bounces@example.com\nTo: gwen@example.org\nSubject: Request to mailing list \"A Test List\" rejected\n\nYour request to the ant@example.com mailing list\n\n    Subscription request\n\nhas been rejected by the list moderator.  The moderator gave the\nfollowing reason for rejecting your request:\n\n\"This is a closed list\"\n";
        assert!(Mailman.detect(&Message::parse(raw).unwrap()).is_none());
    }

    #[test]
    fn a_list_owner_writing_is_no_refusal() {
        let raw = b"From: ant-owner@example.com\nTo: aperson@example.com\nSubject: hello\n\nWelcome to the list.\n";
        assert!(Mailman.detect(&Message::parse(raw).unwrap()).is_none());
    }
}
