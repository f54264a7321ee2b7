//! The closing summary of the bulk commands (`parse`, `ingest`): how many messages and
//! recipients, hard and soft bounces apart from the notices that are no failure, the
//! reasons and who must act (by their names in the summary's language), and the top
//! recipient domains and receiving providers.

use std::collections::{BTreeMap, HashMap};

use bouncedoc_core::{Action, Knowledge, Lang, Party, Reason};
use bouncedoc_mail::record::Record;

/// Domains and providers a summary names at most.
pub const TOP: usize = 5;

/// What the summary counts of one record, so that a record can be dropped where it was
/// made and only this travels to the thread that counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tally {
    /// A recipient's diagnosis.
    Recipient {
        /// Its reason.
        reason: Reason,
        /// Who must act.
        party: Party,
        /// Hard, soft, or no failure at all.
        kind: Kind,
        /// The recipient's domain, in lower case.
        domain: Option<String>,
        /// The receiving provider.
        provider: Option<String>,
    },
    /// A message that is not a bounce.
    NotBounce,
    /// A message that could not be read.
    Error,
}

/// How a recipient's diagnosis counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A failure that lasts (`hard_bounce`).
    Hard,
    /// A failure that may pass.
    Soft,
    /// A delay warning, a success report, a complaint, an auto-reply: not a failure.
    NotFailure,
}

