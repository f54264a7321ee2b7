//! Microsoft Exchange Server 5.5 to 2003 and its Internet Mail Service / Connector.
//!
//! Recognized by its headers (`X-MS-Embedded-Report`, `X-Mailer: Internet Mail Service (...)`
//! or `Microsoft Exchange Server Internet Mail Connector`, `X-MimeOLE: Produced By Microsoft
//! Exchange`, a `Received: ... with Internet Mail Service (...)`), the report is text:
//!
//! ```text
//! Your message
//!
//!   To:      shironeko@example.jp
//!   Subject: Nyaan
//!   Sent:    Thu, 29 Apr 2010 00:00:00 -0000
//!
//! did not reach the following recipient(s):
//!
//! kijitora@example.jp on Thu, 29 Apr 2010 00:00:00 -0000
//!     The recipient name is not recognized
//!     The MTS-ID of the original message is: c=jp;a= ;p=neko
//! ;l=EXCHANGE000000000000000000
//!     MSEXCH:IMS:NNN:KIJITORACAT:NEKO 0 (000C05A6) Unknown Recipient
//! ```
//!
//! The line `MSEXCH:...` ends with Exchange's own diagnostic code in parentheses, which
//! Exchange documents with a cause (`000C05A6` Unknown Recipient, `000C0595` Ambiguous
//! Recipient, ...); the knowledge base reads it (`servers/exchange.toml`). The `MTS-ID` lines are
//! message identifiers, not words about the failure.

use super::common::{TextSearch, address_in, dsn_text, header_contains, recipient, squeeze};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The Exchange 2003 detector.
pub struct Exchange2003;

const ID: &str = "exchange2003";

/// Lines that open the list of recipients.
const LIST: &[&str] = &[
    "did not reach the following recipient(s):",
    "The following recipient(s) could not be reached:",
];

/// Where the returned message starts, when it is not a MIME part.
const ORIGINAL: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-type: message/rfc822",
];

fn is_exchange2003(message: &Message) -> bool {
    let starts = |name: &str, prefixes: &[&str]| {
        message.header_all(name).any(|v| {
            let v = v.trim();
            prefixes.iter().any(|p| v.starts_with(p))
        })
    };
    message.header("x-ms-embedded-report").is_some()
        || starts(
            "x-mailer",
            &[
                "Internet Mail Service (",
                "Microsoft Exchange Server Internet Mail Connector",
            ],
        )
        || starts("x-mimeole", &["Produced By Microsoft Exchange"])
        || header_contains(message, "received", " with Internet Mail Service (")
        || by_its_text(message.report_text())
}

/// A report whose headers were lost or rewritten on the way (a relay, a forward) is still
/// known by its text: a list line of [`LIST`] and Exchange's own diagnostic line
/// (`MSEXCH:IMS:...`, or `<host #5.1.1 smtp;550 ...>`).
fn by_its_text(text: &str) -> bool {
    LIST.iter().any(|l| text.holds(l))
        && (text.holds("MSEXCH:") || text.holds(" #5.") || text.holds(" #4."))
}

