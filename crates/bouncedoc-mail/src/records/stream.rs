//! The messages of one input, read from a buffered reader one at a time: an mbox when the
//! reader's first bytes are `From `, else one message. No message is held longer than a
//! limit ([`DEFAULT_MAX_MESSAGE_BYTES`] unless the caller gives another): it is checked
//! while reading, and a message over it gives an error record.

use std::io::{BufRead, Chain, Cursor, Read};

use bouncedoc_core::{Engine, Lang};

use crate::input::mbox::MboxReader;
use crate::record::{Origin, Record};
use crate::records::cancel;
use crate::records::each::JobRecords;

/// The limit on one message unless the caller sets another: 32 MiB.
pub const DEFAULT_MAX_MESSAGE_BYTES: usize = 32 << 20;

/// Why a message was not read: it is longer than the limit.
#[derive(Debug, thiserror::Error)]
#[error("message larger than the limit of {limit} bytes; not read (see --max-message-bytes)")]
pub struct TooLarge {
    /// The limit, in bytes.
    pub limit: usize,
}

impl TooLarge {
    fn io(limit: usize) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::FileTooLarge, TooLarge { limit })
    }
}

/// Whether the first bytes of an input are those of an mbox (`From `).
pub fn starts_like_mbox(head: &[u8]) -> bool {
    head.starts_with(b"From ")
}

/// Whether `bytes` starts like an email message: a header line (`Name: value`), after any
/// blank lines and an mbox `From ` line.
pub fn starts_with_header(bytes: &[u8]) -> bool {
    let mut lines = bytes
        .split(|&b| b == b'\n' || b == b'\r')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    let mut first = lines.next().unwrap_or_default();
    if starts_like_mbox(first) {
        first = lines.next().unwrap_or_default();
    }
    let name_len = first
        .iter()
        .take_while(|&&b| (b'!'..=b'~').contains(&b) && b != b':')
        .count();
    name_len > 0 && first.get(name_len) == Some(&b':')
}

/// One message found in an input: where it came from, and its bytes or why they could not
/// be read.
#[derive(Debug)]
pub struct Job {
    /// Where it came from.
    pub origin: Origin,
    /// Its bytes, or the error that kept them from being read.
    pub bytes: std::io::Result<Vec<u8>>,
}

impl Job {
    /// A message from `source` (at `index` in an mbox).
    pub fn new(source: &str, index: Option<usize>, bytes: std::io::Result<Vec<u8>>) -> Job {
        Job {
            origin: Origin {
                source: source.to_string(),
                index,
            },
            bytes,
        }
    }

    /// The message's records, diagnosed under the panic guard: one per recipient, or one
    /// saying it is not a bounce, or one error record (bytes that could not be read, a
    /// message that is not readable, a diagnosis that failed) naming the input and why.
    pub fn records(self, engine: &Engine, lang: Lang) -> Vec<Record> {
        self.stream(engine, lang).collect()
    }

    /// The same records as [`Job::records`], made one at a time as they are asked for, so
    /// that each can be written before the next is made.
    pub fn stream(self, engine: &Engine, lang: Lang) -> JobRecords<'_> {
        JobRecords::new(engine, lang, self.origin, self.bytes)
    }
}

/// The messages of one input, in order, one at a time, so that memory stays bounded by one
/// message: each message of an mbox (the reader's first bytes are `From `), else the one
/// message the reader holds. A read error becomes a job that carries it, and ends the
/// input. A message longer than the limit becomes a job that carries a [`TooLarge`] error
/// (with the index of the message in an mbox); the reading goes on at the next message of
/// an mbox, and ends a single message without reading the rest. A job cancelled
/// ([`Cancel`](crate::records::Cancel)) gets no further message.
pub struct Messages<R> {
    source: String,
    limit: usize,
    state: State<Chain<Cursor<Vec<u8>>, R>>,
}

enum State<R> {
    One(R),
    Mbox(MboxReader<R>),
    Failed(std::io::Error),
    Done,
}

/// The bytes that tell an mbox: `From `.
const SNIFF: u64 = 5;

impl<R: BufRead> Messages<R> {
    /// The messages of `reader`, named `source` in their records, with the limit of
    /// [`DEFAULT_MAX_MESSAGE_BYTES`] per message.
    pub fn new(reader: R, source: impl Into<String>) -> Messages<R> {
        Messages::with_limit(reader, source, DEFAULT_MAX_MESSAGE_BYTES)
    }

    /// The messages of `reader`, named `source` in their records, none held longer than
    /// `limit` bytes. Whether it is an mbox is decided here, from its first five bytes, read
    /// (however many reads a pipe needs for them) and kept in front of the rest: the reader
    /// is read once, from its start, never reopened.
    pub fn with_limit(mut reader: R, source: impl Into<String>, limit: usize) -> Messages<R> {
        let mut head = Vec::new();
        let read = reader.by_ref().take(SNIFF).read_to_end(&mut head);
        let mbox = starts_like_mbox(&head);
        let reader = Cursor::new(head).chain(reader);
        let state = match read {
            Ok(_) if mbox => State::Mbox(MboxReader::with_limit(reader, limit)),
            Ok(_) => State::One(reader),
            Err(e) => State::Failed(e),
        };
        Messages {
            source: source.into(),
            limit,
            state,
        }
    }

