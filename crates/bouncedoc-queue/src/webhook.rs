//! A webhook's body taken from the stream: read and diagnosed as `bouncedoc serve` does
//! when it records the webhook itself (the same events, keyed by the service's event ids,
//! so that one event arriving both ways is recorded once). The body was verified by the
//! service that published it; the stream is trusted as the ledger is.

use bouncedoc_core::{Engine, Lang};
use bouncedoc_ledger::Prepared;
use bouncedoc_mail::record::Record;
use bouncedoc_webhooks::{Service, diagnose, ledger::new_event, parse};

use crate::envelope::Envelope;

/// The events of `service`'s webhook `body`; a body or an event that cannot be read becomes
/// an error record (the message is acknowledged, never retried).
pub fn prepare(engine: &Engine, service: &str, envelope: &Envelope, body: &[u8]) -> Prepared {
    let origin = envelope.origin.clone();
    let service: Service = match service.parse() {
        Ok(s) => s,
        Err(e) => return Prepared::unreadable(origin, format!("a webhook of {service:?}: {e}")),
    };
    let parsed = match parse(service, body) {
        Ok(p) => p,
        Err(e) => return Prepared::unreadable(origin, e.to_string()),
    };
    let source = format!("webhook:{service}");
    let mut prepared = Prepared {
        origin: origin.clone(),
        records: Vec::new(),
        events: Vec::new(),
    };
    for e in &parsed.events {
        let d = diagnose(engine, e, Lang::En);
        match new_event(&d, &source, envelope.fallback_time) {
            Ok(event) => prepared.events.push(event),
            Err(err) => prepared.records.push(Record::Error {
                origin: origin.clone(),
                error: format!("{}: {err}", e.event_id),
            }),
        }
    }
    prepared
}