impl Tally {
    /// What a record counts as.
    pub fn of(record: &Record) -> Tally {
        match record {
            Record::Recipient(r) => {
                let d = &r.diagnosis;
                // A success report, a complaint or an auto-reply is no failure, whatever
                // action it states.
                let notice = matches!(
                    d.reason,
                    Reason::Delivered | Reason::Feedback | Reason::Vacation
                );
                let kind = match d.action {
                    _ if notice => Kind::NotFailure,
                    Some(Action::Failed) | None if d.hard_bounce => Kind::Hard,
                    Some(Action::Failed) | None => Kind::Soft,
                    Some(_) => Kind::NotFailure,
                };
                Tally::Recipient {
                    reason: d.reason,
                    party: d.party,
                    kind,
                    domain: d
                        .recipient
                        .as_deref()
                        .and_then(|a| a.rsplit_once('@'))
                        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
                        .filter(|d| !d.is_empty()),
                    provider: d.provider.clone(),
                }
            }
            Record::NotBounce { .. } => Tally::NotBounce,
            Record::Error { .. } => Tally::Error,
        }
    }
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
pub struct Summary {
    /// Messages read.
    pub messages: usize,
    /// Recipient diagnoses.
    pub recipients: usize,
    /// Messages that are not bounces.
    pub not_bounces: usize,
    /// Messages that could not be read.
    pub errors: usize,
    /// Hard bounces.
    pub hard: usize,
    /// Soft bounces.
    pub soft: usize,
    /// Delay warnings and other notices that are not failures.
    pub not_failures: usize,
    by_reason: BTreeMap<Reason, usize>,
    by_party: BTreeMap<Party, usize>,
    by_domain: HashMap<String, usize>,
    by_provider: HashMap<String, usize>,
}

/// The counts of `map`, most first, then by key; at most `top`.
fn ranked<K: Ord + Clone>(map: &[(K, usize)], top: usize) -> Vec<(K, usize)> {
    let mut rows = map.to_vec();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows.truncate(top);
    rows
}

/// `n` and a noun, singular or plural (English).
fn count_en(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Summary {
    /// Counts a message.
    pub fn message(&mut self) {
        self.messages += 1;
    }

    /// Counts what a record was.
    pub fn add_tally(&mut self, tally: Tally) {
        match tally {
            Tally::Recipient {
                reason,
                party,
                kind,
                domain,
                provider,
            } => {
                self.recipients += 1;
                match kind {
                    Kind::Hard => self.hard += 1,
                    Kind::Soft => self.soft += 1,
                    Kind::NotFailure => self.not_failures += 1,
                }
                *self.by_reason.entry(reason).or_default() += 1;
                *self.by_party.entry(party).or_default() += 1;
                if let Some(d) = domain {
                    *self.by_domain.entry(d).or_default() += 1;
                }
                if let Some(p) = provider {
                    *self.by_provider.entry(p).or_default() += 1;
                }
            }
            Tally::NotBounce => self.not_bounces += 1,
            Tally::Error => self.errors += 1,
        }
    }

    /// Counts a message and its records.
    pub fn add_message<'r>(&mut self, records: impl IntoIterator<Item = &'r Record>) {
        self.message();
        for r in records {
            self.add_tally(Tally::of(r));
        }
    }

    /// The recipient domains named most, at most [`TOP`].
    pub fn top_domains(&self) -> Vec<(String, usize)> {
        let rows: Vec<_> = self
            .by_domain
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        ranked(&rows, TOP)
    }

    /// The receiving providers named most, at most [`TOP`].
    pub fn top_providers(&self) -> Vec<(String, usize)> {
        let rows: Vec<_> = self
            .by_provider
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        ranked(&rows, TOP)
    }

    /// The first line: messages, recipients, not bounces, unreadable.
    pub fn headline(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "{}: {} diagnosed, {}, {} unreadable",
                count_en(self.messages, "message", "messages"),
                count_en(self.recipients, "recipient", "recipients"),
                count_en(self.not_bounces, "not a bounce", "not bounces"),
                self.errors
            ),
            Lang::Ja => format!(
                "{} 通を処理：宛先 {} 件を診断、エラーメール以外 {} 通、読み取り不能 {} 通",
                self.messages, self.recipients, self.not_bounces, self.errors
            ),
        }
    }

    /// The lines after the first, each indented: hard and soft, reasons, parties, top
    /// domains and providers (a count that has nothing is left out).
    pub fn detail_lines(&self, kb: &Knowledge, lang: Lang) -> Vec<String> {
        let (colon, comma) = match lang {
            Lang::En => (": ", ", "),
            Lang::Ja => ("：", "、"),
        };
        let mut lines = Vec::new();
        if self.recipients > 0 {
            lines.push(match lang {
                Lang::En => format!(
                    "{} (stop mailing), {} (may pass), {} (warnings, complaints, auto-replies and other notices)",
                    count_en(self.hard, "hard bounce", "hard bounces"),
                    count_en(self.soft, "soft bounce", "soft bounces"),
                    count_en(self.not_failures, "not a failure", "not failures")
                ),
                Lang::Ja => format!(
                    "ハードバウンス {} 件（送信をやめる）、ソフトバウンス {} 件（一時的な可能性）、失敗ではない通知 {} 件（遅延の警告、苦情、自動応答など）",
                    self.hard, self.soft, self.not_failures
                ),
            });
        }
        let mut reasons: Vec<_> = self.by_reason.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        // Names a person reads, in their language; the ids are in the records.
        let reasons: Vec<String> = reasons
            .iter()
            .map(|(r, n)| format!("{} {n}", lang.pick(&kb.reason(**r).title)))
            .collect();
        if !reasons.is_empty() {
            lines.push(format!(
                "{}{colon}{}",
                kb.label("field.reason", lang),
                reasons.join(comma)
            ));
        }
        let parties: Vec<String> = self
            .by_party
            .iter()
            .map(|(p, n)| format!("{} {n}", lang.pick(&kb.party(*p).name)))
            .collect();
        if !parties.is_empty() {
            lines.push(format!(
                "{}{colon}{}",
                kb.label("heading.party", lang),
                parties.join(comma)
            ));
        }
        let join = |rows: Vec<(String, usize)>| {
            rows.iter()
                .map(|(k, n)| format!("{} {n}", crate::render::safe::for_person(k)))
                .collect::<Vec<_>>()
                .join(comma)
        };
        let domains = self.top_domains();
        if !domains.is_empty() {
            let title = match lang {
                Lang::En => format!("Top recipient domains (up to {TOP})"),
                Lang::Ja => format!("宛先ドメイン（上位 {TOP} 件）"),
            };
            lines.push(format!("{title}{colon}{}", join(domains)));
        }
        let providers = self.top_providers();
        if !providers.is_empty() {
            let title = match lang {
                Lang::En => format!("Top receiving providers (up to {TOP})"),
                Lang::Ja => format!("受信側のプロバイダー（上位 {TOP} 件）"),
            };
            lines.push(format!("{title}{colon}{}", join(providers)));
        }
        lines
    }

    /// Prints the summary on standard error: the headline, then the details indented.
    pub fn print(&self, kb: &Knowledge, lang: Lang) {
        print_lines(&self.headline(lang), &self.detail_lines(kb, lang));
    }
}

