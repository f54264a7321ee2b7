//! Bounce events: one per recipient diagnosis of one message, and how a message becomes
//! them.

use std::borrow::Cow;

use bouncedoc_core::{Action, Diagnosis, Engine, Lang, Party, Reason, Retry};
use bouncedoc_mail::MessageFacts;
use bouncedoc_mail::record::{Origin, RecipientRecord, Record};
use bouncedoc_mail::records::{Job, read_message};
use serde::Serialize;
use sha2::{Digest, Sha256};

use unicode_normalization::UnicodeNormalization;

use crate::LedgerError;
use crate::time::parse_mail_date;

/// One bounce event, ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewEvent {
    /// The message's key: `sha256:` and the hash of its bytes, line ends made LF. The same
    /// message read again (from the same file, or from a copy in an mbox or with other line
    /// ends) has the same key.
    pub message_key: String,
    /// The recipient's position in the message, from 1.
    pub recipient_index: i64,
    /// The recipient's address, in lower case; `None` when the report names none.
    pub address: Option<String>,
    /// When the bounce happened: its `Date:`, else the returned message's, else the file's
    /// modification time, else the time it was read.
    #[serde(serialize_with = "crate::time::serialize")]
    pub occurred_at: i64,
    /// The SMTP reply code.
    pub reply_code: Option<i64>,
    /// The enhanced status code.
    pub status: Option<String>,
    /// Why the delivery failed.
    pub reason: Reason,
    /// Hard or soft.
    pub hard_bounce: bool,
    /// What an automatic sender should do.
    pub retry: Retry,
    /// Who must act first.
    pub party: Party,
    /// The DSN action.
    pub action: Option<Action>,
    /// For feedback reports, their type.
    pub feedback_type: Option<String>,
    /// The receiving provider.
    pub provider: Option<String>,
    /// The kind of reporting server.
    pub mta: Option<String>,
    /// The remote server's words.
    pub diagnostic: String,
    /// The bounce's own `Message-ID`.
    pub message_id: Option<String>,
    /// The `Message-ID` of the message that bounced, when the bounce returns it.
    pub original_message_id: Option<String>,
    /// Where it was read: the file, with `#N` for the Nth message of an mbox.
    pub source: String,
}

/// An address as the ledger keeps it, the one normalization of ingest, check, the filters
/// and unsuppress: without angle brackets or surrounding spaces; the local part (quoted or
/// not, quotes kept) in lower case and in Unicode NFC; the domain in its IDNA ASCII form
/// (UTS 46, so `bücher.de` and `xn--bcher-kva.de` are one domain). An address holding a
/// control character (NUL included), or whose domain IDNA refuses, is an error: it would
/// otherwise name another mailbox.
pub fn normalize_address(address: &str) -> Result<String, LedgerError> {
    let bad = || LedgerError::BadAddress(address.escape_debug().to_string());
    let trimmed = address
        .trim()
        .trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace());
    if trimmed.chars().any(char::is_control) {
        return Err(bad());
    }
    let (local, domain) = match trimmed.rsplit_once('@') {
        Some((local, domain)) => (local, Some(domain)),
        None => (trimmed, None),
    };
    let mut out: String = local.to_lowercase().nfc().collect();
    if let Some(domain) = domain {
        out.push('@');
        out.push_str(&normalize_domain(domain).ok_or_else(bad)?);
    }
    Ok(out)
}

/// A domain as the ledger keeps it: its IDNA ASCII form, in lower case; `None` when IDNA
/// refuses it.
pub fn normalize_domain(domain: &str) -> Option<String> {
    let domain = domain.trim().trim_start_matches('@');
    if domain.is_empty() {
        return Some(String::new());
    }
    idna::domain_to_ascii(domain).ok()
}

/// The domain of an address (after its last `@`), when it has one.
pub fn domain_of(address: &str) -> Option<&str> {
    address
        .rsplit_once('@')
        .map(|(_, d)| d)
        .filter(|d| !d.is_empty())
}

