//! Line ends and the charsets of text that says nothing of its charset.

use std::borrow::Cow;

use mailparse::MailHeader;

/// Makes every line end LF: bounces arrive with LF, CRLF or bare CR.
pub fn normalize_line_ends(raw: &[u8]) -> Cow<'_, [u8]> {
    let Some(first) = memchr::memchr(b'\r', raw) else {
        return Cow::Borrowed(raw);
    };
    let mut out = Vec::with_capacity(raw.len());
    out.extend_from_slice(&raw[..first]);
    let mut rest = &raw[first..];
    // `rest` starts at a CR: it becomes LF, and the LF of a CRLF is dropped.
    while !rest.is_empty() {
        out.push(b'\n');
        rest = rest.strip_prefix(b"\r\n").unwrap_or(&rest[1..]);
        let next = memchr::memchr(b'\r', rest).unwrap_or(rest.len());
        out.extend_from_slice(&rest[..next]);
        rest = &rest[next..];
    }
    Cow::Owned(out)
}

/// Decodes bytes whose charset nobody named: UTF-8 when they are, else the best guess
/// (which finds raw Shift_JIS, EUC-JP and ISO-2022-JP, as Japanese servers send them).
pub fn decode_unlabeled(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"jp"), chardetng::Utf8Detection::Allow);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// Bytes whose Japanese charset label does not fit them (EUC-JP sent as ISO-2022-JP, as
/// some Japanese carriers send it), read by the other Japanese charset that reads them
/// without a fault. `None` when the label is not Japanese or neither reads them whole.
///
/// Tried before [`decode_unlabeled`]'s guess, which weighs every charset it knows and costs
/// about 2,000 instructions a byte. EUC-JP is tried before Shift_JIS: EUC-JP text is often
/// valid Shift_JIS byte for byte (read as half-width kana), while Shift_JIS text is seldom
/// valid EUC-JP.
pub fn decode_japanese_mislabel(bytes: &[u8], label: &str) -> Option<String> {
    use encoding_rs::{EUC_JP, Encoding, ISO_2022_JP, SHIFT_JIS};
    const JAPANESE: [&Encoding; 3] = [EUC_JP, SHIFT_JIS, ISO_2022_JP];
    let labelled = Encoding::for_label(label.trim().as_bytes())?;
    if !JAPANESE.contains(&labelled) {
        return None;
    }
    JAPANESE
        .into_iter()
        .filter(|&e| e != labelled)
        .find_map(|e| e.decode_without_bom_handling_and_without_replacement(bytes))
        .map(Cow::into_owned)
}

/// A header's value, decoded: RFC 2047 words, and raw 8-bit bytes by guessing their charset.
pub fn header_value(header: &MailHeader<'_>) -> String {
    let raw = header.get_value_raw();
    if let Some(plain) = plain_header_value(raw) {
        return plain;
    }
    if raw.is_ascii() {
        return crate::encoded_words::decode(std::str::from_utf8(raw).unwrap_or_default());
    }
    crate::whitespace::squeeze(&decode_unlabeled(raw))
}

/// A raw header value that is ASCII without encoded words, unfolded as [`header_value`]
/// unfolds it; `None` for any other value, which needs the header's decoding.
pub fn plain_header_value(raw: &[u8]) -> Option<String> {
    // `=?` opens an encoded word (looked for without building a substring searcher).
    let encoded = || memchr::memchr_iter(b'=', raw).any(|at| raw.get(at + 1) == Some(&b'?'));
    (raw.is_ascii() && !encoded()).then(|| unfold_plain(raw))
}

/// An ASCII header value without encoded words, unfolded as mailparse's `get_value` does
/// (each line's leading white space dropped, lines joined by one space) without its
/// tokenizer, which cost a tenth of `parse`'s time on the corpus.
fn unfold_plain(raw: &[u8]) -> String {
    let value = std::str::from_utf8(raw).unwrap_or_default();
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    let mut first = true;
    // The lines as `str::lines` gives them, found with a plain loop: a header's lines are
    // short, and `lines` calls a search per line that costs more on short lines.
    while !rest.is_empty() {
        let (line, next) = match rest.bytes().position(|b| b == b'\n') {
            Some(at) => (
                rest[..at].strip_suffix('\r').unwrap_or(&rest[..at]),
                &rest[at + 1..],
            ),
            None => (rest, ""),
        };
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(line.trim_start());
        rest = next;
    }
    out
}

/// The text of an HTML body, for bounces that only come as HTML: tags dropped, common
/// entities decoded, block ends as line breaks.
///
/// Text between tags is copied in runs and the entities are decoded in one pass: HTML
/// bodies are the longest texts a bounce carries. (A full HTML parser would add a large
/// dependency for what a bounce's markup needs.)
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let inside = &rest[open + 1..];
        let Some(close) = inside.find('>') else {
            // An unclosed tag runs to the end.
            rest = "";
            break;
        };
        // A `<` inside a tag starts the tag again.
        let tag = inside[..close].rsplit('<').next().unwrap_or("");
        let name = tag
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("");
        if !out.is_empty()
            && ["br", "p", "div", "tr", "li", "h1", "h2", "h3"]
                .iter()
                .any(|block| name.eq_ignore_ascii_case(block))
        {
            out.push('\n');
        }
        rest = &inside[close + 1..];
    }
    out.push_str(rest);
    decode_entities(out)
}

