//! The page at `/`: a text area and a drop zone, the language switch, and the diagnosis as a
//! person reads it: one block per recipient of a pasted or uploaded bounce, each headed by
//! the address and its domain. Everything is rendered on the server (maud escapes every
//! value), so that a plain form post gives the answer without JavaScript; the script adds the
//! drop zone's drag and drop and the share link (the pasted text carried in the link's
//! fragment, which browsers never send: opening the link fills the form and posts it).
//!
//! [`layout`] is the frame of every page of the service (this one, the reasons reference,
//! the error pages).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use bouncedoc_core::{Action, Diagnosis, EvidenceKind, Knowledge, Lang};
use bouncedoc_mail::MessageReport;
use bouncedoc_mail::bounce::Kind;
use bouncedoc_mail::paste::Found;
use bouncedoc_mail::records::{MessageError, diagnose_guarded_first, starts_with_header};
use maud::{DOCTYPE, Markup, html};

use crate::AppState;
use crate::api::{explain_text, not_a_message};
use crate::body::read_form;
use crate::errors::{Answered, ApiError, page_headers};
use crate::highlight::{class, highlight};
use crate::jobs::blocking;
use crate::labels::Labels;
use crate::negotiate::{choose, header_lang, query_param};
use crate::paste::{read_bounce, unwrap_msg};

/// The longest text shown back in the page (the diagnosis reads all of it).
const SHOW_MAX: usize = 100_000;
/// The largest uploaded file put back into the text area, so that a language switch can
/// send it again.
const KEEP_MAX: usize = 512 * 1024;
/// The recipients of a message the page shows (the others are counted, not diagnosed).
const SHOWN_RECIPIENTS: usize = 50;

/// What the page shows under the form.
enum Outcome {
    /// Nothing yet.
    Blank,
    /// A text explained.
    Explained(Box<Diagnosis>),
    /// A whole message read.
    Parsed {
        file: Option<String>,
        /// The message, with the diagnoses of its first recipients.
        report: Box<MessageReport>,
        /// How many recipients it reports on.
        total: usize,
        /// How the bounce was found in the paste or file (`None`: the message itself, read
        /// as `parse` reads it).
        found: Option<Found>,
    },
    /// Something went wrong.
    Failed(ApiError),
}

struct View<'a> {
    state: &'a AppState,
    lang: Lang,
    text: &'a str,
    outcome: Outcome,
}

impl View<'_> {
    fn t(&self, id: &'static str) -> &str {
        self.state.labels.get(id, self.lang)
    }
}

fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "：",
        Lang::En => ": ",
    }
}

fn cut(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// How a page switches its language.
pub(crate) enum Switch<'a> {
    /// By sending the form again in the other language (the form page).
    Form,
    /// By a link to a path with `?lang=`.
    Link(&'a str),
}

/// The frame of every page: the head, the top bar with the language switch, `main` and the
/// footer.
pub(crate) fn layout(
    labels: &Labels,
    lang: Lang,
    title: &str,
    switch: Switch<'_>,
    main: Markup,
) -> Markup {
    let t = |id: &'static str| labels.get(id, lang);
    let name = |l: Lang| match l {
        Lang::En => "English",
        Lang::Ja => "日本語",
    };
    html! {
        (DOCTYPE)
        html lang=(lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                link rel="icon" href="/assets/icon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header.top {
                    div.brand {
                        a href={ "/?lang=" (lang.as_str()) } { "bouncedoc" }
                    }
                    nav.langs aria-label=(t("page.language")) {
                        @for l in Lang::ALL {
                            @match switch {
                                Switch::Form => {
                                    button type="submit" form="ask" name="switch_lang" value=(l.as_str())
                                        aria-pressed=(if l == lang { "true" } else { "false" })
                                        lang=(l.as_str()) { (name(l)) }
                                }
                                Switch::Link(path) => {
                                    a.lang href={ (path) "?lang=" (l.as_str()) }
                                        aria-current=[(l == lang).then_some("page")]
                                        lang=(l.as_str()) { (name(l)) }
                                }
                            }
                        }
                    }
                }
                (main)
                footer {
                    p {
                        (t("page.api")) " "
                        a href="/api/v1/openapi.json" { "/api/v1/openapi.json" }
                        " · "
                        a href={ "/reasons?lang=" (lang.as_str()) } { (t("page.reasons_link")) }
                    }
                }
            }
        }
    }
}

