//! Metamorphic tests on the bounce templates of `templates/`: the same bounce in other
//! clothes gives the same answer. Real bounces reach a reader re-encoded, re-wrapped,
//! re-headed and forwarded; each variant below is a small function of the raw bytes that
//! such a journey makes, and must keep the kind, the set of failed recipients, the set of
//! delayed recipients and the reason of each failed recipient the template itself gives.
//!
//! A variant that cannot be expected to keep the answer for a template is listed in
//! [`EXCEPTIONS`] with its reason; the test fails on an exception that no longer differs,
//! so that the list stays short and true.
//!
//! `variants_over_the_corpus` (ignored) runs the same variants over the messages of
//! `shared/corpus` and only counts how many give another set of failed recipients.

use std::collections::BTreeSet;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use bouncedoc_core::{Action, Engine, Lang};
use bouncedoc_mail::records::Messages;
use bouncedoc_mail::{Kind, diagnose_bytes};
use mailparse::{MailHeaderMap, ParsedMail};

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/templates")
}

/// What a reading gives: the kind, the failed recipients with their reasons, the delayed ones.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Outcome {
    kind: &'static str,
    failed: BTreeSet<(String, String)>,
    delayed: BTreeSet<String>,
}

impl Outcome {
    fn failed_set(&self) -> BTreeSet<&str> {
        self.failed.iter().map(|(a, _)| a.as_str()).collect()
    }
}

/// The outcome of the messages `raw` holds, read as `parse` reads a file: a file that starts
/// with an mbox `From ` line is an mbox, any other one message.
fn outcome(engine: &Engine, raw: &[u8]) -> Outcome {
    let mut out = Outcome {
        kind: "unread",
        failed: BTreeSet::new(),
        delayed: BTreeSet::new(),
    };
    for job in Messages::new(Cursor::new(raw.to_vec()), "variant") {
        let Ok(bytes) = job.bytes else { continue };
        let Ok(report) = diagnose_bytes(engine, &bytes, Lang::En) else {
            continue;
        };
        out.kind = report.kind.as_str();
        for (d, _) in &report.diagnoses {
            let address = d
                .recipient
                .clone()
                .unwrap_or_else(|| "(none)".into())
                .to_ascii_lowercase();
            match d.action {
                Some(Action::Delayed) => {
                    out.delayed.insert(address);
                }
                Some(Action::Delivered | Action::Relayed | Action::Expanded) => {}
                _ if report.kind == Kind::Bounce => {
                    out.failed.insert((address, d.reason.to_string()));
                }
                _ => {}
            }
        }
    }
    out
}

// ---------------------------------------------------------------- byte helpers

/// The line end a message uses.
fn eol(raw: &[u8]) -> &'static [u8] {
    if raw.windows(2).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    }
}

/// The lines of `bytes`, each without its line end.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    if bytes.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<&[u8]> = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .collect();
    if bytes.ends_with(b"\n") {
        out.pop();
    }
    out
}

fn join(lines: &[Vec<u8>], end: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in lines {
        out.extend_from_slice(l);
        out.extend_from_slice(end);
    }
    out
}

/// Where the header block of `raw` ends: the offset of the blank line and of the body.
fn head_end(raw: &[u8]) -> Option<(usize, usize)> {
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.starts_with(b"\r\n") {
            return Some((i, i + 2));
        }
        if rest.starts_with(b"\n") {
            return Some((i, i + 1));
        }
        match memchr(b'\n', rest) {
            Some(n) => i += n + 1,
            None => return None,
        }
    }
    None
}

fn memchr(b: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == b)
}

/// The fields of a header block, each a list of its physical lines.
fn fields(head: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut out: Vec<Vec<Vec<u8>>> = Vec::new();
    for line in lines(head) {
        let continuation = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        match out.last_mut() {
            Some(field) if continuation => field.push(line.to_vec()),
            _ => out.push(vec![line.to_vec()]),
        }
    }
    out
}

fn field_name(field: &[Vec<u8>]) -> String {
    let first = &field[0];
    let end = memchr(b':', first).unwrap_or(first.len());
    String::from_utf8_lossy(&first[..end])
        .trim()
        .to_ascii_lowercase()
}

/// Rewrites the top header block of `raw` with `f`, keeping the body.
fn with_head(
    raw: &[u8],
    f: impl FnOnce(Vec<Vec<Vec<u8>>>) -> Vec<Vec<Vec<u8>>>,
) -> Option<Vec<u8>> {
    let (blank, body) = head_end(raw)?;
    let end = eol(raw);
    let new: Vec<Vec<u8>> = f(fields(&raw[..blank])).into_iter().flatten().collect();
    let mut out = join(&new, end);
    out.extend_from_slice(&raw[blank..body]);
    out.extend_from_slice(&raw[body..]);
    Some(out)
}

