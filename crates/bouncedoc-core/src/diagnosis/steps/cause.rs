//! Step 2: the cause. The reason a report states in its own fields, else the rule whose
//! wording explains the words best, else the reason the codes alone suggest.

use super::super::guess::Guess;
use super::super::observation::ReportKind;
use super::super::{Observation, Words};
use super::codes::Codes;
use crate::knowledge::schema::FieldDoc;
use crate::knowledge::{Hit, Knowledge, Rule};
use crate::reply::{self, Normalized};
use crate::status::StatusCode;
use crate::vocab::{Reason, SmtpCommand};

/// A rule that matched, with the words it matched as written.
#[derive(Debug, Clone)]
pub(crate) struct RuleMatch<'k> {
    pub rule: &'k Rule,
    /// The matched words as the input wrote them.
    pub text: String,
}

/// What a report states outright, so that the words are not read for a reason.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stated {
    /// The kind of report decides (a feedback report, an auto-reply).
    Report(ReportKind),
    /// A report field's value (`knowledge/report-fields.toml`).
    Field(&'static FieldDoc),
}

/// The cause, as far as the words, the codes and the report's own fields tell it.
#[derive(Debug, Clone)]
pub(crate) struct Cause<'k> {
    /// The reason.
    pub reason: Reason,
    /// The rule whose wording decided, if one did.
    pub rule: Option<RuleMatch<'k>>,
    /// What the report states, when it decided.
    pub stated: Option<Stated>,
    /// A wording that only sums the failure up and did not decide, because a rule that
    /// names a cause or a specific status code outweighed it: context, not the cause.
    pub summary: Option<RuleMatch<'k>>,
    /// The reason the codes alone suggest.
    pub from_code: Option<Reason>,
    /// The SMTP command the refusal answered, as stated or as the words say.
    pub command: Option<SmtpCommand>,
    /// The best guess, when nothing else gave a reason (made after the context is read:
    /// [`super::super::guess::replace`]).
    pub guess: Option<Guess>,
}

/// Finds the cause of one delivery.
pub(crate) fn find<'k>(
    kb: &'k Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    codes: &Codes,
) -> Cause<'k> {
    let command = obs
        .command
        .or_else(|| reply::find_command(words.text.as_str()));
    let from_code = code_reason(kb, codes.status, codes.reply_code);
    let stated = stated(kb, obs);
    let rule = match stated {
        Some(_) => None,
        None => best_rule(kb, words, obs, codes.status, command),
    };
    let (rule, summary) = match rule {
        Some(m) if code_outweighs(m.rule, codes, from_code) => (None, Some(m)),
        Some(m) if m.rule.names_cause() => {
            let summary = outweighed_summary(kb, words, obs, codes.status, command);
            (Some(m), summary)
        }
        other => (other, None),
    };
    let reason = match stated {
        Some(Stated::Report(ReportKind::Feedback)) => Some(Reason::Feedback),
        Some(Stated::Report(_)) => Some(Reason::Vacation),
        Some(Stated::Field(f)) => f.reason.parse().ok(),
        None => None,
    }
    .or(rule.as_ref().map(|m| m.rule.reason))
    .or(from_code)
    .unwrap_or(Reason::Undefined);
    Cause {
        reason,
        rule,
        stated,
        summary,
        from_code,
        command,
        guess: None,
    }
}

/// What the report states outright: its kind, or one of its fields' values.
fn stated(kb: &Knowledge, obs: &Observation<'_>) -> Option<Stated> {
    if matches!(obs.report, ReportKind::Feedback | ReportKind::AutoReply) {
        return Some(Stated::Report(obs.report));
    }
    let has_words = !obs.text.trim().is_empty();
    obs.fields.iter().find_map(|field| {
        kb.docs
            .report_fields
            .field
            .iter()
            .find(|doc| {
                doc.name == field.name
                    && (!doc.only_without_words || !has_words)
                    && doc
                        .values
                        .iter()
                        .any(|v| v.eq_ignore_ascii_case(field.value.trim()))
            })
            .map(Stated::Field)
    })
}

/// Whether the codes' reason outweighs the rule the words matched. The codes are a prior
/// that words override only when they name a cause: a wording that only sums the failure up
/// (`specificity = "summary"`: "giving up", "retry timeout exceeded") gives way to a
/// specific status code (neither its subject nor its detail 0) that suggests another reason,
/// and stays context. A vague code, or a reply code alone, says less than such words.
fn code_outweighs(rule: &Rule, codes: &Codes, from_code: Option<Reason>) -> bool {
    !rule.names_cause()
        && codes.specific_status().is_some()
        && from_code.is_some_and(|r| r != rule.reason)
}

/// The longest summary in the words (`specificity = "summary"`) that applies, when a rule
/// that names a cause decided.
fn outweighed_summary<'k>(
    kb: &'k Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    status: Option<StatusCode>,
    command: Option<SmtpCommand>,
) -> Option<RuleMatch<'k>> {
    words
        .rule_hits()
        .iter()
        .filter(|hit| {
            let rule = &kb.rules[hit.entry];
            !rule.names_cause()
                && !rule.doc.subject
                && rule.applies_to(status)
                && rule.applies_at(command)
                && rule.applies_under(obs.server)
        })
        .max_by_key(|hit| (hit.len(), std::cmp::Reverse(hit.start)))
        .map(|hit| RuleMatch {
            rule: &kb.rules[hit.entry],
            text: words.span(hit).to_string(),
        })
}

