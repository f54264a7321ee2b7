//! The syslog prefix of a line: its time, host and program, and the program's message.
//!
//! Three shapes are read:
//!
//! ```text
//! Jan 15 10:00:00 mail postfix/smtp[4321]: 4F9D1C2A3B: to=<...>, ...        (RFC 3164)
//! 2024-01-15T10:00:00.123456+00:00 mail postfix/smtp[4321]: 4F9D1C2A3B: ...  (rsyslog's precise time)
//! <22>1 2024-01-15T10:00:00Z mail postfix/smtp 4321 - - 4F9D1C2A3B: ...      (RFC 5424)
//! ```
//!
//! An RFC 3164 line may start with its `<PRI>`; its time has no year and no zone, and takes
//! the year the reader is given, in UTC.

use crate::time;

/// A syslog line, split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// When, in seconds since the epoch.
    pub time: Option<i64>,
    /// The host that logged it.
    pub host: Option<&'a str>,
    /// The program's name (`postfix/smtp`), without its process id.
    pub program: &'a str,
    /// The program's message.
    pub message: &'a str,
}

/// Splits a syslog line, or `None` when it has no syslog prefix.
pub fn parse(line: &str, year: i64) -> Option<Line<'_>> {
    let mut rest = line;
    let mut pri = false;
    if let Some(after) = rest.strip_prefix('<') {
        let end = after.find('>')?;
        if end == 0 || end > 3 || !after[..end].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        rest = &after[end + 1..];
        pri = true;
    }
    if pri && let Some(after) = rest.strip_prefix("1 ") {
        return rfc5424(after);
    }
    let b = rest.as_bytes();
    let (t, after) =
        if b.len() > 16 && b[3] == b' ' && b.first().is_some_and(u8::is_ascii_uppercase) {
            let month = time::month(&b[..3])?;
            let day: u32 = rest.get(4..6)?.trim_start().parse().ok()?;
            let (h, m, s) = time::clock(&b[7..15])?;
            if b[6] != b' ' || b[15] != b' ' {
                return None;
            }
            (time::epoch(year, month, day, h, m, s), rest.get(16..)?)
        } else {
            let (t, len) = time::iso(rest)?;
            (t, rest.get(len..)?.strip_prefix(' ')?)
        };
    let (host, after) = after.split_once(' ')?;
    let (tag, message) = after.split_once(": ").or_else(|| {
        // A message that is empty after the colon.
        after.strip_suffix(':').map(|tag| (tag, ""))
    })?;
    if tag.is_empty() || tag.contains(' ') {
        return None;
    }
    Some(Line {
        time: Some(t),
        host: Some(host),
        program: program(tag),
        message,
    })
}

/// `postfix/smtp` of `postfix/smtp[4321]`.
fn program(tag: &str) -> &str {
    tag.split_once('[').map_or(tag, |(p, _)| p)
}

/// `TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA MSG` (RFC 5424 §6).
fn rfc5424(line: &str) -> Option<Line<'_>> {
    let mut fields = line.splitn(6, ' ');
    let stamp = fields.next()?;
    let host = fields.next()?;
    let app = fields.next()?;
    let _procid = fields.next()?;
    let _msgid = fields.next()?;
    let rest = fields.next().unwrap_or("");
    let message = if rest.starts_with('-') {
        rest.get(1..).unwrap_or("")
    } else if rest.starts_with('[') {
        structured_data_end(rest).map_or("", |end| &rest[end..])
    } else {
        return None;
    };
    let message = message.strip_prefix(' ').unwrap_or(message);
    let message = message.strip_prefix('\u{feff}').unwrap_or(message);
    Some(Line {
        time: (stamp != "-")
            .then(|| time::iso(stamp).map(|(t, _)| t))
            .flatten(),
        host: (host != "-").then_some(host),
        program: if app == "-" { "" } else { app },
        message,
    })
}

/// Where the structured data elements (`[id k="v"]...`) end.
fn structured_data_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while b.get(i) == Some(&b'[') {
        let mut quoted = false;
        i += 1;
        loop {
            match *b.get(i)? {
                b'\\' if quoted => i += 1,
                b'"' => quoted = !quoted,
                b']' if !quoted => break,
                _ => {}
            }
            i += 1;
        }
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_multibyte_text_where_the_day_should_be_is_not_a_prefix() {
        // Found by the read_logs fuzz target: slicing a `str` by byte offsets inside a character.
        assert!(
            parse(
                "Jan 1\u{fffd}\u{fffd}\u{fffd}\u{fffd}\u{fffd}5 10:00:02 mail x[1]: y",
                2024
            )
            .is_none()
        );
        assert!(parse("Jan  5 10:00:0\u{fffd} mail x[1]: y", 2024).is_none());
    }

    #[test]
    fn rfc3164_lines() {
        let l = parse(
            "Jan  5 10:00:00 mail postfix/smtp[4321]: 4F9D1C2A3B: to=<bob@example.org>",
            2024,
        )
        .unwrap();
        assert_eq!(l.time, Some(time::epoch(2024, 1, 5, 10, 0, 0)));
        assert_eq!(l.host, Some("mail"));
        assert_eq!(l.program, "postfix/smtp");
        assert_eq!(l.message, "4F9D1C2A3B: to=<bob@example.org>");
        let l = parse("<22>Jan 15 10:00:00 mail sm-mta[99]: x: stat=Sent", 2024).unwrap();
        assert_eq!(l.program, "sm-mta");
    }

    #[test]
    fn precise_time_lines() {
        let l = parse(
            "2024-01-15T19:00:00.123456+09:00 mail postfix/qmgr[11]: 4F9D1C2A3B: removed",
            2000,
        )
        .unwrap();
        assert_eq!(l.time, Some(1_705_312_800));
        assert_eq!(l.program, "postfix/qmgr");
        assert_eq!(l.message, "4F9D1C2A3B: removed");
    }

    #[test]
    fn rfc5424_lines() {
        let l = parse(
            "<22>1 2024-01-15T10:00:00Z mail postfix/smtp 4321 - [meta x=\"a]b\"] 4F9D1C2A3B: removed",
            2000,
        )
        .unwrap();
        assert_eq!(l.time, Some(1_705_312_800));
        assert_eq!(l.host, Some("mail"));
        assert_eq!(l.program, "postfix/smtp");
        assert_eq!(l.message, "4F9D1C2A3B: removed");
        let l = parse("<22>1 - - smtpd - - - hello", 2000).unwrap();
        assert_eq!((l.time, l.host, l.message), (None, None, "hello"));
    }

    #[test]
    fn other_lines_are_not_syslog() {
        assert_eq!(
            parse("2024-01-15 10:00:00 1rPq2x-0001Ab-Cd <= a@b", 2024),
            None
        );
        assert_eq!(parse("hello world", 2024), None);
        assert_eq!(parse("", 2024), None);
    }
}
