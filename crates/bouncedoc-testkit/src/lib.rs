//! Test support shared by the crates of the workspace: where `shared/` is, the
//! acceptance cases of `shared/spec/seed-cases.toml` as values, headless Chromium
//! ([`browser`]) and the pixels of its screenshots ([`png`]).

use std::path::{Path, PathBuf};

pub mod browser;
pub mod png;

use serde::Deserialize;

/// The `shared/` folder beside the project: `$BOUNCEDOC_SHARED` when set, else `../shared`
/// from the workspace root.
pub fn shared_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BOUNCEDOC_SHARED") {
        return PathBuf::from(dir);
    }
    workspace_root().join("..").join("shared")
}

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("..")
}

/// The folder of real bounces the tests read: `shared/corpus/maildir/bsd`.
pub fn corpus_dir() -> PathBuf {
    shared_dir().join("corpus").join("maildir").join("bsd")
}

/// The bytes of the corpus file `name` (in [`corpus_dir`]); panics with its path when it
/// cannot be read.
pub fn corpus_bytes(name: &str) -> Vec<u8> {
    let path = corpus_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The files directly in `dir` (not its folders), sorted by path; panics with the path when
/// the folder cannot be read.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut out: Vec<PathBuf> = entries
        .map(|e| {
            e.unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
                .path()
        })
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Appends `text` to the file at `path` (created when missing), as a server writes to its
/// log; panics with the path when it cannot.
pub fn append(path: &Path, text: &str) {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .unwrap_or_else(|e| panic!("cannot append to {}: {e}", path.display()));
}

/// A value that is either one item or a list of acceptable items.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One value.
    One(String),
    /// Any of these.
    Many(Vec<String>),
}

impl OneOrMany {
    /// Whether `value` is acceptable.
    pub fn accepts(&self, value: &str) -> bool {
        match self {
            OneOrMany::One(v) => v == value,
            OneOrMany::Many(vs) => vs.iter().any(|v| v == value),
        }
    }
}

/// One acceptance case.
#[derive(Debug, Clone, Deserialize)]
pub struct SeedCase {
    /// Its id.
    pub id: String,
    /// The text handed to `explain`.
    pub input: String,
    /// The reply code that must be reported.
    pub reply_code: Option<u16>,
    /// The status code that must be reported.
    pub status: Option<String>,
    /// The reason (or any of the reasons) that must be reported.
    pub reason: Option<OneOrMany>,
    /// Whether it must be a hard bounce.
    pub hard_bounce: Option<bool>,
    /// Who must act first.
    pub party: Option<String>,
    /// Advice ids that must all be present.
    #[serde(default)]
    pub advice: Vec<String>,
    /// The provider that must be recognized.
    pub provider: Option<String>,
    /// Why the case matters.
    pub note: Option<String>,
}

#[derive(Deserialize)]
struct SeedFile {
    case: Vec<SeedCase>,
}

/// Loads `shared/spec/seed-cases.toml`; panics with the path when it cannot.
pub fn seed_cases() -> Vec<SeedCase> {
    let path = shared_dir().join("spec").join("seed-cases.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let file: SeedFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()));
    assert!(!file.case.is_empty(), "{} holds no case", path.display());
    file.case
}

/// What a diagnosis says, in the contract's terms, for checking against a case.
#[derive(Debug, Clone, Default)]
pub struct SeedAnswer {
    /// Reply code.
    pub reply_code: Option<u16>,
    /// Status code.
    pub status: Option<String>,
    /// Reason id.
    pub reason: String,
    /// Hard bounce.
    pub hard_bounce: bool,
    /// Party id.
    pub party: String,
    /// Advice ids.
    pub advice: Vec<String>,
    /// Provider id.
    pub provider: Option<String>,
    /// The explanation text.
    pub explanation: String,
}

impl SeedAnswer {
    /// What a diagnosis in the contract's JSON form says (the output of `explain --format
    /// json` and of the service's `/explain`).
    pub fn from_json(v: &serde_json::Value) -> SeedAnswer {
        SeedAnswer {
            reply_code: v["reply_code"].as_u64().and_then(|c| u16::try_from(c).ok()),
            status: v["status"].as_str().map(str::to_string),
            reason: v["reason"].as_str().unwrap_or_default().to_string(),
            hard_bounce: v["hard_bounce"].as_bool().unwrap_or_default(),
            party: v["party"].as_str().unwrap_or_default().to_string(),
            advice: v["advice"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x["id"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            provider: v["provider"].as_str().map(str::to_string),
            explanation: v["explanation"].as_str().unwrap_or_default().to_string(),
        }
    }
}

impl SeedCase {
    /// Every way `observed` falls short of this case (empty when it passes).
    pub fn failures(&self, observed: &SeedAnswer) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(code) = self.reply_code
            && observed.reply_code != Some(code)
        {
            out.push(format!(
                "reply_code: want {code}, got {:?}",
                observed.reply_code
            ));
        }
        if let Some(status) = &self.status
            && observed.status.as_deref() != Some(status)
        {
            out.push(format!("status: want {status}, got {:?}", observed.status));
        }
        if let Some(reason) = &self.reason
            && !reason.accepts(&observed.reason)
        {
            out.push(format!("reason: want {reason:?}, got {}", observed.reason));
        }
        if let Some(hard) = self.hard_bounce
            && observed.hard_bounce != hard
        {
            out.push(format!(
                "hard_bounce: want {hard}, got {}",
                observed.hard_bounce
            ));
        }
        if let Some(party) = &self.party
            && &observed.party != party
        {
            out.push(format!("party: want {party}, got {}", observed.party));
        }
        for id in &self.advice {
            if !observed.advice.contains(id) {
                out.push(format!("advice: want {id} among {:?}", observed.advice));
            }
        }
        if let Some(provider) = &self.provider
            && observed.provider.as_ref() != Some(provider)
        {
            out.push(format!(
                "provider: want {provider}, got {:?}",
                observed.provider
            ));
        }
        if observed.explanation.trim().is_empty() {
            out.push("explanation is empty".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The corpus files come sorted, without the corpus's folders, and a file's bytes are
    /// the ones on disk.
    #[test]
    fn corpus_files_sorted_and_read() {
        let files = files_in(&corpus_dir());
        assert!(files.len() > 400, "only {} corpus files", files.len());
        assert!(files.windows(2).all(|w| w[0] < w[1]));
        assert!(files.iter().all(|p| p.is_file()));
        let name = files[0].file_name().unwrap().to_str().unwrap();
        assert_eq!(corpus_bytes(name), std::fs::read(&files[0]).unwrap());
        assert!(
            !files_in(&shared_dir().join("corpus"))
                .iter()
                .any(|p| p.is_dir())
        );
    }
}
