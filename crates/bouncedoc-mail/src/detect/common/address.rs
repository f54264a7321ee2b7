//! E-mail addresses in running text.

use std::sync::LazyLock;

use regex::Regex;

use crate::facts::parse_address;

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~"-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"#)
        .expect("valid")
});

/// The first e-mail address in a text: the one inside `<...>` when there is one, else the
/// first bare one. Quotes and a trailing dot are dropped.
pub fn address_in(text: &str) -> Option<String> {
    let bracketed = text.match_indices('<').find_map(|(i, _)| {
        let rest = &text[i + 1..];
        let end = rest.find('>')?;
        parse_address(&rest[..end])
    });
    bracketed
        .or_else(|| {
            ADDRESS.find(text).map(|m| {
                m.as_str()
                    .trim_matches('"')
                    .trim_end_matches('.')
                    .to_string()
            })
        })
        .filter(|a| a.contains('@') && !a.starts_with('@') && !a.ends_with('@'))
}

/// Whether two addresses are the same mailbox (compared without case).
pub fn same_address(a: &str, b: &str) -> bool {
    a.trim_matches(['<', '>'])
        .eq_ignore_ascii_case(b.trim_matches(['<', '>']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        assert_eq!(
            address_in("550 5.1.1 <Kijitora@Example.jp>... User unknown"),
            Some("Kijitora@Example.jp".into())
        );
        assert_eq!(
            address_in("kijitora@example.jp: no such user."),
            Some("kijitora@example.jp".into())
        );
        assert_eq!(address_in("no address here"), None);
        assert!(same_address("<a@example.jp>", "A@Example.JP"));
    }
}
