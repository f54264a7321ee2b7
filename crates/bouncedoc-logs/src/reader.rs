//! Reading a log, line by line (or record by record for the CSV exports), into entries:
//! which format each line is in is told by its shape, so one input may mix them (a syslog
//! file with Postfix and Sendmail lines, a journal export).

use std::collections::VecDeque;
use std::io::BufRead;

use crate::event::Entry;
use crate::formats::{Said, exim, kumomta, m365, opensmtpd, pmta, postfix, qmail, sendmail};
use crate::{journal, prefix};

/// What one line was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// It reported deliveries (pushed to the output).
    Entries,
    /// A line of a known format that reports no delivery.
    Other,
    /// A line of no format this crate reads (or a blank one).
    Unknown,
    /// A delivery line that could not be read: why.
    Damaged(String),
}

impl From<Said> for Kind {
    fn from(said: Said) -> Kind {
        match said {
            Said::Entries => Kind::Entries,
            Said::Other => Kind::Other,
            Said::Damaged(why) => Kind::Damaged(why),
        }
    }
}

/// Reads text lines of any of the line formats. It keeps what some formats spread over
/// several lines (qmail's delivery numbers).
#[derive(Debug)]
pub struct Lines {
    year: i64,
    qmail: qmail::Qmail,
}

impl Lines {
    /// A reader that gives syslog lines without a year the year `year`.
    pub fn new(year: i64) -> Lines {
        Lines {
            year,
            qmail: qmail::Qmail::default(),
        }
    }

    /// Reads one line (without its line break), pushing what it reports to `out`.
    pub fn read(&mut self, line: &str, out: &mut Vec<Entry>) -> Kind {
        let line = line.trim_end_matches(['\r', '\n']);
        let Some(&first) = line.as_bytes().first() else {
            return Kind::Unknown;
        };
        if first == b'{' {
            if journal::looks_like(line) {
                return match journal::read(line) {
                    Ok(j) => self.program(&j.program, j.time, j.host.as_deref(), &j.message, out),
                    Err(why) => Kind::Damaged(why),
                };
            }
            if kumomta::looks_like(line) {
                return kumomta::read(line, out).into();
            }
            return Kind::Unknown;
        }
        if first.is_ascii_digit() && exim::looks_like(line) {
            return exim::read(line, true, None, None, out).into();
        }
        if first == b'@' || first.is_ascii_digit() && qmail_stamped(line) {
            return self.qmail.read(line, None, None, out).into();
        }
        match prefix::parse(line, self.year) {
            Some(l) => self.program(l.program, l.time, l.host, l.message, out),
            None => Kind::Unknown,
        }
    }

    /// Reads a syslog message by the program that wrote it.
    fn program(
        &mut self,
        program: &str,
        time: Option<i64>,
        host: Option<&str>,
        message: &str,
        out: &mut Vec<Entry>,
    ) -> Kind {
        if postfix::is_postfix(program) {
            postfix::read(message, time, host, out).into()
        } else if sendmail::is_sendmail(program) {
            sendmail::read(message, time, host, out).into()
        } else if opensmtpd::is_opensmtpd(program) {
            opensmtpd::read(message, time, host, out).into()
        } else if program.starts_with("exim") {
            exim::read(message, false, time, host, out).into()
        } else if qmail::is_qmail(program) {
            self.qmail.read(message, time, host, out).into()
        } else {
            Kind::Unknown
        }
    }
}

/// A qmail-send line behind a Unix time (`1705312800.123456 delivery 12: ...`).
fn qmail_stamped(line: &str) -> bool {
    const STARTS: [&str; 7] = [
        "delivery ",
        "starting delivery ",
        "new msg ",
        "info msg ",
        "end msg ",
        "bounce msg ",
        "status: ",
    ];
    let Some((stamp, rest)) = line.split_once(' ') else {
        return false;
    };
    stamp.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && STARTS.iter().any(|p| rest.starts_with(p))
}

/// The CSV exports, known by their header line.
#[derive(Debug, Clone)]
enum Csv {
    Pmta(pmta::Columns),
    M365(m365::Columns),
}

impl Csv {
    fn of(header: &str) -> Option<Csv> {
        let header = header
            .trim_start_matches('\u{feff}')
            .trim_end_matches(['\r', '\n']);
        if !header.contains(',') {
            return None;
        }
        let names: Vec<&str> = header.split(',').map(|h| h.trim_matches('"')).collect();
        pmta::Columns::of(&names)
            .map(Csv::Pmta)
            .or_else(|| m365::Columns::of(&names).map(Csv::M365))
    }

