//! SMTP session transcripts (`In:`/`Out:`, `>>>`/`<<<`): what the client sent and what the
//! server answered.

use bouncedoc_core::SmtpCommand;

use super::command::command_of_verb;

/// One exchange of an SMTP session transcript: what the client sent and what the server
/// answered.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exchange {
    /// The engine's stage for the command's verb ([`SmtpCommand::Connect`] for what the
    /// server said before the client spoke); `None` for a verb it has no stage for (`AUTH`,
    /// `QUIT`, `XFORWARD`).
    pub command: Option<SmtpCommand>,
    /// The command's argument (`<a@example.jp>` for `RCPT TO:<a@example.jp>`).
    pub argument: String,
    /// The server's answer, its lines joined with line breaks.
    pub reply: String,
}

fn line_code(line: &str) -> Option<u16> {
    let code: u16 = line.trim_start().get(..3)?.parse().ok()?;
    (200..600).contains(&code).then_some(code)
}

impl Exchange {
    /// The reply code of the server's last answer line.
    pub fn reply_code(&self) -> Option<u16> {
        self.reply.lines().last().and_then(line_code)
    }

    /// The server's refusal: its answer from the first 4xx or 5xx line on.
    pub fn failure(&self) -> Option<String> {
        let lines: Vec<&str> = self.reply.lines().collect();
        let first = lines
            .iter()
            .position(|l| line_code(l).is_some_and(|c| c >= 400))?;
        Some(lines[first..].join("\n"))
    }
}

/// Reads a session transcript whose client lines start with one of `client` and server
/// lines with one of `server` (`In:`/`Out:`, `>>>`/`<<<`). A line that starts with neither
/// continues the line before it. SettledReply stops at the first blank line after the session.
pub fn transcript(lines: &[&str], client: &[&str], server: &[&str]) -> Vec<Exchange> {
    let strip = |line: &str, prefixes: &[&str]| -> Option<String> {
        let t = line.trim_start();
        prefixes
            .iter()
            .find_map(|p| t.strip_prefix(p))
            .map(|r| r.trim().to_string())
    };
    let mut out: Vec<Exchange> = Vec::new();
    let mut last_client = false;
    for line in lines {
        if line.trim().is_empty() {
            if !out.is_empty() {
                break;
            }
            continue;
        }
        if let Some(sent) = strip(line, client) {
            let mut words = sent.splitn(2, [' ', ':']);
            let verb = words.next().unwrap_or("");
            let rest = words.next().unwrap_or("").trim().to_string();
            out.push(Exchange {
                command: command_of_verb(verb),
                argument: rest,
                reply: String::new(),
            });
            last_client = true;
        } else if let Some(answer) = strip(line, server) {
            if out.is_empty() {
                out.push(Exchange {
                    command: Some(SmtpCommand::Connect),
                    ..Exchange::default()
                });
            }
            let e = out.last_mut().expect("one exchange");
            if !e.reply.is_empty() {
                e.reply.push('\n');
            }
            e.reply.push_str(&answer);
            last_client = false;
        } else if let Some(e) = out.last_mut() {
            let more = line.trim();
            let target = if last_client {
                &mut e.argument
            } else {
                &mut e.reply
            };
            if !target.is_empty() {
                target.push(' ');
            }
            target.push_str(more);
        }
    }
    for e in &mut out {
        // `MAIL FROM:<a>` and `RCPT TO:<a>` keep only the address part as the argument.
        if let Some(rest) = e
            .argument
            .strip_prefix("FROM:")
            .or_else(|| e.argument.strip_prefix("From:"))
            .or_else(|| e.argument.strip_prefix("TO:"))
            .or_else(|| e.argument.strip_prefix("To:"))
        {
            e.argument = rest.trim().to_string();
        } else if let Some((_, rest)) = e.argument.split_once(':')
            && matches!(e.command, Some(SmtpCommand::Mail | SmtpCommand::Rcpt))
        {
            e.argument = rest.trim().to_string();
        }
    }
    out
}

/// The failed exchange of a transcript: the first whose answer holds a 4xx or 5xx reply.
pub fn failed_exchange(exchanges: &[Exchange]) -> Option<&Exchange> {
    exchanges.iter().find(|e| e.failure().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::common::address_in;

    #[test]
    fn session_transcript() {
        let lines = [
            " Out: 220 mx.example.jp ESMTP",
            " In:  EHLO mx.example.jp",
            " Out: 250 mx.example.jp",
            " In:  MAIL",
            "     FROM:<a@example.jp> SIZE=1",
            " Out: 250 2.1.0 Ok",
            " In:  RCPT TO:<b@example.jp> ORCPT=rfc822;b@example.jp",
            " Out: 250 2.1.5 Ok",
            " In:  DATA",
            " Out: 354 End data",
            " Out: 451 4.3.0 Error: queue file write error",
            "",
            "after the session",
        ];
        let t = transcript(&lines, &["In:"], &["Out:"]);
        assert_eq!(t[0].command, Some(SmtpCommand::Connect));
        assert_eq!(t[1].command, Some(SmtpCommand::Helo));
        assert_eq!(t[2].command, Some(SmtpCommand::Mail));
        assert_eq!(t[2].argument, "<a@example.jp> SIZE=1");
        assert_eq!(t[3].command, Some(SmtpCommand::Rcpt));
        assert_eq!(address_in(&t[3].argument), Some("b@example.jp".into()));
        let failed = failed_exchange(&t).unwrap();
        assert_eq!(failed.command, Some(SmtpCommand::Data));
        assert_eq!(failed.reply_code(), Some(451));
        assert_eq!(
            failed.failure().as_deref(),
            Some("451 4.3.0 Error: queue file write error")
        );
    }

    #[test]
    fn a_verb_without_a_stage() {
        let t = transcript(&[">>> QUIT", "<<< 221 Bye"], &[">>>"], &["<<<"]);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].command, None);
        assert_eq!(t[0].reply_code(), Some(221));
    }
}
