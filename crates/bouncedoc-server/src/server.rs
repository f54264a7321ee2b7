//! Serving the router on a listener: one task per connection, a bound on connections, a
//! header read timeout, graceful shutdown; and the entry point of `bouncedoc serve`.

use std::collections::HashMap;
use std::future::Future;
use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

use crate::{Config, ServerError, router};

/// How long shutdown waits for the requests in flight.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves the whole service on `listener` until `shutdown` completes, then lets the requests
/// in flight finish (for up to ten seconds).
///
/// Each connection is served by its own task. A client must send a request's headers within
/// [`Config::header_timeout`] (also the longest an idle keep-alive connection is kept), and
/// the whole request must be answered within [`Config::timeout`]; at most
/// [`Config::max_connections`] connections are served at once, and at most
/// [`Config::max_connections_per_client`] of one IP address (a further one is closed at once).
/// A ledger on a non-loopback address without a token is refused before anything is served
/// ([`check_exposure`](crate::check_exposure)).
pub async fn serve<F>(listener: TcpListener, config: Config, shutdown: F) -> Result<(), ServerError>
where
    F: Future<Output = ()> + Send,
{
    crate::check_exposure(listener.local_addr()?, &config)?;
    let header_timeout = config.header_timeout;
    let permits = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let clients = Clients::new(config.max_connections_per_client.max(1));
    let app = router(config)?;
    let (stop_tx, stop_rx) = watch::channel(());
    let (done_tx, done_rx) = watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, do not spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(client) = clients.admit(peer.ip()) else {
            tracing::debug!(%peer, "closed: the client holds its most connections");
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let local = stream.local_addr().ok().map(crate::guard::LocalAddr);
        let service = app
            .clone()
            .map_request(move |mut request: axum::http::Request<Incoming>| {
                request.extensions_mut().insert(ConnectInfo(peer));
                if let Some(local) = local {
                    request.extensions_mut().insert(local);
                }
                request
            });
        let service = TowerToHyperService::new(service);
        let mut stop = stop_rx.clone();
        let done = done_rx.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .keep_alive(true);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            loop {
                tokio::select! {
                    result = connection.as_mut() => {
                        if let Err(e) = result {
                            tracing::debug!(%peer, error = %e, "connection closed with an error");
                        }
                        break;
                    }
                    _ = stop.changed() => connection.as_mut().graceful_shutdown(),
                }
            }
            drop(client);
            drop(permit);
            drop(done);
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing the requests in flight");
    let _ = stop_tx.send(());
    drop(stop_rx);
    drop(done_rx);
    if tokio::time::timeout(DRAIN, done_tx.closed()).await.is_err() {
        tracing::warn!("some connections were still open after {DRAIN:?}; closing them");
    }
    Ok(())
}

/// The connections each client (IP address) holds open.
#[derive(Clone)]
struct Clients {
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    most: usize,
}

/// One connection of a client; counted until dropped.
struct ClientConnection {
    clients: Clients,
    ip: IpAddr,
}

impl Clients {
    fn new(most: usize) -> Clients {
        Clients {
            open: Arc::default(),
            most,
        }
    }

    /// Counts a new connection of `ip`, unless it already holds the most it may.
    fn admit(&self, ip: IpAddr) -> Option<ClientConnection> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let n = open.entry(ip).or_default();
        if *n >= self.most {
            return None;
        }
        *n += 1;
        Some(ClientConnection {
            clients: self.clone(),
            ip,
        })
    }
}

impl Drop for ClientConnection {
    fn drop(&mut self) {
        let mut open = self.clients.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Completes on Ctrl-C, or on SIGTERM where there is one.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// The entry point of `bouncedoc serve`: binds `listen`, prints the address it serves on
/// (`bouncedoc: listening on http://ADDR/`) on standard error, and serves until Ctrl-C or
/// SIGTERM. Builds its own multi-threaded runtime. Refuses a ledger on a non-loopback
/// address without a token ([`check_exposure`](crate::check_exposure)).
pub fn run(listen: SocketAddr, config: Config) -> Result<(), ServerError> {
    run_with_stream(listen, config, None)
}

/// Where `bouncedoc serve --publish-nats URL --publish-stream NAME` puts the webhooks'
/// verified bodies.
#[derive(Debug, Clone)]
pub struct StreamTarget {
    /// The NATS server.
    pub nats: String,
    /// The JetStream stream (made when missing).
    pub stream: String,
}

/// [`run`], with the webhooks going onto `target`'s stream (connected, inside the service's
/// runtime, before the port is bound: a server it cannot reach stops the start).
pub fn run_with_stream(
    listen: SocketAddr,
    mut config: Config,
    target: Option<StreamTarget>,
) -> Result<(), ServerError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("bouncedoc-serve")
        .build()?;
    crate::check_exposure(listen, &config)?;
    runtime.block_on(async move {
        // The client's connection lives as long as the runtime does.
        let mut _client = None;
        if let Some(target) = target {
            let (client, js) = bouncedoc_queue::connect(&target.nats)
                .await
                .map_err(|e| ServerError::Stream(e.to_string()))?;
            let publisher = bouncedoc_queue::publish::WebhookPublisher::new(js, &target.stream)
                .await
                .map_err(|e| ServerError::Stream(e.to_string()))?;
            config.webhook_stream = Some(publisher);
            _client = Some(client);
            say(&format!(
                "bouncedoc: webhooks go onto the stream {} at {}",
                target.stream, target.nats
            ));
        }
        let listener = TcpListener::bind(listen).await?;
        let local = listener.local_addr()?;
        tracing::info!(
            addr = %local,
            max_body = config.max_body,
            timeout_s = config.timeout.as_secs_f64(),
            "listening"
        );
        say(&format!("bouncedoc: listening on http://{local}/"));
        serve(listener, config, shutdown_signal()).await
    })
}

/// A line on standard error, or nothing when it cannot be written there (closed, or a pipe
/// nobody reads any more): the service goes on without its log.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Sends structured logs (one line per request, with method, path, route, status and
/// latency) to standard error, as text or as JSON lines. The level comes from
/// `BOUNCEDOC_LOG` (`info` when unset; e.g. `BOUNCEDOC_LOG=debug`). Does nothing when a
/// subscriber is already set.
pub fn init_tracing(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_env("BOUNCEDOC_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // A log line that cannot be written (standard error closed, or a pipe whose reader went
    // away) is dropped: the subscriber's own report of it would be written to standard error
    // too, and `eprintln!` panics there, which failed every request.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .log_internal_errors(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none());
    let _ = if json {
        builder.json().with_current_span(true).try_init()
    } else {
        builder.try_init()
    };
}