fn render(view: &View<'_>) -> Markup {
    let shows = !matches!(view.outcome, Outcome::Blank);
    let main = html! {
        main.answered[shows] {
            p.tagline { (view.t("page.tagline")) }
            (form(view))
            (outcome(view))
        }
    };
    layout(
        &view.state.labels,
        view.lang,
        view.t("page.title"),
        Switch::Form,
        main,
    )
}

/// What heads the answer: a link down to the form (which a phone shows after the answer)
/// and the share link, which the script shows and fills (it carries the text in the
/// link's fragment, never sent to the server).
fn tools(view: &View<'_>) -> Markup {
    let shareable = !view.text.trim().is_empty();
    html! {
        div.tools {
            a.edit href="#ask" { (view.t(if shareable { "page.edit" } else { "page.another" })) }
            @if shareable {
                button #share type="button" hidden
                    data-copied=(view.t("page.share_copied"))
                    data-manual=(view.t("page.share_manual")) { (view.t("page.share")) }
                input #share-link type="text" readonly hidden aria-label=(view.t("page.share"));
                p #share-note .dim aria-live="polite" {}
            }
        }
    }
}

/// The one address a text quotes (`<a@example.jp>`, `a@example.jp に…`), if it quotes
/// exactly one.
fn quoted_address(text: &str) -> Option<String> {
    let mut found: Option<String> = None;
    for word in text.split(|c: char| c.is_whitespace() || "<>()[]:;,\"'　".contains(c)) {
        let word = word.trim_matches(|c: char| c == '.' || c == '、' || c == '。');
        let Some((local, domain)) = word.rsplit_once('@') else {
            continue;
        };
        let domain_ok = domain.contains('.')
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if local.is_empty() || !domain_ok || !local.is_ascii() {
            continue;
        }
        match &found {
            Some(f) if !f.eq_ignore_ascii_case(word) => return None,
            _ => found = Some(word.to_string()),
        }
    }
    found
}

/// The line that names the one address a reply quotes, and its domain.
fn quoted_line(labels: &Labels, lang: Lang, address: &str) -> String {
    let mut line = labels
        .get("page.address_in_text", lang)
        .replace("{address}", address);
    if let Some((_, domain)) = address.rsplit_once('@') {
        line.push_str(&labels.get("page.domain", lang).replace("{domain}", domain));
    }
    line
}

/// The line that names the recipient of one answer, and its domain: "Recipient 2 of 3:
/// b@example.org (domain example.org)".
fn recipient_line(
    labels: &Labels,
    lang: Lang,
    address: Option<&str>,
    position: Option<(usize, usize)>,
) -> Option<String> {
    let shown = address.unwrap_or(labels.get("page.no_address", lang));
    let mut line = match position {
        Some((index, count)) if count > 1 => labels
            .get("page.recipient_of", lang)
            .replace("{index}", &index.to_string())
            .replace("{count}", &count.to_string()),
        _ if address.is_none() => return None,
        _ => labels.get("page.recipient_one", lang).to_string(),
    }
    .replace("{address}", shown);
    if let Some((_, domain)) = address.and_then(|a| a.rsplit_once('@')) {
        line.push_str(&labels.get("page.domain", lang).replace("{domain}", domain));
    }
    Some(line)
}

