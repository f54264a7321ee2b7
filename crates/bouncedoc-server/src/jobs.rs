//! The CPU work of the requests, and how it ends with them: each job runs on the blocking
//! pool holding one of the [`Config::max_jobs`](crate::Config::max_jobs) permits until it
//! has ended (not until its request has), so that no more jobs run at once than the cap,
//! whatever happened to their requests; a request that waits too long for a permit gets
//! `503` with `Retry-After`.
//!
//! Every request has a deadline ([`deadline`], [`Config::timeout`](crate::Config::timeout))
//! and a [`Cancel`]: when the deadline passes, or the client goes away (the request's future
//! is dropped), the cancel is set, and the job stops at its next check (between messages,
//! between recipients). A job that writes passes its point of no return
//! ([`Cancel::commit`]) just before it commits: a deadline that passes after it does not
//! stop it, and the answer is the job's, with what it committed.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bouncedoc_mail::records::Cancel;
use tokio::sync::OwnedSemaphorePermit;

use crate::AppState;
use crate::errors::ApiError;

/// How long a request whose job has passed its point of no return (a ledger commit) may
/// run past its deadline, for its answer to say what was committed.
const COMMIT_GRACE: Duration = Duration::from_secs(30);

tokio::task_local! {
    /// The cancel and the deadline of the request being served.
    static REQUEST: RequestJob;
}

/// What the deadline middleware tells the handlers of the request it serves.
#[derive(Clone)]
struct RequestJob {
    cancel: Cancel,
    deadline: std::time::Instant,
}

/// The permits of the jobs, and how many are running.
#[derive(Debug)]
pub(crate) struct Jobs {
    permits: Arc<tokio::sync::Semaphore>,
    running: Arc<AtomicUsize>,
    limit: usize,
    queue_wait: Duration,
}

/// Counts a job as running until dropped (when the job's closure ends, panic included).
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Jobs {
    /// At most `limit` jobs at once (at least one); a job waits at most `queue_wait` for its
    /// turn.
    pub(crate) fn new(limit: usize, queue_wait: Duration) -> Jobs {
        let limit = limit.max(1);
        Jobs {
            permits: Arc::new(tokio::sync::Semaphore::new(limit)),
            running: Arc::default(),
            limit,
            queue_wait,
        }
    }

    /// How many jobs are running now (their requests may have ended).
    pub(crate) fn running(&self) -> usize {
        self.running.load(Ordering::Acquire)
    }

    /// The most jobs that run at once.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }
}

/// The cancel of the request being served (a new one outside a request).
pub(crate) fn current() -> Cancel {
    REQUEST.try_with(|r| r.cancel.clone()).unwrap_or_default()
}

/// When the request being served must be answered (`None` outside a request).
pub(crate) fn deadline_of_request() -> Option<std::time::Instant> {
    REQUEST.try_with(|r| r.deadline).ok()
}

/// `503`: every job permit was taken for longer than the request may wait.
fn busy(wait: Duration) -> ApiError {
    ApiError::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        format!(
            "the service is busy: every worker stayed taken for {} seconds; try again later",
            wait.as_secs_f64()
        ),
    )
}

/// Runs CPU work on the blocking pool, so that the async workers keep answering, once a
/// permit is free (waiting at most the queue wait, else `503`). The permit moves into the
/// job and is released when the job ends. The work runs with the request's [`Cancel`]
/// installed ([`Cancel::scope`]), which it also gets, so that the records path stops when
/// the request ends first.
pub(crate) async fn blocking_with<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Cancel) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let permit = turn(state).await?;
    start(state, permit, current(), work)
        .await
        .map_err(|e| ApiError::internal(format!("the diagnosis failed: {e}")))
}

/// A job's place, once one is free: waits at most the queue wait, else `503`.
pub(crate) async fn turn(state: &AppState) -> Result<OwnedSemaphorePermit, ApiError> {
    let jobs = &state.jobs;
    match tokio::time::timeout(jobs.queue_wait, jobs.permits.clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(e)) => Err(ApiError::internal(format!("the service is stopping: {e}"))),
        Err(_) => Err(busy(jobs.queue_wait)),
    }
}

/// Starts a job on the blocking pool, holding `permit` and counted as running until it
/// ends, with `cancel` installed ([`Cancel::scope`]); the job is not stopped when the
/// handle is dropped, only by its cancel.
pub(crate) fn start<T: Send + 'static>(
    state: &AppState,
    permit: OwnedSemaphorePermit,
    cancel: Cancel,
    work: impl FnOnce(&Cancel) -> T + Send + 'static,
) -> tokio::task::JoinHandle<T> {
    let running = state.jobs.running.clone();
    running.fetch_add(1, Ordering::AcqRel);
    let counted = Running(running);
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let _counted = counted;
        cancel.scope(|| work(&cancel))
    })
}

/// [`blocking_with`] for work that does not look at its cancel itself.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    blocking_with(state, move |_| work()).await
}

/// Sets the cancel of a request when dropped: when the request is answered, and when its
/// future is dropped before (the client went away, the deadline passed).
pub(crate) struct CancelOnDrop(pub Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// The request's deadline, as a middleware: runs the request with a new [`Cancel`]; when
/// [`Config::timeout`](crate::Config::timeout) passes first, cancels it and answers `408`,
/// unless its job has passed its point of no return, whose answer it then waits for (at
/// most [`COMMIT_GRACE`] more).
pub(crate) async fn deadline(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let cancel = Cancel::new();
    let _on_drop = CancelOnDrop(cancel.clone());
    let timeout = state.config.timeout;
    let request_ = RequestJob {
        cancel: cancel.clone(),
        deadline: std::time::Instant::now() + timeout,
    };
    let work = REQUEST.scope(request_, next.run(request));
    within(timeout, &cancel, work).await
}

async fn within(
    timeout: Duration,
    cancel: &Cancel,
    work: impl Future<Output = Response>,
) -> Response {
    let mut work = std::pin::pin!(work);
    if let Ok(response) = tokio::time::timeout(timeout, work.as_mut()).await {
        return response;
    }
    if cancel.cancel() {
        // Dropping the request's future leaves its job to stop at its next check.
        return StatusCode::REQUEST_TIMEOUT.into_response();
    }
    tracing::info!("past the deadline while committing: waiting for the commit");
    match tokio::time::timeout(COMMIT_GRACE, work).await {
        Ok(response) => response,
        Err(_) => ApiError::internal(
            "the commit took too long to finish; it may have been recorded: check the ledger",
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_deadline_cancels_unless_the_commit_began() {
        let cancel = Cancel::new();
        let slow = async { StatusCode::OK.into_response() };
        let r = within(Duration::from_millis(50), &cancel, slow).await;
        assert_eq!(r.status(), StatusCode::OK);

        let cancel = Cancel::new();
        let never = std::future::pending::<Response>();
        let r = within(Duration::from_millis(20), &cancel, never).await;
        assert_eq!(r.status(), StatusCode::REQUEST_TIMEOUT);
        assert!(cancel.is_cancelled());

        let cancel = Cancel::new();
        assert!(cancel.commit());
        let committing = async {
            tokio::time::sleep(Duration::from_millis(100)).await;
            StatusCode::CREATED.into_response()
        };
        let r = within(Duration::from_millis(20), &cancel, committing).await;
        assert_eq!(r.status(), StatusCode::CREATED, "the commit's own answer");
    }
}
