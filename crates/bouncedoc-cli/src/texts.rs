//! The command line's own sentences (prompts, errors, notes), in both languages. The
//! diagnosis texts come from the knowledge base of `bouncedoc-core`; these are the words of
//! the commands around them.

use std::path::Path;
use std::sync::OnceLock;

use bouncedoc_core::Lang;

pub mod why;

/// The language of the messages about errors, chosen once when the command line is read.
static ERROR_LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language of the messages about errors: the command's `--lang`, else the
/// environment's. Only the first choice counts.
pub fn choose_error_lang(lang: Lang) {
    let _ = ERROR_LANG.set(lang);
}

/// The language of the messages about errors (English until one is chosen).
pub fn error_lang() -> Lang {
    ERROR_LANG.get().copied().unwrap_or_default()
}

/// Says a sentence in a language: `en` or `ja`.
fn pick(lang: Lang, en: String, ja: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Ja => ja,
    }
}

/// The prompt of `explain` on a terminal.
pub fn paste_prompt(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "paste the error text (or the whole bounce), then press Ctrl-D",
        Lang::Ja => "エラーの文章（またはエラーメール全体）を貼り付けて、Ctrl-D を押してください",
    }
}

/// `explain` was given nothing to explain.
pub fn empty_input(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "the input is empty: paste the error message of the bounce (for example `550 5.1.1 ... User unknown`)"
        }
        Lang::Ja => {
            "入力が空です。エラーメールのエラーメッセージ（例：`550 5.1.1 ... User unknown`）を貼り付けてください"
        }
    }
}

/// Why a file could not be read, in words a person understands.
pub fn io_cause(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let (en, ja) = match e.kind() {
        K::NotFound => ("there is no such file", "そのファイルはありません"),
        K::PermissionDenied => ("you are not allowed to read it", "読み取る権限がありません"),
        K::FileTooLarge => ("it is too large", "大きすぎます"),
        K::ConnectionRefused => ("the connection was refused", "接続を拒否されました"),
        K::ConnectionReset | K::ConnectionAborted => {
            ("the connection was cut", "接続が切断されました")
        }
        K::TimedOut => ("no answer came in time", "時間内に応答がありませんでした"),
        K::HostUnreachable | K::NetworkUnreachable => {
            ("the server cannot be reached", "サーバーに到達できません")
        }
        _ => return e.to_string(),
    };
    pick(lang, en.into(), ja.into())
}

/// A file could not be read.
pub fn cannot_read(lang: Lang, path: &Path, e: &std::io::Error) -> String {
    let cause = io_cause(lang, e);
    let path = path.display();
    pick(
        lang,
        format!("cannot read {path}: {cause}"),
        format!("{path} を読み取れませんでした：{cause}"),
    )
}

/// `explain` was given a folder.
pub fn is_folder(lang: Lang, path: &Path) -> String {
    let path = path.display();
    pick(
        lang,
        format!("{path} is a folder: to read every message in it, run `bouncedoc parse {path}`"),
        format!(
            "{path} はフォルダーです。中のメールをすべて読むには `bouncedoc parse {path}` を実行してください"
        ),
    )
}

/// `explain` was given what looks like a file name, but there is no such file.
pub fn no_such_file(lang: Lang, path: &Path) -> String {
    let path = path.display();
    pick(
        lang,
        format!(
            "there is no file {path}: give the path of a saved bounce (.eml or .msg), or paste the error text"
        ),
        format!(
            "ファイル {path} はありません。保存したエラーメール（.eml または .msg）のパスを指定するか、エラーの文章を貼り付けてください"
        ),
    )
}

/// An Outlook `.msg` file could not be read.
pub fn unreadable_msg(lang: Lang, path: &Path, cause: &str) -> String {
    let path = path.display();
    pick(
        lang,
        format!(
            "{path} could not be read as an Outlook message ({cause}): in Outlook, save the bounce with File > Save As as an .eml file, or copy its whole text, and try again"
        ),
        format!(
            "{path} を Outlook のメッセージとして読み取れませんでした（{cause}）。Outlook の［ファイル］>［名前を付けて保存］でエラーメールを .eml 形式で保存するか、本文全体をコピーして、もう一度お試しください"
        ),
    )
}

/// The heading of one recipient's answer when a paste reports on several.
pub fn recipient_heading(lang: Lang, index: usize, count: usize, address: &str) -> String {
    let domain = address.rsplit_once('@').map(|(_, d)| d);
    match (lang, domain) {
        (Lang::En, Some(d)) => format!("── {index} of {count}: {address} (domain {d}) ──"),
        (Lang::En, None) => format!("── {index} of {count}: {address} ──"),
        (Lang::Ja, Some(d)) => {
            format!("── {count} 件中 {index} 件目：{address}（ドメイン {d}）──")
        }
        (Lang::Ja, None) => format!("── {count} 件中 {index} 件目：{address} ──"),
    }
}

/// The line before the answers of a paste that reports on several recipients.
pub fn recipients_found(lang: Lang, count: usize) -> String {
    pick(
        lang,
        format!("This bounce reports on {count} recipients; each is explained below."),
        format!(
            "このエラーメールには {count} 件の宛先についての報告があります。宛先ごとに説明します。"
        ),
    )
}

