//! BIGLOBE, a Japanese provider, and the cable operators on its platform (inacatv, tmtv,
//! ttv).
//!
//! The bounce (`From: postmaster@biglobe.ne.jp`, `Subject: Returned mail: ...`):
//!
//! ```text
//!    ----- The following addresses had delivery problems -----
//! kijitora@example.biglobe.ne.jp
//!
//!    ----- Non-delivered information -----
//! The number of messages in recipient's mailbox exceeded the local limit.
//! ```
//!
//! The two causes BIGLOBE writes in its own words are read as the reasons they state.

use bouncedoc_core::Reason;

use super::common::{detected, header_has, recipient, squeeze, text_until};
use super::domino::stated_cause;
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The BIGLOBE detector.
pub struct Biglobe;

const ID: &str = "biglobe";

const PROVIDERS: &[&str] = &[
    "@biglobe.ne.jp",
    "@inacatv.ne.jp",
    "@tmtv.ne.jp",
    "@ttv.ne.jp",
];

const CAUSES: &[(&str, Reason)] = &[
    ("Mail Delivery Failed... User unknown", Reason::Filtered),
    (
        "The number of messages in recipient's mailbox exceeded the local limit.",
        Reason::MailboxFull,
    ),
];

impl Detector for Biglobe {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let from = message.header("from").unwrap_or("");
        if !PROVIDERS.iter().any(|p| from.contains(p))
            || !header_has(message, "subject", &["Returned mail:"])
        {
            return None;
        }
        let text = text_until(message, &["Content-Type: message/rfc822"]);
        let mut lines = text
            .lines()
            .skip_while(|l| !l.holds("----- The following addresses had delivery problems -----"));
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut words: Vec<&str> = Vec::new();
        for line in lines {
            let t = line.trim();
            if t.is_empty() || t.holds("--") {
                continue;
            }
            match parse_address(t).filter(|_| !t.contains(' ')) {
                Some(a) => recipients.push(recipient(Some(a), String::new())),
                None => words.push(t),
            }
        }
        let diagnostic = squeeze(&words.join(" "));
        for r in &mut recipients {
            r.diagnostic = diagnostic.clone();
            r.reason = stated_cause(&r.diagnostic, CAUSES);
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;

    #[test]
    fn mailbox_over_its_limit() {
        let m = corpus("lhost-biglobe-01.eml");
        let d = Biglobe.detect(&m).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("postmaster@mxr.biglobe.ne.jp")
        );
        assert_eq!(d.recipients[0].reason, Some(Reason::MailboxFull));
    }
}
