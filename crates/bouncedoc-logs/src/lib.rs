//! # bouncedoc-logs
//!
//! Reads mail servers' delivery logs into the facts of each failed or deferred delivery,
//! for the same diagnosis as bounce messages get: Postfix, Exim, Sendmail, qmail and
//! OpenSMTPD logs (plain, through syslog with an RFC 3164 or RFC 5424 prefix, or as
//! `journalctl -o json`), Microsoft 365 message trace exports and PowerMTA accounting files
//! (CSV), and KumoMTA's JSON records; gzip-compressed or not.
//!
//! ```
//! use bouncedoc_logs::reader::{Item, Reader};
//! use bouncedoc_logs::story::Stories;
//!
//! let log = "Jan 15 10:00:00 mail postfix/smtp[4321]: 4F9D1C2A3B: to=<bob@example.org>, relay=mx.example.org[192.0.2.25]:25, delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.org[192.0.2.25] said: 550 5.1.1 <bob@example.org>: User unknown (in reply to RCPT TO command))\n";
//! let source = "maillog".into();
//! let (mut stories, mut done) = (Stories::new(), Vec::new());
//! for item in Reader::new(log.as_bytes(), 2024) {
//!     if let Item::Entry { line, entry } = item {
//!         stories.push(&source, line, entry, &mut done);
//!     }
//! }
//! stories.finish(&mut done);
//! let engine = bouncedoc_core::Engine::new().unwrap();
//! let record = bouncedoc_logs::record::record(&engine, done.remove(0), bouncedoc_core::Lang::En);
//! assert_eq!(record.diagnosis.reason, bouncedoc_core::Reason::UserUnknown);
//! ```
//!
//! Layout: [`prefix`] and [`journal`] take a line's syslog wrapping off; [`formats`] holds
//! one reader per server; [`reader`] tells a line's format by its shape and streams an
//! input; [`story`] ties a delivery's attempts together; [`record`] asks the engine and
//! writes the output record; [`input`] opens files; [`follow`] follows a growing file
//! across rotation; [`time`] reads the logs' times.

pub mod event;
pub mod follow;
pub mod formats;
pub mod input;
pub mod journal;
pub mod prefix;
pub mod reader;
pub mod record;
pub mod report;
pub mod story;
pub mod time;

pub use event::{Entry, Event, Format, Outcome};
