//! The POP3 side (RFC 1939, STLS from RFC 2595), written here rather than taken from a
//! crate: POP3 is five commands (USER/PASS, UIDL, LIST, RETR, DELE, QUIT), and the crates
//! found did not fit: `pop3` 1.0 is bound to OpenSSL, `async-pop` needs an async runtime,
//! and `rust-pop3-client` opens its own TLS connection (no STLS, no CA of our choosing).
//!
//! POP3 shows a maildrop as it was at login, so waiting for new messages means logging out
//! (which applies the DELEs) and in again.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::time::Duration;

use crate::seen::Seen;
use crate::tls::TlsStream;
use crate::{After, Config, Fetched, Mailbox, MailboxError, MessageId, Security, Waiting};

/// The longest status or listing line read (RFC 1939 allows 512 octets; some servers send
/// longer greetings).
const MAX_LINE: usize = 8 * 1024;

/// One logged-in POP3 session.
struct Session<S: Read + Write> {
    stream: BufReader<S>,
}

fn io_error(context: &str) -> impl FnOnce(std::io::Error) -> MailboxError + '_ {
    move |source| MailboxError::Io {
        context: context.to_string(),
        source,
    }
}

/// Reads one line (without its CRLF), at most `MAX_LINE` bytes, unless `unbounded`.
fn read_line(reader: &mut impl BufRead, out: &mut Vec<u8>, unbounded: bool) -> std::io::Result<()> {
    out.clear();
    let limit = if unbounded { u64::MAX } else { MAX_LINE as u64 };
    let n = reader.by_ref().take(limit).read_until(b'\n', out)?;
    if n == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    if out.last() != Some(&b'\n') {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "a line from the server is too long",
        ));
    }
    out.pop();
    if out.last() == Some(&b'\r') {
        out.pop();
    }
    Ok(())
}

/// The status line's verdict: `Ok(text)` for `+OK`, `Err(text)` for `-ERR` or anything else.
fn status(line: &[u8]) -> Result<String, String> {
    let text = String::from_utf8_lossy(line).into_owned();
    match text.strip_prefix("+OK") {
        Some(rest) => Ok(rest.trim().to_string()),
        None => Err(text),
    }
}

impl<S: Read + Write> Session<S> {
    fn new(stream: S) -> Session<S> {
        Session {
            stream: BufReader::new(stream),
        }
    }

    /// Reads the status line of a reply.
    fn reply(&mut self, command: &str) -> Result<String, MailboxError> {
        let mut line = Vec::new();
        read_line(&mut self.stream, &mut line, false).map_err(io_error(command))?;
        status(&line).map_err(|reply| MailboxError::Pop3 {
            command: command.to_string(),
            reply,
        })
    }

    /// Sends a command and reads its status line. `shown` is how the command appears in an
    /// error (PASS without the password).
    fn command(&mut self, line: &str, shown: &str) -> Result<String, MailboxError> {
        let s = self.stream.get_mut();
        s.write_all(line.as_bytes())
            .and_then(|()| s.write_all(b"\r\n"))
            .and_then(|()| s.flush())
            .map_err(io_error(shown))?;
        self.reply(shown)
    }

    /// The lines of a multi-line reply, dot-unstuffed, up to the lone `.`.
    fn lines(&mut self, command: &str, unbounded: bool) -> Result<Vec<Vec<u8>>, MailboxError> {
        let mut out = Vec::new();
        let mut line = Vec::new();
        loop {
            read_line(&mut self.stream, &mut line, unbounded).map_err(io_error(command))?;
            if line == b"." {
                return Ok(out);
            }
            let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
            out.push(unstuffed.to_vec());
        }
    }

    /// A listing (`UIDL`, `LIST`): message number and the rest of each line.
    fn listing(&mut self, command: &str) -> Result<Vec<(u32, String)>, MailboxError> {
        self.command(command, command)?;
        let mut out = Vec::new();
        for line in self.lines(command, false)? {
            let text = String::from_utf8_lossy(&line).into_owned();
            let mut words = text.split_whitespace();
            let n = words.next().and_then(|w| w.parse::<u32>().ok());
            match (n, words.next()) {
                (Some(n), Some(rest)) => out.push((n, rest.to_string())),
                _ => {
                    return Err(MailboxError::Pop3 {
                        command: command.to_string(),
                        reply: format!("a line that is not `number value`: {text}"),
                    });
                }
            }
        }
        Ok(out)
    }

