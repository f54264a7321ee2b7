//! The shape of the knowledge files under `knowledge/`, and the checks they must pass.
//!
//! This module is compiled twice: into the library, which loads the files at run time, and
//! into `build.rs`, which loads and checks every file when the crate builds, so that a broken
//! data file (an unknown reason, a missing translation, a regex that does not compile, a rule
//! without an example) stops the build with a message naming the file and the entry.
//! It therefore depends on nothing but `serde`, `toml` and `regex`.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The reason vocabulary of `shared/spec/diagnosis.md` (the one Sisimai uses).
pub const REASONS: &[&str] = &[
    "authfailure",
    "badreputation",
    "blocked",
    "contenterror",
    "delivered",
    "exceedlimit",
    "expired",
    "failedstarttls",
    "feedback",
    "filtered",
    "hasmoved",
    "hostunknown",
    "mailboxfull",
    "mailererror",
    "mesgtoobig",
    "networkerror",
    "norelaying",
    "notaccept",
    "notcompliantrfc",
    "onhold",
    "policyviolation",
    "rejected",
    "requireptr",
    "securityerror",
    "spamdetected",
    "speeding",
    "suppressed",
    "suspend",
    "syntaxerror",
    "systemerror",
    "systemfull",
    "toomanyconn",
    "undefined",
    "userunknown",
    "vacation",
    "virusdetected",
];

/// The advice ids that the contract fixes; `advice.toml` may add more.
pub const CONTRACT_ADVICE: &[&str] = &[
    "verify-address",
    "ask-recipient-spam-filter",
    "resend-from-other-address",
    "contact-recipient-other-channel",
    "wait-for-recipient",
    "ask-recipient-check-mailbox",
    "no-rapid-resend",
    "enable-smtp-auth",
    "check-blocklists",
    "check-malware",
    "check-sender-authentication",
    "reduce-size",
    "retry-later",
    "remove-address",
    "use-reliable-provider",
];

/// The parties of the contract.
pub const PARTIES: &[&str] = &[
    "sender",
    "sender-admin",
    "recipient",
    "recipient-admin",
    "nobody",
];

/// The retry values of the contract.
pub const RETRIES: &[&str] = &["no", "later", "after-fix"];

/// A text in both languages of the product.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextDoc {
    /// English.
    pub en: String,
    /// Japanese.
    pub ja: String,
}

/// `advice.toml`: the advice ids and their texts.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceFile {
    /// One entry per advice id.
    pub advice: Vec<AdviceDoc>,
}

/// One advice id.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceDoc {
    /// The stable id.
    pub id: String,
    /// True for a warning about what not to do (shown under "what to avoid").
    #[serde(default)]
    pub avoid: bool,
    /// What to do, as an instruction to the reader.
    pub text: TextDoc,
}

/// `parties.toml`: how each party is named and what it means.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartiesFile {
    /// One entry per party.
    pub party: Vec<PartyDoc>,
}

/// One party.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartyDoc {
    /// The contract id.
    pub id: String,
    /// A short name ("you, the sender").
    pub name: TextDoc,
    /// A sentence saying what this party has to do.
    pub role: TextDoc,
}

/// `codes/reply.toml`: the basic reply codes of RFC 5321.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyCodesFile {
    /// One entry per code.
    pub code: Vec<ReplyCodeDoc>,
}

/// One basic reply code.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyCodeDoc {
    /// The three digits.
    pub code: u16,
    /// A short title.
    pub title: TextDoc,
    /// What it means, in a sentence or two.
    pub meaning: TextDoc,
    /// The reason to report when this code is all there is.
    pub reason: Option<String>,
}

/// `codes/enhanced.toml`: the enhanced status codes of the IANA registry.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnhancedCodesFile {
    /// The classes (2, 4, 5).
    pub class: Vec<ClassDoc>,
    /// The subjects (X.0.XXX to X.7.XXX).
    pub subject: Vec<SubjectDoc>,
    /// The codes (`X.1.1`: X stands for the class).
    pub code: Vec<EnhancedCodeDoc>,
}

/// One class of enhanced status codes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassDoc {
    /// 2, 4 or 5.
    pub class: u8,
    /// A short title.
    pub title: TextDoc,
    /// What it means.
    pub meaning: TextDoc,
}

