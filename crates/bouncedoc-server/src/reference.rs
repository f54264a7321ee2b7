//! The reasons reference at `/reasons` and `/reasons/{id}`: a page in the reader's language
//! for a browser (its `Accept` ranks HTML first), the JSON of `/api/v1/reasons` otherwise.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use bouncedoc_core::{Lang, Reason};
use maud::{Markup, html};

use crate::AppState;
use crate::api::{ReasonDoc, doc_lang, parse_reason, reason_doc};
use crate::errors::ApiError;
use crate::labels::Labels;
use crate::negotiate::wants_html;
use crate::page::{Switch, error_document, layout, respond};

/// Marks an answer as depending on `Accept` (and on `Accept-Language`).
fn vary(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::VARY,
        HeaderValue::from_static("Accept, Accept-Language"),
    );
    response
}

fn badge(labels: &Labels, lang: Lang, hard: bool) -> Markup {
    html! {
        span.badge.hard[hard].soft[!hard] {
            (labels.get(if hard { "page.hard" } else { "page.soft" }, lang))
        }
    }
}

/// `GET /reasons`: every reason, as a page or as JSON.
pub(crate) async fn reasons(
    State(state): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let html = wants_html(&headers);
    let lang = match doc_lang(&uri, &headers) {
        Ok(l) => l,
        Err(e) if html => return error_document(&state, Lang::default(), &e, uri.path()),
        Err(e) => return e.into_response(),
    };
    let kb = state.engine.knowledge();
    let docs: Vec<ReasonDoc> = Reason::ALL
        .iter()
        .map(|r| reason_doc(kb, *r, lang))
        .collect();
    if !html {
        return vary(Json(docs).into_response());
    }
    let labels = &state.labels;
    let t = |id: &'static str| labels.get(id, lang);
    let main = html! {
        main.reference {
            h1 { (t("page.reasons_title")) }
            p.tagline { (t("page.reasons_intro")) }
            ul.reasons {
                @for d in &docs {
                    li.card.reason-item data-reason=(d.entry.id.as_str()) {
                        h2 {
                            a href={ "/reasons/" (d.entry.id.as_str()) "?lang=" (lang.as_str()) } { (d.entry.title) }
                            " " code { (d.entry.id.as_str()) }
                        }
                        p { (badge(labels, lang, d.entry.hard_bounce)) " " (d.entry.summary) }
                        p.dim { (t("heading.party")) (colon(lang)) (d.party_name) }
                    }
                }
            }
            p { a href={ "/?lang=" (lang.as_str()) } { (t("page.back")) } }
        }
    };
    let title = format!("{} — bouncedoc", t("page.reasons_title"));
    vary(respond(
        StatusCode::OK,
        layout(labels, lang, &title, Switch::Link("/reasons"), main),
    ))
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "：",
        Lang::En => ": ",
    }
}

/// `GET /reasons/{id}`: one reason, as a page or as JSON; an unknown one is a `404` (a page
/// for a browser).
pub(crate) async fn reason(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let html = wants_html(&headers);
    let found: Result<(Lang, Reason), ApiError> =
        doc_lang(&uri, &headers).and_then(|lang| Ok((lang, parse_reason(&id)?)));
    let (lang, reason) = match found {
        Ok(f) => f,
        Err(e) if html => {
            let lang = doc_lang(&uri, &headers).unwrap_or_default();
            return vary(error_document(&state, lang, &e, uri.path()));
        }
        Err(e) => return vary(e.into_response()),
    };
    let d = reason_doc(state.engine.knowledge(), reason, lang);
    if !html {
        return vary(Json(d).into_response());
    }
    let labels = &state.labels;
    let t = |id: &'static str| labels.get(id, lang);
    let todo: Vec<_> = d.advice_texts.iter().filter(|a| !a.avoid).collect();
    let avoid: Vec<_> = d.advice_texts.iter().filter(|a| a.avoid).collect();
    let path = format!("/reasons/{}", d.entry.id.as_str());
    let main = html! {
        main.reference data-reason=(d.entry.id.as_str()) {
            p { a href={ "/reasons?lang=" (lang.as_str()) } { "← " (t("page.all_reasons")) } }
            header.headline {
                h1.summary { (d.entry.title) }
                p { code { (d.entry.id.as_str()) } " " (badge(labels, lang, d.entry.hard_bounce)) }
                p { (d.entry.summary) }
            }
            section.card.meaning {
                h2 { (t("heading.meaning")) }
                p { (d.entry.meaning) }
            }
            @if !d.entry.causes.is_empty() {
                section.card.causes {
                    h2 { (t("page.causes")) }
                    ol { @for c in &d.entry.causes { li { (c) } } }
                }
            }
            section.card.party {
                h2 { (t("heading.party")) }
                p.party-name { strong { (d.party_name) } }
            }
            @if !todo.is_empty() {
                section.card.todo {
                    h2 { (t("heading.todo")) }
                    ol { @for a in &todo { li data-advice=(a.id) { (a.text) } } }
                }
            }
            @if !avoid.is_empty() {
                section.card.avoid {
                    h2 { (t("heading.avoid")) }
                    ul { @for a in &avoid { li data-advice=(a.id) { (a.text) } } }
                }
            }
            section.card.codes {
                dl {
                    dt { (t("page.retry")) }
                    dd { (labels.get(&format!("retry.{}", d.entry.retry), lang)) }
                    @if let Some(u) = &d.entry.uncertain {
                        dt { (t("page.uncertain")) } dd { (u) }
                    }
                }
            }
        }
    };
    let title = format!("{} — bouncedoc", d.entry.title);
    vary(respond(
        StatusCode::OK,
        layout(labels, lang, &title, Switch::Link(&path), main),
    ))
}
