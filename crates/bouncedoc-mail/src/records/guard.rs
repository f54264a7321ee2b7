//! The diagnosis of one message under a panic guard, and the error record of a message that
//! gave none.

use std::panic::{AssertUnwindSafe, catch_unwind};

use bouncedoc_core::{Engine, Lang};

use crate::MailError;
use crate::diagnose::MessageReport;
use crate::record::{Origin, Record, records};
use crate::records::cancel::Cancelled;

/// Why one message gave no records but an error record.
#[derive(Debug, thiserror::Error)]
pub enum MessageError {
    /// Its bytes could not be read.
    #[error(transparent)]
    Read(#[from] std::io::Error),
    /// Its bytes are not a readable message.
    #[error(transparent)]
    Mail(#[from] MailError),
    /// The diagnosis failed on it (a panic, with its message when it has one).
    #[error("internal error: the diagnosis of this message failed{}", cause_suffix(.0))]
    Internal(Option<String>),
    /// The job was cancelled before this message was done (see
    /// [`Cancel`](crate::records::Cancel)).
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

fn cause_suffix(cause: &Option<String>) -> String {
    cause.as_ref().map_or(String::new(), |c| format!(": {c}"))
}

/// Runs `diagnose`; a panic in it becomes [`MessageError::Internal`] instead of ending the
/// run.
pub(crate) fn guarded<T>(
    diagnose: impl FnOnce() -> Result<T, MailError>,
) -> Result<T, MessageError> {
    match catch_unwind(AssertUnwindSafe(diagnose)) {
        Ok(result) => result.map_err(MessageError::Mail),
        Err(payload) => {
            let cause = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned());
            Err(MessageError::Internal(cause))
        }
    }
}

/// [`diagnose_bytes`](crate::diagnose_bytes) of one message, under the panic guard: for a
/// caller that shows the report itself rather than its records. A job cancelled midway
/// gives [`MessageError::Cancelled`].
pub fn diagnose_guarded(
    engine: &Engine,
    bytes: &[u8],
    lang: Lang,
) -> Result<MessageReport, MessageError> {
    let report = guarded(|| crate::diagnose_bytes(engine, bytes, lang))?;
    not_cancelled()?;
    Ok(report)
}

/// A job cancelled midway has made only some diagnoses: none of them is an answer.
fn not_cancelled() -> Result<(), MessageError> {
    if crate::records::cancel_requested() {
        return Err(MessageError::Cancelled(Cancelled));
    }
    Ok(())
}

/// [`diagnose_guarded`] of only the first `first` recipients (the others are not diagnosed),
/// with the number of recipients the message reports on: for a caller that shows the first
/// ones and counts the rest (the HTTP page). A job cancelled stops between recipients.
pub fn diagnose_guarded_first(
    engine: &Engine,
    bytes: &[u8],
    lang: Lang,
    first: usize,
) -> Result<(MessageReport, usize), MessageError> {
    let mut each = guarded(|| crate::read_raw(bytes).map(crate::Diagnoses::new))?;
    let total = each.len();
    let mut diagnoses = Vec::with_capacity(first.min(total));
    while diagnoses.len() < first {
        not_cancelled()?;
        match guarded(|| Ok(each.next(engine, lang)))? {
            Some(d) => diagnoses.push(d),
            None => break,
        }
    }
    let (kind, message) = each.into_message();
    let report = MessageReport {
        kind,
        message,
        diagnoses,
    };
    Ok((report, total))
}

/// The records of one message (one per recipient, or one saying it is not a bounce), or
/// why it gave none (a job cancelled midway: [`MessageError::Cancelled`]).
pub fn read_message(
    engine: &Engine,
    origin: &Origin,
    bytes: &[u8],
    lang: Lang,
) -> Result<Vec<Record>, MessageError> {
    let report = guarded(|| crate::diagnose_bytes(engine, bytes, lang))?;
    not_cancelled()?;
    Ok(records(origin, report))
}

/// The record of a message that gave no diagnosis: where it came from and why.
pub fn error_record(origin: Origin, error: &MessageError) -> Record {
    Record::Error {
        origin,
        error: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            source: "box".into(),
            index: Some(2),
        }
    }

    #[test]
    fn a_panic_becomes_an_error_record_with_its_cause() {
        let result: Result<(), _> = guarded(|| panic!("index out of range"));
        let error = result.unwrap_err();
        assert!(matches!(error, MessageError::Internal(Some(_))));
        let Record::Error { origin, error } = error_record(origin(), &error) else {
            panic!("not an error record");
        };
        assert_eq!(origin.index, Some(2));
        assert_eq!(
            error,
            "internal error: the diagnosis of this message failed: index out of range"
        );
        let formatted: Result<(), _> = guarded(|| panic!("bad part {}", 3));
        assert!(formatted.unwrap_err().to_string().ends_with(": bad part 3"));
    }

    #[test]
    fn a_message_error_keeps_the_readers_words() {
        let engine = Engine::new().unwrap();
        let error = read_message(&engine, &origin(), b"", Lang::En).unwrap_err();
        assert!(matches!(error, MessageError::Mail(MailError::Empty)));
        assert_eq!(error.to_string(), MailError::Empty.to_string());
        let records = read_message(&engine, &origin(), b"Subject: hi\n\nhello\n", Lang::En);
        assert!(matches!(
            records.unwrap().as_slice(),
            [Record::NotBounce { .. }]
        ));
    }

    #[test]
    fn the_first_recipients_are_diagnosed_and_the_others_counted() {
        let engine = Engine::new().unwrap();
        let mut raw = String::from(
            "From: MAILER-DAEMON@example.net\nSubject: failure\nContent-Type: multipart/report; report-type=delivery-status; boundary=B\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; example.net\n",
        );
        for i in 0..7 {
            raw.push_str(&format!(
                "\nFinal-Recipient: rfc822; u{i}@example.jp\nAction: failed\nStatus: 5.1.1\n"
            ));
        }
        raw.push_str("\n--B--\n");
        let whole = diagnose_guarded(&engine, raw.as_bytes(), Lang::En).unwrap();
        let (first, total) = diagnose_guarded_first(&engine, raw.as_bytes(), Lang::En, 3).unwrap();
        assert_eq!(total, 7);
        assert_eq!(first.diagnoses, whole.diagnoses[..3]);
        assert_eq!(first.message, whole.message);
    }
}