/// The note that the bounce was found in a forwarded message.
pub fn forwarded_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "(The bounce attached to this forwarded message was read.)",
        Lang::Ja => "（転送されたメールに添付されたエラーメールを読み取りました。）",
    }
}

/// An address whose domain looks like a typo of a known mail domain.
pub fn domain_typo(lang: Lang, address: &str, corrected: &str) -> String {
    let domain = address.rsplit_once('@').map_or(address, |(_, d)| d);
    let known = corrected.rsplit_once('@').map_or(corrected, |(_, d)| d);
    pick(
        lang,
        format!(
            "Did you mean {corrected}? The domain {domain} is a letter or two away from {known}."
        ),
        format!(
            "{corrected} の打ち間違いではありませんか？ドメイン {domain} は {known} とよく似ています。"
        ),
    )
}

/// A query that names nothing known, with the nearest known names when there are some.
pub fn unknown_with_suggestions(lang: Lang, what: &str, suggestions: &[String]) -> String {
    let mut line = what.to_string();
    if suggestions.is_empty() {
        return line;
    }
    let list = suggestions.join(if lang == Lang::Ja { "、" } else { ", " });
    line.push_str(&pick(
        lang,
        format!(" — did you mean {list}?"),
        format!("。もしかして：{list}"),
    ));
    line
}

/// A code that is not in the registry.
pub fn code_not_in_registry(lang: Lang, query: &str) -> String {
    pick(
        lang,
        format!("{query} is not in the registry"),
        format!("{query} は登録されていません"),
    )
}

/// A query that is not a code at all.
pub fn not_a_code(lang: Lang, query: &str) -> String {
    pick(
        lang,
        format!("`{query}` is neither a reply code (550) nor an enhanced status code (5.1.1)"),
        format!(
            "`{query}` は応答コード（550 など）でも拡張ステータスコード（5.1.1 など）でもありません"
        ),
    )
}

/// A reason id that does not exist.
pub fn unknown_reason(lang: Lang, query: &str) -> String {
    pick(
        lang,
        format!("`{query}` is not a reason"),
        format!("`{query}` という理由はありません"),
    )
}

/// How to list every reason.
pub fn list_reasons(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "run `bouncedoc reasons` for the list of every reason",
        Lang::Ja => "理由の一覧は `bouncedoc reasons` で表示できます",
    }
}

/// How to list every code.
pub fn list_codes(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "run `bouncedoc codes` for the list of every code",
        Lang::Ja => "コードの一覧は `bouncedoc codes` で表示できます",
    }
}

/// The closing summary of `publish`.
pub fn published(
    lang: Lang,
    stream: &str,
    stored: u64,
    duplicates: u64,
    unreadable: u64,
) -> String {
    pick(
        lang,
        format!(
            "published onto {stream}: {stored} messages stored, {duplicates} dropped as already on the stream, {unreadable} unreadable"
        ),
        format!(
            "{stream} に発行しました：保存 {stored} 通、ストリームに既にあったため破棄 {duplicates} 通、読めなかったもの {unreadable} 通"
        ),
    )
}

/// What a worker tells as it goes: a message that became an error record (its reader's
/// words as [`read_error`] gives them), or acknowledgements that failed.
pub fn worker_report(lang: Lang, report: bouncedoc_queue::worker::Report<'_>) -> String {
    use bouncedoc_queue::worker::Report;
    match report {
        Report::Unreadable {
            source,
            index,
            error,
        } => {
            let at = index.map_or(String::new(), |i| format!("#{i}"));
            format!(
                "{}{at}: {}",
                crate::render::safe::for_person(source),
                crate::render::safe::for_person(&read_error(lang, error))
            )
        }
        Report::AcksFailed { failed, error } => pick(
            lang,
            format!("{failed} acknowledgements failed (the messages will come again): {error}"),
            format!(
                "{failed} 件の確認応答（ack）に失敗しました（メッセージは再配信されます）：{error}"
            ),
        ),
    }
}

/// What `worker` did, when it returns.
pub struct WorkerCounts<'a> {
    /// The stream.
    pub stream: &'a str,
    /// The ledger's name.
    pub ledger: &'a str,
    /// Messages taken from the stream.
    pub messages: u64,
    /// Of them, messages delivered before.
    pub redelivered: u64,
    /// Events offered to the ledger.
    pub events: usize,
    /// Of them, events not recorded before.
    pub new_events: usize,
    /// Messages that could not be read.
    pub errors: u64,
}

/// The closing summary of `worker`.
pub fn worker_took(lang: Lang, c: &WorkerCounts) -> String {
    pick(
        lang,
        format!(
            "worker took {} messages from {} ({} delivered before) into {}: {} events ({} new), {} unreadable",
            c.messages, c.stream, c.redelivered, c.ledger, c.events, c.new_events, c.errors
        ),
        format!(
            "ワーカーは {} から {} 通を受け取り（うち再配信 {} 通）、{} に記録しました：イベント {} 件（新規 {} 件）、読めなかったもの {} 通",
            c.stream, c.messages, c.redelivered, c.ledger, c.events, c.new_events, c.errors
        ),
    )
}

/// Where `worker` serves its health and metrics.
pub fn worker_metrics_on(lang: Lang, addr: &str) -> String {
    pick(
        lang,
        format!("bouncedoc worker: /healthz and /metrics on http://{addr}"),
        format!("bouncedoc worker: /healthz と /metrics を http://{addr} で提供しています"),
    )
}

