//! Which SMTP command a refusal answered: the same words mean different things at
//! different stages ("user unknown" after DATA is a content filter, not a missing mailbox).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::vocab::SmtpCommand;

/// How reports name the stage of the conversation, lower-cased. Each entry is matched as a
/// plain substring of the lower-cased text; the earliest match in the text wins.
const STAGE_WORDS: &[(&str, SmtpCommand)] = &[
    ("in reply to end of data command", SmtpCommand::Data),
    ("after end of data", SmtpCommand::Data),
    ("in reply to data command", SmtpCommand::Data),
    ("after data", SmtpCommand::Data),
    (">>> data", SmtpCommand::Data),
    ("end of data", SmtpCommand::Data),
    ("in reply to rcpt to command", SmtpCommand::Rcpt),
    ("after rcpt to", SmtpCommand::Rcpt),
    (">>> rcpt to", SmtpCommand::Rcpt),
    ("rcpt to:", SmtpCommand::Rcpt),
    ("rcpt to command", SmtpCommand::Rcpt),
    ("in reply to mail from command", SmtpCommand::Mail),
    ("after mail from", SmtpCommand::Mail),
    (">>> mail from", SmtpCommand::Mail),
    ("mail from command", SmtpCommand::Mail),
    ("in reply to helo command", SmtpCommand::Helo),
    ("in reply to ehlo command", SmtpCommand::Helo),
    ("after helo", SmtpCommand::Helo),
    ("after ehlo", SmtpCommand::Helo),
    (">>> ehlo", SmtpCommand::Helo),
    (">>> helo", SmtpCommand::Helo),
    ("after initial connection", SmtpCommand::Connect),
    ("while connected to", SmtpCommand::Connect),
    ("greeting", SmtpCommand::Connect),
    ("in reply to starttls command", SmtpCommand::StartTls),
    // qmail-remote's sentences (notqmail qmail-remote.c), as a pasted qmail bounce has them.
    ("but greeting failed", SmtpCommand::Connect),
    ("but my name was rejected", SmtpCommand::Helo),
    ("but sender was rejected", SmtpCommand::Mail),
    ("does not like recipient", SmtpCommand::Rcpt),
    ("failed on data command", SmtpCommand::Data),
    ("failed after i sent the message", SmtpCommand::Data),
];

/// [`STAGE_WORDS`] as one automaton: leftmost-first finds the earliest match in the text,
/// and of words that start at the same place the one listed first, in one pass.
static STAGE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(STAGE_WORDS.iter().map(|(w, _)| w))
        .expect("the stage words are plain strings")
});

/// The SMTP command a report says the refusal answered, if it says.
pub fn find_command(lowercase: &str) -> Option<SmtpCommand> {
    STAGE_FINDER
        .find(lowercase)
        .map(|m| STAGE_WORDS[m.pattern().as_usize()].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages() {
        assert_eq!(
            find_command("host mx said: 550 5.1.1 user unknown (in reply to rcpt to command)"),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(
            find_command("smtp error from remote mail server after end of data: 550 rejected"),
            Some(SmtpCommand::Data)
        );
        assert_eq!(
            find_command(">>> data\n<<< 550 5.2.1 user unknown"),
            Some(SmtpCommand::Data)
        );
        assert_eq!(find_command("550 user unknown"), None);
        // The earliest words win, and of words at the same place the first listed.
        assert_eq!(
            find_command("after rcpt to: <a@example.jp> ... in reply to end of data command"),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(find_command("end of data"), Some(SmtpCommand::Data));
    }

    #[test]
    fn qmail_remote_names_the_stage_in_its_own_sentences() {
        assert_eq!(
            find_command("192.0.2.1 does not like recipient.\nremote host said: 550 unknown user"),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(
            find_command("connected to 192.0.2.1 but sender was rejected."),
            Some(SmtpCommand::Mail)
        );
        assert_eq!(
            find_command("192.0.2.1 failed after i sent the message.\nremote host said: 554 spam"),
            Some(SmtpCommand::Data)
        );
    }
}