    fn read(&self, record: &csv::StringRecord, out: &mut Vec<Entry>) -> Kind {
        match self {
            Csv::Pmta(c) => c.read(record, out).into(),
            Csv::M365(c) => c.read(record, out).into(),
        }
    }
}

/// What [`Reader`] gives: entries, each with its line number, and damaged lines.
// An item is moved once, from the queue to the caller: boxing the entry would cost an
// allocation per delivery line for nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// What a line reported.
    Entry {
        /// The line's number, from 1.
        line: u64,
        /// What it reported.
        entry: Entry,
    },
    /// A line that could not be read (or the input failed there).
    Damaged {
        /// The line's number, from 1.
        line: u64,
        /// Why.
        error: String,
    },
}

/// How many lines of each kind an input held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Lines (or CSV records) read.
    pub lines: u64,
    /// Lines that reported deliveries.
    pub deliveries: u64,
    /// Lines of a known format that report no delivery.
    pub other: u64,
    /// Lines of no known format, skipped.
    pub unknown: u64,
    /// Damaged lines.
    pub damaged: u64,
}

impl Counts {
    /// Adds another input's counts.
    pub fn add(&mut self, other: Counts) {
        self.lines += other.lines;
        self.deliveries += other.deliveries;
        self.other += other.other;
        self.unknown += other.unknown;
        self.damaged += other.damaged;
    }

    fn count(&mut self, kind: &Kind) {
        self.lines += 1;
        match kind {
            Kind::Entries => self.deliveries += 1,
            Kind::Other => self.other += 1,
            Kind::Unknown => self.unknown += 1,
            Kind::Damaged(_) => self.damaged += 1,
        }
    }
}

enum Mode<R> {
    Lines(R),
    Csv(Box<csv::Reader<R>>, Csv),
    Done,
}

/// Reads one input, streaming: it holds one line and what that line reported.
pub struct Reader<R: BufRead> {
    mode: Mode<R>,
    lines: Lines,
    buf: Vec<u8>,
    record: csv::StringRecord,
    line: u64,
    scratch: Vec<Entry>,
    queue: VecDeque<Item>,
    counts: Counts,
}

impl<R: BufRead> Reader<R> {
    /// A reader over an input; syslog lines without a year get `year`.
    pub fn new(input: R, year: i64) -> Reader<R> {
        Reader {
            mode: Mode::Lines(input),
            lines: Lines::new(year),
            buf: Vec::with_capacity(1024),
            record: csv::StringRecord::new(),
            line: 0,
            scratch: Vec::new(),
            queue: VecDeque::new(),
            counts: Counts::default(),
        }
    }

