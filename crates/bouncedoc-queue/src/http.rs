//! The worker's HTTP endpoint: `/healthz` (200 while connected to NATS, else 503) and
//! `/metrics` (Prometheus text).

use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::QueueError;
use crate::metrics::Metrics;

#[derive(Clone)]
struct Shared {
    metrics: Arc<Metrics>,
    client: async_nats::Client,
}

async fn healthz(State(s): State<Shared>) -> impl IntoResponse {
    match s.client.connection_state() {
        async_nats::connection::State::Connected => (StatusCode::OK, "ok\n"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "not connected to NATS\n"),
    }
}

async fn metrics_text(State(s): State<Shared>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        s.metrics.render(),
    )
}

/// Listens on `addr` and serves the two endpoints in a task of its own; returns the address
/// bound (useful with port 0).
pub async fn serve(
    addr: &str,
    metrics: Arc<Metrics>,
    client: async_nats::Client,
) -> Result<std::net::SocketAddr, QueueError> {
    let listen_error = |source| QueueError::Listen {
        addr: addr.to_string(),
        source,
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(listen_error)?;
    let bound = listener.local_addr().map_err(listen_error)?;
    let app = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .with_state(Shared { metrics, client });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(bound)
}
