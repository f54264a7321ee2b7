//! Parsing helpers shared by the format detectors, one module per job: addresses, header
//! lookups, fixed-word searches, SMTP commands, session transcripts, the report's own
//! delivery-status fields, per-recipient paragraphs and the building of a detection. The
//! detectors take them from here (`use super::common::{...}`).

mod address;
mod command;
mod dsn;
mod headers;
mod local_part;
mod paragraphs;
mod recipients;
mod reply;
mod search;
#[cfg(test)]
mod testing;
mod transcript;

pub use address::{address_in, same_address};
pub use command::{any_smtp_command, command_of_verb, smtp_command};
pub use dsn::{dsn_recipients, dsn_text, text_until};
pub use headers::{header_contains, header_has};
pub use local_part::{address_of_local_part, is_bare_local_part, listed_local_parts};
pub use paragraphs::bracketed_paragraphs;
pub use recipients::{SameRecipients, detected, recipient, returned_to};
pub use reply::{codes_in, join_multiline_reply};
pub use search::{
    TextSearch, contains_ignore_case, find_first, has_line_beginning, has_line_starting,
    line_around, line_of_first,
};
#[cfg(test)]
pub(crate) use testing::{corpus, diagnosed_reasons, only_recipient};
pub use transcript::{Exchange, failed_exchange, transcript};

pub use crate::whitespace::squeeze;
