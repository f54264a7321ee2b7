//! SMTP reply codes (RFC 5321) and enhanced status codes (RFC 3463) as values.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An enhanced status code, `class.subject.detail` (RFC 3463), such as `5.1.1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StatusCode {
    /// 2 (success), 4 (temporary failure) or 5 (permanent failure).
    pub class: u8,
    /// The subject (0 to 7 in the registry).
    pub subject: u16,
    /// The detail.
    pub detail: u16,
}

impl StatusCode {
    /// Builds a code.
    pub const fn new(class: u8, subject: u16, detail: u16) -> StatusCode {
        StatusCode {
            class,
            subject,
            detail,
        }
    }

    /// True for a permanent failure (class 5).
    pub fn is_permanent(self) -> bool {
        self.class == 5
    }

    /// True for a temporary failure (class 4).
    pub fn is_temporary(self) -> bool {
        self.class == 4
    }

    /// True for `X.0.0`, which says nothing beyond success or failure.
    pub fn is_generic(self) -> bool {
        self.subject == 0 && self.detail == 0
    }

    /// True when the subject or the detail is 0 (`5.0.0`, `5.7.0`, `4.2.0`): the code names
    /// a class or a subject of failure but no specific cause.
    pub fn is_vague(self) -> bool {
        self.subject == 0 || self.detail == 0
    }

    /// True when the code matches `pattern`: a code (`5.1.1`) or a code of any class
    /// (`*.1.1`).
    pub fn matches(self, pattern: &str) -> bool {
        match pattern.strip_prefix("*.") {
            Some(rest) => (1..=9)
                .any(|class| class == self.class && self.starts_with(&format!("{class}.{rest}"))),
            None => self.starts_with(pattern),
        }
    }

    /// True when the code starts with `prefix` (`5`, `5.7`, `5.7.1`), part by part.
    pub fn starts_with(self, prefix: &str) -> bool {
        let mut parts = prefix.split('.');
        let ours = [self.class as u16, self.subject, self.detail];
        ours.iter()
            .zip(parts.by_ref())
            .all(|(ours, theirs)| theirs.parse::<u16>().ok() == Some(*ours))
            && parts.next().is_none()
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class, self.subject, self.detail)
    }
}

/// Text that is not an enhanced status code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an enhanced status code (class.subject.detail, e.g. 5.1.1)")]
pub struct BadStatusCode(pub String);

impl FromStr for StatusCode {
    type Err = BadStatusCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadStatusCode(s.to_string());
        let mut parts = s.trim().split('.');
        let (Some(c), Some(sub), Some(det), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |p: &str, max: usize| {
            !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit())
        };
        if !(digits(c, 1) && digits(sub, 3) && digits(det, 3)) {
            return Err(bad());
        }
        let class: u8 = c.parse().map_err(|_| bad())?;
        if !matches!(class, 2 | 4 | 5) {
            return Err(bad());
        }
        Ok(StatusCode::new(
            class,
            sub.parse().map_err(|_| bad())?,
            det.parse().map_err(|_| bad())?,
        ))
    }
}

impl Serialize for StatusCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StatusCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether a basic reply code is one that RFC 5321 allows (2xx to 5xx, second digit 0 to 5).
pub fn is_reply_code(code: u16) -> bool {
    (200..=599).contains(&code) && (code / 10) % 10 <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let c: StatusCode = "5.7.26".parse().unwrap();
        assert_eq!(c, StatusCode::new(5, 7, 26));
        assert_eq!(c.to_string(), "5.7.26");
        assert!("5.7".parse::<StatusCode>().is_err());
        assert!("3.1.1".parse::<StatusCode>().is_err());
        assert!("5.1.1.1".parse::<StatusCode>().is_err());
        assert!("5.x.1".parse::<StatusCode>().is_err());
    }

    #[test]
    fn prefixes() {
        let c = StatusCode::new(5, 7, 1);
        assert!(c.starts_with("5"));
        assert!(c.starts_with("5.7"));
        assert!(c.starts_with("5.7.1"));
        assert!(!c.starts_with("5.7.10"));
        assert!(!c.starts_with("5.1"));
        assert!(!c.starts_with("4"));
    }

    #[test]
    fn reply_codes() {
        assert!(is_reply_code(550));
        assert!(is_reply_code(421));
        assert!(!is_reply_code(199));
        assert!(!is_reply_code(560));
        assert!(!is_reply_code(600));
    }
}
