//! The command line: subcommands, flags and their help.

use bouncedoc_core::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Tells why an email bounced, whose side must act, and what to do about it.
#[derive(Debug, Parser)]
#[command(name = "bouncedoc", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain an SMTP error reply, or any text pasted from a bounce.
    ///
    /// The text comes from the arguments (joined with spaces), from the file one argument
    /// names (an .eml, an Outlook .msg, a saved text), or, when there is none or it is `-`,
    /// from standard input. A whole bounce (or its body) gives one answer per recipient; a
    /// bounce forwarded as an attachment is read as the bounce it forwards. With
    /// `--format json`: one answer object (the diagnosis with `recognized`), or an array
    /// of them for several recipients. Exit status: 0 when a diagnosis was made, 1 when
    /// nothing in the text was recognized, 2 on a usage error, an unreadable file or empty
    /// input.
    Explain(ExplainArgs),
    /// Read whole bounce messages and diagnose every failed recipient.
    ///
    /// PATH may be an .eml file, a folder of them, a Maildir folder, an mbox file, or `-` for
    /// standard input (the default). A message that is not a bounce is reported as such; one
    /// that cannot be read gives an error record, and the run goes on. A summary goes to
    /// standard error. Exit status: 0, or 1 when some input could not be read.
    Parse(ParseArgs),
    /// Read mail servers' delivery logs and diagnose every failed or deferred delivery.
    ///
    /// Postfix, Exim, Sendmail, qmail and OpenSMTPD logs (plain, syslog, RFC 5424 or
    /// `journalctl -o json`), Microsoft 365 message trace and PowerMTA accounting CSV, and
    /// KumoMTA JSON records, gzip-compressed or not. A delivery's repeated deferrals are one
    /// record, which says how it ended. Unknown lines are counted and skipped; a damaged line
    /// gives an error record. A summary goes to standard error. Exit status: 0, or 1 when a
    /// line was damaged or a file could not be read.
    Logs(crate::commands::logs::LogsArgs),
    /// Count the output of `parse` or `logs` (JSON lines), or the ledger's events, into a
    /// page or a summary.
    ///
    /// One self-contained HTML page (inline SVG charts, no JavaScript), or a terminal
    /// summary: failures by reason, by receiving provider, by domain, by who must act and by
    /// day, deferrals by day, the causes the sending side can fix (most failures first) and
    /// the dead addresses. With `--database` (and no file named), the ledger's failures and
    /// delay warnings.
    Report(crate::commands::report::ReportArgs),
    /// List the SMTP reply codes and enhanced status codes, or explain one.
    Codes(CodesArgs),
    /// Document the reasons a diagnosis can give, or one of them.
    Reasons(ReasonsArgs),
    /// Serve the HTTP API (/api/v1) and the web page (/) until Ctrl-C.
    Serve(ServeArgs),
    /// Record bounces in the ledger and suppress addresses as the policy says.
    ///
    /// PATH takes the same inputs as `parse`. Each recipient diagnosis is an event; a message
    /// already recorded adds nothing. Messages are recorded 256 at a time, each batch in one
    /// transaction, so an interrupted run can simply be run again. Exit status: 0, or 1 when
    /// some input could not be read.
    Ingest(crate::commands::ingest::IngestArgs),
    /// Say whether to mail addresses, and why not.
    ///
    /// Exit status: 0 when every address may be mailed, 1 when some are suppressed, 3 when
    /// none is suppressed but some should wait (a mailbox that was full lately), 2 when an
    /// argument is not an email address (it is named, and the others are still checked).
    Check(crate::commands::check::CheckArgs),
    /// List the suppressed addresses, why and since when (human, CSV or JSON).
    Suppressions(crate::commands::suppressions::SuppressionsArgs),
    /// Lift the suppression of an address (kept in the history, with who and why).
    Unsuppress(crate::commands::unsuppress::UnsuppressArgs),
    /// Put bounce messages (the same inputs as `ingest`) onto a NATS JetStream stream for
    /// `bouncedoc worker`; a message already on the stream (same content) is dropped by it.
    Publish(crate::commands::publish::PublishArgs),
    /// Take messages from a NATS JetStream stream into the ledger, with any number of other
    /// workers; each batch is acknowledged once its transaction has committed.
    Worker(crate::commands::worker::WorkerArgs),
}

