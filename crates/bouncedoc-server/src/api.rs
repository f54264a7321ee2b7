//! The JSON API under `/api/v1`: explain a paste (every recipient of a bounce found in it, or
//! the words of a reply), parse a whole message, and the localized
//! documentation of reasons and codes. The diagnosis objects are the contract's, the same as
//! `bouncedoc explain --format json`; the parse records are the lines of
//! `bouncedoc parse --format jsonl`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Response};
use bouncedoc_core::catalog::{self, CodeEntry, ReasonEntry};
use bouncedoc_core::{Advice, Answer, Diagnosis, Engine, Knowledge, Lang, Reason};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::body::{is_json, is_multipart, media_type, read_all, read_multipart};
use crate::errors::ApiError;
use crate::jobs::blocking;
use crate::negotiate::{choose, form_pairs, header_lang, parse_lang, query_lang};
use crate::paste;

/// The JSON body of `POST /api/v1/explain`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExplainBody {
    text: String,
    #[serde(default)]
    lang: Option<String>,
}

/// Explains a text with the engine; empty text is a `400`.
pub(crate) fn explain_text(engine: &Engine, text: &str, lang: Lang) -> Result<Diagnosis, ApiError> {
    engine.explain(text, lang).map_err(|e| match e {
        bouncedoc_core::Error::EmptyInput => ApiError::bad_request("empty_input", e.to_string()),
        other => ApiError::internal(other.to_string()),
    })
}

/// `POST /api/v1/explain`: a paste answered as `bouncedoc explain` answers it: an [`Answer`]
/// (with `recognized`; no party and the texts of "nothing recognized" when nothing was) for
/// each recipient of a bounce found in it, else one for its words (see [`explain_body`]).
/// The language is the one asked for (the body's, `?lang=`, `Accept-Language`), else
/// Japanese for a Japanese text, else English.
pub(crate) async fn explain(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<serde_json::Value>, ApiError> {
    let query = query_lang(request.uri())?;
    let headers = request.headers().clone();
    let media = media_type(&headers);
    let bytes = read_all(request.into_body(), state.config.max_body).await?;
    let (text, body_lang) = match media.as_deref() {
        Some(m) if is_json(m) => {
            let body: ExplainBody = serde_json::from_slice(&bytes).map_err(|e| {
                ApiError::bad_request(
                    "bad_json",
                    format!(
                        "the body is not the expected JSON object {{\"text\": \"...\", \"lang\": \"en\"|\"ja\"}}: {e}"
                    ),
                )
            })?;
            let lang = body.lang.as_deref().map(parse_lang).transpose()?;
            (body.text, lang)
        }
        None | Some("text/plain") => (String::from_utf8_lossy(&bytes).into_owned(), None),
        Some("application/x-www-form-urlencoded") => {
            let pairs = form_pairs(&bytes);
            let get = |name: &str| {
                pairs
                    .iter()
                    .rev()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v.clone())
            };
            let lang = get("lang")
                .filter(|l| !l.is_empty())
                .map(|l| parse_lang(&l))
                .transpose()?;
            (get("text").unwrap_or_default(), lang)
        }
        Some(other) => {
            return Err(ApiError::unsupported(format!(
                "send the text as application/json ({{\"text\": \"...\"}}) or text/plain, not {other}"
            )));
        }
    };
    let asked = body_lang.or(query).or_else(|| header_lang(&headers));
    let lang = asked.unwrap_or(if bouncedoc_core::is_japanese(&text) {
        Lang::Ja
    } else {
        Lang::En
    });
    let engine = state.engine;
    let answer = blocking(&state, move || {
        let kb = engine.knowledge();
        let (answers, count) = match paste::read(&engine, &text, lang, EXPLAIN_RECIPIENTS)? {
            paste::Paste::Words(d) => (vec![Answer::new(kb, *d)], 1),
            paste::Paste::Bounce(b) => (
                b.report
                    .diagnoses
                    .into_iter()
                    .map(|(d, _)| Answer::new(kb, d))
                    .collect(),
                b.total,
            ),
        };
        explain_body(answers, count)
    })
    .await??;
    Ok(Json(answer))
}

/// The most recipients of one paste that `/api/v1/explain` answers on (the others are
/// counted in `recipient_count`; `/api/v1/parse` answers on every one).
const EXPLAIN_RECIPIENTS: usize = 1000;

/// The answer of `/api/v1/explain`: the first recipient's answer, as for a single reply,
/// plus `recipients` (every recipient's answer, in the order the bounce lists them; one for
/// a reply) and `recipient_count` (how many the paste reports on).
fn explain_body(answers: Vec<Answer>, count: usize) -> Result<serde_json::Value, ApiError> {
    let recipients =
        serde_json::to_value(&answers).map_err(|e| ApiError::internal(e.to_string()))?;
    let mut body = recipients
        .get(0)
        .cloned()
        .ok_or_else(|| ApiError::internal("a paste gave no answer"))?;
    if let Some(object) = body.as_object_mut() {
        object.insert("recipients".into(), recipients);
        object.insert("recipient_count".into(), count.into());
    }
    Ok(body)
}

/// The error for a body that is not an email message.
pub(crate) fn not_a_message() -> ApiError {
    ApiError::bad_request(
        "unreadable_message",
        "the body does not start with a header line (`Name: value`), so it is not an email message: send the whole message, headers included (or a reply text to /api/v1/explain)",
    )
}

/// A message uploaded: raw in the body, or a file in a `multipart/form-data` form.
pub(crate) struct Upload {
    /// Its bytes (not empty).
    pub bytes: Bytes,
    /// The uploaded file's name, or `-` for a raw body.
    pub source: String,
    /// The form's `lang` field, when there is one.
    pub lang: Option<Lang>,
}

