//! Google Workspace and Gmail's current notices (<https://workspace.google.com/>).
//!
//! `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>`, `Subject: Delivery Status
//! Notification (Failure)`, a text (and its HTML twin) that opens with a headline between
//! asterisks, and sometimes a delivery-status part without words:
//!
//! ```text
//! ** Message not delivered **
//!
//! You're sending this from a different address or alias using the 'Send mail as' feature.
//! ...
//! Learn more here: https://support.google.com/mail/?p=CustomFromDenied
//!
//! The response was:
//!
//! Unspecified Error (SENT_SECOND_EHLO): Smtp server does not advertise AUTH capability
//! ```
//!
//! The words are the headline, the explanation and the remote server's response, without
//! the links. The recipient is the report part's, else `X-Failed-Recipients`, else the
//! address the notice's first sentence names after its headline ("Your message wasn't
//! delivered to ...", "There was a temporary problem delivering your message to ..."), else
//! the returned message's `To`. A notice without a report part is a delay when its headline
//! or Subject says so (`** Delivery incomplete **`, `Delivery Status Notification (Delay)`).

use bouncedoc_core::Action;

use super::common::{address_in, dsn_recipients, header_has, recipient, squeeze};
use super::googlegroups::failed_recipients;
use super::{Detected, Detector};
use crate::facts::parse_address;
use crate::message::Message;

/// The Google Workspace detector.
pub struct GoogleWorkspace;

const ID: &str = "googleworkspace";

/// The notice's words: from the headline (`** Message not delivered **`) to the end of the
/// text part, without the lines that only give a link.
fn notice(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("** ") && l.ends_with(" **"))?;
    let words: Vec<&str> = lines[start..]
        .iter()
        .copied()
        .filter(|l| !l.is_empty() && !l.starts_with("Learn more"))
        .collect();
    Some(squeeze(&words.join(" ")))
}

/// The address the notice's first sentence names: the first line after the headline.
fn prose_address(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim);
    lines.find(|l| l.starts_with("** ") && l.ends_with(" **"))?;
    lines.find(|l| !l.is_empty()).and_then(address_in)
}

/// Whether a notice without a report part is a delay warning.
fn is_delay(message: &Message, text: &str) -> bool {
    header_has(message, "subject", &["Notification (Delay)"])
        || text
            .lines()
            .any(|l| l.trim() == "** Delivery incomplete **")
}

impl Detector for GoogleWorkspace {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "from", &["mailer-daemon@googlemail.com"])
            || !header_has(message, "subject", &["Delivery Status Notification"])
        {
            return None;
        }
        let text = message.report_text();
        let words = notice(text)?;
        let mut recipients = dsn_recipients(message);
        if recipients.is_empty() {
            let mut addresses = failed_recipients(message);
            if addresses.is_empty() {
                addresses.extend(prose_address(text));
            }
            if addresses.is_empty() {
                addresses.extend(
                    message
                        .original_header("to")
                        .and_then(|v| parse_address(&v)),
                );
            }
            let delayed = is_delay(message, text);
            recipients = addresses
                .into_iter()
                .map(|a| {
                    let mut r = recipient(Some(a), "");
                    if delayed {
                        r.action = Some(Action::Delayed);
                    }
                    r
                })
                .collect();
        }
        for r in &mut recipients {
            if r.diagnostic.trim().is_empty() {
                r.diagnostic = words.clone();
            }
        }
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::corpus;

    #[test]
    fn send_mail_as_notice() {
        let d = GoogleWorkspace
            .detect(&corpus("lhost-googleworkspace-01.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(
            r.recipient.as_deref(),
            Some("neko-nyaan-cat-meeting@google-groups.example.com")
        );
        assert!(
            r.diagnostic
                .starts_with("** Message not delivered ** You're sending this")
        );
        assert!(
            r.diagnostic
                .ends_with("Smtp server does not advertise AUTH capability")
        );
        assert!(!r.diagnostic.contains("Learn more"));
    }

    #[test]
    fn address_not_found_with_a_report_part() {
        let d = GoogleWorkspace.detect(&corpus("rfc3464-65.eml")).unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("kijitora@example.it"));
        assert!(r.diagnostic.starts_with("** Address not found **"));
    }
}
