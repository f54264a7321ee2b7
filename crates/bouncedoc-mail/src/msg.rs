//! Outlook `.msg` files: an OLE compound file (the `cfb` crate reads the container) holding
//! a message as MAPI properties, one stream each. [`to_message`] turns one into the RFC 5322
//! message it holds, so that the rest of the crate reads it as any other message: the
//! transport headers (`PR_TRANSPORT_MESSAGE_HEADERS`, stream `__substg1.0_007D001F`) or, when
//! the message never crossed SMTP, headers made from its subject and sender; the plain-text
//! body (`PR_BODY`, `__substg1.0_1000001F`); and each attachment that is itself a message
//! (an embedded `.msg` or an attached `.eml`) as a `message/rfc822` part, so that a bounce
//! forwarded as an attachment is found.

use std::io::{Cursor, Read};

use cfb::CompoundFile;

/// The first bytes of every OLE compound file.
const MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Embedded messages deeper than this are not read (a crafted file must not recurse
/// without end).
const MAX_DEPTH: usize = 4;

/// Why a `.msg` file gave no message.
#[derive(Debug, thiserror::Error)]
pub enum MsgError {
    /// The container could not be read.
    #[error("a damaged compound file: {0}")]
    Container(#[from] std::io::Error),
    /// The container holds neither headers nor a body: it is no Outlook message (another
    /// Office document, say).
    #[error("it holds no mail headers and no message text")]
    NoMessage,
}

/// Whether bytes are an OLE compound file (an Outlook `.msg`, or another Office document).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

type Container<'a> = CompoundFile<Cursor<&'a [u8]>>;

/// One stream's bytes, when it exists.
fn stream(file: &mut Container<'_>, path: &str) -> Option<Vec<u8>> {
    if !file.is_stream(path) {
        return None;
    }
    let mut bytes = Vec::new();
    file.open_stream(path).ok()?.read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// A string property of the message at `base`: Unicode (`001F`, UTF-16LE) or, from older
/// Outlook versions, 8-bit (`001E`, in the message's code page, which is guessed).
fn string_property(file: &mut Container<'_>, base: &str, id: &str) -> Option<String> {
    if let Some(bytes) = stream(file, &format!("{base}/__substg1.0_{id}001F")) {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        let text = String::from_utf16_lossy(&units);
        return Some(text.trim_end_matches('\0').to_string());
    }
    let bytes = stream(file, &format!("{base}/__substg1.0_{id}001E"))?;
    let bytes = bytes.strip_suffix(b"\0").unwrap_or(&bytes);
    Some(match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => crate::charset::decode_unlabeled(bytes),
    })
}

/// Header fields that describe the body as it was sent; the body written here is the
/// plain text Outlook kept, so they no longer apply.
const BODY_FIELDS: &[&str] = &["content-type", "content-transfer-encoding", "mime-version"];

/// The transport headers without the fields that describe the original body, with LF line
/// ends.
fn header_block(headers: &str) -> String {
    let mut out = String::with_capacity(headers.len());
    let mut skipping = false;
    for line in headers.lines() {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if !skipping {
                out.push_str(line);
                out.push('\n');
            }
            continue;
        }
        let name = line
            .split(':')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        skipping = BODY_FIELDS.contains(&name.as_str());
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Headers made from the message's properties, for a message that has no transport headers
/// (one that was saved before it was sent, or that Exchange delivered itself).
fn made_headers(file: &mut Container<'_>, base: &str) -> String {
    let mut out = String::new();
    let name = string_property(file, base, "0C1A");
    let address =
        string_property(file, base, "5D01").or_else(|| string_property(file, base, "0C1F"));
    match (name, address) {
        (Some(n), Some(a)) if a.contains('@') => out.push_str(&format!("From: {n} <{a}>\n")),
        (_, Some(a)) if a.contains('@') => out.push_str(&format!("From: {a}\n")),
        (Some(n), _) => out.push_str(&format!("From: {n}\n")),
        _ => {}
    }
    if let Some(to) = string_property(file, base, "0E04") {
        out.push_str(&format!("To: {to}\n"));
    }
    if let Some(subject) = string_property(file, base, "0037") {
        out.push_str(&format!("Subject: {subject}\n"));
    }
    if let Some(class) = string_property(file, base, "001A") {
        out.push_str(&format!("X-MS-Message-Class: {class}\n"));
    }
    out
}

/// Whether bytes start like a message (a header line first).
fn starts_like_message(bytes: &[u8]) -> bool {
    crate::records::starts_with_header(bytes)
}

/// The attachments of the message at `base` that are messages, each as RFC 5322 bytes.
fn attached_messages(file: &mut Container<'_>, base: &str, depth: usize) -> Vec<Vec<u8>> {
    let storage = if base.is_empty() { "/" } else { base };
    let Ok(entries) = file.read_storage(storage) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter(|e| e.is_storage() && e.name().starts_with("__attach_version1.0_"))
        .map(|e| e.name().to_string())
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let at = format!("{base}/{name}");
        let embedded = format!("{at}/__substg1.0_3701000D");
        if depth < MAX_DEPTH && file.is_storage(&embedded) {
            if let Ok(message) = message_at(file, &embedded, depth + 1) {
                out.push(message);
            }
            continue;
        }
        let Some(data) = stream(file, &format!("{at}/__substg1.0_37010102")) else {
            continue;
        };
        let file_name = string_property(file, &at, "3707")
            .or_else(|| string_property(file, &at, "3704"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let mime = string_property(file, &at, "370E")
            .unwrap_or_default()
            .to_ascii_lowercase();
        if (file_name.ends_with(".eml") || mime == "message/rfc822") && starts_like_message(&data) {
            out.push(data);
        } else if depth < MAX_DEPTH
            && file_name.ends_with(".msg")
            && is_compound_file(&data)
            && let Ok(message) = to_message_depth(&data, depth + 1)
        {
            out.push(message);
        }
    }
    out
}

/// The message stored at `base` (`""` for the file's own), as RFC 5322 bytes.
fn message_at(file: &mut Container<'_>, base: &str, depth: usize) -> Result<Vec<u8>, MsgError> {
    let headers = string_property(file, base, "007D").filter(|h| !h.trim().is_empty());
    // The plain-text body, else the HTML one (`PR_HTML`, kept as bytes) that a message
    // written in HTML may carry alone.
    let (body, media) = match string_property(file, base, "1000") {
        Some(text) => (Some(text), "text/plain"),
        None => match stream(file, &format!("{base}/__substg1.0_10130102")) {
            Some(html) => (
                Some(match String::from_utf8(html) {
                    Ok(s) => s,
                    Err(e) => crate::charset::decode_unlabeled(e.as_bytes()),
                }),
                "text/html",
            ),
            None => (None, "text/plain"),
        },
    };
    if headers.is_none() && body.is_none() {
        return Err(MsgError::NoMessage);
    }
    let mut head = match &headers {
        Some(h) => header_block(h),
        None => made_headers(file, base),
    };
    if head.is_empty() {
        head.push_str("Subject: (Outlook message)\n");
    }
    let body = body.unwrap_or_default().replace("\r\n", "\n");
    let attached = attached_messages(file, base, depth);
    let mut out = head.into_bytes();
    out.extend_from_slice(b"MIME-Version: 1.0\n");
    if attached.is_empty() {
        out.extend_from_slice(
            format!("Content-Type: {media}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
                .as_bytes(),
        );
        out.extend_from_slice(body.as_bytes());
        out.push(b'\n');
        return Ok(out);
    }
    let boundary = format!("bouncedoc-msg-{depth}-{:x}", body.len());
    out.extend_from_slice(
        format!("Content-Type: multipart/mixed; boundary=\"{boundary}\"\n\n--{boundary}\nContent-Type: {media}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n")
            .as_bytes(),
    );
    out.extend_from_slice(body.as_bytes());
    for message in attached {
        out.extend_from_slice(
            format!(
                "\n--{boundary}\nContent-Type: message/rfc822\nContent-Transfer-Encoding: 8bit\n\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(&crate::charset::normalize_line_ends(&message));
    }
    out.extend_from_slice(format!("\n--{boundary}--\n").as_bytes());
    Ok(out)
}

fn to_message_depth(bytes: &[u8], depth: usize) -> Result<Vec<u8>, MsgError> {
    let mut file = CompoundFile::open(Cursor::new(bytes))?;
    message_at(&mut file, "", depth)
}

/// The RFC 5322 message an Outlook `.msg` file holds (see the module documentation).
pub fn to_message(bytes: &[u8]) -> Result<Vec<u8>, MsgError> {
    to_message_depth(bytes, 0)
}

/// Writes `.msg` files for tests: an OLE compound file with the given string properties
/// (id such as `"1000"` → text) and attachments.
#[doc(hidden)]
pub mod testing {
    use std::io::{Cursor, Write};

    /// One attachment of a test `.msg`.
    pub enum Attachment<'a> {
        /// An attached file: its name and bytes.
        File(&'a str, &'a [u8]),
        /// An embedded message: its string properties.
        Embedded(&'a [(&'a str, &'a str)]),
    }

    fn utf16(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn write_props(
        file: &mut cfb::CompoundFile<Cursor<Vec<u8>>>,
        base: &str,
        props: &[(&str, &str)],
    ) {
        for (id, text) in props {
            let mut s = file
                .create_stream(format!("{base}/__substg1.0_{id}001F"))
                .unwrap();
            s.write_all(&utf16(text)).unwrap();
        }
    }

    /// A `.msg` file's bytes.
    pub fn msg(props: &[(&str, &str)], attachments: &[Attachment<'_>]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        write_props(&mut file, "", props);
        for (i, a) in attachments.iter().enumerate() {
            let at = format!("/__attach_version1.0_#{i:08X}");
            file.create_storage(&at).unwrap();
            match a {
                Attachment::File(name, data) => {
                    write_props(&mut file, &at, &[("3707", name)]);
                    let mut s = file
                        .create_stream(format!("{at}/__substg1.0_37010102"))
                        .unwrap();
                    s.write_all(data).unwrap();
                }
                Attachment::Embedded(props) => {
                    let inner = format!("{at}/__substg1.0_3701000D");
                    file.create_storage(&inner).unwrap();
                    write_props(&mut file, &inner, props);
                }
            }
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{Attachment, msg};
    use super::*;

    const NDR_BODY: &str = "Delivery has failed to these recipients or groups:\r\n\r\njiro@example.org\r\nThe email address you entered couldn't be found.\r\n\r\nDiagnostic information for administrators:\r\n\r\nGenerating server: mail.example.co.jp\r\n\r\njiro@example.org\r\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\r\n";

    #[test]
    fn compound_files_are_told_by_their_first_bytes() {
        assert!(is_compound_file(&msg(&[("1000", "x")], &[])));
        assert!(!is_compound_file(b"From: a@example.jp\n\nhi"));
    }

    #[test]
    fn the_transport_headers_and_body_make_the_message() {
        let headers = "Received: from mx\r\nFrom: postmaster@example.co.jp\r\nSubject: =?utf-8?B?6YWN5L+h5LiN6IO9?=\r\nContent-Type: multipart/report;\r\n\tboundary=\"x\"\r\nTo: hanako@example.co.jp\r\n";
        let raw = msg(&[("007D", headers), ("1000", NDR_BODY)], &[]);
        let message = to_message(&raw).unwrap();
        let text = String::from_utf8(message.clone()).unwrap();
        assert!(text.contains("From: postmaster@example.co.jp\n"));
        assert!(text.contains("To: hanako@example.co.jp\n"));
        assert!(!text.contains("boundary=\"x\""), "{text}");
        assert!(text.contains("Content-Type: text/plain; charset=utf-8"));
        let bounce = crate::read_bytes(&message).unwrap();
        let recipients: Vec<_> = bounce
            .recipients
            .iter()
            .filter_map(|r| r.recipient.as_deref())
            .collect();
        assert_eq!(recipients, ["jiro@example.org"]);
    }

    #[test]
    fn without_transport_headers_the_properties_make_them() {
        let raw = msg(
            &[
                ("0037", "配信不能: 会議"),
                ("0C1A", "Microsoft Outlook"),
                ("1000", NDR_BODY),
            ],
            &[],
        );
        let text = String::from_utf8(to_message(&raw).unwrap()).unwrap();
        assert!(
            text.starts_with("From: Microsoft Outlook\nSubject: 配信不能: 会議\n"),
            "{text}"
        );
    }

    #[test]
    fn attached_messages_become_message_parts() {
        let eml = b"From: MAILER-DAEMON@example.jp\nSubject: Undelivered Mail Returned to Sender\n\n<a@example.jp>: host mx.example.jp said: 550 5.1.1 User unknown\n";
        let raw = msg(
            &[("0037", "FW: Undelivered Mail"), ("1000", "see below")],
            &[
                Attachment::File("bounce.eml", eml),
                Attachment::File("photo.jpg", b"\xff\xd8\xff"),
                Attachment::Embedded(&[("0037", "inner"), ("1000", NDR_BODY)]),
            ],
        );
        let message = crate::Message::parse(&to_message(&raw).unwrap()).unwrap();
        let parts: Vec<_> = message.parts_of("message/rfc822").collect();
        assert_eq!(parts.len(), 2);
        assert!(
            parts
                .iter()
                .any(|p| p.text().contains("Undelivered Mail Returned"))
        );
        assert!(parts.iter().any(|p| p.text().contains("RecipientNotFound")));
    }

    #[test]
    fn an_html_body_is_read_when_there_is_no_plain_one() {
        let mut raw = msg(&[("0037", "Undeliverable: hi")], &[]);
        // PR_HTML is binary: add it beside the properties.
        let mut file = cfb::CompoundFile::open(Cursor::new(&mut raw)).unwrap();
        let html = format!(
            "<html><body><p>{}</p></body></html>",
            NDR_BODY.replace("\r\n", "<br>")
        );
        std::io::Write::write_all(
            &mut file.create_stream("/__substg1.0_10130102").unwrap(),
            html.as_bytes(),
        )
        .unwrap();
        file.flush().unwrap();
        drop(file);
        let message = crate::Message::parse(&to_message(&raw).unwrap()).unwrap();
        assert_eq!(message.parts[0].mime, "text/html");
        assert!(
            message.report_text().contains("RecipientNotFound"),
            "{}",
            message.report_text()
        );
    }

    #[test]
    fn other_compound_files_are_no_message() {
        let raw = msg(&[("0037", "only a subject")], &[]);
        assert!(matches!(to_message(&raw), Err(MsgError::NoMessage)));
        let mut damaged = raw.clone();
        damaged.truncate(600);
        assert!(to_message(&damaged).is_err());
        assert!(to_message(&MAGIC).is_err());
    }
}