/// The message's bytes with CRLF and lone CR line ends made LF and trailing white space cut
/// to one LF: what the key hashes and what is diagnosed, so that copies of one message that
/// differ only in line ends give one key and the same events.
pub fn canonical(bytes: &[u8]) -> Cow<'_, [u8]> {
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let body = &bytes[..end];
    if !body.contains(&b'\r') && bytes.get(end) == Some(&b'\n') && bytes.len() == end + 1 {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(body.len() + 1);
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'\r' => {
                out.push(b'\n');
                if body.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    out.push(b'\n');
    Cow::Owned(out)
}

/// The key of a message, from its canonical bytes.
pub fn message_key(canonical: &[u8]) -> String {
    let digest = Sha256::digest(canonical);
    let mut key = String::with_capacity(7 + 64);
    key.push_str("sha256:");
    for b in digest.iter() {
        key.push_str(&format!("{b:02x}"));
    }
    key
}

/// A message read for the ledger: its records (as `parse` gives them: one per recipient, or
/// one saying it is not a bounce or could not be read) and the events to record.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Where the message came from.
    pub origin: Origin,
    /// What `parse` would print for it.
    pub records: Vec<Record>,
    /// One event per recipient diagnosis.
    pub events: Vec<NewEvent>,
}

impl Prepared {
    /// A message that could not be read: one error record, no event.
    pub fn unreadable(origin: Origin, error: String) -> Prepared {
        Prepared {
            records: vec![Record::Error {
                origin: origin.clone(),
                error,
            }],
            origin,
            events: Vec::new(),
        }
    }
}

