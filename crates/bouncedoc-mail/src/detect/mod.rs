//! Detectors: one small unit per bounce format that is not (only) an RFC 3464 report.
//!
//! Each detector looks at a parsed [`Message`] and either declines (`None`) or returns the
//! recipients it read. They are tried in the order of [`DETECTORS`]; the first that answers
//! wins. A new format is one new file here plus one line in that list.

pub mod common;
pub mod text;
// Detector modules, one per format (keep sorted within each group).
// -- group: mail servers (MTAs)
pub mod activehunter;
pub mod apachejames;
pub mod biglobe;
pub mod bracketed_causes;
pub mod courier;
pub mod domino;
pub mod dragonfly;
pub mod exim;
pub mod fml;
pub mod gateway_resend;
pub mod imailserver;
pub mod mailfoundry;
pub mod mailman;
pub mod messagingserver;
pub mod mfilter;
pub mod mlmmj;
pub mod mxlogic;
pub mod netscape;
pub mod notes;
pub mod opensmtpd;
pub mod postal;
pub mod postfix;
pub mod qmail;
pub mod qmail_like;
pub mod returned_cn;
pub mod ruled_report;
pub mod sendmail;
pub mod sieve_reject;
pub mod smail;
pub mod stalwart;
pub mod sympa;
pub mod trouble_delivering;
pub mod v5sendmail;
pub mod verizon;
// -- group: providers and services
pub mod amazonses;
pub mod amazonworkmail;
pub mod einsundeins;
pub mod exchange2003;
pub mod exchange2007;
pub mod ezweb;
pub mod gmail;
pub mod gmx;
pub mod googlegroups;
pub mod googleworkspace;
pub mod kddi;
pub mod office365;
pub mod sendgrid;
pub mod yahoo;
pub mod zoho;

use crate::facts::RecipientFacts;
use crate::message::Message;

/// What a detector read from a message.
#[derive(Debug, Clone, Default)]
pub struct Detected {
    /// The detector's id.
    pub detector: &'static str,
    /// The kind of server that wrote the report, when the format shows it.
    pub mta: Option<&'static str>,
    /// The failed recipients.
    pub recipients: Vec<RecipientFacts>,
}

impl Detected {
    /// What a detector whose format names its own server (`mta` = the detector's id) read,
    /// or `None` when it found no recipient.
    pub fn found(id: &'static str, recipients: Vec<RecipientFacts>) -> Option<Detected> {
        (!recipients.is_empty()).then_some(Detected {
            detector: id,
            mta: Some(id),
            recipients,
        })
    }
}

/// One bounce format.
pub trait Detector: Sync {
    /// A short id (`qmail`, `exim`, ...).
    fn id(&self) -> &'static str;
    /// Reads the message when it is in this format.
    fn detect(&self, message: &Message) -> Option<Detected>;
}

/// The format-specific detectors, most specific first. They run before the RFC 3464
/// reader, so that a server whose report part is poor can be read from its text.
pub static DETECTORS: &[&dyn Detector] = &[
    // -- group: providers and services
    &amazonworkmail::AmazonWorkMail,
    &office365::Office365,
    &amazonses::AmazonSes,
    &googlegroups::GoogleGroups,
    &googleworkspace::GoogleWorkspace,
    &gmail::Gmail,
    &exchange2007::Exchange2007,
    &exchange2003::Exchange2003,
    &yahoo::Yahoo,
    &gmx::Gmx,
    &einsundeins::EinsUndEins,
    &zoho::Zoho,
    &ezweb::Ezweb,
    &kddi::Kddi,
    &sendgrid::SendGrid,
    // -- group: mail servers (MTAs)
    &domino::Domino,
    &notes::Notes,
    &dragonfly::DragonFly,
    &courier::Courier,
    &mxlogic::MxLogic,
    &postfix::Postfix,
    &exim::Exim,
    &qmail::Qmail,
    &opensmtpd::OpenSmtpd,
    &stalwart::Stalwart,
    &postal::Postal,
    &sieve_reject::SieveReject,
    &messagingserver::MessagingServer,
    &mfilter::MFilter,
    &activehunter::ActiveHunter,
    &imailserver::IMailServer,
    &fml::Fml,
    &mailman::Mailman,
    &netscape::Netscape,
    &returned_cn::ReturnedCn,
    &sympa::Sympa,
    &mlmmj::Mlmmj,
    &verizon::Verizon,
    &apachejames::ApacheJames,
    &biglobe::Biglobe,
    &mailfoundry::MailFoundry,
    &smail::Smail,
    &sendmail::Sendmail,
    &v5sendmail::V5Sendmail,
    &bracketed_causes::BracketedCauses,
    &qmail_like::QmailLike,
    &ruled_report::RuledReport,
    &gateway_resend::GatewayResend,
    &trouble_delivering::TroubleDelivering,
];
