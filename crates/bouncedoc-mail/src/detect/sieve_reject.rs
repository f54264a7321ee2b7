//! A Sieve `reject` refusal (RFC 5429 section 2.1): the delivery agent's filter refuses a
//! message after it was accepted and answers with an MDN (`report-type=disposition-notification`,
//! `Disposition: automatic-action/MDN-sent-automatically; deleted`). Dovecot's Pigeonhole
//! (`src/lib-sieve/sieve-actions.c`) and Dovecot's LDA (`src/lib-lda/mail-send.c`, also a DSN
//! for a full mailbox) write the same text part:
//!
//! ```text
//! Your message to <RECIPIENT> was automatically rejected:
//! REASON
//! ```
//!
//! Cyrus's lmtpd (`imap/lmtp_sieve.c`, `send_rejection`) writes its own sentence in the same
//! MDN (`Subject: Automatically rejected mail`, `Reporting-UA: ...; Cyrus ...`):
//!
//! ```text
//! Your message was automatically rejected by Sieve, a mail
//! filtering language.
//!
//! The following reason was given:
//! REASON
//! ```
//!
//! The failed recipient is the `Final-Recipient` of the report (else the one the sentence
//! names); the words are the sentence and the reason the script gives.

use super::common::{address_in, detected, recipient, squeeze};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Sieve reject detector.
pub struct SieveReject;

const ID: &str = "sieve-reject";

const SENTENCE: &str = "> was automatically rejected:";
const OPENING: &str = "Your message to <";
const DISPOSITION: &str = "MDN-sent-automatically; deleted";
/// Cyrus's opening line, and the line before the script's reason.
const CYRUS_OPENING: &str = "Your message was automatically rejected by Sieve";
const CYRUS_REASON: &str = "The following reason was given:";

/// Cyrus's sentence and the script's reason: the lines from the opening one to the blank
/// line after the reason.
fn cyrus_words(text: &str) -> Option<Vec<&str>> {
    let mut lines = text.lines().skip_while(|l| !l.holds(CYRUS_OPENING));
    let mut words = vec![lines.next()?.trim()];
    let mut in_reason = false;
    for line in lines {
        let line = line.trim();
        if line.starts_with("--") {
            break;
        }
        if line.is_empty() {
            if in_reason && words.last().is_some_and(|w| !w.holds(CYRUS_REASON)) {
                break;
            }
            continue;
        }
        in_reason |= line.holds(CYRUS_REASON);
        words.push(line);
    }
    Some(words)
}

impl Detector for SieveReject {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = message.report_text();
        let cyrus = text.holds(CYRUS_OPENING);
        if !text.holds(SENTENCE) && !cyrus {
            return None;
        }
        let mdn: String = message
            .parts_of("message/disposition-notification")
            .map(|p| p.text().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        if !mdn.holds(DISPOSITION) && !text.holds(DISPOSITION) {
            return None;
        }
        let (first, words) = if cyrus {
            let words = cyrus_words(text)?;
            (words[0], words)
        } else {
            let mut lines = text.lines();
            let first = lines.find(|l| l.starts_with(OPENING) && l.holds(SENTENCE))?;
            let mut words = vec![first.trim()];
            for line in lines.by_ref() {
                let line = line.trim();
                if line.is_empty() || line.starts_with("--") {
                    break;
                }
                words.push(line);
            }
            (first, words)
        };
        let final_recipient = mdn.lines().chain(text.lines()).find_map(|l| {
            l.strip_prefix("Final-Recipient:")
                .and_then(|v| parse_address(v.trim()))
        });
        let address = final_recipient.or_else(|| address_in(first));
        detected(ID, vec![recipient(address, squeeze(&words.join(" ")))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_final_recipient_and_the_reason() {
        let raw = concat!(
            "From: Postmaster <postmaster@example.com>\n",
            "Subject: Automatically rejected mail\n\n",
            "Your message to <b@example.com> was automatically rejected:\n",
            "Not wanted here.\n\n",
            "Reporting-UA: example.com; Dovecot Mail Delivery Agent\n",
            "Final-Recipient: rfc822; b@example.com\n",
            "Disposition: automatic-action/MDN-sent-automatically; deleted\n",
        );
        let d = SieveReject
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        assert_eq!(d.recipients[0].recipient.as_deref(), Some("b@example.com"));
    }

    #[test]
    fn cyrus_sentence_and_reason() {
        let raw = concat!(
            "From: Mail Sieve Subsystem <postmaster@example.com>\n",
            "Subject: Automatically rejected mail\n\n",
            "Your message was automatically rejected by Sieve, a mail\n",
            "filtering language.\n\n",
            "The following reason was given:\n",
            "Not wanted here.\n\n",
            "Reporting-UA: example.com; Cyrus 3.8.3/3.0\n",
            "Final-Recipient: rfc822; b@example.com\n",
            "Disposition: automatic-action/MDN-sent-automatically; deleted\n",
        );
        let d = SieveReject
            .detect(&Message::parse(raw.as_bytes()).unwrap())
            .unwrap();
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("b@example.com"));
        assert!(r.diagnostic.contains("Not wanted here."));
        assert!(!r.diagnostic.contains("Reporting-UA"));
    }

    #[test]
    fn a_read_receipt_is_left_alone() {
        let raw =
            "Subject: Read: hello\n\nDisposition: manual-action/MDN-sent-manually; displayed\n";
        assert!(
            SieveReject
                .detect(&Message::parse(raw.as_bytes()).unwrap())
                .is_none()
        );
    }
}
