//! The knowledge base: every data file under `knowledge/`, loaded once and indexed.
//!
//! The files are embedded at build time (see `build.rs`, which also checks them); this module
//! turns them into lookups by id and one [`Matcher`] over every rule and every hint.

mod gate;
mod matcher;
pub mod schema;

// The knowledge base's indexes are looked up several times per recipient with keys it
// holds itself: a fast hash without flood resistance fits.
use foldhash::HashMap;
use std::sync::LazyLock;

use gate::Gate;
pub use matcher::{Hit, Matcher, PatternError};
use schema::{
    AdviceDoc, EnhancedCodeDoc, KnowledgeDocs, PartyDoc, ReasonFile, ReplyCodeDoc, RuleDoc,
    SourceFile, Specificity, TextDoc,
};

use crate::lang::Lang;
use crate::status::StatusCode;
use crate::vocab::{Party, Reason, SmtpCommand};

mod files {
    include!(concat!(env!("OUT_DIR"), "/knowledge_files.rs"));
}

/// The knowledge files as the build checked them, serialized.
const PREPARSED: &str = include_str!(concat!(env!("OUT_DIR"), "/knowledge.json"));
/// Each embedded rule pattern's gate, as the build read it (`(pattern, gate)` pairs).
const PREPARSED_GATES: &str = include_str!(concat!(env!("OUT_DIR"), "/gates.json"));

/// The best guess's vectors of the embedded knowledge, trained by `build.rs`.
pub(crate) const PRETRAINED_GUESS: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/guess_vectors.bin"));

/// The embedded knowledge files: `(path under knowledge/, text)`.
pub fn embedded_files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

/// Where a rule comes from: the generic wordings of a reason, or one provider or server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleOrigin {
    /// `reasons/<reason>.toml`.
    Generic,
    /// `providers/<id>.toml`: the index into [`Knowledge::providers`].
    Provider(usize),
    /// `servers/<id>.toml`: the index into [`Knowledge::servers`].
    Server(usize),
}

/// A rule with its parsed reason and where it comes from.
#[derive(Debug)]
pub struct Rule {
    /// The rule as written.
    pub doc: &'static RuleDoc,
    /// Its reason.
    pub reason: Reason,
    /// Its party override.
    pub party: Option<Party>,
    /// Where it comes from.
    pub origin: RuleOrigin,
}

impl Rule {
    /// Whether the rule may apply at this stage of the conversation.
    pub fn applies_at(&self, command: Option<SmtpCommand>) -> bool {
        self.doc.command.is_empty()
            || command.is_some_and(|c| self.doc.command.iter().any(|x| x == c.as_str()))
    }

    /// Whether the rule may apply to a reply with this status code.
    pub fn applies_to(&self, status: Option<StatusCode>) -> bool {
        let wanted = &self.doc.status;
        let unwanted = &self.doc.not_status;
        if self.doc.vague_status && status.is_some_and(|s| !s.is_vague()) {
            return false;
        }
        match status {
            Some(s) => {
                (wanted.is_empty() || wanted.iter().any(|p| s.starts_with(p)))
                    && !unwanted.iter().any(|p| s.starts_with(p))
            }
            None => wanted.is_empty(),
        }
    }

    /// Whether the rule may apply in a report of this format (a rule limited to formats
    /// applies only under them).
    pub fn applies_under(&self, server: Option<&str>) -> bool {
        self.doc.server.is_empty() || server.is_some_and(|s| self.doc.server.iter().any(|x| x == s))
    }

    /// Whether the wording names a cause (`specificity = "cause"`, the default), rather than
    /// only summing the failure up (`specificity = "summary"`: "giving up", "retry timeout
    /// exceeded").
    pub fn names_cause(&self) -> bool {
        self.doc.specificity == Specificity::Cause
    }

