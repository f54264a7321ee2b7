//! The page and the terminal summary of `bouncedoc report`: the counts of a
//! [`Report`] as bar charts in inline SVG (escaped by `maud`, no JavaScript) or as text.
//! Reasons are shown by their name in the page's language, beside their id.

use std::fmt::Write as _;

use bouncedoc_core::{Knowledge, Lang, Party, Reason};
use bouncedoc_logs::report::Report;
use maud::{DOCTYPE, Markup, html as page};

/// Rows a chart shows at most.
const TOP: usize = 12;

/// The texts of the report, in one language.
struct Words {
    title: &'static str,
    read: &'static str,
    failed: &'static str,
    deferred: &'static str,
    other: &'static str,
    errors: &'static str,
    fix_first: &'static str,
    fix_note: &'static str,
    nothing_to_fix: &'static str,
    dead: &'static str,
    dead_note: &'static str,
    by_reason: &'static str,
    by_provider: &'static str,
    by_domain: &'static str,
    by_party: &'static str,
    by_day: &'static str,
    none: &'static str,
    no_provider: &'static str,
    no_domain: &'static str,
}

const EN: Words = Words {
    title: "Bounce report",
    read: "Records read",
    failed: "Failed",
    deferred: "Deferred",
    other: "Delivered or other notices",
    errors: "Errors",
    fix_first: "Fix on the sending side first",
    fix_note: "Failures and deferrals the sender or the sending server's operator must act on (authentication, blocklists, reputation, sending rate), most first.",
    nothing_to_fix: "Nothing here is the sending side's to fix.",
    dead: "Dead addresses",
    dead_note: "Hard bounces of addresses that do not exist: stop mailing them; they are not a fault of the sending server.",
    by_reason: "Failures by reason",
    by_provider: "Failures by receiving provider",
    by_domain: "Failures by recipient domain",
    by_party: "Failures by who must act",
    by_day: "Failures and deferrals by day",
    none: "None.",
    no_provider: "(not identified)",
    no_domain: "(no address)",
};

const JA: Words = Words {
    title: "バウンスのレポート",
    read: "読んだレコード",
    failed: "失敗",
    deferred: "遅延",
    other: "配送済みなどの通知",
    errors: "エラー",
    fix_first: "まず送信側で直すこと",
    fix_note: "送信者か送信サーバーの管理者が手を打つべき失敗と遅延（認証、ブロックリスト、評価、送信速度）。多い順。",
    nothing_to_fix: "送信側で直すものはありません。",
    dead: "存在しないアドレス",
    dead_note: "存在しないアドレスへのハードバウンス。送信サーバーの問題ではありません。これらのアドレスへの送信はやめてください。",
    by_reason: "理由別の失敗",
    by_provider: "受信プロバイダー別の失敗",
    by_domain: "宛先ドメイン別の失敗",
    by_party: "対応が必要な人別の失敗",
    by_day: "日別の失敗と遅延",
    none: "ありません。",
    no_provider: "（特定できず）",
    no_domain: "（アドレスなし）",
};

impl Words {
    /// Every text, for the test that each is shown in its language only.
    #[cfg(test)]
    fn all(&self) -> [&'static str; 19] {
        [
            self.title,
            self.read,
            self.failed,
            self.deferred,
            self.other,
            self.errors,
            self.fix_first,
            self.fix_note,
            self.nothing_to_fix,
            self.dead,
            self.dead_note,
            self.by_reason,
            self.by_provider,
            self.by_domain,
            self.by_party,
            self.by_day,
            self.none,
            self.no_provider,
            self.no_domain,
        ]
    }
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Ja => &JA,
        _ => &EN,
    }
}

/// A reason's name in `lang` with its id (`User unknown (userunknown)`); an id the
/// knowledge does not hold is shown as it is.
fn reason_label(kb: &Knowledge, id: &str, lang: Lang) -> String {
    match id.parse::<Reason>() {
        Ok(reason) => format!("{} ({id})", lang.pick(&kb.reason(reason).title)),
        Err(_) => id.to_string(),
    }
}

