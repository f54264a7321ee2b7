//! au by KDDI's mobile mail, EZweb (`@ezweb.ne.jp`, `@au.com`).
//!
//! Recognized by at least two of: `From: <Postmaster@ezweb.ne.jp>` (or `@au.com`), `Subject:
//! Mail System Error - Returned Mail`, a `Received: ... ezweb.ne.jp (EZweb Mail) with` header,
//! a `Message-Id` of `ezweb.ne.jp` or `au.com`. The text is Japanese, then English:
//!
//! ```text
//! 次のあて先へのメッセージはエラーのため送信できませんでした。
//! ...
//! Each of the following recipients was rejected by a remote
//! mail server.
//!
//!     Recipient: <kijitora@ezweb.ne.jp>
//!     >>> RCPT TO:<kijitora@ezweb.ne.jp>
//!     <<< 550 <kijitora@ezweb.ne.jp>: User unknown
//! ```
//!
//! or a sentence (`The user(s) account is disabled.`) and the recipients in angle brackets.
//! The words for a recipient are the English notice and the lines about it (the Japanese
//! lines say the same). Some versions add an RFC 3464 part whose fields lack the words.
//! EZweb marks the messages its anti-spam filter refused with `X-SPASIGN: NG`: their reason
//! is `filtered`.

use bouncedoc_core::ReportField;

use super::common::{
    address_in, dsn_recipients, header_has, recipient, smtp_command, squeeze, text_until,
};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::message::Message;

/// The EZweb detector.
pub struct Ezweb;

const ID: &str = "ezweb";

/// Where the returned message starts.
const ENDS: &[&str] = &[
    "--------------------------------------------------",
    "Content-Type: message/rfc822",
];

fn is_ezweb(message: &Message) -> bool {
    // Two of four signs; the `Received` lines, the longest to read, are read last and only
    // when they can decide.
    let cheap = [
        header_has(
            message,
            "from",
            &["Postmaster@ezweb.ne.jp", "Postmaster@au.com"],
        ),
        header_has(message, "subject", &["Mail System Error - Returned Mail"]),
        header_has(message, "message-id", &[".ezweb.ne.jp>", ".au.com>"]),
    ];
    match cheap.iter().filter(|s| **s).count() {
        0 => false,
        1 => message
            .header_all("received")
            .any(|r| r.holds("ezweb.ne.jp (EZweb Mail) with") || r.holds(".au.com (")),
        _ => true,
    }
}

/// `<kijitora@ezweb.ne.jp>`, `<kijitora@ezweb.ne.jp>: 550 ...` or `Recipient: <...>`.
fn recipient_line(line: &str) -> Option<String> {
    let t = line.trim();
    let bracketed = t.strip_prefix("Recipient:").map_or(t, str::trim_start);
    if !bracketed.starts_with('<') || !bracketed.contains('>') {
        return None;
    }
    address_in(bracketed)
}

/// Each recipient with its words: the notice (the English lines before and around the
/// recipients) and the recipient's own lines.
fn read_text(text: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.is_ascii())
        .collect();
    let mut notice: Vec<&str> = Vec::new();
    let mut found: Vec<(String, Vec<&str>)> = Vec::new();
    for line in lines {
        let session = line.starts_with(">>>") || line.starts_with("<<<");
        if session {
            if let Some((_, own)) = found.last_mut() {
                own.push(line);
            }
        } else if let Some(a) = recipient_line(line) {
            found.push((a, vec![line]));
        } else {
            notice.push(line);
        }
    }
    let notice = notice.join(" ");
    found
        .into_iter()
        .map(|(a, own)| (a, squeeze(&format!("{notice} {}", own.join(" ")))))
        .collect()
}

impl Detector for Ezweb {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !is_ezweb(message) {
            return None;
        }
        let from_text = read_text(text_until(message, ENDS));
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            recipients = from_text
                .iter()
                .map(|(a, words)| recipient(Some(a.clone()), words.clone()))
                .collect();
        }
        // EZweb's filter marks the mail it refused; the engine weighs the mark.
        let spam_sign = message.header("x-spasign").map(|v| v.trim().to_string());
        let alone = from_text.len() == 1;
        for r in &mut recipients {
            if r.diagnostic.trim().is_empty() {
                let words = from_text
                    .iter()
                    .find(|(a, _)| {
                        r.recipient
                            .as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(a))
                    })
                    .or_else(|| alone.then(|| &from_text[0]))
                    .map(|(_, w)| w.clone());
                r.diagnostic = words.unwrap_or_default();
            }
            if r.command.is_none() {
                r.command = smtp_command(&r.diagnostic);
            }
            if let Some(value) = &spam_sign {
                r.fields.push(ReportField {
                    name: "ezweb.x-spasign",
                    value: value.clone(),
                });
            }
        }
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    use crate::detect::common::{corpus, diagnosed_reasons, only_recipient};
    use bouncedoc_core::Reason;

    #[test]
    fn session_lines() {
        let r = &only_recipient(&Ezweb, "lhost-ezweb-04.eml");
        assert_eq!(
            r.recipient.as_deref(),
            Some("this-local-part-does-not-exist-on-the-server@ezweb.ne.jp")
        );
        assert!(
            r.diagnostic
                .starts_with("Each of the following recipients was rejected")
        );
        assert!(r.diagnostic.ends_with(": User unknown"));
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
    }

    #[test]
    fn report_part_without_words() {
        let r = &only_recipient(&Ezweb, "lhost-ezweb-02.eml");
        assert!(
            r.diagnostic.starts_with("The user(s) account is disabled."),
            "{}",
            r.diagnostic
        );
    }

    #[test]
    fn spam_filter_mark() {
        let d = Ezweb.detect(&corpus("lhost-ezweb-01.eml")).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(d.recipients[0].fields[0].value, "NG");
        assert_eq!(diagnosed_reasons("lhost-ezweb-01.eml"), [Reason::Filtered]);
    }
}