/// A message `publish` could not put onto the stream (it goes on with the next).
pub fn not_published(lang: Lang, source: &str, cause: &str) -> String {
    pick(
        lang,
        format!("{source}: {cause}"),
        format!("{source}：{cause}"),
    )
}

/// Why `publish` or `worker` stopped, in words of `lang`: a queue error is said once with
/// its cause (in English after the steps that led to it), a ledger error in Japanese words
/// around the ledger's own, anything else as [`error_chain`] says it.
pub fn queue_failure(lang: Lang, err: &anyhow::Error) -> String {
    use bouncedoc_queue::QueueError as Q;
    let mut steps: Vec<String> = Vec::new();
    for cause in err.chain() {
        if let Some(q) = cause.downcast_ref::<Q>() {
            if lang == Lang::En {
                steps.push(q.to_string());
                return steps.join(": ");
            }
            return queue_error_ja(q);
        }
        if lang == Lang::Ja
            && let Some(e) = cause.downcast_ref::<bouncedoc_ledger::LedgerError>()
        {
            return format!("台帳を使えませんでした：{e}");
        }
        steps.push(cause.to_string());
    }
    error_chain(lang, err)
}

/// A queue error in Japanese, with its cause.
fn queue_error_ja(q: &bouncedoc_queue::QueueError) -> String {
    use bouncedoc_queue::QueueError as Q;
    match q {
        Q::Connect { url, source } => {
            format!("NATS サーバー {url} に接続できませんでした：{source}")
        }
        Q::StreamName(name) => {
            format!("ストリーム名 {name:?} は使えません（英数字、`-`、`_` だけで付けてください）")
        }
        Q::JetStream { what, source } => {
            format!("JetStream でエラーが起きました（{what}）：{source}")
        }
        Q::TooLarge(n) => format!(
            "{n} バイトのメッセージは NATS サーバーが受け付ける大きさ（max_payload）を超えています"
        ),
        Q::Ledger(e) => format!(
            "台帳に記録できませんでした（このバッチは確認応答していないので、また配信されます）：{e}"
        ),
        Q::Listen { addr, source } => format!("{addr} で待ち受けできませんでした：{source}"),
        Q::Task(why) => format!("ワーカーの処理が止まりました：{why}"),
    }
}

#[cfg(test)]
mod queue_texts_tests {
    use super::*;

    #[test]
    fn the_queue_commands_speak_both_languages() {
        let c = WorkerCounts {
            stream: "bounces",
            ledger: "postgres://db/ledger",
            messages: 7,
            redelivered: 2,
            events: 9,
            new_events: 8,
            errors: 1,
        };
        let en = worker_took(Lang::En, &c);
        assert!(en.starts_with("worker took 7 messages from bounces (2 delivered before)"));
        let ja = worker_took(Lang::Ja, &c);
        assert!(ja.contains("7 通") && ja.contains("再配信 2 通") && ja.contains("新規 8 件"));
        let en = published(Lang::En, "bounces", 5, 3, 1);
        assert!(en.contains(": 5 messages stored, 3 dropped"), "{en}");
        assert!(published(Lang::Ja, "bounces", 5, 3, 1).contains("保存 5 通"));
        assert_ne!(
            worker_metrics_on(Lang::En, "a:1"),
            worker_metrics_on(Lang::Ja, "a:1")
        );
    }

    #[test]
    fn queue_failures_are_said_in_japanese_with_their_cause() {
        let e = anyhow::Error::from(bouncedoc_queue::QueueError::StreamName("a b".into()));
        assert!(queue_failure(Lang::En, &e).contains("not a usable stream name"));
        let ja = queue_failure(Lang::Ja, &e);
        assert!(ja.contains("\"a b\"") && ja.contains("使えません"), "{ja}");
        let e = anyhow::Error::from(bouncedoc_queue::QueueError::TooLarge(2_000_000))
            .context("publishing");
        assert!(queue_failure(Lang::En, &e).starts_with("publishing: "));
        assert!(queue_failure(Lang::Ja, &e).contains("2000000 バイト"));
        let e = anyhow::Error::from(bouncedoc_ledger::LedgerError::Missing("l.db".into()));
        assert!(queue_failure(Lang::Ja, &e).starts_with("台帳を使えませんでした"));
    }
}

/// `check` was given something that is not an email address.
pub fn not_an_address(lang: Lang, value: &str) -> String {
    pick(
        lang,
        format!("`{value}` is not an email address (name@domain): skipped"),
        format!("`{value}` はメールアドレス（名前@ドメイン）ではありません。飛ばしました"),
    )
}

/// `ingest` skips the ledger's own files inside the folder it reads.
pub fn skipping_own_database(lang: Lang, path: &Path) -> String {
    let path = path.display();
    pick(
        lang,
        format!("skipping {path} and its -wal/-shm files: they are this ledger's own database"),
        format!(
            "{path} とその -wal/-shm ファイルは、この台帳自身のデータベースなので読み飛ばします"
        ),
    )
}

