//! ARF feedback reports (RFC 5965): a complaint about a message, not a failed delivery.

use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;
use crate::report::dsn::{Field, blocks};
use crate::report::opening_lines;

/// An unsubscribe request a mail program sends on its user's behalf (Apple Mail marks it
/// `X-Apple-Unsubscribe: true`): feedback of type `opt-out` from the recipient who wrote it.
fn unsubscribe_request(message: &Message) -> Option<Vec<RecipientFacts>> {
    let marked = message
        .header("x-apple-unsubscribe")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    if !marked {
        return None;
    }
    let diagnostic = opening_lines(message);
    Some(vec![RecipientFacts {
        recipient: message.header("from").and_then(parse_address),
        diagnostic,
        feedback_type: Some("opt-out".to_string()),
        ..RecipientFacts::default()
    }])
}

/// A complaint of Microsoft's Junk Mail Reporting Program (Outlook.com / Hotmail): no
/// feedback-report part, only the reported message, whose headers Microsoft stamps with the
/// complaining recipient (`X-HmXmrOriginalRecipient`). Its type is `abuse`.
fn jmrp_complaint(message: &Message) -> Option<Vec<RecipientFacts>> {
    let recipient = message
        .original_header("x-hmxmroriginalrecipient")
        .and_then(|v| parse_address(&v))?;
    Some(vec![RecipientFacts {
        recipient: Some(recipient),
        diagnostic: message.header("subject").unwrap_or("").trim().to_string(),
        feedback_type: Some("abuse".to_string()),
        ..RecipientFacts::default()
    }])
}

/// The recipients a feedback report concerns, one fact set each. `None` when the message
/// has no `message/feedback-report` part and is neither an unsubscribe request nor a
/// complaint in Microsoft's format.
pub fn read(message: &Message) -> Option<Vec<RecipientFacts>> {
    let Some(part) = message.parts_of("message/feedback-report").next() else {
        return unsubscribe_request(message).or_else(|| jmrp_complaint(message));
    };
    let fields: Vec<Field> = blocks(part.text()).into_iter().flatten().collect();
    let get_all = |name: &str| -> Vec<&str> {
        fields
            .iter()
            .filter(|f| f.is(name))
            .map(|f| &*f.value)
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
                .original_header("to")
                .and_then(|v| parse_address(&v)),
        );
    }
    let diagnostic = opening_lines(message);
    let make = |recipient: Option<String>| RecipientFacts {
        recipient,
        diagnostic: diagnostic.clone(),
        feedback_type: feedback_type.clone(),
        ..RecipientFacts::default()
    };
    if recipients.is_empty() {
        return Some(vec![make(None)]);
    }
    Some(recipients.into_iter().map(|r| make(Some(r))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_report_gives_type_and_recipient() {
        let raw = b"From: staff@example.net\nSubject: Abuse report\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nThis is an email abuse report.\n--B\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: Example/1.0\nVersion: 1\nOriginal-Rcpt-To: <a@example.jp>\n\n--B--\n";
        let m = Message::parse(raw).unwrap();
        let r = read(&m).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.jp"));
        assert_eq!(r[0].feedback_type.as_deref(), Some("abuse"));
    }

    #[test]
    fn microsoft_complaint_without_a_report_part() {
        let raw = b"From: staff@hotmail.example.com\nSubject: complaint about message from 192.0.2.222\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: message/rfc822\n\nX-HmXmrOriginalRecipient: kijitora@example.com\nFrom: sender@example.org\nTo: kijitora@example.com\nSubject: Nyaan\n\nNyaan\n--B--\n";
        let m = Message::parse(raw).unwrap();
        let r = read(&m).unwrap();
        assert_eq!(r[0].recipient.as_deref(), Some("kijitora@example.com"));
        assert_eq!(r[0].feedback_type.as_deref(), Some("abuse"));
    }

    #[test]
    fn apple_mail_unsubscribe_is_opt_out() {
        let raw = b"From: someone@icloud.example.com\nSubject: unsubscribe\nAuto-Submitted: auto-replied\nX-Apple-Unsubscribe: true\n\nApple Mail sent this email to unsubscribe from the message.\n";
        let m = Message::parse(raw).unwrap();
        let r = read(&m).unwrap();
        assert_eq!(
            r[0].recipient.as_deref(),
            Some("someone@icloud.example.com")
        );
        assert_eq!(r[0].feedback_type.as_deref(), Some("opt-out"));
        assert!(r[0].feedback_type.is_some());
    }
}
