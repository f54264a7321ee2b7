//! Following a growing log file, as `tail -F` does: each [`Follow::poll`] gives the whole
//! lines written since the one before, and the file is reopened when it was rotated.
//!
//! Rotation is seen in two ways. When the path names another file than the one open (its
//! inode changed: `logrotate` renamed the log and the server created a new one), what is
//! left of the old file is read to its end first, then the new one from its start; while
//! the path names no file, the old one is still read (a server goes on writing to it until
//! it reopens its log). When the file open is shorter than what was read of it (it was
//! truncated in place, as `copytruncate` does), it is read again from its start. A line
//! without its line break is held until the break arrives (or the file is left).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Bytes read at a time.
const CHUNK: usize = 1 << 16;

/// The identity of a file: its device and inode (on systems without inodes, none).
fn identity(meta: &std::fs::Metadata) -> (u64, u64) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 0)
    }
}

/// What one poll found besides the lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Polled {
    /// Where, in the lines given, those read from a file's start begin (a new file, or the
    /// same one truncated): line numbers start again there.
    pub restart: Option<usize>,
    /// The file at the path was opened anew (it was rotated, or it appeared); the lines
    /// after the ones of the old file are the new file's, from its first.
    pub reopened: bool,
    /// The file was truncated and is read again from its start.
    pub truncated: bool,
}

/// A log file followed.
#[derive(Debug)]
pub struct Follow {
    path: PathBuf,
    file: Option<(File, (u64, u64))>,
    offset: u64,
    partial: Vec<u8>,
    chunk: Vec<u8>,
}

impl Follow {
    /// Follows the file at `path` from its start (it need not exist yet).
    pub fn new(path: &Path) -> Follow {
        Follow {
            path: path.to_path_buf(),
            file: None,
            offset: 0,
            partial: Vec::new(),
            chunk: vec![0; CHUNK],
        }
    }

    /// The path followed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the whole lines written since the last poll into `lines` (without their line
    /// breaks, invalid UTF-8 replaced).
    pub fn poll(&mut self, lines: &mut Vec<String>) -> std::io::Result<Polled> {
        let mut polled = Polled::default();
        if self.file.is_none() && self.open()? {
            polled.reopened = true;
            polled.restart = Some(lines.len());
        }
        self.drain(lines)?;
        let current = std::fs::metadata(&self.path).ok().map(|m| identity(&m));
        let open = self.file.as_ref().map(|(_, id)| *id);
        if current.is_some() && current != open && open.is_some() {
            // Rotated: the old file has been read to its end; a last line without its
            // break is whole now.
            self.take_partial(lines);
            self.file = None;
            if self.open()? {
                polled.reopened = true;
                polled.restart = Some(lines.len());
            }
            self.drain(lines)?;
        } else if let Some((file, _)) = &self.file
            && file.metadata()?.len() < self.offset
        {
            self.partial.clear();
            self.offset = 0;
            if let Some((file, _)) = &mut self.file {
                file.seek(SeekFrom::Start(0))?;
            }
            polled.truncated = true;
            polled.restart = Some(lines.len());
            self.drain(lines)?;
        }
        Ok(polled)
    }

    /// Opens the path, if it names a file now: whether it did.
    fn open(&mut self) -> std::io::Result<bool> {
        match File::open(&self.path) {
            Ok(file) => {
                let id = identity(&file.metadata()?);
                self.file = Some((file, id));
                self.offset = 0;
                self.partial.clear();
                Ok(true)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Reads the open file to its end, splitting it into lines.
    fn drain(&mut self, lines: &mut Vec<String>) -> std::io::Result<()> {
        let Some((file, _)) = &mut self.file else {
            return Ok(());
        };
        loop {
            let n = match file.read(&mut self.chunk) {
                Ok(0) => return Ok(()),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            self.offset += n as u64;
            let mut rest = &self.chunk[..n];
            while let Some(at) = memchr::memchr(b'\n', rest) {
                self.partial.extend_from_slice(&rest[..at]);
                lines.push(String::from_utf8_lossy(&self.partial).into_owned());
                self.partial.clear();
                rest = &rest[at + 1..];
            }
            self.partial.extend_from_slice(rest);
        }
    }

    fn take_partial(&mut self, lines: &mut Vec<String>) {
        if !self.partial.is_empty() {
            lines.push(String::from_utf8_lossy(&self.partial).into_owned());
            self.partial.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_testkit::append;

    fn poll(f: &mut Follow) -> (Vec<String>, Polled) {
        let mut lines = Vec::new();
        let polled = f.poll(&mut lines).unwrap();
        (lines, polled)
    }

    #[test]
    fn whole_lines_as_they_are_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("maillog");
        let mut f = Follow::new(&path);
        assert_eq!(poll(&mut f).0, Vec::<String>::new());
        append(&path, "one\ntw");
        let (lines, polled) = poll(&mut f);
        assert_eq!(lines, ["one"]);
        assert!(polled.reopened);
        assert_eq!(polled.restart, Some(0));
        append(&path, "o\nthree\n");
        let (lines, polled) = poll(&mut f);
        assert_eq!(lines, ["two", "three"]);
        assert_eq!(polled, Polled::default());
        assert!(poll(&mut f).0.is_empty());
    }

    #[test]
    fn a_renamed_log_is_read_to_its_end_then_the_new_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("maillog");
        append(&path, "a\n");
        let mut f = Follow::new(&path);
        assert_eq!(poll(&mut f).0, ["a"]);
        std::fs::rename(&path, dir.path().join("maillog.1")).unwrap();
        // Written to the old file after the rename, before the server reopened its log.
        append(&dir.path().join("maillog.1"), "b\nc");
        let (lines, polled) = poll(&mut f);
        assert_eq!(lines, ["b"]);
        assert!(!polled.reopened);
        append(&path, "d\n");
        let (lines, polled) = poll(&mut f);
        assert_eq!(lines, ["c", "d"]);
        assert!(polled.reopened);
        assert_eq!(polled.restart, Some(1));
    }

    #[test]
    fn a_truncated_log_is_read_again_from_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("maillog");
        append(&path, "first line\nsecond line\n");
        let mut f = Follow::new(&path);
        assert_eq!(poll(&mut f).0.len(), 2);
        std::fs::write(&path, "x\n").unwrap();
        let (lines, polled) = poll(&mut f);
        assert_eq!(lines, ["x"]);
        assert!(polled.truncated);
        assert_eq!(polled.restart, Some(0));
    }
}
