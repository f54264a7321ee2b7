//! The closed vocabularies of the contract (`shared/spec/diagnosis.md`): reasons, parties,
//! retry advice, confidence, where a status code came from, and DSN actions.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Defines a string-valued enum whose serialized form is its contract id.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)*
        }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The contract id.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownId;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($id => Ok($name::$variant),)*
                    _ => Err(UnknownId { kind: stringify!($name), id: s.to_string() }),
                }
            }
        }
    };
}

/// An id that is not part of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{id}`")]
pub struct UnknownId {
    /// Which vocabulary.
    pub kind: &'static str,
    /// The id that was given.
    pub id: String,
}

vocabulary! {
    /// Why a delivery failed: the reason vocabulary shared with Sisimai.
    Reason {
        /// The sender failed SPF, DKIM or DMARC checks.
        AuthFailure = "authfailure",
        /// The sending IP or domain has a bad reputation.
        BadReputation = "badreputation",
        /// The sending server or IP address is refused.
        Blocked = "blocked",
        /// The content was refused.
        ContentError = "contenterror",
        /// Delivered (a success report).
        Delivered = "delivered",
        /// The message exceeds a limit of the recipient.
        ExceedLimit = "exceedlimit",
        /// Delivery time expired.
        Expired = "expired",
        /// STARTTLS failed.
        FailedStartTls = "failedstarttls",
        /// A feedback (complaint) report.
        Feedback = "feedback",
        /// Refused by the recipient's filter.
        Filtered = "filtered",
        /// The recipient has moved.
        HasMoved = "hasmoved",
        /// The domain does not exist.
        HostUnknown = "hostunknown",
        /// The mailbox is full.
        MailboxFull = "mailboxfull",
        /// A mailer program failed.
        MailerError = "mailererror",
        /// The message is too big.
        MesgTooBig = "mesgtoobig",
        /// A network error.
        NetworkError = "networkerror",
        /// Relaying denied.
        NoRelaying = "norelaying",
        /// The domain accepts no mail.
        NotAccept = "notaccept",
        /// The message does not comply with the RFCs.
        NotCompliantRfc = "notcompliantrfc",
        /// Delivery is on hold.
        OnHold = "onhold",
        /// A policy refused the message.
        PolicyViolation = "policyviolation",
        /// The sender was refused.
        Rejected = "rejected",
        /// The sending IP has no reverse DNS.
        RequirePtr = "requireptr",
        /// A security requirement was not met.
        SecurityError = "securityerror",
        /// Detected as spam.
        SpamDetected = "spamdetected",
        /// Sending too fast.
        Speeding = "speeding",
        /// On a suppression list.
        Suppressed = "suppressed",
        /// The mailbox is suspended.
        Suspend = "suspend",
        /// An SMTP syntax error.
        SyntaxError = "syntaxerror",
        /// A system error on the receiving side.
        SystemError = "systemerror",
        /// The receiving system is full.
        SystemFull = "systemfull",
        /// Too many connections.
        TooManyConn = "toomanyconn",
        /// No reason could be determined.
        Undefined = "undefined",
        /// The recipient does not exist.
        UserUnknown = "userunknown",
        /// An auto-reply (vacation message).
        Vacation = "vacation",
        /// A virus was detected.
        VirusDetected = "virusdetected",
    }
}

vocabulary! {
    /// Who must act first.
    Party {
        /// The person or program that sent.
        Sender = "sender",
        /// The sending server's operator or mail provider.
        SenderAdmin = "sender-admin",
        /// The recipient.
        Recipient = "recipient",
        /// The recipient's mail administrator.
        RecipientAdmin = "recipient-admin",
        /// Nobody: time fixes it.
        Nobody = "nobody",
    }
}

vocabulary! {
    /// What an automatic sender should do next.
    Retry {
        /// Do not send again.
        No = "no",
        /// Retry later.
        Later = "later",
        /// Retry after the cause is fixed.
        AfterFix = "after-fix",
    }
}

vocabulary! {
    /// How sure the diagnosis is.
    Confidence {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
    }
}

vocabulary! {
    /// Where the status code came from.
    StatusSource {
        /// Read from the server's reply text.
        Reply = "reply",
        /// The `Status:` field of a delivery status notification.
        Dsn = "dsn",
        /// Derived from the words or the reply code.
        Inferred = "inferred",
    }
}

vocabulary! {
    /// The DSN action (RFC 3464).
    Action {
        /// Delivery failed.
        Failed = "failed",
        /// Delivery is delayed.
        Delayed = "delayed",
        /// Delivered.
        Delivered = "delivered",
        /// Relayed to a system that sends no DSN.
        Relayed = "relayed",
        /// Expanded to several recipients.
        Expanded = "expanded",
    }
}

vocabulary! {
    /// The SMTP command a refusal answered.
    SmtpCommand {
        /// The connection itself (the greeting).
        Connect = "CONNECT",
        /// HELO or EHLO.
        Helo = "HELO",
        /// STARTTLS.
        StartTls = "STARTTLS",
        /// MAIL FROM.
        Mail = "MAIL",
        /// RCPT TO.
        Rcpt = "RCPT",
        /// DATA, or the end of the message data.
        Data = "DATA",
    }
}

impl SmtpCommand {
    /// The stage a report or a log names with one of the words servers use for it (`CONN`,
    /// `EHLO`, `LHLO`, `MAIL FROM`, `RCPT TO`, `BDAT`, ...), in any case.
    pub fn from_stage(word: &str) -> Option<SmtpCommand> {
        let word = word.trim();
        let is = |names: &[&str]| names.iter().any(|n| word.eq_ignore_ascii_case(n));
        if is(&["CONN", "CONNECT"]) {
            Some(SmtpCommand::Connect)
        } else if is(&["EHLO", "HELO", "LHLO"]) {
            Some(SmtpCommand::Helo)
        } else if is(&["STARTTLS"]) {
            Some(SmtpCommand::StartTls)
        } else if is(&["MAIL", "MAIL FROM"]) {
            Some(SmtpCommand::Mail)
        } else if is(&["RCPT", "RCPT TO"]) {
            Some(SmtpCommand::Rcpt)
        } else if is(&["DATA", "BDAT"]) {
            Some(SmtpCommand::Data)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::schema;

    #[test]
    fn stage_words() {
        assert_eq!(SmtpCommand::from_stage("conn"), Some(SmtpCommand::Connect));
        assert_eq!(SmtpCommand::from_stage("LHLO"), Some(SmtpCommand::Helo));
        assert_eq!(
            SmtpCommand::from_stage(" RCPT TO "),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(SmtpCommand::from_stage("BDAT"), Some(SmtpCommand::Data));
        assert_eq!(SmtpCommand::from_stage("QUIT"), None);
    }

    #[test]
    fn reasons_match_the_contract_list() {
        let ours: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        assert_eq!(ours, schema::REASONS);
        let parties: Vec<&str> = Party::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(parties, schema::PARTIES);
        let retries: Vec<&str> = Retry::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(retries, schema::RETRIES);
    }

    #[test]
    fn ids_round_trip() {
        for r in Reason::ALL {
            assert_eq!(r.as_str().parse::<Reason>(), Ok(*r));
        }
        assert!("nonsense".parse::<Reason>().is_err());
        assert_eq!(
            serde_json::to_string(&Party::SenderAdmin).unwrap(),
            "\"sender-admin\""
        );
    }
}
