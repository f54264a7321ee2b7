//! Test support: the corpus messages the detectors' tests read.

use crate::message::Message;

/// The corpus message `name` (a file of `shared/corpus/maildir/bsd`), parsed.
pub(crate) fn corpus(name: &str) -> Message {
    Message::parse(&bouncedoc_testkit::corpus_bytes(name)).expect("parses")
}
