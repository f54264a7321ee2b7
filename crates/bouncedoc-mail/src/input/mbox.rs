//! Splitting an mbox stream into messages, one at a time, so that memory stays flat however
//! large the file is.
//!
//! Written by hand: the mbox crates on crates.io read the whole file or are unmaintained,
//! and the format is one rule (a line starting `From ` after a blank line or at the start
//! opens a message; `>From ` lines are unescaped, mboxrd-style).

use std::io::BufRead;

/// A message longer than this is cut (and the cut is reported) rather than held whole.
pub const MAX_MESSAGE: usize = 32 << 20;

/// One message of an mbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MboxMessage {
    /// Its position in the mbox, from 1.
    pub index: usize,
    /// Its bytes, without the `From ` separator line.
    pub bytes: Vec<u8>,
    /// True when it was longer than [`MAX_MESSAGE`] and was cut.
    pub truncated: bool,
}

/// Reads messages from an mbox stream.
pub struct MboxReader<R> {
    reader: R,
    pending_separator: bool,
    index: usize,
    done: bool,
}

impl<R: BufRead> MboxReader<R> {
    /// Reads from `reader`.
    pub fn new(reader: R) -> MboxReader<R> {
        MboxReader {
            reader,
            pending_separator: false,
            index: 0,
            done: false,
        }
    }
}

fn is_separator(line: &[u8]) -> bool {
    line.starts_with(b"From ")
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
        loop {
            // Each line is read straight into the message and taken back out when it is a
            // separator (one copy of the message, not two).
            let start = bytes.len();
            match self.reader.read_until(b'\n', &mut bytes) {
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
            if is_separator(&bytes[start..]) && previous_blank {
                bytes.truncate(start);
                if !self.pending_separator && bytes.iter().all(u8::is_ascii_whitespace) {
                    // The first separator of the file.
                    self.pending_separator = true;
                    bytes.clear();
                    continue;
                }
                self.pending_separator = true;
                break;
            }
            let line = &bytes[start..];
            if line.starts_with(b">From ") || line.starts_with(b">>From ") {
                // mboxrd: one `>` of a quoted separator is dropped.
                bytes.remove(start);
            }
            let line = &bytes[start..];
            previous_blank = line == b"\n" || line == b"\r\n";
            if bytes.len() > MAX_MESSAGE {
                truncated = true;
                bytes.truncate(start);
            }
        }
        if bytes.iter().all(u8::is_ascii_whitespace) && self.done {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
