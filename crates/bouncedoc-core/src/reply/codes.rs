//! Finding SMTP reply codes and enhanced status codes in free text.
//!
//! Written by hand rather than with a regular expression because what makes a code a code is
//! its surroundings (what stands before it, what follows, whether a reply code precedes a
//! status code on the same line), and a byte scan says that more plainly than look-around,
//! which the `regex` crate does not have.

use crate::status::{StatusCode, is_reply_code};

/// One code found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeHit {
    /// The reply code, when one stands here.
    pub reply_code: Option<u16>,
    /// The enhanced status code, when one stands here (right after the reply code, if any).
    pub status: Option<StatusCode>,
    /// Byte offset of the hit in the text.
    pub offset: usize,
    /// True when the hit opens its line (after white space and `>` quoting).
    pub line_start: bool,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// Whether a code may start at `i`: what stands before it must not make it part of a longer
/// token (an IP address, a version `v1.2.3` or `/4.2.1`, a host name, a word).
fn boundary_before(bytes: &[u8], i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let prev = bytes[i - 1];
    if prev == b'-' {
        // `550-5.1.1`: a dash after a reply code; otherwise part of a token like `abc-5.1.1`.
        return i < 2 || bytes[i - 2].is_ascii_digit() || !is_word_byte(bytes[i - 2]);
    }
    !(is_word_byte(prev) || matches!(prev, b'.' | b'/' | b'@' | b'=' | b'+'))
}

/// Whether a code may end before `j`: not followed by more of a number (`.5` of an IP
/// address) or a word.
fn boundary_after(bytes: &[u8], j: usize) -> bool {
    match bytes.get(j) {
        None => true,
        Some(b'.') => !bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit()),
        Some(b':') => !bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit()),
        Some(b',') => !bytes.get(j + 1).is_some_and(|b| b.is_ascii_digit()),
        Some(&b) => !is_word_byte(b) && b != b'-' && b != b'/' && b != b'@',
    }
}

fn digits_at(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

fn number(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |n, b| {
        n.saturating_mul(10).saturating_add(u16::from(b - b'0'))
    })
}

/// Reads an enhanced status code at `i`, returning it and where it ends.
fn status_at(bytes: &[u8], i: usize) -> Option<(StatusCode, usize)> {
    let class = *bytes.get(i)?;
    if !matches!(class, b'2' | b'4' | b'5') || bytes.get(i + 1) != Some(&b'.') {
        return None;
    }
    let s = i + 2;
    let sn = digits_at(bytes, s);
    if sn == 0 || sn > 3 || bytes.get(s + sn) != Some(&b'.') {
        return None;
    }
    let d = s + sn + 1;
    let dn = digits_at(bytes, d);
    if dn == 0 || dn > 3 {
        return None;
    }
    let end = d + dn;
    if !boundary_after(bytes, end) {
        return None;
    }
    let subject = number(&bytes[s..s + sn]);
    // The registry's subjects are 0 to 7; anything else is a version number or the like.
    if subject > 7 {
        return None;
    }
    let code = StatusCode::new(class - b'0', subject, number(&bytes[d..end]));
    Some((code, end))
}

/// Reads a reply code at `i` (three digits, then a space, a dash or the end of the line).
fn reply_at(bytes: &[u8], i: usize) -> Option<(u16, usize)> {
    if digits_at(bytes, i) != 3 {
        return None;
    }
    let code = number(&bytes[i..i + 3]);
    if !is_reply_code(code) {
        return None;
    }
    let end = i + 3;
    match bytes.get(end) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'-' | b')' | b']' | b'>' | b'"' | b'\'') => {}
        Some(b'.' | b',' | b';' | b':') => {
            if bytes.get(end + 1).is_some_and(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        _ => return None,
    }
    // `550-` must be followed by text, not by more digits of a date or a phone number
    // (`250-10-2026`); `550-5.1.1` is allowed.
    if bytes.get(end) == Some(&b'-') {
        let after = end + 1;
        let n = digits_at(bytes, after);
        if n > 0 && status_at(bytes, after).is_none() {
            return None;
        }
    }
    Some((code, end))
}

