//! PowerMTA's accounting files (CSV, RFC 4180, with a header line naming the columns).
//!
//! ```text
//! type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,vmta,jobId,envId
//! b,2024-01-15 10:00:00+0000,2024-01-15 09:59:58+0000,alice@example.com,bob@example.org,,failed,5.1.1 (bad destination mailbox address),smtp;550 5.1.1 User unknown,mx.example.org (192.0.2.25),bad-mailbox,vmta1,job-7,
//! ```
//!
//! `type` is `d` (delivered), `b` (bounced), `t` (transient: a deferral), `rb` (a bounce
//! reported later by the remote side) and others that report no delivery. The columns are
//! found by name, as the file's configuration decides which there are; times are
//! `YYYY-MM-DD HH:MM:SS±zzzz` or Unix time.

use super::Said;
use crate::event::{Entry, Event, Format, Outcome, command_in, some};
use crate::time;

/// Where the columns are.
#[derive(Debug, Clone)]
pub struct Columns {
    kind: usize,
    time: Option<usize>,
    rcpt: usize,
    orcpt: Option<usize>,
    status: Option<usize>,
    diag: Option<usize>,
    mta: Option<usize>,
    job: Option<usize>,
    env: Option<usize>,
}

impl Columns {
    /// The columns of a header line, when it is PowerMTA's.
    pub fn of(header: &[&str]) -> Option<Columns> {
        let at = |name: &str| header.iter().position(|h| h.trim() == name);
        if header.first().map(|h| h.trim()) != Some("type") || at("dsnDiag").is_none() {
            return None;
        }
        Some(Columns {
            kind: 0,
            time: at("timeLogged"),
            rcpt: at("rcpt")?,
            orcpt: at("orcpt"),
            status: at("dsnStatus"),
            diag: at("dsnDiag"),
            mta: at("dsnMta"),
            job: at("jobId"),
            env: at("envId"),
        })
    }

    /// Reads one record.
    pub fn read(&self, record: &csv::StringRecord, out: &mut Vec<Entry>) -> Said {
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).map(str::trim).unwrap_or("");
        let outcome = match get(Some(self.kind)) {
            "d" | "delivery" => Outcome::Delivered,
            "b" | "bounce" | "rb" | "remoteBounce" => Outcome::Bounced,
            "t" | "transient" => Outcome::Deferred,
            _ => return Said::Other,
        };
        let rcpt = get(Some(self.rcpt));
        if rcpt.is_empty() {
            return Said::Damaged("a PowerMTA record without rcpt".into());
        }
        let mut e = Event::new(Format::Pmta, outcome);
        e.recipient = some(rcpt);
        e.original_recipient = some(get(self.orcpt).trim_start_matches("rfc822;"));
        let stamp = get(self.time);
        e.time = time::iso(stamp)
            .map(|(t, _)| t)
            .or_else(|| time::unix(stamp));
        e.dsn = get(self.status).split_whitespace().next().and_then(some);
        e.relay = some(get(self.mta).trim_start_matches("dns;"));
        let job = get(self.job);
        let env = get(self.env);
        e.queue_id = match (job.is_empty(), env.is_empty()) {
            (true, true) => None,
            (false, true) => some(job),
            (true, false) => some(env),
            (false, false) => Some(format!("{job}/{env}")),
        };
        if outcome != Outcome::Delivered {
            let diag = get(self.diag);
            let diag = diag
                .split_once(';')
                .filter(|(kind, _)| !kind.contains(' '))
                .map_or(diag, |(_, d)| d);
            e.command = command_in(diag);
            e.reply = some(diag.trim());
        }
        out.push(Entry::Attempt(e));
        Said::Entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "type,timeLogged,timeQueued,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,vmta,jobId,envId";

    fn record(line: &str) -> (Said, Vec<Entry>) {
        let header: Vec<&str> = HEADER.split(',').collect();
        let columns = Columns::of(&header).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        let mut out = Vec::new();
        (columns.read(&record, &mut out), out)
    }

    #[test]
    fn bounces_and_deferrals() {
        let (said, out) = record(
            "b,2024-01-15 10:00:00+0000,2024-01-15 09:59:58+0000,alice@example.com,bob@example.org,,failed,5.1.1 (bad destination mailbox address),\"smtp;550 5.1.1 <bob@example.org>, User unknown\",mx.example.org (192.0.2.25),bad-mailbox,vmta1,job-7,",
        );
        assert_eq!(said, Said::Entries);
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(e.outcome, Outcome::Bounced);
        assert_eq!(e.time, Some(1_705_312_800));
        assert_eq!(e.dsn.as_deref(), Some("5.1.1"));
        assert_eq!(
            e.reply.as_deref(),
            Some("550 5.1.1 <bob@example.org>, User unknown")
        );
        assert_eq!(e.relay.as_deref(), Some("mx.example.org (192.0.2.25)"));
        assert_eq!(e.queue_id.as_deref(), Some("job-7"));
        let (_, out) = record(
            "t,1705312800,1705312700,alice@example.com,carol@example.net,,delayed,4.7.0,smtp;421 4.7.0 Try later,mx.example.net,,vmta1,,",
        );
        let Entry::Attempt(e) = &out[0] else { panic!() };
        assert_eq!(
            (e.outcome, e.time),
            (Outcome::Deferred, Some(1_705_312_800))
        );
    }

    #[test]
    fn headers_and_other_records() {
        assert!(Columns::of(&["type", "timeLogged", "rcpt", "dsnDiag"]).is_some());
        assert!(Columns::of(&["date_time_utc", "rcpt"]).is_none());
        assert_eq!(
            record("r,1705312800,,alice@example.com,bob@example.org,,,,,,,,,").0,
            Said::Other
        );
        assert!(matches!(
            record("b,1705312800,,alice@example.com,,,,,,,,,,").0,
            Said::Damaged(_)
        ));
    }
}