fn form(view: &View<'_>) -> Markup {
    let (text, _) = cut(view.text, KEEP_MAX);
    html! {
        form #ask method="post" action="/explain" enctype="multipart/form-data" {
            input type="hidden" name="lang" value=(view.lang.as_str());
            label.field for="text" { (view.t("page.text_label")) }
            textarea #text name="text" rows="7" spellcheck="false" autocomplete="off"
                placeholder=(view.t("page.placeholder")) { (text) }
            div #drop .drop data-reading=(view.t("page.reading")) {
                p.drop-hint { (view.t("page.drop")) }
                label for="file" { (view.t("page.choose_file")) }
                " "
                input #file type="file" name="file" accept=".eml,.txt,.msg,message/rfc822,text/plain";
                span #file-name aria-live="polite" {}
            }
            button #go type="submit" { (view.t("page.submit")) }
        }
    }
}

fn outcome(view: &View<'_>) -> Markup {
    match &view.outcome {
        Outcome::Blank => html! {},
        Outcome::Failed(error) => {
            let message = error_message(&view.state.labels, view.lang, error, view.state);
            html! {
                section #result .error role="alert" data-status=(error.status.as_u16()) data-error=(error.code) {
                    h2 { (view.t("page.error_heading")) }
                    p { (message) }
                }
            }
        }
        // Nothing recognized: no story, no party, no advice; what to paste instead first.
        Outcome::Explained(d) if !d.is_conclusive() => {
            let kb = view.state.engine.knowledge();
            html! {
                section #result .notice data-kind="nothing" data-count="0" role="status" {
                    (tools(view))
                    h2 { (kb.label("nothing.headline", view.lang)) }
                    p { (kb.label("nothing.ask", view.lang)) }
                    p { (kb.label("nothing.looked_for", view.lang)) }
                }
            }
        }
        Outcome::Explained(d) => html! {
            section #result data-kind="explain" data-count="1" {
                h2.visually-hidden { (view.t("page.result")) }
                (tools(view))
                (diagnosis(view, d, view.text, "page.your_text", None))
            }
        },
        Outcome::Parsed {
            file,
            report,
            total,
            found,
        } => {
            let m = &report.message;
            let facts: Vec<(&str, &str)> = [
                ("page.subject", m.subject.as_deref()),
                ("page.date", m.date.as_deref()),
                ("page.original_from", m.original_from.as_deref()),
                ("page.original_to", m.original_to.as_deref()),
                ("page.original_subject", m.original_subject.as_deref()),
            ]
            .into_iter()
            .filter_map(|(id, v)| v.map(|v| (view.t(id), v)))
            .collect();
            let count = *total;
            let more = count.saturating_sub(report.diagnoses.len());
            let not_bounce = report.kind == Kind::NotBounce || count == 0;
            // A body pasted without headers was given made-up ones: they are no facts.
            let body_only = *found == Some(Found::Body);
            html! {
                section #result data-kind="parse" data-count=(if not_bounce { 0 } else { count }) {
                    h2.visually-hidden { (view.t("page.result")) }
                    (tools(view))
                    @if body_only && !not_bounce {
                        p.count { (view.t("page.recipients").replace("{count}", &count.to_string())) }
                    } @else {
                    div.card.message {
                        h3 { (view.t("page.message")) }
                        @if *found == Some(Found::Attached) {
                            p #forwarded { (view.t("page.forwarded")) }
                        }
                        dl {
                            @if let Some(f) = file {
                                dt { (view.t("page.file")) } dd { (f) }
                            }
                            @if !body_only {
                                @for (k, v) in &facts {
                                    dt { (k) } dd { (v) }
                                }
                            }
                            dt { (view.t("page.format")) } dd { code { (m.detector) } }
                        }
                        @if not_bounce {
                            p.notice #not-bounce { (view.t("page.not_bounce")) }
                        } @else {
                            p.count { (view.t("page.recipients").replace("{count}", &count.to_string())) }
                        }
                    }
                    }
                    @if !not_bounce && report.diagnoses.len() > 1 {
                        // A list of the recipients first, each a link down to its answer.
                        nav.jump aria-label=(view.t("page.recipients_list")) {
                            ol {
                                @for (i, (d, _)) in report.diagnoses.iter().enumerate() {
                                    li {
                                        a href={ "#recipient-" (i + 1) } {
                                            (d.recipient.as_deref().unwrap_or(view.t("page.no_address")))
                                        }
                                        " — " (view.lang.pick(&view.state.engine.knowledge().reason(d.reason).title))
                                    }
                                }
                            }
                        }
                    }
                    @if !not_bounce {
                        @for (i, (d, _)) in report.diagnoses.iter().enumerate() {
                            (diagnosis(view, d, &d.diagnostic, "page.server_words", Some((i + 1, count))))
                        }
                        @if more > 0 {
                            p.notice #more data-more=(more) {
                                (view.t("page.more_recipients").replace("{count}", &more.to_string()))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What an answer reports, for its badge: a failure, hard or soft, or a report that is no
/// failure (a delay warning; a delivery, relay or expansion notice).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Hard,
    Soft,
    NotFailed,
}

impl Shown {
    fn of(d: &Diagnosis) -> Shown {
        match d.action {
            Some(Action::Delayed | Action::Delivered | Action::Relayed | Action::Expanded) => {
                Shown::NotFailed
            }
            _ if d.hard_bounce => Shown::Hard,
            _ => Shown::Soft,
        }
    }

    /// The badge's label.
    fn badge(self, d: &Diagnosis) -> &'static str {
        match self {
            Shown::Hard => "page.hard",
            Shown::Soft => "page.soft",
            Shown::NotFailed if d.action == Some(Action::Delayed) => "page.warning",
            Shown::NotFailed => "page.not_failure",
        }
    }

    /// The line under the meaning that says what it means for the mail.
    fn line(self, d: &Diagnosis) -> Option<&'static str> {
        match self {
            Shown::Hard => Some("bounce.hard"),
            Shown::Soft => Some("bounce.soft"),
            Shown::NotFailed if d.action == Some(Action::Delayed) => Some("bounce.warning"),
            Shown::NotFailed => None,
        }
    }
}

fn evidence_label(kind: EvidenceKind) -> &'static str {
    kind.label_id()
}