fn at_line_start(bytes: &[u8], i: usize) -> bool {
    bytes[..i]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n' && b != b'\r')
        .all(|&b| b == b' ' || b == b'\t' || b == b'>')
}

/// Finds every reply code and enhanced status code in `text`, in order. A reply code
/// directly followed by a status code (`550 5.1.1`, `550-5.1.1`) makes one hit.
pub fn find_codes(text: &str) -> Vec<CodeHit> {
    let bytes = text.as_bytes();
    let mut hits = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b'2'..=b'5').contains(&b) || !boundary_before(bytes, i) {
            i += 1;
            continue;
        }
        if let Some((code, end)) = reply_at(bytes, i) {
            // A status code may follow after a dash or white space.
            let mut j = end;
            if bytes.get(j) == Some(&b'-') {
                j += 1;
            }
            while matches!(bytes.get(j), Some(b' ' | b'\t')) {
                j += 1;
            }
            let paired = status_at(bytes, j).filter(|(s, _)| s.class as u16 == code / 100);
            hits.push(CodeHit {
                reply_code: Some(code),
                status: paired.map(|(s, _)| s),
                offset: i,
                line_start: at_line_start(bytes, i),
            });
            i = paired.map_or(end, |(_, e)| e);
            continue;
        }
        if let Some((status, end)) = status_at(bytes, i) {
            hits.push(CodeHit {
                reply_code: None,
                status: Some(status),
                offset: i,
                line_start: at_line_start(bytes, i),
            });
            i = end;
            continue;
        }
        i += 1;
    }
    hits
}

/// The reply codes of RFC 5321 (and its extensions) in the order that says most about the
/// cause when a text holds several, as the reference classifier (Sisimai) prefers them: the
/// specific permanent refusals (550-553, ...) before the generic `554` and the protocol
/// complaints `500`-`504` that often follow a refusal in a transcript; then the temporary
/// ones; then the positive ones.
const REPLY_CODE_PREFERENCE: &[u16] = &[
    550, 552, 553, 551, 521, 525, 523, 524, 530, 533, 534, 535, 538, 555, 556, 554, 500, 501, 502,
    503, 504, 421, 450, 451, 452, 422, 430, 432, 453, 454, 455, 458, 459, 211, 214, 220, 221, 235,
    250, 251, 252, 253, 334, 354,
];

/// The reply code that says most about the cause, of the status code's class when one is
/// known: a code of another class is not the answer to this delivery (a `554` greeting
/// refusal beside a delivery only deferred), and a number that no RFC defines as a reply
/// code (`522`, `542`) is not one.
pub fn preferred_reply_code(hits: &[CodeHit], class: Option<u8>) -> Option<u16> {
    let fits = |c: u16| class.is_none_or(|k| c / 100 == u16::from(k));
    REPLY_CODE_PREFERENCE
        .iter()
        .copied()
        .filter(|&c| fits(c))
        .find(|c| hits.iter().any(|h| h.reply_code == Some(*c)))
}

/// How much a hit says about the cause: failure codes over success, a specific status over
/// `X.0.0`, a reply code with its status over either alone.
fn weight(hit: &CodeHit) -> u32 {
    let mut w = 0;
    if let Some(s) = hit.status {
        if s.class != 2 {
            w += 8;
        }
        if !s.is_generic() {
            w += 4;
        }
    }
    if let Some(r) = hit.reply_code {
        if r >= 400 {
            w += 2;
        }
        if hit.status.is_some() {
            w += 1;
        }
    }
    w
}

