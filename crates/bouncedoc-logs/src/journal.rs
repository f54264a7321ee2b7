//! `journalctl -o json` input: one JSON object per line, with the message in `MESSAGE`
//! (a string, or an array of bytes when it is not UTF-8), the program in
//! `SYSLOG_IDENTIFIER`, the host in `_HOSTNAME` and the time in `__REALTIME_TIMESTAMP`
//! (microseconds since the epoch, as a string).

use serde::Deserialize;

#[derive(Deserialize)]
struct Fields {
    #[serde(rename = "MESSAGE")]
    message: Option<serde_json::Value>,
    #[serde(rename = "SYSLOG_IDENTIFIER")]
    identifier: Option<String>,
    #[serde(rename = "_COMM")]
    command: Option<String>,
    #[serde(rename = "_HOSTNAME")]
    host: Option<String>,
    #[serde(rename = "__REALTIME_TIMESTAMP")]
    realtime: Option<String>,
}

/// A journal entry's syslog facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// When, in seconds since the epoch.
    pub time: Option<i64>,
    /// The host.
    pub host: Option<String>,
    /// The program (`postfix/smtp`).
    pub program: String,
    /// Its message.
    pub message: String,
}

/// True when a JSON line is a journal entry.
pub fn looks_like(line: &str) -> bool {
    line.contains("\"__REALTIME_TIMESTAMP\"") || line.contains("\"MESSAGE\"")
}

/// Reads one journal entry.
pub fn read(line: &str) -> Result<Entry, String> {
    let f: Fields = serde_json::from_str(line)
        .map_err(|e| format!("a journal entry that is not valid JSON: {e}"))?;
    let message = match f.message {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Array(bytes)) => {
            let bytes: Vec<u8> = bytes
                .iter()
                .filter_map(|b| b.as_u64().map(|b| b as u8))
                .collect();
            String::from_utf8_lossy(&bytes).into_owned()
        }
        _ => return Err("a journal entry without MESSAGE".into()),
    };
    Ok(Entry {
        time: f
            .realtime
            .and_then(|t| t.parse::<i64>().ok())
            .map(|us| us.div_euclid(1_000_000)),
        host: f.host,
        program: f.identifier.or(f.command).unwrap_or_default(),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries() {
        let e = read(r#"{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1705312800123456","_HOSTNAME":"mail","SYSLOG_IDENTIFIER":"postfix/smtp","_PID":"4321","MESSAGE":"4F9D1C2A3B: removed"}"#).unwrap();
        assert_eq!(e.time, Some(1_705_312_800));
        assert_eq!(e.host.as_deref(), Some("mail"));
        assert_eq!(e.program, "postfix/smtp");
        assert_eq!(e.message, "4F9D1C2A3B: removed");
        let e =
            read(r#"{"__REALTIME_TIMESTAMP":"1","SYSLOG_IDENTIFIER":"x","MESSAGE":[104,105,255]}"#)
                .unwrap();
        assert_eq!(e.message, "hi\u{fffd}");
        assert!(read(r#"{"__REALTIME_TIMESTAMP":"1"}"#).is_err());
        assert!(read(r#"{"MESSAGE":"#).is_err());
    }
}
