//! What travels with a message on the stream besides its bytes: where it was read and the
//! time to use when it carries no readable date, as NATS headers, so that a worker records
//! the same events as `bouncedoc ingest` of the same input would.

use async_nats::HeaderMap;
use bouncedoc_mail::record::Origin;

/// The input the message was read from (percent-encoded, see [`encode`]).
pub const SOURCE: &str = "Bouncedoc-Source";
/// The message's position in an mbox, from 1; absent for a message that is a file.
pub const INDEX: &str = "Bouncedoc-Index";
/// The time (Unix seconds) to use when neither the bounce nor the returned message carries
/// a readable date: the file's modification time, or when it was published.
pub const FALLBACK_TIME: &str = "Bouncedoc-Fallback-Time";
/// What the payload is: absent for a raw message (every message published before webhooks
/// came onto the stream), `webhook` for the verified body of a sending service's webhook.
pub const KIND: &str = "Bouncedoc-Kind";
/// With [`KIND`] `webhook`: the service whose webhook the body is (`ses`, `sendgrid`, ...).
pub const SERVICE: &str = "Bouncedoc-Service";

/// A message as a worker takes it from the stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// Where it was read.
    pub origin: Origin,
    /// The time to use when it carries no date.
    pub fallback_time: i64,
    /// For a webhook's body, the service it came from (verified by the service that
    /// published it); `None` for a raw message.
    pub webhook: Option<String>,
}

impl Envelope {
    /// The headers that carry it (without the de-duplication id).
    pub fn headers(&self) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(SOURCE, encode(&self.origin.source).as_str());
        if let Some(i) = self.origin.index {
            h.insert(INDEX, i.to_string().as_str());
        }
        h.insert(FALLBACK_TIME, self.fallback_time.to_string().as_str());
        if let Some(service) = &self.webhook {
            h.insert(KIND, "webhook");
            h.insert(SERVICE, encode(service).as_str());
        }
        h
    }

    /// Reads it back from a message's headers. A message published by something else than
    /// `bouncedoc publish` has no such headers: its source is `nats:` and its stream
    /// sequence, and its fallback time is `now`.
    pub fn from_headers(headers: Option<&HeaderMap>, sequence: u64, now: i64) -> Envelope {
        let get = |name: &str| {
            headers
                .and_then(|h| h.get(name))
                .map(|v| v.as_str().to_string())
        };
        let source = get(SOURCE)
            .map(|s| decode(&s))
            .unwrap_or_else(|| format!("nats:{sequence}"));
        Envelope {
            origin: Origin {
                source,
                index: get(INDEX).and_then(|s| s.parse().ok()),
            },
            fallback_time: get(FALLBACK_TIME)
                .and_then(|s| s.parse().ok())
                .unwrap_or(now),
            webhook: get(KIND)
                .filter(|k| k == "webhook")
                .map(|_| get(SERVICE).map(|s| decode(&s)).unwrap_or_default()),
        }
    }
}

/// A text as a header value: bytes outside printable ASCII, and `%`, as `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if (0x20..0x7f).contains(&b) && b != b'%' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The text [`encode`] made (a `%` not followed by two hex digits is kept as it is).
pub fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_survive_the_headers() {
        for source in ["/var/mail/bounces", "-", "dir/ファイル 100%.eml", "a\r\nb"] {
            let e = Envelope {
                origin: Origin {
                    source: source.to_string(),
                    index: Some(7),
                },
                fallback_time: 1_700_000_000,
                webhook: None,
            };
            let h = e.headers();
            let value = h.get(SOURCE).unwrap().as_str();
            assert!(
                value.bytes().all(|b| (0x20..0x7f).contains(&b)),
                "{value:?}"
            );
            assert_eq!(Envelope::from_headers(Some(&h), 1, 0), e);
        }
    }

    #[test]
    fn a_webhook_says_its_service() {
        let e = Envelope {
            origin: Origin {
                source: "webhook:sendgrid".to_string(),
                index: None,
            },
            fallback_time: 1_700_000_000,
            webhook: Some("sendgrid".to_string()),
        };
        let h = e.headers();
        assert_eq!(h.get(KIND).unwrap().as_str(), "webhook");
        assert_eq!(Envelope::from_headers(Some(&h), 1, 0), e);
    }

    #[test]
    fn foreign_messages_get_a_source_and_now() {
        let e = Envelope::from_headers(None, 42, 99);
        assert_eq!(e.origin.source, "nats:42");
        assert_eq!(e.origin.index, None);
        assert_eq!(e.fallback_time, 99);
        assert_eq!(e.webhook, None);
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%41"), "%zzA");
    }
}