#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("webhook_sink")
        .args(["database", "publish_nats"])
        .multiple(true)
))]
pub struct ServeArgs {
    /// Address and port to listen on (loopback by default; port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8025")]
    pub listen: std::net::SocketAddr,
    /// Largest request body accepted, in bytes; larger ones get 413.
    #[arg(long, default_value_t = 10 * 1024 * 1024)]
    pub max_body: usize,
    /// Longest a request may take, upload included, in seconds; slower ones get 408 and
    /// their work is stopped (a ledger ingest then records nothing).
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// The most bytes one message of a request may have (one message, or one message of an
    /// mbox); a longer one is not read (413, or an error record in an mbox).
    #[arg(long, default_value_t = bouncedoc_mail::records::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
    /// The most diagnoses and ledger writes running at once [default: twice the cores];
    /// further requests wait up to 10 seconds for a turn, then get 503.
    #[arg(long)]
    pub max_jobs: Option<usize>,
    /// Write the request logs as JSON lines instead of text (on standard error).
    #[arg(long)]
    pub log_json: bool,
    /// Keep a bounce ledger and serve it under /api/v1/ledger (ingest, check, suppressions):
    /// an SQLite file (created when missing) or a postgres:// URL. Off when not given.
    #[arg(long, value_name = "FILE|URL")]
    pub database: Option<String>,
    /// The ledger's suppression policy (TOML; see `bouncedoc ingest --print-policy`).
    #[arg(long, value_name = "FILE", requires = "database")]
    pub policy: Option<std::path::PathBuf>,
    /// A file holding the token the ledger's endpoints require (`Authorization: Bearer
    /// <token>`; at least 16 visible ASCII characters). Or set BOUNCEDOC_TOKEN to the token
    /// itself. Without one the ledger is refused over HTTP, and `--database` on a non-loopback
    /// address refuses to start.
    #[arg(long, value_name = "PATH")]
    pub token_file: Option<std::path::PathBuf>,
    /// Let the ledger's reads (check, suppressions) answer without the token; its writes
    /// (ingest, unsuppress) always need it.
    #[arg(long, requires = "database")]
    pub ledger_public_reads: bool,
    /// A host name the server also answers for (besides localhost, 127.0.0.1, [::1] and the
    /// address a client reached), any port; repeat for several. Others get 421.
    #[arg(long, value_name = "NAME")]
    pub allowed_host: Vec<String>,
    /// An origin (`https://admin.example.com`) whose pages may also post to the server;
    /// repeat for several. Others get 403.
    #[arg(long, value_name = "ORIGIN")]
    pub allowed_origin: Vec<String>,
    /// Take sending services' webhooks at /api/v1/webhooks/{service}, recorded in the
    /// ledger (--database) or put onto a stream (--publish-nats): a TOML file with one table
    /// per service and how to verify it (secrets read from files or environment variables
    /// it names; see the README, "Webhooks").
    #[arg(long, value_name = "FILE", requires = "webhook_sink")]
    pub webhooks_config: Option<std::path::PathBuf>,
    /// Where Amazon SNS signing certificates are saved, each under the file name ending
    /// its SigningCertURL (over the `[ses]` table's certificate_dir); without either, they
    /// are fetched over HTTPS from sns.<region>.amazonaws.com (once each).
    #[arg(long, value_name = "DIR", requires = "webhooks_config")]
    pub sns_cert_dir: Option<std::path::PathBuf>,
    /// Accept signed SNS SubscriptionConfirmation messages (their SubscribeURL is logged for
    /// you to open); refused otherwise.
    #[arg(long, requires = "webhooks_config")]
    pub sns_confirm_subscriptions: bool,
    /// Put the webhooks' verified bodies onto this NATS server's stream (--publish-stream)
    /// for `bouncedoc worker` to record, instead of recording them here; a service is
    /// answered once the stream has its body.
    #[arg(long, value_name = "URL", requires_all = ["webhooks_config", "publish_stream"])]
    pub publish_nats: Option<String>,
    /// The JetStream stream of --publish-nats (made when missing).
    #[arg(long, value_name = "NAME", requires = "publish_nats")]
    pub publish_stream: Option<String>,
}

