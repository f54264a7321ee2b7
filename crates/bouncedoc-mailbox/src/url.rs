//! Mailbox addresses: `imaps://user@host[:port]/FOLDER`, `imap://` (STARTTLS required),
//! `pop3s://user@host[:port]` and `pop3://` (STLS required). A password in the address is
//! refused: it would show in the process list and the shell's history.

use std::fmt;

/// The mail access protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// IMAP4rev1 (RFC 3501).
    Imap,
    /// POP3 (RFC 1939).
    Pop3,
}

/// How TLS starts: there is no connection without it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// TLS from the first byte (`imaps`, `pop3s`).
    Implicit,
    /// A plain connection upgraded by STARTTLS (IMAP) or STLS (POP3) before logging in; a
    /// server that does not offer it is refused.
    StartTls,
}

/// A parsed mailbox address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailboxUrl {
    /// IMAP or POP3.
    pub protocol: Protocol,
    /// Implicit TLS or STARTTLS.
    pub security: Security,
    /// The user to log in as (percent-decoded).
    pub user: String,
    /// The server's host name or address (without brackets for IPv6).
    pub host: String,
    /// The port: the one given, else the protocol's (993, 143, 995, 110).
    pub port: u16,
    /// The IMAP folder (`INBOX` when none is given); always `INBOX` for POP3.
    pub folder: String,
}

/// Why a mailbox address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not one of the four schemes.
    #[error("`{0}` is not a mailbox address (imaps://, imap://, pop3s:// or pop3://)")]
    Scheme(String),
    /// `user:password@`: passwords come from the environment or a file.
    #[error(
        "the mailbox address holds a password: give it in BOUNCEDOC_MAILBOX_PASSWORD or a --password-file, never on the command line"
    )]
    Password,
    /// No `user@`.
    #[error("the mailbox address names no user (imaps://user@host/INBOX)")]
    NoUser,
    /// No host, or one that cannot be read.
    #[error("the mailbox address names no host")]
    NoHost,
    /// A port that is not a number from 1 to 65535.
    #[error("`{0}` is not a port")]
    Port(String),
    /// A bad percent escape.
    #[error("the mailbox address has a bad %-escape")]
    Escape,
    /// A folder given for POP3, which has only one.
    #[error("POP3 has no folders: give pop3s://user@host with no path")]
    Pop3Folder,
}

impl MailboxUrl {
    /// Whether `text` is meant as a mailbox address (it starts with one of the schemes),
    /// whether or not it is a good one.
    pub fn looks_like(text: &str) -> bool {
        scheme_of(text).is_some()
    }

    /// Reads a mailbox address.
    pub fn parse(text: &str) -> Result<MailboxUrl, UrlError> {
        let (protocol, security, rest) =
            scheme_of(text).ok_or_else(|| UrlError::Scheme(text.to_string()))?;
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let (userinfo, hostport) = authority.rsplit_once('@').ok_or(UrlError::NoUser)?;
        if userinfo.contains(':') {
            return Err(UrlError::Password);
        }
        let user = decode(userinfo)?;
        if user.is_empty() {
            return Err(UrlError::NoUser);
        }
        let (host, port) = split_host_port(hostport)?;
        let port = port.unwrap_or(match (protocol, security) {
            (Protocol::Imap, Security::Implicit) => 993,
            (Protocol::Imap, Security::StartTls) => 143,
            (Protocol::Pop3, Security::Implicit) => 995,
            (Protocol::Pop3, Security::StartTls) => 110,
        });
        let folder = decode(path.trim_end_matches('/'))?;
        let folder = match protocol {
            Protocol::Pop3 if !folder.is_empty() => return Err(UrlError::Pop3Folder),
            _ if folder.is_empty() => "INBOX".to_string(),
            _ => folder,
        };
        Ok(MailboxUrl {
            protocol,
            security,
            user,
            host,
            port,
            folder,
        })
    }
}

