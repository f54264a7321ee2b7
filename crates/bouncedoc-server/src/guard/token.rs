//! The bearer token of the ledger's endpoints: kept only as its SHA-256 digest, and compared
//! in constant time.

use std::path::Path;

use axum::http::{HeaderMap, header};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The fewest characters a token may have.
pub const MIN_TOKEN_LEN: usize = 16;

/// The secret a client must send as `Authorization: Bearer <token>` to drive the ledger.
///
/// Only the SHA-256 digest of the token is kept, and a presented token is hashed and compared
/// with it in constant time: the time a refusal takes tells nothing about the token, not even
/// its length. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    digest: [u8; 32],
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

/// Why a token cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// The token is empty (an empty file or variable).
    #[error("the token is empty")]
    Empty,
    /// The token is shorter than [`MIN_TOKEN_LEN`] characters.
    #[error("the token has {0} characters; it needs at least {MIN_TOKEN_LEN}")]
    TooShort(usize),
    /// The token holds a character a header value cannot carry as a bearer token (white
    /// space, a control character, a non-ASCII character).
    #[error("the token may hold only visible ASCII characters (no spaces)")]
    BadCharacter,
    /// The token file could not be read.
    #[error("reading the token file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl Token {
    /// A token from its text; white space around it (a file's final newline) is ignored.
    pub fn new(text: &str) -> Result<Token, TokenError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(TokenError::Empty);
        }
        if !text.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(TokenError::BadCharacter);
        }
        let len = text.chars().count();
        if len < MIN_TOKEN_LEN {
            return Err(TokenError::TooShort(len));
        }
        Ok(Token {
            digest: digest(text.as_bytes()),
        })
    }

    /// The token held in a file (`bouncedoc serve --token-file`).
    pub fn read_file(path: &Path) -> Result<Token, TokenError> {
        let text = std::fs::read_to_string(path).map_err(|source| TokenError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Token::new(&text)
    }

    /// Whether `presented` is this token, compared in constant time.
    pub fn matches(&self, presented: &[u8]) -> bool {
        digest(presented).ct_eq(&self.digest).into()
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// What a request's `Authorization` header holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credentials<'a> {
    /// No `Authorization` header, or one of another scheme than `Bearer`.
    Missing,
    /// `Bearer <token>`.
    Bearer(&'a [u8]),
}

/// The bearer token of a request, if it sends one.
pub(crate) fn credentials(headers: &HeaderMap) -> Credentials<'_> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Credentials::Missing;
    };
    let value = value.as_bytes();
    let scheme = b"bearer ";
    if value.len() <= scheme.len() || !value[..scheme.len()].eq_ignore_ascii_case(scheme) {
        return Credentials::Missing;
    }
    Credentials::Bearer(value[scheme.len()..].trim_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const GOOD: &str = "s3cret-token-of-the-owner";

    #[test]
    fn a_token_matches_itself_only() {
        let token = Token::new(&format!("  {GOOD}\n")).unwrap();
        assert!(token.matches(GOOD.as_bytes()));
        assert!(!token.matches(b"s3cret-token-of-the-owneR"));
        assert!(!token.matches(b"s3cret-token-of-the-owner "));
        assert!(!token.matches(b""));
        assert!(!token.matches(&GOOD.as_bytes()[..GOOD.len() - 1]));
    }

    #[test]
    fn weak_tokens_are_refused() {
        assert!(matches!(Token::new(" \n"), Err(TokenError::Empty)));
        assert!(matches!(Token::new("short"), Err(TokenError::TooShort(5))));
        assert!(matches!(
            Token::new("has a space in the middle"),
            Err(TokenError::BadCharacter)
        ));
        assert!(matches!(
            Token::new("ünïcode-is-not-a-header-value"),
            Err(TokenError::BadCharacter)
        ));
    }

    #[test]
    fn debug_does_not_show_the_token() {
        let token = Token::new(GOOD).unwrap();
        assert_eq!(format!("{token:?}"), "Token(..)");
    }

    #[test]
    fn reads_a_token_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("token");
        std::fs::write(&path, format!("{GOOD}\n")).unwrap();
        assert!(Token::read_file(&path).unwrap().matches(GOOD.as_bytes()));
        let missing = Token::read_file(&dir.path().join("none"));
        assert!(matches!(missing, Err(TokenError::Read { .. })));
    }

    #[test]
    fn finds_the_bearer_token() {
        let mut headers = HeaderMap::new();
        assert_eq!(credentials(&headers), Credentials::Missing);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Basic dTpw"),
        );
        assert_eq!(credentials(&headers), Credentials::Missing);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer  abc "),
        );
        assert_eq!(credentials(&headers), Credentials::Bearer(b"abc"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer"));
        assert_eq!(credentials(&headers), Credentials::Missing);
    }
}
