//! fml, a mailing list manager (`X-MLServer: fml ...`, from `<list>-admin@`).
//!
//! fml refuses a post and says why in a few lines naming the list or the sender in angle
//! brackets ("You are not a member of this mailing list <neko@example.org>.", "Duplicated
//! Message-ID in <...>."); its Subject repeats the cause ("You ... are not member",
//! "Loop Alert: ..."). The knowledge base reads those causes, in the words and in the
//! Subject (`servers/fml.toml`).

use super::common::{address_in, detected, header_has, recipient, squeeze, text_until};
use super::{Detected, Detector};
use crate::facts::RecipientFacts;
use crate::message::Message;

/// The fml detector.
pub struct Fml;

const ID: &str = "fml";

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
        for r in &mut recipients {
            r.diagnostic = squeeze(&r.diagnostic);
        }
        detected(ID, recipients)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::{corpus, diagnosed_reasons};
    use bouncedoc_core::Reason;

    #[test]
    fn not_a_member() {
        let d = Fml.detect(&corpus("lhost-fml-02.eml")).unwrap();
        assert_eq!(d.recipients.len(), 1);
        assert_eq!(
            d.recipients[0].recipient.as_deref(),
            Some("neko-nyaan@example.org")
        );
        assert_eq!(diagnosed_reasons("lhost-fml-02.eml"), [Reason::Rejected]);
    }

    #[test]
    fn loop_alert() {
        assert!(Fml.detect(&corpus("lhost-fml-03.eml")).is_some());
        assert_eq!(
            diagnosed_reasons("lhost-fml-03.eml")[0],
            Reason::SystemError
        );
    }
}