fn provider_name(kb: &Knowledge, id: &str, lang: Lang) -> String {
    kb.source_name(id, lang).unwrap_or(id).to_string()
}

fn diagnosis(
    view: &View<'_>,
    d: &Diagnosis,
    source: &str,
    source_label: &'static str,
    position: Option<(usize, usize)>,
) -> Markup {
    let lang = d.lang;
    let labels = &view.state.labels;
    let kb = view.state.engine.knowledge();
    let t = |id: &'static str| labels.get(id, lang);
    let tl = |id: String| labels.get(&id, lang).to_string();
    let c = colon(lang);
    let codes: Vec<String> = d
        .reply_code
        .map(|c| c.to_string())
        .into_iter()
        .chain(d.status.map(|s| s.to_string()))
        .collect();
    let party = kb.party(d.party);
    let reason_title = lang.pick(&kb.reason(d.reason).title);
    let todo: Vec<_> = d.advice.iter().filter(|a| !a.avoid).collect();
    let avoid: Vec<_> = d.advice.iter().filter(|a| a.avoid).collect();
    let (shown, was_cut) = cut(source, SHOW_MAX);
    let pieces = highlight(shown, &d.evidence);
    let kind = Shown::of(d);
    if !d.is_conclusive() {
        // Nothing recognized in this recipient's words: no story, no party, no advice.
        return html! {
            article.diagnosis.nothing
                id=[position.map(|(i, _)| format!("recipient-{i}"))]
                data-kind="nothing" data-lang=(lang.as_str()) {
                header.headline {
                    @if let Some(line) = recipient_line(labels, lang, d.recipient.as_deref(), position) {
                        p.recipient data-recipient=[d.recipient.as_deref()] { strong { (line) } }
                    }
                    h2.summary { (kb.label("nothing.headline", lang)) }
                    p { (kb.label("nothing.ask", lang)) }
                    p.dim { (kb.label("nothing.looked_for", lang)) }
                }
                @if !shown.trim().is_empty() {
                    section.card.evidence {
                        p.caption { (t(source_label)) }
                        pre.source { (shown) }
                    }
                }
            }
        };
    }
    html! {
        article.diagnosis.hard[kind == Shown::Hard].soft[kind == Shown::Soft].warning[kind == Shown::NotFailed]
            id=[position.map(|(i, _)| format!("recipient-{i}"))]
            data-reason=(d.reason.as_str()) data-party=(d.party.as_str())
            data-lang=(lang.as_str()) data-confidence=(d.confidence.to_string()) {
            header.headline {
                @if let Some(line) = recipient_line(labels, lang, d.recipient.as_deref(), position) {
                    p.recipient data-recipient=[d.recipient.as_deref()] { strong { (line) } }
                } @else if let Some(address) = quoted_address(source) {
                    // A reply that names no recipient but quotes one address.
                    p.recipient.quoted {
                        strong { (quoted_line(labels, lang, &address)) }
                    }
                }
                p.codes {
                    @if codes.is_empty() { "—" } @else {
                        @for code in &codes { span.code { (code) } " " }
                    }
                    span.badge { (t(kind.badge(d))) }
                }
                h2.summary { (d.summary) }
                p.reason { (t("field.reason")) (c) strong { (reason_title) } " " code { (d.reason.as_str()) }
                    " · " (t("field.confidence")) (c) (tl(format!("confidence.{}", d.confidence))) }
            }
            section.card.party {
                h3 { (t("heading.party")) }
                p.party-name { strong { (lang.pick(&party.name)) } }
                p { (lang.pick(kb.who_acts(d))) }
            }
            @if !todo.is_empty() {
                section.card.todo {
                    h3 { (t("heading.todo")) }
                    ol { @for a in &todo { li data-advice=(a.id) { (a.text) } } }
                }
            }
            @if !avoid.is_empty() {
                section.card.avoid {
                    h3 { (t("heading.avoid")) }
                    ul { @for a in &avoid { li data-advice=(a.id) { (a.text) } } }
                }
            }
            section.card.meaning {
                h3 { (t("heading.meaning")) }
                p { (d.explanation) }
                @if let Some(line) = kind.line(d) { p.dim { (t(line)) } }
            }
            section.card.evidence {
                h3 { (t("heading.evidence")) }
                @if !d.evidence.is_empty() {
                    ul.evidence-list {
                        @for e in &d.evidence {
                            li data-kind=(format!("{:?}", e.kind)) {
                                span.ev-kind { (t(evidence_label(e.kind))) } (c)
                                mark class=(class(e.kind)) { (e.text) }
                                @if let Some(n) = &e.note { " → " (n) }
                                @if let (EvidenceKind::Rule, Some(id)) = (e.kind, &e.id) {
                                    " " small.dim { "[" (id) "]" }
                                }
                            }
                        }
                    }
                }
                @if !shown.trim().is_empty() {
                    p.caption { (t(source_label)) }
                    pre.source {
                        @for p in &pieces {
                            @if let Some(kind) = p.kind {
                                mark class=(class(kind)) title=(t(evidence_label(kind))) { (p.text) }
                            } @else {
                                (p.text)
                            }
                        }
                    }
                    @if was_cut { p.dim { (t("page.text_cut")) } }
                }
            }
            section.card.codes {
                h3 { (t("heading.codes")) }
                dl {
                    @if let Some(code) = d.reply_code {
                        dt { (t("field.reply_code")) }
                        dd { code { (code) } @if let Some(doc) = kb.reply_code(code) { " — " (lang.pick(&doc.title)) } }
                    }
                    @if let Some(status) = d.status {
                        dt { (t("field.status")) }
                        dd {
                            code { (status.to_string()) }
                            @if let Some(doc) = kb.enhanced_code(status) { " — " (lang.pick(&doc.title)) }
                            @if let Some(src) = d.status_source {
                                " " small.dim { "(" (tl(format!("page.status_source.{}", src))) ")" }
                            }
                        }
                    }
                    dt { (t("page.retry")) }
                    dd { (tl(format!("retry.{}", d.retry))) }
                    @if let Some(p) = &d.provider {
                        dt { (t("field.provider")) } dd { (provider_name(kb, p, lang)) }
                    }
                    @if let Some(m) = &d.mta {
                        dt { (t("field.mta")) } dd { (provider_name(kb, m, lang)) }
                    }
                    @if !d.diagnostic.is_empty() && source_label != "page.server_words" {
                        dt { (t("page.diagnostic")) } dd.diagnostic { (d.diagnostic) }
                    }
                }
            }
        }
    }
}