/// Counts by reason id, labelled by [`reason_label`].
fn by_name(kb: &Knowledge, rows: Vec<(&str, u64)>, lang: Lang) -> Vec<(String, u64)> {
    rows.into_iter()
        .map(|(id, n)| (reason_label(kb, id, lang), n))
        .collect()
}

/// Counts by party id, labelled by the party's name in `lang` with its id (`The sender
/// (sender)`); an id the knowledge does not hold is shown as it is.
fn by_party(kb: &Knowledge, rows: Vec<(&str, u64)>, lang: Lang) -> Vec<(String, u64)> {
    rows.into_iter()
        .map(|(id, n)| match id.parse::<Party>() {
            Ok(party) => (format!("{} ({id})", lang.pick(&kb.party(party).name)), n),
            Err(_) => (id.to_string(), n),
        })
        .collect()
}

/// Counts labelled by what they count.
/// Counts by receiving provider, labelled with the name people know it by; `-` (none told)
/// as "not identified".
fn by_provider(
    kb: &Knowledge,
    rows: Vec<(&str, u64)>,
    w: &Words,
    lang: Lang,
) -> Vec<(String, u64)> {
    rows.into_iter()
        .map(|(id, n)| {
            let name = match id {
                "-" => w.no_provider,
                id => kb.source_name(id, lang).unwrap_or(id),
            };
            (name.to_string(), n)
        })
        .collect()
}

/// Counts by recipient domain; `-` (no address told) as "no address".
fn by_domain(rows: Vec<(&str, u64)>, w: &Words) -> Vec<(String, u64)> {
    rows.into_iter()
        .map(|(d, n)| (if d == "-" { w.no_domain } else { d }.to_string(), n))
        .collect()
}

/// The report as one self-contained HTML page.
pub fn html(report: &Report, kb: &Knowledge, lang: Lang) -> String {
    let w = words(lang);
    let causes = by_name(kb, report.sender_side(), lang);
    let code = if lang == Lang::Ja { "ja" } else { "en" };
    let days: Vec<(&str, u64, u64)> = report
        .by_day()
        .map(|(d, c)| (d, c.failed, c.deferred))
        .collect();
    page! {
        (DOCTYPE)
        html lang=(code) {
            head {
                meta charset="utf-8";
                title { (w.title) }
                style { (STYLE) }
            }
            body {
                h1 { (w.title) }
                table.totals {
                    tr { th { (w.read) } td { (report.records) } }
                    tr { th { (w.failed) } td #failed { (report.failed) } }
                    tr { th { (w.deferred) } td #deferred { (report.deferred) } }
                    tr { th { (w.other) } td { (report.other) } }
                    tr { th { (w.errors) } td { (report.errors) } }
                }
                section #sender-side {
                    h2 { (w.fix_first) }
                    p { (w.fix_note) }
                    @if causes.is_empty() { p { (w.nothing_to_fix) } }
                    @else { (bars(&causes, "#c0392b")) }
                }
                section #dead {
                    h2 { (w.dead) ": " span.count { (report.dead_addresses) } }
                    p { (w.dead_note) }
                }
                (chart(w.by_reason, "by-reason", &by_name(kb, report.by_reason(), lang), w.none))
                (chart(w.by_provider, "by-provider", &by_provider(kb, report.by_provider(), w, lang), w.none))
                (chart(w.by_domain, "by-domain", &by_domain(report.by_domain(), w), w.none))
                (chart(w.by_party, "by-party", &by_party(kb, report.by_party(), lang), w.none))
                section #by-day {
                    h2 { (w.by_day) }
                    @if days.is_empty() { p { (w.none) } }
                    @else { (timeline(&days, w)) }
                }
            }
        }
    }
    .into_string()
}

const STYLE: &str = "body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}\
table.totals th{text-align:left;padding-right:2em}section{margin-top:2em}\
svg text{font-size:12px;font-family:sans-serif}";

fn chart(title: &str, id: &str, rows: &[(String, u64)], none: &str) -> Markup {
    page! {
        section id=(id) {
            h2 { (title) }
            @if rows.is_empty() { p { (none) } } @else { (bars(rows, "#2c6fbb")) }
        }
    }
}

