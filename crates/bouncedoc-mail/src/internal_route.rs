//! Recipient fields that name the reporting server's own route rather than the address the
//! sender used, and the choice between a report's `Final-Recipient` and `Original-Recipient`.
//!
//! RFC 3464 §2.3.2 says `Final-Recipient` is the address as the reporting server last
//! rewrote it, and `Original-Recipient` (§2.3.1, from the `ORCPT` parameter of RFC 3461)
//! the one the sender gave. Most servers write the same address in both; some write in
//! `Final-Recipient` where they delivered inside their own network:
//!
//! - an RFC 821 source route, `@relay.example.net:user@store01` (Sun/Oracle Messaging
//!   Server's reports; RFC 5321 §4.1.1.3 and appendix C tell servers to strip the route);
//! - an address on a host that has no public name: `user@mailhub0` (a Postfix relay named
//!   after its machine, with `(expanded from <...>)` in its text), `user@localhost`, a name
//!   under a suffix kept for private networks (`.local`, RFC 6762; `.internal`, ICANN's
//!   reservation of 2024; `.localdomain`, `.lan`, `.corp`, `.home.arpa` of RFC 8375), a
//!   name with a character no host name has (`_`), or an address literal;
//! - a host-less local part (`rfc822; kijitora`);
//! - an address type other than `rfc822` or RFC 6533's `utf-8`: `LOCAL;`, `X-Local;`
//!   (a mailbox path), `x-unix;`.
//!
//! Such an address is not one the sender can look up, suppress or correct: when the
//! `Original-Recipient` is an ordinary address, it is the recipient, and the final one is
//! kept as a fact ([`RecipientFacts::final_recipient`](crate::facts::RecipientFacts)).

use crate::facts::parse_address;

/// Suffixes of host names kept for private networks or in common private use.
const INTERNAL_SUFFIXES: &[&str] = &[
    ".local",
    ".localdomain",
    ".localhost",
    ".internal",
    ".intranet",
    ".intra",
    ".lan",
    ".corp",
    ".home.arpa",
    ".invalid",
];

/// The address type of a recipient field (`rfc822` of `rfc822; a@example.jp`), as written;
/// `None` when the value has none.
fn address_type(value: &str) -> Option<&str> {
    let (kind, _) = value.split_once(';')?;
    let kind = kind.trim();
    (!kind.is_empty() && !kind.contains(char::is_whitespace)).then_some(kind)
}

/// The address of a recipient field as written, without its type and angle brackets
/// (`kijitora` of `rfc822; <kijitora>`).
fn written_address(value: &str) -> &str {
    let v = match value.split_once(';') {
        Some((kind, rest)) if !kind.trim().contains(char::is_whitespace) => rest,
        _ => value,
    };
    v.trim().trim_matches(['<', '>']).trim()
}

/// Whether a host name (the part after `@`) is no public one: a single label, a name under
/// a private suffix, a name with a character no host name holds, or an address literal.
pub(crate) fn is_internal_host(host: &str) -> bool {
    // Read for every recipient of every report: compared without a lower-cased copy.
    let host = host.trim().trim_end_matches('.');
    if host.is_empty() || host.starts_with('[') || !host.contains('.') {
        return true;
    }
    if !host
        .chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
    {
        return true;
    }
    INTERNAL_SUFFIXES.iter().any(|s| {
        host.len() >= s.len()
            && host.is_char_boundary(host.len() - s.len())
            && host[host.len() - s.len()..].eq_ignore_ascii_case(s)
    })
}

/// Whether an address (as written, without its type) names an internal route: a source
/// route, a host-less local part or an internal host.
pub(crate) fn is_internal_address(address: &str) -> bool {
    let a = address.trim().trim_matches(['<', '>']);
    if a.starts_with('@') {
        return true;
    }
    match a.rsplit_once('@') {
        Some((local, host)) => local.is_empty() || is_internal_host(host),
        None => true,
    }
}

/// Whether a recipient field's value names an internal route: an address type the sender
/// cannot have used, or an internal address ([`is_internal_address`]).
pub(crate) fn is_internal_field(value: &str) -> bool {
    let typed_other = address_type(value)
        .is_some_and(|t| !t.eq_ignore_ascii_case("rfc822") && !t.eq_ignore_ascii_case("utf-8"));
    typed_other || is_internal_address(written_address(value))
}

/// The mailbox of an RFC 821 source route (`@a,@b:user@example.jp` gives `user@example.jp`),
/// when the value is one and the mailbox is an ordinary address.
pub(crate) fn mailbox_of_source_route(address: &str) -> Option<String> {
    let a = address.trim().trim_matches(['<', '>']);
    let (_, mailbox) = a.strip_prefix('@')?.split_once(':')?;
    parse_address(mailbox).filter(|m| !is_internal_address(m))
}

