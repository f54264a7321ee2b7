//! KDDI's mail services for au and DION (`@dion.ne.jp`, `auone-net.jp`).
//!
//! Sent from `...@...dion.ne.jp` or through `auone-net.jp` (`Received`, `Message-ID`), a
//! short English text:
//!
//! ```text
//! Your mail sent on: Thu, 29 Apr 2013 00:00:00 +0900
//!      Could not be delivered to: <kijitora@example.dion.ne.jp>
//!      As their mailbox is full.
//! ```
//!
//! The words for a recipient are the lines from its `Could not be delivered to:` to the
//! next recipient or the end of the paragraph.

use super::common::{TextSearch, address_in, header_contains, header_has, recipient, squeeze};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The KDDI detector.
pub struct Kddi;

const ID: &str = "kddi";

/// The line that names a recipient.
const RECIPIENT: &str = "Could not be delivered to:";

fn is_kddi(message: &Message) -> bool {
    header_has(message, "from", &["dion.ne.jp", "auone-net.jp"])
        || header_has(message, "message-id", &["auone-net.jp>"])
        || header_contains(message, "received", ".auone-net.jp (")
}

impl Detector for Kddi {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        // (No recipient without its line: the cheaper test first.)
        if !text.holds(RECIPIENT) || !is_kddi(message) {
            return None;
        }
        let mut found: Vec<(String, Vec<&str>)> = Vec::new();
        let mut open = false;
        for line in text.lines() {
            let t = line.trim();
            if t.is_empty() {
                open = false;
                continue;
            }
            if t.starts_with(RECIPIENT)
                && let Some(a) = address_in(t)
            {
                found.push((a, vec![t]));
                open = true;
            } else if open && let Some((_, words)) = found.last_mut() {
                words.push(t);
            }
        }
        let recipients: Vec<RecipientFacts> = found
            .into_iter()
            .map(|(a, words)| recipient(Some(a), squeeze(&words.join(" "))))
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::only_recipient;

    #[test]
    fn mailbox_full() {
        let r = &only_recipient(&Kddi, "lhost-kddi-03.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("kijitora@00000000000000.dion.ne.jp")
        );
        assert_eq!(
            r.diagnostic,
            "Could not be delivered to: <kijitora@00000000000000.dion.ne.jp> As their mailbox is full."
        );
    }
}
