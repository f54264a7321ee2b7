//! The error answers of the service: a JSON object `{"status", "error", "message"}` for the
//! API, a page with the localized message for the web page (the form page for its own
//! paths, a page of its own for any other path a browser asks for outside `/api/`), whatever
//! produced the error (a handler, the body limit, the timeout, the router's fallback).

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::AppState;
use crate::negotiate;

/// An error answer: its HTTP status, a stable code for programs, a message for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable, machine-readable code (`empty_input`, `body_too_large`, ...).
    pub code: &'static str,
    /// What is wrong, in English, for the person who sent the request.
    pub message: String,
}

/// Marks a response as a finished answer of the service, so that the error middleware
/// leaves it alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Answered;

#[derive(Serialize)]
struct ErrorBody<'a> {
    status: u16,
    error: &'a str,
    message: &'a str,
}

impl ApiError {
    /// Any error.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
        }
    }

    /// `400`: the input is wrong; `code` says how.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// `404`.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// `413`: the body is larger than `limit` bytes.
    pub fn too_large(limit: usize) -> ApiError {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is larger than the limit of {limit} bytes"),
        )
    }

    /// `415`.
    pub fn unsupported(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            message,
        )
    }

    /// `408`: the request took longer than `secs` seconds.
    pub fn timeout(secs: f64) -> ApiError {
        ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!(
                "the request did not complete within {secs} seconds (the body arrived too slowly, or the work took too long)"
            ),
        )
    }

    /// `500`.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            status: self.status.as_u16(),
            error: self.code,
            message: &self.message,
        };
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response.extensions_mut().insert(Answered);
        response
    }
}

/// The router's fallback: `404` for every path it does not know, as a page for a browser
/// outside the API ([`as_document`]), as JSON otherwise.
pub(crate) async fn not_found(State(state): State<AppState>, request: Request) -> Response {
    let error = ApiError::not_found(format!(
        "no such resource: {} {} (the API lives under /api/v1; see /api/v1/openapi.json)",
        request.method(),
        request.uri().path()
    ));
    as_document(&state, &request, error)
}

/// The answer to a known path asked with the wrong method (a page for a browser outside the
/// API, as for [`not_found`]).
pub(crate) async fn method_not_allowed(
    State(state): State<AppState>,
    request: Request,
) -> Response {
    let error = ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!(
            "{} is not allowed on {} (see /api/v1/openapi.json)",
            request.method(),
            request.uri().path()
        ),
    );
    as_document(&state, &request, error)
}

/// An error as a page of its own when a browser asked for a path outside the API (and its
/// `Accept` ranks HTML first, [`negotiate::wants_html`]), in the language of its `?lang=`
/// or `Accept-Language`; as the JSON error otherwise.
pub(crate) fn as_document(state: &AppState, request: &Request, error: ApiError) -> Response {
    let path = request.uri().path();
    if path.starts_with("/api/") || !negotiate::wants_html(request.headers()) {
        return error.into_response();
    }
    let asked = negotiate::query_param(request.uri(), "lang").and_then(|l| l.parse().ok());
    let lang = negotiate::choose(&[asked], request.headers());
    crate::page::error_document(state, lang, &error, path)
}

/// Whether a path belongs to the web page (HTML answers) rather than to the API (JSON).
pub(crate) fn is_page_path(path: &str) -> bool {
    matches!(path, "/" | "/explain")
}

/// Turns every error answer that did not come from a handler of ours (the body limit's
/// `413`, the timeout's `408`, a rejection of axum's) into the service's own error answer:
/// JSON for the API, the page with a localized message for the page.
pub(crate) async fn normalize(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let page = is_page_path(request.uri().path());
    let writes = request.uri().path() == "/api/v1/ledger/ingest";
    let lang = negotiate::header_lang(request.headers()).unwrap_or_default();
    let document =
        !request.uri().path().starts_with("/api/") && negotiate::wants_html(request.headers());
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    if response.extensions().get::<Answered>().is_some()
        || !(status.is_client_error() || status.is_server_error())
    {
        return response;
    }
    let error = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(state.config.max_body),
        StatusCode::REQUEST_TIMEOUT => {
            let mut e = ApiError::timeout(state.config.timeout.as_secs_f64());
            if writes {
                // The deadline answers 408 only when the job had not begun its commit.
                e.message
                    .push_str("; nothing from this request was recorded in the ledger");
            }
            e
        }
        _ => {
            let text = axum::body::to_bytes(response.into_body(), 4096)
                .await
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let message = if text.trim().is_empty() {
                status.canonical_reason().unwrap_or("error").to_string()
            } else {
                text
            };
            let code = if status.is_server_error() {
                "internal"
            } else {
                "bad_request"
            };
            ApiError::new(status, code, message)
        }
    };
    if page {
        return crate::page::error_page(&state, lang, &error);
    }
    if document {
        return crate::page::error_document(&state, lang, &error, &path);
    }
    error.into_response()
}

/// Sets the headers every answer of the page carries.
pub(crate) fn page_headers(response: &mut Response) {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
}
