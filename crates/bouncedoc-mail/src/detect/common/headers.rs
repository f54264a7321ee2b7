//! Lookups in the bounce's own header fields.

use super::search::{contains_ignore_case, finder};
use crate::message::Message;

/// Whether a header holds any of `needles` (ASCII letters without case).
pub fn header_has(message: &Message, name: &str, needles: &[&str]) -> bool {
    message
        .header(name)
        .is_some_and(|v| needles.iter().any(|n| contains_ignore_case(v, n)))
}

/// Whether any value of a header holds `needle` (case kept).
pub fn header_contains(message: &Message, name: &str, needle: &'static str) -> bool {
    let mut values = message.header_all(name).peekable();
    if values.peek().is_none() {
        return false;
    }
    // One searcher for all the values (a bounce has a dozen `Received` fields).
    let finder = finder(needle);
    values.any(|v| finder.find(v.as_bytes()).is_some())
}
