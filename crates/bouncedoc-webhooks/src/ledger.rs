//! Diagnosed events as the bounce ledger records them (feature `ledger`). An event is known
//! by its service and the service's event id (message key `webhook:<service>:<event id>`),
//! so that the same event posted twice, or read again from a file, is recorded once.
//! Complaints are recorded as feedback, delays with the action `delayed` (a warning, never
//! counted toward a suppression), deliveries with `delivered` (never suppress).

use bouncedoc_ledger::{LedgerError, NewEvent, normalize_address};

use crate::diagnose::Diagnosed;
use crate::event::EventKind;

/// The ledger's key of an event.
pub fn event_key(d: &Diagnosed) -> String {
    format!("webhook:{}:{}", d.event.service, d.event.event_id)
}

/// One diagnosed event as a ledger event; `source` names where it came from (the route,
/// or a file and its item), `fallback_time` dates an event that carries no time. An
/// address the ledger cannot keep is an error.
pub fn new_event(d: &Diagnosed, source: &str, fallback_time: i64) -> Result<NewEvent, LedgerError> {
    let dx = &d.diagnosis;
    let address = match d.event.recipient.as_deref().or(dx.recipient.as_deref()) {
        Some(a) => Some(normalize_address(a)?).filter(|a| !a.is_empty()),
        None => None,
    };
    let clean = |s: &str| s.replace('\0', "\u{fffd}");
    Ok(NewEvent {
        message_key: event_key(d),
        recipient_index: 1,
        address,
        occurred_at: d.event.timestamp.unwrap_or(fallback_time),
        reply_code: dx.reply_code.map(i64::from),
        status: dx.status.map(|s| s.to_string()),
        reason: dx.reason,
        hard_bounce: dx.hard_bounce,
        retry: dx.retry,
        party: dx.party,
        action: d.action(),
        feedback_type: (d.event.kind == EventKind::Complaint)
            .then(|| clean(d.event.feedback_type.as_deref().unwrap_or("abuse"))),
        provider: dx.provider.as_deref().map(clean),
        mta: Some(d.event.service.detector().to_string()),
        diagnostic: clean(&dx.diagnostic),
        message_id: None,
        original_message_id: d.event.message_id.as_deref().map(clean),
        source: clean(source),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::diagnose;
    use crate::event::Service;
    use crate::services::parse;
    use bouncedoc_core::{Action, Engine, Lang, Reason};

    #[test]
    fn events_are_keyed_by_service_and_id() {
        let engine = Engine::new().unwrap();
        let body = br#"[{"event":"deferred","email":"Taro@Example.JP","timestamp":1714555800,"sg_event_id":"sg-9",
                         "response":"451 4.3.0 try later"},
                        {"event":"spamreport","email":"a@example.jp","timestamp":1714555801,"sg_event_id":"sg-10"}]"#;
        let p = parse(Service::Sendgrid, body).unwrap();
        let d: Vec<_> = p
            .events
            .iter()
            .map(|e| diagnose(&engine, e, Lang::En))
            .collect();
        let a = new_event(&d[0], "webhook:sendgrid", 7).unwrap();
        assert_eq!(a.message_key, "webhook:sendgrid:sg-9");
        assert_eq!(a.address.as_deref(), Some("taro@example.jp"));
        assert_eq!(a.action, Some(Action::Delayed));
        assert_eq!(a.occurred_at, 1_714_555_800);
        let b = new_event(&d[1], "webhook:sendgrid", 7).unwrap();
        assert_eq!(b.reason, Reason::Feedback);
        assert_eq!(b.feedback_type.as_deref(), Some("abuse"));
    }
}