/// Prints a summary's headline (bold on a terminal) and its indented lines on standard
/// error.
pub fn print_lines(headline: &str, details: &[String]) {
    use owo_colors::OwoColorize;
    use std::io::Write;
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{}", headline.bold());
    for line in details {
        let _ = writeln!(err, "  {line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> &'static Knowledge {
        Knowledge::shared().unwrap()
    }

    fn recipient(reason: Reason, kind: Kind, domain: &str, provider: Option<&str>) -> Tally {
        Tally::Recipient {
            reason,
            party: Party::Sender,
            kind,
            domain: Some(domain.into()),
            provider: provider.map(str::to_string),
        }
    }

    fn summary() -> Summary {
        let mut s = Summary::default();
        for i in 0..7 {
            s.message();
            s.add_tally(recipient(
                Reason::UserUnknown,
                Kind::Hard,
                &format!("d{}.example", i % 7),
                Some("gmail"),
            ));
        }
        s.message();
        s.add_tally(recipient(
            Reason::MailboxFull,
            Kind::Soft,
            "d0.example",
            None,
        ));
        s.add_tally(recipient(
            Reason::MailboxFull,
            Kind::NotFailure,
            "d0.example",
            None,
        ));
        s.message();
        s.add_tally(Tally::NotBounce);
        s.message();
        s.add_tally(Tally::Error);
        s
    }

    #[test]
    fn hard_soft_and_the_rest_are_counted_apart() {
        let s = summary();
        assert_eq!((s.messages, s.recipients), (10, 9));
        assert_eq!((s.hard, s.soft, s.not_failures), (7, 1, 1));
        assert_eq!((s.not_bounces, s.errors), (1, 1));
    }

    #[test]
    fn top_domains_and_providers_are_the_five_named_most() {
        let s = summary();
        let domains = s.top_domains();
        assert_eq!(domains.len(), TOP);
        assert_eq!(domains[0], ("d0.example".to_string(), 3));
        assert_eq!(domains[1], ("d1.example".to_string(), 1));
        assert_eq!(s.top_providers(), vec![("gmail".to_string(), 7)]);
    }

    #[test]
    fn the_summary_speaks_each_language_with_names_not_ids() {
        let s = summary();
        let en = [vec![s.headline(Lang::En)], s.detail_lines(kb(), Lang::En)].concat();
        let ja = [vec![s.headline(Lang::Ja)], s.detail_lines(kb(), Lang::Ja)].concat();
        assert_eq!(
            en[0],
            "10 messages: 9 recipients diagnosed, 1 not a bounce, 1 unreadable"
        );
        assert!(en[1].starts_with("7 hard bounces (stop mailing), 1 soft bounce"));
        assert!(ja[1].starts_with("ハードバウンス 7 件"));
        let title = &kb().reason(Reason::UserUnknown).title;
        assert!(en[2].contains(&format!("{} 7", title.en)), "{}", en[2]);
        assert!(ja[2].contains(&format!("{} 7", title.ja)), "{}", ja[2]);
        assert!(
            en.iter()
                .any(|l| l.starts_with("Top recipient domains (up to 5): d0.example 3, "))
        );
        assert!(
            ja.iter()
                .any(|l| l.starts_with("宛先ドメイン（上位 5 件）：d0.example 3、"))
        );
        assert!(
            ja.iter()
                .any(|l| l == "受信側のプロバイダー（上位 5 件）：gmail 7")
        );
        for line in ja.iter().chain(&en) {
            assert!(!line.contains("userunknown"), "{line}");
        }
        let one = {
            let mut s = Summary::default();
            s.add_message(std::iter::empty());
            s
        };
        assert_eq!(
            one.headline(Lang::En),
            "1 message: 0 recipients diagnosed, 0 not bounces, 0 unreadable"
        );
        assert!(one.detail_lines(kb(), Lang::En).is_empty());
    }
}
