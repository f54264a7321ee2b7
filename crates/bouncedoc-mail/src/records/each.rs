//! The records of one message made one at a time ([`JobRecords`]), so that a front end
//! writes each before the next is made: a report of 200,000 recipients needs the memory of
//! its facts and one record, not that of every record and its output.

use bouncedoc_core::{Engine, Lang};

use crate::bounce::{Bounce, Kind};
use crate::diagnose::{Diagnoses, read_raw};
use crate::record::{Origin, RecipientRecord, Record};
use crate::records::cancel::{self, Cancelled};
use crate::records::guard::{MessageError, error_record, guarded};

/// The records of one message, made as they are asked for, each under the panic guard: one
/// per recipient, or one saying it is not a bounce, or one error record (bytes that could
/// not be read, a message that is not readable, a diagnosis that failed) naming the input
/// and why. A diagnosis that fails midway gives the records made before it and then the
/// error record; a job cancelled ([`Cancel`](crate::records::Cancel)) stops between two
/// recipients with an error record saying so.
pub struct JobRecords<'e> {
    engine: &'e Engine,
    lang: Lang,
    origin: Origin,
    stage: Stage,
}

enum Stage {
    Unread(std::io::Result<Vec<u8>>),
    /// Read ([`JobRecords::read_now`]), not yet diagnosed.
    Read(Box<Result<Bounce, MessageError>>),
    Diagnosing(Box<Diagnoses>),
    Failed(MessageError),
    Done,
}

impl<'e> JobRecords<'e> {
    pub(crate) fn new(
        engine: &'e Engine,
        lang: Lang,
        origin: Origin,
        bytes: std::io::Result<Vec<u8>>,
    ) -> JobRecords<'e> {
        JobRecords {
            engine,
            lang,
            origin,
            stage: Stage::Unread(bytes),
        }
    }

    /// Where the message came from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// How many recipients the message reports on, once it has been read (after the first
    /// record); `None` before, and for a message that gave no recipient record.
    pub fn recipients(&self) -> Option<usize> {
        match &self.stage {
            Stage::Diagnosing(d) => Some(d.len()),
            _ => None,
        }
    }

    /// Why the message gave an error record, once it has (the last record).
    pub fn error(&self) -> Option<&MessageError> {
        match &self.stage {
            Stage::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// Reads the message now (parses it and finds its recipients and their words), and
    /// leaves its diagnoses for the records asked for later; a message already read is
    /// left as it is. A front end that reads a few messages before it diagnoses them
    /// keeps each stage's code and tables in the processor's caches for several messages
    /// in a row (see `docs/perf/throughput.md`).
    pub fn read_now(&mut self) {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Unread(Ok(bytes)) => Stage::Read(Box::new(guarded(|| read_raw(&bytes)))),
            other => other,
        };
    }

    /// The first record of a message read: its first diagnosis, or a record saying it is
    /// not a bounce, or its error record.
    fn after_read(&mut self, read: Result<Bounce, MessageError>) -> Option<Record> {
        let bounce = match read {
            Ok(b) => b,
            Err(e) => return Some(self.failed(e)),
        };
        if bounce.kind == Kind::NotBounce || bounce.recipients.is_empty() {
            return Some(Record::NotBounce {
                origin: self.origin.clone(),
                kind: Kind::NotBounce,
                subject: bounce.message.subject,
            });
        }
        self.stage = Stage::Diagnosing(Box::new(Diagnoses::new(bounce)));
        self.next()
    }

    fn failed(&mut self, error: MessageError) -> Record {
        let record = error_record(self.origin.clone(), &error);
        self.stage = Stage::Failed(error);
        record
    }
}