/// One subject of enhanced status codes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubjectDoc {
    /// 0 to 7.
    pub subject: u16,
    /// A short title.
    pub title: TextDoc,
}

/// `codes/inferred.toml`: the pseudo status codes reported when a bounce carries no status
/// code at all, chosen by reason (`5.0.911` for an unknown user), as the reference classifier
/// reports them, so that results line up with data users already hold.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InferredCodesFile {
    /// One entry per reason.
    pub inferred: Vec<InferredDoc>,
}

/// The pseudo status code of one reason: `class.0.detail`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InferredDoc {
    /// The reason.
    pub reason: String,
    /// The detail number (9xx).
    pub detail: u16,
}

/// One enhanced status code.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnhancedCodeDoc {
    /// `X.S.D`, where `X` stands for any class the code is defined for.
    pub code: String,
    /// The classes the registry defines it for (some codes exist only as 4 or only as 5).
    #[serde(default)]
    pub classes: Vec<u8>,
    /// A short title.
    pub title: TextDoc,
    /// What it means, in a sentence or two.
    pub meaning: TextDoc,
    /// The document that defines it (`RFC 3463`, `RFC 7372`, ...).
    pub reference: String,
    /// The reason to report when this code is all there is; none when the code is too vague.
    pub reason: Option<String>,
}

/// `reasons/<id>.toml`: one reason, its documentation, its defaults and its generic wordings.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonFile {
    /// The reason id (must equal the file name).
    pub id: String,
    /// A short title.
    pub title: TextDoc,
    /// One sentence: what happened (the headline of a diagnosis).
    pub summary: TextDoc,
    /// What the reason means, for the documentation.
    pub meaning: TextDoc,
    /// The usual causes, most likely first.
    pub causes: Vec<TextDoc>,
    /// What remains uncertain whenever this reason is given (optional).
    pub uncertain: Option<TextDoc>,
    /// Whether a permanent (5xx) failure with this reason is a hard bounce.
    pub hard_bounce: bool,
    /// What an automatic sender should do after a permanent failure.
    pub retry: String,
    /// Who must act first.
    pub party: String,
    /// Who must act first when the failure is only temporary (defaults to `party`).
    pub party_when_temporary: Option<String>,
    /// What to do, in order.
    pub advice: Vec<String>,
    /// Advice when the failure is temporary (defaults to `advice`).
    pub advice_when_temporary: Option<Vec<String>>,
    /// What the party who must act has to do about this reason, shown under "who must act"
    /// instead of the party's general role when the reason's own `party` is the one that
    /// must act.
    pub who_acts: Option<TextDoc>,
    /// Generic wordings of this reason, not tied to one provider or server.
    #[serde(default)]
    pub rule: Vec<RuleDoc>,
}

/// `providers/<id>.toml` and `servers/<id>.toml`: a receiving provider or a kind of mail
/// server, how to recognize it, and its own wordings.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The provider or server id (must equal the file name).
    pub id: String,
    /// Its name as people know it.
    pub name: TextDoc,
    /// Words in a reply that show the reply came from this provider or server
    /// (host names, signatures); matched case-insensitively.
    #[serde(default)]
    pub hints: Vec<String>,
    /// Its wordings.
    #[serde(default)]
    pub rule: Vec<RuleDoc>,
}