/// Reads an uploaded message, as `/api/v1/parse` and `/api/v1/ledger/ingest` take it.
pub(crate) async fn read_upload(request: Request, limit: usize) -> Result<Upload, ApiError> {
    let media = media_type(request.headers());
    let upload = if is_multipart(media.as_deref()) {
        let form = read_multipart(request, limit).await?;
        let lang = form
            .get("lang")
            .filter(|l| !l.is_empty())
            .map(parse_lang)
            .transpose()?;
        let Some(file) = form.file else {
            return Err(ApiError::bad_request(
                "no_file",
                "the form holds no file: send the message as a file field named `file`",
            ));
        };
        Upload {
            bytes: file.bytes,
            source: file.name.unwrap_or_else(|| "upload".to_string()),
            lang,
        }
    } else {
        match media.as_deref() {
            Some(m)
                if is_json(m)
                    || m == "application/x-www-form-urlencoded"
                    || m.starts_with("image/") =>
            {
                return Err(ApiError::unsupported(format!(
                    "send the message itself (message/rfc822, application/octet-stream or text/plain) or a multipart/form-data upload, not {m}"
                )));
            }
            _ => {}
        }
        Upload {
            bytes: read_all(request.into_body(), limit).await?,
            source: "-".to_string(),
            lang: None,
        }
    };
    if upload.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "empty_input",
            "the message is empty: send the whole bounce message (RFC 5322), headers included",
        ));
    }
    Ok(upload)
}

/// `POST /api/v1/parse`: a whole message (raw, or a file in a form), one record per
/// recipient: JSON (a page of the records, see [`crate::paged`]), or JSON lines streamed as
/// they are made when the client accepts `application/x-ndjson`.
pub(crate) async fn parse(State(state): State<AppState>, request: Request) -> Response {
    match crate::paged::parse(state, request).await {
        Ok(r) => r,
        Err(e) => e.into_response(),
    }
}

/// One reason, documented (the fields of `bouncedoc reasons --format json`, plus the
/// language, the party's name and the advice texts).
#[derive(Debug, Serialize)]
pub(crate) struct ReasonDoc {
    #[serde(flatten)]
    pub entry: ReasonEntry,
    pub party_name: String,
    pub advice_texts: Vec<Advice>,
    pub lang: Lang,
}

/// One reason, documented in a language.
pub(crate) fn reason_doc(kb: &Knowledge, reason: Reason, lang: Lang) -> ReasonDoc {
    let entry = catalog::reason(kb, reason, lang);
    ReasonDoc {
        party_name: entry.party_name(kb, lang),
        advice_texts: catalog::advice(kb, &entry.advice, lang),
        entry,
        lang,
    }
}

pub(crate) fn doc_lang(uri: &Uri, headers: &HeaderMap) -> Result<Lang, ApiError> {
    Ok(choose(&[query_lang(uri)?], headers))
}

/// `GET /api/v1/reasons`.
pub(crate) async fn reasons(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<Vec<ReasonDoc>>, ApiError> {
    let lang = doc_lang(&uri, &headers)?;
    let kb = state.engine.knowledge();
    Ok(Json(
        Reason::ALL
            .iter()
            .map(|r| reason_doc(kb, *r, lang))
            .collect(),
    ))
}

/// `GET /api/v1/reasons/{id}`.
pub(crate) async fn reason(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<ReasonDoc>, ApiError> {
    let lang = doc_lang(&uri, &headers)?;
    let reason = parse_reason(&id)?;
    Ok(Json(reason_doc(state.engine.knowledge(), reason, lang)))
}

/// A reason id, or a `404` that lists the reasons.
pub(crate) fn parse_reason(id: &str) -> Result<Reason, ApiError> {
    id.parse::<Reason>().map_err(|_| {
        let all: Vec<&str> = Reason::ALL.iter().map(|r| r.as_str()).collect();
        ApiError::not_found(format!(
            "no reason `{id}`; the reasons are: {}",
            all.join(" ")
        ))
    })
}

/// One code, documented (the fields of `bouncedoc codes --format json`, plus the language).
#[derive(Debug, Serialize)]
pub(crate) struct CodeDoc {
    #[serde(flatten)]
    entry: CodeEntry,
    lang: Lang,
}

/// `GET /api/v1/codes`.
pub(crate) async fn codes(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<Vec<CodeDoc>>, ApiError> {
    let lang = doc_lang(&uri, &headers)?;
    let entries = catalog::codes(state.engine.knowledge(), lang);
    Ok(Json(
        entries
            .into_iter()
            .map(|entry| CodeDoc { entry, lang })
            .collect(),
    ))
}

/// `GET /api/v1/codes/{code}`: a reply code (`550`) or an enhanced status code (`5.7.26`).
pub(crate) async fn code(
    State(state): State<AppState>,
    Path(code): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Json<CodeDoc>, ApiError> {
    let lang = doc_lang(&uri, &headers)?;
    let entry = catalog::code(state.engine.knowledge(), &code, lang)
        .map_err(|e| ApiError::bad_request("bad_code", e.to_string()))?;
    entry
        .map(|entry| Json(CodeDoc { entry, lang }))
        .ok_or_else(|| ApiError::not_found(format!("{code} is not in the registry")))
}

/// `GET /healthz`: the service answers, with its version and its jobs (how many run now,
/// and the most that run at once).
pub(crate) async fn healthz(State(state): State<AppState>) -> Response {
    Json(serde_json::json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "jobs": {
            "running": state.jobs.running(),
            "limit": state.jobs.limit(),
        },
    }))
    .into_response()
}

/// `GET /api/v1/openapi.json`.
pub(crate) async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        crate::OPENAPI_JSON,
    )
        .into_response()
}