/// Picks the rule that explains the text best: a rule that names a cause over one that only
/// sums the failure up (see [`Rule::names_cause`]), then by tier (see [`Rule::tier`]), then
/// the longest match, then the earliest. Rules limited to the Subject are read there.
fn best_rule<'k>(
    kb: &'k Knowledge,
    words: &Words,
    obs: &Observation<'_>,
    status: Option<StatusCode>,
    command: Option<SmtpCommand>,
) -> Option<RuleMatch<'k>> {
    let applies = |rule: &Rule| {
        rule.applies_to(status) && rule.applies_at(command) && rule.applies_under(obs.server)
    };
    let mut best: Option<(&Rule, Hit, bool)> = None;
    let mut consider = |rule: &'k Rule, hit: Hit, in_subject: bool| {
        let better = match best {
            None => true,
            Some((b, bh, _)) => {
                (
                    rule.names_cause(),
                    rule.tier(),
                    hit.len(),
                    std::cmp::Reverse(hit.start),
                ) > (
                    b.names_cause(),
                    b.tier(),
                    bh.len(),
                    std::cmp::Reverse(bh.start),
                )
            }
        };
        if better {
            best = Some((rule, hit, in_subject));
        }
    };
    for hit in words.rule_hits() {
        let rule = &kb.rules[hit.entry];
        if !rule.doc.subject && applies(rule) {
            consider(rule, *hit, false);
        }
    }
    // The Subject is read only for a format that has rules there.
    let subject = obs
        .subject
        .filter(|_| obs.server.is_some_and(|s| kb.has_subject_rules(s)))
        .map(|s| (s, Normalized::new(s)));
    if let Some((_, normalized)) = &subject {
        for hit in kb.match_text(normalized).rules {
            let rule = &kb.rules[hit.entry];
            if rule.doc.subject && applies(rule) {
                consider(rule, hit, true);
            }
        }
    }
    let (rule, hit, in_subject) = best?;
    let text = match (&subject, in_subject) {
        (Some((source, normalized)), true) => normalized.source_span(source, hit.start, hit.end),
        _ => words.span(&hit),
    }
    .to_string();
    Some(RuleMatch { rule, text })
}