    /// The counts so far.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    fn note(&mut self, kind: Kind) {
        self.counts.count(&kind);
        let line = self.line;
        if let Kind::Damaged(error) = kind {
            self.queue.push_back(Item::Damaged { line, error });
        }
        for entry in self.scratch.drain(..) {
            self.queue.push_back(Item::Entry { line, entry });
        }
    }

    fn fail(&mut self, error: String) {
        self.counts.damaged += 1;
        self.queue.push_back(Item::Damaged {
            line: self.line + 1,
            error,
        });
        self.mode = Mode::Done;
    }

    /// Reads the next line (or record) into the queue; false at the end.
    fn advance(&mut self) -> bool {
        match std::mem::replace(&mut self.mode, Mode::Done) {
            Mode::Done => false,
            Mode::Lines(mut input) => {
                self.buf.clear();
                match input.read_until(b'\n', &mut self.buf) {
                    Ok(0) => return false,
                    Ok(_) => {}
                    Err(e) => {
                        self.fail(format!("the input could not be read: {e}"));
                        return true;
                    }
                }
                let buf = std::mem::take(&mut self.buf);
                let text = String::from_utf8_lossy(&buf);
                if self.line == 0
                    && let Some(csv) = Csv::of(&text)
                {
                    self.line = 1;
                    self.counts.lines += 1;
                    self.counts.other += 1;
                    let reader = csv::ReaderBuilder::new()
                        .has_headers(false)
                        .flexible(true)
                        .from_reader(input);
                    self.mode = Mode::Csv(Box::new(reader), csv);
                    self.buf = buf;
                    return true;
                }
                self.line += 1;
                let kind = self.lines.read(&text, &mut self.scratch);
                drop(text);
                self.buf = buf;
                self.note(kind);
                self.mode = Mode::Lines(input);
                true
            }
            Mode::Csv(mut reader, csv) => {
                let result = reader.read_record(&mut self.record);
                // The record's first line, counted after the header.
                let at = |r: &csv::Reader<R>| r.position().line() + 1;
                match result {
                    Ok(false) => return false,
                    Ok(true) => {
                        self.line = self.record.position().map_or(at(&reader), |p| p.line() + 1);
                        let kind = csv.read(&self.record, &mut self.scratch);
                        self.note(kind);
                    }
                    Err(e) => {
                        let recoverable = matches!(e.kind(), csv::ErrorKind::Utf8 { .. });
                        self.line = e.position().map_or(at(&reader), |p| p.line() + 1);
                        self.note(Kind::Damaged(format!(
                            "a CSV record that cannot be read: {e}"
                        )));
                        if !recoverable {
                            return true;
                        }
                    }
                }
                self.mode = Mode::Csv(reader, csv);
                true
            }
        }
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if !self.advance() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Outcome;

    fn items(text: &str) -> (Vec<Item>, Counts) {
        let mut r = Reader::new(text.as_bytes(), 2024);
        let items: Vec<Item> = r.by_ref().collect();
        (items, r.counts())
    }

    #[test]
    fn mixed_lines_are_told_apart_and_counted() {
        let text = "\
Jan 15 10:00:00 mail postfix/smtp[1]: 4F9D1C2A3B: to=<bob@example.org>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.25]:25: Connection refused)
Jan 15 10:00:01 mail CRON[2]: (root) CMD (run-parts /etc/cron.hourly)
Jan 15 10:00:02 mail postfix/smtpd[3]: connect from unknown[192.0.2.9]
Jan 15 10:00:03 mail postfix/smtp[1]: 4F9D1C2A3B: to=<bob@example.org>, relay=none
2024-01-15 10:00:04 1rPq2x-0001Ab-Cd ** bob@example.org R=dnslookup T=remote_smtp: retry timeout exceeded
just some words

{\"__REALTIME_TIMESTAMP\":\"1705312805000000\",\"SYSLOG_IDENTIFIER\":\"postfix/qmgr\",\"MESSAGE\":\"4F9D1C2A3B: removed\"}
";
        let (items, counts) = items(text);
        assert_eq!(
            counts,
            Counts {
                lines: 8,
                deliveries: 3,
                other: 1,
                unknown: 3,
                damaged: 1
            }
        );
        assert!(
            matches!(&items[0], Item::Entry { line: 1, entry: Entry::Attempt(e) } if e.outcome == Outcome::Deferred)
        );
        assert!(matches!(&items[1], Item::Damaged { line: 4, .. }));
        assert!(matches!(&items[2], Item::Entry { line: 5, .. }));
        assert!(matches!(
            &items[3],
            Item::Entry {
                line: 8,
                entry: Entry::QueueGone { .. }
            }
        ));
    }

    #[test]
    fn qmail_lines_behind_a_unix_time() {
        assert!(qmail_stamped("1705312800.123456 delivery 12: success: ok"));
        assert!(qmail_stamped(
            "1705312800.1 starting delivery 12: msg 9 to remote a@b"
        ));
        assert!(!qmail_stamped(
            "2024-01-15T10:00:00Z mail postfix/smtp[1]: X: to=<a@b>, status=deferred (delivery temporarily suspended: x)"
        ));
        assert!(!qmail_stamped("12 monkeys"));
    }

    #[test]
    fn csv_exports_are_known_by_their_header() {
        let text = "type,timeLogged,orig,rcpt,dsnStatus,dsnDiag,dsnMta\n\
b,1705312800,alice@example.com,bob@example.org,5.1.1,\"smtp;550 5.1.1 User\nunknown\",mx.example.org\n\
d,1705312800,alice@example.com,carol@example.org,2.0.0,smtp;250 ok,mx.example.org\n\
b,1705312800,alice@example.com,,5.1.1,smtp;550,mx\n";
        let (items, counts) = items(text);
        assert_eq!((counts.lines, counts.deliveries, counts.damaged), (4, 2, 1));
        assert!(matches!(&items[0], Item::Entry { line: 2, .. }));
        assert!(matches!(&items[1], Item::Entry { line: 4, .. }));
        assert!(matches!(&items[2], Item::Damaged { line: 5, .. }));
    }

    #[test]
    fn invalid_utf8_is_read_lossily() {
        let mut bytes = b"Jan 15 10:00:00 mail postfix/smtp[1]: 4F9D1C2A3B: to=<bob@example.org>, relay=none, delay=1, delays=1/0/0/0, dsn=5.1.1, status=bounced (host x[192.0.2.1] said: 550 5.1.1 \xff unknown (in reply to RCPT TO command))\n".to_vec();
        bytes.extend_from_slice(b"tail\n");
        let mut r = Reader::new(&bytes[..], 2024);
        assert_eq!(r.by_ref().count(), 1);
        assert_eq!(r.counts().unknown, 1);
    }
}