/// The localized message of an error.
fn error_message(labels: &Labels, lang: Lang, error: &ApiError, state: &AppState) -> String {
    match error.code {
        "empty_input" => labels.get("error.empty_input", lang).to_string(),
        "body_too_large" => labels
            .get("error.body_too_large", lang)
            .replace("{limit}", &state.config.max_body.to_string()),
        "timeout" => labels.get("error.timeout", lang).to_string(),
        "busy" => labels.get("error.busy", lang).to_string(),
        "message_too_large" => labels
            .get("error.message_too_large", lang)
            .replace("{limit}", &state.config.max_message_bytes.to_string()),
        "unreadable_msg" => labels.get("error.unreadable_msg", lang).to_string(),
        "unreadable_message" => labels
            .get("error.unreadable_message", lang)
            .replace("{detail}", &error.message),
        _ => labels
            .get("error.other", lang)
            .replace("{detail}", &error.message),
    }
}

/// A page as an answer, with the page's headers.
pub(crate) fn respond(status: StatusCode, markup: Markup) -> Response {
    let mut response = (status, Html(markup.into_string())).into_response();
    page_headers(&mut response);
    response.extensions_mut().insert(Answered);
    response
}

/// The page for an error that happened before a handler could answer (body too large,
/// timeout, ...).
pub(crate) fn error_page(state: &AppState, lang: Lang, error: &ApiError) -> Response {
    let view = View {
        state,
        lang,
        text: "",
        outcome: Outcome::Failed(error.clone()),
    };
    respond(error.status, render(&view))
}