/// `Kanri Bu on 12/9/2026 4:22 PM`: a recipient named by its display name only (Exchange
/// 2000 writes the name of a directory entry, KB 323484). The name has no `@`, and a date
/// follows ` on `.
fn display_name_line(line: &str) -> Option<&str> {
    if !line.starts_with([' ', '\t']) {
        return None;
    }
    let (head, date) = line.trim().split_once(" on ")?;
    let head = head.trim();
    (!head.is_empty()
        && !head.contains('@')
        && head.split_whitespace().count() <= 4
        && date.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    .then_some(head)
}

/// The address the report part gives for a display name (`X-Display-Name:`).
fn address_of_display_name(message: &Message, name: &str) -> Option<String> {
    let dsn = dsn_text(message);
    crate::report::dsn::blocks(&dsn).iter().find_map(|b| {
        let named = b
            .iter()
            .any(|f| f.is("x-display-name") && f.value.trim().eq_ignore_ascii_case(name));
        named
            .then(|| b.iter().find(|f| f.is("final-recipient")))
            .flatten()
            .and_then(|f| crate::facts::parse_address(&f.value))
    })
}

/// `kijitora@example.jp on Thu, 29 Apr 2010 ...`: the address that opens a recipient's lines.
fn recipient_line(line: &str) -> Option<String> {
    let t = line.trim();
    let (head, _) = t.split_once(" on ")?;
    if head.contains(' ') {
        return None;
    }
    address_in(head)
}

impl Detector for Exchange2003 {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        // (A report without a list line is none of Exchange 2003's, whatever its headers:
        // the cheaper test first.)
        if !LIST.iter().any(|l| text.holds(l)) || !is_exchange2003(message) {
            return None;
        }
        let lines: Vec<&str> = text
            .lines()
            .take_while(|l| !ORIGINAL.iter().any(|o| l.starts_with(o)))
            .collect();
        let start = lines
            .iter()
            .position(|l| LIST.iter().any(|m| l.contains(m)))?;
        let mut found: Vec<(Option<String>, Vec<&str>)> = Vec::new();
        let mut in_mts_id = false;
        for line in &lines[start + 1..] {
            if let Some(a) = recipient_line(line) {
                found.push((Some(a), Vec::new()));
                in_mts_id = false;
                continue;
            }
            // A recipient without an address in the text still opens its own lines, so
            // that its words are not taken as the words of the one above.
            if let Some(name) = display_name_line(line) {
                found.push((address_of_display_name(message, name), Vec::new()));
                in_mts_id = false;
                continue;
            }
            let t = line.trim();
            if t.is_empty() {
                continue;
            }
            // `The MTS-ID of the original message is: c=jp;a= ;p=neko` and its folded tail
            // (`;l=...`) identify the message only.
            if t.starts_with("The MTS-ID of the original message is") {
                in_mts_id = true;
                continue;
            }
            if in_mts_id && t.starts_with(';') {
                continue;
            }
            in_mts_id = false;
            if let Some((_, words)) = found.last_mut() {
                words.push(t);
            }
        }
        let recipients: Vec<RecipientFacts> = found
            .into_iter()
            .filter(|(address, _)| address.is_some())
            .map(|(address, words)| recipient(address, squeeze(&words.join(" "))))
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::{corpus, diagnosed_reasons};
    use bouncedoc_core::Reason;

    /// Without Exchange's headers, its list line and diagnostic line still tell it.
    #[test]
    fn known_by_its_text() {
        let raw = b"From: System Administrator <postmaster@example.org>\nSubject: Undeliverable: x\n\nYour message\n\ndid not reach the following recipient(s):\n\nkijitora@example.jp on Sat, 21 Nov 2026 07:07:05 +0900\n    The recipient name is not recognized\n    MSEXCH:IMS:NEKO:SITE:EXCH 0 (000C05A6) Unknown Recipient\n";
        let d = Exchange2003.detect(&Message::parse(raw).unwrap()).unwrap();
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp")
        );
        assert!(!by_its_text(
            "did not reach the following recipient(s): see the note"
        ));
    }

    #[test]
    fn two_recipients_with_exchange_codes() {
        let d = Exchange2003
            .detect(&corpus("lhost-exchange2003-02.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 2);
        let r = &d.recipients[1];
        assert_eq!(r.recipient.as_deref(), Some("mikeneko@example.co.jp"));
        assert_eq!(
            r.diagnostic,
            "The recipient name is not recognized MSEXCH:IMS:KIJITORA CAT:EXAMPLE:EXCHANGE 0 (000C05A6) Unknown Recipient"
        );
        assert_eq!(
            diagnosed_reasons("lhost-exchange2003-02.eml")[1],
            Reason::UserUnknown
        );
    }

    #[test]
    fn found_by_the_received_header_only() {
        let d = Exchange2003
            .detect(&corpus("lhost-exchange2003-03.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("kijitora@example.jp")
        );
    }

    #[test]
    fn connector_without_a_code() {
        let d = Exchange2003
            .detect(&corpus("lhost-exchange2003-04.eml"))
            .unwrap();
        let r = &d.recipients[0];
        assert_eq!(
            r.diagnostic,
            "Recipient Not Found MSEXCH:IMC:NEKO:KIJITORA:CAT"
        );
    }

    /// Exchange 2000 (KB 323484) names a directory entry by its display name; the report
    /// part gives its address, and its words stay its own.
    #[test]
    fn display_name_only_recipient() {
        let raw = b"From: postmaster@example.jp\nSubject: Undeliverable: x\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nYour message did not reach some or all of the intended recipients.\n\nThe following recipient(s) could not be reached:\n\n      a@example.net on 12/9/2026 4:22 PM\n            The e-mail account does not exist.\n            <mx.example.net #5.1.1>\n\n      Sales Team on 12/9/2026 4:22 PM\n            The recipient's mailbox is full.\n            <gw.example.jp #5.2.2>\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;gw.example.jp\n\nFinal-Recipient: rfc822;a@example.net\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822;sales@example.jp\nAction: failed\nStatus: 5.2.2\nX-Display-Name: Sales Team\n\n--B--\n";
        let m = Message::parse(raw).unwrap();
        let d = Exchange2003.detect(&m).unwrap();
        assert_eq!(d.recipients.len(), 2);
        assert!(!d.recipients[0].diagnostic.contains("full"));
        assert_eq!(
            d.recipients[1].recipient.as_deref(),
            Some("sales@example.jp")
        );
        assert!(d.recipients[1].diagnostic.contains("#5.2.2"));
    }
}