impl Iterator for JobRecords<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Done => None,
            Stage::Failed(e) => {
                self.stage = Stage::Failed(e);
                None
            }
            Stage::Unread(Err(e)) => Some(self.failed(MessageError::Read(e))),
            Stage::Unread(Ok(bytes)) => {
                let read = guarded(|| read_raw(&bytes));
                drop(bytes);
                self.after_read(read)
            }
            Stage::Read(read) => self.after_read(*read),
            Stage::Diagnosing(mut each) => {
                if cancel::requested() {
                    return Some(self.failed(MessageError::Cancelled(Cancelled)));
                }
                let (engine, lang) = (self.engine, self.lang);
                let made = match guarded(|| Ok(each.next(engine, lang))) {
                    Ok(Some(made)) => made,
                    Ok(None) => return None,
                    Err(e) => return Some(self.failed(e)),
                };
                let (diagnosis, feedback_type) = made;
                let kind = each.kind();
                // Each record carries the message's facts: copied for all but the last,
                // which takes them.
                let message = if each.made() < each.len() {
                    let message = each.message().clone();
                    self.stage = Stage::Diagnosing(each);
                    message
                } else {
                    each.into_message().1
                };
                Some(Record::Recipient(Box::new(RecipientRecord {
                    origin: self.origin.clone(),
                    kind,
                    diagnosis,
                    feedback_type,
                    message,
                })))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{Cancel, Job};

    fn dsn(recipients: usize) -> Vec<u8> {
        let mut m = String::from(
            "From: MAILER-DAEMON@mx.example.net\nSubject: Delivery Status Notification (Failure)\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n",
        );
        for i in 0..recipients {
            m.push_str(&format!(
                "\nFinal-Recipient: rfc822; u{i}@example.jp\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <u{i}@example.jp>... User unknown\n"
            ));
        }
        m.push_str("\n--B--\n");
        m.into_bytes()
    }

    fn json(records: impl IntoIterator<Item = Record>) -> Vec<String> {
        records
            .into_iter()
            .map(|r| serde_json::to_string(&r).unwrap())
            .collect()
    }

    /// One at a time or all at once, the records are the same.
    #[test]
    fn the_records_made_one_at_a_time_are_those_of_the_whole_report() {
        let engine = Engine::new().unwrap();
        for raw in [
            dsn(1),
            dsn(3),
            b"Subject: hi\n\nhello\n".to_vec(),
            b"   \n".to_vec(),
        ] {
            let origin = Origin {
                source: "m.eml".into(),
                index: Some(4),
            };
            let whole = match crate::records::read_message(&engine, &origin, &raw, Lang::Ja) {
                Ok(records) => records,
                Err(e) => vec![error_record(origin.clone(), &e)],
            };
            let job = Job::new("m.eml", Some(4), Ok(raw.clone()));
            assert_eq!(json(job.stream(&engine, Lang::Ja)), json(whole));
        }
    }

    /// A message read ahead ([`JobRecords::read_now`]) gives the records it gives when read
    /// at its first record: bounces, a message that is not one, and unreadable bytes.
    #[test]
    fn a_message_read_ahead_gives_the_same_records() {
        let engine = Engine::new().unwrap();
        for raw in [
            dsn(2),
            b"Subject: hi\n\nhello\n".to_vec(),
            b"   \n".to_vec(),
        ] {
            let lazy = Job::new("m", Some(1), Ok(raw.clone())).stream(&engine, Lang::En);
            let mut ahead = Job::new("m", Some(1), Ok(raw)).stream(&engine, Lang::En);
            ahead.read_now();
            ahead.read_now();
            assert_eq!(json(ahead), json(lazy));
        }
    }

    #[test]
    fn the_count_of_recipients_is_known_after_the_first_record() {
        let engine = Engine::new().unwrap();
        let mut each = Job::new("m", None, Ok(dsn(5))).stream(&engine, Lang::En);
        assert_eq!(each.recipients(), None);
        assert!(matches!(each.next(), Some(Record::Recipient(_))));
        assert_eq!(each.recipients(), Some(5));
        assert_eq!(each.count(), 4);
    }

    #[test]
    fn a_cancelled_job_stops_between_recipients_with_an_error_record() {
        let engine = Engine::new().unwrap();
        let cancel = Cancel::new();
        let records: Vec<Record> = cancel.scope(|| {
            let mut each = Job::new("m", None, Ok(dsn(50))).stream(&engine, Lang::En);
            let mut out: Vec<Record> = each.by_ref().take(2).collect();
            cancel.cancel();
            out.extend(each);
            out
        });
        assert_eq!(records.len(), 3, "two recipients, then the stop");
        let Record::Error { error, .. } = &records[2] else {
            panic!("not an error record: {:?}", records[2]);
        };
        assert!(error.starts_with("cancelled"), "{error}");

        let mut each = Job::new("m", None, Ok(b"  ".to_vec())).stream(&engine, Lang::En);
        assert!(each.error().is_none());
        assert!(matches!(each.next(), Some(Record::Error { .. })));
        assert!(matches!(
            each.error(),
            Some(MessageError::Mail(crate::MailError::Empty))
        ));
        assert!(each.next().is_none());
    }
}
