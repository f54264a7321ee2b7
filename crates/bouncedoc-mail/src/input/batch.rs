//! The walk over many inputs that `parse` and `ingest` share: every message of every input,
//! in order, handed over in batches (so that the caller can work on a batch in parallel,
//! or record it in one transaction) while memory stays flat.

use std::io::BufRead;

use crate::input::{Input, InputError, open};
pub use crate::records::Job;
use crate::records::{DEFAULT_MAX_MESSAGE_BYTES, Messages};

/// Every message of the inputs (as [`expand`](super::expand) gives them), in order, one at
/// a time: the messages of each input as [`Messages`] finds them (one message, or each
/// message of an mbox, streamed, never read whole; none held longer than the limit). An
/// input that cannot be read becomes a job that carries the error, in its place, and the
/// walk goes on. It is [`Send`], so that threads can take turns reading from one walk.
pub struct Jobs {
    inputs: std::vec::IntoIter<Result<Input, InputError>>,
    /// The messages of the input being read.
    current: Option<Messages<Box<dyn BufRead + Send>>>,
    /// The most bytes one message may have.
    limit: usize,
}

impl Jobs {
    /// A walk over `inputs`, with the limit of [`DEFAULT_MAX_MESSAGE_BYTES`] per message.
    pub fn new(inputs: Vec<Result<Input, InputError>>) -> Jobs {
        Jobs::with_limit(inputs, DEFAULT_MAX_MESSAGE_BYTES)
    }

    /// A walk over `inputs` in which a message longer than `limit` bytes gives an error job
    /// (see [`Messages::with_limit`]).
    pub fn with_limit(inputs: Vec<Result<Input, InputError>>, limit: usize) -> Jobs {
        Jobs {
            inputs: inputs.into_iter(),
            current: None,
            limit,
        }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(messages) = &mut self.current {
                if let Some(job) = messages.next() {
                    return Some(job);
                }
                self.current = None;
            }
            let input = match self.inputs.next()? {
                Ok(input) => input,
                Err(e) => return Some(Job::new(&e.path, None, Err(e.source))),
            };
            match open(&input) {
                Ok(reader) => {
                    self.current = Some(Messages::with_limit(reader, input.name(), self.limit))
                }
                Err(e) => return Some(Job::new(&e.path, None, Err(e.source))),
            }
        }
    }
}

/// Reads every message of `jobs`, and hands them to `sink` in batches of at most `size`.
/// Stops at the first error of `sink`.
pub fn batches<E>(
    mut jobs: Jobs,
    size: usize,
    mut sink: impl FnMut(Vec<Job>) -> Result<(), E>,
) -> Result<(), E> {
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
        batches(Jobs::new(inputs), 2, |batch| {
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
