//! How the ledger names an event without its id: by message and recipient ([`EventKey`]),
//! and by its place in the policy's order ([`Position`]).

use crate::event::NewEvent;
use crate::policy::EvalEvent;

/// An event as the messages name it: the message's key and the recipient's place in it.
/// No two events of a ledger share one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct EventKey {
    /// The message's key.
    pub message_key: String,
    /// The recipient's position in the message, from 1.
    pub recipient_index: i64,
}

impl EventKey {
    /// The key of an event about to be recorded.
    pub fn of(e: &NewEvent) -> EventKey {
        EventKey {
            message_key: e.message_key.clone(),
            recipient_index: e.recipient_index,
        }
    }
}

/// Where an event stands in the policy's order ([`EvalEvent::order`]): by time, then by
/// message key and recipient. The fields are compared in that order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Position {
    /// When the bounce happened.
    pub time: i64,
    /// The message's key.
    pub message_key: String,
    /// The recipient's position in the message, from 1.
    pub recipient_index: i64,
}

impl Position {
    /// The place of an event about to be recorded.
    pub fn of_new(e: &NewEvent) -> Position {
        Position {
            time: e.occurred_at,
            message_key: e.message_key.clone(),
            recipient_index: e.recipient_index,
        }
    }

    /// The place of an event the policy read.
    pub fn of(e: &EvalEvent) -> Position {
        Position {
            time: e.time,
            message_key: e.message_key.clone(),
            recipient_index: e.recipient_index,
        }
    }

    /// The place of the event `key`, at `time`.
    pub fn at(time: i64, key: EventKey) -> Position {
        Position {
            time,
            message_key: key.message_key,
            recipient_index: key.recipient_index,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(time: i64, key: &str, index: i64) -> Position {
        Position::at(
            time,
            EventKey {
                message_key: key.to_string(),
                recipient_index: index,
            },
        )
    }

    #[test]
    fn positions_sort_by_time_then_message_then_recipient() {
        let mut list = vec![at(2, "a", 1), at(1, "b", 1), at(1, "a", 2), at(1, "a", 1)];
        list.sort();
        assert_eq!(
            list,
            [at(1, "a", 1), at(1, "a", 2), at(1, "b", 1), at(2, "a", 1)]
        );
    }
}
