//! Where messages come from: `.eml` files, folders of them, Maildir folders, mbox files
//! (read as a stream) and standard input; [`batch::Jobs`] walks them all in order, reading
//! each with [`Messages`](crate::records::Messages).

pub mod batch;
pub mod mbox;

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;

use walkdir::WalkDir;

/// One input the user named, expanded: a file, or standard input. Each holds one message,
/// or an mbox when it starts with `From `, as its reader shows when it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// A failure to find or open an input.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct InputError {
    /// The path that failed.
    pub path: String,
    /// Why.
    #[source]
    pub source: std::io::Error,
}

/// Expands the paths a user gave: folders are walked (sorted, so that output order is
/// stable; Maildir's `tmp/` is skipped, since messages there are still being written, and
/// so are names starting with `.`), and `-` is standard input. In a folder, symbolic links
/// are followed (a link to a message file is read, a link to a folder walked), and
/// anything that is not a folder (a file, a FIFO) is an input. Paths that cannot be read,
/// dangling links and link loops among them, are returned as errors, in place.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(source) => {
                out.push(Err(InputError {
                    path: path.display().to_string(),
                    source,
                }));
                continue;
            }
        };
        if !meta.is_dir() {
            out.push(Ok(Input::File(path.clone())));
            continue;
        }
        let walker = WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !(e.file_type().is_dir() && e.file_name() == "tmp" && e.depth() > 0));
        for entry in walker {
            match entry {
                Ok(e) if !e.file_type().is_dir() => {
                    let name = e.file_name().to_string_lossy();
                    if name.starts_with('.') {
                        continue;
                    }
                    out.push(Ok(Input::File(e.into_path())));
                }
                Ok(_) => {}
                Err(err) => out.push(Err(InputError {
                    path: err
                        .path()
                        .map_or(path.display().to_string(), |p| p.display().to_string()),
                    source: err
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("walk failed")),
                })),
            }
        }
    }
    out
}

/// The buffer of a reader over an input: an mbox is read a line at a time, so each read
/// from the file or the pipe brings many lines.
const READ_BUFFER: usize = 1 << 16;

/// Opens an input as a buffered reader.
pub fn open(input: &Input) -> Result<Box<dyn BufRead + Send>, InputError> {
    match input {
        Input::Stdin => Ok(Box::new(BufReader::with_capacity(
            READ_BUFFER,
            std::io::stdin(),
        ))),
        Input::File(p) => File::open(p)
            .map(|f| Box::new(BufReader::with_capacity(READ_BUFFER, f)) as Box<dyn BufRead + Send>)
            .map_err(|source| InputError {
                path: p.display().to_string(),
                source,
            }),
    }
}

impl Input {
    /// How the input is named in results.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}
