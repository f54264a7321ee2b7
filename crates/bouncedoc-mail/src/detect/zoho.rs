//! Zoho Mail (<https://www.zoho.com/mail/>).
//!
//! `From: mailer-daemon@mail.zoho.com`, an `X-ZohoMail` header, and a text whose lines
//! about recipients start with the address:
//!
//! ```text
//! This message was created automatically by mail delivery software.
//! A message that you sent could not be delivered to one or more of its recipients. This is
//! a permanent error.
//!
//! kijitora@example.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <kijitora@example.jp>... User Unknown
//!
//! Received:from mail.zoho.com by mx.zohomail.com ...
//! ```
//!
//! or, for a delay, `[Status: Error, Address: <kijitora@example.jp>, ResponseCode 421, ,
//! Host not reachable.]`. The returned message's header follows without a MIME part, from
//! its first `Received:` line.

use super::common::{address_in, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Zoho Mail detector.
pub struct Zoho;

const ID: &str = "zoho";

/// The line that opens the report.
const START: &str = "This message was created automatically by mail delivery";

/// Whether a line opens a recipient's words: the address first, then `ERROR_CODE :`; or the
/// bracketed status of a delay.
fn recipient_line(line: &str) -> Option<String> {
    let t = line.trim();
    if let Some(rest) = t.strip_prefix("[Status: ") {
        return address_in(rest);
    }
    let (first, rest) = t.split_once(' ')?;
    if !rest.holds("ERROR_CODE :") {
        return None;
    }
    address_in(first)
}

impl Detector for Zoho {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        message.header("x-zohomail")?;
        let text = message.report_text();
        let lines: Vec<&str> = text.lines().collect();
        let start = lines.iter().position(|l| l.starts_with(START))?;
        let mut found: Vec<(String, Vec<&str>)> = Vec::new();
        for line in &lines[start + 1..] {
            let t = line.trim();
            // The returned message's header starts here.
            if t.starts_with("Received:") {
                break;
            }
            if let Some(a) = recipient_line(t) {
                found.push((a, vec![t]));
            } else if !t.is_empty()
                && !t.starts_with("-----")
                && let Some((_, words)) = found.last_mut()
            {
                words.push(t);
            }
        }
        let recipients: Vec<RecipientFacts> = found
            .into_iter()
            .map(|(a, words)| super::common::recipient(Some(a), squeeze(&words.join(" "))))
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::only_recipient;

    #[test]
    fn one_recipient_before_the_returned_header() {
        let r = &only_recipient(&Zoho, "lhost-zoho-01.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.co.jp"));
        assert_eq!(
            r.diagnostic,
            "kijitora@example.co.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <kijitora@example.co.jp>... User Unknown"
        );
    }

    #[test]
    fn delay_status_line() {
        let raw = b"From: mailer-daemon@mail.zoho.com\nX-ZohoMail: Si\nSubject: Undelivered Mail\n\nThis message was created automatically by mail delivery software.\n\n[Status: Error, Address: <kijitora@example.jp>, ResponseCode 421, , Host not reachable.]\n\nReceived:from mail.zoho.com by mx.zohomail.com\n";
        let d = Zoho.detect(&Message::parse(raw).unwrap()).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp")
        );
        assert!(d.recipients[0].diagnostic.contains("Host not reachable"));
    }
}
