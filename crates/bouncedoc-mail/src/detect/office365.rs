//! Microsoft 365 / Exchange Online (`*.onmicrosoft.com`, `*.prod.outlook.com`,
//! `*.mail.protection.outlook.com`).
//!
//! Exchange Online writes the report of Exchange Server ([`super::exchange2007`]): an RFC
//! 3464 report, or only its text, with a section for administrators:
//!
//! ```text
//! Diagnostic information for administrators:
//!
//! Generating server: NEKOCHAN.example.prod.outlook.com
//!
//! kijitora@example.onmicrosoft.com
//! Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'
//! ```
//!
//! It is told from an on-premises server by where it comes from: a `Generating server` in
//! `outlook.com`, a sender at `outlook.com` or `onmicrosoft.com`, or the headers Exchange
//! Online stamps (`X-MS-Exchange-CrossTenant-*`, `X-MS-Office365-*`), also when the report
//! is relayed by another service.

use super::common::header_has;
use super::exchange2007::{exchange_report, read};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::message::Message;

/// The Microsoft 365 detector.
pub struct Office365;

const ID: &str = "office365";

fn from_exchange_online(message: &Message) -> bool {
    let text = message.report_text();
    let generating = text.holds("Generating server:")
        && text.lines().any(|l| {
            let l = l.trim();
            l.starts_with("Generating server:") && l.to_ascii_lowercase().ends_with(".outlook.com")
        });
    generating
        || header_has(message, "from", &["@outlook.com", ".onmicrosoft.com"])
        || message.headers().iter().any(|(k, _)| {
            let starts = |p: &str| k.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
            // (Most names start otherwise: one byte tells them apart first.)
            k.as_bytes()
                .first()
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'x'))
                && (starts("x-ms-exchange-crosstenant-") || starts("x-ms-office365-"))
        })
}

impl Detector for Office365 {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !from_exchange_online(message) {
            return None;
        }
        let entries = exchange_report(message)?;
        let recipients = read(message, entries);
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::{corpus, only_recipient};

    #[test]
    fn text_only_report() {
        let r = &only_recipient(&Office365, "lhost-office365-02.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("kijitora@example.onmicrosoft.com")
        );
        assert_eq!(
            r.diagnostic,
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"
        );
    }

    #[test]
    fn on_premises_is_not_office365() {
        assert!(
            Office365
                .detect(&corpus("lhost-exchange2007-01.eml"))
                .is_none()
        );
    }
}
