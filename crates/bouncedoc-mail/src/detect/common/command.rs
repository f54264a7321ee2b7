//! The SMTP command a report says the remote server was answering, in the core's
//! vocabulary ([`SmtpCommand`]): from the words of a text, or from a verb a transcript or a
//! report field names.

use bouncedoc_core::SmtpCommand;

use super::search::{TextSearch, finder};

/// The SMTP commands in the order of a session, each with the engine's stage for it; a text
/// that names several was answered at the furthest one. `AUTH` and `QUIT` have no stage in
/// the engine, but a text that names them names a command all the same.
const COMMANDS: &[(&str, Option<SmtpCommand>)] = &[
    ("HELO", Some(SmtpCommand::Helo)),
    ("EHLO", Some(SmtpCommand::Helo)),
    ("STARTTLS", Some(SmtpCommand::StartTls)),
    ("AUTH", None),
    ("MAIL FROM", Some(SmtpCommand::Mail)),
    ("MAIL", Some(SmtpCommand::Mail)),
    ("RCPT TO", Some(SmtpCommand::Rcpt)),
    ("RCPT", Some(SmtpCommand::Rcpt)),
    ("DATA", Some(SmtpCommand::Data)),
    ("BDAT", Some(SmtpCommand::Data)),
    ("QUIT", None),
];

/// The SMTP command a text says the server was answering: `(in reply to RCPT TO command)`,
/// `after end of data`, `SMTP command DATA`, `>>> MAIL From:<...>`. Commands count only in
/// upper case and as whole words (so that `data` in prose or `DATABASE@example.jp` do not);
/// when several are named, the furthest one in a session wins. The greeting and the
/// connection itself give [`SmtpCommand::Connect`]. `None` also when the furthest command
/// named has no stage in the engine (`QUIT`); [`any_smtp_command`] tells the two apart.
pub fn smtp_command(text: &str) -> Option<SmtpCommand> {
    any_smtp_command(text).flatten()
}

/// Whether a text names an SMTP command as [`smtp_command`] reads it (`None` when it names
/// none), and the engine's stage for it (`Some(None)` for `AUTH` or `QUIT`), for a
/// detector that takes the first text naming any command.
pub fn any_smtp_command(text: &str) -> Option<Option<SmtpCommand>> {
    let lower = text.to_ascii_lowercase();
    if lower.holds("end of data") || lower.holds("after data") {
        return Some(Some(SmtpCommand::Data));
    }
    let mut found: Option<(usize, Option<SmtpCommand>)> = None;
    for (rank, (word, command)) in COMMANDS.iter().enumerate() {
        // Each word's searcher is built once per thread (`str::match_indices` built one for
        // every text).
        let whole = finder(word).find_iter(text.as_bytes()).any(|i| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
            boundary(before) && boundary(after) && !after.is_some_and(|c| c == '@' || c == '.')
        });
        if whole && found.is_none_or(|(r, _)| rank > r) {
            found = Some((rank, *command));
        }
    }
    if let Some((_, command)) = found {
        return Some(command);
    }
    if lower.holds("initial connection")
        || lower.holds("smtp greeting")
        || lower.holds("refused to talk to me")
    {
        return Some(Some(SmtpCommand::Connect));
    }
    None
}

/// The engine's stage for a command as reports, transcripts and detectors name it (`CONN`,
/// `EHLO`, `RCPT`, `MAIL FROM`, ...); `None` for a verb it has no stage for.
pub fn command_of_verb(name: &str) -> Option<SmtpCommand> {
    SmtpCommand::from_stage(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands() {
        assert_eq!(
            smtp_command("550 Unknown user (in reply to end of DATA command)"),
            Some(SmtpCommand::Data)
        );
        assert_eq!(
            smtp_command("SMTP error from remote mail server after RCPT TO:<a@example.jp>:"),
            Some(SmtpCommand::Rcpt)
        );
        assert_eq!(
            smtp_command("SMTP error from remote mail server after end of data:"),
            Some(SmtpCommand::Data)
        );
        assert_eq!(
            smtp_command("host mx.example.jp refused to talk to me: 554 Blocked"),
            Some(SmtpCommand::Connect)
        );
        assert_eq!(
            smtp_command("550 5.1.1 <DATABASE@example.jp> unknown"),
            None
        );
        assert_eq!(smtp_command("the data was lost"), None);
        assert_eq!(
            smtp_command("554 refused (in reply to EHLO)"),
            Some(SmtpCommand::Helo)
        );
    }

    /// A command without a stage still counts as the one named, and as the furthest.
    #[test]
    fn commands_without_a_stage() {
        assert_eq!(any_smtp_command("QUIT"), Some(None));
        assert_eq!(
            any_smtp_command("RCPT TO:<a@example.jp> then QUIT"),
            Some(None)
        );
        assert_eq!(smtp_command("RCPT TO:<a@example.jp> then QUIT"), None);
        assert_eq!(any_smtp_command("the data was lost"), None);
        assert_eq!(
            any_smtp_command("in reply to MAIL FROM"),
            Some(Some(SmtpCommand::Mail))
        );
    }

    #[test]
    fn verbs() {
        assert_eq!(command_of_verb("CONN"), Some(SmtpCommand::Connect));
        assert_eq!(command_of_verb(" ehlo "), Some(SmtpCommand::Helo));
        assert_eq!(command_of_verb("LHLO"), Some(SmtpCommand::Helo));
        assert_eq!(command_of_verb("RCPT TO"), Some(SmtpCommand::Rcpt));
        assert_eq!(command_of_verb("BDAT"), Some(SmtpCommand::Data));
        assert_eq!(command_of_verb("QUIT"), None);
        assert_eq!(command_of_verb("XFORWARD"), None);
    }
}
