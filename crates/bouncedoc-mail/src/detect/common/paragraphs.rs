//! Reports that write one paragraph per recipient, opened by its `<address>`.

use super::address::address_in;
use crate::facts::parse_address;
use crate::whitespace::squeeze;

/// Lines starting with `<address>` open a paragraph about that recipient; the lines that
/// follow (up to a blank line or the next such line) continue it. Returns each recipient
/// with its words (the address and its punctuation removed, folded lines joined) and the
/// address it was expanded from (`<a> (expanded from <b>): ...`).
pub fn bracketed_paragraphs(text: &str) -> Vec<(String, Option<String>, String)> {
    let mut out: Vec<(String, Option<String>, String)> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let t = line.trim_end();
        if t.trim().is_empty() {
            open = false;
            continue;
        }
        if t.starts_with('<')
            && let Some(end) = t.find('>')
            && let Some(addr) = parse_address(&t[1..end])
        {
            let rest = t[end + 1..].trim_start();
            let (alias, words) = match rest.strip_prefix("(expanded from") {
                Some(r) => {
                    let alias = address_in(r);
                    let words = r.split_once("):").map_or("", |(_, w)| w);
                    (alias, words.to_string())
                }
                None => (None, rest.trim_start_matches(':').to_string()),
            };
            out.push((addr, alias, words.trim().to_string()));
            open = true;
            continue;
        }
        if open && let Some(last) = out.last_mut() {
            let words = &mut last.2;
            // The end of an `(expanded from` that was folded onto this line.
            let more = if words.is_empty() && last.1.is_none() {
                match t.split_once("):") {
                    Some((alias, w)) => {
                        last.1 = address_in(alias);
                        w
                    }
                    None => t,
                }
            } else {
                t
            };
            let words = &mut last.2;
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(more.trim());
        }
    }
    for p in &mut out {
        p.2 = squeeze(&p.2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_about_recipients() {
        let text = "<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1\n    <a@example.jp>... User Unknown (in reply to RCPT TO command)\n\n<r@example.jp> (expanded from\n    <b@example.jp>): mailbox full\n";
        let p = bracketed_paragraphs(text);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, "a@example.jp");
        assert_eq!(
            p[0].2,
            "host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>... User Unknown (in reply to RCPT TO command)"
        );
        assert_eq!(p[1].1.as_deref(), Some("b@example.jp"));
        assert_eq!(p[1].2, "mailbox full");
    }
}