/// The width of the page's charts, in pixels.
const WIDTH: u64 = 900;

/// About how wide a label is drawn at 12 px: wide (CJK) characters take twice the room.
fn text_width(text: &str) -> u64 {
    text.chars()
        .map(|c| if c.is_ascii() { 7 } else { 12 })
        .sum()
}

/// A horizontal bar chart of the first [`TOP`] rows; the labels get the room the longest
/// needs (up to half the width).
fn bars(rows: &[(String, u64)], colour: &str) -> Markup {
    let rows = &rows[..rows.len().min(TOP)];
    let max = rows.iter().map(|r| r.1).max().unwrap_or(1).max(1);
    let longest = rows.iter().map(|r| text_width(&r.0)).max().unwrap_or(0);
    let label_w = (longest + 10).clamp(120, WIDTH / 2);
    let (bar_w, row_h) = (WIDTH - label_w - 60, 22u64);
    let height = row_h * rows.len() as u64;
    page! {
        svg xmlns="http://www.w3.org/2000/svg" width=(WIDTH) height=(height) {
            @for (i, (name, count)) in rows.iter().enumerate() {
                @let y = i as u64 * row_h;
                text x="0" y=(y + 15) { (name) }
                rect x=(label_w) y=(y + 3) width=(count * bar_w / max) height=(row_h - 6) fill=(colour) {}
                text x=(label_w + count * bar_w / max + 5) y=(y + 15) { (count) }
            }
        }
    }
}

/// Failures and deferrals per day as paired columns, as many as fit the width; a day's
/// date is written under every column when there is room, else under every few.
fn timeline(days: &[(&str, u64, u64)], w: &Words) -> Markup {
    let max = days.iter().map(|d| d.1.max(d.2)).max().unwrap_or(1).max(1);
    let plot_h = 160u64;
    let col = (WIDTH / days.len().max(1) as u64).clamp(4, 28);
    let bar = (col / 2).saturating_sub(1).max(1);
    let every = 24u64.div_ceil(col) as usize;
    let label_y = plot_h + 12;
    page! {
        svg xmlns="http://www.w3.org/2000/svg" width=(WIDTH.max(col * days.len() as u64)) height=(plot_h + 110) {
            @for (i, (day, failed, deferred)) in days.iter().enumerate() {
                @let x = i as u64 * col;
                @let fh = failed * plot_h / max;
                @let dh = deferred * plot_h / max;
                rect x=(x) y=(plot_h - fh) width=(bar) height=(fh) fill="#c0392b" { title { (w.failed) " " (day) ": " (failed) } }
                rect x=(x + bar + 1) y=(plot_h - dh) width=(bar) height=(dh) fill="#e0a030" { title { (w.deferred) " " (day) ": " (deferred) } }
                @if i % every == 0 {
                    text x=(x) y=(label_y) transform=(format!("rotate(60 {x} {label_y})")) { (day) }
                }
            }
            rect x="0" y=(plot_h + 95) width="10" height="10" fill="#c0392b" {}
            text x="14" y=(plot_h + 104) { (w.failed) }
            rect x="120" y=(plot_h + 95) width="10" height="10" fill="#e0a030" {}
            text x="134" y=(plot_h + 104) { (w.deferred) }
        }
    }
}

