//! What a bounce message says about each failed recipient, before diagnosis.

use bouncedoc_core::{Action, ReportField, SmtpCommand, StatusCode};
use serde::Serialize;

/// The facts a detector read about one recipient.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RecipientFacts {
    /// The final recipient address.
    pub recipient: Option<String>,
    /// The server's words about this recipient (a `Diagnostic-Code`, or the lines of the
    /// report that concern it).
    pub diagnostic: String,
    /// The type of those words as a `Diagnostic-Code` names it, lower-cased (`smtp`;
    /// `x-unix` when a local delivery program failed).
    pub diagnostic_type: Option<String>,
    /// A status code the report states in a field of its own (`Status:`).
    pub status: Option<StatusCode>,
    /// A reply code the report states in a field of its own.
    pub reply_code: Option<u16>,
    /// The DSN action.
    pub action: Option<Action>,
    /// The SMTP command (the stage of the session) the remote server was answering when it
    /// refused, when the report shows it.
    pub command: Option<SmtpCommand>,
    /// The remote server that refused.
    pub remote_mta: Option<String>,
    /// The server that wrote the report.
    pub reporting_mta: Option<String>,
    /// For feedback reports: the feedback type (`abuse`, `fraud`, ...).
    pub feedback_type: Option<String>,
    /// The words are those of a local delivery program (a pipe or a filter script), which
    /// the report shows otherwise than with `Diagnostic-Code: X-Unix`.
    pub local_program: bool,
    /// Values the format's own fields state about the recipient (a service's bounce type, a
    /// provider's filter header), for the engine to weigh (`report-fields.toml`).
    pub fields: Vec<ReportField>,
    /// The report's `Final-Recipient` as written, when it is an internal route (a source
    /// route, a host-less or internal-host address, a `LOCAL;` address) and `recipient` is
    /// therefore the address the sender used (the `Original-Recipient`, or the returned
    /// message's addressee of the same local part); `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_recipient: Option<String>,
}

/// The facts of the whole message.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MessageFacts {
    /// Which detector read the message.
    pub detector: &'static str,
    /// The kind of server that wrote the report, when known.
    pub mta: Option<&'static str>,
    /// The original sender (`From` of the returned message, else the bounce's `To`).
    pub original_from: Option<String>,
    /// The original recipient (`To` of the returned message).
    pub original_to: Option<String>,
    /// The returned message's `Message-ID`.
    pub original_message_id: Option<String>,
    /// The returned message's `Subject`.
    pub original_subject: Option<String>,
    /// The returned message's `Date`.
    pub original_date: Option<String>,
    /// The bounce's own `Date`.
    pub date: Option<String>,
    /// The bounce's own `Subject`.
    pub subject: Option<String>,
}

/// Parses a DSN action.
pub fn parse_action(value: &str) -> Option<Action> {
    let word = value.split_whitespace().next()?.to_ascii_lowercase();
    match word.trim_end_matches([';', '.', ',']) {
        "failed" | "failure" => Some(Action::Failed),
        "delayed" => Some(Action::Delayed),
        "delivered" | "deliverable" => Some(Action::Delivered),
        "relayed" => Some(Action::Relayed),
        "expanded" => Some(Action::Expanded),
        _ => None,
    }
}

/// Reads a status code at the start of a field value (`5.1.1`, `5.1.1 (user unknown)`).
pub fn parse_status(value: &str) -> Option<StatusCode> {
    let token = value
        .trim()
        .split(|c: char| c.is_whitespace() || c == '(' || c == ';' || c == ',')
        .next()?;
    token.trim_end_matches('.').parse().ok()
}

/// The address in a field like `rfc822; <a@example.jp>` or `a@example.jp`. A quoted local
/// part (`"john doe"@example.jp`) is kept with its quotes.
pub fn parse_address(value: &str) -> Option<String> {
    let address = parse_address_as_written(value);
    // `rfc822; walt@example.net (Walter)`: a structured field may hold comments (RFC 3464
    // section 2.1, RFC 5322 section 3.2.2); when the value reads as no address with them,
    // it is read without them.
    if address.is_none() && value.contains('(') {
        let bare = without_comments(value);
        if bare != value {
            return parse_address_as_written(&bare);
        }
    }
    address
}

