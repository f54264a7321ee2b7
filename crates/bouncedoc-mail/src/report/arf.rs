//! ARF feedback reports (RFC 5965): a complaint about a message, not a failed delivery.

use bouncedoc_core::Reason;

use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::dsn::blocks;

/// The recipients a feedback report concerns, one fact set each. `None` when the message
/// has no `message/feedback-report` part.
pub fn read(message: &Message) -> Option<Vec<RecipientFacts>> {
    let part = message.parts_of("message/feedback-report").next()?;
    let fields: Vec<(String, String)> = blocks(&part.text).into_iter().flatten().collect();
    let get_all = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    };
    let feedback_type = get_all("feedback-type")
        .first()
        .map(|v| v.trim().to_ascii_lowercase());
    // Who received the reported message: the report's own fields, else the returned
    // message's `To`.
    let mut recipients: Vec<String> = get_all("original-rcpt-to")
        .into_iter()
        .chain(get_all("removal-recipient"))
        .filter_map(parse_address)
        .collect();
    if recipients.is_empty() {
        recipients.extend(
            message
                .original_headers()
                .and_then(|h| h.into_iter().find(|(k, _)| k.eq_ignore_ascii_case("to")))
                .and_then(|(_, v)| parse_address(&v)),
        );
    }
    let diagnostic = message
        .report_text()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let make = |recipient: Option<String>| RecipientFacts {
        recipient,
        diagnostic: diagnostic.clone(),
        feedback_type: feedback_type.clone(),
        reason: Some(Reason::Feedback),
        ..RecipientFacts::default()
    };
    if recipients.is_empty() {
        return Some(vec![make(None)]);
    }
    Some(recipients.into_iter().map(|r| make(Some(r))).collect())
}
