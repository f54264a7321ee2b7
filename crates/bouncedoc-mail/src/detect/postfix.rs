//! Postfix (<https://www.postfix.org/>).
//!
//! A Postfix bounce (`Undelivered Mail Returned to Sender`) is a notification text from
//! "the mail system at host ..." (older versions: "the Postfix program") with one paragraph
//! per recipient, then an RFC 3464 part whose fields start with `X-Postfix-`:
//!
//! ```text
//! <kijitora@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1
//!     <kijitora@example.jp>... User Unknown (in reply to RCPT TO command)
//! ```
//!
//! The paragraph is the fuller text: its `Diagnostic-Code` twin lacks the host and the SMTP
//! command the remote server was answering, and is sometimes missing. Some bounces arrive
//! re-sent as plain text, with the report's fields inside the text. Postfix's SMTP server
//! also reports its own refusals to the postmaster (`Postfix SMTP server: errors from ...`)
//! with a transcript of the session (`In:` / `Out:`).

use std::collections::HashMap;

use bouncedoc_core::SmtpCommand;

use super::common::{
    bracketed_paragraphs, codes_in, detected, dsn_recipients, dsn_text, failed_exchange,
    has_line_starting, header_has, recipient, returned_to, smtp_command, squeeze, transcript,
};
use super::text::report_body;
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::{RecipientFacts, parse_address};
use crate::message::Message;

/// The Postfix detector.
pub struct Postfix;

const ID: &str = "postfix";

/// First lines of Postfix's notification text (`bounce(5)` templates).
const NOTICE: &[&str] = &[
    "This is the mail system at host",
    "This is the Postfix program at host",
    "This is the Postfix on ",
];

/// The line that closes the explanation and opens the paragraphs about recipients.
fn is_signature(line: &str) -> bool {
    let t = line.trim();
    t == "The mail system" || (t.starts_with("The ") && t.ends_with(" program"))
}

/// Whether the subject or the report's fields name Postfix.
fn fields_say_postfix(message: &Message) -> bool {
    header_has(message, "subject", &["Undelivered Mail Returned to Sender"])
        || dsn_text(message).holds("X-Postfix-Queue-ID")
}

/// The paragraphs about recipients: after the signature line when there is one.
fn paragraphs(body: &str) -> Vec<(String, Option<String>, String)> {
    let lines: Vec<&str> = body.lines().collect();
    let start = lines
        .iter()
        .position(|l| is_signature(l))
        .map_or(0, |i| i + 1);
    bracketed_paragraphs(&lines[start..].join("\n"))
}

/// The SMTP server's report of a refused session: the recipients of `RCPT TO` and the
/// first refusal.
fn from_transcript(body: &str) -> Vec<RecipientFacts> {
    let lines: Vec<&str> = body.lines().collect();
    let Some(start) = lines
        .iter()
        .position(|l| l.trim().starts_with("Transcript of session follows"))
    else {
        return Vec::new();
    };
    let session = transcript(&lines[start + 1..], &["In:"], &["Out:"]);
    let Some(failed) = failed_exchange(&session) else {
        return Vec::new();
    };
    let failure = failed.failure().unwrap_or_default();
    let addresses: Vec<String> = if failed.command == Some(SmtpCommand::Rcpt) {
        parse_address(&failed.argument).into_iter().collect()
    } else {
        session
            .iter()
            .filter(|e| {
                e.command == Some(SmtpCommand::Rcpt) && e.reply_code().is_some_and(|c| c < 400)
            })
            .filter_map(|e| super::common::address_in(&e.argument))
            .collect()
    };
    addresses
        .into_iter()
        .map(|a| RecipientFacts {
            command: failed.command,
            ..recipient(Some(a), squeeze(&failure))
        })
        .collect()
}

impl Detector for Postfix {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let transcript = header_has(message, "subject", &["SMTP server: errors from"]);
        let fields_say = fields_say_postfix(message);
        // The notice looked for in the whole text first: most messages are not Postfix's,
        // and cutting the text at the returned message costs more than this.
        if !transcript && !fields_say && !has_line_starting(message.report_text(), NOTICE) {
            return None;
        }
        let body = report_body(message);
        if transcript {
            let recipients = from_transcript(body);
            return detected(ID, recipients);
        }
        if !fields_say && !has_line_starting(body, NOTICE) {
            return None;
        }
        let paragraphs = paragraphs(body);
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            recipients = paragraphs
                .iter()
                .map(|(addr, _, words)| recipient(Some(addr.clone()), words.clone()))
                .collect();
        }
        if recipients.is_empty() && body.holds("--- Delivery report unavailable ---") {
            // Postfix lost its log of the delivery: only the returned message tells the
            // recipient, and nothing tells the cause.
            let to = returned_to(message);
            recipients.extend(to.map(|a| recipient(Some(a), String::new())));
        }
        let alone = paragraphs.len() == 1 && recipients.len() == 1;
        let by_address = paragraph_index(&paragraphs);
        for r in &mut recipients {
            let about = r
                .recipient
                .as_deref()
                .and_then(|a| by_address.get(&a.to_ascii_lowercase()))
                .map(|&i| &paragraphs[i])
                .or_else(|| alone.then(|| &paragraphs[0]))
                .map(|(_, _, words)| words.as_str());
            if let Some(words) = about {
                merge_paragraph(r, words);
            }
            if r.command.is_none() {
                r.command = smtp_command(&r.diagnostic);
            }
        }
        Some(Detected {
            detector: ID,
            mta: Some(ID),
            recipients,
        })
    }
}

