//! The bounce mailbox: reads the messages not yet handled from an IMAP folder or a POP3
//! maildrop, always over TLS, and marks them once the caller has recorded them (flag, move,
//! delete, or, for POP3, remember their UIDL). Nothing is marked before [`Mailbox::mark`],
//! so a caller that records first and marks second re-reads, but never loses, the messages
//! of a run that stopped in between.
//!
//! One module per job: [`url`] (the address), [`tls`] (rustls with the system's roots or a
//! CA file), [`imap`] (over the `imap` crate), [`pop3`] (a small client of its own) and
//! [`seen`] (the POP3 UIDLs already handled).

pub mod imap;
pub mod pop3;
pub mod seen;
pub mod tls;
pub mod url;

use std::path::PathBuf;
use std::time::Duration;

pub use tls::{TlsError, Trust};
pub use url::{MailboxUrl, Protocol, Security, UrlError};

/// A message of the mailbox, as the server names it: an IMAP UID, or a POP3 UIDL.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageId {
    /// The message's UID in the selected folder (its UIDVALIDITY does not change while the
    /// connection is open).
    Uid(u32),
    /// The message's unique id in the POP3 maildrop.
    Uidl(String),
}

impl std::fmt::Display for MessageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageId::Uid(uid) => write!(f, "UID={uid}"),
            MessageId::Uidl(uidl) => write!(f, "UIDL={uidl}"),
        }
    }
}

/// A message waiting to be read, with its size as the server gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// Which message.
    pub id: MessageId,
    /// Its size in bytes, as the server counts them.
    pub size: u64,
}

/// A message read from the mailbox.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// Which message.
    pub id: MessageId,
    /// Its bytes, as the server sent them.
    pub bytes: Vec<u8>,
    /// When the server received it (IMAP's INTERNALDATE, seconds since the epoch); `None`
    /// for POP3.
    pub received: Option<i64>,
}

/// What becomes of a message once it is recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    /// IMAP: set `\Seen` (the next run reads only unseen messages).
    Flag,
    /// IMAP: move it to this folder (MOVE, or COPY then expunge where MOVE is missing).
    Move(String),
    /// Delete it (IMAP: `\Deleted` and UID EXPUNGE; POP3: DELE, done at QUIT).
    Delete,
    /// POP3: leave it, and remember its UIDL in the state file.
    Keep,
}

impl std::str::FromStr for After {
    type Err = String;

    /// `flag`, `move=FOLDER`, `delete` or `keep`.
    fn from_str(s: &str) -> Result<After, String> {
        match s {
            "flag" => Ok(After::Flag),
            "delete" => Ok(After::Delete),
            "keep" => Ok(After::Keep),
            _ => match s.strip_prefix("move=") {
                Some(folder) if !folder.is_empty() => Ok(After::Move(folder.to_string())),
                _ => Err(format!("`{s}` is not flag, move=FOLDER, delete or keep")),
            },
        }
    }
}

/// Why the mailbox could not be read or marked.
#[derive(Debug, thiserror::Error)]
pub enum MailboxError {
    /// The address was refused.
    #[error(transparent)]
    Url(#[from] UrlError),
    /// TLS failed.
    #[error(transparent)]
    Tls(#[from] TlsError),
    /// The connection failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        source: std::io::Error,
    },
    /// The server does not offer STARTTLS (IMAP) or STLS (POP3), and the address asks for it.
    #[error("{0} offers no STARTTLS: use the TLS port (imaps:// or pop3s://)")]
    NoStartTls(String),
    /// The server refused the user and password.
    #[error("{server} refused the login of {user}: {reply}")]
    Login {
        server: String,
        user: String,
        reply: String,
    },
    /// The IMAP server refused or broke a command.
    #[error("IMAP {command}: {reason}")]
    Imap { command: String, reason: String },
    /// The POP3 server refused or broke a command.
    #[error("POP3 {command}: {reply}")]
    Pop3 { command: String, reply: String },
    /// The configured `--after` does not apply to the protocol.
    #[error("{0}")]
    Unsupported(String),
    /// The file of handled POP3 UIDLs could not be read or written.
    #[error("the state file {path}: {source}")]
    State {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A connection to a bounce mailbox.
pub trait Mailbox {
    /// The messages not yet handled (IMAP: UNSEEN; POP3: whose UIDL is not remembered, or
    /// all of them when messages are deleted), oldest first.
    fn waiting(&mut self) -> Result<Vec<Waiting>, MailboxError>;
    /// Reads these messages, in this order, without marking them.
    fn fetch(&mut self, ids: &[MessageId]) -> Result<Vec<Fetched>, MailboxError>;
    /// Marks these messages as handled, as `after` says.
    fn mark(&mut self, ids: &[MessageId]) -> Result<(), MailboxError>;
    /// Waits, at most `max`, for new messages (IMAP: IDLE; POP3: logs out, which applies
    /// the deletions, sleeps and logs in again).
    fn wait(&mut self, max: Duration) -> Result<(), MailboxError>;
    /// Logs out (POP3: the deletions take effect now).
    fn close(&mut self) -> Result<(), MailboxError>;
}

/// What it takes to open a mailbox.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where.
    pub url: MailboxUrl,
    /// The password (from the environment or a file, never the command line).
    pub password: String,
    /// Which certificates are trusted.
    pub trust: Trust,
    /// What becomes of a recorded message.
    pub after: After,
    /// POP3 with [`After::Keep`]: the file of handled UIDLs.
    pub state_file: Option<PathBuf>,
    /// How long a connection, or a read, may take before it is given up.
    pub timeout: Duration,
}

/// Connects, logs in, and (IMAP) selects the folder.
pub fn open(config: &Config) -> Result<Box<dyn Mailbox>, MailboxError> {
    match config.url.protocol {
        Protocol::Imap => Ok(Box::new(imap::Imap::open(config)?)),
        Protocol::Pop3 => Ok(Box::new(pop3::Pop3::open(config)?)),
    }
}

/// Opens a TCP connection to the server, with the configured timeout for connecting and
/// for each read and write.
pub(crate) fn tcp(config: &Config) -> Result<std::net::TcpStream, MailboxError> {
    use std::net::ToSocketAddrs;
    let url = &config.url;
    let context = || format!("connecting to {}:{}", url.host, url.port);
    let addrs = (url.host.as_str(), url.port)
        .to_socket_addrs()
        .map_err(|source| MailboxError::Io {
            context: context(),
            source,
        })?;
    let mut last = std::io::Error::new(std::io::ErrorKind::NotFound, "no address");
    for addr in addrs {
        match std::net::TcpStream::connect_timeout(&addr, config.timeout) {
            Ok(stream) => {
                let set = stream
                    .set_read_timeout(Some(config.timeout))
                    .and_then(|()| stream.set_write_timeout(Some(config.timeout)));
                set.map_err(|source| MailboxError::Io {
                    context: context(),
                    source,
                })?;
                return Ok(stream);
            }
            Err(e) => last = e,
        }
    }
    Err(MailboxError::Io {
        context: context(),
        source: last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_is_read_from_its_words() {
        assert_eq!("flag".parse(), Ok(After::Flag));
        assert_eq!("delete".parse(), Ok(After::Delete));
        assert_eq!("keep".parse(), Ok(After::Keep));
        assert_eq!(
            "move=Bounces/Done".parse(),
            Ok(After::Move("Bounces/Done".into()))
        );
        assert!("move=".parse::<After>().is_err());
        assert!("seen".parse::<After>().is_err());
    }
}