/// One logical line folded before the whitespace that would pass `column`.
fn fold(line: &[u8], column: usize) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut current: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < line.len() {
        // The next word, with the whitespace in front of it.
        let start = i;
        while i < line.len() && (line[i] == b' ' || line[i] == b'\t') {
            i += 1;
        }
        while i < line.len() && line[i] != b' ' && line[i] != b'\t' {
            i += 1;
        }
        let word = &line[start..i];
        let leading_ws = word.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        let has_text = current.iter().any(|b| *b != b' ' && *b != b'\t');
        if leading_ws && has_text && current.len() + word.len() > column {
            out.push(std::mem::take(&mut current));
        }
        current.extend_from_slice(word);
    }
    out.push(current);
    out
}

/// A field unfolded to one logical line.
fn unfold(field: &[Vec<u8>]) -> Vec<u8> {
    field.concat()
}

// ---------------------------------------------------------------- MIME helpers

/// The offset of a part's bytes in the message.
fn offset(raw: &[u8], part: &ParsedMail) -> usize {
    part.raw_bytes.as_ptr() as usize - raw.as_ptr() as usize
}

/// The leaf parts of a message in order (parts of `message/*` bodies are not entered).
fn leaves<'a, 'b>(part: &'b ParsedMail<'a>, out: &mut Vec<&'b ParsedMail<'a>>) {
    if part.subparts.is_empty() {
        out.push(part);
    } else {
        for p in &part.subparts {
            leaves(p, out);
        }
    }
}

