//! A parsed message: its headers and its parts, flattened for the detectors.

use std::sync::OnceLock;

use mailparse::body::Body;
use mailparse::{MailHeaderMap, ParsedContentType, ParsedMail};

use crate::MailError;

/// One leaf part of a message. Its body is kept as it came (transfer-encoded, in its
/// charset) and decoded the first time it is read: most parts of a bounce (a returned
/// message's body, the HTML twin of a text part, an attached image) are never read.
#[derive(Debug, Clone)]
pub struct Part {
    /// The media type, lower-cased (`text/plain`, `message/delivery-status`).
    pub mime: String,
    /// The body as it came, with what decoding it needs.
    body: Vec<u8>,
    /// The charset label (what the decoding reads of the content type).
    charset: String,
    /// The `Content-Transfer-Encoding`, lower-cased.
    encoding: Option<String>,
    /// The body, transfer-decoded and converted from its charset to UTF-8.
    text: OnceLock<String>,
}

impl Part {
    /// The body, transfer-decoded and converted from its charset to UTF-8 (decoded on the
    /// first call).
    pub fn text(&self) -> &str {
        self.text
            .get_or_init(|| decode_body(&self.body, &self.charset, &self.encoding))
    }

    /// The header block of a part that holds a message (`message/rfc822`,
    /// `text/rfc822-headers`), decoded as [`Part::text`] would decode it, without decoding
    /// the returned message's body.
    fn header_block(&self) -> std::borrow::Cow<'_, str> {
        let transfer_encoded = matches!(
            self.encoding.as_deref(),
            Some("base64" | "quoted-printable")
        );
        if transfer_encoded || self.text.get().is_some() {
            return self.text().into();
        }
        let end = memchr::memmem::find(&self.body, b"\n\n").map_or(self.body.len(), |i| i + 2);
        decode_body(&self.body[..end], &self.charset, &self.encoding).into()
    }
}

/// A message, parsed once and kept as headers and decoded leaf parts.
#[derive(Debug, Clone)]
pub struct Message {
    /// The top-level headers: `(name, decoded value)`, in order.
    headers: Vec<(String, String)>,
    /// Each header name's [`name_key`], in the same order: a lookup compares these first
    /// (detectors ask for about thirty headers of each message, most of them absent).
    name_keys: Vec<u32>,
    /// The leaf parts in document order. A non-MIME message has one `text/plain` part.
    pub parts: Vec<Part>,
    /// [`Message::report_text`], computed on first use: forty detectors read it.
    report_text: OnceLock<String>,
    /// The header block of the returned message ([`Message::original_header`]), decoded on
    /// first use.
    original_block: OnceLock<Option<ReturnedHeaders>>,
    /// The recipients of the report's delivery-status fields
    /// ([`crate::detect::common::dsn_recipients`]), read on first use: a dozen detectors
    /// and the generic reading ask for them, and they were read again each time.
    dsn_recipients: OnceLock<Vec<crate::facts::RecipientFacts>>,
    /// The administrators' section of an Exchange report, read on first use (two
    /// detectors read it).
    exchange_report: OnceLock<Option<Vec<crate::detect::exchange2007::AdminEntry>>>,
}

/// Nested message parts deeper than this are not descended into (a bomb of nested
/// multiparts must not exhaust the stack).
const MAX_DEPTH: usize = 8;

/// The encoded bytes of a body, whatever its transfer encoding.
fn encoded_bytes<'a>(body: &Body<'a>) -> &'a [u8] {
    match body {
        Body::Base64(b) | Body::QuotedPrintable(b) => b.get_raw(),
        Body::SevenBit(b) | Body::EightBit(b) => b.get_raw(),
        Body::Binary(b) => b.get_raw(),
    }
}

/// Bytes in a charset, as UTF-8: by the charset's label, else as ASCII (what mailparse
/// does with a body).
fn in_charset(bytes: &[u8], label: &str) -> String {
    match ::charset::Charset::for_label(label.as_bytes()) {
        Some(charset) => charset.decode(bytes).0.into_owned(),
        None => ::charset::decode_ascii(bytes).into_owned(),
    }
}

