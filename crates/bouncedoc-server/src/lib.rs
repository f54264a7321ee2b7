//! # bouncedoc-server
//!
//! `bouncedoc serve`: the HTTP API and the web page that explain why an email bounced, in
//! Japanese or English, over the same engine as the command line.
//!
//! - [`router`] builds the whole service (API under `/api/v1`, the page at `/`, the reasons
//!   reference at `/reasons`, `/healthz`)
//!   as an axum [`Router`], with the body limit, the request timeout, the JSON error answers
//!   and the request logs in place;
//! - [`serve`] runs it on a listener until a shutdown signal, with a header read timeout so
//!   that a slow client cannot hold a connection forever;
//! - [`run`] is what the `bouncedoc serve` command calls: it binds, logs and serves until
//!   Ctrl-C.
//!
//! Every request first passes the guard: its `Host` must name the server, a state-changing
//! request's `Origin` must be the server's own, and the ledger's routes need the bearer
//! [`Token`] of [`Config::token`] (and refuse the content types a browser sends cross-site
//! unasked); a ledger on a non-loopback address without a token is refused at start
//! ([`check_exposure`]). `docs/security.md` gives the threat model.
//!
//! The routes are listed once, in [`routes`], which both the router and the tests read, and
//! the OpenAPI document ([`OPENAPI_JSON`], served at `/api/v1/openapi.json`) is checked
//! against that list by the tests.
//!
//! ```no_run
//! # async fn demo() -> Result<(), bouncedoc_server::ServerError> {
//! use bouncedoc_server::{Config, serve};
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! serve(listener, Config::default(), std::future::pending()).await?;
//! # Ok(()) }
//! ```

mod api;
mod assets;
mod body;
mod errors;
mod guard;
mod highlight;
mod jobs;
mod labels;
mod ledger;
mod negotiate;
mod page;
mod paged;
mod paste;
mod reference;
mod routes;
mod server;
mod sns_certs;
mod webhooks;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use bouncedoc_core::Engine;

pub use errors::ApiError;
pub use guard::exposure::{Unprotected, check_exposure};
pub use guard::token::{MIN_TOKEN_LEN, Token, TokenError};
pub use routes::{Route, routes};
pub use server::{StreamTarget, init_tracing, run, run_with_stream, serve, shutdown_signal};
pub use sns_certs::HttpsCertificates;

/// The OpenAPI 3.1 document of the service, as served at `/api/v1/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

