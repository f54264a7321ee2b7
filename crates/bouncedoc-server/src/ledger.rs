//! The bounce ledger over HTTP, under `/api/v1/ledger`: record a bounce, check addresses,
//! list suppressions, lift a suppression. Who may call them is checked before (the token,
//! `Host`, `Origin`, content types: [`crate::guard`]). Enabled by `bouncedoc serve --database FILE|URL`
//! ([`Config::ledger`](crate::Config::ledger)); without one, these routes answer `404`
//! `ledger_not_enabled`. The objects are those of `bouncedoc check --format jsonl` and
//! `bouncedoc suppressions --format json`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri};
use bouncedoc_core::Reason;
use bouncedoc_ledger::service::{IngestOptions, Ingested, LedgerService};
use bouncedoc_ledger::time::parse_when;
use bouncedoc_ledger::{Check, Filter, LedgerError, Rule, Suppression, Unsuppressed};
use serde::Deserialize;

use crate::AppState;
use crate::api::{Upload, read_upload};
use crate::body::{is_json, media_type, read_all};
use crate::errors::ApiError;
use crate::jobs::{blocking, blocking_with};
use crate::negotiate::{choose, form_pairs, query_lang};

fn service(state: &AppState) -> Result<Arc<LedgerService>, ApiError> {
    state.config.ledger.clone().ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            "ledger_not_enabled",
            "this service keeps no ledger: start it with `bouncedoc serve --database FILE|URL`",
        )
    })
}

fn failed(e: LedgerError) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "ledger_failed",
        e.to_string(),
    )
}

fn query(uri: &Uri) -> Vec<(String, String)> {
    uri.query()
        .map(|q| form_pairs(q.as_bytes()))
        .unwrap_or_default()
}

/// The most records an ingest answer lists when asked to (`?records=true`).
const MAX_RECORDS: usize = 1000;

/// `POST /api/v1/ledger/ingest`: records a bounce (or an mbox of them) in one transaction
/// and applies the policy; answers with counts (what was recorded, how many messages,
/// recipients, not bounces and errors), and with the first records `parse` gives of it
/// (at most 1000) when asked (`?records=true`). A request past its deadline before the
/// commit records nothing (`408`); one whose commit had begun is answered when it is done.
pub(crate) async fn ingest(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<Ingested>, ApiError> {
    let ledger = service(&state)?;
    let mut records = None;
    for (key, value) in query(request.uri()) {
        match key.as_str() {
            "records" => {
                records = matches!(value.as_str(), "" | "1" | "true" | "yes").then_some(MAX_RECORDS)
            }
            other => {
                return Err(ApiError::bad_request(
                    "bad_query",
                    format!("unknown parameter `{other}`: use records"),
                ));
            }
        }
    }
    let Upload { bytes, source, .. } = read_upload(request, state.config.max_body).await?;
    let engine = state.engine;
    let max_message_bytes = Some(state.config.max_message_bytes);
    let done = blocking_with(&state, move |cancel| {
        let options = IngestOptions {
            records,
            max_message_bytes,
            cancel: cancel.clone(),
        };
        ledger.ingest(&engine, &bytes, &source, &options)
    })
    .await?;
    match done {
        Ok(done) => Ok(Json(done)),
        // Only a request that is no longer waiting is cancelled: this answer goes nowhere.
        Err(LedgerError::Cancelled) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            LedgerError::Cancelled.to_string(),
        )),
        Err(e) => Err(failed(e)),
    }
}