    /// How strongly the rule counts among rules of the same specificity (see
    /// [`Rule::names_cause`]): a weak rule least, then generic wordings, then a
    /// provider's or server's own, then a rule limited to a stage, then a format's own
    /// statement of a cause (in the words over one in the Subject).
    pub fn tier(&self) -> u8 {
        if !self.doc.server.is_empty() {
            return if self.doc.subject { 4 } else { 5 };
        }
        if !self.doc.command.is_empty() {
            return 3;
        }
        match (self.doc.weak, self.origin) {
            (true, _) => 0,
            (false, RuleOrigin::Generic) => 1,
            (false, RuleOrigin::Provider(_) | RuleOrigin::Server(_)) => 2,
        }
    }
}

/// What a hint points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintTarget {
    /// A provider: index into [`Knowledge::providers`].
    Provider(usize),
    /// A server: index into [`Knowledge::servers`].
    Server(usize),
}

/// The loaded, indexed knowledge base.
#[derive(Debug)]
pub struct Knowledge {
    /// Every file, parsed.
    pub docs: &'static KnowledgeDocs,
    reasons: HashMap<Reason, &'static ReasonFile>,
    advice: HashMap<&'static str, &'static AdviceDoc>,
    parties: HashMap<&'static str, &'static PartyDoc>,
    labels: HashMap<&'static str, &'static TextDoc>,
    reply_codes: HashMap<u16, &'static ReplyCodeDoc>,
    enhanced: HashMap<(u8, u16, u16), &'static EnhancedCodeDoc>,
    /// Every rule of every file.
    pub rules: Vec<Rule>,
    /// The providers, in file order.
    pub providers: &'static [SourceFile],
    /// The servers, in file order.
    pub servers: &'static [SourceFile],
    /// The phrases and patterns of the rules, then the hints of providers and servers.
    matcher: Matcher,
    /// The rules' patterns anchored to the text's start or end, alone, built on first use
    /// ([`Knowledge::match_anchored`]).
    anchored: std::sync::OnceLock<Option<Matcher>>,
    hint_targets: Vec<HintTarget>,
    /// The index in `rules` of each rule id.
    rule_ids: HashMap<&'static str, usize>,
    /// The formats that have rules read on the Subject.
    subject_servers: Vec<&'static str>,
    /// The best guess's model of the rules' wordings, made on first use.
    guess: std::sync::OnceLock<crate::diagnosis::guess::Model>,
    /// The guess's vectors as the crate's build trained them, for the embedded knowledge.
    pretrained_guess: Option<&'static [u8]>,
}

/// The knowledge base could not be loaded (the build checks prevent this).
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A file has a problem.
    #[error("knowledge base: {0}")]
    Invalid(String),
    /// A pattern does not compile.
    #[error(transparent)]
    Pattern(#[from] PatternError),
}

static SHARED: LazyLock<Result<Knowledge, KnowledgeError>> =
    LazyLock::new(Knowledge::load_embedded);

impl Knowledge {
    /// The embedded knowledge base, loaded on first use.
    pub fn shared() -> Result<&'static Knowledge, &'static KnowledgeError> {
        SHARED.as_ref()
    }

    /// Loads and indexes the embedded knowledge: the files as the build checked them, kept
    /// pre-parsed (as JSON) so that start-up does not parse and check the TOML again.
    pub fn load_embedded() -> Result<Knowledge, KnowledgeError> {
        let docs: KnowledgeDocs =
            serde_json::from_str(PREPARSED).map_err(|e| KnowledgeError::Invalid(e.to_string()))?;
        let gates: Vec<(String, Option<Gate>)> = serde_json::from_str(PREPARSED_GATES)
            .map_err(|e| KnowledgeError::Invalid(e.to_string()))?;
        let gates: HashMap<String, Option<Gate>> = gates.into_iter().collect();
        let gate_of = |pattern: &str| match gates.get(pattern) {
            Some(gate) => gate.clone(),
            None => Gate::of_pattern(pattern),
        };
        Knowledge::index(Box::leak(Box::new(docs)), gate_of, Some(PRETRAINED_GUESS))
    }

