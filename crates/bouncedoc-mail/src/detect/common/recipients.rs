//! Building a detector's answer: a recipient with its words, the report-part recipient of
//! the same address, and the detection itself.

use std::collections::HashMap;

use super::address::address_in;
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

/// The report-part recipients by address: the first of each, looked up in one step (a
/// search of every report-part recipient for every recipient of a text grows with the
/// square of their number).
pub struct SameRecipients<'a> {
    dsn: &'a [RecipientFacts],
    /// The position in `dsn` of the first recipient of each address key.
    first: HashMap<String, usize>,
}

impl<'a> SameRecipients<'a> {
    /// Indexes the report-part recipients.
    pub fn new(dsn: &'a [RecipientFacts]) -> SameRecipients<'a> {
        let mut first = HashMap::with_capacity(dsn.len());
        for (i, d) in dsn.iter().enumerate() {
            // A recipient read from the `Original-Recipient` is found by its final, internal
            // address too, which the report's text may name instead.
            for a in d.recipient.iter().chain(&d.final_recipient) {
                first.entry(address_key(a)).or_insert(i);
            }
        }
        SameRecipients { dsn, first }
    }

    /// The report-part recipient with the same address as `address` (see
    /// [`same_address`](super::address::same_address)).
    pub fn get(&self, address: Option<&str>) -> Option<&'a RecipientFacts> {
        self.first_of([address])
    }

    /// The first report-part recipient (in the report's order) with the same address as
    /// one of `addresses`.
    pub fn first_of<'b>(
        &self,
        addresses: impl IntoIterator<Item = Option<&'b str>>,
    ) -> Option<&'a RecipientFacts> {
        let dsn = self.dsn;
        addresses
            .into_iter()
            .flatten()
            .filter_map(|a| self.first.get(&address_key(a)).copied())
            .min()
            .map(|i| &dsn[i])
    }
}

/// An address as [`same_address`](super::address::same_address) compares it: without its
/// angle brackets, in lower case.
fn address_key(address: &str) -> String {
    address.trim_matches(['<', '>']).to_ascii_lowercase()
}

/// A recipient with the words about it.
pub fn recipient(address: Option<String>, diagnostic: impl Into<String>) -> RecipientFacts {
    RecipientFacts {
        recipient: address,
        diagnostic: diagnostic.into(),
        ..RecipientFacts::default()
    }
}