/// `GET /api/v1/ledger/check?address=A&address=B`: whether to mail each address.
pub(crate) async fn check(
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Json<Vec<Check>>, ApiError> {
    let ledger = service(&state)?;
    let addresses: Vec<String> = query(&uri)
        .into_iter()
        .filter(|(k, _)| k == "address")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    if addresses.len() > 1000 {
        return Err(ApiError::bad_request(
            "too_many_addresses",
            "at most 1000 addresses per request",
        ));
    }
    let checks = blocking(&state, move || ledger.check(&addresses)).await?;
    Ok(Json(checks.map_err(failed)?))
}

fn filter(pairs: Vec<(String, String)>) -> Result<Filter, ApiError> {
    let bad = |e: String| ApiError::bad_request("bad_query", e);
    let now = bouncedoc_ledger::time::now();
    let mut f = Filter::default();
    for (key, value) in pairs {
        match key.as_str() {
            "domain" => f.domain = Some(value),
            "reason" => f.reason = Some(value.parse::<Reason>().map_err(|e| bad(e.to_string()))?),
            "rule" => f.rule = Some(value.parse::<Rule>().map_err(|e| bad(e.to_string()))?),
            "since" => f.since = Some(parse_when(&value, now).map_err(|e| bad(e.to_string()))?),
            "until" => f.until = Some(parse_when(&value, now).map_err(|e| bad(e.to_string()))?),
            "all" => f.include_lifted = matches!(value.as_str(), "" | "1" | "true" | "yes"),
            other => {
                return Err(bad(format!(
                    "unknown parameter `{other}`: use domain, reason, rule, since, until, all"
                )));
            }
        }
    }
    Ok(f)
}

/// `GET /api/v1/ledger/suppressions`: the suppressions, oldest first, filtered by `domain`,
/// `reason`, `rule`, `since`, `until`; lifted ones too with `all=true`.
pub(crate) async fn suppressions(
    State(state): State<AppState>,
    uri: Uri,
) -> Result<Json<Vec<Suppression>>, ApiError> {
    let ledger = service(&state)?;
    let filter = filter(query(&uri))?;
    let list = blocking(&state, move || ledger.suppressions(&filter)).await?;
    Ok(Json(list.map_err(failed)?))
}

/// The JSON body of `POST /api/v1/ledger/unsuppress`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnsuppressBody {
    address: String,
    reason: String,
    #[serde(default)]
    by: Option<String>,
}

/// Who lifts a suppression when the body does not say.
const DEFAULT_WHO: &str = "api";

/// `POST /api/v1/ledger/unsuppress` with `{"address", "reason", "by"}`: lifts the suppression
/// of an address as `bouncedoc unsuppress` does, kept in the history with why and who (`by`,
/// else `api`). An address the ledger holds nothing about is a `404` `unknown_address` naming
/// it, and nothing is written.
pub(crate) async fn unsuppress(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<Unsuppressed>, ApiError> {
    let ledger = service(&state)?;
    let lang = choose(&[query_lang(request.uri())?], request.headers());
    let labels = &state.labels;
    match media_type(request.headers()) {
        Some(m) if is_json(&m) => {}
        other => {
            return Err(ApiError::unsupported(
                labels
                    .get("ledger.unsuppress_json", lang)
                    .replace("{type}", other.as_deref().unwrap_or("-")),
            ));
        }
    }
    let bytes = read_all(request.into_body(), state.config.max_body).await?;
    let bad = |detail: String| {
        ApiError::bad_request(
            "bad_json",
            labels
                .get("ledger.unsuppress_body", lang)
                .replace("{detail}", &detail),
        )
    };
    let body: UnsuppressBody = serde_json::from_slice(&bytes).map_err(|e| bad(e.to_string()))?;
    let reason = body.reason.trim().to_string();
    if reason.is_empty() || body.address.trim().is_empty() {
        return Err(bad("`address` and `reason` must not be empty".to_string()));
    }
    let who = body
        .by
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| DEFAULT_WHO.to_string());
    let address = body.address;
    let done = blocking(&state, move || ledger.unsuppress(&address, &reason, &who)).await?;
    match done {
        Ok(done) => Ok(Json(done)),
        Err(LedgerError::UnknownAddress(address)) => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "unknown_address",
            labels
                .get("ledger.unknown_address", lang)
                .replace("{address}", &address),
        )),
        Err(e @ LedgerError::BadAddress(_)) => {
            Err(ApiError::bad_request("bad_address", e.to_string()))
        }
        Err(e) => Err(failed(e)),
    }
}
