//! Why an address was suppressed, or should wait, as data.
//!
//! The ledger stores the reason as one English sentence: the `why` of a [`Suppression`]
//! and of a `Wait` [`Verdict`]. [`Why`] writes that sentence with [`Display`].
//! [`Why::parse`] reads it back, so a front end can say it in another language without
//! changing what is stored or what the JSON's machine fields say.
//!
//! [`Suppression`]: crate::Suppression
//! [`Verdict`]: crate::Verdict
//! [`Display`]: std::fmt::Display

use std::fmt;

use bouncedoc_core::Reason;

/// What one bounce said, as a `why` sentence quotes it: the reason, then the enhanced
/// status code and the SMTP reply code when there are any (`userunknown 5.1.1 (550)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Codes {
    /// The reason.
    pub reason: Reason,
    /// The enhanced status code.
    pub status: Option<String>,
    /// The SMTP reply code.
    pub reply_code: Option<i64>,
}

impl fmt::Display for Codes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.reason)?;
        if let Some(st) = &self.status {
            write!(f, " {st}")?;
        }
        if let Some(rc) = self.reply_code {
            write!(f, " ({rc})")?;
        }
        Ok(())
    }
}

impl Codes {
    /// Reads what [`Display`](fmt::Display) wrote.
    fn parse(s: &str) -> Option<Codes> {
        let (rest, reply_code) = match s.strip_suffix(')').and_then(|r| r.rsplit_once(" (")) {
            Some((rest, rc)) => (rest, Some(rc.parse().ok()?)),
            None => (s, None),
        };
        let (reason, status) = match rest.split_once(' ') {
            Some((r, st)) if !st.is_empty() && !st.contains(' ') => (r, Some(st.to_string())),
            Some(_) => return None,
            None => (rest, None),
        };
        Some(Codes {
            reason: reason.parse().ok()?,
            status,
            reply_code,
        })
    }
}

/// Why the policy suppressed an address, or why `check` says to wait.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// A hard bounce.
    Hard(Codes),
    /// A feedback (complaint) report, with its type if it gave one.
    Complaint(Option<String>),
    /// Soft bounces within a window: the bounces that met the rule.
    Soft {
        /// The policy's window.
        within_days: u32,
        /// The bounces, oldest first.
        bounces: Vec<Codes>,
    },
    /// A mailbox that stayed full.
    MailboxFull {
        /// How many times it was found full.
        count: usize,
        /// Over how many days.
        days: i64,
        /// The policy's count.
        allowed: u32,
        /// The span the policy asks for, in days.
        span_days: u32,
    },
    /// A carrier's ambiguous refusal, repeated over a long span.
    Carrier {
        /// The carrier (`docomo`, `au`, ...), or `carrier` when it was not recognized.
        provider: String,
        /// How many refusals.
        count: usize,
        /// Over how many days.
        days: i64,
        /// The reason of the last one.
        reason: Reason,
        /// The policy's count.
        allowed: u32,
        /// The span the policy asks for, in days.
        span_days: u32,
    },
    /// Suppressed by a person.
    Manual,
    /// `check`: the mailbox was full lately; mail it again only after the retry interval.
    Wait {
        /// Full-mailbox bounces on record.
        count: usize,
        /// When the last one happened (RFC 3339).
        last: String,
        /// The policy's retry interval, in hours.
        hours: u32,
    },
}

const CARRIER_MIDDLE: &str =
    ": a dead address or the recipient's reception filter; the policy allows ";

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::Hard(codes) => write!(f, "hard bounce: {codes}"),
            Why::Complaint(Some(t)) => write!(f, "complaint: feedback report ({t})"),
            Why::Complaint(None) => f.write_str("complaint: feedback report"),
            Why::Soft {
                within_days,
                bounces,
            } => {
                let list: Vec<String> = bounces.iter().map(Codes::to_string).collect();
                write!(
                    f,
                    "{} soft bounces within {within_days} days: {}",
                    bounces.len(),
                    list.join(", ")
                )
            }
            Why::MailboxFull {
                count,
                days,
                allowed,
                span_days,
            } => write!(
                f,
                "mailbox full {count} times over {days} days (the policy allows {allowed} \
                 spanning {span_days} days)"
            ),
            Why::Carrier {
                provider,
                count,
                days,
                reason,
                allowed,
                span_days,
            } => write!(
                f,
                "{provider} refused {count} times over {days} days ({reason}{CARRIER_MIDDLE}\
                 {allowed} spanning {span_days} days)"
            ),
            Why::Manual => f.write_str("suppressed by hand"),
            Why::Wait { count, last, hours } => write!(
                f,
                "mailbox full ({count} on record, last {last}): retry after {hours} hours"
            ),
        }
    }
}

/// Splits `s` at the first `sep`, reading the left side as a number.
fn number_before<T: std::str::FromStr>(s: &str, sep: &str) -> Option<(T, String)> {
    let (n, rest) = s.split_once(sep)?;
    Some((n.parse().ok()?, rest.to_string()))
}