/// The hit that says most about the cause; the first of equals.
pub fn primary(hits: &[CodeHit]) -> Option<&CodeHit> {
    let mut best: Option<&CodeHit> = None;
    for hit in hits {
        if best.is_none_or(|b| weight(hit) > weight(b)) {
            best = Some(hit);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(Option<u16>, Option<String>)> {
        find_codes(text)
            .into_iter()
            .map(|h| (h.reply_code, h.status.map(|s| s.to_string())))
            .collect()
    }

    fn one(text: &str) -> (Option<u16>, Option<String>) {
        let hits = find_codes(text);
        let p = primary(&hits).expect("a code");
        (p.reply_code, p.status.map(|s| s.to_string()))
    }

    #[test]
    fn plain_reply() {
        assert_eq!(
            one("550 5.1.1 <a@example.jp>... User unknown"),
            (Some(550), Some("5.1.1".into()))
        );
    }

    #[test]
    fn inside_diagnostic_code_field() {
        assert_eq!(
            one("Diagnostic-Code: smtp; 552 5.2.2 Mailbox full"),
            (Some(552), Some("5.2.2".into()))
        );
        assert_eq!(
            one("Diagnostic-Code: SMTP;550 5.7.1 denied"),
            (Some(550), Some("5.7.1".into()))
        );
    }

    #[test]
    fn behind_hash_and_in_parentheses() {
        assert_eq!(
            one("Sorry, no mailbox here by that name. (#5.1.1)"),
            (None, Some("5.1.1".into()))
        );
        assert_eq!(
            one("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##"),
            (Some(550), Some("5.1.1".into()))
        );
        assert_eq!(
            one("(reason: 550 5.1.1 no such user)"),
            (Some(550), Some("5.1.1".into()))
        );
    }

    #[test]
    fn multi_line_reply_repeats_the_code() {
        let text = "550-5.1.1 The email account\n550-5.1.1 does not exist\n550 5.1.1 more";
        let all = codes(text);
        assert_eq!(all.len(), 3);
        assert!(all.iter().all(|c| c == &(Some(550), Some("5.1.1".into()))));
    }

    #[test]
    fn ip_addresses_dates_and_versions_are_not_codes() {
        assert!(codes("Client host [192.0.2.25] blocked").is_empty());
        assert!(codes("from 203.0.113.5 at 2026-11-20T01:02:03Z").is_empty());
        assert!(codes("Postfix 2.11.3, Exim 4.94.2, sendmail 8.15.2").is_empty());
        assert!(codes("version v5.1.1 and /4.2.1").is_empty());
        assert!(codes("5.1.1.1 is an address").is_empty());
        assert!(codes("tel 250-10-2026").is_empty());
        assert!(codes("AS(201806281) 2026-11-20").is_empty());
        assert!(codes("user550@example.com").is_empty());
    }

    #[test]
    fn japanese_text_around_codes() {
        assert_eq!(
            one("552 5.2.2 ユーザーがクォータを超えています"),
            (Some(552), Some("5.2.2".into()))
        );
        assert_eq!(
            one("エラー(550 5.1.1)です"),
            (Some(550), Some("5.1.1".into()))
        );
    }

    #[test]
    fn specific_code_beats_the_summary() {
        let text = "552 5.2.2 <a@example.jp>: over quota\n554 5.0.0 Service unavailable";
        assert_eq!(one(text), (Some(552), Some("5.2.2".into())));
        let text = "554 5.0.0 Service unavailable\n552 5.2.2 over quota";
        assert_eq!(one(text), (Some(552), Some("5.2.2".into())));
    }

    #[test]
    fn status_class_must_agree_with_reply_code() {
        let hits = find_codes("550 4.2.2 odd");
        assert_eq!(hits[0].reply_code, Some(550));
        assert_eq!(hits[0].status, None);
        assert_eq!(hits[1].status.map(|s| s.to_string()), Some("4.2.2".into()));
    }

    #[test]
    fn the_telling_reply_code_is_preferred() {
        let hits = find_codes("554 <a@example.jp>... 550 Host unknown");
        assert_eq!(preferred_reply_code(&hits, Some(5)), Some(550));
        let hits = find_codes("554 5.7.1 greeting refused; 451 4.3.0 try later");
        assert_eq!(preferred_reply_code(&hits, Some(4)), Some(451));
        assert_eq!(preferred_reply_code(&find_codes("no code"), None), None);
    }

    #[test]
    fn bare_reply_code() {
        assert_eq!(one("421 Service not available"), (Some(421), None));
        assert_eq!(
            one("<a@example.com>: host mx.example.com said: 550 No such user"),
            (Some(550), None)
        );
    }
}