/// One wording: when a reply contains one of these phrases, it means this reason.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDoc {
    /// A stable id, unique in the whole knowledge base.
    pub id: String,
    /// The reason it means.
    pub reason: String,
    /// Where the wording comes from: the mail server's source file, the provider's
    /// documentation page, the RFC section, or the public report that quotes it.
    pub source: Option<String>,
    /// Literal phrases, matched case-insensitively with runs of white space collapsed.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// Regular expressions, matched case-insensitively on the same collapsed text.
    #[serde(default)]
    pub regex: Vec<String>,
    /// The rule only applies when the status code starts with one of these (`5.7`, `5.2.2`).
    #[serde(default)]
    pub status: Vec<String>,
    /// The rule does not apply when the status code starts with one of these.
    #[serde(default)]
    pub not_status: Vec<String>,
    /// The rule only applies when there is no status code or a vague one (its subject or
    /// detail 0): a coarse statement that a specific code says more than.
    #[serde(default)]
    pub vague_status: bool,
    /// The rule only applies when the refusal answered one of these SMTP commands
    /// (`CONNECT`, `HELO`, `STARTTLS`, `MAIL`, `RCPT`, `DATA`); such a rule outranks every
    /// rule without this condition, since the stage changes what the words mean.
    #[serde(default)]
    pub command: Vec<String>,
    /// The rule only applies in a report written by one of these kinds of server or
    /// service (the reporting format's id: `domino`, `fml`, `exchange2003`, ...): a format's
    /// own statement of a cause, which outranks every other wording.
    #[serde(default)]
    pub server: Vec<String>,
    /// The rule is matched on the report's Subject line instead of the words (for formats
    /// that state the cause only there); it needs `server`.
    #[serde(default)]
    pub subject: bool,
    /// The wording means the same whichever SMTP command it answered (a local delivery
    /// agent's own words, say), so readers of whole reports must not reinterpret it by
    /// stage.
    #[serde(default)]
    pub any_stage: bool,
    /// A weak rule only counts when no other rule matches: for summary lines ("no valid
    /// recipients", "Service unavailable") that must not hide a specific cause beside them.
    #[serde(default)]
    pub weak: bool,
    /// How specific the wording is: whether it names a cause, or only sums the failure up
    /// (see [`Specificity`]). A rule that names a cause outranks a summary whatever their
    /// tiers, and so does a specific status code.
    #[serde(default)]
    pub specificity: Specificity,
    /// The wording says the message is only delayed (a delay notice): the sending server is
    /// still trying, so whatever else the words say, the report is a warning, not a failure.
    #[serde(default)]
    pub warning: bool,
    /// Who must act first, when it differs from the reason's default.
    pub party: Option<String>,
    /// Advice ids, replacing the reason's default.
    pub advice: Option<Vec<String>>,
    /// Hard bounce or not, when it differs from the reason's default.
    pub hard_bounce: Option<bool>,
    /// What this wording tells beyond the reason (goes into the explanation).
    pub note: Option<TextDoc>,
    /// The headline, when the reason's own summary would mislead for this wording (a
    /// provider that words a filter refusal as an unknown user, say).
    pub summary: Option<TextDoc>,
    /// What the party who must act has to do about this wording, shown under "who must act"
    /// instead of the reason's or the party's text (when this rule decided the diagnosis).
    pub who_acts: Option<TextDoc>,
    /// The likely causes, most likely first, replacing the reason's when they differ.
    #[serde(default)]
    pub causes: Vec<TextDoc>,
    /// What remains uncertain with this wording.
    pub uncertain: Option<TextDoc>,
    /// Real or realistic replies that this rule must diagnose; every rule has at least one.
    #[serde(default)]
    pub example: Vec<ExampleDoc>,
}

/// How specific a wording is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Specificity {
    /// The wording only sums the failure up: the delivery failed, the server gave up, the
    /// message stayed too long in the queue ("giving up", "delivery failed", "permanent
    /// error", "retry timeout exceeded"). It names no cause, so it decides only when neither
    /// another rule nor a specific status code names one; beside a named cause it is context.
    Summary,
    /// The wording names why the delivery failed (the default).
    #[default]
    Cause,
}

/// A test case for a rule.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleDoc {
    /// The reply text.
    pub input: String,
    /// The provider that must be recognized in it, when it shows one.
    pub provider: Option<String>,
}

/// `context.toml`: how the context of the words (the stage they answered, the status a
/// report states, the kind of server, a local delivery program) changes the reason the words
/// alone give. Applied in order; the first entry whose conditions all hold decides.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContextFile {
    /// The entries, in the order they are tried.
    pub adjust: Vec<AdjustDoc>,
}