    /// A whole message, lines joined with CRLF as they came.
    fn retrieve(&mut self, number: u32) -> Result<Vec<u8>, MailboxError> {
        let command = format!("RETR {number}");
        self.command(&command, &command)?;
        let mut bytes = Vec::new();
        for line in self.lines(&command, true)? {
            bytes.extend_from_slice(&line);
            bytes.extend_from_slice(b"\r\n");
        }
        Ok(bytes)
    }
}

/// A POP3 maildrop.
pub struct Pop3 {
    config: Config,
    session: Option<Session<TlsStream>>,
    /// Message numbers of this session, by UIDL.
    numbers: HashMap<String, u32>,
    /// With `--after keep`: the UIDLs already recorded.
    seen: Option<Seen>,
}

impl Pop3 {
    /// Connects (TLS, or STLS), logs in with USER and PASS.
    pub fn open(config: &Config) -> Result<Pop3, MailboxError> {
        let seen = match &config.after {
            After::Delete => None,
            After::Keep => {
                let path = config.state_file.as_deref().ok_or_else(|| {
                    MailboxError::Unsupported(
                        "POP3 keeps the messages (--after keep) only with a --state-file that remembers which were recorded; or give --after delete".into(),
                    )
                })?;
                Some(Seen::load(path, &config.url.to_string())?)
            }
            After::Flag | After::Move(_) => {
                return Err(MailboxError::Unsupported(
                    "POP3 has no flags or folders: give --after delete, or --after keep with a --state-file".into(),
                ));
            }
        };
        let mut pop3 = Pop3 {
            config: config.clone(),
            session: None,
            numbers: HashMap::new(),
            seen,
        };
        pop3.login()?;
        Ok(pop3)
    }

    fn login(&mut self) -> Result<(), MailboxError> {
        let config = &self.config;
        let url = &config.url;
        let server = format!("{}:{}", url.host, url.port);
        let tls = match url.security {
            Security::Implicit => config.trust.connect(&url.host, crate::tcp(config)?)?,
            Security::StartTls => {
                let mut plain = Session::new(crate::tcp(config)?);
                plain.reply("greeting")?;
                if plain.command("STLS", "STLS").is_err() {
                    return Err(MailboxError::NoStartTls(server));
                }
                if !plain.stream.buffer().is_empty() {
                    return Err(MailboxError::Pop3 {
                        command: "STLS".into(),
                        reply: "the server sent data before the TLS handshake".into(),
                    });
                }
                config.trust.connect(&url.host, plain.stream.into_inner())?
            }
        };
        let mut session = Session::new(tls);
        if url.security == Security::Implicit {
            session.reply("greeting")?;
        }
        let refused = |e: MailboxError| MailboxError::Login {
            server: server.clone(),
            user: url.user.clone(),
            reply: match e {
                MailboxError::Pop3 { reply, .. } => reply,
                other => other.to_string(),
            },
        };
        if url.user.contains(['\r', '\n']) || config.password.contains(['\r', '\n']) {
            return Err(refused(MailboxError::Pop3 {
                command: "USER".into(),
                reply: "a user or password with a line break cannot be sent".into(),
            }));
        }
        session
            .command(&format!("USER {}", url.user), "USER")
            .map_err(refused)?;
        session
            .command(&format!("PASS {}", config.password), "PASS")
            .map_err(refused)?;
        self.session = Some(session);
        self.numbers.clear();
        Ok(())
    }

    fn session(&mut self) -> &mut Session<TlsStream> {
        self.session.as_mut().expect("logged in")
    }

    fn number(&self, id: &MessageId) -> Option<u32> {
        match id {
            MessageId::Uidl(u) => self.numbers.get(u).copied(),
            MessageId::Uid(_) => None,
        }
    }

    fn quit(&mut self) -> Result<(), MailboxError> {
        if let Some(mut session) = self.session.take() {
            session.command("QUIT", "QUIT")?;
            session.stream.get_mut().close();
        }
        Ok(())
    }
}