/// The reason a code alone suggests: the status code's, else the reply code's.
fn code_reason(
    kb: &Knowledge,
    status: Option<StatusCode>,
    reply_code: Option<u16>,
) -> Option<Reason> {
    if status.is_some_and(|s| s.class == 2) {
        return Some(Reason::Delivered);
    }
    let from_status = status
        .and_then(|s| kb.enhanced_code(s))
        .and_then(|d| d.reason.as_deref());
    let from_reply = || {
        reply_code
            .and_then(|c| kb.reply_code(c))
            .and_then(|d| d.reason.as_deref())
    };
    // A status code that is only a class (X.0.0) says less than the reply code beside it.
    let from_status = from_status.or_else(|| {
        if status.is_none_or(|s| s.is_generic()) {
            from_reply()
        } else {
            None
        }
    });
    from_status.and_then(|r| r.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::super::codes;
    use super::*;

    fn kb() -> &'static Knowledge {
        Knowledge::shared().expect("knowledge loads")
    }

    /// The reason and the deciding rule of `text`, with a report's `Status:` when given.
    fn cause_of(text: &str, field: Option<&str>) -> (Reason, Option<&'static str>) {
        let kb = kb();
        let words = Words::read(kb, text);
        let obs = Observation {
            text,
            status: field.map(|s| s.parse().unwrap()),
            ..Observation::default()
        };
        let codes = codes::choose(&words, &obs);
        let cause = find(kb, &words, &obs, &codes);
        (cause.reason, cause.rule.map(|m| m.rule.doc.id.as_str()))
    }

    #[test]
    fn the_summaries_of_the_servers_name_no_cause() {
        for id in [
            "exim-retry-timeout",
            "qmail-queue-too-long",
            "sendmail-queue-timeout",
            "expired-retry-period",
            "systemerror-transaction-failed",
        ] {
            let rule = kb().rule(id).expect(id);
            assert!(!rule.names_cause(), "{id}");
        }
        assert!(kb().rule("mailboxfull-mailbox-full").unwrap().names_cause());
    }

    /// A summary alone still decides: the expiry is all the words tell.
    #[test]
    fn a_summary_alone_decides() {
        // notqmail qmail-send.c writes this line when a message leaves the queue unsent.
        let qmail = "I'm not going to try again; this message has been in the queue too long.";
        assert_eq!(cause_of(qmail, None).0, Reason::Expired);
        // exim src/src/transports/smtp.c ("retry time not reached for any host after a long
        // failure period", when delay_after_cutoff is set).
        let exim =
            "kenji@example.jp: retry time not reached for any host after a long failure period";
        assert_eq!(cause_of(exim, None).0, Reason::Expired);
    }

    /// A named cause beside the summary of the server that gave up is the cause.
    #[test]
    fn a_named_cause_beats_the_summary_beside_it() {
        let cases = [
            // notqmail qmail-send.c: the last error, then "I'm not going to try again".
            (
                "<taro@example.jp>: 552 sorry, mailbox full. I'm not going to try again; this message has been in the queue too long.",
                Reason::MailboxFull,
            ),
            // exim src/src/retry.c appends "retry timeout exceeded" to the last error.
            (
                "host mx.example.jp [192.0.2.9]: 550 Spam message rejected: retry timeout exceeded",
                Reason::SpamDetected,
            ),
            // exim src/src/transports/smtp.c, after a user-unknown answer.
            (
                "550 <hanako@example.jp>: user unknown; retry time not reached for any host after a long failure period",
                Reason::UserUnknown,
            ),
            // sendmail sendmail/envelope.c ("Cannot send message for %s") after the deferral.
            (
                "kijitora... Deferred: 452 4.2.2 Mailbox full\nMessage could not be delivered for 5 days",
                Reason::MailboxFull,
            ),
            (
                "554 5.4.7 <jiro@example.jp>... Host unknown (Name server: mx.example.jp: host not found). Cannot send message for 5 days",
                Reason::HostUnknown,
            ),
            // A summary line of the kind: the full mailbox is the cause.
            (
                "550 5.2.2 <a@example.com>: mailbox full; giving up, the message was too long in the queue",
                Reason::MailboxFull,
            ),
        ];
        for (text, want) in cases {
            let (reason, rule) = cause_of(text, None);
            assert_eq!(reason, want, "{text} (rule {rule:?})");
            let rule = rule.expect("a rule decides");
            assert!(kb().rule(rule).unwrap().names_cause(), "{text}: {rule}");
        }
    }

    /// The codes are a prior: a specific status code outweighs words that only sum the
    /// failure up, and the summary stays context.
    #[test]
    fn a_specific_code_outweighs_a_summary() {
        let cases = [
            (
                "550 5.2.2 <taro@example.jp>: retry time not reached for any host after a long failure period",
                None,
                Reason::MailboxFull,
            ),
            // The code stated by the report's Status field, the summary in the words.
            (
                "I'm not going to try again; this message has been in the queue too long.",
                Some("5.1.1"),
                Reason::UserUnknown,
            ),
            // OpenSMTPD's summary ("Transaction failed") beside a specific code.
            ("550 5.2.2 Transaction failed", None, Reason::MailboxFull),
            // A refusal of the recipient that says no more than that.
            ("550 5.2.2 Recipient rejected", None, Reason::MailboxFull),
        ];
        for (text, field, want) in cases {
            let (reason, rule) = cause_of(text, field);
            assert_eq!(reason, want, "{text}");
            assert_eq!(rule, None, "{text}: the summary must not decide");
        }
        // A vague code says less than the summary.
        let (reason, rule) = cause_of("554 5.0.0 retry timeout exceeded", None);
        assert_eq!(
            (reason, rule),
            (Reason::Expired, Some("exim-retry-timeout"))
        );
        // A code whose reason is the summary's own keeps the rule, and its note.
        let (reason, rule) = cause_of(
            "554 5.4.7 Maximum number of delivery attempts (18) has been reached.",
            None,
        );
        assert_eq!(
            (reason, rule),
            (Reason::Expired, Some("expired-retry-period"))
        );
    }

    /// The summary that did not decide is kept as context, with its words.
    #[test]
    fn the_outweighed_summary_is_kept_as_context() {
        let kb = kb();
        let summary_of = |text: &str| {
            let words = Words::read(kb, text);
            let obs = Observation {
                text,
                ..Observation::default()
            };
            let codes = codes::choose(&words, &obs);
            find(kb, &words, &obs, &codes).summary.map(|m| m.text)
        };
        assert_eq!(
            summary_of("452 4.2.2 <taro@example.jp>: Mailbox full. Cannot send message for 5 days")
                .as_deref(),
            Some("Cannot send message for 5 days")
        );
        assert_eq!(
            summary_of("550 5.2.2 <taro@example.jp>: retry timeout exceeded").as_deref(),
            Some("retry timeout exceeded")
        );
        // A summary that decides is not context; words without one have none.
        assert_eq!(summary_of("taro@example.jp: retry timeout exceeded"), None);
        assert_eq!(summary_of("552 5.2.2 Mailbox full"), None);
    }

    /// Words that name a cause override the codes' prior, whatever the code says.
    #[test]
    fn words_that_name_a_cause_override_the_code() {
        assert_eq!(
            cause_of("550 5.1.1 <taro@example.jp>: Mailbox full", None).0,
            Reason::MailboxFull
        );
        assert_eq!(
            cause_of("452 4.1.1 <taro@example.jp>: user unknown", None).0,
            Reason::UserUnknown
        );
        // Words that name nothing leave the code's reason.
        assert_eq!(
            cause_of("550 5.2.2 delivery failed", None),
            (Reason::MailboxFull, None)
        );
    }
}
