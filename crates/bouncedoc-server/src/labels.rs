//! The words of the page: the server's own labels (`labels.toml` beside this file, embedded),
//! then the knowledge base's interface labels (`Knowledge::label`).

use std::collections::HashMap;

use bouncedoc_core::knowledge::schema::{LabelsFile, TextDoc};
use bouncedoc_core::{Knowledge, Lang};

/// The server's own labels, in both languages.
const LABELS_TOML: &str = include_str!("labels.toml");

/// Every label the page can show.
#[derive(Debug)]
pub(crate) struct Labels {
    own: HashMap<String, TextDoc>,
    kb: &'static Knowledge,
}

impl Labels {
    /// Loads the embedded labels; every one must be written in both languages, once.
    pub fn load(kb: &'static Knowledge) -> Result<Labels, String> {
        let file: LabelsFile = toml::from_str(LABELS_TOML).map_err(|e| e.to_string())?;
        let mut own = HashMap::new();
        for label in file.label {
            if label.text.en.trim().is_empty() || label.text.ja.trim().is_empty() {
                return Err(format!(
                    "label `{}`: both `en` and `ja` must be written",
                    label.id
                ));
            }
            if own.insert(label.id.clone(), label.text).is_some() {
                return Err(format!("label `{}` is defined twice", label.id));
            }
        }
        Ok(Labels { own, kb })
    }

    /// A label in a language: the server's own, else the knowledge base's, else the id.
    pub fn get<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        match self.own.get(id) {
            Some(text) => lang.pick(text),
            None => self.kb.label(id, lang),
        }
    }

    /// Whether a label exists anywhere.
    #[cfg(test)]
    pub fn has(&self, id: &str) -> bool {
        self.own.contains_key(id) || self.kb.label(id, Lang::En) != id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_load_in_both_languages() {
        let kb = Knowledge::shared().unwrap();
        let labels = Labels::load(kb).unwrap();
        assert_eq!(labels.get("page.submit", Lang::En), "Explain");
        assert_ne!(labels.get("page.submit", Lang::Ja), "page.submit");
        assert!(labels.has("heading.todo"));
        assert!(!labels.has("no.such.label"));
    }
}
