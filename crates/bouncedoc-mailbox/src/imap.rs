//! The IMAP side, over the `imap` crate (rust-imap 3.0, synchronous) on our own rustls
//! stream: UID SEARCH UNSEEN, UID FETCH BODY.PEEK[] (which leaves `\Seen` alone), and, once
//! the caller has recorded the messages, UID STORE, UID MOVE or UID EXPUNGE; IDLE to wait.

use std::io::{BufRead, BufReader, Write};
use std::time::Duration;

use imap::extensions::idle::SetReadTimeout;

use crate::tls::TlsStream;
use crate::{After, Config, Fetched, Mailbox, MailboxError, MessageId, Security, Waiting};

impl SetReadTimeout for TlsStream {
    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> imap::Result<()> {
        TlsStream::set_read_timeout(self, timeout).map_err(imap::Error::Io)
    }
}

/// UIDs per command, so that no command line grows without bound.
const UIDS_PER_COMMAND: usize = 200;

/// A logged-in IMAP session with the folder selected.
pub struct Imap {
    session: imap::Session<TlsStream>,
    /// The session's TCP socket, for its read timeout.
    socket: std::net::TcpStream,
    after: After,
    timeout: Duration,
    /// The server offers MOVE (RFC 6851).
    has_move: bool,
    /// The server offers UID EXPUNGE (UIDPLUS, RFC 4315).
    has_uidplus: bool,
    /// The server offers IDLE (RFC 2177).
    has_idle: bool,
}

fn failed(command: &str) -> impl FnOnce(imap::Error) -> MailboxError + '_ {
    move |e| MailboxError::Imap {
        command: command.to_string(),
        reason: e.to_string(),
    }
}

/// Reads lines until the tagged reply to `tag`, and says whether it was OK.
fn tagged_reply(
    reader: &mut impl BufRead,
    tag: &str,
    context: &str,
) -> Result<(bool, String), MailboxError> {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader
            .read_line(&mut line)
            .map_err(|source| MailboxError::Io {
                context: context.to_string(),
                source,
            })?;
        if n == 0 {
            return Err(MailboxError::Io {
                context: context.to_string(),
                source: std::io::ErrorKind::UnexpectedEof.into(),
            });
        }
        if let Some(rest) = line.strip_prefix(tag).and_then(|r| r.strip_prefix(' ')) {
            let ok = rest.len() >= 2 && rest[..2].eq_ignore_ascii_case("OK");
            return Ok((ok, rest.trim_end().to_string()));
        }
    }
}

/// The plain connection's greeting, STARTTLS, and TLS. Done here rather than by the crate,
/// whose STARTTLS would bring its own TLS stack.
fn start_tls(config: &Config) -> Result<TlsStream, MailboxError> {
    let tcp = crate::tcp(config)?;
    let server = format!("{}:{}", config.url.host, config.url.port);
    let context = format!("STARTTLS with {server}");
    let io = |source| MailboxError::Io {
        context: context.clone(),
        source,
    };
    let mut reader = BufReader::new(tcp.try_clone().map_err(io)?);
    let mut greeting = String::new();
    reader.read_line(&mut greeting).map_err(io)?;
    if !greeting.starts_with("* OK") {
        return Err(MailboxError::Imap {
            command: "greeting".into(),
            reason: greeting.trim_end().to_string(),
        });
    }
    let mut writer = &tcp;
    writer.write_all(b"S0 STARTTLS\r\n").map_err(io)?;
    let (ok, _) = tagged_reply(&mut reader, "S0", &context)?;
    if !ok {
        return Err(MailboxError::NoStartTls(server));
    }
    // Nothing may follow the OK before the handshake; a server that sent more is broken.
    if !reader.buffer().is_empty() {
        return Err(MailboxError::Imap {
            command: "STARTTLS".into(),
            reason: "the server sent data before the TLS handshake".into(),
        });
    }
    drop(reader);
    Ok(config.trust.connect(&config.url.host, tcp)?)
}

impl Imap {
    /// Connects (TLS, or STARTTLS), logs in and selects the folder.
    pub fn open(config: &Config) -> Result<Imap, MailboxError> {
        if config.after == After::Keep {
            return Err(MailboxError::Unsupported(
                "--after keep is for POP3; IMAP marks with flag, move=FOLDER or delete".into(),
            ));
        }
        let url = &config.url;
        let tls = match url.security {
            Security::Implicit => config.trust.connect(&url.host, crate::tcp(config)?)?,
            Security::StartTls => start_tls(config)?,
        };
        let socket = tls.socket().map_err(|source| MailboxError::Io {
            context: "connecting".into(),
            source,
        })?;
        let mut client = imap::Client::new(tls);
        if url.security == Security::Implicit {
            client.read_greeting().map_err(failed("greeting"))?;
        }
        let mut session = client
            .login(&url.user, &config.password)
            .map_err(|(e, _)| MailboxError::Login {
                server: format!("{}:{}", url.host, url.port),
                user: url.user.clone(),
                reply: e.to_string(),
            })?;
        let caps = session.capabilities().map_err(failed("CAPABILITY"))?;
        let (has_move, has_uidplus, has_idle) = (
            caps.has_str("MOVE"),
            caps.has_str("UIDPLUS"),
            caps.has_str("IDLE"),
        );
        drop(caps);
        session.select(&url.folder).map_err(failed("SELECT"))?;
        if let After::Move(folder) = &config.after {
            // The folder is made when missing; when it exists this says NO, and a folder
            // that truly cannot be made fails the first MOVE with the server's words.
            let _ = session.create(folder);
        }
        Ok(Imap {
            session,
            socket,
            after: config.after.clone(),
            timeout: config.timeout,
            has_move,
            has_uidplus,
            has_idle,
        })
    }
}

