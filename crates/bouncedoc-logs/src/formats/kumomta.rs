//! KumoMTA's log records (<https://docs.kumomta.com/reference/log_record/>): one JSON object
//! per line.
//!
//! ```text
//! {"type":"Bounce","id":"1d98076abbbc11ed940250ebf67f93bd","sender":"alice@example.com",
//!  "recipient":"bob@example.org","queue":"example.org","site":"mx.example.org",
//!  "response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},
//!              "content":"User unknown","command":"RCPT TO:<bob@example.org>\r\n"},
//!  "peer_address":{"name":"mx.example.org","addr":"192.0.2.25"},"timestamp":1705312800, ...}
//! ```
//!
//! (on one line). `type` `Bounce`, `AdminBounce` and `OOB` are failures, `TransientFailure`
//! a deferral, `Expiration` the end of the message's lifetime, `Delivery` a delivery; others
//! (`Reception`, `Feedback` ...) report none. `recipient` is a string, or a list in newer
//! versions; `timestamp` is Unix time, or RFC 3339.

use serde::Deserialize;

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some};
use crate::time;

#[derive(Deserialize)]
struct Record {
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    recipient: Option<Recipients>,
    response: Option<Response>,
    peer_address: Option<Peer>,
    timestamp: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Recipients {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct Response {
    code: Option<u16>,
    enhanced_code: Option<Enhanced>,
    content: Option<String>,
    command: Option<String>,
}

#[derive(Deserialize)]
struct Enhanced {
    class: u8,
    subject: u16,
    detail: u16,
}

#[derive(Deserialize)]
struct Peer {
    name: Option<String>,
    addr: Option<String>,
}

/// True when a JSON line looks like a KumoMTA record rather than another JSON log.
pub fn looks_like(line: &str) -> bool {
    line.contains("\"type\"") && line.contains("\"recipient\"")
}

/// Reads one record.
pub fn read(line: &str, out: &mut Vec<Entry>) -> Said {
    let record: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => return Said::Damaged(format!("a KumoMTA record that is not valid JSON: {e}")),
    };
    let outcome = match record.kind.as_str() {
        "Bounce" | "AdminBounce" | "OOB" => Outcome::Bounced,
        "TransientFailure" => Outcome::Deferred,
        "Expiration" => Outcome::Expired,
        "Delivery" => Outcome::Delivered,
        _ => return Said::Other,
    };
    let recipients = match record.recipient {
        Some(Recipients::One(r)) => vec![r],
        Some(Recipients::Many(v)) => v,
        None => vec![],
    };
    if recipients.is_empty() {
        return Said::Damaged("a KumoMTA record without recipient".into());
    }
    let mut e = Event::new(Format::Kumomta, outcome);
    e.queue_id = record.id;
    e.time = match &record.timestamp {
        Some(serde_json::Value::Number(n)) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Some(serde_json::Value::String(s)) => time::iso(s).map(|(t, _)| t),
        _ => None,
    };
    if let Some(peer) = record.peer_address {
        e.relay = match (peer.name, peer.addr) {
            (Some(n), Some(a)) if !n.is_empty() => Some(format!("{n} [{a}]")),
            (_, Some(a)) => some(&a),
            (Some(n), None) => some(&n),
            (None, None) => None,
        };
    }
    if let Some(r) = record.response
        && outcome != Outcome::Delivered
    {
        let status = r
            .enhanced_code
            .map(|c| format!("{}.{}.{}", c.class, c.subject, c.detail));
        let mut reply = String::new();
        if let Some(code) = r.code {
            reply.push_str(&code.to_string());
        }
        if let Some(s) = &status {
            reply.push(' ');
            reply.push_str(s);
        }
        if let Some(content) = &r.content {
            reply.push(' ');
            reply.push_str(content.trim());
        }
        e.dsn = status;
        e.reply = some(reply.trim());
        e.command = r
            .command
            .as_deref()
            .and_then(command_in)
            .or_else(|| r.content.as_deref().and_then(command_in));
    }
    for r in recipients {
        let mut each = e.clone();
        each.recipient = some(&r);
        out.push(Entry::Attempt(each));
    }
    Said::Entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::SmtpCommand;

    #[test]
    fn bounces_deferrals_and_others() {
        let mut out = Vec::new();
        let line = r#"{"type":"Bounce","id":"1d98076abbbc11ed940250ebf67f93bd","sender":"alice@example.com","recipient":"bob@example.org","queue":"example.org","site":"mx.example.org","size":1047,"response":{"code":550,"enhanced_code":{"class":5,"subject":1,"detail":1},"content":"<bob@example.org>: User unknown","command":"RCPT TO:<bob@example.org>\r\n"},"peer_address":{"name":"mx.example.org","addr":"192.0.2.25"},"timestamp":1705312800,"created":1705312790,"num_attempts":1,"bounce_classification":"InvalidRecipient"}"#;
        assert!(looks_like(line));
        assert_eq!(read(line, &mut out), Said::Entries);
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.time, Some(1_705_312_800));
        assert_eq!(e.dsn.as_deref(), Some("5.1.1"));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>: User unknown")
        );
        assert_eq!(e.command, Some(SmtpCommand::Rcpt));
        assert_eq!(e.relay.as_deref(), Some("mx.example.org [192.0.2.25]"));
        let line = r#"{"type":"TransientFailure","id":"x1","recipient":["carol@example.net"],"response":{"code":421,"enhanced_code":null,"content":"Try again later","command":null},"timestamp":"2024-01-15T10:00:00Z"}"#;
        assert_eq!(read(line, &mut out), Said::Entries);
        let Entry::Attempt(e) = &out[1] else { panic!() };
        assert_eq!(
            (e.outcome, e.time),
            (Outcome::Deferred, Some(1_705_312_800))
        );
        assert_eq!(
            read(
                r#"{"type":"Reception","id":"x","recipient":"a@b"}"#,
                &mut out
            ),
            Said::Other
        );
        assert!(matches!(
            read(r#"{"type":"Bounce","recipient":"#, &mut out),
            Said::Damaged(_)
        ));
    }
}
