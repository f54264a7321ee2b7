//! Splitting an mbox stream into messages, one at a time, so that memory stays flat however
//! large the file is.
//!
//! Written by hand: the mbox crates on crates.io read the whole file or are unmaintained,
//! and the format is one rule (a line starting `From ` after a blank line or at the start
//! opens a message; `>From ` lines are unescaped, mboxrd-style). Files joined by tools that
//! forget the blank line are read too: a full separator (`From sender` and its date, the
//! way mail delivery agents write it) opens a message after any line.

use std::io::BufRead;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::records::DEFAULT_MAX_MESSAGE_BYTES;

/// The least a read of one line asks for, so that a separator at the start of a line is
/// always seen whole, however little room the message has left.
const LINE_PROBE: usize = 256;

/// One message of an mbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MboxMessage {
    /// Its position in the mbox, from 1.
    pub index: usize,
    /// Its bytes, without the `From ` separator line.
    pub bytes: Vec<u8>,
    /// True when it was longer than the reader's limit: its bytes were then dropped as they
    /// were read (it is empty), and the reader went on at the next message.
    /// [`Messages`](crate::records::Messages) gives an error record for it.
    pub truncated: bool,
}

/// Reads messages from an mbox stream.
pub struct MboxReader<R> {
    reader: R,
    pending_separator: bool,
    index: usize,
    done: bool,
    limit: usize,
}

impl<R: BufRead> MboxReader<R> {
    /// Reads from `reader`, with the default limit of
    /// [`DEFAULT_MAX_MESSAGE_BYTES`] per message.
    pub fn new(reader: R) -> MboxReader<R> {
        MboxReader::with_limit(reader, DEFAULT_MAX_MESSAGE_BYTES)
    }

    /// Reads from `reader`; a message longer than `limit` bytes is not held but dropped as
    /// it is read (and marked [`truncated`](MboxMessage::truncated)). A line is read at most
    /// `limit` bytes at a time, so a long line is bounded too.
    pub fn with_limit(reader: R, limit: usize) -> MboxReader<R> {
        MboxReader {
            reader,
            pending_separator: false,
            index: 0,
            done: false,
            limit,
        }
    }
}

fn is_separator(line: &[u8]) -> bool {
    line.starts_with(b"From ")
}

/// A separator line written whole: `From `, the envelope sender, and the date in the form of
/// C's `asctime` (`Thu Jul  2 12:05:05 2020`, a time zone allowed before the year). A body
/// line that only starts with `From ` is not one.
static DATED_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{1,2}:\d{2}(?::\d{2})?(?: [A-Z]{3,4}| [+-]\d{4})? \d{4}(?: [+-]\d{4})?\r?\n?$",
    )
    .expect("valid")
});

/// Whether a line opens a message where no blank line comes before it: a dated separator.
fn is_dated_separator(line: &[u8]) -> bool {
    line.starts_with(b"From ") && DATED_SEPARATOR.is_match(line)
}

impl<R: BufRead> Iterator for MboxReader<R> {
    type Item = std::io::Result<MboxMessage>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut bytes = Vec::new();
        let mut truncated = false;
        let mut previous_blank = true;
        // Whether the next read starts a line (a read stops at the room left, which may be
        // in the middle of one).
        let mut line_start = true;
        loop {
            // Each line is read straight into the message and taken back out when it is a
            // separator (one copy of the message, not two).
            let start = bytes.len();
            let room = (self.limit + 1).saturating_sub(start).max(LINE_PROBE);
            match read_line_into(&mut self.reader, room, &mut bytes) {
                Ok(0) => {
                    self.done = true;
                    break;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
            let whole_line_start = line_start;
            line_start = bytes.last() == Some(&b'\n');
            let line = &bytes[start..];
            if whole_line_start
                && ((previous_blank && is_separator(line))
                    || (self.pending_separator && is_dated_separator(line)))
            {
                bytes.truncate(start);
                if !self.pending_separator && bytes.iter().all(u8::is_ascii_whitespace) {
                    // The first separator of the file.
                    self.pending_separator = true;
                    bytes.clear();
                    skip_rest_of_line(&mut self.reader, line_start);
                    line_start = true;
                    continue;
                }
                self.pending_separator = true;
                skip_rest_of_line(&mut self.reader, line_start);
                break;
            }
            let line = &bytes[start..];
            if whole_line_start && (line.starts_with(b">From ") || line.starts_with(b">>From ")) {
                // mboxrd: one `>` of a quoted separator is dropped.
                bytes.remove(start);
            }
            let line = &bytes[start..];
            previous_blank = whole_line_start && (line == b"\n" || line == b"\r\n");
            if truncated || bytes.len() > self.limit {
                truncated = true;
                bytes.clear();
            }
        }
        if !truncated && bytes.iter().all(u8::is_ascii_whitespace) && self.done {
            return None;
        }
        self.index += 1;
        Some(Ok(MboxMessage {
            index: self.index,
            bytes,
            truncated,
        }))
    }
}

/// Appends to `out` the input up to and including the next `\n`, at most `room` bytes of it,
/// and says how many were appended (0 at the end of the input).
///
/// What `reader.take(room).read_until(b'\n', out)` does, written out because the standard
/// library's byte search is not vectorized and `memchr`'s is (`docs/perf/throughput.md`,
/// stop 17).
fn read_line_into<R: BufRead>(
    reader: &mut R,
    room: usize,
    out: &mut Vec<u8>,
) -> std::io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let window = &available[..available.len().min(room - read)];
        if window.is_empty() {
            return Ok(read);
        }
        let (used, line_ended) = match memchr::memchr(b'\n', window) {
            Some(at) => (at + 1, true),
            None => (window.len(), false),
        };
        out.extend_from_slice(&window[..used]);
        reader.consume(used);
        read += used;
        if line_ended || read == room {
            return Ok(read);
        }
    }
}

