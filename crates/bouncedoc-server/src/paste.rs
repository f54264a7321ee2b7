//! What a person pastes or uploads, read as `bouncedoc explain` reads it: a bounce found in
//! the text (a whole message, a forward with the bounce attached, or only a bounce's body)
//! gives one diagnosis per recipient it reports on; anything else is explained as the words
//! of one reply.

use axum::http::StatusCode;
use bouncedoc_core::{Diagnosis, Engine, Lang};
use bouncedoc_mail::MessageReport;
use bouncedoc_mail::paste::{Found, answered_as_bounce, read_bounce_paste};
use bouncedoc_mail::records::cancel_requested;
use bouncedoc_mail::{Diagnoses, msg};

use crate::api::explain_text;
use crate::errors::ApiError;

/// A bounce found in a paste or a file.
pub(crate) struct FoundBounce {
    /// The message, with the diagnoses of its first recipients.
    pub report: MessageReport,
    /// How many recipients it reports on (some may not be diagnosed).
    pub total: usize,
    /// How it was found.
    pub found: Found,
}

/// The answer to a paste.
pub(crate) enum Paste {
    /// A bounce with the recipients it reports on.
    Bounce(Box<FoundBounce>),
    /// Words, explained as one reply.
    Words(Box<Diagnosis>),
}

/// An Outlook `.msg` file turned into the message it holds; other bytes as they are.
pub(crate) fn unwrap_msg(bytes: &[u8]) -> Result<Option<Vec<u8>>, ApiError> {
    if !msg::is_compound_file(bytes) {
        return Ok(None);
    }
    msg::to_message(bytes).map(Some).map_err(|e| {
        ApiError::bad_request(
            "unreadable_msg",
            format!(
                "the Outlook file (.msg) could not be read ({e}): in Outlook, save the bounce as .eml (File → Save As) and send that"
            ),
        )
    })
}

/// The bounce in a paste, with the diagnoses of its first `first` recipients; `None` when
/// the text holds no bounce that reports on a recipient. A text without headers counts as a
/// bounce's body only when it lists more than one recipient and their words say something
/// (a code), as in `bouncedoc explain`: a note that lists two addresses is no bounce.
pub(crate) fn read_bounce(
    engine: &Engine,
    bytes: &[u8],
    lang: Lang,
    first: usize,
) -> Result<Option<FoundBounce>, ApiError> {
    let Some(pasted) = read_bounce_paste(bytes) else {
        return Ok(None);
    };
    let found = pasted.found;
    let mut each = Diagnoses::new(pasted.bounce);
    let total = each.len();
    let mut diagnoses = Vec::with_capacity(first.min(total));
    while diagnoses.len() < first {
        if cancel_requested() {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "timeout",
                "the request was stopped before its answer was made",
            ));
        }
        match each.next(engine, lang) {
            Some(d) => diagnoses.push(d),
            None => break,
        }
    }
    if !answered_as_bounce(found, diagnoses.iter().map(|(d, _)| d)) {
        return Ok(None);
    }
    let (kind, message) = each.into_message();
    Ok(Some(FoundBounce {
        report: MessageReport {
            kind,
            message,
            diagnoses,
        },
        total,
        found,
    }))
}

/// Reads a paste: the bounce it holds ([`read_bounce`]), else its words; empty text is a
/// `400`.
pub(crate) fn read(
    engine: &Engine,
    text: &str,
    lang: Lang,
    first: usize,
) -> Result<Paste, ApiError> {
    if !text.trim().is_empty() {
        let unwrapped = unwrap_msg(text.as_bytes())?;
        let bytes = unwrapped.as_deref().unwrap_or(text.as_bytes());
        if let Some(found) = read_bounce(engine, bytes, lang, first)? {
            return Ok(Paste::Bounce(Box::new(found)));
        }
    }
    explain_text(engine, text, lang).map(|d| Paste::Words(Box::new(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<a@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <a@example.jp>:\n    Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n<b@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2 <b@example.org>:\n    Mailbox full (in reply to RCPT TO command)\n";

    fn engine() -> Engine {
        Engine::new().unwrap()
    }

    #[test]
    fn a_pasted_body_gives_every_recipient() {
        let Paste::Bounce(b) = read(&engine(), TWO, Lang::En, 10).unwrap() else {
            panic!("read as words");
        };
        assert_eq!(b.total, 2);
        assert_eq!(b.found, Found::Body);
        let to: Vec<_> = b
            .report
            .diagnoses
            .iter()
            .map(|(d, _)| d.recipient.clone().unwrap())
            .collect();
        assert_eq!(to, ["a@example.jp", "b@example.org"]);
        // Only the first ones are diagnosed, all are counted.
        let Paste::Bounce(b) = read(&engine(), TWO, Lang::En, 1).unwrap() else {
            panic!("read as words");
        };
        assert_eq!((b.total, b.report.diagnoses.len()), (2, 1));
    }

    #[test]
    fn words_stay_words() {
        for text in [
            "550 5.1.1 <a@example.jp>... User unknown",
            "hello world",
            "Please write to a@example.jp\nor to b@example.org\n",
        ] {
            assert!(
                matches!(
                    read(&engine(), text, Lang::En, 10).unwrap(),
                    Paste::Words(_)
                ),
                "{text}"
            );
        }
        assert_eq!(
            read(&engine(), "  ", Lang::En, 10).err().unwrap().code,
            "empty_input"
        );
    }
}
