//! GMX and mail.com (<https://www.gmx.net/>), and the bounce text they share with 1&1 (the
//! mail platform of United Internet; see [`super::einsundeins`]).
//!
//! `From: MAILER-DAEMON@mail.gmx.com`, `Subject: Mail delivery failed: returning message to
//! sender`, headers `X-GMX-Antispam` or `X-UI-Out-Filterresults`, and a text:
//!
//! ```text
//! This message was created automatically by mail delivery software.
//!
//! A message that you sent could not be delivered to one or more of
//! its recipients. This is a permanent error. The following address
//! failed:
//!
//! "shironeko@example.jp":
//! SMTP error from remote server after RCPT command:
//! host: mx.example.jp
//! 5.1.1 <shironeko@example.jp>... User Unknown
//!
//! --- The header of the original message is following. ---
//! ```
//!
//! Each recipient is alone on its line (quoted, in angle brackets or bare, perhaps with a
//! colon); the lines up to the next recipient are the words, without the labels `Reason:`
//! and `For the following reason:`. The command is named as in Exim's text (`after RCPT
//! command`); 1&1's `for TEXT command` is the message's text, the `DATA` stage.

use bouncedoc_core::SmtpCommand;

use super::common::{address_in, header_has, recipient, smtp_command, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The GMX detector.
pub struct Gmx;

const ID: &str = "gmx";

/// Where the returned message's header starts.
const ENDS: &[&str] = &["--- The header of the original message is following. ---"];

/// Lines that only label the words after them.
const LABELS: &[&str] = &["Reason:", "For the following reason:"];

/// A line that holds only a recipient's address.
fn address_line(line: &str) -> Option<String> {
    let t = line.trim().trim_end_matches(':').trim_matches('"');
    if t.is_empty() || t.contains(char::is_whitespace) {
        return None;
    }
    address_in(t)
}

/// Reads the recipients of the text shared by GMX and 1&1: after the line that ends with
/// `failed:`, each recipient alone on its line followed by its words.
pub(crate) fn read(message: &Message) -> Vec<RecipientFacts> {
    let text = text_until(message, ENDS);
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| l.trim_end().ends_with("failed:")) else {
        return Vec::new();
    };
    let mut found: Vec<(String, Vec<&str>)> = Vec::new();
    for line in &lines[start + 1..] {
        let t = line.trim();
        if t.is_empty() || LABELS.contains(&t) {
            continue;
        }
        if let Some(a) = address_line(t) {
            found.push((a, Vec::new()));
        } else if let Some((_, words)) = found.last_mut() {
            words.push(t);
        }
    }
    found
        .into_iter()
        .map(|(a, words)| {
            let words = squeeze(&words.join(" "));
            let command = if words.holds(" TEXT command") {
                Some(SmtpCommand::Data)
            } else {
                smtp_command(&words)
            };
            RecipientFacts {
                command,
                ..recipient(Some(a), words)
            }
        })
        .collect()
}

impl Detector for Gmx {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let from_gmx = header_has(message, "from", &["@gmx.", "@mail.gmx.", "@mail.com"])
            || message.header("x-gmx-antispam").is_some();
        if !from_gmx {
            return None;
        }
        let recipients = read(message);
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::corpus;

    #[test]
    fn two_quoted_recipients() {
        let d = Gmx.detect(&corpus("lhost-gmx-03.eml")).unwrap();
        assert_eq!(d.recipients.len(), 2);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("mikeneko@example.co.jp"));
        assert_eq!(
            r.diagnostic,
            "SMTP error from remote server after RCPT command: host: mx.example.co.jp 5.2.1 <mikeneko@example.co.jp>... User Unknown"
        );
        assert_eq!(r.command, Some(SmtpCommand::Rcpt));
        assert_eq!(
            d.recipients[1].recipient.as_deref(),
            Some("sabineko@example.co.jp")
        );
    }

    #[test]
    fn reason_label_is_dropped() {
        let d = Gmx.detect(&corpus("lhost-gmx-04.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@6jo.example.co.jp"));
        assert_eq!(r.diagnostic, "delivery retry timeout exceeded");
    }
}
