//! RFC 3464 delivery status notifications: the `message/delivery-status` part.

use crate::facts::{RecipientFacts, parse_action, parse_address, parse_status};

/// The fields of one block of a delivery-status part, names lower-cased, folded lines
/// joined.
pub type Fields = Vec<(String, String)>;

/// Splits a delivery-status body into blocks of fields. A block ends at a blank line, or
/// where a second recipient starts without one (some servers forget the blank line): a
/// recipient field that the block already holds, or one after the per-recipient fields
/// (`Action`, `Status`) of the block's recipient. `Final-Recipient` followed by
/// `Original-Recipient` (Postfix's order) is one recipient.
pub fn blocks(body: &str) -> Vec<Fields> {
    let mut out: Vec<Fields> = Vec::new();
    let mut current: Fields = Vec::new();
    let starts_recipient = |k: &str| k == "final-recipient" || k == "original-recipient";
    let per_recipient = |k: &str| k == "action" || k == "status";
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, v)) = current.last_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let key = k.trim().to_ascii_lowercase();
        if key.contains(' ') {
            continue;
        }
        // The per-recipient fields that count are those after the block's first recipient
        // field: some servers write `Action` before `Final-Recipient`.
        let first_recipient = current.iter().position(|(k, _)| starts_recipient(k));
        let after_recipient =
            first_recipient.is_some_and(|i| current[i + 1..].iter().any(|(k, _)| per_recipient(k)));
        if starts_recipient(&key) && (current.iter().any(|(k, _)| *k == key) || after_recipient) {
            out.push(std::mem::take(&mut current));
        }
        current.push((key, v.trim().to_string()));
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn get<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The text of a `Diagnostic-Code` without its type (`smtp; 550 ...` gives `550 ...`).
pub fn diagnostic_text(value: &str) -> &str {
    match value.split_once(';') {
        Some((kind, rest)) if !kind.contains(' ') && kind.len() <= 12 => rest.trim(),
        _ => value.trim(),
    }
}

/// The comment of a `Status` field (`5.2.1 (mailbox disabled)` gives `mailbox disabled`).
fn status_comment(value: &str) -> Option<&str> {
    let open = value.find('(')?;
    let close = value.rfind(')')?;
    let comment = value.get(open + 1..close)?.trim();
    (!comment.is_empty()).then_some(comment)
}

/// The type of a `Diagnostic-Code` (`smtp; 550 ...` gives `smtp`), lower-cased.
pub fn diagnostic_type(value: &str) -> Option<String> {
    match value.split_once(';') {
        Some((kind, _))
            if !kind.trim().contains(' ') && !kind.trim().is_empty() && kind.len() <= 12 =>
        {
            Some(kind.trim().to_ascii_lowercase())
        }
        _ => None,
    }
}