fn header(bytes: &[u8], name: &str) -> Option<String> {
    let (headers, _) = mailparse::parse_headers(bytes).ok()?;
    headers
        .iter()
        .find(|h| h.get_key_ref().eq_ignore_ascii_case(name))
        .map(|h| h.get_value().trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Reads one message for the ledger, by the mail crate's one path from bytes to records
/// (a diagnosis that fails becomes the message's error record). `fallback_time` is used when neither the bounce nor
/// the returned message carries a readable date (pass the file's modification time, or the
/// current time).
pub fn prepare(engine: &Engine, origin: Origin, bytes: &[u8], fallback_time: i64) -> Prepared {
    let canon = canonical(bytes);
    let mut recs = match read_message(engine, &origin, &canon, Lang::En) {
        Ok(recs) => recs,
        Err(e) => return Prepared::unreadable(origin, e.to_string()),
    };
    let mut events = Vec::new();
    if recs.iter().any(|r| matches!(r, Record::Recipient(_))) {
        let key = message_key(&canon);
        let message_id = header(&canon, "message-id");
        let source = match origin.index {
            Some(i) => format!("{}#{i}", origin.source),
            None => origin.source.clone(),
        };
        for (i, record) in recs.iter_mut().enumerate() {
            if let Record::Recipient(r) = record {
                match event_of(
                    r,
                    &key,
                    i as i64 + 1,
                    message_id.clone(),
                    &source,
                    fallback_time,
                ) {
                    Ok(event) => events.push(event),
                    Err(e) => {
                        *record = Record::Error {
                            origin: r.origin.clone(),
                            error: e.to_string(),
                        }
                    }
                }
            }
        }
    }
    Prepared {
        origin,
        records: recs,
        events,
    }
}

/// Reads one message found in an input for the ledger: [`prepare`] when its bytes were
/// read, else its error record.
pub fn prepare_job(engine: &Engine, job: Job, fallback_time: i64) -> Prepared {
    match job.bytes {
        Ok(bytes) => prepare(engine, job.origin, &bytes, fallback_time),
        Err(e) => Prepared::unreadable(job.origin, e.to_string()),
    }
}

/// Text as both back ends can store it: PostgreSQL refuses NUL characters in text.
pub(crate) fn storable(text: &str) -> String {
    text.replace('\0', "\u{fffd}")
}

fn storable_opt(text: Option<&str>) -> Option<String> {
    text.map(storable)
}

fn occurred_at(message: &MessageFacts, fallback: i64) -> i64 {
    [&message.date, &message.original_date]
        .into_iter()
        .flatten()
        .find_map(|d| parse_mail_date(d))
        .unwrap_or(fallback)
}

fn event_of(
    r: &RecipientRecord,
    key: &str,
    index: i64,
    message_id: Option<String>,
    source: &str,
    fallback_time: i64,
) -> Result<NewEvent, LedgerError> {
    let d: &Diagnosis = &r.diagnosis;
    let address = match d.recipient.as_deref() {
        Some(a) => Some(normalize_address(a)?).filter(|a| !a.is_empty()),
        None => None,
    };
    Ok(NewEvent {
        message_key: key.to_string(),
        recipient_index: index,
        address,
        occurred_at: occurred_at(&r.message, fallback_time),
        reply_code: d.reply_code.map(i64::from),
        status: d.status.map(|s| s.to_string()),
        reason: d.reason,
        hard_bounce: d.hard_bounce,
        retry: d.retry,
        party: d.party,
        action: d.action,
        feedback_type: storable_opt(r.feedback_type.as_deref()),
        provider: storable_opt(d.provider.as_deref()),
        mta: storable_opt(d.mta.as_deref()),
        diagnostic: storable(&d.diagnostic),
        message_id: storable_opt(message_id.as_deref()),
        original_message_id: storable_opt(r.message.original_message_id.as_deref()),
        source: storable(source),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{Dsn, DsnRecipient};

    #[test]
    fn line_ends_do_not_change_the_key() {
        let lf = b"Subject: x\n\nbody\n".as_slice();
        let crlf = b"Subject: x\r\n\r\nbody\r\n\r\n".as_slice();
        let cr = b"Subject: x\r\rbody\r".as_slice();
        assert!(matches!(canonical(lf), Cow::Borrowed(_)));
        assert_eq!(canonical(crlf).as_ref(), lf);
        assert_eq!(canonical(cr).as_ref(), lf);
        assert_eq!(message_key(&canonical(crlf)), message_key(lf));
        assert_ne!(message_key(lf), message_key(b"Subject: y\n\nbody\n"));
        assert!(message_key(lf).starts_with("sha256:"));
        assert_eq!(message_key(lf).len(), 7 + 64);
    }

    #[test]
    fn addresses_are_kept_in_lower_case() {
        assert_eq!(
            normalize_address(" <Taro@Example.JP> ").unwrap(),
            "taro@example.jp"
        );
        assert_eq!(domain_of("taro@example.jp"), Some("example.jp"));
        assert_eq!(domain_of("nobody"), None);
    }

    #[test]
    fn one_mailbox_has_one_spelling() {
        let ascii = normalize_address("kevin@xn--bcher-kva.de").unwrap();
        assert_eq!(normalize_address("Kevin@BÜCHER.de").unwrap(), ascii);
        assert_eq!(ascii, "kevin@xn--bcher-kva.de");
        // NFD and NFC local parts.
        assert_eq!(
            normalize_address("jose\u{301}@example.jp").unwrap(),
            normalize_address("jos\u{e9}@example.jp").unwrap()
        );
        assert_eq!(
            normalize_address("<\"John Doe\"@example.jp>").unwrap(),
            "\"john doe\"@example.jp"
        );
        for bad in [
            "a\0b@b.jp",
            "a\u{1b}[2J@b.jp",
            "a@b\u{85}.jp",
            "a@xn--a.xn--",
        ] {
            assert!(normalize_address(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_bounce_becomes_one_event_per_recipient() {
        let engine = Engine::new().unwrap();
        let msg = Dsn::failure(vec![
            DsnRecipient::failed(
                "Taro@Example.jp",
                "5.1.1",
                "550 5.1.1 <taro@example.jp>... User unknown",
            ),
            DsnRecipient::failed("hanako@example.jp", "4.2.2", "452 4.2.2 Mailbox full"),
        ])
        .dated("Wed, 1 May 2024 18:30:00 +0900")
        .with_message_id("<bounce-1@mx.example.jp>")
        .message();
        let msg = msg.as_bytes();
        let origin = Origin {
            source: "test.eml".into(),
            index: None,
        };
        let p = prepare(&engine, origin, msg, 7);
        assert_eq!(p.events.len(), 2, "{:?}", p.records);
        let (a, b) = (&p.events[0], &p.events[1]);
        assert_eq!(a.address.as_deref(), Some("taro@example.jp"));
        assert_eq!(a.reason, Reason::UserUnknown);
        assert!(a.hard_bounce);
        assert_eq!(a.occurred_at, 1_714_555_800);
        assert_eq!(a.message_id.as_deref(), Some("<bounce-1@mx.example.jp>"));
        assert_eq!((a.recipient_index, b.recipient_index), (1, 2));
        assert_eq!(a.message_key, b.message_key);
        assert_eq!(b.reason, Reason::MailboxFull);
        let crlf: Vec<u8> = msg
            .iter()
            .flat_map(|&c| {
                if c == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![c]
                }
            })
            .collect();
        let q = prepare(
            &engine,
            Origin {
                source: "dos.eml".into(),
                index: Some(3),
            },
            &crlf,
            7,
        );
        assert_eq!(q.events[0].message_key, a.message_key);
        assert_eq!(q.events[0].source, "dos.eml#3");
        let nb = prepare(
            &engine,
            Origin {
                source: "x".into(),
                index: None,
            },
            b"Subject: hello\n\nhow are you\n",
            7,
        );
        assert!(nb.events.is_empty());
    }
}