impl fmt::Display for MailboxUrl {
    /// The address without the password (there never is one), as records name their source.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = match (self.protocol, self.security) {
            (Protocol::Imap, Security::Implicit) => "imaps",
            (Protocol::Imap, Security::StartTls) => "imap",
            (Protocol::Pop3, Security::Implicit) => "pop3s",
            (Protocol::Pop3, Security::StartTls) => "pop3",
        };
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        write!(f, "{scheme}://{}@{host}:{}", self.user, self.port)?;
        if self.protocol == Protocol::Imap {
            write!(f, "/{}", self.folder)?;
        }
        Ok(())
    }
}

fn scheme_of(text: &str) -> Option<(Protocol, Security, &str)> {
    let (scheme, rest) = text.split_once("://")?;
    let (p, s) = match scheme.to_ascii_lowercase().as_str() {
        "imaps" => (Protocol::Imap, Security::Implicit),
        "imap" => (Protocol::Imap, Security::StartTls),
        "pop3s" | "pops" => (Protocol::Pop3, Security::Implicit),
        "pop3" | "pop" => (Protocol::Pop3, Security::StartTls),
        _ => return None,
    };
    Some((p, s, rest))
}

fn split_host_port(hostport: &str) -> Result<(String, Option<u16>), UrlError> {
    let (host, port) = if let Some(rest) = hostport.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or(UrlError::NoHost)?;
        (host, after.strip_prefix(':'))
    } else {
        match hostport.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    if host.is_empty() {
        return Err(UrlError::NoHost);
    }
    let port = match port {
        None => None,
        Some(p) => Some(
            p.parse::<u16>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| UrlError::Port(p.to_string()))?,
        ),
    };
    Ok((host.to_string(), port))
}

fn decode(text: &str) -> Result<String, UrlError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(UrlError::Escape)?;
            let hex = std::str::from_utf8(hex).map_err(|_| UrlError::Escape)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| UrlError::Escape)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| UrlError::Escape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_four_schemes_with_their_ports() {
        let u = MailboxUrl::parse("imaps://bounces@mail.example.jp/INBOX").unwrap();
        assert_eq!(
            (u.protocol, u.security, u.port, u.folder.as_str()),
            (Protocol::Imap, Security::Implicit, 993, "INBOX")
        );
        let u = MailboxUrl::parse("imap://bounces@mail.example.jp:1143/Bounces/2026").unwrap();
        assert_eq!(
            (u.security, u.port, u.folder.as_str()),
            (Security::StartTls, 1143, "Bounces/2026")
        );
        let u = MailboxUrl::parse("pop3s://b%40example.jp@[::1]").unwrap();
        assert_eq!(
            (u.protocol, u.user.as_str(), u.host.as_str(), u.port),
            (Protocol::Pop3, "b@example.jp", "::1", 995)
        );
        assert_eq!(u.to_string(), "pop3s://b@example.jp@[::1]:995");
        let u = MailboxUrl::parse("pop3://b@host/").unwrap();
        assert_eq!((u.security, u.port), (Security::StartTls, 110));
        assert_eq!(MailboxUrl::parse("imaps://b@host").unwrap().folder, "INBOX");
    }

    #[test]
    fn a_password_in_the_address_is_refused() {
        assert_eq!(
            MailboxUrl::parse("imaps://bounces:secret@mail.example.jp/INBOX"),
            Err(UrlError::Password)
        );
        assert_eq!(
            MailboxUrl::parse("pop3s://bounces:@mail.example.jp"),
            Err(UrlError::Password)
        );
    }

    #[test]
    fn bad_addresses() {
        assert!(!MailboxUrl::looks_like("/var/mail/bounces"));
        assert!(MailboxUrl::looks_like("IMAPS://x@y"));
        assert_eq!(
            MailboxUrl::parse("imaps://host/INBOX"),
            Err(UrlError::NoUser)
        );
        assert_eq!(MailboxUrl::parse("imaps://u@/INBOX"), Err(UrlError::NoHost));
        assert_eq!(
            MailboxUrl::parse("imaps://u@h:99999"),
            Err(UrlError::Port("99999".into()))
        );
        assert_eq!(MailboxUrl::parse("imaps://u%4@h"), Err(UrlError::Escape));
        assert_eq!(
            MailboxUrl::parse("pop3s://u@h/INBOX"),
            Err(UrlError::Pop3Folder)
        );
        assert!(matches!(
            MailboxUrl::parse("https://u@h"),
            Err(UrlError::Scheme(_))
        ));
    }
}