impl Why {
    /// Reads a sentence that [`Display`](fmt::Display) wrote; `None` for any other text
    /// (a sentence of an older version, or one written by hand).
    pub fn parse(s: &str) -> Option<Why> {
        let why = Why::read(s)?;
        // Only an exact reading counts: what cannot be written back the same is not ours.
        (why.to_string() == s).then_some(why)
    }

    fn read(s: &str) -> Option<Why> {
        if s == "suppressed by hand" {
            return Some(Why::Manual);
        }
        if let Some(codes) = s.strip_prefix("hard bounce: ") {
            return Codes::parse(codes).map(Why::Hard);
        }
        if s == "complaint: feedback report" {
            return Some(Why::Complaint(None));
        }
        if let Some(t) = s.strip_prefix("complaint: feedback report (") {
            return Some(Why::Complaint(Some(t.strip_suffix(')')?.to_string())));
        }
        if let Some(rest) = s.strip_prefix("mailbox full (") {
            let (count, rest) = number_before(rest, " on record, last ")?;
            let (last, rest) = rest.split_once("): retry after ")?;
            let hours = rest.strip_suffix(" hours")?.parse().ok()?;
            return Some(Why::Wait {
                count,
                last: last.to_string(),
                hours,
            });
        }
        if let Some(rest) = s.strip_prefix("mailbox full ") {
            let (count, rest) = number_before(rest, " times over ")?;
            let (days, rest) = number_before(&rest, " days (the policy allows ")?;
            let (allowed, rest) = number_before(&rest, " spanning ")?;
            let span_days = rest.strip_suffix(" days)")?.parse().ok()?;
            return Some(Why::MailboxFull {
                count,
                days,
                allowed,
                span_days,
            });
        }
        if let Some((provider, rest)) = s.split_once(" refused ") {
            let (count, rest) = number_before(rest, " times over ")?;
            let (days, rest) = number_before(&rest, " days (")?;
            let (reason, rest) = rest.split_once(CARRIER_MIDDLE)?;
            let (allowed, rest) = number_before(rest, " spanning ")?;
            let span_days = rest.strip_suffix(" days)")?.parse().ok()?;
            return Some(Why::Carrier {
                provider: provider.to_string(),
                count,
                days,
                reason: reason.parse().ok()?,
                allowed,
                span_days,
            });
        }
        let (count, rest) = number_before::<usize>(s, " soft bounces within ")?;
        let (within_days, list) = number_before(&rest, " days: ")?;
        let bounces = list
            .split(", ")
            .map(Codes::parse)
            .collect::<Option<Vec<Codes>>>()?;
        (bounces.len() == count).then_some(Why::Soft {
            within_days,
            bounces,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(reason: Reason, status: Option<&str>, reply_code: Option<i64>) -> Codes {
        Codes {
            reason,
            status: status.map(str::to_string),
            reply_code,
        }
    }

    fn every_kind() -> Vec<Why> {
        vec![
            Why::Hard(codes(Reason::UserUnknown, Some("5.1.1"), Some(550))),
            Why::Hard(codes(Reason::HostUnknown, None, None)),
            Why::Complaint(Some("abuse".into())),
            Why::Complaint(None),
            Why::Soft {
                within_days: 7,
                bounces: vec![
                    codes(Reason::Expired, None, None),
                    codes(Reason::SystemError, Some("4.3.0"), None),
                    codes(Reason::NetworkError, None, Some(421)),
                ],
            },
            Why::MailboxFull {
                count: 4,
                days: 16,
                allowed: 3,
                span_days: 14,
            },
            Why::Carrier {
                provider: "docomo".into(),
                count: 3,
                days: 62,
                reason: Reason::Filtered,
                allowed: 3,
                span_days: 30,
            },
            Why::Manual,
            Why::Wait {
                count: 2,
                last: "2026-03-04T00:00:00Z".into(),
                hours: 72,
            },
        ]
    }

    #[test]
    fn every_sentence_reads_back_as_what_wrote_it() {
        for why in every_kind() {
            let s = why.to_string();
            assert_eq!(Why::parse(&s), Some(why), "{s}");
        }
    }

    #[test]
    fn the_sentences_are_the_ones_the_ledger_always_stored() {
        let s: Vec<String> = every_kind().iter().map(Why::to_string).collect();
        assert_eq!(s[0], "hard bounce: userunknown 5.1.1 (550)");
        assert_eq!(
            s[4],
            "3 soft bounces within 7 days: expired, systemerror 4.3.0, networkerror (421)"
        );
        assert_eq!(
            s[6],
            "docomo refused 3 times over 62 days (filtered: a dead address or the recipient's \
             reception filter; the policy allows 3 spanning 30 days)"
        );
        assert_eq!(
            s[8],
            "mailbox full (2 on record, last 2026-03-04T00:00:00Z): retry after 72 hours"
        );
    }

    #[test]
    fn other_texts_are_not_read() {
        for s in [
            "",
            "hard bounce: notareason",
            "hard bounce: userunknown 5.1.1 (x)",
            "2 soft bounces within 7 days: expired",
            "mailbox full many times",
            "the customer asked us to stop",
            "au refused 3 times over 62 days (filtered)",
        ] {
            assert_eq!(Why::parse(s), None, "{s}");
        }
    }
}
