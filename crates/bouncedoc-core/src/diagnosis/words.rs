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
        let mut matches = kb.match_text(&normalized);
        // A rule written for a whole bare reply (`^...$`) matches it inside a server's
        // quoting too: the reply inside is matched on its own by the anchored patterns (the
        // others found it in the whole text already), and the rules found only there are
        // added at their place in the whole text.
        if let Some(inner) = reply::quoted_reply(normalized.as_str()) {
            let offset = inner.as_ptr() as usize - normalized.as_str().as_ptr() as usize;
            let alone = Normalized::new(inner);
            if alone.as_str() == inner {
                for hit in kb.match_anchored(&alone) {
                    if !matches.rules.iter().any(|h| h.entry == hit.entry) {
                        matches.rules.push(Hit {
                            start: hit.start + offset,
                            end: hit.end + offset,
                            ..hit
                        });
                    }
                }
            }
        }
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
