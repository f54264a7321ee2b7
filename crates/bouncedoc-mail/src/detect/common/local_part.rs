//! Recipients that a report names by their local part alone (`kijitora`, an AOL screen
//! name, a Sendmail local user), completed with the domain the format means.

use super::address::address_in;
use super::search::contains_ignore_case;
use crate::message::Message;

/// Whether a word can be a bare local part as reports list them: letters, digits and the
/// few marks mailbox names use (RFC 5322's `dot-atom` without the rarer ones).
pub fn is_bare_local_part(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 64
        && !word.starts_with('.')
        && !word.ends_with('.')
        && word.chars().any(|c| c.is_ascii_alphabetic())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-=".contains(c))
}

/// Words of a line that opens a list of the recipients that failed.
const LIST_HEADINGS: &[&str] = &[
    "following recipient",
    "following address",
    "following user",
    "following screen name",
    "could not be delivered to",
    "not delivered to",
    "undeliverable to",
    "delivery failed to",
    "failed to deliver to",
];

/// The bare local parts listed one a line under a heading that says they failed, with the
/// index of their line: as AOL wrote its screen names (the shape GNU Mailman's AOL bounce
/// detector reads: "...mail to the following recipients could not be delivered", then
/// `kijitora`, `sabatora`), or as GroupWise lists its recipients with a note each
/// (`kijitora (user not found)`). An item is a bare local part (`<kijitora>` counts as one)
/// or an address, alone or followed by ` (`, `:` or ` - ` and words; the list ends at the
/// first line that is no item. Only the bare local parts are returned.
pub fn listed_local_parts(lines: &[&str]) -> Vec<(usize, String)> {
    // Compared without ASCII case and without a copy of each line (a report's text can be
    // long, and most have no such list).
    let heading = lines.iter().position(|l| {
        let t = l.trim();
        LIST_HEADINGS.iter().any(|h| contains_ignore_case(t, h))
            && (t.ends_with(':') || contains_ignore_case(t, "following recipients could not"))
    });
    let Some(at) = heading else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut items = 0;
    for (i, line) in lines.iter().enumerate().skip(at + 1) {
        let t = line.trim();
        if t.is_empty() {
            if items == 0 {
                continue;
            }
            break;
        }
        let Some(word) = list_item(t) else {
            break;
        };
        items += 1;
        if is_bare_local_part(word) {
            out.push((i, word.to_string()));
        }
    }
    out
}

/// The address or local part a list item names: the whole line, or its first word when a
/// note follows (` (`, `:`, ` - `).
fn list_item(line: &str) -> Option<&str> {
    let end = line
        .find(" (")
        .or_else(|| line.find(": "))
        .or_else(|| line.find(" - "))
        .unwrap_or(line.len());
    let word = line[..end].trim().trim_end_matches(':');
    let word = word
        .strip_prefix('<')
        .and_then(|w| w.strip_suffix('>'))
        .unwrap_or(word);
    let address = word.split_once('@').is_some_and(|(l, d)| {
        is_bare_local_part(l) && d.contains('.') && !d.contains(char::is_whitespace)
    });
    (is_bare_local_part(word) || address).then_some(word)
}

/// The addresses of the returned message's `To:` and `Cc:` fields.
fn returned_addressees(message: &Message) -> Vec<String> {
    ["to", "cc"]
        .iter()
        .filter_map(|h| message.original_header(h))
        .flat_map(|v| v.split(',').filter_map(address_in).collect::<Vec<String>>())
        .collect()
}

/// The address of a local user a report names without a domain: the returned message's
/// addressee of the same local part (compared without case); else the user at the domain
/// of the report's own sender (the server that wrote it is the one that holds the mailbox:
/// AOL's `MAILER-DAEMON@aol.com` lists its screen names so).
pub fn address_of_local_part(message: &Message, local: &str) -> Option<String> {
    if !is_bare_local_part(local) {
        return None;
    }
    let same = returned_addressees(message).into_iter().find(|a| {
        a.rsplit_once('@')
            .is_some_and(|(l, _)| l.eq_ignore_ascii_case(local))
    });
    same.or_else(|| {
        let from = message.header("from").and_then(address_in)?;
        let (_, domain) = from.rsplit_once('@')?;
        (!crate::internal_route::is_internal_host(domain)).then(|| format!("{local}@{domain}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_local_parts() {
        assert!(is_bare_local_part("kijitora"));
        assert!(is_bare_local_part("neko.nyaan+1"));
        assert!(!is_bare_local_part("kijitora@example.jp"));
        assert!(!is_bare_local_part("two words"));
        assert!(!is_bare_local_part("12345"));
        assert!(!is_bare_local_part("----"));
        assert!(!is_bare_local_part(""));
    }

    #[test]
    fn a_list_of_local_parts() {
        let lines = [
            "The mail you sent could not be delivered to:",
            "",
            "kijitora",
            "<sabatora>",
            "",
            "mikeneko",
        ];
        let names = |lines: &[&str]| -> Vec<String> {
            listed_local_parts(lines)
                .into_iter()
                .map(|(_, l)| l)
                .collect()
        };
        assert_eq!(names(&lines), ["kijitora", "sabatora"]);
        assert_eq!(listed_local_parts(&lines)[1].0, 3);
        // Items with a note, and addresses among them (which are not returned).
        let lines = [
            "The message that you sent was undeliverable to the following:",
            "\tkijitora (user not found)",
            "\tsabatora@example.jp (host not found)",
            "\tmikeneko: mailbox full",
            "Possible causes:",
        ];
        assert_eq!(names(&lines), ["kijitora", "mikeneko"]);
        // A sentence after the heading is no list.
        let lines = [
            "Your message could not be delivered to:",
            "the server said no",
        ];
        assert!(listed_local_parts(&lines).is_empty());
        assert!(listed_local_parts(&["kijitora"]).is_empty());
    }

    #[test]
    fn the_domain_of_a_local_part() {
        let m = Message::parse(b"From: MAILER-DAEMON@aol.com\nSubject: x\nContent-Type: multipart/mixed; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nx\n--B\nContent-Type: message/rfc822\n\nFrom: a@example.org\nTo: Neko <neko@example.jp>, Kijitora@Example.NET\n\nhi\n--B--\n").unwrap();
        assert_eq!(
            address_of_local_part(&m, "kijitora").as_deref(),
            Some("Kijitora@Example.NET")
        );
        assert_eq!(
            address_of_local_part(&m, "sabatora").as_deref(),
            Some("sabatora@aol.com")
        );
        assert_eq!(address_of_local_part(&m, "two words"), None);
        // A report from an internal host gives no domain of its own.
        let m = Message::parse(b"From: MAILER-DAEMON@mailhub0\nSubject: x\n\nx\n").unwrap();
        assert_eq!(address_of_local_part(&m, "sabatora"), None);
    }
}