/// An error on its own page, for a browser that asked for a path other than the form's
/// (an unknown path, a wrong method): the localized heading and message, and a link to the
/// form.
pub(crate) fn error_document(
    state: &AppState,
    lang: Lang,
    error: &ApiError,
    path: &str,
) -> Response {
    let labels = &state.labels;
    let t = |id: &'static str| labels.get(id, lang);
    let (heading, message) = match error.code {
        "not_found" => (
            t("page.not_found_heading"),
            t("error.not_found").replace("{path}", path),
        ),
        "method_not_allowed" => (
            t("page.error_heading"),
            t("error.method_not_allowed").to_string(),
        ),
        _ => (
            t("page.error_heading"),
            error_message(labels, lang, error, state),
        ),
    };
    let main = html! {
        main {
            section #result .error role="alert" data-status=(error.status.as_u16()) data-error=(error.code) {
                h1 { (heading) }
                p { (message) }
                p { a href={ "/?lang=" (lang.as_str()) } { (t("page.back")) } }
            }
        }
    };
    let title = format!("{heading} — bouncedoc");
    respond(
        error.status,
        layout(labels, lang, &title, Switch::Link(path), main),
    )
}

/// Reads a whole message for the page: its first recipients' diagnoses
/// ([`SHOWN_RECIPIENTS`]) and how many recipients it reports on. A message longer than
/// [`Config::max_message_bytes`](crate::Config::max_message_bytes) is not read.
fn parse_message(
    state: &AppState,
    bytes: &[u8],
    lang: Lang,
) -> Result<(MessageReport, usize), ApiError> {
    within_limit(state, bytes)?;
    if !starts_with_header(bytes) && !bouncedoc_mail::msg::is_compound_file(bytes) {
        let mut e = not_a_message();
        e.message = state.labels.get("error.no_headers", lang).to_string();
        return Err(e);
    }
    diagnose_guarded_first(&state.engine, bytes, lang, SHOWN_RECIPIENTS).map_err(|e| match e {
        MessageError::Internal(_) => ApiError::internal(e.to_string()),
        MessageError::Cancelled(_) => {
            ApiError::new(StatusCode::REQUEST_TIMEOUT, "timeout", e.to_string())
        }
        e => ApiError::bad_request("unreadable_message", e.to_string()),
    })
}