    /// Loads, checks and indexes knowledge files given as `(path under knowledge/, text)`.
    pub fn load_files(files: &[(&str, &str)]) -> Result<Knowledge, KnowledgeError> {
        let docs = schema::parse_all(files).map_err(|problems| {
            KnowledgeError::Invalid(
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        Knowledge::index(Box::leak(Box::new(docs)), Gate::of_pattern, None)
    }

    /// Indexes checked knowledge, with `gate_of` giving each rule pattern's literal gate and
    /// `pretrained_guess` the guess's vectors trained on it, if the build trained them.
    fn index(
        docs: &'static KnowledgeDocs,
        gate_of: impl Fn(&str) -> Option<Gate>,
        pretrained_guess: Option<&'static [u8]>,
    ) -> Result<Knowledge, KnowledgeError> {
        let invalid = |m: String| KnowledgeError::Invalid(m);
        let mut reasons = HashMap::default();
        let mut rules = Vec::new();
        let mut push_rules =
            |list: &'static [RuleDoc], origin: RuleOrigin| -> Result<(), KnowledgeError> {
                for doc in list {
                    let reason = doc
                        .reason
                        .parse::<Reason>()
                        .map_err(|e| invalid(e.to_string()))?;
                    let party = doc
                        .party
                        .as_deref()
                        .map(str::parse::<Party>)
                        .transpose()
                        .map_err(|e| invalid(e.to_string()))?;
                    rules.push(Rule {
                        doc,
                        reason,
                        party,
                        origin,
                    });
                }
                Ok(())
            };
        for file in &docs.reasons {
            let reason = file
                .id
                .parse::<Reason>()
                .map_err(|e| invalid(e.to_string()))?;
            reasons.insert(reason, file);
            push_rules(&file.rule, RuleOrigin::Generic)?;
        }
        for (i, file) in docs.providers.iter().enumerate() {
            push_rules(&file.rule, RuleOrigin::Provider(i))?;
        }
        for (i, file) in docs.servers.iter().enumerate() {
            push_rules(&file.rule, RuleOrigin::Server(i))?;
        }
        let mut hint_targets = Vec::new();
        let mut hint_lists: Vec<&'static [String]> = Vec::new();
        for (i, p) in docs.providers.iter().enumerate() {
            hint_targets.push(HintTarget::Provider(i));
            hint_lists.push(&p.hints);
        }
        for (i, s) in docs.servers.iter().enumerate() {
            hint_targets.push(HintTarget::Server(i));
            hint_lists.push(&s.hints);
        }
        // Rules and hints in one matcher, so that a text is read once: entries up to the
        // number of rules are rules, the rest hints.
        let no_regex: &[String] = &[];
        let matcher = Matcher::with_gates(
            rules
                .iter()
                .enumerate()
                .map(|(i, r)| (i, &r.doc.phrases[..], &r.doc.regex[..]))
                .chain(
                    hint_lists
                        .iter()
                        .enumerate()
                        .map(|(i, hints)| (rules.len() + i, *hints, no_regex)),
                ),
            gate_of,
        )?;
        let mut enhanced = HashMap::default();
        for code in &docs.enhanced_codes.code {
            let mut parts = code.code.split('.');
            let class = parts.next().unwrap_or("X");
            let subject: u16 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let detail: u16 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
            let classes: Vec<u8> = match class {
                "X" if code.classes.is_empty() => vec![2, 4, 5],
                "X" => code.classes.clone(),
                c => vec![c.parse().unwrap_or(5)],
            };
            for c in classes {
                enhanced.insert((c, subject, detail), code);
            }
        }
        let mut subject_servers: Vec<&'static str> = rules
            .iter()
            .filter(|r| r.doc.subject)
            .flat_map(|r| r.doc.server.iter().map(String::as_str))
            .collect();
        subject_servers.sort_unstable();
        subject_servers.dedup();
        Ok(Knowledge {
            subject_servers,
            guess: std::sync::OnceLock::new(),
            pretrained_guess,
            docs,
            reasons,
            advice: docs
                .advice
                .advice
                .iter()
                .map(|a| (a.id.as_str(), a))
                .collect(),
            parties: docs
                .parties
                .party
                .iter()
                .map(|p| (p.id.as_str(), p))
                .collect(),
            labels: docs
                .labels
                .label
                .iter()
                .map(|l| (l.id.as_str(), &l.text))
                .collect(),
            reply_codes: docs.reply_codes.code.iter().map(|c| (c.code, c)).collect(),
            enhanced,
            rule_ids: rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.doc.id.as_str(), i))
                .collect(),
            rules,
            providers: &docs.providers,
            servers: &docs.servers,
            matcher,
            anchored: std::sync::OnceLock::new(),
            hint_targets,
        })
    }