/// One reading of words in their context: when every condition holds, the reason becomes
/// `reason`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustDoc {
    /// A stable id, shown as evidence.
    pub id: String,
    /// Where the reading comes from (RFC section, server documentation or source).
    pub source: String,
    /// The reason it gives.
    pub reason: String,
    /// Why, in a sentence: shown in the explanation.
    pub note: TextDoc,
    /// The reason read from the words must be one of these (any when empty).
    #[serde(default)]
    pub when_reason: Vec<String>,
    /// Only for the words of a whole report (a message `parse` reads), not for a bare reply.
    #[serde(default)]
    pub in_report: bool,
    /// The refusal answered one of these SMTP commands.
    #[serde(default)]
    pub command: Vec<String>,
    /// The refusal answered none of these (or no command is known).
    #[serde(default)]
    pub not_command: Vec<String>,
    /// The report was written by one of these kinds of server (format ids).
    #[serde(default)]
    pub server: Vec<String>,
    /// The words are those of a local delivery program (`Diagnostic-Code: X-Unix`, a pipe).
    #[serde(default)]
    pub local_program: bool,
    /// Not when a status code stated by the report or the words matches one of these
    /// (`*.1.1` matches any class).
    #[serde(default)]
    pub not_status: Vec<String>,
    /// Only when the words hold one of the generic wordings (`reasons/`) of the reason read.
    #[serde(default)]
    pub generic_words: bool,
    /// Not when the rule the words matched comes from one of these (`provider`, `server`).
    #[serde(default)]
    pub not_rule_from: Vec<String>,
    /// Not when the rule the words matched says its wording means the same at any stage.
    #[serde(default)]
    pub not_any_stage: bool,
    /// Not when a rule in the words named one of these reasons.
    #[serde(default)]
    pub unless_words_say: Vec<String>,
    /// Only when there are words (the report is not silent).
    #[serde(default)]
    pub has_words: bool,
    /// Cases the entry must decide; every entry has at least one.
    #[serde(default)]
    pub example: Vec<AdjustExample>,
}

/// A test case of a context entry: words in a context, and the reason they must give.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustExample {
    /// The words.
    pub input: String,
    /// The SMTP command they answered.
    pub command: Option<String>,
    /// The status code a report field states.
    pub status: Option<String>,
    /// The kind of server that wrote the report.
    pub server: Option<String>,
    /// Whether the words are a local delivery program's.
    #[serde(default)]
    pub local_program: bool,
    /// Whether the words come from a whole report (default true).
    pub in_report: Option<bool>,
}

/// `report-fields.toml`: what a report format's own fields state (a sending service's bounce
/// type, a provider's filter header), and the reason each value means.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFieldsFile {
    /// The entries.
    pub field: Vec<FieldDoc>,
}

/// One value of a report field and its reason.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDoc {
    /// A stable id, shown as evidence.
    pub id: String,
    /// Where the meaning of the value is documented.
    pub source: String,
    /// The field, as `format.name` (`amazonses.bounceSubType`).
    pub name: String,
    /// The values (compared without regard to case).
    pub values: Vec<String>,
    /// The reason they mean.
    pub reason: String,
    /// The value only decides when the report holds no words about the recipient (the
    /// words say more than a coarse label).
    #[serde(default)]
    pub only_without_words: bool,
}

/// `labels.toml`: the words of the product's own interface (headings, field names).
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelsFile {
    /// One entry per label.
    pub label: Vec<LabelDoc>,
}

/// One interface label.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDoc {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: TextDoc,
}

/// A problem found in a knowledge file.
#[derive(Debug)]
pub struct Problem {
    /// The file, relative to `knowledge/`.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "knowledge/{}: {}", self.file, self.message)
    }
}

/// Every knowledge file, parsed.
#[derive(Debug, Serialize, Deserialize)]
pub struct KnowledgeDocs {
    /// `advice.toml`.
    pub advice: AdviceFile,
    /// `parties.toml`.
    pub parties: PartiesFile,
    /// `labels.toml`.
    pub labels: LabelsFile,
    /// `codes/reply.toml`.
    pub reply_codes: ReplyCodesFile,
    /// `codes/enhanced.toml`.
    pub enhanced_codes: EnhancedCodesFile,
    /// `codes/inferred.toml`.
    pub inferred_codes: InferredCodesFile,
    /// `reasons/*.toml`.
    pub reasons: Vec<ReasonFile>,
    /// `providers/*.toml`.
    pub providers: Vec<SourceFile>,
    /// `servers/*.toml`.
    pub servers: Vec<SourceFile>,
    /// `context.toml`.
    pub context: ContextFile,
    /// `report-fields.toml`.
    pub report_fields: ReportFieldsFile,
}