/// Refuses a message longer than [`Config::max_message_bytes`](crate::Config::max_message_bytes).
fn within_limit(state: &AppState, bytes: &[u8]) -> Result<(), ApiError> {
    let limit = state.config.max_message_bytes;
    if bytes.len() > limit {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "message_too_large",
            format!("the message is larger than the limit of {limit} bytes for one message"),
        ));
    }
    Ok(())
}

/// The bounce found in a paste or a file (an Outlook `.msg` read as the message it holds),
/// as the page shows it.
fn found_bounce(
    state: &AppState,
    bytes: &[u8],
    lang: Lang,
    file: Option<String>,
) -> Result<Option<Outcome>, ApiError> {
    within_limit(state, bytes)?;
    let unwrapped = unwrap_msg(bytes)?;
    let bytes = unwrapped.as_deref().unwrap_or(bytes);
    Ok(
        read_bounce(&state.engine, bytes, lang, SHOWN_RECIPIENTS)?.map(|b| Outcome::Parsed {
            file,
            report: Box::new(b.report),
            total: b.total,
            found: Some(b.found),
        }),
    )
}

/// Works out what to show for a text or a file: every recipient of the bounce found in it
/// (see [`crate::paste`]); a file that holds none is shown as the message it is, and a text
/// that holds none is explained as the words of a reply.
async fn answer(
    state: &AppState,
    lang: Lang,
    text: String,
    file: Option<(Option<String>, Vec<u8>)>,
) -> (String, Outcome) {
    if let Some((name, bytes)) = file {
        // An Outlook .msg file is binary: it is not put back in the text box.
        let kept = if bytes.len() <= KEEP_MAX && !bouncedoc_mail::msg::is_compound_file(&bytes) {
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            text
        };
        let st = state.clone();
        let outcome = match blocking(state, move || {
            match found_bounce(&st, &bytes, lang, name.clone()) {
                Ok(Some(outcome)) => Ok(outcome),
                Ok(None) => {
                    parse_message(&st, &bytes, lang).map(|(report, total)| Outcome::Parsed {
                        file: name,
                        report: Box::new(report),
                        total,
                        found: None,
                    })
                }
                Err(e) => Err(e),
            }
        })
        .await
        {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(e)) | Err(e) => Outcome::Failed(e),
        };
        return (kept, outcome);
    }
    let st = state.clone();
    let (text, outcome) = match blocking(state, move || {
        let outcome = match found_bounce(&st, text.as_bytes(), lang, None) {
            Ok(Some(outcome)) => outcome,
            // Not a bounce (or too long to read as one): the words of a reply.
            Ok(None) | Err(_) => match explain_text(&st.engine, &text, lang) {
                Ok(d) => Outcome::Explained(Box::new(d)),
                Err(e) => Outcome::Failed(e),
            },
        };
        (text, outcome)
    })
    .await
    {
        Ok(r) => r,
        Err(e) => (String::new(), Outcome::Failed(e)),
    };
    (text, outcome)
}