fn uid_set(ids: &[MessageId]) -> String {
    let uids: Vec<String> = ids
        .iter()
        .filter_map(|id| match id {
            MessageId::Uid(uid) => Some(uid.to_string()),
            MessageId::Uidl(_) => None,
        })
        .collect();
    uids.join(",")
}

impl Mailbox for Imap {
    fn waiting(&mut self) -> Result<Vec<Waiting>, MailboxError> {
        let mut uids: Vec<u32> = self
            .session
            .uid_search("UNSEEN")
            .map_err(failed("UID SEARCH UNSEEN"))?
            .into_iter()
            .collect();
        uids.sort_unstable();
        let mut waiting = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(UIDS_PER_COMMAND) {
            let ids: Vec<MessageId> = chunk.iter().map(|&u| MessageId::Uid(u)).collect();
            let fetches = self
                .session
                .uid_fetch(uid_set(&ids), "(UID RFC822.SIZE)")
                .map_err(failed("UID FETCH RFC822.SIZE"))?;
            let mut sizes: Vec<(u32, u64)> = fetches
                .iter()
                .filter_map(|f| Some((f.uid?, u64::from(f.size.unwrap_or(0)))))
                .filter(|(uid, _)| chunk.binary_search(uid).is_ok())
                .collect();
            sizes.sort_unstable();
            waiting.extend(sizes.into_iter().map(|(uid, size)| Waiting {
                id: MessageId::Uid(uid),
                size,
            }));
        }
        Ok(waiting)
    }

    fn fetch(&mut self, ids: &[MessageId]) -> Result<Vec<Fetched>, MailboxError> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(UIDS_PER_COMMAND) {
            let fetches = self
                .session
                .uid_fetch(uid_set(chunk), "(UID INTERNALDATE BODY.PEEK[])")
                .map_err(failed("UID FETCH BODY.PEEK[]"))?;
            let mut got: Vec<Fetched> = fetches
                .iter()
                .filter_map(|f| {
                    let uid = f.uid?;
                    Some(Fetched {
                        id: MessageId::Uid(uid),
                        bytes: f.body()?.to_vec(),
                        received: f.internal_date().map(|d| d.timestamp()),
                    })
                })
                .collect();
            // In the order asked for; a message expunged meanwhile is simply absent.
            got.sort_by_key(|f| chunk.iter().position(|id| *id == f.id));
            got.dedup_by(|a, b| a.id == b.id);
            out.extend(got);
        }
        Ok(out)
    }

    fn mark(&mut self, ids: &[MessageId]) -> Result<(), MailboxError> {
        for chunk in ids.chunks(UIDS_PER_COMMAND) {
            if chunk.is_empty() {
                continue;
            }
            let set = uid_set(chunk);
            match &self.after {
                After::Flag => {
                    self.session
                        .uid_store(&set, "+FLAGS.SILENT (\\Seen)")
                        .map_err(failed("UID STORE \\Seen"))?;
                }
                After::Move(folder) => {
                    if self.has_move {
                        self.session
                            .uid_mv(&set, folder)
                            .map_err(failed("UID MOVE"))?;
                    } else {
                        self.session
                            .uid_copy(&set, folder)
                            .map_err(failed("UID COPY"))?;
                        self.expunge(&set)?;
                    }
                }
                After::Delete => self.expunge(&set)?,
                After::Keep => unreachable!("refused by Imap::open"),
            }
        }
        Ok(())
    }

    fn wait(&mut self, max: Duration) -> Result<(), MailboxError> {
        if self.has_idle {
            let mut idle = self.session.idle();
            idle.timeout(max).keepalive(false);
            idle.wait_while(imap::extensions::idle::stop_on_any)
                .map_err(failed("IDLE"))?;
            drop(idle);
        } else {
            std::thread::sleep(max);
            self.session.noop().map_err(failed("NOOP"))?;
        }
        // IDLE leaves the stream without a read timeout.
        self.socket
            .set_read_timeout(Some(self.timeout))
            .map_err(|source| MailboxError::Io {
                context: "after IDLE".into(),
                source,
            })?;
        Ok(())
    }

    fn close(&mut self) -> Result<(), MailboxError> {
        self.session.logout().map_err(failed("LOGOUT"))
    }
}

impl Imap {
    /// `\Deleted`, then UID EXPUNGE of these UIDs only (plain EXPUNGE where UIDPLUS is
    /// missing, which also removes other messages already marked `\Deleted`).
    fn expunge(&mut self, set: &str) -> Result<(), MailboxError> {
        self.session
            .uid_store(set, "+FLAGS.SILENT (\\Deleted)")
            .map_err(failed("UID STORE \\Deleted"))?;
        if self.has_uidplus {
            self.session
                .uid_expunge(set)
                .map_err(failed("UID EXPUNGE"))?;
        } else {
            self.session.expunge().map_err(failed("EXPUNGE"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_are_comma_separated() {
        assert_eq!(
            uid_set(&[MessageId::Uid(3), MessageId::Uid(7), MessageId::Uid(8)]),
            "3,7,8"
        );
    }

    #[test]
    fn the_tagged_reply_ends_the_wait() {
        let mut text: &[u8] = b"* BYE later\r\nS0 OK Begin TLS negotiation now\r\n";
        let (ok, rest) = tagged_reply(&mut text, "S0", "test").unwrap();
        assert!(ok, "{rest}");
        let mut text: &[u8] = b"S0 BAD unknown command\r\n";
        assert!(!tagged_reply(&mut text, "S0", "test").unwrap().0);
        let mut text: &[u8] = b"* OK\r\n";
        assert!(tagged_reply(&mut text, "S0", "test").is_err());
    }
}
