//! Test support: the corpus messages the detectors' tests read, and what a detector reads
//! of one.

use crate::detect::Detector;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The corpus message `name` (a file of `shared/corpus/maildir/bsd`), parsed.
pub(crate) fn corpus(name: &str) -> Message {
    Message::parse(&bouncedoc_testkit::corpus_bytes(name)).expect("parses")
}

/// The one recipient `detector` reads of the corpus message `name`; panics when it declines
/// the message or reads another number of recipients.
pub(crate) fn only_recipient(detector: &dyn Detector, name: &str) -> RecipientFacts {
    let d = detector
        .detect(&corpus(name))
        .unwrap_or_else(|| panic!("{} declines {name}", detector.id()));
    let [r] = <[RecipientFacts; 1]>::try_from(d.recipients)
        .unwrap_or_else(|all| panic!("{} reads {} recipients of {name}", detector.id(), all.len()));
    r
}

/// The reasons the engine gives the recipients of the corpus message `name`, read whole (a
/// detector states facts; the reason is the engine's).
pub(crate) fn diagnosed_reasons(name: &str) -> Vec<bouncedoc_core::Reason> {
    let engine = bouncedoc_core::Engine::new().unwrap();
    let raw = bouncedoc_testkit::corpus_bytes(name);
    crate::diagnose_bytes(&engine, &raw, bouncedoc_core::Lang::En)
        .expect("reads")
        .diagnoses
        .into_iter()
        .map(|(d, _)| d.reason)
        .collect()
}
