//! What a log line says of one delivery attempt, whatever the server that wrote it.

use bouncedoc_core::SmtpCommand;
use serde::Serialize;

/// The server (or export) a line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Postfix, through syslog, `maillog_file` or the journal.
    Postfix,
    /// Exim's main log.
    Exim,
    /// Sendmail, through syslog.
    Sendmail,
    /// qmail-send, through syslog, splogger or multilog.
    Qmail,
    /// OpenSMTPD, through syslog.
    Opensmtpd,
    /// A Microsoft 365 / Exchange Online message trace export (CSV).
    M365,
    /// A PowerMTA accounting file (CSV).
    Pmta,
    /// A KumoMTA log record (JSON).
    Kumomta,
}

impl Format {
    /// The name of the reporting server as the engine knows it.
    pub fn mta(self) -> &'static str {
        match self {
            Format::Postfix => "postfix",
            Format::Exim => "exim",
            Format::Sendmail => "sendmail",
            Format::Qmail => "qmail",
            Format::Opensmtpd => "opensmtpd",
            Format::M365 => "office365",
            Format::Pmta => "powermta",
            Format::Kumomta => "kumomta",
        }
    }
}

/// What became of a delivery attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Not delivered yet; the server will try again.
    Deferred,
    /// Refused for good: the sender gets (or got) a bounce.
    Bounced,
    /// Given up after the queue lifetime: returned to the sender.
    Expired,
    /// Delivered.
    Delivered,
}

impl Outcome {
    /// Its name in the output.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Deferred => "deferred",
            Outcome::Bounced => "bounced",
            Outcome::Expired => "expired",
            Outcome::Delivered => "delivered",
        }
    }

    /// True when the server stops trying.
    pub fn is_final(self) -> bool {
        self != Outcome::Deferred
    }
}

/// One delivery attempt to one recipient, as a line reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// Who wrote the line.
    pub format: Format,
    /// When, in seconds since the epoch (UTC), if the line says.
    #[serde(skip)]
    pub time: Option<i64>,
    /// The host that logged it.
    pub host: Option<String>,
    /// The server's id of the message (Postfix's queue id, Exim's message id ...).
    pub queue_id: Option<String>,
    /// The recipient.
    pub recipient: Option<String>,
    /// The recipient as first given, before aliasing, when the log says.
    pub original_recipient: Option<String>,
    /// The next hop the server talked to.
    pub relay: Option<String>,
    /// The enhanced status code the server logged (`dsn=`).
    pub dsn: Option<String>,
    /// The remote server's reply, or the server's own words for the failure.
    pub reply: Option<String>,
    /// The SMTP command the reply answered.
    pub command: Option<SmtpCommand>,
    /// The total delay the log gives.
    pub delay: Option<String>,
    /// The delay's parts, as the log gives them (Postfix's `delays=`).
    pub delays: Option<String>,
    /// What became of the attempt.
    pub outcome: Outcome,
}

impl Event {
    /// An attempt with no facts but who logged it and its outcome.
    pub fn new(format: Format, outcome: Outcome) -> Event {
        Event {
            format,
            time: None,
            host: None,
            queue_id: None,
            recipient: None,
            original_recipient: None,
            relay: None,
            dsn: None,
            reply: None,
            command: None,
            delay: None,
            delays: None,
            outcome,
        }
    }
}

/// What a line contributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A delivery attempt.
    Attempt(Event),
    /// A message left the queue without a line per recipient: returned to its sender after
    /// the queue lifetime (`expired`), or removed.
    QueueGone {
        /// Who wrote the line.
        format: Format,
        /// The message's id.
        queue_id: String,
        /// When.
        time: Option<i64>,
        /// True when it expired, false when it was simply removed.
        expired: bool,
    },
}

/// The SMTP command a failure's words say it answered: `(in reply to RCPT TO command)`,
/// `after end of data`, `while receiving the initial server greeting` ...
pub fn command_in(text: &str) -> Option<SmtpCommand> {
    let lower = text.to_ascii_lowercase();
    let has = |w: &str| lower.contains(w);
    if has("end of data") || has("data command") || has("after data") || has("sent the message") {
        Some(SmtpCommand::Data)
    } else if has("rcpt to") || has("like recipient") {
        Some(SmtpCommand::Rcpt)
    } else if has("mail from") || has("like sender") {
        Some(SmtpCommand::Mail)
    } else if has("starttls") {
        Some(SmtpCommand::StartTls)
    } else if has("ehlo") || has("helo") || has("lhlo") || has("name was rejected") {
        Some(SmtpCommand::Helo)
    } else if has("greeting") || has("initial connection") || has("connect to ") {
        Some(SmtpCommand::Connect)
    } else {
        None
    }
}

/// `s` without one pair of angle brackets around it.
pub fn unbracket(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<')
        .and_then(|s| s.strip_suffix('>'))
        .unwrap_or(s)
}

/// `Some(s)` for a non-empty value.
pub fn some(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_from_the_words() {
        let c = |t| command_in(t);
        assert_eq!(
            c("550 5.1.1 unknown (in reply to RCPT TO command)"),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(
            c("554 spam (in reply to end of DATA command)"),
            Some(SmtpCommand::Data)
        );
        assert_eq!(
            c("after MAIL FROM:<a@example.com> SIZE=10"),
            Some(SmtpCommand::Mail)
        );
        assert_eq!(
            c("lost connection with mx[192.0.2.1] while receiving the initial server greeting"),
            Some(SmtpCommand::Connect)
        );
        assert_eq!(c("User unknown"), None);
    }

    #[test]
    fn brackets_and_empty_values() {
        assert_eq!(unbracket("<bob@example.org>"), "bob@example.org");
        assert_eq!(unbracket("bob@example.org"), "bob@example.org");
        assert_eq!(some(""), None);
    }
}