fn status_of(outcome: &Outcome) -> StatusCode {
    match outcome {
        Outcome::Failed(e) => e.status,
        _ => StatusCode::OK,
    }
}

/// `GET /`: the empty page (or, with `?text=`, the diagnosis of that text).
pub(crate) async fn index(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let asked = query_param(&uri, "lang").and_then(|l| l.parse::<Lang>().ok());
    let lang = choose(&[asked], &headers);
    let text = query_param(&uri, "text").unwrap_or_default();
    let (text, outcome) = if text.trim().is_empty() {
        (text, Outcome::Blank)
    } else {
        answer(&state, lang, text, None).await
    };
    let view = View {
        state: &state,
        lang,
        text: &text,
        outcome,
    };
    respond(status_of(&view.outcome), render(&view))
}

/// `POST /` and `POST /explain`: the form, sent with or without JavaScript.
pub(crate) async fn submit(State(state): State<AppState>, request: Request) -> Response {
    let headers = request.headers().clone();
    let fallback = header_lang(&headers).unwrap_or_default();
    let form = match read_form(request, state.config.max_body).await {
        Ok(f) => f,
        Err(e) => return error_page(&state, fallback, &e),
    };
    let pick = |name: &str| form.get(name).and_then(|l| l.parse::<Lang>().ok());
    let switched = pick("switch_lang");
    let lang = choose(&[switched, pick("lang")], &headers);
    let text = form.get("text").unwrap_or_default().to_string();
    let file = form.file.map(|f| (f.name, f.bytes.to_vec()));
    let (text, outcome) = if file.is_none() && text.trim().is_empty() && switched.is_some() {
        // Only the language changed.
        (text, Outcome::Blank)
    } else {
        answer(&state, lang, text, file).await
    };
    let view = View {
        state: &state,
        lang,
        text: &text,
        outcome,
    };
    respond(status_of(&view.outcome), render(&view))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recipient_whose_words_say_nothing_gets_no_story() {
        let state = AppState::new(crate::Config::default()).unwrap();
        let mut d = state.engine.explain("zzzz qqqq", Lang::Ja).unwrap();
        assert!(!d.is_conclusive());
        d.recipient = Some("jiro@example.org".into());
        let view = View {
            state: &state,
            lang: Lang::Ja,
            text: "",
            outcome: Outcome::Blank,
        };
        let html =
            diagnosis(&view, &d, "zzzz qqqq", "page.server_words", Some((2, 2))).into_string();
        assert!(html.contains("data-kind=\"nothing\""), "{html}");
        assert!(html.contains("id=\"recipient-2\""));
        assert!(html.contains("宛先 2 件中 2 件目：jiro@example.org（ドメイン example.org）"));
        let kb = state.engine.knowledge();
        assert!(html.contains(kb.label("nothing.headline", Lang::Ja)));
        assert!(!html.contains("data-party"), "no one blamed: {html}");
        assert!(!html.contains("data-advice"), "no advice: {html}");
    }

    #[test]
    fn the_one_quoted_address_is_found() {
        assert_eq!(
            quoted_address("550 5.1.1 <Hanako@Example.co.jp>... User unknown").as_deref(),
            Some("Hanako@Example.co.jp")
        );
        assert_eq!(
            quoted_address("hanako@example.co.jp にメールを配信できませんでした。").as_deref(),
            Some("hanako@example.co.jp")
        );
        assert_eq!(
            quoted_address("<a@example.jp>: 550 <a@example.jp> unknown").as_deref(),
            Some("a@example.jp")
        );
        assert_eq!(quoted_address("a@example.jp and b@example.org"), None);
        assert_eq!(quoted_address("550 5.1.1 User unknown"), None);
        assert_eq!(quoted_address("write to me @ noon"), None);
    }
}