/// Parses one file, naming it in the error.
pub fn parse_file<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Result<T, Problem> {
    toml::from_str(text).map_err(|e| Problem {
        file: name.to_string(),
        message: e.to_string(),
    })
}

/// A file that holds one entry must be named after its id.
fn named_after(name: &str, id: &str) -> Result<(), Problem> {
    let stem = name
        .rsplit('/')
        .next()
        .unwrap_or(name)
        .trim_end_matches(".toml");
    if stem == id {
        Ok(())
    } else {
        Err(Problem {
            file: name.to_string(),
            message: format!("id `{id}` must equal the file name `{stem}`"),
        })
    }
}

/// Parses every file. `files` holds `(path relative to knowledge/, contents)`.
pub fn parse_all(files: &[(&str, &str)]) -> Result<KnowledgeDocs, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut advice = None;
    let mut parties = None;
    let mut labels = None;
    let mut reply_codes = None;
    let mut enhanced_codes = None;
    let mut inferred_codes = None;
    let mut context = None;
    let mut report_fields = None;
    let mut reasons = Vec::new();
    let mut providers = Vec::new();
    let mut servers = Vec::new();
    for &(name, text) in files {
        let result = match name {
            "advice.toml" => parse_file(name, text).map(|f| advice = Some(f)),
            "parties.toml" => parse_file(name, text).map(|f| parties = Some(f)),
            "labels.toml" => parse_file(name, text).map(|f| labels = Some(f)),
            "codes/reply.toml" => parse_file(name, text).map(|f| reply_codes = Some(f)),
            "codes/enhanced.toml" => parse_file(name, text).map(|f| enhanced_codes = Some(f)),
            "codes/inferred.toml" => parse_file(name, text).map(|f| inferred_codes = Some(f)),
            "context.toml" => parse_file(name, text).map(|f| context = Some(f)),
            "report-fields.toml" => parse_file(name, text).map(|f| report_fields = Some(f)),
            _ if name.starts_with("reasons/") => parse_file::<ReasonFile>(name, text)
                .and_then(|f| named_after(name, &f.id).map(|()| reasons.push(f))),
            _ if name.starts_with("providers/") => parse_file::<SourceFile>(name, text)
                .and_then(|f| named_after(name, &f.id).map(|()| providers.push(f))),
            _ if name.starts_with("servers/") => parse_file::<SourceFile>(name, text)
                .and_then(|f| named_after(name, &f.id).map(|()| servers.push(f))),
            _ => Err(Problem {
                file: name.to_string(),
                message: "unexpected file: knowledge files live in reasons/, providers/, servers/ or codes/".into(),
            }),
        };
        if let Err(p) = result {
            problems.push(p);
        }
    }
    let missing = |file: &str| Problem {
        file: file.to_string(),
        message: "missing".into(),
    };
    let docs = match (
        advice,
        parties,
        labels,
        reply_codes,
        enhanced_codes,
        inferred_codes,
        context,
        report_fields,
    ) {
        (
            Some(advice),
            Some(parties),
            Some(labels),
            Some(reply_codes),
            Some(enhanced_codes),
            Some(inferred_codes),
            Some(context),
            Some(report_fields),
        ) => Some(KnowledgeDocs {
            advice,
            parties,
            labels,
            reply_codes,
            enhanced_codes,
            inferred_codes,
            reasons,
            providers,
            servers,
            context,
            report_fields,
        }),
        (a, p, l, r, e, i, c, f) => {
            for (present, file) in [
                (a.is_some(), "advice.toml"),
                (p.is_some(), "parties.toml"),
                (l.is_some(), "labels.toml"),
                (r.is_some(), "codes/reply.toml"),
                (e.is_some(), "codes/enhanced.toml"),
                (i.is_some(), "codes/inferred.toml"),
                (c.is_some(), "context.toml"),
                (f.is_some(), "report-fields.toml"),
            ] {
                if !present {
                    problems.push(missing(file));
                }
            }
            None
        }
    };
    match docs {
        Some(docs) if problems.is_empty() => {
            let problems = validate(&docs);
            if problems.is_empty() {
                Ok(docs)
            } else {
                Err(problems)
            }
        }
        _ => Err(problems),
    }
}