/// The first paragraph about each address (the recipient's or the one it was expanded
/// from), by the address in lower case: the paragraph a recipient's report fields go with,
/// found in one lookup rather than by reading every paragraph for every recipient.
fn paragraph_index(paragraphs: &[(String, Option<String>, String)]) -> HashMap<String, usize> {
    let mut index = HashMap::with_capacity(paragraphs.len());
    for (i, (addr, alias, _)) in paragraphs.iter().enumerate() {
        for a in std::iter::once(addr).chain(alias) {
            index.entry(a.to_ascii_lowercase()).or_insert(i);
        }
    }
    index
}

/// Takes what the notification paragraph adds to a recipient's report fields: the words
/// when the field has none (or only a program's exit code), or when the paragraph holds them
/// and more with its codes; its status code when the field's says only the class; the SMTP
/// command.
fn merge_paragraph(r: &mut RecipientFacts, words: &str) {
    let field = squeeze(&r.diagnostic);
    let (reply, status) = codes_in(words);
    let only_code = field.is_empty() || field.chars().all(|c| c.is_ascii_digit());
    let fuller = (reply.is_some() || status.is_some())
        && words.len() >= field.len()
        && words.to_lowercase().contains(&field.to_lowercase());
    if only_code || fuller {
        r.diagnostic = words.to_string();
    }
    if let Some(found) = status
        && !found.is_generic()
        && r.status.is_none_or(|s| s.is_generic())
    {
        r.status = Some(found);
    }
    r.command = smtp_command(words);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::only_recipient;
    use bouncedoc_core::StatusCode;

    const BOUNCE: &str = "From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\n\
Subject: Undelivered Mail Returned to Sender\n\
MIME-Version: 1.0\n\
Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n\
--B\nContent-Description: Notification\nContent-Type: text/plain\n\n\
This is the mail system at host mx.example.jp.\n\n\
                   The mail system\n\n\
<kijitora@example.net>: host mail.example.net[192.0.2.78] said:\n    550 Unknown user kijitora@example.net (in reply to end of DATA\n    command)\n\n\
<neko@example.net>: host mail.example.net[192.0.2.78] said: 550 5.1.1\n    <neko@example.net>... User Unknown (in reply to RCPT TO command)\n\n\
--B\nContent-Description: Delivery report\nContent-Type: message/delivery-status\n\n\
Reporting-MTA: dns; mx.example.jp\nX-Postfix-Queue-ID: 1111\n\n\
Final-Recipient: rfc822; kijitora@example.net\nOriginal-Recipient: rfc822;kijitora@example.net\n\
Action: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 550 Unknown user kijitora@example.net\n\n\
Final-Recipient: rfc822; neko@example.net\nAction: failed\nStatus: 5.1.1\n\
Diagnostic-Code: smtp; 550 5.1.1 <neko@example.net>... User Unknown\n\n--B--\n";

    #[test]
    fn paragraphs_give_the_command_and_the_fuller_words() {
        let m = Message::parse(BOUNCE.as_bytes()).unwrap();
        let d = Postfix.detect(&m).unwrap();
        assert_eq!(d.mta, Some("postfix"));
        assert_eq!(d.recipients.len(), 2);
        let first = &d.recipients[0];
        assert_eq!(first.recipient.as_deref(), Some("kijitora@example.net"));
        assert_eq!(first.command, Some(SmtpCommand::Data));
        assert_eq!(first.status, Some(StatusCode::new(5, 0, 0)));
        assert_eq!(
            first.diagnostic,
            "host mail.example.net[192.0.2.78] said: 550 Unknown user kijitora@example.net (in reply to end of DATA command)"
        );
        assert_eq!(d.recipients[1].command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn delivery_report_unavailable() {
        let r = only_recipient(&Postfix, "lhost-postfix-64.eml");
        assert_eq!(r.recipient.as_deref(), Some("xxxx@wanadoo.fr"));
        assert_eq!(r.diagnostic, "");
    }

    #[test]
    fn not_postfix() {
        let m = Message::parse(b"From: a@example.jp\nSubject: hello\n\nhi\n").unwrap();
        assert!(Postfix.detect(&m).is_none());
    }

    #[test]
    fn report_resent_as_plain_text() {
        let r = &only_recipient(&Postfix, "lhost-postfix-49.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("kijitora-neko-nyaan@ntt.example.ne.jp")
        );
        assert_eq!(r.status, Some(StatusCode::new(4, 0, 0)));
        assert!(r.diagnostic.contains("421 Service not available"));
        assert_eq!(r.command, Some(SmtpCommand::Connect));
    }

    #[test]
    fn smtp_server_transcript() {
        let r = &only_recipient(&Postfix, "lhost-postfix-75.eml");
        assert_eq!(r.recipient.as_deref(), Some("kijitora@libsisimai.net"));
        assert_eq!(r.diagnostic, "451 4.3.0 Error: queue file write error");
        assert_eq!(r.command, Some(SmtpCommand::Data));
    }
}