impl Mailbox for Pop3 {
    fn waiting(&mut self) -> Result<Vec<Waiting>, MailboxError> {
        let uidls = self.session().listing("UIDL")?;
        let sizes: HashMap<u32, u64> = self
            .session()
            .listing("LIST")?
            .into_iter()
            .map(|(n, size)| (n, size.parse().unwrap_or(0)))
            .collect();
        self.numbers = uidls.iter().map(|(n, u)| (u.clone(), *n)).collect();
        let mut waiting: Vec<(u32, Waiting)> = uidls
            .into_iter()
            .filter(|(_, u)| !self.seen.as_ref().is_some_and(|s| s.contains(u)))
            .map(|(n, u)| {
                let size = sizes.get(&n).copied().unwrap_or(0);
                (
                    n,
                    Waiting {
                        id: MessageId::Uidl(u),
                        size,
                    },
                )
            })
            .collect();
        waiting.sort_by_key(|(n, _)| *n);
        Ok(waiting.into_iter().map(|(_, w)| w).collect())
    }

    fn fetch(&mut self, ids: &[MessageId]) -> Result<Vec<Fetched>, MailboxError> {
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(n) = self.number(id) else { continue };
            let bytes = self.session().retrieve(n)?;
            out.push(Fetched {
                id: id.clone(),
                bytes,
                received: None,
            });
        }
        Ok(out)
    }

    fn mark(&mut self, ids: &[MessageId]) -> Result<(), MailboxError> {
        match self.config.after {
            After::Delete => {
                for id in ids {
                    if let Some(n) = self.number(id) {
                        let command = format!("DELE {n}");
                        self.session().command(&command, &command)?;
                    }
                }
                Ok(())
            }
            _ => {
                let numbers = &self.numbers;
                let new = ids.iter().filter_map(|id| match id {
                    MessageId::Uidl(u) => Some(u.as_str()),
                    MessageId::Uid(_) => None,
                });
                match &mut self.seen {
                    Some(seen) => seen.add_and_save(new, &|u| numbers.contains_key(u)),
                    None => Ok(()),
                }
            }
        }
    }

    fn wait(&mut self, max: Duration) -> Result<(), MailboxError> {
        self.quit()?;
        std::thread::sleep(max);
        self.login()
    }

    fn close(&mut self) -> Result<(), MailboxError> {
        self.quit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake server's replies, and what the client wrote.
    struct Script {
        replies: std::io::Cursor<Vec<u8>>,
        sent: Vec<u8>,
    }

    impl Read for Script {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.replies.read(buf)
        }
    }

    impl Write for Script {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.sent.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn session(replies: &str) -> Session<Script> {
        Session::new(Script {
            replies: std::io::Cursor::new(replies.as_bytes().to_vec()),
            sent: Vec::new(),
        })
    }

    #[test]
    fn a_message_is_dot_unstuffed() {
        let mut s = session("+OK 40 octets\r\nSubject: x\r\n\r\n..leading dot\r\n.\r\n");
        let bytes = s.retrieve(1).unwrap();
        assert_eq!(bytes, b"Subject: x\r\n\r\n.leading dot\r\n");
        assert_eq!(s.stream.get_ref().sent, b"RETR 1\r\n");
    }

    #[test]
    fn listings_and_refusals() {
        let mut s = session("+OK\r\n1 abc\r\n2 def\r\n.\r\n-ERR no such message\r\n");
        assert_eq!(
            s.listing("UIDL").unwrap(),
            vec![(1, "abc".to_string()), (2, "def".to_string())]
        );
        let err = s.command("DELE 9", "DELE 9").unwrap_err();
        assert!(err.to_string().contains("no such message"), "{err}");
    }

    #[test]
    fn a_broken_listing_or_an_endless_line_is_an_error() {
        let mut s = session("+OK\r\nnonsense\r\n.\r\n");
        assert!(s.listing("UIDL").is_err());
        let long = format!("+OK {}\r\n", "x".repeat(MAX_LINE + 10));
        assert!(session(&long).reply("greeting").is_err());
        assert!(session("+OK\r\n1 a\r\n").listing("UIDL").is_err());
    }
}
