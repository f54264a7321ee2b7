//! Oracle Communications Messaging Server (formerly Sun Java System Messaging Server,
//! iPlanet, and PMDF before them).
//!
//! The bounce (`Subject: Delivery Notification: Delivery has failed`, MIME boundaries named
//! `Boundary_(ID_...)`) describes each recipient in indented fields, then adds an RFC 3464
//! part:
//!
//! ```text
//! Your message cannot be delivered to the following recipients:
//!
//!   Recipient address: kijitora@example.jp
//!   Reason: Remote SMTP server has rejected address
//!   Diagnostic code: smtp;550 5.1.1 <kijitora@example.jp>... User Unknown
//!   Remote system: dns;mx.example.jp (TCP|192.0.2.1|47323|192.0.2.225|25)
//! ```
//!
//! The `Diagnostic code` is the remote server's words; without one, the `Reason` is the
//! server's own. Some gateways strip the MIME boundaries: the report part's fields are then
//! in the text, and are read there.

use super::common::{SameRecipients, detected, dsn_recipients, header_has, recipient, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::dsn::diagnostic_text;

/// The Messaging Server detector.
pub struct MessagingServer;

const ID: &str = "messagingserver";

const OPENING: &str = "This report relates to a message you sent with the following header fields:";

impl Detector for MessagingServer {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let boundary = message
            .header("content-type")
            .is_some_and(|c| c.holds("Boundary_(ID_"));
        if !boundary && !header_has(message, "subject", &["Delivery Notification: "]) {
            return None;
        }
        let text = message.report_text();
        let mut lines = text.lines().skip_while(|l| !l.starts_with(OPENING));
        lines.next()?;
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        let mut original: Vec<Option<String>> = Vec::new();
        for line in lines {
            if let Some(v) = line.strip_prefix("  Recipient address: ") {
                // `@smtp.example.net:kijitora@server` is a source route: kept as written
                // until the original address is read.
                let addr = v.trim().to_string();
                if !addr.contains('@') {
                    continue;
                }
                recipients.push(recipient(Some(addr), String::new()));
                original.push(None);
            } else if let Some(v) = line.strip_prefix("  Original address: ") {
                match original.last_mut() {
                    Some(o) => *o = parse_address(v),
                    None => {
                        recipients.push(recipient(parse_address(v), String::new()));
                        original.push(None);
                    }
                }
            } else if let Some(v) = line.strip_prefix("  Reason: ") {
                if let Some(r) = recipients.last_mut()
                    && r.diagnostic.is_empty()
                {
                    r.diagnostic = squeeze(v);
                }
            } else if let Some(v) = line.strip_prefix("  Diagnostic code: ")
                && let Some(r) = recipients.last_mut()
            {
                r.diagnostic = squeeze(diagnostic_text(v));
                r.diagnostic_type = crate::report::dsn::diagnostic_type(v);
            }
        }
        // The report part's fields: by address (the final one, or the original).
        let dsn = dsn_recipients(message);
        let same = SameRecipients::new(&dsn);
        for (r, orig) in recipients.iter_mut().zip(&original) {
            if let Some(d) = same.first_of([r.recipient.as_deref(), orig.as_deref()]) {
                r.status = d.status;
                r.action = d.action;
            }
            // A source route or an internal host gives way to the address the sender used.
            if let Some(o) = orig
                && r.recipient
                    .as_deref()
                    .is_some_and(crate::internal_route::is_internal_address)
                && !crate::internal_route::is_internal_address(o)
            {
                r.final_recipient = r.recipient.replace(o.clone());
            }
        }
        if recipients.is_empty() {
            recipients = dsn;
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;
    use bouncedoc_core::StatusCode;

    #[test]
    fn fields_per_recipient() {
        let d = MessagingServer
            .detect(&corpus("lhost-messagingserver-01.eml"))
            .unwrap();
        assert_eq!(d.mta, Some("messagingserver"));
        assert_eq!(d.recipients.len(), 1);
        assert!(d.recipients[0].diagnostic.contains("User Unknown"));
        assert_eq!(d.recipients[0].status, Some(StatusCode::new(5, 1, 1)));
    }

    /// The server's own route (`@smtp.example.net:kijitora@server`) gives way to the
    /// `Original address:` the sender used, and is kept as the final recipient.
    #[test]
    fn source_route_gives_way_to_the_original_address() {
        let raw = "From: Internet Mail Delivery <postmaster@example.net>\nSubject: Delivery Notification: Delivery has failed\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"Boundary_(ID_x)\"\n\n--Boundary_(ID_x)\nContent-Type: text/plain\n\nThis report relates to a message you sent with the following header fields:\n\n  Subject: hi\n\nYour message cannot be delivered to the following recipients:\n\n  Recipient address: @smtp.example.net:kijitora@server\n  Original address: kijitora@example.net\n  Reason: Over quota\n\n--Boundary_(ID_x)\nContent-Type: message/delivery-status\n\nReporting-MTA: dns;smtp.example.net\n\nOriginal-recipient: rfc822;kijitora@example.net\nFinal-recipient: rfc822;@smtp.example.net:kijitora@server\nAction: failed\nStatus: 5.2.0\n\n--Boundary_(ID_x)--\n";
        let d = MessagingServer
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.net"));
        assert_eq!(
            r.final_recipient.as_deref(),
            Some("@smtp.example.net:kijitora@server")
        );
        assert_eq!(r.status, Some(StatusCode::new(5, 2, 0)));
    }

    #[test]
    fn boundaries_stripped() {
        let d = MessagingServer
            .detect(&corpus("lhost-messagingserver-03.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 2);
        assert_eq!(
            d.recipients[1].recipient.as_deref(),
            Some("mikeneko@example.org")
        );
        assert_eq!(
            d.recipients[1].diagnostic,
            "550 5.7.1 550 User Unknown: mikeneko@example.org"
        );
        assert_eq!(d.recipients[1].status, Some(StatusCode::new(5, 0, 0)));
    }
}
