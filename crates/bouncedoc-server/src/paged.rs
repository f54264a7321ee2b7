//! `POST /api/v1/parse` in bounded memory: the records of a body are made one at a time by
//! the mail crate's one path, and either kept for one page of a JSON answer (`?offset=` and
//! `?limit=`, the others only counted) or streamed as JSON lines as they are made
//! (`Accept: application/x-ndjson`).

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::Json;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_mail::record::Record;
use bouncedoc_mail::records::{MessageError, Messages, starts_with_header};
use hyper::body::Frame;
use serde::Serialize;

use crate::AppState;
use crate::api::{Upload, not_a_message, read_upload};
use crate::errors::ApiError;
use crate::jobs::{CancelOnDrop, blocking, deadline_of_request, start, turn};
use crate::negotiate::{choose, query_lang, query_param};

/// The records of one JSON answer when the request does not say (`?limit=`).
pub(crate) const DEFAULT_LIMIT: usize = 1000;
/// The most records of one JSON answer (`?limit=` above it is a `400`).
pub(crate) const MAX_LIMIT: usize = 10_000;

/// The media type of JSON lines.
const NDJSON: &str = "application/x-ndjson";

/// The bytes of JSON lines the job sends at a time.
const CHUNK: usize = 32 * 1024;

/// One page of the records of a body, when the records are more than one page or the
/// request asked for a page.
#[derive(Debug, Serialize)]
struct Page {
    /// The records from `offset`, at most `limit`.
    records: Vec<Record>,
    /// Every record of the body.
    total: usize,
    /// The position of the first record of this page, from 0.
    offset: usize,
    /// The most records of a page.
    limit: usize,
    /// The `offset` of the next page; `null` on the last.
    next_offset: Option<usize>,
}

/// Which records to answer with.
#[derive(Debug, Clone, Copy)]
struct Window {
    offset: usize,
    limit: usize,
    /// The request named `offset` or `limit`: answer with a [`Page`] whatever its size.
    asked: bool,
}

fn number(uri: &Uri, name: &str) -> Result<Option<usize>, ApiError> {
    query_param(uri, name)
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.parse::<usize>().map_err(|_| {
                ApiError::bad_request(
                    "bad_query",
                    format!("`{name}` must be a whole number, not `{v}`"),
                )
            })
        })
        .transpose()
}

fn window(uri: &Uri) -> Result<Window, ApiError> {
    let offset = number(uri, "offset")?;
    let limit = number(uri, "limit")?;
    if limit.is_some_and(|l| l == 0 || l > MAX_LIMIT) {
        return Err(ApiError::bad_request(
            "bad_query",
            format!("`limit` must be between 1 and {MAX_LIMIT}"),
        ));
    }
    Ok(Window {
        offset: offset.unwrap_or(0),
        limit: limit.unwrap_or(DEFAULT_LIMIT),
        asked: offset.is_some() || limit.is_some(),
    })
}

fn wants_lines(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|m| {
            m.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case(NDJSON))
        })
}

/// The error answer for a single message that gave an error record instead of records.
fn message_failed(e: &MessageError, limit: usize) -> ApiError {
    match e {
        MessageError::Read(io) if io.kind() == std::io::ErrorKind::FileTooLarge => ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "message_too_large",
            format!("the message is larger than the limit of {limit} bytes for one message"),
        ),
        MessageError::Read(_) | MessageError::Internal(_) => ApiError::internal(e.to_string()),
        MessageError::Cancelled(_) => {
            ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", e.to_string())
        }
        e => ApiError::bad_request(
            "unreadable_message",
            format!("the body could not be read as an email message: {e}"),
        ),
    }
}

/// The messages of a body: every message of an mbox, or the one message; a body that is
/// neither (no header line) is a `400`.
fn messages<'b>(
    bytes: &'b [u8],
    source: &str,
    limit: usize,
) -> Result<Messages<&'b [u8]>, ApiError> {
    let messages = Messages::with_limit(bytes, source, limit);
    if !messages.is_mbox()
        && !starts_with_header(bytes)
        && !bouncedoc_mail::msg::is_compound_file(bytes)
    {
        return Err(not_a_message());
    }
    Ok(messages)
}

/// Makes every record of a body, keeping those of `window`. A single message that cannot
/// be read is an error answer (`400`, `413` over the limit of one message, `500` when its
/// diagnosis failed); in an mbox each such message is an error record and the rest go on.
fn page_of(
    engine: &Engine,
    bytes: &[u8],
    source: &str,
    lang: Lang,
    limit: usize,
    window: Window,
) -> Result<Response, ApiError> {
    let messages = messages(bytes, source, limit)?;
    let mbox = messages.is_mbox();
    let end = window.offset.saturating_add(window.limit);
    let mut kept = Vec::new();
    let mut total = 0;
    for job in messages {
        let mut each = job.stream(engine, lang);
        for record in each.by_ref() {
            if (window.offset..end).contains(&total) {
                kept.push(record);
            }
            total += 1;
        }
        if !mbox && let Some(e) = each.error() {
            return Err(message_failed(e, limit));
        }
    }
    if !window.asked && total <= window.limit {
        return Ok(Json(kept).into_response());
    }
    Ok(Json(Page {
        records: kept,
        total,
        offset: window.offset,
        limit: window.limit,
        next_offset: (end < total).then_some(end),
    })
    .into_response())
}