fn check_text(problems: &mut Vec<Problem>, file: &str, what: &str, text: &TextDoc) {
    if text.en.trim().is_empty() || text.ja.trim().is_empty() {
        problems.push(Problem {
            file: file.to_string(),
            message: format!("{what}: both `en` and `ja` must be written"),
        });
    }
}

/// Checks the cross-references and completeness of every file.
pub fn validate(docs: &KnowledgeDocs) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |file: &str, message: String| {
        problems.push(Problem {
            file: file.to_string(),
            message,
        })
    };
    let advice_ids: BTreeSet<&str> = docs.advice.advice.iter().map(|a| a.id.as_str()).collect();
    for id in CONTRACT_ADVICE {
        if !advice_ids.contains(id) {
            push(
                "advice.toml",
                format!("contract advice id `{id}` has no text"),
            );
        }
    }
    let party_ids: BTreeSet<&str> = docs.parties.party.iter().map(|p| p.id.as_str()).collect();
    for id in PARTIES {
        if !party_ids.contains(id) {
            push("parties.toml", format!("party `{id}` is not documented"));
        }
    }
    let reason_ids: BTreeSet<&str> = docs.reasons.iter().map(|r| r.id.as_str()).collect();
    for id in REASONS {
        if !reason_ids.contains(id) {
            push(
                "reasons/",
                format!("reason `{id}` has no file reasons/{id}.toml"),
            );
        }
    }
    let check_reason = |what: &str, reason: &str| -> Option<String> {
        (!REASONS.contains(&reason)).then(|| format!("{what}: unknown reason `{reason}`"))
    };
    let check_party = |what: &str, party: &str| -> Option<String> {
        (!PARTIES.contains(&party)).then(|| format!("{what}: unknown party `{party}`"))
    };
    let check_advice = |what: &str, ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter(|id| !advice_ids.contains(id.as_str()))
            .map(|id| format!("{what}: unknown advice id `{id}`"))
            .collect()
    };
    let mut rule_ids = BTreeSet::new();
    let mut check_rules = |rules: &[RuleDoc], problems: &mut Vec<String>| {
        for rule in rules {
            let what = format!("rule `{}`", rule.id);
            if !rule_ids.insert(rule.id.clone()) {
                problems.push(format!("{what}: id used twice in the knowledge base"));
            }
            problems.extend(check_reason(&what, &rule.reason));
            if let Some(p) = &rule.party {
                problems.extend(check_party(&what, p));
            }
            if let Some(a) = &rule.advice {
                problems.extend(check_advice(&what, a));
            }
            if rule.phrases.is_empty() && rule.regex.is_empty() {
                problems.push(format!("{what}: needs `phrases` or `regex`"));
            }
            for phrase in &rule.phrases {
                if phrase.trim().len() < 4 {
                    problems.push(format!("{what}: phrase `{phrase}` is too short to be safe"));
                }
            }
            for re in &rule.regex {
                if let Err(e) = regex::RegexBuilder::new(re).case_insensitive(true).build() {
                    problems.push(format!("{what}: regex `{re}` does not compile: {e}"));
                }
            }
            for s in rule.status.iter().chain(&rule.not_status) {
                if !s
                    .split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                {
                    problems.push(format!(
                        "{what}: status prefix `{s}` is not of the form 5, 5.7 or 5.7.1"
                    ));
                }
            }
            for c in &rule.command {
                if !["CONNECT", "HELO", "STARTTLS", "MAIL", "RCPT", "DATA"].contains(&c.as_str()) {
                    problems.push(format!("{what}: unknown SMTP command `{c}`"));
                }
            }
            if rule.source.as_deref().is_none_or(|s| s.trim().is_empty()) {
                problems.push(format!(
                    "{what}: needs a `source`: where its wording comes from (a server's source file, a provider's documentation page, an RFC section, a public report; `unverified: ...` when none was found)"
                ));
            }
            if rule.specificity == Specificity::Summary {
                // A summary names no cause: it cannot say who must act, and it is already
                // outranked by every rule that names one.
                if rule.party.is_some() {
                    problems.push(format!(
                        "{what}: a `specificity = \"summary\"` rule names no cause, so it cannot set `party`"
                    ));
                }
                if rule.weak || rule.warning {
                    problems.push(format!(
                        "{what}: a `specificity = \"summary\"` rule cannot also be `weak` or a `warning`"
                    ));
                }
            }
            if rule.subject && rule.server.is_empty() {
                problems.push(format!(
                    "{what}: a rule matched on the Subject needs `server`"
                ));
            }
            if rule.example.is_empty() {
                problems.push(format!("{what}: needs at least one [[rule.example]]"));
            }
            for t in rule
                .note
                .iter()
                .chain(&rule.uncertain)
                .chain(&rule.summary)
                .chain(&rule.causes)
            {
                if t.en.trim().is_empty() || t.ja.trim().is_empty() {
                    problems.push(format!(
                        "{what}: note/uncertain must be written in `en` and `ja`"
                    ));
                }
            }
        }
    };
    for reason in &docs.reasons {
        let file = format!("reasons/{}.toml", reason.id);
        let mut msgs = Vec::new();
        msgs.extend(check_reason("id", &reason.id));
        msgs.extend(check_party("party", &reason.party));
        if let Some(p) = &reason.party_when_temporary {
            msgs.extend(check_party("party_when_temporary", p));
        }
        if !RETRIES.contains(&reason.retry.as_str()) {
            msgs.push(format!("retry: unknown value `{}`", reason.retry));
        }
        msgs.extend(check_advice("advice", &reason.advice));
        if let Some(a) = &reason.advice_when_temporary {
            msgs.extend(check_advice("advice_when_temporary", a));
        }
        if reason.causes.is_empty() {
            msgs.push("causes: list at least one cause".into());
        }
        check_rules(&reason.rule, &mut msgs);
        for m in msgs {
            push(&file, m);
        }
        for (what, t) in [
            ("title", &reason.title),
            ("summary", &reason.summary),
            ("meaning", &reason.meaning),
        ] {
            if t.en.trim().is_empty() || t.ja.trim().is_empty() {
                push(&file, format!("{what}: both `en` and `ja` must be written"));
            }
        }
    }
    for (folder, sources) in [("providers", &docs.providers), ("servers", &docs.servers)] {
        for source in sources {
            let file = format!("{folder}/{}.toml", source.id);
            let mut msgs = Vec::new();
            for hint in &source.hints {
                if hint.trim().len() < 4 {
                    msgs.push(format!("hint `{hint}` is too short to be safe"));
                }
            }
            check_rules(&source.rule, &mut msgs);
            for m in msgs {
                push(&file, m);
            }
        }
    }
    let commands = ["CONNECT", "HELO", "STARTTLS", "MAIL", "RCPT", "DATA"];
    let mut adjust_ids = BTreeSet::new();
    for adjust in &docs.context.adjust {
        let what = format!("entry `{}`", adjust.id);
        let mut msgs = Vec::new();
        if !adjust_ids.insert(adjust.id.as_str()) {
            msgs.push(format!("{what}: id used twice"));
        }
        msgs.extend(check_reason(&what, &adjust.reason));
        for r in adjust.when_reason.iter().chain(&adjust.unless_words_say) {
            msgs.extend(check_reason(&what, r));
        }
        for c in adjust.command.iter().chain(&adjust.not_command) {
            if !commands.contains(&c.as_str()) {
                msgs.push(format!("{what}: unknown SMTP command `{c}`"));
            }
        }
        for o in &adjust.not_rule_from {
            if !["provider", "server", "generic"].contains(&o.as_str()) {
                msgs.push(format!(
                    "{what}: not_rule_from `{o}` is not provider, server or generic"
                ));
            }
        }
        for s in &adjust.not_status {
            let parts: Vec<&str> = s.split('.').collect();
            let ok = parts.len() == 3
                && matches!(parts[0], "*" | "2" | "4" | "5")
                && parts[1..]
                    .iter()
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !ok {
                msgs.push(format!(
                    "{what}: status `{s}` is not of the form 5.1.1 or *.1.1"
                ));
            }
        }
        if adjust.source.trim().is_empty() {
            msgs.push(format!("{what}: needs a `source`"));
        }
        if adjust.example.is_empty() {
            msgs.push(format!("{what}: needs at least one [[adjust.example]]"));
        }
        for e in &adjust.example {
            if let Some(c) = &e.command
                && !commands.contains(&c.as_str())
            {
                msgs.push(format!("{what}: example: unknown SMTP command `{c}`"));
            }
        }
        for m in msgs {
            push("context.toml", m);
        }
    }
    let mut field_ids = BTreeSet::new();
    for field in &docs.report_fields.field {
        let what = format!("entry `{}`", field.id);
        if !field_ids.insert(field.id.as_str()) {
            push("report-fields.toml", format!("{what}: id used twice"));
        }
        if let Some(m) = check_reason(&what, &field.reason) {
            push("report-fields.toml", m);
        }
        if !field.name.contains('.') {
            push(
                "report-fields.toml",
                format!(
                    "{what}: name `{}` is not of the form format.field",
                    field.name
                ),
            );
        }
        if field.values.is_empty() || field.source.trim().is_empty() {
            push(
                "report-fields.toml",
                format!("{what}: needs `values` and a `source`"),
            );
        }
    }
    for code in &docs.enhanced_codes.code {
        let what = format!("code `{}`", code.code);
        let parts: Vec<&str> = code.code.split('.').collect();
        let well_formed = parts.len() == 3
            && matches!(parts[0], "X" | "2" | "4" | "5")
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            push(
                "codes/enhanced.toml",
                format!("{what}: not of the form X.S.D"),
            );
        }
        if let Some(r) = &code.reason
            && let Some(m) = check_reason(&what, r)
        {
            push("codes/enhanced.toml", m);
        }
    }
    let mut seen_details = BTreeSet::new();
    for inferred in &docs.inferred_codes.inferred {
        if let Some(m) = check_reason(
            &format!("inferred code {}", inferred.detail),
            &inferred.reason,
        ) {
            push("codes/inferred.toml", m);
        }
        if !(900..1000).contains(&inferred.detail) || !seen_details.insert(inferred.detail) {
            push(
                "codes/inferred.toml",
                format!("detail {} must be a distinct 9xx number", inferred.detail),
            );
        }
    }
    for code in &docs.reply_codes.code {
        if !(200..600).contains(&code.code) {
            push(
                "codes/reply.toml",
                format!("code {}: not a reply code", code.code),
            );
        }
        if let Some(r) = &code.reason
            && let Some(m) = check_reason(&format!("code {}", code.code), r)
        {
            push("codes/reply.toml", m);
        }
    }
    let mut more = Vec::new();
    for a in &docs.advice.advice {
        check_text(
            &mut more,
            "advice.toml",
            &format!("advice `{}`", a.id),
            &a.text,
        );
    }
    for p in &docs.parties.party {
        check_text(
            &mut more,
            "parties.toml",
            &format!("party `{}` name", p.id),
            &p.name,
        );
        check_text(
            &mut more,
            "parties.toml",
            &format!("party `{}` role", p.id),
            &p.role,
        );
    }
    for l in &docs.labels.label {
        check_text(
            &mut more,
            "labels.toml",
            &format!("label `{}`", l.id),
            &l.text,
        );
    }
    for c in &docs.enhanced_codes.code {
        check_text(
            &mut more,
            "codes/enhanced.toml",
            &format!("code `{}` title", c.code),
            &c.title,
        );
        check_text(
            &mut more,
            "codes/enhanced.toml",
            &format!("code `{}` meaning", c.code),
            &c.meaning,
        );
    }
    for c in &docs.reply_codes.code {
        check_text(
            &mut more,
            "codes/reply.toml",
            &format!("code {} meaning", c.code),
            &c.meaning,
        );
    }
    for r in &docs.reasons {
        for (i, c) in r.causes.iter().enumerate() {
            check_text(
                &mut more,
                &format!("reasons/{}.toml", r.id),
                &format!("cause {}", i + 1),
                c,
            );
        }
    }
    for a in &docs.context.adjust {
        check_text(
            &mut more,
            "context.toml",
            &format!("entry `{}` note", a.id),
            &a.note,
        );
    }
    problems.extend(more);
    problems
}
