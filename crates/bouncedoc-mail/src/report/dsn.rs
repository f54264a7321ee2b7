//! RFC 3464 delivery status notifications: the `message/delivery-status` part.

use std::borrow::Cow;

use crate::facts::{RecipientFacts, parse_action, parse_address, parse_status};

/// The fields of one block of a delivery-status part: each name as written (names are
/// compared without case: [`Field::is`]) and its value, folded lines joined. They borrow
/// the part's text: a block's dozen fields cost no allocation unless a value is folded.
pub type Fields<'a> = Vec<Field<'a>>;

/// One field of a delivery-status block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The name as written (`Final-Recipient`).
    pub name: &'a str,
    /// The value, trimmed; folded lines joined by a space.
    pub value: Cow<'a, str>,
}

impl Field<'_> {
    /// Whether the field is named `name` (ASCII letters without case).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Splits a delivery-status body into blocks of fields. A block ends at a blank line, or
/// where a second recipient starts without one (some servers forget the blank line): a
/// recipient field that the block already holds, or one after the per-recipient fields
/// (`Action`, `Status`) of the block's recipient. `Final-Recipient` followed by
/// `Original-Recipient` (Postfix's order) is one recipient.
pub fn blocks(body: &str) -> Vec<Fields<'_>> {
    let mut out: Vec<Fields> = Vec::new();
    let mut current: Fields = Vec::new();
    let starts_recipient = |f: &Field| f.is("final-recipient") || f.is("original-recipient");
    let per_recipient = |f: &Field| f.is("action") || f.is("status");
    // Kept as the fields come, rather than looked for in the block at every line: whether
    // the block has a recipient field, and a per-recipient field after the first one (some
    // servers write `Action` before `Final-Recipient`; only those after it count).
    let mut has_recipient = false;
    let mut after_recipient = false;
    for line in body.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
                (has_recipient, after_recipient) = (false, false);
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(field) = current.last_mut() {
                // A field folded right after its name (`Diagnostic-Code:` alone on its line)
                // gets no space in front of its value.
                let value = field.value.to_mut();
                if !value.is_empty() {
                    value.push(' ');
                }
                value.push_str(line.trim());
            }
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let field = Field {
            name: spaced_name(k.trim()),
            value: Cow::Borrowed(v.trim()),
        };
        if field.name.contains(' ') {
            continue;
        }
        let starts = starts_recipient(&field);
        if starts && (after_recipient || current.iter().any(|f| f.is(field.name))) {
            out.push(std::mem::take(&mut current));
            (has_recipient, after_recipient) = (false, false);
        }
        if starts {
            has_recipient = true;
        } else if has_recipient && per_recipient(&field) {
            after_recipient = true;
        }
        current.push(field);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// ZMailer's scheduler writes `Final Recipient:` and `Original Recipient:` with a space
/// (scheduler/msgerror.c); they are the RFC 3464 fields.
fn spaced_name(name: &str) -> &str {
    if name.eq_ignore_ascii_case("final recipient") {
        "Final-Recipient"
    } else if name.eq_ignore_ascii_case("original recipient") {
        "Original-Recipient"
    } else {
        name
    }
}

/// The action of a block. A block without `Action` (ZMailer's machine part writes none)
/// takes it from the class of its `Status`: 2 is a delivery, 4 a delay, 5 a failure.
fn block_action(fields: &Fields) -> Option<bouncedoc_core::Action> {
    if let Some(action) = get(fields, "action") {
        return parse_action(action);
    }
    match get(fields, "status")?.trim().as_bytes().first()? {
        b'2' => Some(bouncedoc_core::Action::Delivered),
        b'4' => Some(bouncedoc_core::Action::Delayed),
        b'5' => Some(bouncedoc_core::Action::Failed),
        _ => None,
    }
}

fn get<'a>(fields: &'a Fields, name: &str) -> Option<&'a str> {
    fields.iter().find(|f| f.is(name)).map(|f| &*f.value)
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
            // The address the sender used, when the final one is an internal route.
            let (recipient, final_recipient) = crate::internal_route::sender_recipient(
                get(b, "final-recipient"),
                get(b, "original-recipient"),
            );
            let recipient =
                recipient.or_else(|| get(b, "x-actual-recipient").and_then(parse_address));
            // Courier states a failure to connect or to look the domain up in a field of
            // its own (`X-Network-Error: No such domain.`, courier module.dsn/dsn.C) instead
            // of a `Diagnostic-Code`.
            let mut diagnostic = get(b, "diagnostic-code")
                .map(diagnostic_text)
                .or_else(|| get(b, "x-network-error"))
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
                action: block_action(b),
                command: None,
                remote_mta: get(b, "remote-mta").map(|v| diagnostic_text(v).to_string()),
                reporting_mta: reporting.clone(),
                feedback_type: None,
                local_program: false,
                fields: Vec::new(),
                final_recipient,
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
    fn a_field_folded_after_its_name() {
        let body = "Final-Recipient:\n rfc822;\n kai@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code:\n x-unix; user\n unknown\n";
        let r = recipients(body);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].recipient.as_deref(), Some("kai@example.jp"));
        let b = blocks(body);
        let code = b[0].iter().find(|f| f.is("diagnostic-code")).unwrap();
        assert_eq!(code.value, "x-unix; user unknown");
        assert_eq!(diagnostic_type(&code.value).as_deref(), Some("x-unix"));
    }

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
    fn only_fields_after_the_first_recipient_split_a_block() {
        // `Action` before the recipient does not count; `Status` after it does.
        let body = "Action: failed\nFinal-Recipient: rfc822; a@example.jp\nOriginal-Recipient: rfc822; a@example.jp\nStatus: 5.1.1\nFinal-Recipient: rfc822; b@example.jp\nStatus: 5.2.2\n";
        let r = recipients(body);
        let got: Vec<_> = r.iter().map(|f| (f.recipient.clone(), f.status)).collect();
        assert_eq!(
            got,
            [
                (Some("a@example.jp".into()), Some(StatusCode::new(5, 1, 1))),
                (Some("b@example.jp".into()), Some(StatusCode::new(5, 2, 2))),
            ]
        );
        // Names are matched without case, and the block keeps them as written.
        let blocks = blocks("FINAL-RECIPIENT: rfc822; a@example.jp\nstatus: 5.1.1\n");
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0][0].name, "FINAL-RECIPIENT");
        assert_eq!(
            get(&blocks[0], "final-recipient"),
            Some("rfc822; a@example.jp")
        );
        assert_eq!(get(&blocks[0], "Status"), Some("5.1.1"));
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

    /// ZMailer's machine part: `Final Recipient:` with a space, no `Action:`.
    #[test]
    fn zmailer_spaced_names_and_action_from_status() {
        let body = "Reporting-MTA: dns; mx.example.jp\n\nOriginal Recipient: rfc822;x@example.jp\nFinal Recipient: RFC822;a@example.net\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\nFinal Recipient: RFC822;b@example.org\nStatus: 4.4.1\n\nFinal Recipient: RFC822;c@example.org\nStatus: 2.0.0\n";
        let r = recipients(body);
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].action, Some(Action::Delivered));
        assert_eq!(r[0].recipient.as_deref(), Some("a@example.net"));
        assert_eq!(r[0].action, Some(Action::Failed));
        assert_eq!(r[1].recipient.as_deref(), Some("b@example.org"));
        assert_eq!(r[1].action, Some(Action::Delayed));
    }

    #[test]
    fn a_written_action_wins_over_the_status() {
        let body = "Final-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 4.4.7\n";
        assert_eq!(recipients(body)[0].action, Some(Action::Failed));
    }
}
