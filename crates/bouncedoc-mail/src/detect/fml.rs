//! fml, a mailing list manager (`X-MLServer: fml ...`, from `<list>-admin@`).
//!
//! fml refuses a post and says why in a few lines naming the list or the sender in angle
//! brackets ("You are not a member of this mailing list <neko@example.org>.", "Duplicated
//! Message-ID in <...>."); its Subject repeats the cause ("You ... are not member",
//! "Loop Alert: ..."). Those causes are read as the reasons they state: a post refused
//! (`rejected`), a mail loop (`systemerror`), a security alert (`securityerror`).

use bouncedoc_core::Reason;

use super::common::{address_in, detected, header_has, recipient, squeeze, text_until};
use super::domino::stated_cause;
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The fml detector.
pub struct Fml;

const ID: &str = "fml";

/// fml's statements in the body.
const IN_BODY: &[(&str, Reason)] = &[
    (" header may cause mail loop", Reason::Rejected),
    ("NOT MEMBER article from ", Reason::Rejected),
    ("reject mail from ", Reason::Rejected),
    ("reject spammers:", Reason::Rejected),
    (
        "You are not a member of this mailing list",
        Reason::Rejected,
    ),
    (
        " has detected a loop condition so that",
        Reason::SystemError,
    ),
    ("Duplicated Message-ID", Reason::SystemError),
    ("Loop Back Warning:", Reason::SystemError),
    ("Security alert:", Reason::SecurityError),
];

/// fml's statements in the Subject.
const IN_SUBJECT: &[(&str, Reason)] = &[
    (" are not member", Reason::Rejected),
    ("NOT MEMBER article from ", Reason::Rejected),
    ("reject mail ", Reason::Rejected),
    ("Spam mail from a spammer is rejected", Reason::Rejected),
    ("fml system error message", Reason::SystemError),
    ("Loop Alert: ", Reason::SystemError),
    ("Loop Back Warning: ", Reason::SystemError),
    ("WARNING: UNIX FROM Loop", Reason::SystemError),
    ("Security Alert", Reason::SecurityError),
];

impl Detector for Fml {
    fn id(&self) -> &'static str {
        ID
    }

    fn detect(&self, message: &Message) -> Option<Detected> {
        message.header("x-mlserver")?;
        if !header_has(message, "from", &["-admin@"]) {
            return None;
        }
        let text = text_until(message, &["Original mail as follows:"]);
        let mut recipients: Vec<RecipientFacts> = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let named = line
                .find('<')
                .filter(|p| *p > 0)
                .and_then(|p| address_in(&line[p..]));
            match (named, recipients.last_mut()) {
                (Some(a), _) => recipients.push(recipient(Some(a), line.to_string())),
                (None, Some(r)) => {
                    r.diagnostic.push(' ');
                    r.diagnostic.push_str(line);
                }
                (None, None) => {}
            }
        }
        let subject = message.header("subject").unwrap_or("");
        for r in &mut recipients {
            r.diagnostic = squeeze(&r.diagnostic);
            r.reason =
                stated_cause(&r.diagnostic, IN_BODY).or_else(|| stated_cause(subject, IN_SUBJECT));
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::corpus;

    #[test]
    fn not_a_member() {
        let d = Fml.detect(&corpus("lhost-fml-02.eml")).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("neko-nyaan@example.org")
        );
        assert_eq!(d.recipients[0].reason, Some(Reason::Rejected));
    }

    #[test]
    fn loop_alert() {
        let d = Fml.detect(&corpus("lhost-fml-03.eml")).unwrap();
        assert_eq!(d.recipients[0].reason, Some(Reason::SystemError));
    }
}
