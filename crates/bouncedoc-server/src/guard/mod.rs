//! Who may drive the service, checked on every request before any handler reads its body
//! ([`check`], one axum middleware):
//!
//! - [`host`]: the `Host` header must name the server (a loopback name, the address the client
//!   reached, or `serve --allowed-host`), or the answer is `421` — a page whose name was made
//!   to point at the server (DNS rebinding) reads nothing;
//! - [`origin`]: a state-changing request (any method but `GET`, `HEAD`, `OPTIONS`, `TRACE`)
//!   whose `Origin` is another site's, or `null` without `Sec-Fetch-Site: same-origin`, is
//!   `403`; the ledger's write endpoints also refuse `Sec-Fetch-Site: cross-site`;
//! - [`token`]: the ledger's endpoints need `Authorization: Bearer <token>` (`401` without it,
//!   `403` when the server has no token); its read endpoints not when
//!   [`Config::ledger_public_reads`](crate::Config::ledger_public_reads) is set;
//! - [`content_type`]: the ledger's write endpoints refuse the content types a browser sends
//!   cross-site without a preflight, and none (`415`).
//!
//! Other routes (the page, the API that records nothing, the webhooks that verify their own
//! signatures) pass the `Host` and `Origin` checks only. [`exposure`] is the start-up check:
//! no ledger on a non-loopback address without a token.

pub(crate) mod content_type;
pub(crate) mod exposure;
pub(crate) mod host;
pub(crate) mod origin;
pub(crate) mod token;

use std::net::SocketAddr;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bouncedoc_core::Lang;

use crate::AppState;
use crate::errors::{ApiError, is_page_path};
use crate::negotiate::{choose, query_lang};
use token::Credentials;

/// The address of the server that a connection reached (set by [`crate::serve`]): a `Host`
/// naming it is the server's own.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalAddr(pub SocketAddr);

/// What a route gives access to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Access {
    /// Nothing of the ledger: the page, the API that records nothing, the webhooks.
    Open,
    /// Reads the ledger (`check`, `suppressions`).
    LedgerRead,
    /// Changes the ledger (`ingest`, `unsuppress`).
    LedgerWrite,
}

/// What a request to `path` with `method` gives access to.
pub(crate) fn access(method: &Method, path: &str) -> Access {
    if path == "/api/v1/ledger" || path.starts_with("/api/v1/ledger/") {
        if method.is_safe() {
            Access::LedgerRead
        } else {
            Access::LedgerWrite
        }
    } else {
        Access::Open
    }
}

/// A refused request: its status, its code, the label of its message and what fills it.
#[derive(Debug)]
struct Refusal {
    status: StatusCode,
    code: &'static str,
    label: &'static str,
    fill: Option<(&'static str, String)>,
    /// The `WWW-Authenticate` challenge of a `401`.
    challenge: Option<&'static str>,
}

impl Refusal {
    fn new(status: StatusCode, code: &'static str, label: &'static str) -> Refusal {
        Refusal {
            status,
            code,
            label,
            fill: None,
            challenge: None,
        }
    }

    fn with(mut self, key: &'static str, value: impl Into<String>) -> Refusal {
        self.fill = Some((key, value.into()));
        self
    }

    fn challenge(mut self, value: &'static str) -> Refusal {
        self.challenge = Some(value);
        self
    }
}

/// Lets a request through, or answers it with the refusal (JSON for the API, the page for
/// the page), in the language the request asks for.
pub(crate) async fn check(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match admit(&state, &request) {
        Ok(()) => next.run(request).await,
        Err(refusal) => {
            let lang = choose(
                &[query_lang(request.uri()).ok().flatten()],
                request.headers(),
            );
            refuse(&state, lang, request.uri().path(), refusal)
        }
    }
}

fn refuse(state: &AppState, lang: Lang, path: &str, refusal: Refusal) -> Response {
    let mut message = state.labels.get(refusal.label, lang).to_string();
    if let Some((key, value)) = &refusal.fill {
        message = message.replace(&format!("{{{key}}}"), value);
    }
    let error = ApiError::new(refusal.status, refusal.code, message);
    tracing::info!(status = error.status.as_u16(), code = error.code, "refused");
    let mut response = if is_page_path(path) {
        crate::page::error_page(state, lang, &error)
    } else {
        error.into_response()
    };
    if let Some(challenge) = refusal.challenge {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(challenge),
        );
    }
    response
}

/// A header's value as text (`None` when absent or not visible ASCII).
fn text<'a>(request: &'a Request, name: &header::HeaderName) -> Option<&'a str> {
    request.headers().get(name).and_then(|v| v.to_str().ok())
}