/// Whether a charset label names US-ASCII (or is missing).
fn is_ascii_label(label: &str) -> bool {
    let l = label.trim();
    l.is_empty() || l.eq_ignore_ascii_case("us-ascii") || l.eq_ignore_ascii_case("ascii")
}

/// A body transfer-decoded and converted to UTF-8 by its charset label, as mailparse's
/// `get_body` does; when the label does not fit the bytes, by a guess.
fn decode_body(raw: &[u8], charset: &str, encoding: &Option<String>) -> String {
    let ctype = ParsedContentType {
        mimetype: String::new(),
        charset: charset.to_string(),
        params: Default::default(),
    };
    let body = Body::new(raw, &ctype, encoding);
    // Quoted-printable text is decoded by this crate's faster twin of mailparse's decoder.
    let quoted =
        matches!(body, Body::QuotedPrintable(_)).then(|| crate::quoted_printable::decode(raw));
    let decoded = match (&body, &quoted) {
        (_, Some(bytes)) => Ok(in_charset(bytes, charset)),
        (Body::Base64(b) | Body::QuotedPrintable(b), None) => b.get_decoded_as_string(),
        (Body::SevenBit(b) | Body::EightBit(b), None) => b.get_as_string(),
        (Body::Binary(b), None) => b.get_as_string(),
    };
    let bytes = || match (&body, &quoted) {
        (_, Some(bytes)) => bytes.clone(),
        (Body::Base64(b) | Body::QuotedPrintable(b), None) => b.get_decoded().unwrap_or_default(),
        (other, None) => encoded_bytes(other).to_vec(),
    };
    // Report parts and returned messages are ASCII by rule; a charset mislabel must not lose
    // them, so they are read as raw bytes when decoding fails.
    let text = match decoded {
        Ok(t) => t,
        Err(_) => String::from_utf8_lossy(&bytes()).into_owned(),
    };
    if !text.is_ascii() && is_ascii_label(charset) {
        // 8-bit bytes under `us-ascii` (the label a part without one gets): UTF-8 when they
        // are UTF-8 (the internationalized reports of RFC 6533, `message/global-*`, are UTF-8
        // by rule and carry no charset; so do many 8-bit texts), rather than Windows-1252.
        if let Ok(utf8) = String::from_utf8(bytes()) {
            return utf8;
        }
    }
    if text.is_empty() {
        crate::charset::decode_unlabeled(&bytes())
    } else if text.contains('\u{FFFD}') {
        // The label does not fit the bytes (EUC-JP sent as ISO-2022-JP): another Japanese
        // charset, or else the guess, may.
        let bytes = bytes();
        if let Some(text) = crate::charset::decode_japanese_mislabel(&bytes, charset) {
            return text;
        }
        let guessed = crate::charset::decode_unlabeled(&bytes);
        let bad = |s: &str| s.matches('\u{FFFD}').count();
        if bad(&guessed) < bad(&text) {
            guessed
        } else {
            text
        }
    } else {
        text
    }
}

