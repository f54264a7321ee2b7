//! # bouncedoc-mail
//!
//! Reads whole bounce messages: RFC 3464 delivery status notifications, RFC 5965 feedback
//! reports, RFC 3834 auto-replies and the non-standard reports of real servers, into
//! [`RecipientFacts`] per failed recipient; [`diagnose`] runs each through the engine of
//! `bouncedoc-core`, so that `parse` and `explain` never disagree on the same words.
//!
//! Layout: [`input`] finds messages in files, folders and mbox streams; [`records`] is the
//! one path from an input's bytes to its records, with the panic guard; [`message`] parses
//! MIME; [`msg`] unpacks Outlook `.msg` files; [`paste`] finds the bounce in what a person pastes or saves; [`report`] reads the standard report parts; [`detect`] holds one detector per
//! non-standard format; [`bounce`] puts them in order.

pub mod bounce;
pub mod charset;
mod content_type_guard;
pub mod detect;
mod diagnose;
pub mod encoded_words;
pub mod facts;
pub mod input;
mod internal_route;
pub mod message;
pub mod msg;
pub mod paste;
mod quoted_printable;
pub mod record;
pub mod records;
pub mod report;
mod whitespace;

pub use bounce::{Bounce, Kind, read_bytes, read_message};
pub use diagnose::{Diagnoses, MessageReport, diagnose, diagnose_bytes, observation_of, read_raw};
pub use facts::{MessageFacts, RecipientFacts};
pub use message::Message;

/// Why a message could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    /// The MIME structure could not be parsed.
    #[error("not a readable MIME message: {0}")]
    Mime(String),
    /// There are no headers: this is not an email message.
    #[error("no header lines: this is not an email message")]
    NoHeaders,
    /// The input is empty.
    #[error("empty message")]
    Empty,
    /// An Outlook `.msg` file (an OLE compound file) that holds no readable message.
    #[error(
        "an Outlook .msg file that could not be read ({0}): save the message as .eml and read that"
    )]
    OutlookMsg(String),
}