/// The recipients of a delivery-status part.
pub fn recipients(body: &str) -> Vec<RecipientFacts> {
    let blocks = blocks(body);
    let reporting = blocks
        .iter()
        .find_map(|b| get(b, "reporting-mta"))
        .map(|v| diagnostic_text(v).to_string());
    blocks
        .iter()
        .filter(|b| get(b, "final-recipient").is_some() || get(b, "original-recipient").is_some())
        .map(|b| {
            let recipient = get(b, "final-recipient")
                .and_then(parse_address)
                .or_else(|| get(b, "original-recipient").and_then(parse_address))
                .or_else(|| get(b, "x-actual-recipient").and_then(parse_address));
            let mut diagnostic = get(b, "diagnostic-code")
                .map(diagnostic_text)
                .unwrap_or("")
                .to_string();
            // `Status: 5.2.1 (mailbox disabled, not accepting messages)`: the reporting
            // server's own words about the status belong with the recipient's words.
            if let Some(comment) = get(b, "status").and_then(status_comment)
                && !diagnostic.to_lowercase().contains(&comment.to_lowercase())
            {
                if !diagnostic.is_empty() {
                    diagnostic.push(' ');
                }
                diagnostic.push('(');
                diagnostic.push_str(comment);
                diagnostic.push(')');
            }
            RecipientFacts {
                recipient,
                diagnostic,
                diagnostic_type: get(b, "diagnostic-code").and_then(diagnostic_type),
                status: get(b, "status").and_then(parse_status),
                reply_code: None,
                action: get(b, "action").and_then(parse_action),
                command: None,
                remote_mta: get(b, "remote-mta").map(|v| diagnostic_text(v).to_string()),
                reporting_mta: reporting.clone(),
                feedback_type: None,
                reason: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::{Action, StatusCode};

    const BODY: &str = "Reporting-MTA: dns; mx.example.jp\nArrival-Date: Wed, 16 Oct 2013\n\n\
Final-Recipient: RFC822; a@example.jp\nAction: failed\nStatus: 5.1.1\nRemote-MTA: DNS; mx.example.net\n\
Diagnostic-Code: SMTP; 550 5.1.1 <a@example.jp>...\n    User Unknown\n\n\
Final-Recipient: rfc822;b@example.jp\nAction: delayed\nStatus: 4.4.7\n";

    #[test]
    fn two_recipients_with_folded_diagnostic() {
        let r = recipients(BODY);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.jp"));
        assert_eq!(r[0].status, Some(StatusCode::new(5, 1, 1)));
        assert_eq!(r[0].action, Some(Action::Failed));
        assert_eq!(r[0].diagnostic, "550 5.1.1 <a@example.jp>... User Unknown");
        assert_eq!(r[0].diagnostic_type.as_deref(), Some("smtp"));
        assert_eq!(r[0].remote_mta.as_deref(), Some("mx.example.net"));
        assert_eq!(r[0].reporting_mta.as_deref(), Some("mx.example.jp"));
        assert_eq!(r[1].action, Some(Action::Delayed));
    }

    #[test]
    fn final_then_original_recipient_is_one_recipient() {
        let body = "Final-Recipient: rfc822; a@example.jp\nOriginal-Recipient: rfc822;a@example.jp\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 Unknown user\n";
        let r = recipients(body);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].diagnostic, "550 Unknown user");
        let body = "Original-Recipient: rfc822;a@example.jp\nFinal-Recipient: rfc822; a@example.jp\nStatus: 5.1.1\nOriginal-Recipient: rfc822;b@example.jp\nFinal-Recipient: rfc822; b@example.jp\nStatus: 5.2.2\n";
        assert_eq!(recipients(body).len(), 2);
    }

    #[test]
    fn action_before_the_recipient_fields() {
        let body = "Action: failed\nFinal-Recipient: rfc822; a@example.jp\nOriginal-Recipient: rfc822; a@example.jp\nDiagnostic-Code: smtp; 550 5.1.1 Mailbox does not exist\nStatus: 5.1.1\n";
        let r = recipients(body);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].action, Some(Action::Failed));
        assert_eq!(r[0].diagnostic, "550 5.1.1 Mailbox does not exist");
    }

    #[test]
    fn status_comment_joins_the_words() {
        let body = "Final-Recipient: rfc822;a@example.jp\nAction: failed\nStatus: 5.2.1 (mailbox disabled, not accepting messages)\nDiagnostic-Code: smtp;550 5.2.1 <a@example.jp>... User Unknown\n";
        let r = recipients(body);
        assert_eq!(r[0].status, Some(StatusCode::new(5, 2, 1)));
        assert_eq!(
            r[0].diagnostic,
            "550 5.2.1 <a@example.jp>... User Unknown (mailbox disabled, not accepting messages)"
        );
    }

    #[test]
    fn missing_blank_line_between_recipients() {
        let body = "Final-Recipient: rfc822; a@example.jp\nStatus: 5.1.1\nFinal-Recipient: rfc822; b@example.jp\nStatus: 5.2.2\n";
        let r = recipients(body);
        assert_eq!(r.len(), 2);
        assert_eq!(r[1].status, Some(StatusCode::new(5, 2, 2)));
    }
}