/// An error and its causes on one line, as `{:#}` writes them, with the causes that are
/// input/output errors (a missing file, a refused permission) in words of `lang`.
pub fn error_chain(lang: Lang, err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        if let Some(ledger) = cause.downcast_ref::<bouncedoc_ledger::LedgerError>() {
            parts.push(ledger_error(lang, ledger));
            continue;
        }
        let Some(io) = cause.downcast_ref::<std::io::Error>() else {
            parts.push(cause.to_string());
            continue;
        };
        // An error whose own words already end with its cause's says it once.
        let raw = io.to_string();
        if let Some(last) = parts.last_mut()
            && let Some(head) = last.strip_suffix(&raw)
        {
            *last = head.trim_end_matches([':', ' ']).to_string();
        }
        parts.push(io_cause(lang, io));
    }
    parts.join(if lang == Lang::Ja { "：" } else { ": " })
}

/// A ledger's error in words of `lang`: the ones a person meets (no ledger yet, a schema of
/// another version, an address the ledger does not know) are translated; the database's own
/// errors are shown as the database words them.
pub fn ledger_error(lang: Lang, e: &bouncedoc_ledger::LedgerError) -> String {
    use bouncedoc_ledger::LedgerError as E;
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        E::Missing(at) => format!(
            "{at} に台帳がありません（台帳は `bouncedoc ingest` が作ります。別の台帳を使うには --database か BOUNCEDOC_DATABASE を指定してください）"
        ),
        E::SchemaTooNew { found, known } => format!(
            "台帳のスキーマはバージョン {found} で、この bouncedoc が知っている版（{known}）より新しいものです。bouncedoc を更新してください"
        ),
        E::SchemaTooOld { found, known } => format!(
            "台帳のスキーマはバージョン {found} で、この bouncedoc の版（{known}）より古いものです。一度書き込みで開くと（`bouncedoc ingest`）更新されます"
        ),
        E::UnknownAddress(a) => {
            format!("台帳には {a} についての記録（エラーメールも停止も）がありません")
        }
        E::BadAddress(a) => format!("台帳に記録できないアドレスです：{a}"),
        E::Corrupt(what) => format!("台帳に想定外の値があります：{what}"),
        E::Cancelled => "コミット前に取り消されたため、何も記録していません".to_string(),
        other => other.to_string(),
    }
}

/// Why a line of a mail server's log could not be read, as the log readers say it (in
/// English, for programs), put in words of `lang` for a person: the readers' sentences are
/// translated part by part; anything else is shown as it is.
pub fn log_error(lang: Lang, error: &str) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    // A value of the log, quoted as `x` by the readers, in Japanese quotation marks.
    let value = |s: &str| format!("「{}」", s.trim_matches('`'));
    match error {
        "a qmail `starting delivery` line that cannot be read" => {
            return "qmail の「starting delivery」の行を読み取れません".to_string();
        }
        "a qmail delivery line whose number cannot be read" => {
            return "qmail の配送の行の番号を読み取れません".to_string();
        }
        "a qmail delivery line without its result" => {
            return "qmail の配送の行に結果がありません".to_string();
        }
        "an Exim line with an unreadable time" => {
            return "Exim の行の時刻を読み取れません".to_string();
        }
        _ => {}
    }
    for (head, ja) in [
        ("the input could not be read: ", "入力を読み取れません："),
        (
            "a CSV record that cannot be read: ",
            "CSV のレコードを読み取れません：",
        ),
        (
            "a KumoMTA record that is not valid JSON: ",
            "KumoMTA のレコードが正しい JSON ではありません：",
        ),
    ] {
        if let Some(cause) = error.strip_prefix(head) {
            return format!("{ja}{cause}");
        }
    }
    if let Some(flag) = error
        .strip_prefix("an Exim ")
        .and_then(|r| r.strip_suffix(" line without an address"))
    {
        return format!("Exim の{}の行にアドレスがありません", value(flag));
    }
    if let Some(rest) = error.strip_prefix("an unknown ")
        && let Some((what, v)) = rest.rsplit_once(' ')
    {
        let what = what
            .replace(" delivery result", " の配送結果")
            .replace(" status", " の status")
            .replace(" result", " の result");
        return format!("{what} が不明な値{}です", value(v));
    }
    for (head, ja) in [
        (" delivery line without ", "の配送の行に {} がありません"),
        (" delivery line with an empty ", "の配送の行の {} が空です"),
        (" record without ", "のレコードに {} がありません"),
        (" row without ", "の行に {} がありません"),
    ] {
        if let Some((what, field)) = error.split_once(head) {
            let what = what.trim_start_matches("an ").trim_start_matches("a ");
            return format!(
                "{what} {}",
                ja.replace("{}", &field.replace(" or ", " も "))
            );
        }
    }
    error.to_string()
}

#[cfg(test)]
mod log_error_tests {
    use super::*;

