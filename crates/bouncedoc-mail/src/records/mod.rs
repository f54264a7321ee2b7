//! One path from bytes to records, the one every front end takes (`parse`, `ingest`, the
//! HTTP API and page, the ledger): [`Messages`] splits one input, read from a buffered
//! reader, into messages (an mbox when it starts with `From `, else one message), one at a
//! time; [`Job::records`] diagnoses one message under a panic guard and gives its records,
//! or one error record naming the input and the cause; [`Job::stream`] makes the same
//! records one at a time. A [`Cancel`] stops a job between messages and between recipients.

mod cancel;
mod each;
mod guard;
mod stream;

pub use cancel::{Cancel, Cancelled, requested as cancel_requested};
pub use each::JobRecords;
pub use guard::{
    MessageError, diagnose_guarded, diagnose_guarded_first, error_record, read_message,
};
pub use stream::{
    DEFAULT_MAX_MESSAGE_BYTES, Job, Messages, TooLarge, starts_like_mbox, starts_with_header,
};