fn walk(mail: &ParsedMail<'_>, depth: usize, parts: &mut Vec<Part>) {
    let mime = mail.ctype.mimetype.to_ascii_lowercase();
    if !mail.subparts.is_empty() && depth < MAX_DEPTH {
        for sub in &mail.subparts {
            walk(sub, depth + 1, parts);
        }
        return;
    }
    // The transfer encoding with the white space of its folding trimmed: mailparse keeps
    // the space of `Content-Transfer-Encoding:` folded before its value (" base64"), and
    // would read such a body as 7bit.
    let transfer_encoding = mail
        .headers
        .get_first_value("Content-Transfer-Encoding")
        .map(|s| s.trim().to_lowercase());
    let encoded = Body::new(
        encoded_bytes(&mail.get_body_encoded()),
        &mail.ctype,
        &transfer_encoding,
    );
    // The encoding as mailparse read it (an unknown one reads as 7bit).
    let encoding = match &encoded {
        Body::Base64(_) => Some("base64"),
        Body::QuotedPrintable(_) => Some("quoted-printable"),
        Body::SevenBit(_) => None,
        Body::EightBit(_) => Some("8bit"),
        Body::Binary(_) => Some("binary"),
    }
    .map(str::to_string);
    let mut part = Part {
        mime,
        body: encoded_bytes(&encoded).to_vec(),
        charset: mail.ctype.charset.clone(),
        encoding,
        text: OnceLock::new(),
    };
    // A multipart whose boundary never appears in its body (a broken report) has no parts:
    // its body is read as the report's text.
    if part.mime.starts_with("multipart/") && mail.subparts.is_empty() {
        let text = part.text();
        // The parser keeps no body for such a multipart: it is what follows the headers.
        let text = if text.is_empty() {
            body_after_headers(mail.raw_bytes)
        } else {
            text.to_string()
        };
        part.mime = "text/plain".to_string();
        part.text = OnceLock::from(text);
    }
    // A report part with no blank line after its `Content-Type` (a bent server's) has its
    // fields in the part's header section (RFC 2046 section 5.1.1): they are read as its
    // text when its body names no recipient.
    if matches!(
        part.mime.as_str(),
        "message/delivery-status" | "message/global-delivery-status"
    ) && !names_recipient(part.text())
    {
        let fields: String = mail
            .headers
            .iter()
            .filter(|h| !h.get_key_ref().to_ascii_lowercase().starts_with("content-"))
            .map(|h| format!("{}: {}\n", h.get_key_ref(), h.get_value()))
            .collect();
        if names_recipient(&fields) {
            let text = format!("{fields}\n{}", part.text());
            part.text = OnceLock::from(text);
        }
    }
    parts.push(part);
}

/// Whether report fields name a recipient (`Final-Recipient:` or `Original-Recipient:`).
fn names_recipient(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start().to_ascii_lowercase();
        l.starts_with("final-recipient:") || l.starts_with("original-recipient:")
    })
}

/// The body of a raw part: what follows its first blank line.
fn body_after_headers(raw: &[u8]) -> String {
    let start = memchr::memmem::find(raw, b"\n\n").map_or(raw.len(), |i| i + 2);
    crate::charset::decode_unlabeled(&raw[start..])
}

/// A header name's length and its first and last bytes, lower-cased: equal for names equal
/// without case, and different for almost all others.
fn name_key(name: &str) -> u32 {
    let b = name.as_bytes();
    let lower = |i: usize| u32::from(b.get(i).map_or(0, u8::to_ascii_lowercase));
    ((b.len() as u32) << 16) | (lower(0) << 8) | lower(b.len().wrapping_sub(1))
}

impl Message {
    /// Parses raw message bytes (LF, CRLF or CR line ends).
    pub fn parse(raw: &[u8]) -> Result<Message, MailError> {
        let normalized = crate::charset::normalize_line_ends(raw);
        // The MIME parser's own decoding of `Content-Type` kept linear.
        let normalized = crate::content_type_guard::guard(normalized);
        // A message saved with its mbox envelope line (`From sender date`) starts with a
        // line that is not a header; it says nothing the headers do not.
        let normalized: &[u8] = match normalized.strip_prefix(b"From ") {
            Some(rest) => memchr::memchr(b'\n', rest).map_or(&[], |at| &rest[at + 1..]),
            None => &normalized,
        };
        let mail = mailparse::parse_mail(normalized).map_err(|e| MailError::Mime(e.to_string()))?;
        if mail.headers.is_empty() {
            return Err(MailError::NoHeaders);
        }
        let headers: Vec<(String, String)> = mail
            .headers
            .iter()
            .map(|h| (h.get_key(), crate::charset::header_value(h)))
            .collect();
        let name_keys = headers.iter().map(|(k, _)| name_key(k)).collect();
        let mut parts = Vec::new();
        walk(&mail, 0, &mut parts);
        Ok(Message {
            headers,
            name_keys,
            parts,
            report_text: OnceLock::new(),
            original_block: OnceLock::new(),
            dsn_recipients: OnceLock::new(),
            exchange_report: OnceLock::new(),
        })
    }

    /// The top-level headers: `(name, decoded value)`, in order.
    pub fn headers(&self) -> &[(String, String)] {
        &self.headers
    }

