//! Choosing the language of an answer: an explicit choice (`?lang=`, a `lang` field), else
//! the client's `Accept-Language`, else English.

use axum::http::{HeaderMap, Uri, header};
use bouncedoc_core::Lang;

use crate::errors::ApiError;

/// The language the `Accept-Language` header asks for, if it names one the product speaks.
pub(crate) fn header_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
}

/// Whether a client asks for HTML rather than JSON: its `Accept` header ranks `text/html`
/// (or `application/xhtml+xml`) above `application/json`, as a browser's does. Without an
/// `Accept` header, or with only `*/*`, the answer is JSON.
pub(crate) fn wants_html(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut html = 0.0f32;
    let mut json = 0.0f32;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        match media.as_str() {
            "text/html" | "application/xhtml+xml" => html = html.max(q),
            "application/json" => json = json.max(q),
            _ => {}
        }
    }
    html > 0.0 && html > json
}

/// Parses an explicit language choice; an unknown one is a `400`.
pub(crate) fn parse_lang(value: &str) -> Result<Lang, ApiError> {
    value
        .parse::<Lang>()
        .map_err(|e| ApiError::bad_request("bad_lang", e.to_string()))
}

/// The value of one query parameter, decoded.
pub(crate) fn query_param(uri: &Uri, name: &str) -> Option<String> {
    let query = uri.query()?;
    form_pairs(query.as_bytes())
        .into_iter()
        .rev()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}

/// The `?lang=` of a request, checked.
pub(crate) fn query_lang(uri: &Uri) -> Result<Option<Lang>, ApiError> {
    query_param(uri, "lang")
        .filter(|v| !v.is_empty())
        .map(|v| parse_lang(&v))
        .transpose()
}

/// The language of an answer: the first explicit choice, else the header's, else English.
pub(crate) fn choose(explicit: &[Option<Lang>], headers: &HeaderMap) -> Lang {
    explicit
        .iter()
        .flatten()
        .next()
        .copied()
        .or_else(|| header_lang(headers))
        .unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded` pairs, keeping repeated keys in order.
pub(crate) fn form_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    bytes
        .split(|&b| b == b'&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |&b| b == b'=');
            let k = it.next().unwrap_or_default();
            let v = it.next().unwrap_or_default();
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms() {
        assert_eq!(
            form_pairs(b"text=550+5.1.1%20%3Cx%40y%3E&lang=ja&lang=en&e=%zz%4"),
            vec![
                ("text".into(), "550 5.1.1 <x@y>".into()),
                ("lang".into(), "ja".into()),
                ("lang".into(), "en".into()),
                ("e".into(), "%zz%4".into()),
            ]
        );
        assert_eq!(
            form_pairs("t=%E6%97%A5%E6%9C%AC".as_bytes()),
            vec![("t".into(), "日本".into())]
        );
    }

    #[test]
    fn browsers_get_html() {
        let with = |accept: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT, accept.parse().unwrap());
            wants_html(&headers)
        };
        assert!(with(
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
        ));
        assert!(!with("application/json"));
        assert!(!with("*/*"));
        assert!(!with("application/json, text/html;q=0.5"));
        assert!(!with("text/html;q=0"));
        assert!(!wants_html(&HeaderMap::new()));
    }

    #[test]
    fn chooses_languages() {
        let mut headers = HeaderMap::new();
        assert_eq!(choose(&[None], &headers), Lang::En);
        headers.insert(header::ACCEPT_LANGUAGE, "ja,en;q=0.5".parse().unwrap());
        assert_eq!(choose(&[None], &headers), Lang::Ja);
        assert_eq!(choose(&[None, Some(Lang::En)], &headers), Lang::En);
        let uri: Uri = "/x?lang=ja".parse().unwrap();
        assert_eq!(query_lang(&uri).unwrap(), Some(Lang::Ja));
        let uri: Uri = "/x?lang=fr".parse().unwrap();
        assert!(query_lang(&uri).is_err());
    }
}
