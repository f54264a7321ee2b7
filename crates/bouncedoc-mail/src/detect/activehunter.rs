//! TransWARE Active!hunter, a Japanese mail filter (`X-AHMailID` header).
//!
//! ```text
//!   ----- The following addresses had permanent fatal errors -----
//!
//! >>> kijitora@example.org <kijitora@example.org>
//!
//!   ----- Transcript of session follows -----
//! 550 sorry, no mailbox here by that name (#5.1.1 - chkusr)
//! ```

use super::common::{address_in, detected, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Active!hunter detector.
pub struct ActiveHunter;

const ID: &str = "activehunter";

const OPENING: &str = "----- The following addresses had permanent fatal errors -----";

impl Detector for ActiveHunter {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        message.header("x-ahmailid")?;
        let text = text_until(
            message,
            &[
                "Content-type: message/rfc822",
                "Content-Type: message/rfc822",
            ],
        );
        let mut lines = text.lines().skip_while(|l| !l.holds(OPENING));
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        for line in lines {
            let t = line.trim_end();
            if let Some(rest) = t.strip_prefix(">>> ") {
                // `>>> kijitora@example.org <kijitora@example.org>`: the address in brackets.
                let addr = rest
                    .rfind('<')
                    .and_then(|p| address_in(&rest[p..]))
                    .or_else(|| address_in(rest));
                recipients.extend(addr.map(|a| recipient(Some(a), String::new())));
            } else if t.starts_with(|c: char| c.is_ascii_alphanumeric())
                && let Some(r) = recipients.last_mut()
                && r.diagnostic.is_empty()
            {
                // The first line of the transcript that is not a rule: the server's answer.
                r.diagnostic = squeeze(t);
            }
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn address_and_answer() {
        let r = only_recipient(&ActiveHunter, "lhost-activehunter-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.org"));
        assert_eq!(
            r.diagnostic,
            "550 sorry, no mailbox here by that name (#5.1.1 - chkusr)"
        );
    }
}
