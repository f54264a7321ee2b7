//! The walk over many inputs that `parse` and `ingest` share: every message of every input,
//! in order, handed over in batches (so that the caller can work on a batch in parallel,
//! or record it in one transaction) while memory stays flat.

use std::io::{BufRead, Read};

use crate::input::mbox::MboxReader;
use crate::input::{Input, InputError, open};
use crate::record::Origin;

/// One message found in the inputs: where it came from, and its bytes or why they could not
/// be read.
#[derive(Debug)]
pub struct Job {
    /// Where it came from.
    pub origin: Origin,
    /// Its bytes, or the error that kept them from being read.
    pub bytes: std::io::Result<Vec<u8>>,
}

struct Batcher<F> {
    size: usize,
    batch: Vec<Job>,
    sink: F,
}

impl<E, F: FnMut(Vec<Job>) -> Result<(), E>> Batcher<F> {
    fn push(&mut self, origin: Origin, bytes: std::io::Result<Vec<u8>>) -> Result<(), E> {
        self.batch.push(Job { origin, bytes });
        if self.batch.len() >= self.size {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), E> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.size));
        (self.sink)(batch)
    }

    fn mbox(&mut self, name: &str, reader: impl BufRead) -> Result<(), E> {
        for message in MboxReader::new(reader) {
            let (index, bytes) = match message {
                Ok(m) => (Some(m.index), Ok(m.bytes)),
                Err(e) => (None, Err(e)),
            };
            let origin = Origin {
                source: name.to_string(),
                index,
            };
            self.push(origin, bytes)?;
        }
        Ok(())
    }

    fn stdin(&mut self) -> Result<(), E> {
        let origin = || Origin {
            source: "-".into(),
            index: None,
        };
        let mut stdin = std::io::stdin().lock();
        let is_mbox = match stdin.fill_buf() {
            Ok(head) => head.starts_with(b"From "),
            Err(e) => return self.push(origin(), Err(e)),
        };
        if is_mbox {
            return self.mbox("-", stdin);
        }
        let mut bytes = Vec::new();
        let read = stdin.read_to_end(&mut bytes).map(|_| bytes);
        self.push(origin(), read)
    }
}

/// Reads every message of `inputs` (as [`expand`](super::expand) gives them), in order, and
/// hands them to `sink` in batches of at most `size`: the message of each file, each
/// message of an mbox (streamed, never read whole), standard input (one message, or an mbox
/// when it starts with `From `). An input that cannot be read becomes a job that carries
/// the error, in its place, and the walk goes on. Stops at the first error of `sink`.
pub fn batches<E>(
    inputs: Vec<Result<Input, InputError>>,
    size: usize,
    sink: impl FnMut(Vec<Job>) -> Result<(), E>,
) -> Result<(), E> {
    let mut b = Batcher {
        size: size.max(1),
        batch: Vec::with_capacity(size.max(1)),
        sink,
    };
    for item in inputs {
        match item {
            Err(e) => {
                let origin = Origin {
                    source: e.path.clone(),
                    index: None,
                };
                b.push(origin, Err(e.source))?;
            }
            Ok(Input::Message(path)) => {
                let origin = Origin {
                    source: path.display().to_string(),
                    index: None,
                };
                b.push(origin, std::fs::read(&path))?;
            }
            Ok(inp @ Input::Mbox(_)) => match open(&inp) {
                Ok(reader) => b.mbox(&inp.name(), reader)?,
                Err(e) => {
                    let origin = Origin {
                        source: e.path.clone(),
                        index: None,
                    };
                    b.push(origin, Err(e.source))?;
                }
            },
            Ok(Input::Stdin) => b.stdin()?,
        }
    }
    b.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::expand;

    #[test]
    fn every_message_in_order_in_batches() {
        let dir = std::env::temp_dir().join(format!("bouncedoc-batch-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("folder")).unwrap();
        std::fs::write(dir.join("folder/a.eml"), "Subject: a\n\nA\n").unwrap();
        std::fs::write(dir.join("folder/b.eml"), "Subject: b\n\nB\n").unwrap();
        std::fs::write(
            dir.join("box"),
            "From x\nSubject: 1\n\n1\n\nFrom y\nSubject: 2\n\n2\n\nFrom z\nSubject: 3\n\n3\n",
        )
        .unwrap();
        let inputs = expand(&[dir.join("folder"), dir.join("missing"), dir.join("box")]);
        let mut seen = Vec::new();
        batches(inputs, 2, |batch| {
            seen.push(
                batch
                    .iter()
                    .map(|j| {
                        let name = std::path::Path::new(&j.origin.source)
                            .file_name()
                            .unwrap()
                            .to_string_lossy()
                            .into_owned();
                        match (&j.bytes, j.origin.index) {
                            (Err(_), _) => format!("{name}!"),
                            (Ok(_), Some(i)) => format!("{name}#{i}"),
                            (Ok(_), None) => name,
                        }
                    })
                    .collect::<Vec<_>>(),
            );
            Ok::<(), ()>(())
        })
        .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(
            seen,
            [
                vec!["a.eml", "b.eml"],
                vec!["missing!", "box#1"],
                vec!["box#2", "box#3"]
            ]
        );
    }
}
