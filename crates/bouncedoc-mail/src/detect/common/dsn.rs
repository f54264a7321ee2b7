//! The report's own delivery-status fields and the human-readable text before the returned
//! message.

use std::borrow::Cow;

use super::search::line_of_first;
use crate::facts::RecipientFacts;
use crate::message::Message;
use crate::report::dsn;

/// The recipients of the report's delivery-status parts; when it has none, those of
/// delivery-status fields written inside its text (a report forwarded as plain text).
///
/// A final recipient on an internal host (`kijitora@mailhub0`) that no `Original-Recipient`
/// replaced ([`crate::internal_route`]) gives way to the returned message's addressee of
/// the same local part, the address the sender used; the final one is kept as a fact.
pub fn dsn_recipients(message: &Message) -> Vec<RecipientFacts> {
    message.dsn_recipients_once(read_dsn_recipients).to_vec()
}

/// What [`dsn_recipients`] returns, read from the message.
fn read_dsn_recipients(message: &Message) -> Vec<RecipientFacts> {
    let mut from_parts: Vec<RecipientFacts> = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .flat_map(|p| dsn::recipients(p.text()))
        .collect();
    if from_parts.is_empty() {
        from_parts = dsn::recipients(text_until(message, RETURNED_MESSAGE));
    }
    to_returned_addressees(message, &mut from_parts);
    from_parts
}

/// Replaces each recipient on an internal host with the returned message's addressee of the
/// same local part (see [`dsn_recipients`]).
fn to_returned_addressees(message: &Message, recipients: &mut [RecipientFacts]) {
    let internal = |r: &RecipientFacts| {
        r.final_recipient.is_none()
            && r.recipient.as_deref().is_some_and(|a| {
                a.rsplit_once('@').is_some_and(|(l, h)| {
                    !l.is_empty()
                        && !l.starts_with('@')
                        && crate::internal_route::is_internal_host(h)
                })
            })
    };
    if !recipients.iter().any(internal) {
        return;
    }
    let addressees: Vec<String> = ["to", "cc"]
        .iter()
        .filter_map(|h| message.original_header(h))
        .flat_map(|v| {
            v.split(',')
                .filter_map(super::address_in)
                .collect::<Vec<_>>()
        })
        .filter(|a| !crate::internal_route::is_internal_address(a))
        .collect();
    for r in recipients.iter_mut().filter(|r| internal(r)) {
        let local = r
            .recipient
            .as_deref()
            .and_then(|a| a.rsplit_once('@'))
            .map(|(l, _)| l.to_string())
            .unwrap_or_default();
        if let Some(a) = addressees.iter().find(|a| {
            a.rsplit_once('@')
                .is_some_and(|(l, _)| l.eq_ignore_ascii_case(&local))
        }) {
            r.final_recipient = r.recipient.replace(a.clone());
        }
    }
}

/// Lines where a report written as one text (no MIME parts, or undeclared ones) starts the
/// returned message.
const RETURNED_MESSAGE: &[&str] = &[
    "Content-Type: message/rfc822",
    "Content-type: message/rfc822",
    "Content-Type: text/rfc822-headers",
];

/// The text of the report's delivery-status parts (or of its body when it has none).
pub fn dsn_text(message: &Message) -> Cow<'_, str> {
    let mut parts = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .map(|p| p.text());
    match (parts.next(), parts.next()) {
        (None, _) => Cow::Borrowed(text_until(message, RETURNED_MESSAGE)),
        (Some(one), None) => Cow::Borrowed(one),
        (Some(first), Some(second)) => {
            let mut all = vec![first, second];
            all.extend(parts);
            Cow::Owned(all.join("\n"))
        }
    }
}

/// The human-readable text of the report up to the first line that holds one of `ends`
/// (where a format starts quoting the returned message).
pub fn text_until<'m>(message: &'m Message, ends: &[&'static str]) -> &'m str {
    let text = message.report_text();
    &text[..line_of_first(text, ends, 0)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Postfix relay named after its machine (`kijitora@mailhub0`) without an
    /// `Original-Recipient`: the returned message's addressee of that name is the recipient.
    #[test]
    fn internal_final_recipient_gives_way_to_the_returned_addressee() {
        let raw = b"From: MAILER-DAEMON@mailhub0 (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mailhub0\n\nFinal-Recipient: rfc822; kijitora@mailhub0\nAction: failed\nStatus: 5.2.0\n\n--B\nContent-Type: text/rfc822-headers\n\nFrom: sender@example.org\nTo: Neko <neko@example.jp>, Kijitora <kijitora@example.jp>\n\n--B--\n";
        let m = Message::parse(raw).unwrap();
        let r = dsn_recipients(&m);
        assert_eq!(r[0].recipient.as_deref(), Some("kijitora@example.jp"));
        assert_eq!(r[0].final_recipient.as_deref(), Some("kijitora@mailhub0"));
    }
}
