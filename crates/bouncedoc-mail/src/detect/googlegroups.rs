//! Google Groups (<https://groups.google.com/>): the notice that a message could not be
//! posted to a group.
//!
//! `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>`, `X-Failed-Recipients:` the
//! group's address, and a text in the sender's language that points to
//! `https://groups.google.com/support/`:
//!
//! ```text
//! Hello kijitora@example.jp,
//!
//! We're writing to let you know that the group you tried to contact (libsisimai) may not
//! exist, or you may not have permission to post messages to the group. ...
//!
//! ----- Original message -----
//! ```
//!
//! The failed recipient is the group (`X-Failed-Recipients`); the words are the notice.

use super::common::{header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Google Groups detector.
pub struct GoogleGroups;

const ID: &str = "googlegroups";

/// Where the returned message starts.
const ENDS: &[&str] = &["----- Original message -----"];

/// What the notice says in every version: the link to Google Groups, or its fixed sentences
/// ("the group you tried to contact (NAME) may not exist", "any other Google Group").
const MARKERS: &[&str] = &[
    "groups.google.com",
    "the group you tried to contact",
    "or any other Google Group",
];

/// The addresses of an `X-Failed-Recipients` header (comma-separated).
pub(crate) fn failed_recipients(message: &Message) -> Vec<String> {
    message
        .header_all("x-failed-recipients")
        .flat_map(|v| v.split(','))
        .filter_map(parse_address)
        .collect()
}

impl Detector for GoogleGroups {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "from", &["mailer-daemon@googlemail.com"]) {
            return None;
        }
        let text = text_until(message, ENDS);
        // The notice points to groups.google.com, or (for a group of a Google Workspace
        // domain) to the domain's Help Center; its fixed sentences name the group either way.
        if !MARKERS.iter().any(|m| text.holds(m)) {
            return None;
        }
        let words = squeeze(text);
        let recipients: Vec<_> = failed_recipients(message)
            .into_iter()
            .map(|a| recipient(Some(a), words.clone()))
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::corpus;

    #[test]
    fn the_group_is_the_recipient() {
        let d = GoogleGroups
            .detect(&corpus("lhost-googlegroups-14.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("libsisimai@googlegroups.com"));
        assert!(
            r.diagnostic
                .contains("may not have permission to post messages to the group")
        );
        assert!(!r.diagnostic.contains("Original message"));
    }

    #[test]
    fn gmail_is_not_groups() {
        assert!(GoogleGroups.detect(&corpus("lhost-gmail-01.eml")).is_none());
    }
}
