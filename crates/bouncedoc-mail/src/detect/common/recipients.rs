//! Building a detector's answer: a recipient with its words, the report-part recipient of
//! the same address, and the detection itself.

use super::address::{address_in, same_address};
use crate::detect::Detected;
use crate::facts::RecipientFacts;
use crate::message::Message;

/// A detector's answer: `None` when it read no recipient (the same as [`Detected::found`]).
pub fn detected(id: &'static str, recipients: Vec<RecipientFacts>) -> Option<Detected> {
    Detected::found(id, recipients)
}

/// The `To:` address of the returned message, when the report attaches it.
pub fn returned_to(message: &Message) -> Option<String> {
    message.original_header("to").and_then(|v| address_in(&v))
}

/// The report-part recipient with the same address as `address`.
pub fn same_recipient<'a>(
    dsn: &'a [RecipientFacts],
    address: Option<&str>,
) -> Option<&'a RecipientFacts> {
    let address = address?;
    dsn.iter().find(|d| {
        d.recipient
            .as_deref()
            .is_some_and(|a| same_address(a, address))
    })
}

/// A recipient with the words about it.
pub fn recipient(address: Option<String>, diagnostic: impl Into<String>) -> RecipientFacts {
    RecipientFacts {
        recipient: address,
        diagnostic: diagnostic.into(),
        ..RecipientFacts::default()
    }
}
