//! The bounce ledger over HTTP, under `/api/v1/ledger`: record a bounce, check addresses,
//! list suppressions. Enabled by `bouncedoc serve --database FILE|URL`
//! ([`Config::ledger`](crate::Config::ledger)); without one, these routes answer `404`
//! `ledger_not_enabled`. The objects are those of `bouncedoc check --format jsonl` and
//! `bouncedoc suppressions --format json`.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Request, State};
use axum::http::{StatusCode, Uri};
use bouncedoc_core::Reason;
use bouncedoc_ledger::service::{Ingested, LedgerService};
use bouncedoc_ledger::time::parse_when;
use bouncedoc_ledger::{Check, Filter, LedgerError, Rule, Suppression};

use crate::AppState;
use crate::api::{Upload, blocking, read_upload};
use crate::errors::ApiError;
use crate::negotiate::form_pairs;

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

/// `POST /api/v1/ledger/ingest`: records a bounce (or an mbox of them) in one transaction
/// and applies the policy; answers what was recorded and what `parse` says of it.
pub(crate) async fn ingest(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<Ingested>, ApiError> {
    let ledger = service(&state)?;
    let Upload { bytes, source, .. } = read_upload(request, state.config.max_body).await?;
    let engine = state.engine;
    let done = blocking(&state, move || ledger.ingest(&engine, &bytes, &source)).await?;
    Ok(Json(done.map_err(failed)?))
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
