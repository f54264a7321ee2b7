//! "X1" (the reference classifier's name for it): an unidentified mail server (its bounces come from Japanese hosting services).
//!
//! The bounce (`Subject: Returned Mail: ...` or `Mail Delivery Failure`, `From: "Mail
//! Deliver System"`) is a short text with one recipient a line and the cause in brackets:
//!
//! ```text
//! The original message was received at Thu, 29 Apr 2011 23:34:45 +0900 (JST)
//! from shironeko@example.co.jp
//!
//! ---The following addresses had delivery errors---
//!
//! kijitora@example.org [User unknown]
//! ```

use super::common::{address_in, detected, header_has, recipient, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The BracketedCauses detector.
pub struct BracketedCauses;

/// The format's id, as the reference classifier (Sisimai) names it.
const ID: &str = "x1";

impl Detector for BracketedCauses {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let subject = header_has(
            message,
            "subject",
            &["Returned Mail: ", "Mail Delivery Failure"],
        );
        let from = message.header("from").is_some_and(|f| {
            let f = f.to_ascii_lowercase();
            f.holds("mail deliver") && f.holds("system")
        });
        if !(subject || from) {
            return None;
        }
        let text = text_until(message, &["Received: from "]);
        if !text.holds("---The following addresses had delivery errors---") {
            return None;
        }
        let recipients: Vec<RecipientFacts> = text
            .lines()
            .skip_while(|l| !l.starts_with("The original message was received at "))
            .map(str::trim)
            .filter(|l| l.contains('@') && l.holds(" [") && l.ends_with(']'))
            .filter_map(|l| {
                let addr = address_in(l.split(' ').next()?)?;
                Some(recipient(Some(addr), l.to_string()))
            })
            .collect();
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;

    #[test]
    fn address_and_cause_in_brackets() {
        let r = only_recipient(&BracketedCauses, "lhost-x1-02.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.org"));
        assert_eq!(r.diagnostic, "kijitora@example.org [User unknown]");
    }
}