/// The recipient of a report block and, when it is not the final recipient, the final one
/// as written: from the values of `Final-Recipient` and `Original-Recipient` (either may be
/// missing). The final recipient is the recipient unless it is an internal route and the
/// original one an ordinary `rfc822` (or `utf-8`) address; a source route without such an
/// original gives its mailbox.
pub(crate) fn sender_recipient(
    final_field: Option<&str>,
    original_field: Option<&str>,
) -> (Option<String>, Option<String>) {
    let original = original_field
        .filter(|v| !is_internal_field(v))
        .and_then(original_address);
    let Some(final_value) = final_field else {
        return (original_field.and_then(original_address), None);
    };
    if is_internal_field(final_value) {
        let written = written_address(final_value).to_string();
        if let Some(o) = original {
            return (Some(o), Some(written));
        }
        if let Some(mailbox) = mailbox_of_source_route(&written) {
            return (Some(mailbox), Some(written));
        }
    }
    match parse_address(final_value) {
        Some(a) => (Some(a), None),
        None => (original_field.and_then(original_address), None),
    }
}

/// The address of an `Original-Recipient` value. It is the ORCPT the sender gave, which is
/// written in xtext (RFC 3461 section 4.2: `+` followed by two upper-case hex digits stands
/// for a character, `sales+2Bjp@example.jp` for `sales+jp@example.jp`); some servers copy it
/// into the report undecoded. Only printable ASCII characters are decoded.
fn original_address(value: &str) -> Option<String> {
    let address = parse_address(value)?;
    if !address.contains('+') {
        return Some(address);
    }
    let hex = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let bytes = address.as_bytes();
    let mut out = String::with_capacity(address.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'+'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
            && (0x21..=0x7e).contains(&(h * 16 + l))
        {
            out.push(char::from(h * 16 + l));
            i += 3;
            continue;
        }
        let c = address[i..].chars().next()?;
        out.push(c);
        i += c.len_utf8();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xtext_original_recipients() {
        assert_eq!(
            original_address("rfc822;sales+2Bjp@example.jp").as_deref(),
            Some("sales+jp@example.jp")
        );
        assert_eq!(
            original_address("rfc822;a+3Db@example.jp").as_deref(),
            Some("a=b@example.jp")
        );
        assert_eq!(
            original_address("rfc822;ken+news@example.jp").as_deref(),
            Some("ken+news@example.jp")
        );
    }

    #[test]
    fn internal_hosts() {
        for h in [
            "mailhub0",
            "localhost",
            "internal_daemon",
            "store.example.local",
            "exch.corp",
            "mx.internal",
            "[192.0.2.1]",
            "router.home.arpa",
        ] {
            assert!(is_internal_host(h), "{h}");
        }
        for h in [
            "example.jp",
            "mx.example.org",
            "xn--eckwd4c7c.xn--zckzah",
            "例え.テスト",
        ] {
            assert!(!is_internal_host(h), "{h}");
        }
    }

    #[test]
    fn internal_fields() {
        assert!(is_internal_field(
            "rfc822;@smtp.example.net:kijitora@server"
        ));
        assert!(is_internal_field("rfc822; kijitora"));
        assert!(is_internal_field("rfc822; kijitora@Store.LOCAL"));
        assert!(!is_internal_field("RFC822; kijitora@Example.JP"));
        assert!(is_internal_field("LOCAL; kijitora@example.jp"));
        assert!(is_internal_field("x-unix; /var/mail/kijitora"));
        assert!(!is_internal_field("rfc822; kijitora@example.jp"));
        assert!(!is_internal_field("utf-8; ねこ@example.jp"));
        assert!(!is_internal_field("kijitora@example.jp"));
    }

    #[test]
    fn the_sender_s_address_wins_over_an_internal_route() {
        assert_eq!(
            sender_recipient(
                Some("rfc822;@smtp.example.net:kijitora@server"),
                Some("rfc822;kijitora@example.net")
            ),
            (
                Some("kijitora@example.net".into()),
                Some("@smtp.example.net:kijitora@server".into())
            )
        );
        assert_eq!(
            sender_recipient(Some("rfc822; a@mailhub0"), Some("rfc822; b@example.jp")),
            (Some("b@example.jp".into()), Some("a@mailhub0".into()))
        );
        // A public final address stays, and so does an internal one with nothing better.
        assert_eq!(
            sender_recipient(Some("rfc822; a@example.org"), Some("rfc822; b@example.jp")),
            (Some("a@example.org".into()), None)
        );
        assert_eq!(
            sender_recipient(Some("rfc822; a@mailhub0"), Some("rfc822; b@localhost")),
            (Some("a@mailhub0".into()), None)
        );
        assert_eq!(
            sender_recipient(Some("rfc822; a@mailhub0"), None),
            (Some("a@mailhub0".into()), None)
        );
        // A source route alone gives its mailbox; a route to nowhere stays as written.
        assert_eq!(
            sender_recipient(
                Some("rfc822; <@a.example.net,@b.example.net:k@example.jp>"),
                None
            ),
            (
                Some("k@example.jp".into()),
                Some("@a.example.net,@b.example.net:k@example.jp".into())
            )
        );
        assert_eq!(
            sender_recipient(Some("RFC822; @mx.example.org"), None),
            (Some("@mx.example.org".into()), None)
        );
        // Without a final recipient, or with a host-less one, the original is read.
        assert_eq!(
            sender_recipient(None, Some("rfc822; b@example.jp")),
            (Some("b@example.jp".into()), None)
        );
        assert_eq!(
            sender_recipient(Some("rfc822; kijitora"), None),
            (None, None)
        );
    }
}