    /// The documentation and defaults of a reason.
    pub fn reason(&self, reason: Reason) -> &'static ReasonFile {
        self.reasons[&reason]
    }

    /// The text of an advice id.
    pub fn advice(&self, id: &str) -> Option<&'static AdviceDoc> {
        self.advice.get(id).copied()
    }

    /// The documentation of a party.
    pub fn party(&self, party: Party) -> &'static PartyDoc {
        self.parties[party.as_str()]
    }

    /// What the party who must act has to do, as the diagnosis states it: the deciding rule's
    /// own text, else its reason's (when the reason's own party for a lasting failure must act), else the party's
    /// general role.
    pub fn who_acts(&self, d: &crate::Diagnosis) -> &'static TextDoc {
        let rule = d.rule_id().and_then(|id| self.rule(id));
        let deciding = rule.filter(|r| r.reason == d.reason);
        if let Some(text) = deciding.and_then(|r| r.doc.who_acts.as_ref()) {
            return text;
        }
        let doc = self.reason(d.reason);
        match &doc.who_acts {
            Some(text) if doc.party == d.party.as_str() => text,
            _ => &self.party(d.party).role,
        }
    }

    /// The name people know a provider or a kind of server by (`google` → "Google (Gmail,
    /// Google Workspace)"), in `lang`; `None` for an id the knowledge does not hold.
    pub fn source_name(&self, id: &str, lang: Lang) -> Option<&'static str> {
        self.providers
            .iter()
            .chain(self.servers)
            .find(|x| x.id == id)
            .map(|x| lang.pick(&x.name))
    }

    /// An interface label in a language; the id itself when it is missing.
    pub fn label<'s>(&self, id: &'s str, lang: Lang) -> &'s str
    where
        'static: 's,
    {
        self.labels.get(id).map_or(id, |t| lang.pick(t))
    }

    /// The documentation of a basic reply code.
    pub fn reply_code(&self, code: u16) -> Option<&'static ReplyCodeDoc> {
        self.reply_codes.get(&code).copied()
    }

    /// The documentation of an enhanced status code.
    pub fn enhanced_code(&self, code: StatusCode) -> Option<&'static EnhancedCodeDoc> {
        self.enhanced
            .get(&(code.class, code.subject, code.detail))
            .copied()
    }

    /// The detail of the pseudo status code (`X.0.9xx`) of a reason.
    pub fn inferred_detail(&self, reason: Reason) -> Option<u16> {
        self.docs
            .inferred_codes
            .inferred
            .iter()
            .find(|i| i.reason == reason.as_str())
            .map(|i| i.detail)
    }

    /// Whether a format has rules read on the report's Subject.
    pub fn has_subject_rules(&self, server: &str) -> bool {
        self.subject_servers.contains(&server)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rule_ids.get(id).map(|&i| &self.rules[i])
    }

    /// The best guess's model of every rule's wordings, made the first time it is asked: read
    /// from the vectors the build trained, or (for knowledge loaded from files) trained then.
    pub(crate) fn guess_model(&self) -> &crate::diagnosis::guess::Model {
        use crate::diagnosis::guess::{Model, vectors::Vectors};
        self.guess.get_or_init(|| {
            self.pretrained_guess
                .and_then(Vectors::from_bytes)
                .and_then(|v| Model::from_vectors(self, v))
                .unwrap_or_else(|| Model::train(self, |_| true))
        })
    }

    /// The rules and the hints that occur in `text`, found in one pass.
    pub fn match_text(&self, text: &Normalized) -> TextMatches {
        let (rules, hints): (Vec<Hit>, Vec<Hit>) = self
            .matcher
            .find_all(text)
            .into_iter()
            .partition(|h| h.entry < self.rules.len());
        TextMatches {
            rules,
            hints: hints
                .into_iter()
                .map(|h| {
                    let target = self.hint_targets[h.entry - self.rules.len()];
                    (
                        target,
                        Hit {
                            entry: h.entry - self.rules.len(),
                            ..h
                        },
                    )
                })
                .collect(),
        }
    }

    /// The rules whose patterns anchored to the start or the end of a text (`^`, `$`) match
    /// `text`: what a text read alone adds to the same text read inside a longer one
    /// (phrases and unanchored patterns match the inner text wherever it stands). `Hit::entry`
    /// indexes [`Knowledge::rules`].
    pub fn match_anchored(&self, text: &Normalized) -> Vec<Hit> {
        let matcher = self.anchored.get_or_init(|| {
            let none: &[String] = &[];
            let anchored: Vec<(usize, Vec<String>)> = self
                .rules
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let patterns = r.doc.regex.iter().filter(|p| anchored(p)).cloned();
                    (i, patterns.collect::<Vec<String>>())
                })
                .filter(|(_, patterns)| !patterns.is_empty())
                .collect();
            Matcher::new(anchored.iter().map(|(i, p)| (*i, none, &p[..]))).ok()
        });
        matcher.as_ref().map_or_else(Vec::new, |m| m.find_all(text))
    }

    /// How many rule patterns are matched through literal gates, and how many without.
    pub fn pattern_gates(&self) -> (usize, usize) {
        self.matcher.gate_counts()
    }
}