    #[test]
    fn the_log_readers_sentences_are_said_in_japanese() {
        for (en, ja) in [
            (
                "a Postfix delivery line without status=",
                "Postfix の配送の行に status= がありません",
            ),
            (
                "a Postfix delivery line with an empty to=<>",
                "Postfix の配送の行の to=<> が空です",
            ),
            (
                "an unknown Postfix status `weird`",
                "Postfix の status が不明な値「weird」です",
            ),
            (
                "an unknown qmail delivery result `exploded`",
                "qmail の配送結果 が不明な値「exploded」です",
            ),
            (
                "an OpenSMTPD delivery line without result= or to=",
                "OpenSMTPD の配送の行に result= も to= がありません",
            ),
            (
                "a PowerMTA record without rcpt",
                "PowerMTA のレコードに rcpt がありません",
            ),
            (
                "a message trace row without recipient_address",
                "message trace の行に recipient_address がありません",
            ),
            (
                "an Exim `**` line without an address",
                "Exim の「**」の行にアドレスがありません",
            ),
            (
                "a qmail delivery line without its result",
                "qmail の配送の行に結果がありません",
            ),
            (
                "the input could not be read: stream did not contain valid UTF-8",
                "入力を読み取れません：stream did not contain valid UTF-8",
            ),
        ] {
            assert_eq!(log_error(Lang::Ja, en), ja);
            assert_eq!(log_error(Lang::En, en), en);
        }
    }
}

/// Why a message could not be read, as the mail crate's error record says it (in English,
/// for programs), put in words of `lang` for a person: the usual causes are translated,
/// anything else is shown as it is.
pub fn read_error(lang: Lang, error: &str) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    let os = |n: u32| error.ends_with(&format!("(os error {n})"));
    let fixed = if os(2) {
        Some("ファイルがありません")
    } else if os(13) {
        Some("読み取る権限がありません")
    } else if os(21) {
        Some("フォルダーです")
    } else if error.starts_with("no header lines") {
        Some("ヘッダー行がないため、メールではありません")
    } else if error == "empty message" {
        Some("中身が空です")
    } else {
        None
    };
    if let Some(f) = fixed {
        return f.to_string();
    }
    if let Some(rest) = error.strip_prefix("not a readable MIME message: ") {
        return format!("MIME 形式のメールとして読み取れません（{rest}）");
    }
    if let Some(rest) = error.strip_prefix("message larger than the limit of ")
        && let Some(n) = rest.split(' ').next()
    {
        return format!(
            "上限の {n} バイトより大きいため、読み込んでいません（--max-message-bytes で変更できます）"
        );
    }
    if let Some(rest) = error.strip_prefix("an Outlook .msg file that could not be read (")
        && let Some((cause, _)) = rest.rsplit_once("): ")
    {
        return format!(
            "Outlook の .msg ファイルとして読み取れませんでした（{cause}）。Outlook でメールを .eml 形式で保存して、そちらを読み込んでください"
        );
    }
    if let Some(rest) = error.strip_prefix("the message is longer than --max-message-bytes (")
        && let Some(n) = rest.split(' ').next()
    {
        return format!(
            "上限の {n} バイトより長いため、読み込んでいません（--max-message-bytes で変更できます）"
        );
    }
    if let Some(rest) = error.strip_prefix("internal error: the diagnosis of this message failed") {
        return format!("内部エラー：このメールの診断に失敗しました{rest}");
    }
    error.to_string()
}

/// The closing counts of `ingest` (of files, or of a mailbox when `mailbox` names it and
/// what was done to the messages read).
pub struct IngestCounts<'a> {
    /// Messages read.
    pub messages: usize,
    /// The mailbox read, and what was done to its messages after the commit.
    pub mailbox: Option<(&'a str, usize, String)>,
    /// The ledger's name.
    pub ledger: &'a str,
    /// Events offered to the ledger, and those not recorded before.
    pub events: usize,
    /// Events not recorded before.
    pub new_events: usize,
    /// Messages that are not bounces.
    pub not_bounces: usize,
    /// Messages that could not be read.
    pub errors: usize,
    /// A dry run (`--dry-run`): nothing was written.
    pub dry_run: bool,
}

/// The first line of `ingest`'s closing summary.
pub fn ingested(lang: Lang, c: &IngestCounts) -> String {
    let again = c.events - c.new_events;
    let (from_en, from_ja) = match &c.mailbox {
        Some((url, _, _)) => (format!(" from {url}"), format!("{url} から")),
        None => (String::new(), String::new()),
    };
    let (marked_en, marked_ja) = match &c.mailbox {
        Some((_, marked, after)) => (
            format!("; {marked} marked ({after})"),
            format!("。{marked} 通に後処理（{after}）"),
        ),
        None => (String::new(), String::new()),
    };
    let messages_en = if c.messages == 1 {
        "message"
    } else {
        "messages"
    };
    if c.dry_run {
        return pick(
            lang,
            format!(
                "dry run, nothing written: read {} {messages_en}{from_en} for {}: {} events ({} new, {again} already recorded), {} not bounces, {} unreadable",
                c.messages, c.ledger, c.events, c.new_events, c.not_bounces, c.errors
            ),
            format!(
                "試行のみ（何も書き込んでいません）：{from_ja}{} 通のメールを {} 向けに読みました：イベント {} 件（新規 {} 件、記録済み {again} 件）、バウンスでないもの {} 通、読めなかったもの {} 通",
                c.messages, c.ledger, c.events, c.new_events, c.not_bounces, c.errors
            ),
        );
    }
    pick(
        lang,
        format!(
            "ingested {} {messages_en}{from_en} into {}: {} events ({} new, {again} already recorded), {} not bounces, {} unreadable{marked_en}",
            c.messages, c.ledger, c.events, c.new_events, c.not_bounces, c.errors
        ),
        format!(
            "{from_ja}{} 通のメールを {} に記録しました：イベント {} 件（新規 {} 件、記録済み {again} 件）、バウンスでないもの {} 通、読めなかったもの {} 通{marked_ja}",
            c.messages, c.ledger, c.events, c.new_events, c.not_bounces, c.errors
        ),
    )
}

