//! Step 1: the codes. Which status code and which reply code the diagnosis rests on, when a
//! report's fields and the server's words each hold one.

use super::super::{Observation, Words};
use crate::reply;
use crate::status::StatusCode;
use crate::vocab::StatusSource;

/// The codes a diagnosis rests on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Codes {
    /// The status code found (not inferred), and where it came from.
    pub status: Option<StatusCode>,
    pub status_source: Option<StatusSource>,
    /// The reply code.
    pub reply_code: Option<u16>,
}

impl Codes {
    /// The status code when it names a specific cause: a failure (class 4 or 5) whose
    /// subject and detail are both given (`5.2.2`, not `5.0.0` or `5.7.0`). Such a code is a
    /// prior that only words naming a cause override (see `cause::code_outweighs`).
    pub fn specific_status(&self) -> Option<StatusCode> {
        self.status.filter(|s| s.class != 2 && !s.is_vague())
    }

    /// The class of the failure: the status code's, else the reply code's.
    pub fn class(&self) -> Option<u8> {
        self.status
            .map(|s| s.class)
            .or(self.reply_code.map(|c| (c / 100) as u8))
    }
}

/// Chooses the codes of one delivery.
pub(crate) fn choose(words: &Words, obs: &Observation<'_>) -> Codes {
    let read = &words.read;
    let (status, status_source) = match (obs.status, read.status) {
        (Some(field), Some(in_words)) => {
            let chosen = field_or_words(field, in_words, read.reply_code);
            let source = if chosen == field {
                StatusSource::Dsn
            } else {
                StatusSource::Reply
            };
            (Some(chosen), Some(source))
        }
        (Some(field), None) => (Some(field), Some(StatusSource::Dsn)),
        (None, Some(r)) => (Some(r), Some(StatusSource::Reply)),
        (None, None) => (None, None),
    };
    // Of the codes in the words, the most telling one of the status's class; a code stated
    // outside the words (a report field) when the words hold none that fits.
    let class = status.map(|s| s.class);
    let fits = |c: &u16| class.is_none_or(|k| c / 100 == u16::from(k));
    let reply_code = reply::preferred_reply_code(&read.hits, class).or(obs.reply_code.filter(fits));
    Codes {
        status,
        status_source,
        reply_code,
    }
}

/// Which of two status codes to take when a report field states one and the server's words
/// hold another, as the reference classifier chooses: the one of the reply code's class when
/// the two classes differ; the specific one over a vague one (`X.0.0`, or a subject or detail
/// of 0); the words' over field values that are ambiguous (`4.4.7` delivery time expired,
/// `4.7.0`) or name a protocol or system failure (`X.5.1`, `X.5.2`, `X.5.4`, `X.5.5`,
/// `5.3.X`); the words' over `5.1.1` unless they are vaguer; else the field's.
pub(crate) fn field_or_words(
    field: StatusCode,
    words: StatusCode,
    reply: Option<u16>,
) -> StatusCode {
    if field == words {
        return field;
    }
    if let Some(reply) = reply {
        let class = (reply / 100) as u8;
        if field.class != words.class {
            if class == field.class {
                return field;
            }
            if class == words.class {
                return words;
            }
        }
    }
    if field.is_generic() {
        return if words.is_generic() { field } else { words };
    }
    if field.is_vague() && !words.is_vague() {
        return words;
    }
    if words.is_generic() {
        return field;
    }
    let ambiguous = matches!(
        (field.class, field.subject, field.detail),
        (4, 4, 7) | (4, 7, 0) | (5, 3, _) | (_, 5, 1 | 2 | 4 | 5)
    );
    if ambiguous {
        return words;
    }
    if field == StatusCode::new(5, 1, 1) {
        return if words.is_vague() || words.starts_with("5.5") {
            field
        } else {
            words
        };
    }
    if field == StatusCode::new(5, 1, 3) && words.starts_with("5.7") {
        return words;
    }
    field
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> StatusCode {
        s.parse().unwrap()
    }

    #[test]
    fn status_field_against_the_words() {
        let p = |f: &str, w: &str, r: Option<u16>| field_or_words(code(f), code(w), r).to_string();
        // The class of the reply code decides between classes.
        assert_eq!(p("5.5.0", "4.7.0", Some(421)), "4.7.0");
        assert_eq!(p("4.0.0", "5.1.1", Some(421)), "4.0.0");
        // A code that says only the class gives way.
        assert_eq!(p("5.0.0", "5.3.0", Some(554)), "5.3.0");
        assert_eq!(p("5.2.0", "5.2.2", None), "5.2.2");
        // Ambiguous field values give way to the words.
        assert_eq!(p("4.4.7", "4.7.1", Some(450)), "4.7.1");
        assert_eq!(p("5.1.1", "5.7.1", Some(550)), "5.7.1");
        assert_eq!(p("5.1.1", "5.5.0", Some(550)), "5.1.1");
        // Otherwise the field stands.
        assert_eq!(p("5.2.2", "5.2.1", Some(550)), "5.2.2");
    }

    #[test]
    fn only_a_code_with_subject_and_detail_is_specific() {
        let of = |s: &str| Codes {
            status: Some(code(s)),
            status_source: Some(StatusSource::Reply),
            reply_code: None,
        };
        assert_eq!(of("5.2.2").specific_status(), Some(code("5.2.2")));
        assert_eq!(of("4.1.1").specific_status(), Some(code("4.1.1")));
        for vague in ["5.0.0", "5.7.0", "4.0.0", "2.1.5"] {
            assert_eq!(of(vague).specific_status(), None, "{vague}");
        }
        let reply_only = Codes {
            status: None,
            status_source: None,
            reply_code: Some(552),
        };
        assert_eq!(reply_only.specific_status(), None);
    }

    #[test]
    fn codes_of_the_field_and_of_the_words() {
        let kb = crate::Knowledge::shared().unwrap();
        let words = Words::read(kb, "550 5.1.1 <a@example.jp>: User unknown");
        let generic_field = Observation {
            status: Some(code("5.0.0")),
            ..Observation::default()
        };
        let c = choose(&words, &generic_field);
        assert_eq!(c.status, Some(code("5.1.1")));
        assert_eq!(c.status_source, Some(StatusSource::Reply));
        assert_eq!(c.reply_code, Some(550));
        let specific_field = Observation {
            status: Some(code("5.2.2")),
            ..Observation::default()
        };
        assert_eq!(
            choose(&words, &specific_field).status_source,
            Some(StatusSource::Dsn)
        );
    }
}