/// The entities an HTML bounce uses, in one left-to-right pass.
fn decode_entities(text: String) -> String {
    const ENTITIES: [(&str, &str); 6] = [
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ];
    if !text.contains('&') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| tail.starts_with(e)) {
            Some((entity, decoded)) => {
                out.push_str(decoded);
                rest = &tail[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Japanese texts of the kind the carriers' bounces carry.
    const JAPANESE_TEXTS: [&str; 3] = [
        "このメールは送信できませんでした。宛先のアドレスをご確認ください。",
        "受信者のメールボックスが一杯です。",
        "ユーザが存在しません (user unknown)",
    ];

    #[test]
    fn a_japanese_mislabel_reads_as_the_guess_reads_it() {
        for text in JAPANESE_TEXTS {
            for (actual, label) in [
                (encoding_rs::EUC_JP, "ISO-2022-JP"),
                (encoding_rs::EUC_JP, "shift_jis"),
                (encoding_rs::SHIFT_JIS, "euc-jp"),
                (encoding_rs::SHIFT_JIS, "iso-2022-jp"),
            ] {
                let (bytes, _, _) = actual.encode(text);
                let read = decode_japanese_mislabel(&bytes, label);
                assert_eq!(read.as_deref(), Some(text), "{} as {label}", actual.name());
                // The guess it stands in for reads the same.
                assert_eq!(decode_unlabeled(&bytes), text, "{}", actual.name());
            }
        }
    }

    #[test]
    fn only_japanese_labels_and_whole_readings() {
        let (euc, _, _) = encoding_rs::EUC_JP.encode(JAPANESE_TEXTS[0]);
        assert_eq!(decode_japanese_mislabel(&euc, "utf-8"), None);
        assert_eq!(decode_japanese_mislabel(&euc, "iso-8859-1"), None);
        assert_eq!(decode_japanese_mislabel(&euc, "no-such-charset"), None);
        // Bytes that no Japanese charset reads whole are left to the guess.
        assert_eq!(
            decode_japanese_mislabel(b"\xff\xfe\x80", "iso-2022-jp"),
            None
        );
    }

    #[test]
    fn line_ends() {
        assert_eq!(&*normalize_line_ends(b"a\r\nb\rc\n"), b"a\nb\nc\n");
        assert_eq!(&*normalize_line_ends(b"\r"), b"\n");
        assert_eq!(&*normalize_line_ends(b"x\r"), b"x\n");
        assert_eq!(&*normalize_line_ends(b"\r\r\n"), b"\n\n");
        assert_eq!(&*normalize_line_ends(b"\r\n\r\nend"), b"\n\nend");
        assert!(matches!(normalize_line_ends(b"a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn unlabeled_japanese() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("宛先のユーザーは存在しません。メールアドレスを確認してください。");
        assert!(decode_unlabeled(&sjis).contains("ユーザー"));
        let (euc, _, _) = encoding_rs::EUC_JP
            .encode("宛先のユーザーは存在しません。メールアドレスを確認してください。");
        assert!(decode_unlabeled(&euc).contains("ユーザー"));
    }

    #[test]
    fn plain_headers_unfold_as_mailparse_does() {
        let samples: &[&[u8]] = &[
            b"Subject: plain\n",
            b"Subject: folded\n  over   lines \n\tand tabs\n",
            b"Received: from mx (mx [192.0.2.1])\n\tby mx2; Thu, 1 Jan 2015\n",
            b"To: <a@example.jp>,\n <b@example.jp>\n",
            b"X-Trailing: value   \n   \n next\n",
            b"X-Empty:\n",
            b"Subject: =?utf-8?B?5a6b5YWI?=\n",
            b"X-Cr: a\r\n b\r\n",
            b"X-Lf-End: a\n b",
            b"X-Blank-Fold: a\n \n\tb\n",
        ];
        for raw in samples {
            let (h, _) = mailparse::parse_header(raw).unwrap();
            assert_eq!(
                header_value(&h),
                h.get_value(),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    #[test]
    fn html() {
        assert_eq!(
            strip_html("<p>550 User&nbsp;unknown</p><br>x &amp; y"),
            "550 User unknown\n\nx & y"
        );
        // An entity is decoded once; a tag restarts at a `<` inside it; an unclosed tag
        // runs to the end; a `>` outside a tag is text.
        assert_eq!(strip_html("&amp;lt; a&b"), "&lt; a&b");
        assert_eq!(strip_html("x<a <BR>y"), "x\ny");
        assert_eq!(strip_html("1 > 0 <p"), "1 > 0 ");
    }
}
