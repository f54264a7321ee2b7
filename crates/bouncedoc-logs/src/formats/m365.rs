//! Microsoft 365 / Exchange Online message trace exports: the extended report (CSV, one row
//! per event, a header line naming the columns).
//!
//! ```text
//! date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,event_id,internal_message_id,message_id,network_message_id,recipient_address,recipient_status,...
//! 2024-01-15T10:00:00.1234567Z,,,192.0.2.25,mx.example.org,,,SMTP,FAIL,12345,<m1@example.com>,1341ac7b-...,bob@example.org,"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",...
//! ```
//!
//! `event_id` `FAIL` is a failure, `DEFER` a deferral, `DELIVER` and `SEND` deliveries;
//! others (`RECEIVE`, `EXPAND` ...) report none. A row may list several recipients,
//! separated by `;`. The network message id ties a message's rows together.

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some};
use crate::time;

/// Where the columns are.
#[derive(Debug, Clone)]
pub struct Columns {
    time: Option<usize>,
    event: usize,
    recipient: usize,
    status: Option<usize>,
    server: Option<usize>,
    network_id: Option<usize>,
    message_id: Option<usize>,
}

impl Columns {
    /// The columns of a header line, when it is a message trace's.
    pub fn of(header: &[&str]) -> Option<Columns> {
        let at = |name: &str| {
            header.iter().position(|h| {
                h.trim()
                    .trim_start_matches('\u{feff}')
                    .trim_matches('"')
                    .eq_ignore_ascii_case(name)
            })
        };
        Some(Columns {
            time: at("date_time_utc").or_else(|| at("origin_timestamp_utc")),
            event: at("event_id")?,
            recipient: at("recipient_address")?,
            status: at("recipient_status"),
            server: at("server_hostname"),
            network_id: at("network_message_id"),
            message_id: at("message_id"),
        })
    }

    /// Reads one row.
    pub fn read(&self, record: &csv::StringRecord, out: &mut Vec<Entry>) -> Said {
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
        let outcome = match get(Some(self.event)).to_ascii_uppercase().as_str() {
            "FAIL" => Outcome::Bounced,
            "DEFER" => Outcome::Deferred,
            "DELIVER" | "SEND" => Outcome::Delivered,
            _ => return Said::Other,
        };
        let recipients: Vec<&str> = get(Some(self.recipient))
            .split(';')
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .collect();
        if recipients.is_empty() {
            return Said::Damaged("a message trace row without recipient_address".into());
        }
        let mut e = Event::new(Format::M365, outcome);
        e.time = time::iso(get(self.time)).map(|(t, _)| t);
        e.relay = some(get(self.server));
        e.queue_id = some(get(self.network_id)).or_else(|| some(get(self.message_id)));
        if outcome != Outcome::Delivered {
            let status = get(self.status);
            e.command = command_in(status);
            e.reply = some(status);
        }
        for r in recipients {
            let mut each = e.clone();
            each.recipient = some(r);
            out.push(Entry::Attempt(each));
        }
        Said::Entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "date_time_utc,client_ip,client_hostname,server_ip,server_hostname,source_context,connector_id,source,event_id,internal_message_id,message_id,network_message_id,recipient_address,recipient_status,total_bytes,recipient_count,related_recipient_address,reference,message_subject,sender_address,return_path,message_info,directionality,tenant_id,original_client_ip,original_server_ip,custom_data";

    fn row(line: &str) -> (Said, Vec<Entry>) {
        let header: Vec<&str> = HEADER.split(',').collect();
        let columns = Columns::of(&header).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(line.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        let mut out = Vec::new();
        (columns.read(&record, &mut out), out)
    }

    #[test]
    fn failures_and_deferrals() {
        let (said, out) = row(
            "2024-01-15T10:00:00.1234567Z,,,192.0.2.25,mx.example.org,,,SMTP,FAIL,12345,<m1@example.com>,1341ac7b-13fb-42ab-4d44-08cf7f55890f,bob@example.org,\"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\",2048,1,,,Hello,alice@example.com,alice@example.com,,Originating,,,,",
        );
        assert_eq!(said, Said::Entries);
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.time, Some(1_705_312_800));
        assert_eq!(e.recipient.as_deref(), Some("bob@example.org"));
        assert_eq!(e.relay.as_deref(), Some("mx.example.org"));
        assert_eq!(
            e.queue_id.as_deref(),
            Some("1341ac7b-13fb-42ab-4d44-08cf7f55890f")
        );
        assert!(e.reply.as_deref().unwrap().starts_with("550 5.1.10"));
        let (_, out) = row(
            "2024-01-15T10:00:00Z,,,,,,,SMTP,DEFER,1,<m2@example.com>,n2,carol@example.net;dan@example.net,\"451 4.7.500 Server busy. Please try again later\",1,2,,,,,,,,,,,",
        );
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn other_rows_and_headers() {
        assert_eq!(row("2024-01-15T10:00:00Z,,,,,,,SMTP,RECEIVE,1,<m3@example.com>,n3,bob@example.org,,1,1,,,,,,,,,,,").0, Said::Other);
        assert!(matches!(
            row("2024-01-15T10:00:00Z,,,,,,,SMTP,FAIL,1,<m3@example.com>,n3,,,1,1,,,,,,,,,,,").0,
            Said::Damaged(_)
        ));
        assert!(Columns::of(&["type", "rcpt"]).is_none());
    }
}
