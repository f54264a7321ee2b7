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

/// Every message of the inputs (as [`expand`](super::expand) gives them), in order, one at
/// a time: the message of each file, each message of an mbox (streamed, never read whole),
/// standard input (one message, or an mbox when it starts with `From `). An input that
/// cannot be read becomes a job that carries the error, in its place, and the walk goes
/// on. It is [`Send`], so that threads can take turns reading from one walk.
pub struct Jobs {
    inputs: std::vec::IntoIter<Result<Input, InputError>>,
    /// The mbox being read, and its name.
    mbox: Option<(String, MboxReader<Box<dyn BufRead + Send>>)>,
}

impl Jobs {
    /// A walk over `inputs`.
    pub fn new(inputs: Vec<Result<Input, InputError>>) -> Jobs {
        Jobs {
            inputs: inputs.into_iter(),
            mbox: None,
        }
    }

    /// Standard input: a job for one message, or `None` once it is open as an mbox.
    fn stdin(&mut self) -> Option<Job> {
        let mut stdin = match open(&Input::Stdin) {
            Ok(reader) => reader,
            Err(e) => return Some(job("-", None, Err(e.source))),
        };
        let is_mbox = match stdin.fill_buf() {
            Ok(head) => head.starts_with(b"From "),
            Err(e) => return Some(job("-", None, Err(e))),
        };
        if is_mbox {
            self.mbox = Some(("-".to_string(), MboxReader::new(stdin)));
            return None;
        }
        let mut bytes = Vec::new();
        let read = stdin.read_to_end(&mut bytes).map(|_| bytes);
        Some(job("-", None, read))
    }
}

fn job(source: &str, index: Option<usize>, bytes: std::io::Result<Vec<u8>>) -> Job {
    Job {
        origin: Origin {
            source: source.to_string(),
            index,
        },
        bytes,
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some((name, reader)) = &mut self.mbox {
                match reader.next() {
                    Some(Ok(m)) => return Some(job(name, Some(m.index), Ok(m.bytes))),
                    Some(Err(e)) => return Some(job(name, None, Err(e))),
                    None => self.mbox = None,
                }
            }
            match self.inputs.next()? {
                Err(e) => return Some(job(&e.path, None, Err(e.source))),
                Ok(Input::Message(path)) => {
                    return Some(job(&path.display().to_string(), None, std::fs::read(&path)));
                }
                Ok(inp @ Input::Mbox(_)) => match open(&inp) {
                    Ok(reader) => self.mbox = Some((inp.name(), MboxReader::new(reader))),
                    Err(e) => return Some(job(&e.path, None, Err(e.source))),
                },
                Ok(Input::Stdin) => {
                    if let Some(job) = self.stdin() {
                        return Some(job);
                    }
                }
            }
        }
    }
}

/// Reads every message of `inputs`, as [`Jobs`] does, and hands them to `sink` in batches
/// of at most `size`. Stops at the first error of `sink`.
pub fn batches<E>(
    inputs: Vec<Result<Input, InputError>>,
    size: usize,
    mut sink: impl FnMut(Vec<Job>) -> Result<(), E>,
) -> Result<(), E> {
    let mut jobs = Jobs::new(inputs);
    loop {
        let batch: Vec<Job> = jobs.by_ref().take(size.max(1)).collect();
        if batch.is_empty() {
            return Ok(());
        }
        sink(batch)?;
    }
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