/// Drops the rest of a separator line that was read only in part (a `From ` line longer
/// than the read), a buffer at a time, without holding it. A read error here is left for
/// the next read to report.
fn skip_rest_of_line<R: BufRead>(reader: &mut R, line_ended: bool) {
    if line_ended {
        return;
    }
    loop {
        let (used, ended) = match reader.fill_buf() {
            Ok([]) | Err(_) => return,
            Ok(buf) => match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            },
        };
        reader.consume(used);
        if ended {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_read_across_buffers_up_to_its_room() {
        let text = b"first line\nsecond, longer than the buffer\nlast without end";
        let mut reader = std::io::BufReader::with_capacity(4, &text[..]);
        let mut out = Vec::new();
        assert_eq!(read_line_into(&mut reader, 100, &mut out).unwrap(), 11);
        assert_eq!(out, b"first line\n");
        // A read stops at its room, in the middle of a line.
        assert_eq!(read_line_into(&mut reader, 6, &mut out).unwrap(), 6);
        assert_eq!(&out[11..], b"second");
        assert_eq!(read_line_into(&mut reader, 100, &mut out).unwrap(), 25);
        assert!(out.ends_with(b"the buffer\n"));
        assert_eq!(read_line_into(&mut reader, 100, &mut out).unwrap(), 16);
        assert!(out.ends_with(b"last without end"));
        assert_eq!(read_line_into(&mut reader, 100, &mut out).unwrap(), 0);
    }

    fn split(text: &str) -> Vec<String> {
        MboxReader::new(text.as_bytes())
            .map(|m| String::from_utf8(m.unwrap().bytes).unwrap())
            .collect()
    }

    #[test]
    fn splits_on_from_lines_after_blank_lines() {
        let mbox = "From a@example.jp Thu Jan  1 00:00:00 2015\nSubject: one\n\nbody\nFrom here in the text\n\nFrom b@example.jp Thu Jan  1 00:00:00 2015\nSubject: two\n\n>From escaped\n";
        let msgs = split(mbox);
        assert_eq!(msgs.len(), 2);
        assert!(msgs[0].contains("From here in the text"));
        assert!(msgs[1].starts_with("Subject: two"));
        assert!(msgs[1].contains("\nFrom escaped"));
    }

    /// Two messages joined without a blank line between them: the second one's dated
    /// separator opens it; an undated `From ` line in a body does not.
    #[test]
    fn a_dated_separator_after_a_line_of_text() {
        let mbox = "From MAILER-DAEMON  Thu Jul  2 12:05:05 2020\nSubject: one\n\nbody\n--B--\nFrom double-bounce@example.jp  Thu Jul  2 12:05:05 2020\nSubject: two\n\nHi\nFrom me to you\nFrom a@example.jp yesterday\n";
        let msgs = split(mbox);
        assert_eq!(msgs.len(), 2);
        assert!(msgs[0].ends_with("--B--\n"));
        assert!(msgs[1].starts_with("Subject: two"));
        assert!(msgs[1].contains("From me to you\nFrom a@example.jp yesterday"));
        assert!(is_dated_separator(
            b"From a@example.jp Mon Dec  7 06:00:06 UTC 2026\r\n"
        ));
        assert!(!is_dated_separator(b"From a@example.jp on Mon Dec 7\n"));
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert!(split("").is_empty());
        assert!(split("\n\n").is_empty());
        assert_eq!(split("From x\n").len(), 0);
    }

    #[test]
    fn positions_count_from_one() {
        let mbox = "From a\nA: 1\n\nx\n\nFrom b\nB: 2\n\ny\n";
        let idx: Vec<usize> = MboxReader::new(mbox.as_bytes())
            .map(|m| m.unwrap().index)
            .collect();
        assert_eq!(idx, [1, 2]);
    }

    #[test]
    fn a_message_over_the_limit_is_dropped_and_marked_and_the_next_is_read() {
        let big = "x".repeat(300);
        let mbox = format!("From a\nSubject: 1\n\n{big}\n{big}\n\nFrom b\nSubject: 2\n\nsmall\n");
        let got: Vec<MboxMessage> = MboxReader::with_limit(mbox.as_bytes(), 400)
            .map(Result::unwrap)
            .collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].truncated && got[0].bytes.is_empty());
        assert_eq!((got[1].index, got[1].truncated), (2, false));
        assert_eq!(got[1].bytes, b"Subject: 2\n\nsmall\n");
        // One line longer than the limit, at the end of the input.
        let long = format!("From a\nSubject: {}", "y".repeat(5000));
        let got: Vec<MboxMessage> = MboxReader::with_limit(long.as_bytes(), 1000)
            .map(Result::unwrap)
            .collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].truncated);
    }

    #[test]
    fn a_long_separator_line_is_skipped_whole() {
        let mbox = format!("From {}\nSubject: 1\n\none\n", "z".repeat(1000));
        let got: Vec<MboxMessage> = MboxReader::with_limit(mbox.as_bytes(), 600)
            .map(Result::unwrap)
            .collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].bytes, b"Subject: 1\n\none\n");
    }
}