/// The report as a summary for the terminal.
pub fn text(report: &Report, kb: &Knowledge, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", w.title);
    for (label, n) in [
        (w.read, report.records),
        (w.failed, report.failed),
        (w.deferred, report.deferred),
        (w.other, report.other),
        (w.errors, report.errors),
        (w.dead, report.dead_addresses),
    ] {
        let _ = writeln!(out, "  {label}: {n}");
    }
    let sections = [
        (w.fix_first, by_name(kb, report.sender_side(), lang)),
        (w.by_reason, by_name(kb, report.by_reason(), lang)),
        (
            w.by_provider,
            by_provider(kb, report.by_provider(), w, lang),
        ),
        (w.by_domain, by_domain(report.by_domain(), w)),
        (w.by_party, by_party(kb, report.by_party(), lang)),
    ];
    for (title, rows) in sections {
        let _ = writeln!(out, "\n{title}");
        if rows.is_empty() {
            let _ = writeln!(out, "  {}", w.none);
        }
        for (name, n) in rows.iter().take(TOP) {
            let _ = writeln!(out, "  {n:>7}  {name}");
        }
    }
    let _ = writeln!(out, "\n{} ({} / {})", w.by_day, w.failed, w.deferred);
    for (day, counts) in report.by_day() {
        let _ = writeln!(
            out,
            "  {day}  {:>7} / {:>7}",
            counts.failed, counts.deferred
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> &'static Knowledge {
        Knowledge::shared().unwrap()
    }

    /// A report with every section filled, and the texts of every page of it.
    fn pages() -> Vec<(Lang, String)> {
        let mut full = Report::new();
        for line in [
            r#"{"reason":"userunknown","action":"failed","hard_bounce":true,"party":"recipient","recipient":"a@example.org","provider":"gmail","log":{"outcome":"bounced","last_time":"2024-01-15T10:00:00Z"}}"#,
            r#"{"reason":"blocked","action":"failed","party":"sender-admin","recipient":"b@example.net","log":{"outcome":"bounced","last_time":"2024-01-15T10:00:00Z"}}"#,
            r#"{"reason":"toomanyconn","action":"delayed","party":"sender-admin","recipient":"c@example.net","log":{"outcome":"deferred","last_time":"2024-01-16T10:00:00Z"}}"#,
            r#"{"reason":"delivered","action":"delivered","party":"nobody","log":{"outcome":"delivered"}}"#,
            r#"{"reason":"mailboxfull","action":"failed","party":"recipient","log":{"outcome":"bounced","last_time":"2024-01-17T10:00:00Z"}}"#,
            "not json",
        ] {
            full.push_line(line);
        }
        let empty = Report::new();
        let mut out = Vec::new();
        for lang in [Lang::En, Lang::Ja] {
            for report in [&full, &empty] {
                out.push((lang, html(report, kb(), lang)));
                out.push((lang, text(report, kb(), lang)));
            }
        }
        out
    }

    #[test]
    fn every_text_is_shown_in_both_languages_and_only_in_its_own() {
        let pages = pages();
        for (lang, other) in [(Lang::En, Lang::Ja), (Lang::Ja, Lang::En)] {
            let (mine, theirs) = (words(lang), words(other));
            for (a, b) in mine.all().iter().zip(theirs.all()) {
                assert!(!a.is_empty());
                assert_ne!(*a, b, "the same text in both languages");
            }
            let shown: String = pages
                .iter()
                .filter(|(l, _)| *l == lang)
                .map(|(_, p)| p.as_str())
                .collect();
            for t in mine.all() {
                assert!(shown.contains(t), "{lang}: {t:?} is never shown");
            }
            for t in theirs.all() {
                assert!(!shown.contains(t), "{lang}: {t:?} of {other} is shown");
            }
        }
    }

    #[test]
    fn reasons_are_shown_by_name_beside_their_id() {
        let pages = pages();
        let (en, ja) = (&pages[0].1, &pages[4].1);
        assert!(en.contains("Sending server blocked (blocked)"), "{en}");
        assert!(
            ja.contains("送信サーバーが拒否されている (blocked)"),
            "{ja}"
        );
        let title = &kb().reason(Reason::UserUnknown).title;
        assert!(en.contains(&format!("{} (userunknown)", title.en)));
        assert!(ja.contains(&format!("{} (userunknown)", title.ja)));
        assert!(pages[5].1.contains(&title.ja), "the summary too");
        assert_eq!(reason_label(kb(), "nosuchreason", Lang::Ja), "nosuchreason");
    }

    #[test]
    fn escapes_what_the_records_say() {
        let mut report = Report::new();
        report.push_line(r#"{"reason":"<script>x</script>","action":"failed","party":"sender","recipient":"a@<b>"}"#);
        let page = html(&report, kb(), Lang::En);
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;"));
        assert!(html(&report, kb(), Lang::Ja).contains("まず送信側で直すこと"));
    }
}
