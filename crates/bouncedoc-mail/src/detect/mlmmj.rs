//! mlmmj (<https://mlmmj.org/>), a mailing list manager, refusing a post.
//!
//! The notice is the list text `deny-post` (older versions: one file per reason), sent from
//! `LIST+bounces-help@DOMAIN` (the list's delimiter, `+` or `-`, then `bounces-help`), Subject
//! `Post to LIST@DOMAIN denied: SUBJECT`, opening with the prologue "Hi, this is the Mlmmj
//! program managing the <LIST@DOMAIN> mailing list." and saying
//!
//! ```text
//! The message from <POSTER> with subject "SUBJECT" was unable to be delivered to the list
//! because ...
//! ```
//!
//! The failed recipient is the list: the address the prologue or the Subject names, else the
//! sender without its `bounces-help` suffix.

use super::common::{recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The mlmmj detector.
pub struct Mlmmj;

const ID: &str = "mlmmj";

/// The sentence of every refusal of a post.
const REFUSED: &str = "was unable to be delivered to the list";

/// The local part's suffix of the address the notices come from.
const SENDER_SUFFIX: &str = "bounces-help";

/// The returned post, when quoted in the text (none of mlmmj's own; the MIME part holds it).
const ENDS: &[&str] = &[];

/// The list address of the notice: the prologue's `<LIST>`, the Subject's `Post to LIST
/// denied:`, or the sender without its suffix.
fn list_address(text: &str, subject: &str, sender: &str) -> Option<String> {
    if let Some(at) = text.find("program managing the <") {
        let rest = &text[at + "program managing the <".len()..];
        if let Some(end) = rest.find('>')
            && let Some(list) = parse_address(&rest[..end])
        {
            return Some(list);
        }
    }
    if let Some(rest) = subject.trim().strip_prefix("Post to ")
        && let Some((list, _)) = rest.split_once(" denied")
        && let Some(list) = parse_address(list.trim())
    {
        return Some(list);
    }
    let sender = parse_address(sender)?;
    let (local, domain) = sender.rsplit_once('@')?;
    let name = local.strip_suffix(SENDER_SUFFIX)?;
    let name = name.strip_suffix(['+', '-'])?;
    (!name.is_empty()).then(|| format!("{name}@{domain}"))
}

/// Whether the sender is a list's `bounces-help` address.
fn from_bounces_help(sender: &str) -> bool {
    parse_address(sender).is_some_and(|a| {
        a.rsplit_once('@').is_some_and(|(local, _)| {
            local
                .to_ascii_lowercase()
                .strip_suffix(SENDER_SUFFIX)
                .is_some_and(|n| n.ends_with(['+', '-']))
        })
    })
}

impl Detector for Mlmmj {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let sender = message.header("from")?;
        if !from_bounces_help(sender) {
            return None;
        }
        let text = text_until(message, ENDS);
        if !squeeze(text).holds(REFUSED) {
            return None;
        }
        let subject = message.header("subject").unwrap_or_default();
        let list = list_address(text, subject, sender)?;
        Detected::found(ID, vec![recipient(Some(list), squeeze(text))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_of_the_prologue() {
        let text =
            "Hi, this is the Mlmmj program managing the <club@lists.example.org>\nmailing list.\n";
        assert_eq!(
            list_address(text, "", "club+bounces-help@lists.example.org").as_deref(),
            Some("club@lists.example.org")
        );
    }

    #[test]
    fn the_list_of_the_subject_or_the_sender() {
        assert_eq!(
            list_address(
                "",
                "Post to news@example.org denied: hello",
                "x@example.org"
            )
            .as_deref(),
            Some("news@example.org")
        );
        assert_eq!(
            list_address("", "", "news-bounces-help@example.org").as_deref(),
            Some("news@example.org")
        );
    }

    #[test]
    fn only_the_bounces_help_address() {
        assert!(from_bounces_help("club+bounces-help@lists.example.org"));
        assert!(!from_bounces_help("bounces-help@example.org"));
        assert!(!from_bounces_help("club-owner@lists.example.org"));
    }
}
