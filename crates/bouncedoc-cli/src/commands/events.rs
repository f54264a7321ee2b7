//! Files of sending services' webhook events, for `parse` and `ingest`: an input whose
//! first byte that is not white space is `{` or `[` is read as JSON lines (one event, or
//! one array of events, per line) or one JSON array, each object read as the service whose
//! documented shape it has (SNS envelopes and bare SES messages, SendGrid, Mailgun,
//! Postmark, SparkPost, Brevo, Mailjet, Resend; crate `bouncedoc-webhooks`). Each event
//! gives one record (`message.detector` `webhook-<service>`), with the item's position in
//! the file as its index; an item that is not one gives an error record; an item whose
//! events bouncedoc does not record (opens, clicks) gives a not-bounce record.

use bouncedoc_core::{Engine, Lang};
use bouncedoc_ledger::Prepared;
use bouncedoc_mail::bounce::Kind;
use bouncedoc_mail::input::batch::Job;
use bouncedoc_mail::record::{Origin, Record};
use bouncedoc_webhooks::services::{read_events, sniff};
use bouncedoc_webhooks::{diagnose, records};

/// The bytes of a job that holds events, when it does.
fn events_of(job: &Job) -> Option<&[u8]> {
    match &job.bytes {
        Ok(bytes) if sniff(bytes) => Some(bytes),
        _ => None,
    }
}

/// Each item's records and events, in the order of the file.
fn read(engine: &Engine, lang: Lang, job: &Job, bytes: &[u8], now: i64) -> Prepared {
    let mut records_out = Vec::new();
    let mut events = Vec::new();
    for item in read_events(bytes) {
        let origin = Origin {
            source: job.origin.source.clone(),
            index: Some(item.index),
        };
        match item.result {
            Err(e) => records_out.push(Record::Error {
                origin,
                error: e.to_string(),
            }),
            Ok(parsed) if parsed.events.is_empty() => records_out.push(Record::NotBounce {
                origin,
                kind: Kind::NotBounce,
                subject: None,
            }),
            Ok(parsed) => {
                let diagnosed: Vec<_> = parsed
                    .events
                    .iter()
                    .map(|e| diagnose(engine, e, lang))
                    .collect();
                let source = format!("{}#{}", origin.source, item.index);
                let mut ok = Vec::new();
                for d in diagnosed {
                    match bouncedoc_webhooks::ledger::new_event(&d, &source, now) {
                        Ok(event) => {
                            events.push(event);
                            ok.push(d);
                        }
                        Err(e) => records_out.push(Record::Error {
                            origin: origin.clone(),
                            error: e.to_string(),
                        }),
                    }
                }
                records_out.extend(records(&origin, ok));
            }
        }
    }
    Prepared {
        origin: job.origin.clone(),
        records: records_out,
        events,
    }
}

/// `parse`: the records of a job that holds events; `None` when it holds a message.
pub fn parse_records(engine: &Engine, lang: Lang, job: &Job) -> Option<Vec<Record>> {
    let bytes = events_of(job)?;
    Some(read(engine, lang, job, bytes, 0).records)
}

/// `ingest`: the records and ledger events of a job that holds events (an event without a
/// time of its own is dated `now`); `None` when it holds a message.
pub fn prepare(engine: &Engine, job: &Job, now: i64) -> Option<Prepared> {
    let bytes = events_of(job)?;
    Some(read(engine, Lang::En, job, bytes, now))
}