/// Output options shared by the subcommands.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Language of the texts: `ja` or `en` [default: BOUNCEDOC_LANG, else LC_ALL, LC_MESSAGES
    /// or LANG, else en; `explain` answers a Japanese paste in Japanese unless --lang,
    /// BOUNCEDOC_LANG or a Japanese locale decides]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The reply text, e.g. `550 5.1.1 <taro@example.jp>... User unknown`.
    pub text: Vec<String>,
    #[command(flatten)]
    pub context: ContextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What is known beside the words, when they come from a report: with the same context,
/// `explain` answers as `parse` does for that report's recipient.
#[derive(Debug, Args)]
pub struct ContextArgs {
    /// The status code a report field states (`Status: 5.1.1`).
    #[arg(long, value_parser = parse_status)]
    pub status: Option<bouncedoc_core::StatusCode>,
    /// The SMTP command the refusal answered (`CONNECT`, `HELO`, `MAIL`, `RCPT`, `DATA`).
    #[arg(long, value_parser = parse_command)]
    pub command: Option<bouncedoc_core::SmtpCommand>,
    /// The report format that wrote the words (`postfix`, `exim`, `domino`, ...: the
    /// `message.detector` of `parse`'s records).
    #[arg(long)]
    pub server: Option<String>,
    /// The words come from a whole delivery report (as `parse` reads them), not a bare
    /// reply.
    #[arg(long)]
    pub in_report: bool,
}

fn parse_status(value: &str) -> Result<bouncedoc_core::StatusCode, String> {
    value
        .parse()
        .map_err(|e: bouncedoc_core::BadStatusCode| e.to_string())
}

fn parse_command(value: &str) -> Result<bouncedoc_core::SmtpCommand, String> {
    bouncedoc_core::SmtpCommand::from_stage(value).ok_or_else(|| {
        format!("`{value}` is not an SMTP command (CONNECT, HELO, MAIL, RCPT, DATA)")
    })
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Files, folders, Maildirs or mbox files; `-` for standard input.
    #[arg(default_value = "-")]
    pub paths: Vec<std::path::PathBuf>,
    /// Language of the texts: `ja` or `en` [default: BOUNCEDOC_LANG, else the locale, else en]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Human)]
    pub format: ParseFormat,
    /// CSV for Microsoft Excel: UTF-8 with a byte-order mark and CRLF line ends, so that
    /// Japanese text opens ungarbled (implies `--format csv`).
    #[arg(long)]
    pub excel: bool,
    /// Threads that diagnose [default: one per core]; with 1, one thread reads, diagnoses
    /// and writes.
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// The most bytes one message may have (a file, standard input, one message of an mbox);
    /// a longer one gives an error record and is not read further.
    #[arg(long, default_value_t = bouncedoc_mail::records::DEFAULT_MAX_MESSAGE_BYTES)]
    pub max_message_bytes: usize,
    /// Do not print the closing summary.
    #[arg(long)]
    pub quiet: bool,
}

/// How `parse` prints its records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormat {
    /// The explain layout, one block per recipient.
    Human,
    /// One JSON object per line: per recipient, per non-bounce, per unreadable message.
    Jsonl,
    /// One row per recipient, with a header row: the diagnosis, then the bounce's date and
    /// the returned message's Message-ID, From, To and Subject.
    Csv,
    /// One line per recipient, for scanning a big run: the address, the reason, who must
    /// act, the status code and the headline (`|` between them).
    Line,
}