/// The value without its parenthesized comments (nested ones too), outside quoted strings.
fn without_comments(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let (mut depth, mut quoted) = (0usize, false);
    for c in value.chars() {
        match c {
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn parse_address_as_written(value: &str) -> Option<String> {
    // A `utf-8` address written in a `message/delivery-status` part spells each non-ASCII
    // character `\x{HEXPOINT}` (RFC 6533 section 3, utf-8-addr-xtext).
    let decoded;
    let value = if value.contains("\\x{") {
        decoded = embedded_unicode(value);
        decoded.as_str()
    } else {
        value
    };
    let v = value.rsplit_once(';').map_or(value, |(_, a)| a).trim();
    // `Name <a@example.jp>`: the address is inside the brackets.
    let v = match (v.rfind('<'), v.rfind('>')) {
        (Some(a), Some(b)) if a < b => &v[a + 1..b],
        _ => v,
    };
    let quoted = v.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace());
    if let Some((local, domain)) = quoted.strip_prefix('"').and_then(|r| r.rsplit_once("\"@"))
        && !local.is_empty()
        && !domain.is_empty()
        && !domain.contains(|c: char| c.is_whitespace() || c == '"' || c == '@')
    {
        return Some(quoted.to_string());
    }
    let v = v.trim_matches(|c: char| c == '<' || c == '>' || c == '"' || c.is_whitespace());
    let v = v.trim();
    if v.contains(char::is_whitespace) {
        return None;
    }
    // `user@domain@relay.host`: the address with the host a server routed it through (an
    // ISP's Postfix writes `<tech@desk.example.jp@mx1.example.or.jp>: User unknown`); the
    // recipient is the address before the last `@`.
    let hostname = |h: &str| {
        h.contains('.')
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    };
    if let Some((address, host)) = v.rsplit_once('@')
        && hostname(host)
        && address
            .rsplit_once('@')
            .is_some_and(|(l, d)| !l.is_empty() && !l.contains([',', ';', '@']) && hostname(d))
    {
        return Some(address.to_string());
    }
    v.contains('@').then(|| v.to_string())
}

/// `\x{5C71}\x{7530}@example.jp` gives `山田@example.jp` (RFC 6533 embedded-unicode-char);
/// a sequence that is no code point is kept as written.
fn embedded_unicode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find("\\x{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let decoded = after.find('}').and_then(|end| {
            let hex = &after[..end];
            let ok = (1..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit());
            let c = u32::from_str_radix(hex, 16)
                .ok()
                .filter(|_| ok)
                .and_then(char::from_u32)?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("\\x{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_comments() {
        assert_eq!(
            parse_address("rfc822; walt@example.net (Walter)"),
            Some("walt@example.net".into())
        );
        assert_eq!(parse_address("(nobody) here"), None);
    }

    #[test]
    fn embedded_unicode_addresses() {
        assert_eq!(
            parse_address("utf-8; \\x{5C71}\\x{7530}@example.jp"),
            Some("山田@example.jp".into())
        );
        assert_eq!(embedded_unicode("a\\x{zz}b"), "a\\x{zz}b");
    }

    #[test]
    fn field_values() {
        assert_eq!(
            parse_address("rfc822; <Taro@Example.jp>"),
            Some("Taro@Example.jp".into())
        );
        assert_eq!(
            parse_address("RFC822;a@example.jp"),
            Some("a@example.jp".into())
        );
        assert_eq!(parse_address("rfc822; nobody"), None);
        assert_eq!(
            parse_address("rfc822; a@desk.example.jp@mx1.example.or.jp"),
            Some("a@desk.example.jp".into())
        );
        assert_eq!(
            parse_address("rfc822; <\"john doe\"@example.jp>"),
            Some("\"john doe\"@example.jp".into())
        );
        assert_eq!(
            parse_address("rfc822; \"a@example.jp\""),
            Some("a@example.jp".into())
        );
        assert_eq!(
            parse_address("Mail Delivery Subsystem <mailer-daemon@example.jp>"),
            Some("mailer-daemon@example.jp".into())
        );
        assert_eq!(
            parse_status("5.1.1 (user unknown)"),
            Some(StatusCode::new(5, 1, 1))
        );
        assert_eq!(parse_status("4.4.7"), Some(StatusCode::new(4, 4, 7)));
        assert_eq!(parse_status("unknown"), None);
        assert_eq!(parse_action("failed"), Some(Action::Failed));
        assert_eq!(parse_action("Delayed (temporary)"), Some(Action::Delayed));
    }
}
