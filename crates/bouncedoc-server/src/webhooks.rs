//! Sending services' webhooks, `POST /api/v1/webhooks/{service}` (Amazon SES through SNS,
//! SendGrid, Mailgun, Postmark, SparkPost, Brevo, Mailjet, Resend). Enabled by
//! `bouncedoc serve --database ... --webhooks-config FILE`
//! ([`Config::webhooks`](crate::Config::webhooks)); a service without a table in that file
//! answers `404`.
//!
//! Each request is verified as its service specifies (crate `bouncedoc-webhooks`): a bad
//! or missing signature or credential answers `401` and records nothing; a signed time
//! further than five minutes from now answers `401` too (a replay). These routes check
//! their own signatures and need no API token. The events are diagnosed (the service's
//! raw diagnostic text through the engine, its label kept beside) and recorded in the
//! ledger in one transaction, keyed by the service's event id: the same event posted
//! twice is recorded once. An SNS `SubscriptionConfirmation` is accepted only when the
//! configuration allows it (its SubscribeURL is then logged for the operator to open);
//! otherwise it is refused (`403`) with a log line.
//!
//! With a stream to publish onto ([`Config::webhook_stream`](crate::Config::webhook_stream)),
//! a verified body that reads as events goes onto the stream instead of the ledger, and the
//! service is answered once the stream has acknowledged it (`503` when it could not be put
//! there, so that the service posts it again); `bouncedoc worker` records its events as the
//! ledger path here would.

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use bouncedoc_core::{Lang, Reason};
use bouncedoc_ledger::BatchOutcome;
use bouncedoc_webhooks::verify::{Request as Signed, Verified};
use bouncedoc_webhooks::{Service, WebhookError, diagnose, ledger::new_event, parse};
use serde::Serialize;

use crate::AppState;
use crate::body::read_all;
use crate::errors::ApiError;
use crate::jobs::blocking_with;

/// One event as the answer shows it.
#[derive(Debug, Serialize)]
pub(crate) struct Recorded {
    event_id: String,
    kind: &'static str,
    recipient: Option<String>,
    label: String,
    reason: Reason,
    hard_bounce: bool,
    label_decided: bool,
}

/// The answer of a webhook.
#[derive(Debug, Serialize)]
pub(crate) struct Received {
    service: Service,
    #[serde(flatten)]
    outcome: BatchOutcome,
    ignored: usize,
    recorded: Vec<Recorded>,
    /// Events not recorded because the ledger cannot keep their address.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subscription: Option<&'static str>,
    /// With a stream: whether the body went onto it (`false`: the stream had it already).
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<bool>,
}

impl Received {
    fn nothing(service: Service) -> Received {
        Received {
            service,
            outcome: BatchOutcome::default(),
            ignored: 0,
            recorded: Vec::new(),
            errors: Vec::new(),
            subscription: None,
            published: None,
        }
    }
}

fn refused(e: WebhookError) -> ApiError {
    match e {
        WebhookError::Unauthenticated(m) => {
            ApiError::new(StatusCode::UNAUTHORIZED, "unauthenticated", m)
        }
        WebhookError::Stale(m) => ApiError::new(StatusCode::UNAUTHORIZED, "stale_signature", m),
        WebhookError::Format { .. } => ApiError::bad_request("bad_event", e.to_string()),
        other => ApiError::internal(other.to_string()),
    }
}

/// What the blocking part found.
enum Done {
    Recorded(Received),
    Subscription {
        topic: String,
        url: String,
    },
    /// Verified and read as `events` events (`ignored` not bounce-related): to go onto the
    /// stream.
    Publish {
        events: usize,
        ignored: usize,
        body: axum::body::Bytes,
        now: i64,
    },
}