#[derive(Debug, Args)]
pub struct CodesArgs {
    /// A reply code (`550`) or an enhanced status code (`5.7.26`); all codes when omitted.
    pub code: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ReasonsArgs {
    /// A reason id (`mailboxfull`); all reasons when omitted.
    pub reason: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Where the queue is, for `publish` and `worker`: the NATS server and the JetStream stream.
#[derive(Debug, Args)]
pub struct StreamArgs {
    /// The NATS server.
    #[arg(
        long,
        env = "BOUNCEDOC_NATS",
        default_value = "nats://127.0.0.1:4222",
        value_name = "URL"
    )]
    pub nats: String,
    /// The JetStream stream (made when missing).
    #[arg(
        long,
        env = "BOUNCEDOC_STREAM",
        default_value = "bounces",
        value_name = "NAME"
    )]
    pub stream: String,
}

/// The language of a command's texts, for the commands without output options (`check`,
/// `suppressions`, `unsuppress`, `publish`, `worker`).
#[derive(Debug, Args)]
pub struct LangArg {
    /// Language of the texts: `ja` or `en` [default: BOUNCEDOC_LANG, else the locale, else
    /// en]
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

impl LangArg {
    /// The language asked for, else the environment's ([`env_lang`]), else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(locale_lang)
    }
}

/// How to print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a person: headline, meaning, who acts, what to do.
    Human,
    /// For programs: the diagnosis object of the contract.
    Json,
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse::<Lang>().map_err(|e| e.to_string())
}

impl Command {
    /// The language the command was asked to speak in (`--lang`), when it takes one.
    pub fn lang(&self) -> Option<Lang> {
        match self {
            Command::Explain(a) => a.output.lang,
            Command::Codes(a) => a.output.lang,
            Command::Reasons(a) => a.output.lang,
            Command::Parse(a) => a.lang,
            Command::Logs(a) => a.lang,
            Command::Report(a) => a.lang,
            Command::Ingest(a) => a.lang,
            Command::Check(a) => a.lang.lang,
            Command::Suppressions(a) => a.lang.lang,
            Command::Unsuppress(a) => a.lang.lang,
            Command::Publish(a) => a.lang.lang,
            Command::Worker(a) => a.lang.lang,
            _ => None,
        }
    }
}

impl OutputArgs {
    /// The language asked for, else the environment's ([`env_lang`]), else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(locale_lang)
    }

    /// The language asked for, else `BOUNCEDOC_LANG`'s, else Japanese when the locale is a
    /// Japanese one: `None` leaves the choice to the text being answered (an English or `C`
    /// locale does not turn the answer to a Japanese paste into English).
    pub fn chosen_lang(&self) -> Option<Lang> {
        self.lang
            .or_else(bouncedoc_lang)
            .or_else(|| posix_locale_lang().filter(|l| *l == Lang::Ja))
    }
}

/// The language `BOUNCEDOC_LANG` names (`en`, `ja`), when it names one.
fn bouncedoc_lang() -> Option<Lang> {
    std::env::var("BOUNCEDOC_LANG")
        .ok()
        .and_then(|v| Lang::from_locale(v.trim()))
}

/// The language of the user's locale (LC_ALL, then LC_MESSAGES, then LANG, the first one set
/// deciding), when it is one the product speaks.
fn posix_locale_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_locale(&v))
}

/// The language of the environment: `BOUNCEDOC_LANG` (`en`, `ja`), else the user's locale
/// (LC_ALL, then LC_MESSAGES, then LANG, the first one set deciding), when it is one the
/// product speaks.
pub fn env_lang() -> Option<Lang> {
    bouncedoc_lang().or_else(posix_locale_lang)
}

/// The language of the environment ([`env_lang`]), else English.
pub fn locale_lang() -> Lang {
    env_lang().unwrap_or_default()
}

pub use bouncedoc_core::is_japanese;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_is_told_by_kana_and_kanji() {
        assert!(is_japanese("メールボックスがいっぱいです"));
        assert!(is_japanese("宛先不明"));
        assert!(is_japanese("ｱﾄﾞﾚｽ"));
        assert!(!is_japanese("550 5.1.1 User unknown — café"));
        // Hangul is not Japanese.
        assert!(!is_japanese("수신자"));
    }
}