/// Whether a pattern holds an assertion of the text's start or end (`^`, `$`, `\A`, `\z`).
fn anchored(pattern: &str) -> bool {
    use regex_syntax::hir::Look;
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .is_ok_and(|hir| {
            let looks = hir.properties().look_set();
            [
                Look::Start,
                Look::End,
                Look::StartLF,
                Look::EndLF,
                Look::StartCRLF,
                Look::EndCRLF,
            ]
            .into_iter()
            .any(|l| looks.contains(l))
        })
}

/// What [`Knowledge::match_text`] found in a text.
#[derive(Debug, Clone, Default)]
pub struct TextMatches {
    /// The rules whose phrases or patterns occur (`Hit::entry` indexes `Knowledge::rules`).
    pub rules: Vec<Hit>,
    /// The providers and servers whose hints occur.
    pub hints: Vec<(HintTarget, Hit)>,
}

use crate::reply::Normalized;

/// What the matcher's and the gates' tests check against: the knowledge base's own
/// examples and patterns, and the regex crate's usual reading of a pattern.
#[cfg(test)]
pub(crate) mod testing {
    use super::Knowledge;
    use crate::reply::Normalized;

    fn shared() -> &'static Knowledge {
        Knowledge::shared().expect("knowledge loads")
    }

    /// Every example of every rule, as written.
    pub fn example_inputs() -> impl Iterator<Item = &'static str> {
        shared()
            .rules
            .iter()
            .flat_map(|r| &r.doc.example)
            .map(|ex| ex.input.as_str())
    }

    /// Every example of every rule, normalized as texts are before matching.
    pub fn examples() -> Vec<Normalized> {
        example_inputs().map(Normalized::new).collect()
    }

    /// Every rule's patterns.
    pub fn patterns() -> impl Iterator<Item = &'static String> {
        shared().rules.iter().flat_map(|r| &r.doc.regex)
    }

    /// A pattern as the regex crate reads it by default (case-insensitive, bytes).
    pub fn reference_regex(pattern: &str) -> regex::bytes::Regex {
        regex::bytes::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .unicode(false)
            .build()
            .expect("compiles")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preparsed_knowledge_is_the_checked_files() {
        let from_toml = Knowledge::load_files(embedded_files()).expect("files load");
        let preparsed = Knowledge::shared().expect("knowledge loads");
        assert_eq!(from_toml.rules.len(), preparsed.rules.len());
        assert_eq!(
            format!("{:?}", from_toml.docs),
            format!("{:?}", preparsed.docs)
        );
    }

    /// Knowledge loaded from files has no vectors from the build: its guess is trained on it,
    /// and the embedded knowledge's is read from the build's.
    #[test]
    fn only_the_embedded_knowledge_reads_the_pretrained_guess() {
        let from_toml = Knowledge::load_files(embedded_files()).expect("files load");
        assert!(from_toml.pretrained_guess.is_none());
        let shared = Knowledge::shared().expect("knowledge loads");
        assert!(shared.pretrained_guess.is_some());
        let probe = "the destination mailbox has no room left for new messages";
        let near = |k: &Knowledge| {
            k.guess_model()
                .nearest(probe, 3, 0.1)
                .iter()
                .map(|n| (n.rule, n.similarity))
                .collect::<Vec<_>>()
        };
        assert!(!near(shared).is_empty());
        assert_eq!(near(&from_toml), near(shared));
    }

    #[test]
    fn the_preparsed_gates_are_the_patterns_gates() {
        let gates: Vec<(String, Option<Gate>)> =
            serde_json::from_str(PREPARSED_GATES).expect("gates parse");
        let k = Knowledge::shared().expect("knowledge loads");
        let patterns: Vec<&str> = k
            .rules
            .iter()
            .flat_map(|r| r.doc.regex.iter().map(String::as_str))
            .collect();
        assert_eq!(gates.len(), patterns.len());
        for ((pattern, gate), expected) in gates.iter().zip(&patterns) {
            assert_eq!(pattern, expected);
            assert_eq!(gate, &Gate::of_pattern(pattern), "gate of `{pattern}`");
        }
        assert!(gates.iter().any(|(_, g)| g.is_some()));
    }

    #[test]
    fn most_patterns_run_only_behind_a_literal_gate() {
        let k = Knowledge::shared().expect("knowledge loads");
        let (gated, ungated) = k.pattern_gates();
        eprintln!("patterns: {gated} gated, {ungated} without a gate");
        // A pattern without a usable literal is matched on every text; keep those few.
        assert!(
            ungated * 10 <= gated + ungated,
            "{ungated} of {} ungated",
            gated + ungated
        );
    }

    #[test]
    fn embedded_knowledge_loads() {
        let k = Knowledge::shared().expect("knowledge loads");
        for r in Reason::ALL {
            assert_eq!(k.reason(*r).id, r.as_str());
        }
        for p in Party::ALL {
            assert_eq!(k.party(*p).id, p.as_str());
        }
        assert!(k.enhanced_code(StatusCode::new(5, 1, 1)).is_some());
        assert!(k.reply_code(550).is_some());
    }

    fn who_acts_of(text: &str) -> (crate::Party, &'static str) {
        let engine = crate::Engine::new().expect("engine loads");
        let d = engine.explain(text, Lang::En).expect("diagnosis");
        (d.party, engine.knowledge().who_acts(&d).en.as_str())
    }

    #[test]
    fn who_acts_is_the_deciding_rules_text_first() {
        let (party, text) =
            who_acts_of("550 5.7.1 RESOLVER.RST.AuthRequired; authentication required");
        assert_eq!(party, crate::Party::RecipientAdmin);
        let kb = Knowledge::shared().unwrap();
        let rule = kb.rule("exchange-auth-required").unwrap();
        assert_eq!(text, rule.doc.who_acts.as_ref().unwrap().en);
    }

    #[test]
    fn who_acts_is_the_reasons_text_when_its_own_party_acts() {
        let kb = Knowledge::shared().unwrap();
        let (party, text) = who_acts_of("550 5.7.1 Message rejected due to local policy");
        let doc = kb.reason(crate::Reason::PolicyViolation);
        assert_eq!(party.as_str(), doc.party);
        assert_eq!(text, doc.who_acts.as_ref().unwrap().en);
        assert_ne!(text, kb.party(party).role.en);
    }

    #[test]
    fn who_acts_falls_back_to_the_partys_role_for_another_party() {
        let kb = Knowledge::shared().unwrap();
        // A temporary network failure: the reason's own party is the recipient's
        // administrator, but for now nobody must act, and the reason's text would mislead.
        let (party, text) = who_acts_of("421 4.4.2 Connection timed out");
        let doc = kb.reason(crate::Reason::NetworkError);
        assert_ne!(party.as_str(), doc.party);
        assert_eq!(text, kb.party(party).role.en);
    }
}
