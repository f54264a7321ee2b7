//! The content types the ledger's write endpoints refuse: the three a browser sends to any
//! site without asking it first (no CORS preflight), and none at all.

use axum::http::HeaderMap;

use crate::body::media_type;

/// The media types a web page can send cross-site without a preflight (a "simple request" in
/// the Fetch standard's terms).
const SIMPLE: [&str; 3] = [
    "text/plain",
    "multipart/form-data",
    "application/x-www-form-urlencoded",
];

/// `Err` with what the request declares (`None`: nothing) when it is a type a browser sends
/// cross-site without a preflight, or when it declares none.
pub(crate) fn preflighted(headers: &HeaderMap) -> Result<(), Option<String>> {
    match media_type(headers) {
        None => Err(None),
        Some(m) if SIMPLE.contains(&m.as_str()) => Err(Some(m)),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderValue, header};

    fn with(ct: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_str(ct).unwrap());
        h
    }

    #[test]
    fn refuses_what_a_page_can_send_without_asking() {
        assert_eq!(preflighted(&HeaderMap::new()), Err(None));
        assert_eq!(
            preflighted(&with("Text/Plain; charset=utf-8")),
            Err(Some("text/plain".into()))
        );
        assert!(preflighted(&with("multipart/form-data; boundary=x")).is_err());
        assert!(preflighted(&with("application/x-www-form-urlencoded")).is_err());
        for ok in [
            "message/rfc822",
            "application/mbox",
            "application/octet-stream",
            "application/json",
        ] {
            assert_eq!(preflighted(&with(ok)), Ok(()), "{ok}");
        }
    }
}