fn encoding(part: &ParsedMail) -> String {
    part.headers
        .get_first_value("Content-Transfer-Encoding")
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Replaces the bytes of the first part that `pick` chooses by what `rewrite` makes of it.
fn rewrite_part(
    raw: &[u8],
    pick: impl Fn(&ParsedMail) -> bool,
    rewrite: impl Fn(&ParsedMail, &[u8]) -> Option<Vec<u8>>,
) -> Option<Vec<u8>> {
    let mail = mailparse::parse_mail(raw).ok()?;
    let mut parts = Vec::new();
    leaves(&mail, &mut parts);
    let part = parts.into_iter().find(|p| pick(p))?;
    let mut start = offset(raw, part);
    let end = start + part.raw_bytes.len();
    // mailparse starts a part without fields after the blank line in front of its body;
    // the fields written for it take the place of that blank line.
    if part.headers.is_empty() {
        if raw[..start].ends_with(b"\r\n\r\n") {
            start -= 2;
        } else if raw[..start].ends_with(b"\n\n") {
            start -= 1;
        }
    }
    let new = rewrite(part, eol(raw))?;
    let mut out = raw[..start].to_vec();
    out.extend_from_slice(&new);
    out.extend_from_slice(&raw[end..]);
    Some(out)
}

fn is_text_plain(p: &ParsedMail) -> bool {
    p.ctype.mimetype.eq_ignore_ascii_case("text/plain")
        && matches!(encoding(p).as_str(), "" | "7bit" | "8bit")
}

/// A part with its body re-encoded: the `Content-Transfer-Encoding` field replaced, the
/// other fields (and so the charset) kept.
fn reencode(part: &ParsedMail, end: &[u8], cte: &str, body: Vec<u8>, top: bool) -> Option<Vec<u8>> {
    let blank = if part.headers.is_empty() {
        0
    } else {
        head_end(part.raw_bytes)?.0
    };
    let mut head: Vec<Vec<u8>> = fields(&part.raw_bytes[..blank])
        .into_iter()
        .filter(|f| field_name(f) != "content-transfer-encoding")
        .flatten()
        .collect();
    if top && part.headers.get_first_value("MIME-Version").is_none() {
        head.push(b"MIME-Version: 1.0".to_vec());
    }
    head.push(format!("Content-Transfer-Encoding: {cte}").into_bytes());
    let mut out = join(&head, end);
    out.extend_from_slice(end);
    out.extend_from_slice(&body);
    Some(out)
}

fn base64_body(bytes: &[u8], end: &[u8]) -> Vec<u8> {
    let text = data_encoding::BASE64.encode(bytes);
    let chunks: Vec<Vec<u8>> = text.as_bytes().chunks(76).map(|c| c.to_vec()).collect();
    join(&chunks, end)
}

fn qp_body(bytes: &[u8], end: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for line in lines(bytes) {
        let mut encoded: Vec<Vec<u8>> = Vec::new();
        for (i, &b) in line.iter().enumerate() {
            let last = i + 1 == line.len();
            let plain = (33..=126).contains(&b) && b != b'=' || (b == b' ' || b == b'\t') && !last;
            if plain {
                encoded.push(vec![b]);
            } else {
                encoded.push(format!("={b:02X}").into_bytes());
            }
        }
        let mut current = Vec::new();
        for piece in encoded {
            if current.len() + piece.len() > 75 {
                out.extend_from_slice(&current);
                out.extend_from_slice(b"=");
                out.extend_from_slice(end);
                current.clear();
            }
            current.extend_from_slice(&piece);
        }
        out.extend_from_slice(&current);
        out.extend_from_slice(end);
    }
    out
}

// ---------------------------------------------------------------- the variants

/// Every `boundary="..."` and `charset="..."` parameter written without its quotes where
/// the value allows it (RFC 2045 tokens), and every unquoted one quoted; the charset's name
/// in the other case.
fn parameters_requoted(raw: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(raw);
    if text.contains('\u{FFFD}') {
        return None;
    }
    let re = regex::Regex::new(r#"(?i)\b(boundary|charset)=("([^"\r\n]*)"|([^\s;"]+))"#).unwrap();
    let token = |v: &str| {
        !v.is_empty()
            && v.bytes()
                .all(|b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?=".contains(&b))
    };
    let out = re.replace_all(&text, |c: &regex::Captures| {
        let name = &c[1];
        let flip_case = |v: &str| {
            if name.eq_ignore_ascii_case("charset") {
                if v.bytes().any(|b| b.is_ascii_lowercase()) {
                    v.to_ascii_uppercase()
                } else {
                    v.to_ascii_lowercase()
                }
            } else {
                v.to_string()
            }
        };
        match (c.get(3), c.get(4)) {
            (Some(q), _) if token(q.as_str()) => format!("{name}={}", flip_case(q.as_str())),
            (Some(q), _) => format!("{name}=\"{}\"", flip_case(q.as_str())),
            (None, Some(t)) => format!("{name}=\"{}\"", flip_case(t.as_str())),
            _ => c[0].to_string(),
        }
    });
    (out != text).then(|| out.into_owned().into_bytes())
}

/// The first 7bit or 8bit `text/plain` part decoded from its charset and written again as
/// UTF-8 in base64 (`charset="utf-8"`), as a gateway that converts every text does.
fn text_converted_to_utf8(raw: &[u8]) -> Option<Vec<u8>> {
    let top_is_leaf = mailparse::parse_mail(raw).ok()?.subparts.is_empty();
    rewrite_part(raw, is_text_plain, |p, end| {
        let text = p.get_body().ok()?;
        let charset = p.ctype.charset.to_ascii_lowercase();
        if charset == "utf-8" || charset == "us-ascii" {
            return None;
        }
        let (blank, _) = if p.headers.is_empty() {
            (0, 0)
        } else {
            head_end(p.raw_bytes)?
        };
        let mut head: Vec<Vec<u8>> = fields(&p.raw_bytes[..blank])
            .into_iter()
            .filter(|f| {
                !matches!(
                    field_name(f).as_str(),
                    "content-transfer-encoding" | "content-type"
                )
            })
            .flatten()
            .collect();
        if top_is_leaf && p.headers.get_first_value("MIME-Version").is_none() {
            head.push(b"MIME-Version: 1.0".to_vec());
        }
        head.push(b"Content-Type: text/plain; charset=\"utf-8\"".to_vec());
        head.push(b"Content-Transfer-Encoding: base64".to_vec());
        let mut out = join(&head, end);
        out.extend_from_slice(end);
        out.extend_from_slice(&base64_body(text.as_bytes(), end));
        Some(out)
    })
}

type Variant = fn(&[u8]) -> Option<Vec<u8>>;

fn to_lf(raw: &[u8]) -> Option<Vec<u8>> {
    raw.windows(2).any(|w| w == b"\r\n").then(|| {
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'\r' && raw.get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            out.push(raw[i]);
            i += 1;
        }
        out
    })
}

fn to_crlf(raw: &[u8]) -> Option<Vec<u8>> {
    let lf = to_lf(raw).unwrap_or_else(|| raw.to_vec());
    let mut out = Vec::with_capacity(lf.len() + lf.len() / 40);
    for &b in &lf {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    (out != raw).then_some(out)
}

fn no_trailing_line_end(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = raw.to_vec();
    while out.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        out.pop();
    }
    (out.len() != raw.len()).then_some(out)
}

fn doubled_trailing_blank(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = raw.to_vec();
    if !out.ends_with(b"\n") {
        out.extend_from_slice(eol(raw));
    }
    out.extend_from_slice(eol(raw));
    out.extend_from_slice(eol(raw));
    Some(out)
}

fn text_as_base64(raw: &[u8]) -> Option<Vec<u8>> {
    let top_is_leaf = mailparse::parse_mail(raw).ok()?.subparts.is_empty();
    rewrite_part(raw, is_text_plain, |p, end| {
        let body = p.get_body_raw().ok()?;
        reencode(p, end, "base64", base64_body(&body, end), top_is_leaf)
    })
}

fn text_as_quoted_printable(raw: &[u8]) -> Option<Vec<u8>> {
    let top_is_leaf = mailparse::parse_mail(raw).ok()?.subparts.is_empty();
    rewrite_part(raw, is_text_plain, |p, end| {
        let body = p.get_body_raw().ok()?;
        reencode(p, end, "quoted-printable", qp_body(&body, end), top_is_leaf)
    })
}

/// The fields of every `message/delivery-status` part unfolded and folded at column 16 (after nearly every word).
fn status_fields_refolded(raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = raw.to_vec();
    let mut changed = false;
    // Parts are rewritten from the last, so that earlier offsets stay right.
    let mail = mailparse::parse_mail(raw).ok()?;
    let mut parts = Vec::new();
    leaves(&mail, &mut parts);
    for part in parts.into_iter().rev() {
        if !part
            .ctype
            .mimetype
            .eq_ignore_ascii_case("message/delivery-status")
            || !matches!(encoding(part).as_str(), "" | "7bit" | "8bit")
        {
            continue;
        }
        let Some((_, body)) = head_end(part.raw_bytes) else {
            continue;
        };
        let start = offset(raw, part) + body;
        let end = offset(raw, part) + part.raw_bytes.len();
        let mut new: Vec<Vec<u8>> = Vec::new();
        // Groups of fields are separated by blank lines; fields are folded within.
        for field in fields(&raw[start..end]) {
            let line = unfold(&field);
            if line.iter().all(u8::is_ascii_whitespace) {
                new.push(Vec::new());
                continue;
            }
            new.extend(fold(&line, 16));
        }
        let mut body_bytes = join(&new, eol(raw));
        if !raw[start..end].ends_with(b"\n") {
            for _ in eol(raw) {
                body_bytes.pop();
            }
        }
        changed |= body_bytes != raw[start..end];
        out.splice(start..end, body_bytes);
    }
    changed.then_some(out)
}

/// The top header fields unfolded and folded again at column 18 (after nearly every word).
fn header_refolded(raw: &[u8]) -> Option<Vec<u8>> {
    with_head(raw, |fs| {
        fs.into_iter()
            .map(|f| {
                if f[0].starts_with(b"From ") {
                    f
                } else {
                    fold(&unfold(&f), 18)
                }
            })
            .collect()
    })
}

/// The top header fields each on one line.
fn header_unfolded(raw: &[u8]) -> Option<Vec<u8>> {
    with_head(raw, |fs| fs.into_iter().map(|f| vec![unfold(&f)]).collect())
}

fn header_names_lower_cased(raw: &[u8]) -> Option<Vec<u8>> {
    with_head(raw, |fs| {
        fs.into_iter()
            .map(|mut f| {
                if let Some(colon) = memchr(b':', &f[0]) {
                    f[0][..colon].make_ascii_lowercase();
                }
                f
            })
            .collect()
    })
}

/// Lower-cases the names of the fields of a block of fields, in place.
fn lower_case_names(block: &mut [u8]) {
    let mut at_line_start = true;
    let mut in_name = false;
    for b in block.iter_mut() {
        if at_line_start {
            in_name = *b != b' ' && *b != b'\t' && *b != b'\n' && *b != b'\r';
        }
        at_line_start = *b == b'\n';
        if *b == b':' {
            in_name = false;
        }
        if in_name {
            b.make_ascii_lowercase();
        }
    }
}

/// The field names of every leaf part's header, and of the fields of every 7bit or 8bit
/// `message/delivery-status` part, lower-cased (`content-type:`, `final-recipient:`).
fn part_field_names_lower_cased(raw: &[u8]) -> Option<Vec<u8>> {
    let mail = mailparse::parse_mail(raw).ok()?;
    if mail.subparts.is_empty() {
        return None;
    }
    let mut out = raw.to_vec();
    let mut parts = Vec::new();
    leaves(&mail, &mut parts);
    for part in parts {
        let start = offset(raw, part);
        let end = start + part.raw_bytes.len();
        let head = if part.headers.is_empty() {
            0
        } else {
            head_end(part.raw_bytes).map_or(0, |(blank, _)| blank)
        };
        lower_case_names(&mut out[start..start + head]);
        let status = part
            .ctype
            .mimetype
            .eq_ignore_ascii_case("message/delivery-status")
            && matches!(encoding(part).as_str(), "" | "7bit" | "8bit");
        if status && let Some((_, body)) = head_end(part.raw_bytes) {
            lower_case_names(&mut out[start + body..end]);
        }
    }
    (out != raw).then_some(out)
}

fn received_added(raw: &[u8]) -> Option<Vec<u8>> {
    with_head(raw, |mut fs| {
        fs.insert(
            0,
            vec![
                b"Received: from mx.example.org (mx.example.org [192.0.2.25])".to_vec(),
                b"\tby relay.example.net (Postfix) with ESMTPS id 4QzX1b2c3d;".to_vec(),
                b"\tTue, 1 Dec 2026 10:00:05 +0000 (UTC)".to_vec(),
            ],
        );
        fs
    })
}

fn received_dropped(raw: &[u8]) -> Option<Vec<u8>> {
    let out = with_head(raw, |fs| {
        fs.into_iter()
            .filter(|f| field_name(f) != "received")
            .collect()
    })?;
    (out != raw).then_some(out)
}

fn date_and_message_id_changed(raw: &[u8]) -> Option<Vec<u8>> {
    with_head(raw, |fs| {
        let mut out: Vec<Vec<Vec<u8>>> = fs
            .into_iter()
            .filter(|f| !matches!(field_name(f).as_str(), "date" | "message-id"))
            .collect();
        let at = usize::from(out.first().is_some_and(|f| f[0].starts_with(b"From ")));
        out.insert(at, vec![b"Date: Tue, 01 Dec 2026 19:45:00 -0500".to_vec()]);
        out.insert(
            at,
            vec![b"Message-ID: <variant.7f3a.1@mx.example.net>".to_vec()],
        );
        out
    })
}

/// The decoded value of a top header field.
fn value(mail: &ParsedMail, name: &str) -> String {
    mail.headers.get_first_value(name).unwrap_or_default()
}

fn forward_headers(subject_prefix: &str, subject: &str, content_type: &str, end: &str) -> String {
    [
        "From: Pat Doe <pat@example.org>",
        "To: helpdesk@example.org",
        "Date: Tue, 1 Dec 2026 10:30:00 +0900",
        &format!("Subject: {subject_prefix} {subject}"),
        "Message-ID: <fwd.20261201103000@example.org>",
        "MIME-Version: 1.0",
        content_type,
        "",
    ]
    .join(end)
}

/// The bounce attached whole as `message/rfc822` to a person's new message.
fn forwarded_as_attachment(raw: &[u8]) -> Option<Vec<u8>> {
    let mail = mailparse::parse_mail(raw).ok()?;
    let end = std::str::from_utf8(eol(raw)).unwrap();
    let subject = value(&mail, "Subject").replace(['\r', '\n'], " ");
    let mut out = forward_headers(
        "Fwd:",
        &subject,
        "Content-Type: multipart/mixed; boundary=\"=_fwd_variant_0\"",
        end,
    );
    out.push_str(end);
    for line in [
        "--=_fwd_variant_0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Can you tell me why this came back?",
        "",
        "--=_fwd_variant_0",
        "Content-Type: message/rfc822",
        "Content-Disposition: attachment; filename=\"bounce.eml\"",
        "",
    ] {
        out.push_str(line);
        out.push_str(end);
    }
    let mut bytes = out.into_bytes();
    // A `From ` envelope line is no part of the message a client attaches.
    let message = if raw.starts_with(b"From ") {
        &raw[memchr(b'\n', raw)? + 1..]
    } else {
        raw
    };
    bytes.extend_from_slice(message);
    if !message.ends_with(b"\n") {
        bytes.extend_from_slice(end.as_bytes());
    }
    bytes.extend_from_slice(format!("--=_fwd_variant_0--{end}").as_bytes());
    Some(bytes)
}

/// The text a person sees of the bounce: its first `text/plain` part, decoded.
fn shown_text(mail: &ParsedMail) -> Option<String> {
    let mut parts = Vec::new();
    leaves(mail, &mut parts);
    let part = parts
        .into_iter()
        .find(|p| p.ctype.mimetype.eq_ignore_ascii_case("text/plain"))?;
    part.get_body().ok()
}

/// How a mail program lays out a message it forwards inline.
#[derive(Clone, Copy, PartialEq)]
enum Client {
    Gmail,
    Outlook,
    /// Apple Mail: "Begin forwarded message:", the header block and the text quoted with `> `.
    Apple,
}

fn forwarded_inline(raw: &[u8], client: Client) -> Option<Vec<u8>> {
    let mail = mailparse::parse_mail(raw).ok()?;
    let text = shown_text(&mail)?;
    let end = if raw.windows(2).any(|w| w == b"\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let one_line = |name: &str| value(&mail, name).replace(['\r', '\n'], " ");
    let subject = one_line("Subject");
    let mut out = forward_headers(
        if client == Client::Outlook {
            "FW:"
        } else {
            "Fwd:"
        },
        &subject,
        "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit"
            .replace('\n', end)
            .as_str(),
        end,
    );
    out.push_str(end);
    let mut lines: Vec<String> = vec!["Could you look at this one?".into(), String::new()];
    if client == Client::Apple {
        lines.push("Begin forwarded message:".into());
        lines.push(String::new());
        lines.push(format!("> From: {}", one_line("From")));
        lines.push(format!("> Subject: {subject}"));
        lines.push(format!("> Date: {}", one_line("Date")));
        lines.push(format!("> To: {}", one_line("To")));
        lines.push(">".into());
        for line in text.lines() {
            lines.push(if line.is_empty() {
                ">".into()
            } else {
                format!("> {line}")
            });
        }
    } else if client == Client::Gmail {
        lines.push("---------- Forwarded message ---------".into());
        lines.push(format!("From: {}", one_line("From")));
        lines.push(format!("Date: {}", one_line("Date")));
        lines.push(format!("Subject: {subject}"));
        lines.push(format!("To: {}", one_line("To")));
        lines.push(String::new());
        lines.push(String::new());
    } else {
        lines.push("-----Original Message-----".into());
        lines.push(format!("From: {}", one_line("From")));
        lines.push(format!("Sent: {}", one_line("Date")));
        lines.push(format!("To: {}", one_line("To")));
        lines.push(format!("Subject: {subject}"));
        lines.push(String::new());
    }
    if client != Client::Apple {
        for line in text.lines() {
            lines.push(line.to_string());
        }
    }
    for line in lines {
        out.push_str(&line);
        out.push_str(end);
    }
    Some(out.into_bytes())
}

fn forwarded_inline_gmail(raw: &[u8]) -> Option<Vec<u8>> {
    forwarded_inline(raw, Client::Gmail)
}

fn forwarded_inline_outlook(raw: &[u8]) -> Option<Vec<u8>> {
    forwarded_inline(raw, Client::Outlook)
}

fn forwarded_inline_apple(raw: &[u8]) -> Option<Vec<u8>> {
    forwarded_inline(raw, Client::Apple)
}

/// The message as one message of an mbox: a `From ` envelope line in front, and the body's
/// lines that start with `From ` (or `>From `) escaped mboxrd-style.
fn in_an_mbox(raw: &[u8]) -> Option<Vec<u8>> {
    if raw.starts_with(b"From ") {
        return None;
    }
    let end = eol(raw);
    let mut out = b"From MAILER-DAEMON Tue Dec  1 10:00:00 2026".to_vec();
    out.extend_from_slice(end);
    for line in lines(raw) {
        let bare = line.iter().position(|b| *b != b'>').unwrap_or(line.len());
        if line[bare..].starts_with(b"From ") {
            out.push(b'>');
        }
        out.extend_from_slice(line);
        out.extend_from_slice(end);
    }
    if !raw.ends_with(b"\n") {
        for _ in end {
            out.pop();
        }
    }
    Some(out)
}

const VARIANTS: &[(&str, Variant)] = &[
    ("lf", to_lf),
    ("crlf", to_crlf),
    ("no-trailing-line-end", no_trailing_line_end),
    ("doubled-trailing-blank", doubled_trailing_blank),
    ("text-base64", text_as_base64),
    ("text-quoted-printable", text_as_quoted_printable),
    ("text-converted-to-utf8", text_converted_to_utf8),
    ("parameters-requoted", parameters_requoted),
    ("status-fields-refolded", status_fields_refolded),
    ("header-refolded", header_refolded),
    ("header-unfolded", header_unfolded),
    ("header-names-lower-cased", header_names_lower_cased),
    ("part-field-names-lower-cased", part_field_names_lower_cased),
    ("received-added", received_added),
    ("received-dropped", received_dropped),
    ("date-message-id-changed", date_and_message_id_changed),
    ("forwarded-as-attachment", forwarded_as_attachment),
    ("forwarded-inline-gmail", forwarded_inline_gmail),
    ("forwarded-inline-outlook", forwarded_inline_outlook),
    ("forwarded-inline-apple", forwarded_inline_apple),
    ("in-an-mbox", in_an_mbox),
];

const INLINE: &str = "forwarded-inline-*";

/// (template, variant, why the answer cannot be expected to stay); `forwarded-inline-*`
/// stands for both inline forwards. An inline forward keeps only the text a person sees: the
/// header block it quotes (From, Date or Sent, Subject, To) and the first `text/plain` part;
/// every other field and part stays behind.
const EXCEPTIONS: &[(&str, &str, &str)] = &[
    (
        "autoreply",
        INLINE,
        "an auto-reply is known by its fields (Auto-Submitted, X-Auto-Response-Suppress), which the quoted header block does not show",
    ),
    (
        "autoreply-ooo",
        INLINE,
        "an auto-reply is known by its fields (Auto-Submitted, X-Auto-Response-Suppress), which the quoted header block does not show",
    ),
    (
        "tfs-failure",
        INLINE,
        "the TFS notice is known for a bounce by its empty Return-Path, which the quoted header block does not show",
    ),
    (
        "cyrus-sieve-reject",
        INLINE,
        "the refused recipient is the To of the returned message (message/rfc822), which stays behind",
    ),
    (
        "forwarded-attached",
        INLINE,
        "the bounce is an attachment (message/rfc822) of a person's forward; an inline copy shows only the person's note",
    ),
    (
        "googlegroups-attached",
        INLINE,
        "the group's notice is the bounce attached to the message; the text part is the group's own words around it",
    ),
    (
        "mailman2-nonmember",
        INLINE,
        "the list's notice is known by the returned post (message/rfc822) and the list's fields, which stay behind",
    ),
    (
        "mailman3-dmarc",
        INLINE,
        "the list's notice is known by the returned post (message/rfc822) and the list's fields, which stay behind",
    ),
    (
        "mailman3-nodetails",
        INLINE,
        "the list's notice is known by the returned post (message/rfc822) and the list's fields, which stay behind",
    ),
    (
        "mailman3-reject",
        INLINE,
        "the list's notice is known by the returned post (message/rfc822) and the list's fields, which stay behind",
    ),
];

/// Why a variant cannot be expected to keep a template's answer, when it cannot.
fn exception(name: &str, variant: &str, raw: &[u8]) -> Option<&'static str> {
    let inline = variant.starts_with("forwarded-inline-");
    let listed = EXCEPTIONS
        .iter()
        .find(|(t, v, _)| *t == name && (*v == variant || (inline && *v == INLINE)))
        .map(|(_, _, why)| *why);
    // The one exception by layout: a report whose recipients, actions (a delay), statuses
    // and final addresses stand in its `message/delivery-status` part (or, for a feedback
    // report, whose kind stands in its `message/feedback-report` part); an inline forward
    // leaves that part behind, and the text alone may name others or fewer.
    listed.or_else(|| (inline && has_status_part(raw)).then_some(STATUS_PART))
}

const STATUS_PART: &str = "the report part (message/delivery-status or message/feedback-report) stays behind in an inline forward";

fn has_status_part(raw: &[u8]) -> bool {
    let Ok(mail) = mailparse::parse_mail(raw) else {
        return false;
    };
    let mut parts = Vec::new();
    leaves(&mail, &mut parts);
    parts.iter().any(|p| {
        let m = p.ctype.mimetype.to_ascii_lowercase();
        m == "message/delivery-status"
            || m == "message/global-delivery-status"
            || m == "message/feedback-report"
    })
}

fn template_files() -> Vec<PathBuf> {
    let mut emls: Vec<PathBuf> = std::fs::read_dir(templates())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    emls.sort();
    emls
}

#[test]
fn every_variant_of_every_template_gives_the_same_answer() {
    let engine = Engine::new().unwrap();
    let mut wrong = Vec::new();
    let mut excepted_but_same = Vec::new();
    let mut checked = 0;
    let mut by_layout = Vec::new();
    for eml in template_files() {
        let name = eml.file_stem().unwrap().to_string_lossy().to_string();
        let raw = std::fs::read(&eml).unwrap();
        let want = outcome(&engine, &raw);
        for (variant, make) in VARIANTS {
            let Some(bytes) = make(&raw) else { continue };
            checked += 1;
            let got = outcome(&engine, &bytes);
            let why = exception(&name, variant, &raw);
            if got != want && why == Some(STATUS_PART) {
                if let Ok(dir) = std::env::var("BOUNCEDOC_VARIANT_DUMP") {
                    let _ = std::fs::write(
                        Path::new(&dir).join(format!("{name}.{variant}.eml")),
                        &bytes,
                    );
                }
                by_layout.push(format!("{name} [{variant}]"));
                continue;
            }
            match (got == want, why.is_some()) {
                (false, false) => wrong.push({
                    // BOUNCEDOC_VARIANT_DUMP=DIR keeps the differing variants to look at.
                    if let Ok(dir) = std::env::var("BOUNCEDOC_VARIANT_DUMP") {
                        let _ = std::fs::write(
                            Path::new(&dir).join(format!("{name}.{variant}.eml")),
                            &bytes,
                        );
                    }
                    format!("{name} [{variant}]: {got:?}, expected {want:?}")
                }),
                (true, true) if why != Some(STATUS_PART) => {
                    excepted_but_same.push(format!("{name} [{variant}]"))
                }
                _ => {}
            }
        }
    }
    eprintln!(
        "{checked} variants checked, {} differ, {} excepted by layout ({STATUS_PART}): {}",
        wrong.len(),
        by_layout.len(),
        by_layout.join(", ")
    );
    assert!(
        wrong.is_empty(),
        "{}\n{} differ",
        wrong.join("\n"),
        wrong.len()
    );
    assert!(
        excepted_but_same.is_empty(),
        "exceptions that no longer differ: {}",
        excepted_but_same.join(", ")
    );
}

/// Each variant really changes a template somewhere, and each exception names a real
/// template and variant.
#[test]
fn the_variants_and_exceptions_are_real() {
    let files = template_files();
    let raws: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    for (variant, make) in VARIANTS {
        assert!(
            raws.iter().any(|r| make(r).is_some_and(|v| v != *r)),
            "{variant} changes no template"
        );
    }
    for (t, v, why) in EXCEPTIONS {
        assert!(
            templates().join(format!("{t}.eml")).exists(),
            "{t}: no template"
        );
        assert!(
            *v == INLINE || VARIANTS.iter().any(|(n, _)| n == v),
            "{v}: no variant"
        );
        assert!(!why.is_empty());
    }
}

/// A report, not expectations: how many messages of `shared/corpus` give another set of
/// failed recipients under each variant.
#[test]
#[ignore]
fn variants_over_the_corpus() {
    let engine = Engine::new().unwrap();
    let mut messages: Vec<Vec<u8>> = Vec::new();
    for path in bouncedoc_testkit::files_in(&bouncedoc_testkit::corpus_dir()) {
        let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
        for job in Messages::new(file, path.display().to_string()) {
            if let Ok(bytes) = job.bytes {
                messages.push(bytes);
            }
        }
    }
    let wants: Vec<Outcome> = messages.iter().map(|m| outcome(&engine, m)).collect();
    println!("{} corpus messages", messages.len());
    for (variant, make) in VARIANTS {
        let (mut applied, mut other_failed, mut other_reason, mut without_status) = (0, 0, 0, 0);
        for (raw, want) in messages.iter().zip(&wants) {
            let Some(bytes) = make(raw) else { continue };
            applied += 1;
            let got = outcome(&engine, &bytes);
            if got.failed_set() != want.failed_set() {
                other_failed += 1;
                without_status += usize::from(!has_status_part(raw));
            } else if got != *want {
                other_reason += 1;
            }
        }
        println!(
            "{variant}: {applied} applied, {other_failed} other failed set ({without_status} of them without a report part), {other_reason} same set but other reason/kind/delayed"
        );
    }
}

/// The byte edits do what they say on a small report.
#[test]
fn the_edits_on_a_small_report() {
    let raw = b"From: MAILER-DAEMON@example.org\nSubject: failure\nMIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: text/plain\n\nFrom here on, a failure.\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; kai@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <kai@example.jp>: Recipient address rejected: User unknown\n\n--B--\n";
    let lower = part_field_names_lower_cased(raw).unwrap();
    let lower = String::from_utf8(lower).unwrap();
    assert!(lower.contains("\ncontent-type: message/delivery-status\n"));
    assert!(lower.contains("\nfinal-recipient: rfc822; kai@example.jp\n"));
    assert!(lower.contains("\nFrom here on, a failure.\n"));
    let folded = String::from_utf8(status_fields_refolded(raw).unwrap()).unwrap();
    assert!(folded.contains("Diagnostic-Code:\n smtp; 550 5.1.1\n <kai@example.jp>:"));
    let b64 = String::from_utf8(text_as_base64(raw).unwrap()).unwrap();
    assert!(
        b64.contains("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nRnJvbSBoZXJl")
    );
    let requoted = String::from_utf8(parameters_requoted(raw).unwrap()).unwrap();
    assert!(requoted.contains("report-type=delivery-status; boundary=B\n"));
    let jis = "From: a@example.org\nContent-Type: text/plain; charset=\"ISO-2022-JP\"\n\n\u{1b}$B%(%i!<\u{1b}(B\n";
    let utf8 = String::from_utf8(text_converted_to_utf8(jis.as_bytes()).unwrap()).unwrap();
    assert!(utf8.contains(
        "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
    ));
    let requoted = String::from_utf8(parameters_requoted(jis.as_bytes()).unwrap()).unwrap();
    assert!(requoted.contains("charset=iso-2022-jp\n"));
    let mbox = String::from_utf8(in_an_mbox(raw).unwrap()).unwrap();
    assert!(mbox.starts_with("From MAILER-DAEMON ") && mbox.contains("\n>From here on"));
}