/// A body of JSON lines sent by a job as it makes them; dropping it (the client went away)
/// cancels the job.
struct Lines {
    chunks: tokio::sync::mpsc::Receiver<Bytes>,
    _cancel: CancelOnDrop,
}

impl HttpBody for Lines {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.chunks
            .poll_recv(cx)
            .map(|chunk| chunk.map(|c| Ok(Frame::data(c))))
    }
}

fn line(out: &mut Vec<u8>, record: &Record) {
    if serde_json::to_writer(&mut *out, record).is_ok() {
        out.push(b'\n');
    }
}

/// Streams every record of a body as JSON lines, each sent soon after it is made (a chunk
/// at a time), from a job that holds its place until it ends. The job stops when the client
/// goes away, and, past the request's deadline, ends the answer with an error record
/// saying so.
async fn stream(
    state: &AppState,
    bytes: Bytes,
    source: String,
    lang: Lang,
) -> Result<Response, ApiError> {
    if !Messages::new(&bytes[..], "").is_mbox()
        && !starts_with_header(&bytes)
        && !bouncedoc_mail::msg::is_compound_file(&bytes)
    {
        return Err(not_a_message());
    }
    let permit = turn(state).await?;
    let deadline = deadline_of_request();
    let (send, chunks) = tokio::sync::mpsc::channel::<Bytes>(4);
    let cancel = bouncedoc_mail::records::Cancel::new();
    let (engine, limit) = (state.engine, state.config.max_message_bytes);
    let timeout = state.config.timeout.as_secs_f64();
    drop(start(state, permit, cancel.clone(), move |_| {
        let mut out = Vec::with_capacity(CHUNK * 2);
        for job in Messages::with_limit(&bytes[..], &source, limit) {
            let origin = job.origin.clone();
            for record in job.stream(&engine, lang) {
                line(&mut out, &record);
                if out.len() >= CHUNK
                    && send.blocking_send(std::mem::take(&mut out).into()).is_err()
                {
                    return;
                }
                if deadline.is_some_and(|d| std::time::Instant::now() >= d) {
                    let late = Record::Error {
                        origin,
                        error: ApiError::timeout(timeout).message,
                    };
                    line(&mut out, &late);
                    let _ = send.blocking_send(out.into());
                    return;
                }
            }
        }
        if !out.is_empty() {
            let _ = send.blocking_send(out.into());
        }
    }));
    let body = Lines {
        chunks,
        _cancel: CancelOnDrop(cancel),
    };
    Ok(([(header::CONTENT_TYPE, NDJSON)], Body::new(body)).into_response())
}

/// `POST /api/v1/parse`.
pub(crate) async fn parse(state: AppState, request: Request) -> Result<Response, ApiError> {
    let query = query_lang(request.uri())?;
    let window = window(request.uri())?;
    let headers = request.headers().clone();
    let Upload {
        bytes,
        source,
        lang: form_lang,
    } = read_upload(request, state.config.max_body).await?;
    let lang = choose(&[form_lang, query], &headers);
    if wants_lines(&headers) {
        return stream(&state, bytes, source, lang).await;
    }
    let (engine, limit) = (state.engine, state.config.max_message_bytes);
    blocking(&state, move || {
        page_of(&engine, &bytes, &source, lang, limit, window)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_read_from_the_query() {
        let w = window(&"/p".parse().unwrap()).unwrap();
        assert_eq!((w.offset, w.limit, w.asked), (0, DEFAULT_LIMIT, false));
        let w = window(&"/p?offset=20&limit=5".parse().unwrap()).unwrap();
        assert_eq!((w.offset, w.limit, w.asked), (20, 5, true));
        for bad in ["/p?limit=0", "/p?limit=10001", "/p?offset=-1", "/p?limit=x"] {
            assert_eq!(window(&bad.parse().unwrap()).unwrap_err().code, "bad_query");
        }
    }

    #[test]
    fn json_lines_are_asked_for_by_accept() {
        let mut h = HeaderMap::new();
        assert!(!wants_lines(&h));
        h.insert(
            header::ACCEPT,
            "application/json, application/x-ndjson;q=0.9"
                .parse()
                .unwrap(),
        );
        assert!(wants_lines(&h));
    }
}