/// The last line of `ingest --dry-run`: how many addresses recording would suppress, and
/// what the ledger holds (unchanged).
pub fn would_suppress(lang: Lang, n: usize, events: i64, suppressions: i64) -> String {
    let addresses = if n == 1 { "address" } else { "addresses" };
    pick(
        lang,
        format!(
            "{n} {addresses} would be suppressed; the ledger still holds {events} events and {suppressions} suppressions"
        ),
        format!(
            "記録すると {n} 件のアドレスが配信停止になります。台帳は変わらず、イベント {events} 件、配信停止 {suppressions} 件のままです"
        ),
    )
}

/// Why a message was not taken: it is longer than `--max-message-bytes`.
pub fn too_long(lang: Lang, limit: usize) -> String {
    pick(
        lang,
        format!("the message is longer than --max-message-bytes ({limit} bytes)"),
        format!("メッセージが --max-message-bytes（{limit} バイト）より長いため扱いません"),
    )
}

/// What `publish` did to the mailbox's messages once the stream had them.
pub fn mailbox_marked(lang: Lang, url: &str, n: usize, how: &str) -> String {
    pick(
        lang,
        format!("{url}: {n} messages on the stream and {how}"),
        format!("{url}：{n} 通をストリームに載せ、{how}"),
    )
}

/// An option of the bounce mailbox given without a mailbox address.
pub fn mailbox_option_alone(lang: Lang, flag: &str) -> String {
    pick(
        lang,
        format!("{flag} is for a mailbox address (imaps://user@host/INBOX)"),
        format!("{flag} はメールボックスのアドレス（imaps://user@host/INBOX）に使うオプションです"),
    )
}

/// A mailbox address given with other inputs.
pub fn mailbox_not_mixed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "a mailbox address is read alone: ingest the files in a run of their own",
        Lang::Ja => {
            "メールボックスのアドレスは単独で指定してください。ファイルは別の実行で取り込んでください"
        }
    }
}

/// `--dry-run` with `--follow`.
pub fn dry_run_not_followed(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "--dry-run reads the mailbox once: leave out --follow",
        Lang::Ja => "--dry-run はメールボックスを一度だけ読みます。--follow は付けないでください",
    }
}

/// The mailbox's password file is empty.
pub fn password_file_empty(lang: Lang, path: &Path) -> String {
    let path = path.display();
    pick(
        lang,
        format!("the password file {path} is empty"),
        format!("パスワードファイル {path} が空です"),
    )
}

/// The mailbox needs a password and none was given.
pub fn password_needed(lang: Lang, var: &str) -> String {
    pick(
        lang,
        format!(
            "the mailbox needs a password: set {var} or give --password-file (never on the command line)"
        ),
        format!(
            "メールボックスのパスワードが必要です。{var} を設定するか、--password-file を指定してください（コマンドラインには書かないでください）"
        ),
    )
}

/// The first line of `ingest --logs --dry-run`.
pub fn dry_run_note(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "dry run: the logs were read and the policy applied, and nothing was written to the ledger"
        }
        Lang::Ja => {
            "試行のみ：ログを読んでポリシーを当てはめましたが、台帳には何も書き込んでいません"
        }
    }
}

/// One address `ingest --dry-run` would suppress: the address, the reason by name, the rule.
pub fn would_suppress_item(lang: Lang, address: &str, reason: &str, rule: &str) -> String {
    pick(
        lang,
        format!("would suppress {address}: {reason} (rule {rule})"),
        format!("配信停止になるアドレス {address}：{reason}（ルール {rule}）"),
    )
}

/// The addresses left out of a long list.
pub fn and_more(lang: Lang, n: usize) -> String {
    pick(lang, format!("… and {n} more"), format!("…ほか {n} 件"))
}

/// The second line of `ingest`'s closing summary: what the ledger now holds.
pub fn ledger_totals(
    lang: Lang,
    suppressed: usize,
    updated: usize,
    events: i64,
    suppressions: i64,
) -> String {
    pick(
        lang,
        format!(
            "{suppressed} addresses newly suppressed, {updated} suppressions moved earlier by late bounces; the ledger holds {events} events and {suppressions} suppressions"
        ),
        format!(
            "新たに配信停止したアドレス {suppressed} 件、遅れて届いたバウンスで日付を早めた配信停止 {updated} 件。台帳には イベント {events} 件、配信停止 {suppressions} 件があります"
        ),
    )
}

#[cfg(test)]
mod ingest_summary_tests {
    use super::*;