    /// Whether the input was read as an mbox.
    pub fn is_mbox(&self) -> bool {
        matches!(self.state, State::Mbox(_))
    }
}

impl<R: BufRead> Iterator for Messages<R> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        // A job cancelled reads no further message.
        if cancel::requested() {
            self.state = State::Done;
            return None;
        }
        if let State::Mbox(mbox) = &mut self.state {
            return match mbox.next()? {
                Ok(m) if m.truncated => Some(Job::new(
                    &self.source,
                    Some(m.index),
                    Err(TooLarge::io(self.limit)),
                )),
                Ok(m) => Some(Job::new(&self.source, Some(m.index), Ok(m.bytes))),
                Err(e) => Some(Job::new(&self.source, None, Err(e))),
            };
        }
        match std::mem::replace(&mut self.state, State::Done) {
            State::One(reader) => {
                // One byte past the limit tells a message over it, without reading more.
                let mut bytes = Vec::new();
                let read = match reader.take(self.limit as u64 + 1).read_to_end(&mut bytes) {
                    Ok(n) if n > self.limit => Err(TooLarge::io(self.limit)),
                    Ok(_) => Ok(bytes),
                    Err(e) => Err(e),
                };
                Some(Job::new(&self.source, None, read))
            }
            State::Failed(e) => Some(Job::new(&self.source, None, Err(e))),
            State::Mbox(_) | State::Done => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn shapes(bytes: &[u8]) -> (bool, Vec<String>) {
        let messages = Messages::new(bytes, "in");
        let mbox = messages.is_mbox();
        let jobs = messages
            .map(|j| {
                let text = String::from_utf8(j.bytes.unwrap()).unwrap();
                match j.origin.index {
                    Some(i) => format!("#{i} {text}"),
                    None => text,
                }
            })
            .collect();
        (mbox, jobs)
    }

    #[test]
    fn an_mbox_is_split_and_anything_else_is_one_message() {
        let (mbox, jobs) = shapes(b"From a\nSubject: 1\n\none\n\nFrom b\nSubject: 2\n\ntwo\n");
        assert!(mbox);
        assert_eq!(jobs, ["#1 Subject: 1\n\none\n\n", "#2 Subject: 2\n\ntwo\n"]);
        // `From:` is a header, not an mbox separator.
        let (mbox, jobs) = shapes(b"From: a@example.jp\n\nFrom b\n");
        assert!(!mbox);
        assert_eq!(jobs, ["From: a@example.jp\n\nFrom b\n"]);
        let (mbox, jobs) = shapes(b"");
        assert!(!mbox);
        assert_eq!(jobs, [""]);
    }

    #[test]
    fn header_lines_are_recognized_after_an_mbox_line() {
        assert!(starts_with_header(b"\r\nSubject: x\n\nbody"));
        assert!(starts_with_header(b"From x\nSubject: x\n"));
        assert!(!starts_with_header(b"550 5.1.1 user unknown\n"));
        assert!(!starts_with_header(b": no name\n"));
    }

    /// A reader that gives `good` and then fails.
    struct Failing<'a> {
        good: &'a [u8],
    }

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.good.is_empty() {
                return Err(std::io::Error::other("disk on fire"));
            }
            let n = self.good.read(buf)?;
            Ok(n)
        }
    }

    #[test]
    fn an_unreadable_message_is_an_error_record_and_the_next_one_is_read() {
        let engine = Engine::new().unwrap();
        let failing = std::io::BufReader::new(Failing {
            good: b"Subject: a\n",
        });
        let broken = Messages::new(failing, "broken.eml");
        let mbox = Messages::new(
            b"From x\n\n\nFrom y\nSubject: hi\n\nhello\n".as_slice(),
            "box",
        );
        let records: Vec<Record> = broken
            .chain(mbox)
            .flat_map(|job| job.records(&engine, Lang::En))
            .collect();
        let summary: Vec<String> = records
            .iter()
            .map(|r| match r {
                Record::Error { origin, error } => {
                    format!("{} {:?} error: {error}", origin.source, origin.index)
                }
                Record::NotBounce { origin, .. } => {
                    format!("{} {:?} not a bounce", origin.source, origin.index)
                }
                Record::Recipient(r) => format!("{} recipient", r.origin.source),
            })
            .collect();
        assert_eq!(
            summary,
            [
                "broken.eml None error: disk on fire".to_string(),
                format!("box Some(1) error: {}", crate::MailError::Empty),
                "box Some(2) not a bounce".to_string(),
            ]
        );
    }
}
