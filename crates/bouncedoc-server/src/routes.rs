//! Every route of the service, listed once: the router is built from this list, and the
//! tests check the OpenAPI document against it.

use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::handler::Handler;
use axum::http::Method;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{MethodFilter, MethodRouter, on};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::{AppState, api, assets, errors, guard, jobs, ledger, page, reference, webhooks};

/// One route: a method and a path (with `{name}` for a path parameter, as in OpenAPI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The HTTP method.
    pub method: Method,
    /// The path.
    pub path: &'static str,
}

fn route<H, T>(method: Method, path: &'static str, handler: H) -> (Route, MethodRouter<AppState>)
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = MethodFilter::try_from(method.clone()).expect("a method the router knows");
    (Route { method, path }, on(filter, handler))
}

fn table() -> Vec<(Route, MethodRouter<AppState>)> {
    vec![
        route(Method::GET, "/", page::index),
        route(Method::POST, "/", page::submit),
        route(Method::POST, "/explain", page::submit),
        route(Method::GET, "/reasons", reference::reasons),
        route(Method::GET, "/reasons/{id}", reference::reason),
        route(Method::GET, "/assets/app.css", assets::css),
        route(Method::GET, "/assets/app.js", assets::js),
        route(Method::GET, "/assets/icon.svg", assets::icon),
        route(Method::GET, "/healthz", api::healthz),
        route(Method::GET, "/api/v1/openapi.json", api::openapi),
        route(Method::POST, "/api/v1/explain", api::explain),
        route(Method::POST, "/api/v1/parse", api::parse),
        route(Method::GET, "/api/v1/reasons", api::reasons),
        route(Method::GET, "/api/v1/reasons/{id}", api::reason),
        route(Method::GET, "/api/v1/codes", api::codes),
        route(Method::GET, "/api/v1/codes/{code}", api::code),
        route(Method::POST, "/api/v1/ledger/ingest", ledger::ingest),
        route(Method::GET, "/api/v1/ledger/check", ledger::check),
        route(
            Method::GET,
            "/api/v1/ledger/suppressions",
            ledger::suppressions,
        ),
        route(
            Method::POST,
            "/api/v1/ledger/unsuppress",
            ledger::unsuppress,
        ),
        route(
            Method::POST,
            "/api/v1/webhooks/{service}",
            webhooks::receive,
        ),
    ]
}

/// Every route of the service.
pub fn routes() -> Vec<Route> {
    table().into_iter().map(|(r, _)| r).collect()
}

/// The id of the next request, for the logs.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn request_span(request: &Request) -> Span {
    let id = NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.to_string())
        .unwrap_or_default();
    tracing::info_span!(
        "request",
        id,
        method = %request.method(),
        path = %request.uri().path(),
        route,
        peer,
    )
}

fn log_response(response: &Response, latency: Duration, _span: &Span) {
    let status = response.status().as_u16();
    let latency_ms = latency.as_secs_f64() * 1000.0;
    if response.status().is_server_error() {
        tracing::error!(status, latency_ms, "answered");
    } else {
        tracing::info!(status, latency_ms, "answered");
    }
}

/// Tells browsers never to guess a content type other than the one an answer declares
/// (`X-Content-Type-Options: nosniff`), on every answer, errors included.
async fn nosniff(mut response: axum::response::Response) -> axum::response::Response {
    response.headers_mut().insert(
        axum::http::header::X_CONTENT_TYPE_OPTIONS,
        axum::http::HeaderValue::from_static("nosniff"),
    );
    response
}

/// The router with every route and every layer.
pub(crate) fn build(state: AppState) -> Router {
    let config = state.config.clone();
    let mut router = Router::new();
    for (r, handler) in table() {
        router = router.route(r.path, handler);
    }
    router
        .fallback(errors::not_found)
        .method_not_allowed_fallback(errors::method_not_allowed)
        .layer(DefaultBodyLimit::max(config.max_body))
        .layer(RequestBodyLimitLayer::new(config.max_body))
        .layer(from_fn_with_state(state.clone(), jobs::deadline))
        .layer(from_fn_with_state(state.clone(), guard::check))
        .layer(from_fn_with_state(state.clone(), errors::normalize))
        .layer(axum::middleware::map_response(nosniff))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_request(())
                .on_response(log_response)
                .on_failure(()),
        )
        .with_state(state)
}