/// How the service behaves: limits and timeouts.
#[derive(Debug, Clone)]
pub struct Config {
    /// The largest request body accepted, in bytes; larger ones get `413`.
    pub max_body: usize,
    /// The longest a request may take, from its first byte to its answer, body upload
    /// included; slower ones get `408`.
    pub timeout: Duration,
    /// The longest a client may take to send a request's headers (and the longest an idle
    /// keep-alive connection is kept waiting for the next request's headers).
    pub header_timeout: Duration,
    /// The most connections served at once; further ones wait to be accepted.
    pub max_connections: usize,
    /// The most connections one client (one IP address) may hold open at once; a further
    /// one is closed as soon as it is accepted, so that one client cannot take every
    /// connection of [`Config::max_connections`].
    pub max_connections_per_client: usize,
    /// The token the ledger's endpoints require as `Authorization: Bearer <token>`
    /// (`serve --token-file`, `BOUNCEDOC_TOKEN`). Without one they answer `403`, and
    /// [`serve`]/[`run`] refuse a ledger on a non-loopback address ([`check_exposure`]).
    pub token: Option<Token>,
    /// Whether the ledger's read endpoints (`check`, `suppressions`) answer without the token
    /// (`serve --ledger-public-reads`); its write endpoints always need it.
    pub ledger_public_reads: bool,
    /// Host names the server answers for besides `localhost`, `127.0.0.1`, `[::1]` and the
    /// address a client reached (`serve --allowed-host`); a request for another gets `421`.
    pub allowed_hosts: Vec<String>,
    /// Origins (`https://admin.example.com`) whose pages may send state-changing requests
    /// besides the server's own (`serve --allowed-origin`); another gets `403`.
    pub allowed_origins: Vec<String>,
    /// The most jobs (diagnoses, ledger writes) running at once on the blocking pool; a job
    /// holds its place until it has ended, even when its request timed out first.
    pub max_jobs: usize,
    /// The longest a request waits for a job's place when [`Config::max_jobs`] are taken;
    /// then it gets `503` with `Retry-After`.
    pub queue_wait: Duration,
    /// The longest one message of a request body may be (one message, or one message of an
    /// mbox), checked as the body is split into messages: a longer one is not read (`413`
    /// for a single message, an error record in an mbox).
    pub max_message_bytes: usize,
    /// The bounce ledger behind `/api/v1/ledger/*` (`bouncedoc serve --database`); without
    /// one those routes answer `404 ledger_not_enabled`.
    pub ledger: Option<Arc<bouncedoc_ledger::service::LedgerService>>,
    /// The sending services whose webhooks `/api/v1/webhooks/{service}` takes, and how
    /// each is verified (`bouncedoc serve --webhooks-config`); without it those routes
    /// answer `404 webhooks_not_enabled`. They record into [`Config::ledger`], or, with
    /// [`Config::webhook_stream`], put each verified body onto a stream instead.
    pub webhooks: Option<Arc<bouncedoc_webhooks::verify::WebhooksConfig>>,
    /// A NATS JetStream stream the webhooks' verified bodies go onto, for `bouncedoc worker`
    /// to record (`bouncedoc serve --publish-nats URL --publish-stream NAME`): a service is
    /// answered once the stream has acknowledged its body, and no ledger is needed here.
    pub webhook_stream: Option<bouncedoc_queue::publish::WebhookPublisher>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_body: 10 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
            max_connections: 1024,
            max_connections_per_client: 64,
            token: None,
            ledger_public_reads: false,
            allowed_hosts: Vec::new(),
            allowed_origins: Vec::new(),
            max_jobs: std::thread::available_parallelism().map_or(2, |n| n.get()) * 2,
            queue_wait: Duration::from_secs(10),
            max_message_bytes: bouncedoc_mail::records::DEFAULT_MAX_MESSAGE_BYTES,
            ledger: None,
            webhooks: None,
            webhook_stream: None,
        }
    }
}

/// What can go wrong when starting or running the service.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The diagnosis engine could not be loaded.
    #[error("loading the diagnosis engine: {0}")]
    Engine(#[from] bouncedoc_core::Error),
    /// The interface labels embedded in the server could not be read.
    #[error("the server's interface labels: {0}")]
    Labels(String),
    /// A socket operation failed (binding, accepting).
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    /// A ledger on a non-loopback address without a token.
    #[error(transparent)]
    Unprotected(#[from] Unprotected),
    /// The stream the webhooks go onto could not be reached or made.
    #[error("the webhooks' stream: {0}")]
    Stream(String),
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub(crate) struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub engine: Engine,
    pub config: Config,
    pub labels: labels::Labels,
    /// Bounds the jobs running at once on the blocking pool ([`Config::max_jobs`]), so that
    /// a burst queues instead of oversubscribing the CPU, and a request that times out while
    /// queued costs nothing.
    pub jobs: jobs::Jobs,
}

impl std::ops::Deref for AppState {
    type Target = Inner;

    fn deref(&self) -> &Inner {
        &self.inner
    }
}

impl AppState {
    fn new(config: Config) -> Result<AppState, ServerError> {
        let engine = Engine::new()?;
        let labels = labels::Labels::load(engine.knowledge()).map_err(ServerError::Labels)?;
        let jobs = jobs::Jobs::new(config.max_jobs, config.queue_wait);
        Ok(AppState {
            inner: Arc::new(Inner {
                engine,
                config,
                labels,
                jobs,
            }),
        })
    }
}

/// The whole service as a router: every route of [`routes`], the fallback (`404` as JSON, or
/// as a page for a browser outside `/api/`),
/// the body limit, the request timeout, the error answers and the request logs.
pub fn router(config: Config) -> Result<Router, ServerError> {
    let state = AppState::new(config)?;
    Ok(routes::build(state))
}
