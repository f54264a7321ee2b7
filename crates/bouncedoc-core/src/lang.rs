//! The languages the product speaks.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::knowledge::schema::TextDoc;

/// A language of the product's texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, in display order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The language tag (`en`, `ja`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language a POSIX locale value (`ja_JP.UTF-8`, `en_US`, `C`) asks for, if it is
    /// one the product speaks.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let tag = value.split(['.', '@']).next().unwrap_or("");
        let primary = tag
            .split(['_', '-'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first language of an HTTP `Accept-Language` value that the product speaks,
    /// honouring quality values.
    pub fn from_accept_language(value: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for item in value.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::from_locale(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// Picks this language's side of a bilingual text.
    pub fn pick(self, text: &TextDoc) -> &str {
        match self {
            Lang::En => &text.en,
            Lang::Ja => &text.ja,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A language tag the product does not speak.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use `en` or `ja`")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_locale(s).ok_or_else(|| UnknownLang(s.to_string()))
    }
}

/// Whether a text is written in Japanese: it holds kana or kanji (a person who pastes a
/// Japanese bounce reads Japanese).
pub fn is_japanese(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{3040}'..='\u{30FF}'   // hiragana, katakana
            | '\u{31F0}'..='\u{31FF}' // katakana extensions
            | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
            | '\u{3400}'..='\u{4DBF}' // extension A
            | '\u{FF66}'..='\u{FF9F}') // half-width katakana
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_values() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C"), None);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), None);
        assert_eq!("JA".parse::<Lang>(), Ok(Lang::Ja));
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(Lang::from_accept_language("ja,en-US;q=0.8"), Some(Lang::Ja));
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, ja;q=0.9"),
            Some(Lang::Ja)
        );
        assert_eq!(Lang::from_accept_language("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_accept_language("de"), None);
    }
}