    /// The first value of a header, case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        let key = name_key(name);
        self.name_keys
            .iter()
            .zip(&self.headers)
            .find(|(k, (n, _))| **k == key && n.eq_ignore_ascii_case(name))
            .map(|(_, (_, v))| v.as_str())
    }

    /// Every value of a header.
    pub fn header_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let key = name_key(name);
        self.name_keys
            .iter()
            .zip(&self.headers)
            .filter(move |(k, (n, _))| **k == key && n.eq_ignore_ascii_case(name))
            .map(|(_, (_, v))| v.as_str())
    }

    /// The parts of one media type.
    pub fn parts_of<'a>(&'a self, mime: &'a str) -> impl Iterator<Item = &'a Part> + 'a {
        self.parts.iter().filter(move |p| p.mime == mime)
    }

    /// The human-readable text of the report: the `text/*` parts before any returned
    /// message or report part, joined.
    pub fn report_text(&self) -> &str {
        self.report_text.get_or_init(|| self.compute_report_text())
    }

    /// The value `read` gives for this message's delivery-status recipients, computed once.
    pub(crate) fn dsn_recipients_once(
        &self,
        read: impl FnOnce(&Message) -> Vec<crate::facts::RecipientFacts>,
    ) -> &[crate::facts::RecipientFacts] {
        self.dsn_recipients.get_or_init(|| read(self))
    }

    /// The value `read` gives for this message's Exchange administrators' section,
    /// computed once.
    pub(crate) fn exchange_report_once(
        &self,
        read: impl FnOnce(&Message) -> Option<Vec<crate::detect::exchange2007::AdminEntry>>,
    ) -> Option<&[crate::detect::exchange2007::AdminEntry]> {
        self.exchange_report.get_or_init(|| read(self)).as_deref()
    }

    fn compute_report_text(&self) -> String {
        let mut out = String::new();
        for p in &self.parts {
            if p.mime.starts_with("message/") || p.mime == "text/rfc822-headers" {
                break;
            }
            if p.mime.starts_with("text/") && p.mime != "text/html" {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(p.text());
            }
        }
        if out.is_empty()
            && let Some(p) = self.parts.iter().find(|p| p.mime == "text/html")
        {
            out = crate::charset::strip_html(p.text());
        }
        out
    }

    /// The first value of a header of the returned original message, when it is attached
    /// (`message/rfc822` or `text/rfc822-headers`), case-insensitively.
    ///
    /// A returned message often has dozens of headers (`Received`, `DKIM-Signature`) and a
    /// bounce reads three or four of them, so only the one asked for is parsed and decoded.
    pub fn original_header(&self, name: &str) -> Option<String> {
        let returned = self
            .original_block
            .get_or_init(|| {
                self.parts
                    .iter()
                    .find(|p| p.mime == "message/rfc822" || p.mime == "text/rfc822-headers")
                    .map(|p| ReturnedHeaders::new(p.header_block().into_owned()))
            })
            .as_ref()?;
        let block = returned.block.as_bytes();
        let &(start, _, colon) = returned
            .names
            .iter()
            .find(|&&(start, end, _)| block[start..end].eq_ignore_ascii_case(name.as_bytes()))?;
        // Most values are plain ASCII, read without mailparse's byte-by-byte header parse.
        if let Some(plain) = crate::charset::plain_header_value(raw_value(block, colon)) {
            return Some(plain);
        }
        let (header, _) = mailparse::parse_header(&block[start..]).ok()?;
        Some(crate::charset::header_value(&header))
    }
}

