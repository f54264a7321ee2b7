//! Embeds every file under `knowledge/` into the library and checks them all, so that a
//! broken knowledge file fails the build with a message naming the file and the entry.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/knowledge/schema.rs"]
#[allow(dead_code)]
mod schema;

#[path = "src/knowledge/gate.rs"]
#[allow(dead_code)]
mod gate;

// The best guess's vectors, trained here on the embedded knowledge: their code, with the
// module paths it names.
#[path = "src/reply/normalize.rs"]
#[allow(dead_code)]
mod normalize;
#[path = "src/diagnosis/guess/tokens.rs"]
#[allow(dead_code)]
mod tokens;
#[path = "src/diagnosis/guess/vectors.rs"]
#[allow(dead_code)]
mod vectors;
mod reply {
    pub(crate) use super::normalize::Normalized;
}
mod diagnosis {
    pub mod guess {
        pub(crate) use crate::tokens;
    }
}
mod knowledge {
    pub(crate) use super::schema;
}

fn collect(dir: &Path, root: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path.strip_prefix(root).expect("under root").to_path_buf());
        }
    }
}

/// Writes a file of `OUT_DIR` as a new file put in place of the old one, never into the old
/// one: a target directory copied with hard links shares its files with the copy, and
/// writing into one would change the other's build.
fn write_out(path: &Path, bytes: &[u8]) {
    let fresh = path.with_extension("new");
    std::fs::write(&fresh, bytes).unwrap_or_else(|e| panic!("write {}: {e}", fresh.display()));
    std::fs::rename(&fresh, path).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

/// Every rule, in the knowledge's order.
fn all_rules(docs: &schema::KnowledgeDocs) -> impl Iterator<Item = &schema::RuleDoc> {
    let reasons = docs.reasons.iter().flat_map(|f| &f.rule);
    let providers = docs.providers.iter().flat_map(|f| &f.rule);
    let servers = docs.servers.iter().flat_map(|f| &f.rule);
    reasons.chain(providers).chain(servers)
}

/// Every regular expression of every rule, in the knowledge's order.
fn rule_patterns(docs: &schema::KnowledgeDocs) -> impl Iterator<Item = &str> {
    all_rules(docs).flat_map(|r| r.regex.iter().map(String::as_str))
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let root = manifest.join("knowledge");
    println!("cargo::rerun-if-changed=knowledge");
    println!("cargo::rerun-if-changed=src/knowledge/schema.rs");
    println!("cargo::rerun-if-changed=src/knowledge/gate.rs");
    println!("cargo::rerun-if-changed=src/reply/normalize.rs");
    println!("cargo::rerun-if-changed=src/diagnosis/guess/tokens.rs");
    println!("cargo::rerun-if-changed=src/diagnosis/guess/vectors.rs");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut texts = Vec::new();
    for rel in &files {
        let full = root.join(rel);
        println!("cargo::rerun-if-changed={}", full.display());
        let text = std::fs::read_to_string(&full)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()));
        texts.push((rel.to_string_lossy().replace('\\', "/"), text));
    }
    let pairs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let docs = match schema::parse_all(&pairs) {
        Ok(docs) => docs,
        Err(problems) => {
            let mut msg = String::from("the knowledge base has problems:\n");
            for p in problems {
                let _ = writeln!(msg, "  {p}");
            }
            panic!("{msg}");
        }
    };
    // The checked knowledge, pre-parsed: the library reads this JSON at start-up, which is
    // several times faster than parsing and checking the TOML again.
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let json = serde_json::to_string(&docs).expect("knowledge serializes");
    write_out(&out_dir.join("knowledge.json"), json.as_bytes());
    // Each rule pattern's literal gate, read here once, so that start-up does not parse every
    // pattern again.
    let gates: Vec<(&str, Option<gate::Gate>)> = rule_patterns(&docs)
        .map(|p| (p, gate::Gate::of_pattern(p)))
        .collect();
    let json = serde_json::to_string(&gates).expect("gates serialize");
    write_out(&out_dir.join("gates.json"), json.as_bytes());
    // The best guess's vectors of every rule's wordings, trained here once; the rules are
    // numbered as the library indexes them (generic, then providers', then servers').
    let rules: Vec<&schema::RuleDoc> = all_rules(&docs).collect();
    let wordings = rules
        .iter()
        .enumerate()
        .flat_map(|(i, doc)| vectors::wordings(doc).map(move |w| (i as u32, w)));
    let trained = vectors::Vectors::train(rules.len() as u32, wordings);
    write_out(&out_dir.join("guess_vectors.bin"), &trained.to_bytes());
    let mut code = String::from(
        "/// Every knowledge file: its path under `knowledge/` and its text.\npub const FILES: &[(&str, &str)] = &[\n",
    );
    for (name, _) in &texts {
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/knowledge/{name}\"))),"
        );
    }
    code.push_str("];\n");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("knowledge_files.rs");
    write_out(&out, code.as_bytes());
}
