//! The report's own delivery-status fields and the human-readable text before the returned
//! message.

use std::borrow::Cow;

use super::search::line_of_first;
use crate::facts::RecipientFacts;
use crate::message::Message;
use crate::report::dsn;

/// The recipients of the report's delivery-status parts; when it has none, those of
/// delivery-status fields written inside its text (a report forwarded as plain text).
pub fn dsn_recipients(message: &Message) -> Vec<RecipientFacts> {
    let from_parts: Vec<RecipientFacts> = message
        .parts_of("message/delivery-status")
        .chain(message.parts_of("message/global-delivery-status"))
        .flat_map(|p| dsn::recipients(p.text()))
        .collect();
    if !from_parts.is_empty() {
        return from_parts;
    }
    dsn::recipients(text_until(message, RETURNED_MESSAGE))
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