fn admit(state: &AppState, request: &Request) -> Result<(), Refusal> {
    let config = &state.config;
    let host = check_host(request, &config.allowed_hosts)?;
    let fetch_site = text(request, &header::HeaderName::from_static("sec-fetch-site"));
    if !request.method().is_safe() {
        check_origin(request, host, fetch_site, &config.allowed_origins)?;
    }
    let access = access(request.method(), request.uri().path());
    if access == Access::Open || config.ledger.is_none() {
        // Without a ledger its routes answer `404 ledger_not_enabled`: nothing to protect.
        return Ok(());
    }
    let write = access == Access::LedgerWrite;
    if write && fetch_site.is_some_and(|v| v.eq_ignore_ascii_case("cross-site")) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "cross_site",
            "guard.cross_site",
        ));
    }
    if write || !config.ledger_public_reads {
        check_token(request, config.token.as_ref())?;
    }
    if write {
        check_content_type(request)?;
    }
    Ok(())
}

/// The host the client asked for (the request line's authority, else `Host`), when the
/// server answers for it.
fn check_host<'a>(request: &'a Request, allowed: &[String]) -> Result<&'a str, Refusal> {
    let host = match request.uri().authority() {
        Some(a) => Some(a.as_str()),
        None => text(request, &header::HOST),
    };
    let Some(host) = host else {
        return Err(Refusal::new(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected_host",
            "guard.no_host",
        ));
    };
    let local = request.extensions().get::<LocalAddr>().map(|l| l.0);
    if !host::is_allowed(host, local, allowed) {
        return Err(Refusal::new(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected_host",
            "guard.bad_host",
        )
        .with("host", host));
    }
    Ok(host)
}

/// A state-changing request with an `Origin` must come from the server's own page or an
/// allowed origin.
fn check_origin(
    request: &Request,
    host: &str,
    fetch_site: Option<&str>,
    allowed: &[String],
) -> Result<(), Refusal> {
    let Some(value) = request.headers().get(header::ORIGIN) else {
        return Ok(());
    };
    let origin = value.to_str().unwrap_or_default();
    // A browser sends `Origin: null` for a form of the server's own page too, since the page
    // says `Referrer-Policy: no-referrer`; then only its `Sec-Fetch-Site` can tell that the
    // page was the server's own.
    let own_null =
        origin == "null" && fetch_site.is_some_and(|s| s.eq_ignore_ascii_case("same-origin"));
    if own_null || origin::is_allowed(origin, host, allowed) {
        return Ok(());
    }
    Err(
        Refusal::new(StatusCode::FORBIDDEN, "cross_origin", "guard.cross_origin")
            .with("origin", String::from_utf8_lossy(value.as_bytes())),
    )
}

/// The request must carry the server's token.
fn check_token(request: &Request, token: Option<&token::Token>) -> Result<(), Refusal> {
    let Some(token) = token else {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "token_not_configured",
            "guard.no_token_configured",
        ));
    };
    match token::credentials(request.headers()) {
        Credentials::Missing => Err(Refusal::new(
            StatusCode::UNAUTHORIZED,
            "token_required",
            "guard.token_missing",
        )
        .challenge("Bearer realm=\"bouncedoc ledger\"")),
        Credentials::Bearer(presented) if !token.matches(presented) => {
            Err(
                Refusal::new(StatusCode::UNAUTHORIZED, "bad_token", "guard.token_bad")
                    .challenge("Bearer realm=\"bouncedoc ledger\", error=\"invalid_token\""),
            )
        }
        Credentials::Bearer(_) => Ok(()),
    }
}

/// A write to the ledger must declare a type a browser does not send cross-site unasked.
fn check_content_type(request: &Request) -> Result<(), Refusal> {
    content_type::preflighted(request.headers()).map_err(|declared| match declared {
        Some(media) => Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "guard.content_type",
        )
        .with("type", media),
        None => Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "guard.no_content_type",
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_ledgers_reads_and_writes_from_the_rest() {
        assert_eq!(
            access(&Method::POST, "/api/v1/ledger/ingest"),
            Access::LedgerWrite
        );
        assert_eq!(
            access(&Method::POST, "/api/v1/ledger/unsuppress"),
            Access::LedgerWrite
        );
        assert_eq!(
            access(&Method::GET, "/api/v1/ledger/check"),
            Access::LedgerRead
        );
        assert_eq!(
            access(&Method::HEAD, "/api/v1/ledger/suppressions"),
            Access::LedgerRead
        );
        assert_eq!(access(&Method::POST, "/api/v1/parse"), Access::Open);
        assert_eq!(access(&Method::POST, "/api/v1/webhooks/ses"), Access::Open);
        assert_eq!(access(&Method::POST, "/api/v1/ledgers"), Access::Open);
        assert_eq!(access(&Method::POST, "/"), Access::Open);
    }
}
