//! The page's static files, embedded in the binary.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The style sheet.
pub(crate) const CSS: &str = include_str!("assets/app.css");
/// The script: the drop zone and keyboard submit; the page works without it.
pub(crate) const JS: &str = include_str!("assets/app.js");
/// The icon.
pub(crate) const ICON: &str = include_str!("assets/icon.svg");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// `GET /assets/app.css`.
pub(crate) async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

/// `GET /assets/app.js`.
pub(crate) async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

/// `GET /assets/icon.svg`.
pub(crate) async fn icon() -> Response {
    asset("image/svg+xml", ICON)
}
