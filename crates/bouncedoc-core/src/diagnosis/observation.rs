//! What is known of one delivery before it is diagnosed: the server's words, and the
//! context a report gives them.

use crate::status::StatusCode;
use crate::vocab::{Action, SmtpCommand};

/// Where the words come from, which decides how much of their context is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportKind {
    /// Words on their own: a reply or a fragment a person pasted.
    #[default]
    Words,
    /// A whole delivery report (a bounce or a delay notice) that a format reader read.
    Delivery,
    /// A feedback (complaint) report: the recipient's side reported the message.
    Feedback,
    /// An automatic reply (RFC 3834): the message was delivered and answered by a program.
    AutoReply,
}

impl ReportKind {
    /// True for the words of a whole report, whatever its kind.
    pub fn is_report(self) -> bool {
        self != ReportKind::Words
    }
}

/// A value that a report's own field states about a recipient (a sending service's bounce
/// type, a provider's filter header), named `format.field`; `knowledge/report-fields.toml`
/// says what each value means.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportField {
    /// `format.field`, as `report-fields.toml` names it (`amazonses.bounceSubType`).
    pub name: &'static str,
    /// The value as the report wrote it.
    pub value: String,
}

/// One delivery as a report (or a person) describes it: the words and their context. The
/// same words in the same context always give the same diagnosis, whichever reader gathered
/// them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Observation<'a> {
    /// The server's words (a reply, a `Diagnostic-Code`, a bounce's text).
    pub text: &'a str,
    /// The final recipient, when known.
    pub recipient: Option<&'a str>,
    /// The `Status:` of a delivery report, when there is one.
    pub status: Option<StatusCode>,
    /// A reply code known from elsewhere (a report field), used when the words hold none.
    pub reply_code: Option<u16>,
    /// The DSN action, when known.
    pub action: Option<Action>,
    /// The SMTP command the refusal answered, when the report states it.
    pub command: Option<SmtpCommand>,
    /// The kind of server that wrote the report, as shown in the diagnosis (`postfix`).
    pub mta: Option<&'a str>,
    /// The report format that was read (a format reader's id: `postfix`, `domino`,
    /// `amazonses`, `rfc3464`): rules limited to a format apply only under it.
    pub server: Option<&'a str>,
    /// The words are those of a local delivery program (`Diagnostic-Code: X-Unix`, a pipe).
    pub local_program: bool,
    /// What the words come from.
    pub report: ReportKind,
    /// The report's Subject, for the rules of formats that state their cause there.
    pub subject: Option<&'a str>,
    /// Values the report's own fields state.
    pub fields: &'a [ReportField],
}

impl Observation<'_> {
    /// Whether to report the pseudo status code of the reason when no code is found, as
    /// the reference classifier (Sisimai) does for the recipients of delivery reports.
    pub(crate) fn infers_status(&self) -> bool {
        self.report == ReportKind::Delivery
    }
}
