//! Sympa (<https://www.sympa.community/>), a mailing list manager, refusing a post.
//!
//! The moderator's refusal (`default/mail_tt2/reject.tt2`): `Subject: Your message has been
//! rejected.`, and
//!
//! ```text
//! Your message for list LIST@DOMAIN
//! has been rejected by the moderator (EDITOR).
//!
//! (Subject of your mail: ...)
//! ```
//!
//! The failed recipient is the list: the address named, or the list's name at the domain of
//! the sender when only the name is given ("Your message for list LIST has been rejected").

use super::common::{recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::detect::common::TextSearch;
use crate::facts::parse_address;
use crate::message::Message;

/// The Sympa detector.
pub struct Sympa;

const ID: &str = "sympa";

/// The words that open every refusal.
const OPENING: &str = "Your message for list ";

/// Where the returned post starts, when it is quoted in the text.
const ENDS: &[&str] = &["Your message :"];

/// The list named after [`OPENING`], when the text goes on to say it was rejected.
fn refused_list(text: &str, sender: &str) -> Option<String> {
    let at = text.find(OPENING)? + OPENING.len();
    let rest = &text[at..];
    let name = rest
        .split_whitespace()
        .next()?
        .trim_end_matches([',', '.', ':']);
    let tail = &rest[name.len()..];
    let said = tail
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    if !(said.starts_with("has been rejected") || said.starts_with("as been rejected")) {
        return None;
    }
    if name.contains('@') {
        return parse_address(name);
    }
    let domain = parse_address(sender)?.rsplit_once('@')?.1.to_string();
    (!name.is_empty()).then(|| format!("{name}@{domain}"))
}

impl Detector for Sympa {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        let text = text_until(message, ENDS);
        if !text.holds(OPENING) {
            return None;
        }
        let list = refused_list(text, message.header("from")?)?;
        Detected::found(ID, vec![recipient(Some(list), squeeze(text))])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_list() {
        let text = "Your message for list devel@lists.example.org\nhas been rejected by the moderator (ed@example.org).\n";
        assert_eq!(
            refused_list(text, "devel-request@lists.example.org").as_deref(),
            Some("devel@lists.example.org")
        );
    }

    #[test]
    fn the_name_at_the_robots_domain() {
        let text = "Your message for list devel has been rejected.\nThe message is thus sent back to you.\n";
        assert_eq!(
            refused_list(text, "SYMPA <sympa@lists.example.org>").as_deref(),
            Some("devel@lists.example.org")
        );
    }

    #[test]
    fn a_forwarded_post_is_no_refusal() {
        let text = "Your message for list devel has been forwarded to editor(s)\n";
        assert!(refused_list(text, "sympa@lists.example.org").is_none());
    }
}
