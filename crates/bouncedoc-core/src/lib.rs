//! # bouncedoc-core
//!
//! The diagnosis engine of bouncedoc: it reads an SMTP reply (or the words of a bounce) and
//! says why the mail bounced, whose side must act and what to do, in Japanese or English.
//!
//! The engine does no I/O: it is handed text and gives back a [`Diagnosis`]. What it knows
//! (codes, reasons, providers' and servers' wordings, advice) lives in data files under
//! `knowledge/`, embedded in the library and checked when it builds.
//!
//! ```
//! use bouncedoc_core::{Engine, Lang, Reason};
//!
//! let engine = Engine::new().unwrap();
//! let d = engine.explain("550 5.1.1 <hanako@example.co.jp>... User unknown", Lang::En).unwrap();
//! assert_eq!(d.reason, Reason::UserUnknown);
//! assert_eq!(d.status.unwrap().to_string(), "5.1.1");
//! assert!(d.hard_bounce);
//! ```
//!
//! Layout: [`reply`] finds codes and unfolds the server's words; [`knowledge`] loads the data
//! files and matches them; `diagnosis` decides, in the named steps of `diagnosis/steps/`
//! (codes, cause, context, outcome, origin, evidence), and writes the result; `vocab` holds
//! the contract's closed vocabularies; `lang` the languages. Only what other crates use is
//! public: the engine, its input ([`Observation`]) and output ([`Diagnosis`]), the
//! vocabularies, the knowledge base (for listings) and the reply reader (for format
//! readers that need a reply's codes before diagnosis).

pub mod catalog;
mod diagnosis;
pub mod knowledge;
mod lang;
pub mod reply;
mod status;
mod vocab;

pub use diagnosis::{
    Advice, Answer, Diagnosis, Evidence, EvidenceKind, Observation, ReportField, ReportKind, Words,
};
pub use knowledge::{Knowledge, KnowledgeError};
pub use lang::{Lang, is_japanese};
pub use status::{BadStatusCode, StatusCode, is_reply_code};
pub use vocab::{Action, Confidence, Party, Reason, Retry, SmtpCommand, StatusSource};

/// What can go wrong when asking for a diagnosis.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text to explain is empty or only white space.
    #[error(
        "the input is empty: paste the error message of the bounce (for example `550 5.1.1 ... User unknown`)"
    )]
    EmptyInput,
    /// The embedded knowledge base could not be loaded.
    #[error(transparent)]
    Knowledge(#[from] &'static KnowledgeError),
}

/// The diagnosis engine. Cheap to copy; the knowledge base behind it is loaded once per
/// process.
#[derive(Debug, Clone, Copy)]
pub struct Engine {
    knowledge: &'static Knowledge,
}

impl Engine {
    /// The engine over the embedded knowledge base.
    pub fn new() -> Result<Engine, Error> {
        Ok(Engine {
            knowledge: Knowledge::shared()?,
        })
    }

    /// The knowledge base (for listing codes, reasons and advice).
    pub fn knowledge(&self) -> &'static Knowledge {
        self.knowledge
    }

    /// Explains a reply, or any text a person pasted from a bounce.
    pub fn explain(&self, text: &str, lang: Lang) -> Result<Diagnosis, Error> {
        if text.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        Ok(self.diagnose(
            &Observation {
                text,
                ..Observation::default()
            },
            lang,
        ))
    }

    /// Explains a reply in the context a report gave it (its stage, the status a report
    /// field states, the format that wrote it): the same words in the same context get the
    /// same diagnosis that `bouncedoc-mail` gives the recipient of a whole message.
    pub fn explain_in(
        &self,
        observation: &Observation<'_>,
        lang: Lang,
    ) -> Result<Diagnosis, Error> {
        if observation.text.trim().is_empty() {
            return Err(Error::EmptyInput);
        }
        Ok(self.diagnose(observation, lang))
    }

    /// Diagnoses one failed delivery from what a report says of it.
    pub fn diagnose(&self, observation: &Observation<'_>, lang: Lang) -> Diagnosis {
        diagnosis::decide_with(self.knowledge, observation, lang)
    }

    /// Reads a reply's words against the knowledge base once, for
    /// [`Engine::diagnose_words`].
    pub fn read_words(&self, text: &str) -> Words {
        Words::read(self.knowledge, text)
    }

    /// [`Engine::read_words`] for a text whose codes were read by [`reply::read`] already:
    /// the same words, without reading the text a second time.
    pub fn read_reply_words(&self, read: reply::ReadReply) -> Words {
        Words::of_reply(self.knowledge, read)
    }

    /// Diagnoses one failed delivery whose words were read by [`Engine::read_words`] from
    /// `observation.text`: the same as [`Engine::diagnose`], without reading the words
    /// again.
    pub fn diagnose_words(
        &self,
        words: &Words,
        observation: &Observation<'_>,
        lang: Lang,
    ) -> Diagnosis {
        diagnosis::decide_words(self.knowledge, words, observation, lang)
    }
}
