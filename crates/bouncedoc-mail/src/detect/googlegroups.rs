//! Google Groups (<https://groups.google.com/>): the notice that a message could not be
//! posted to a group.
//!
//! `From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>`, `X-Failed-Recipients:` the
//! group's address, and a text in the sender's language that points to
//! `https://groups.google.com/support/`:
//!
//! ```text
//! Hello kijitora@example.jp,
//!
//! We're writing to let you know that the group you tried to contact (libsisimai) may not
//! exist, or you may not have permission to post messages to the group. ...
//!
//! ----- Original message -----
//! ```
//!
//! The failed recipient is the group (`X-Failed-Recipients`); the words are the notice. A
//! notice without that header names the group only by its name ("the group you tried to
//! contact (NAME)"): the group is then the addressee of the returned post (its `To:` or
//! `Cc:`, attached or quoted after `----- Original message -----`) with that local part, or,
//! for a notice that points to groups.google.com, `NAME@googlegroups.com`.

use super::common::{header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Google Groups detector.
pub struct GoogleGroups;

const ID: &str = "googlegroups";

/// Where the returned message starts.
const ENDS: &[&str] = &["----- Original message -----"];

/// What the notice says in every version: the link to Google Groups, or its fixed sentences
/// ("the group you tried to contact (NAME) may not exist", "any other Google Group").
const MARKERS: &[&str] = &[
    "groups.google.com",
    "the group you tried to contact",
    "or any other Google Group",
];

/// The addresses of an `X-Failed-Recipients` header (comma-separated).
pub(crate) fn failed_recipients(message: &Message) -> Vec<String> {
    message
        .header_all("x-failed-recipients")
        .flat_map(|v| v.split(','))
        .filter_map(parse_address)
        .collect()
}

/// The group's name in "the group you tried to contact (NAME)".
fn group_name(words: &str) -> Option<&str> {
    const BEFORE: &str = "the group you tried to contact (";
    let at = words.find(BEFORE)? + BEFORE.len();
    let rest = &words[at..];
    let name = rest[..rest.find(')')?].trim();
    (!name.is_empty() && !name.contains(char::is_whitespace)).then_some(name)
}

/// The `To:` and `Cc:` addresses of the post quoted after the notice (`----- Original
/// message -----`, then its headers up to the first empty line after them).
fn quoted_addressees(full: &str) -> Vec<String> {
    let Some(at) = full.find(ENDS[0]) else {
        return Vec::new();
    };
    let mut values: Vec<String> = Vec::new();
    let mut in_headers = false;
    let mut taking = false;
    for line in full[at + ENDS[0].len()..].lines() {
        if line.trim().is_empty() {
            if in_headers {
                break;
            }
            continue;
        }
        in_headers = true;
        if line.starts_with([' ', '\t']) {
            if taking && let Some(last) = values.last_mut() {
                last.push_str(line);
            }
            continue;
        }
        let name = line
            .split_once(':')
            .map(|(n, _)| n.trim().to_ascii_lowercase());
        taking = matches!(name.as_deref(), Some("to" | "cc"));
        if taking {
            values.push(line.split_once(':').map_or("", |(_, v)| v).to_string());
        }
    }
    values
        .iter()
        .flat_map(|v| v.split(','))
        .filter_map(parse_address)
        .collect()
}

/// The group of a notice without `X-Failed-Recipients`: the returned post's addressee whose
/// local part is the group's name, else the name at googlegroups.com for a notice that points
/// to groups.google.com.
fn named_group(message: &Message, words: &str) -> Option<String> {
    let name = group_name(words)?;
    let mut addressees = quoted_addressees(message.report_text());
    for header in ["to", "cc"] {
        if let Some(v) = message.original_header(header) {
            addressees.extend(v.split(',').filter_map(parse_address));
        }
    }
    if let Some(found) = addressees.into_iter().find(|a| {
        a.rsplit_once('@')
            .is_some_and(|(local, _)| local.eq_ignore_ascii_case(name))
    }) {
        return Some(found);
    }
    (words.holds("groups.google.com") && !name.contains('@'))
        .then(|| format!("{name}@googlegroups.com"))
}

impl Detector for GoogleGroups {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        if !header_has(message, "from", &["mailer-daemon@googlemail.com"]) {
            return None;
        }
        let text = text_until(message, ENDS);
        // The notice points to groups.google.com, or (for a group of a Google Workspace
        // domain) to the domain's Help Center; its fixed sentences name the group either way.
        if !MARKERS.iter().any(|m| text.holds(m)) {
            return None;
        }
        let words = squeeze(text);
        let mut failed = failed_recipients(message);
        if failed.is_empty() {
            failed.extend(named_group(message, &words));
        }
        let recipients: Vec<_> = failed
            .into_iter()
            .map(|a| recipient(Some(a), words.clone()))
            .collect();
        Detected::found(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::detect::common::corpus;

    #[test]
    fn the_group_is_the_recipient() {
        let d = GoogleGroups
            .detect(&corpus("lhost-googlegroups-14.eml"))
            .unwrap();
        assert_eq!(d.recipients.len(), 1);
        let r = &d.recipients[0];
        assert_eq!(r.recipient.as_deref(), Some("libsisimai@googlegroups.com"));
        assert!(
            r.diagnostic
                .contains("may not have permission to post messages to the group")
        );
        assert!(!r.diagnostic.contains("Original message"));
    }

    #[test]
    fn the_group_named_in_the_prose() {
        let words = "We're writing to let you know that the group you tried to contact (team-a) may not exist";
        assert_eq!(group_name(words), Some("team-a"));
        let full = "Thanks,\n\n----- Original message -----\n\nReceived: from x\n  by y\nFrom: a@example.com\nTo: Team <team-a@example.org>,\n  b@example.net\nCc: c@example.net\nSubject: hi\n\nTo: not@example.com\n";
        assert_eq!(
            quoted_addressees(full),
            vec!["team-a@example.org", "b@example.net", "c@example.net"]
        );
    }

    #[test]
    fn gmail_is_not_groups() {
        assert!(GoogleGroups.detect(&corpus("lhost-gmail-01.eml")).is_none());
    }
}