/// The raw value of the header whose name ends at `colon`, as mailparse's `parse_header`
/// takes it: from after the colon and its spaces to the last byte (CR and LF aside) before
/// the first line end that a space or a tab does not continue.
fn raw_value(block: &[u8], colon: usize) -> &[u8] {
    let start = colon
        + 1
        + block[colon + 1..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
    let mut end = block.len();
    let mut from = start;
    while let Some(at) = memchr::memchr(b'\n', &block[from..]).map(|i| from + i) {
        if !matches!(block.get(at + 1), Some(b' ' | b'\t')) {
            end = at;
            break;
        }
        from = at + 1;
    }
    let value_end = block[start..end]
        .iter()
        .rposition(|b| !matches!(b, b'\r' | b'\n'))
        .map_or(start, |i| start + i + 1);
    &block[start..value_end]
}

/// The header block of a returned message, with where each header's name is in it.
#[derive(Debug, Clone)]
struct ReturnedHeaders {
    block: String,
    /// `start..end` of each header's name (the header starts at `start`), and where its
    /// colon is.
    names: Vec<(usize, usize, usize)>,
}

impl ReturnedHeaders {
    fn new(block: String) -> ReturnedHeaders {
        let bytes = block.as_bytes();
        let names = header_starts(&block)
            .filter_map(|start| {
                let colon = memchr::memchr(b':', &bytes[start..]).map(|i| start + i)?;
                let end = bytes[start..colon]
                    .iter()
                    .rposition(|b| !matches!(b, b' ' | b'\t'))
                    .map_or(start, |i| start + i + 1);
                // A line without a colon before its end is not a header.
                (!bytes[start..colon].contains(&b'\n')).then_some((start, end, colon))
            })
            .collect();
        ReturnedHeaders { block, names }
    }
}

/// Where each header of a header block starts: every line up to the first empty one that
/// does not continue the line before (a folded line starts with a space or a tab). Written
/// here because mailparse parses a whole block or one header, not a lookup by name.
fn header_starts(block: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = block.as_bytes();
    let mut at = Some(0);
    std::iter::from_fn(move || {
        loop {
            let start = at?;
            let line_end = memchr::memchr(b'\n', &bytes[start..]).map(|i| start + i);
            at = line_end.map(|e| e + 1);
            match bytes.get(start) {
                None | Some(b'\n') => {
                    at = None;
                    return None;
                }
                Some(b' ' | b'\t') => continue,
                Some(_) => return Some(start),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_found_without_case_and_only_by_their_whole_name() {
        let m = Message::parse(
            b"From: a@example.org\nX-Spam: no\nx-spam: yes\nReceived: one\nreceived: two\n\
              X-Spum: other\nSubject: s\n\nbody\n",
        )
        .unwrap();
        assert_eq!(m.header("X-SPAM"), Some("no"));
        assert_eq!(m.header_all("x-spam").collect::<Vec<_>>(), ["no", "yes"]);
        assert_eq!(m.header_all("RECEIVED").count(), 2);
        // The same length, first and last letters: told apart by the whole name.
        assert_eq!(m.header("x-spum"), Some("other"));
        assert_eq!(m.header("x-sp_m"), None);
        assert_eq!(m.header(""), None);
        assert_eq!(m.headers().len(), 7);
    }

    #[test]
    fn multipart_report_flattens_to_leaf_parts() {
        let raw = b"From: MAILER-DAEMON@example.jp\nSubject: Returned mail\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"XX\"\n\n--XX\nContent-Type: text/plain\n\nhello\n--XX\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.jp\n\nFinal-Recipient: rfc822; a@example.jp\nAction: failed\nStatus: 5.1.1\n\n--XX--\n";
        let m = Message::parse(raw).unwrap();
        assert_eq!(m.header("subject"), Some("Returned mail"));
        let mimes: Vec<&str> = m.parts.iter().map(|p| p.mime.as_str()).collect();
        assert_eq!(mimes, ["text/plain", "message/delivery-status"]);
        assert!(m.report_text().contains("hello"));
    }

    /// An internationalized report part (RFC 6533) has no charset and is UTF-8; 8-bit text
    /// under no label that is not UTF-8 is still read as before.
    #[test]
    fn eight_bit_utf8_without_a_charset() {
        let raw = "From: MAILER-DAEMON@example.jp\nSubject: x\nContent-Type: multipart/report; report-type=global-delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/global-delivery-status\nContent-Transfer-Encoding: 8bit\n\nFinal-Recipient: utf-8; 太郎@example.jp\n\n--B--\n";
        let m = Message::parse(raw.as_bytes()).unwrap();
        assert!(m.parts[0].text().contains("太郎@example.jp"));
        let latin1 =
            b"From: a@example.jp\nSubject: x\nContent-Transfer-Encoding: 8bit\n\nCaf\xe9\n";
        let m = Message::parse(latin1).unwrap();
        assert!(m.report_text().contains("Café"), "{}", m.report_text());
    }

    #[test]
    fn crlf_and_cr_line_ends_read_the_same() {
        let lf = b"Subject: x\nFrom: a@example.jp\n\nbody line\n".to_vec();
        let crlf: Vec<u8> = String::from_utf8(lf.clone())
            .unwrap()
            .replace('\n', "\r\n")
            .into_bytes();
        let cr: Vec<u8> = String::from_utf8(lf.clone())
            .unwrap()
            .replace('\n', "\r")
            .into_bytes();
        let a = Message::parse(&lf).unwrap();
        for other in [crlf, cr] {
            let b = Message::parse(&other).unwrap();
            assert_eq!(a.headers(), b.headers());
            assert_eq!(a.parts[0].text().trim_end(), b.parts[0].text().trim_end());
        }
    }

    #[test]
    fn multipart_without_its_boundary_is_text() {
        let raw = b"From: MAILER-DAEMON@example.jp\nContent-Type: multipart/report; report-type=delivery-status;\n    boundary=\"NEVER\"\n\n   ----- The following addresses had permanent fatal errors -----\n<a@example.jp>\n";
        let m = Message::parse(raw).unwrap();
        assert!(m.report_text().contains("<a@example.jp>"));
    }

    #[test]
    fn multipart_with_uppercase_boundary_and_no_parts() {
        let raw = b"Subject: x\nMIME-Version: 1.0\nContent-type: multipart/report;\n    BOUNDARY=\"Boundary_(ID_0)\"; report-type=delivery-status\n\nRecipient address: a@example.jp\n";
        let m = Message::parse(raw).unwrap();
        assert!(m.report_text().contains("Recipient address: a@example.jp"));
    }

    #[test]
    fn charset_label_that_does_not_fit() {
        // EUC-JP bytes labelled ISO-2022-JP, as some Japanese carriers send them.
        let (euc, _, _) = encoding_rs::EUC_JP.encode("送信できませんでした。");
        let mut raw =
            b"From: Postmaster@example.jp\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n\n"
                .to_vec();
        raw.extend_from_slice(&euc);
        raw.extend_from_slice(b"\nThe user(s) account is disabled.\n");
        let m = Message::parse(&raw).unwrap();
        assert!(
            m.parts[0].text().contains("送信できませんでした"),
            "{}",
            m.parts[0].text()
        );
    }

    #[test]
    fn an_mbox_envelope_line_is_skipped() {
        let m = Message::parse(b"From MAILER-DAEMON Sun Sep  7 21:40:07 2008\nSubject: x\nFrom: a@example.jp\n\nbody\n").unwrap();
        assert_eq!(m.header("subject"), Some("x"));
        assert_eq!(m.header("from"), Some("a@example.jp"));
    }

    /// Every header of every returned message in the corpus, and edge cases: the raw value
    /// read without mailparse is the one mailparse's `parse_header` reads.
    #[test]
    fn raw_values_are_mailparse_values() {
        let check = |block: &str| {
            let returned = ReturnedHeaders::new(block.to_string());
            let bytes = returned.block.as_bytes();
            for &(start, _, colon) in &returned.names {
                let (header, _) = mailparse::parse_header(&bytes[start..]).unwrap();
                assert_eq!(
                    raw_value(bytes, colon),
                    header.get_value_raw(),
                    "{:?}",
                    &block[start..]
                );
            }
            returned.names.len()
        };
        let edges = "A: plain\nB:no-space\nC:   spaces\nD:\ta tab\nE: folded\n  line\n\tand tab\nF:\n  on the next line\nG:\nH: trailing  \nI: crlf\r\nJ: folded crlf\r\n more\r\nK: last";
        assert_eq!(check(edges), 11);
        let mut headers = 0;
        for path in bouncedoc_testkit::files_in(&bouncedoc_testkit::corpus_dir()) {
            let m = Message::parse(&std::fs::read(path).unwrap()).unwrap();
            if let Some(p) = m
                .parts
                .iter()
                .find(|p| p.mime == "message/rfc822" || p.mime == "text/rfc822-headers")
            {
                headers += check(&p.header_block());
            }
        }
        assert!(headers > 3000, "{headers}");
    }

    #[test]
    fn not_a_message() {
        assert!(Message::parse(b"").is_err());
    }
}