    #[test]
    fn the_summary_of_ingest_exists_in_both_languages() {
        let c = IngestCounts {
            messages: 3,
            mailbox: Some(("imaps://u@h/INBOX", 2, "flagged".into())),
            ledger: "l.db",
            events: 5,
            new_events: 4,
            not_bounces: 1,
            errors: 0,
            dry_run: false,
        };
        let en = ingested(Lang::En, &c);
        let ja = ingested(Lang::Ja, &c);
        assert!(
            en.contains("ingested 3 messages from imaps://u@h/INBOX") && en.contains("2 marked")
        );
        assert!(ja.contains("3 通") && ja.contains("記録済み 1 件") && ja.contains("2 通に後処理"));
        assert_ne!(
            ledger_totals(Lang::En, 1, 0, 5, 1),
            ledger_totals(Lang::Ja, 1, 0, 5, 1)
        );
        let dry = IngestCounts {
            dry_run: true,
            mailbox: None,
            ..c
        };
        assert!(ingested(Lang::En, &dry).starts_with("dry run, nothing written: read 3 messages"));
        assert!(ingested(Lang::Ja, &dry).contains("何も書き込んでいません"));
        assert!(would_suppress(Lang::En, 1, 0, 0).starts_with("1 address would be suppressed"));
        assert!(would_suppress(Lang::Ja, 2, 0, 0).contains("2 件のアドレスが配信停止"));
        assert!(would_suppress_item(Lang::Ja, "a@b", "x", "hard").contains("a@b"));
        assert_eq!(and_more(Lang::En, 3), "… and 3 more");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workers_reports_in_both_languages() {
        use bouncedoc_queue::worker::Report;
        let unreadable = Report::Unreadable {
            source: "webhook:sendgrid",
            index: None,
            error: "no header lines: this is not a message",
        };
        assert_eq!(
            worker_report(Lang::En, unreadable),
            "webhook:sendgrid: no header lines: this is not a message"
        );
        let ja = worker_report(Lang::Ja, unreadable);
        assert!(
            ja.starts_with("webhook:sendgrid: ") && ja.contains("ヘッダー行がない"),
            "{ja}"
        );
        let acks = Report::AcksFailed {
            failed: 3,
            error: "timed out",
        };
        assert!(worker_report(Lang::En, acks).starts_with("3 acknowledgements failed"));
        assert!(worker_report(Lang::Ja, acks).contains("3 件の確認応答"));
    }

    #[test]
    fn read_errors_in_japanese() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound).to_string();
        let e = if e.contains("os error") {
            e
        } else {
            "No such file or directory (os error 2)".into()
        };
        assert_eq!(read_error(Lang::Ja, &e), "ファイルがありません");
        assert_eq!(read_error(Lang::En, &e), e);
        assert!(
            read_error(
                Lang::Ja,
                "message larger than the limit of 10 bytes; not read (see --max-message-bytes)"
            )
            .contains("10 バイト")
        );
        assert_eq!(read_error(Lang::Ja, "something else"), "something else");
    }

    #[test]
    fn every_error_speaks_both_languages() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let p = Path::new("bounce.eml");
        for (lang, word) in [(Lang::En, "cannot read"), (Lang::Ja, "読み取れません")] {
            assert!(cannot_read(lang, p, &e).contains(word));
        }
        assert!(cannot_read(Lang::Ja, p, &e).contains("ありません"));
        assert!(!cannot_read(Lang::Ja, p, &e).contains("No such file"));
    }

    #[test]
    fn recipient_headings_name_the_address_and_domain() {
        let en = recipient_heading(Lang::En, 2, 3, "b@example.org");
        assert!(
            en.contains("2 of 3")
                && en.contains("b@example.org")
                && en.contains("domain example.org")
        );
        let ja = recipient_heading(Lang::Ja, 2, 3, "b@example.org");
        assert!(ja.contains("3 件中 2 件目") && ja.contains("example.org"));
    }

    #[test]
    fn suggestions_are_listed_only_when_there_are_some() {
        assert_eq!(unknown_with_suggestions(Lang::En, "x", &[]), "x");
        let s = unknown_with_suggestions(Lang::En, "x", &["a".into(), "b".into()]);
        assert_eq!(s, "x — did you mean a, b?");
        let s = unknown_with_suggestions(Lang::Ja, "x", &["a".into()]);
        assert_eq!(s, "x。もしかして：a");
    }
}

/// What a command was doing when an error stopped it: the head of the error's message, in
/// the language of errors ([`error_lang`]).
pub mod doing {
    use super::{error_lang, pick};
    use std::path::Path;

    /// Reading the text to explain from standard input.
    pub fn reading_stdin() -> String {
        pick(
            error_lang(),
            "reading standard input".into(),
            "標準入力の読み取り中にエラーが起きました".into(),
        )
    }

    /// Reading addresses from standard input.
    pub fn reading_addresses() -> String {
        pick(
            error_lang(),
            "reading addresses from standard input".into(),
            "標準入力からアドレスを読み取る途中でエラーが起きました".into(),
        )
    }

    /// Following a growing log file.
    pub fn following(path: &Path) -> String {
        pick(
            error_lang(),
            format!("following {}", path.display()),
            format!(
                "{} を追いかけて読む途中でエラーが起きました",
                path.display()
            ),
        )
    }

    /// Opening the ledger.
    pub fn opening_ledger(name: &str) -> String {
        pick(
            error_lang(),
            format!("opening the ledger {name}"),
            format!("台帳 {name} を開けませんでした"),
        )
    }

    /// Reading a date or a time span given on the command line.
    pub fn reading_a_date() -> String {
        pick(
            error_lang(),
            "reading a date".into(),
            "日付を読み取れませんでした".into(),
        )
    }
}

/// Usage errors found after the command line was read: what is wrong, and how to say it
/// right, in the language of errors.
pub mod usage {
    use super::{error_lang, pick};