/// `POST /api/v1/webhooks/{service}`.
pub(crate) async fn receive(
    State(state): State<AppState>,
    Path(name): Path<String>,
    request: Request,
) -> Result<Json<Received>, ApiError> {
    let service: Service = name.parse().map_err(|e: WebhookError| {
        ApiError::new(StatusCode::NOT_FOUND, "unknown_service", e.to_string())
    })?;
    let config = state.config.webhooks.clone().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "webhooks_not_enabled",
            "this service takes no webhooks: start it with `bouncedoc serve --database FILE|URL --webhooks-config FILE`",
        )
    })?;
    if config.service(service).is_none() {
        return Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "webhook_not_configured",
            format!("the webhooks configuration has no [{service}] table"),
        ));
    }
    let stream = state.config.webhook_stream.clone();
    let ledger = match (&stream, state.config.ledger.clone()) {
        (Some(_), ledger) => ledger,
        (None, Some(ledger)) => Some(ledger),
        (None, None) => {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "ledger_not_enabled",
                "webhooks record into the ledger: start the service with `bouncedoc serve --database FILE|URL` (or onto a stream with --publish-nats)",
            ));
        }
    };
    let to_stream = stream.is_some();
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = read_all(request.into_body(), state.config.max_body).await?;
    let engine = state.engine;
    let done = blocking_with(&state, move |cancel| -> Result<Done, ApiError> {
        let now = bouncedoc_ledger::time::now();
        let accepted = config.service(service).expect("checked above");
        let signed = Signed {
            headers: &headers,
            body: &body,
            now,
        };
        let verified = accepted.verifier.verify(service, &signed).map_err(|e| {
            tracing::warn!(%service, error = %e, "webhook refused");
            refused(e)
        })?;
        match verified {
            Verified::Events => {}
            Verified::Nothing => return Ok(Done::Recorded(Received::nothing(service))),
            Verified::SubscriptionConfirmation {
                topic_arn,
                subscribe_url,
            } => {
                if accepted.confirm_subscriptions {
                    return Ok(Done::Subscription {
                        topic: topic_arn,
                        url: subscribe_url,
                    });
                }
                tracing::warn!(
                    %service,
                    topic = %topic_arn,
                    "SNS subscription confirmation refused: the webhooks configuration does not allow it (confirm_subscriptions, or serve --sns-confirm-subscriptions)"
                );
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "subscription_refused",
                    "SNS subscription confirmations are not accepted by this service's configuration",
                ));
            }
        }
        let parsed = parse(service, &body).map_err(refused)?;
        if to_stream {
            return Ok(Done::Publish {
                events: parsed.events.len(),
                ignored: parsed.ignored,
                body,
                now,
            });
        }
        let ledger = ledger.expect("a ledger when there is no stream");
        let source = format!("webhook:{service}");
        let mut events = Vec::new();
        let mut recorded = Vec::new();
        let mut errors = Vec::new();
        for e in &parsed.events {
            let d = diagnose(&engine, e, Lang::En);
            // One event the ledger cannot keep does not hold back the others of the body
            // (the service would post them all again).
            let event = match new_event(&d, &source, now) {
                Ok(event) => event,
                Err(err) => {
                    tracing::warn!(%service, event_id = %e.event_id, error = %err, "webhook event not recorded");
                    errors.push(format!("{}: {err}", e.event_id));
                    continue;
                }
            };
            events.push(event);
            recorded.push(Recorded {
                event_id: e.event_id.clone(),
                kind: e.kind.id(),
                recipient: e.recipient.clone(),
                label: e.label.clone(),
                reason: d.diagnosis.reason,
                hard_bounce: d.diagnosis.hard_bounce,
                label_decided: d.label_decided,
            });
        }
        // Past the request's deadline nothing is committed (the service posts it again).
        let outcome = ledger
            .record_events_unless_cancelled(&events, cancel)
            .map_err(|e| match e {
                bouncedoc_ledger::LedgerError::Cancelled => {
                    ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", e.to_string())
                }
                e => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "ledger_failed", e.to_string()),
            })?;
        tracing::info!(
            %service,
            events = outcome.events,
            new_events = outcome.new_events,
            suppressed = outcome.suppressed,
            ignored = parsed.ignored,
            "webhook recorded"
        );
        Ok(Done::Recorded(Received {
            service,
            outcome,
            ignored: parsed.ignored,
            recorded,
            errors,
            subscription: None,
            published: None,
        }))
    })
    .await??;
    match done {
        Done::Recorded(r) => Ok(Json(r)),
        Done::Publish {
            events,
            ignored,
            body,
            now,
        } => {
            let stream = stream.expect("a stream for Done::Publish");
            let duplicate = stream
                .publish(service.id(), body.to_vec(), now)
                .await
                .map_err(|e| {
                    tracing::warn!(%service, error = %e, "webhook not put onto the stream");
                    ApiError::new(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "stream_unavailable",
                        format!("the webhook could not be put onto the stream: {e}"),
                    )
                })?;
            tracing::info!(%service, events, ignored, duplicate, "webhook published");
            let mut r = Received::nothing(service);
            r.ignored = ignored;
            r.outcome.events = events;
            r.published = Some(!duplicate);
            Ok(Json(r))
        }
        Done::Subscription { topic, url } => {
            tracing::warn!(
                %service,
                %topic,
                subscribe_url = %url,
                "SNS subscription confirmation accepted: open the SubscribeURL to confirm the subscription"
            );
            let mut r = Received::nothing(service);
            r.subscription = Some("pending");
            Ok(Json(r))
        }
    }
}
