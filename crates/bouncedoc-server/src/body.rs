//! SettledReply request bodies: whole, within the size limit, or as a form (URL-encoded or
//! `multipart/form-data` with a file).

use std::error::Error as _;

use axum::body::{Body, Bytes};
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Request};
use axum::http::{HeaderMap, StatusCode, header};

use crate::errors::ApiError;
use crate::negotiate::form_pairs;

/// The media type of a request (`text/plain`), lower-cased, without parameters.
pub(crate) fn media_type(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    (!essence.is_empty()).then_some(essence)
}

/// True for `application/json` and `application/*+json`.
pub(crate) fn is_json(media: &str) -> bool {
    media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
}

fn is_length_limit(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(e) = current {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        current = e.source();
    }
    false
}

/// Reads a whole body of at most `limit` bytes; a larger one is a `413`.
pub(crate) async fn read_all(body: Body, limit: usize) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        if is_length_limit(&e) || e.source().is_some_and(is_length_limit) {
            ApiError::too_large(limit)
        } else {
            ApiError::bad_request(
                "unreadable_body",
                format!("the request body could not be read: {e}"),
            )
        }
    })
}

/// A file sent in a form.
#[derive(Debug, Clone)]
pub(crate) struct Upload {
    /// The file name the client gave, if any.
    pub name: Option<String>,
    /// The file's bytes.
    pub bytes: Bytes,
}

/// A form: its text fields in order, and the first non-empty file.
#[derive(Debug, Default)]
pub(crate) struct Form {
    /// The text fields, repeated keys kept.
    pub fields: Vec<(String, String)>,
    /// The first file with content.
    pub file: Option<Upload>,
}

impl Form {
    /// The last value of a field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn multipart_error(e: MultipartError, limit: usize) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::too_large(limit)
    } else {
        ApiError::bad_request(
            "bad_multipart",
            format!(
                "the multipart/form-data body is malformed: {}",
                e.body_text()
            ),
        )
    }
}

/// True for `multipart/form-data`.
pub(crate) fn is_multipart(media: Option<&str>) -> bool {
    media == Some("multipart/form-data")
}

/// Reads a `multipart/form-data` body.
pub(crate) async fn read_multipart(request: Request, limit: usize) -> Result<Form, ApiError> {
    let mut multipart = Multipart::from_request(request, &()).await.map_err(|r| {
        ApiError::bad_request(
            "bad_multipart",
            format!(
                "the multipart/form-data body is malformed: {}",
                r.body_text()
            ),
        )
    })?;
    let mut form = Form::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_error(e, limit))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(|e| multipart_error(e, limit))?;
        if file_name.is_some() || name == "file" {
            if form.file.is_none() && !bytes.is_empty() {
                form.file = Some(Upload {
                    name: file_name.filter(|n| !n.is_empty()),
                    bytes,
                });
            }
        } else {
            form.fields
                .push((name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    Ok(form)
}

/// Reads a form sent as `application/x-www-form-urlencoded` or `multipart/form-data`;
/// any other body is a `415`.
pub(crate) async fn read_form(request: Request, limit: usize) -> Result<Form, ApiError> {
    let media = media_type(request.headers());
    match media.as_deref() {
        Some("multipart/form-data") => read_multipart(request, limit).await,
        Some("application/x-www-form-urlencoded") => {
            let bytes = read_all(request.into_body(), limit).await?;
            Ok(Form {
                fields: form_pairs(&bytes),
                file: None,
            })
        }
        other => Err(ApiError::unsupported(format!(
            "a form must be sent as application/x-www-form-urlencoded or multipart/form-data, not {}",
            other.unwrap_or("a body without Content-Type")
        ))),
    }
}