    /// `--since` is not before `--until`.
    pub fn since_after_until() -> String {
        pick(
            error_lang(),
            "--since must be before --until".into(),
            "--since には --until より前の日時を指定してください".into(),
        )
    }

    /// `--follow` was given no file, or more than one.
    pub fn follow_one_file() -> String {
        pick(
            error_lang(),
            "--follow follows one file: give exactly one".into(),
            "--follow で追いかけられるファイルは一つです。ファイルを一つだけ指定してください"
                .into(),
        )
    }

    /// `--follow` was given standard input.
    pub fn follow_not_stdin() -> String {
        pick(
            error_lang(),
            "--follow follows a file, not standard input".into(),
            "--follow はファイルを追いかけます。標準入力には使えません".into(),
        )
    }

    /// `unsuppress` was given no reason.
    pub fn unsuppress_needs_reason() -> String {
        pick(
            error_lang(),
            "--reason must say why the address may be mailed again".into(),
            "--reason に、このアドレスに再び送ってよい理由を書いてください".into(),
        )
    }
}

/// The lines of the ledger's commands (`check`, `suppressions`, `unsuppress`).
pub mod ledger {
    use super::pick;
    use bouncedoc_core::Lang;

    /// `check`: the address may be mailed; `last` is the time and reason of its last bounce
    /// (since its latest `unsuppress`, when `unsuppressed`).
    pub fn ok_to_send(
        lang: Lang,
        address: &str,
        bounces: i64,
        last: Option<(String, String)>,
        unsuppressed: bool,
    ) -> String {
        match last {
            None if unsuppressed => pick(
                lang,
                format!("{address}: ok to send (no bounce since it was unsuppressed)"),
                format!("{address}：送信できます（送信停止の解除後、エラーメールはありません）"),
            ),
            None => pick(
                lang,
                format!("{address}: ok to send (no bounce on record)"),
                format!("{address}：送信できます（エラーメールの記録はありません）"),
            ),
            Some((at, reason)) => pick(
                lang,
                format!(
                    "{address}: ok to send ({bounces} bounce{} on record, none that suppresses; last {at} {reason})",
                    if bounces == 1 { "" } else { "s" }
                ),
                format!(
                    "{address}：送信できます（エラーメールの記録 {bounces} 件、停止に当たるものはなし。最後は {at} の {reason}）"
                ),
            ),
        }
    }

    /// `check`: the address was unsuppressed; the bounces before that are kept but no longer
    /// count.
    pub fn history_before(lang: Lang, at: &str, who: &str, reason: &str, before: i64) -> String {
        pick(
            lang,
            format!(
                "    unsuppressed {at} by {who} ({reason}); {before} earlier bounce{} kept in the history, no longer counted",
                if before == 1 { "" } else { "s" }
            ),
            format!(
                "    {at} に {who} が送信停止を解除（{reason}）。それ以前のエラーメール {before} 件は履歴に残り、判断には数えません"
            ),
        )
    }

    /// `check`: wait before mailing the address again.
    pub fn wait(lang: Lang, address: &str, until: &str, why: &str) -> String {
        pick(
            lang,
            format!("{address}: wait until {until}: {why}"),
            format!("{address}：{until} まで送信を控えてください：{why}"),
        )
    }

    /// `check`: the address is suppressed.
    pub fn suppressed(lang: Lang, address: &str, suppression: &str) -> String {
        pick(
            lang,
            format!("{address}: SUPPRESSED {suppression}"),
            format!("{address}：送信停止中　{suppression}"),
        )
    }

    /// Why a suppression holds: since when, by which rule of the policy, who set it, why.
    pub fn suppression(lang: Lang, since: &str, rule: &str, who: &str, why: &str) -> String {
        pick(
            lang,
            format!("since {since} by rule {rule} ({who}): {why}"),
            format!("{since} から、ポリシーの規則 {rule} による（{who}）：{why}"),
        )
    }

    /// A suppression that was lifted: when, by whom, why.
    pub fn lifted(lang: Lang, at: &str, who: &str, reason: &str) -> String {
        pick(
            lang,
            format!("    lifted {at} by {who}: {reason}"),
            format!("    {at} に {who} が解除：{reason}"),
        )
    }

    /// The count after `suppressions`' list.
    pub fn listed(lang: Lang, count: usize, held: usize) -> String {
        pick(
            lang,
            format!(
                "{count} suppression{} ({held} in force)",
                if count == 1 { "" } else { "s" }
            ),
            format!("送信停止 {count} 件（うち有効 {held} 件）"),
        )
    }

    /// `unsuppress` is done: the suppression it lifted, or none.
    pub fn unsuppressed(lang: Lang, address: &str, lifted: Option<&str>) -> String {
        match lifted {
            Some(held) => pick(
                lang,
                format!("{address}: suppression lifted (it held {held}); kept in the history"),
                format!("{address}：送信停止を解除しました（{held}）。履歴には残ります"),
            ),
            None => pick(
                lang,
                format!(
                    "{address}: was not suppressed; recorded all the same: bounces before now no longer count towards a suppression"
                ),
                format!(
                    "{address}：送信停止にはなっていませんでしたが、解除として記録しました。これより前のエラーメールは、今後の停止の判断に数えません"
                ),
            ),
        }
    }
}
