//! The words of a reply, read once against the knowledge base.

use crate::knowledge::{Hit, Knowledge, TextMatches};
use crate::reply::{self, Normalized};

/// The words of a reply, read once: their codes, their normalized text, and the rules and
/// hints of the knowledge base found in them. A caller that diagnoses the same words more
/// than once (several recipients refused with the same words) reads them once.
#[derive(Debug, Clone)]
pub struct Words {
    pub(crate) read: reply::ReadReply,
    pub(crate) text: Normalized,
    pub(crate) matches: TextMatches,
}

impl Words {
    /// Reads `text` against the knowledge base.
    pub fn read(kb: &Knowledge, text: &str) -> Words {
        Words::of_reply(kb, reply::read(text))
    }

    /// Reads against the knowledge base the words of a reply already read by
    /// [`reply::read`] (by a caller that needed its codes first).
    pub fn of_reply(kb: &Knowledge, read: reply::ReadReply) -> Words {
        let normalized = Normalized::new(&read.unfolded);
        let matches = kb.match_text(&normalized);
        Words {
            read,
            text: normalized,
            matches,
        }
    }

    /// The knowledge base's rules found in the words (`Hit::entry` indexes
    /// `Knowledge::rules`).
    pub fn rule_hits(&self) -> &[Hit] {
        &self.matches.rules
    }

    /// The words a normalized range came from.
    pub(crate) fn span(&self, hit: &Hit) -> &str {
        self.text
            .source_span(&self.read.unfolded, hit.start, hit.end)
    }
}
