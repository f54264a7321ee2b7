//! `bouncedoc ingest --logs`: the failed deliveries of mail servers' logs into the ledger,
//! read as `bouncedoc logs` reads them, one event per story.
//!
//! A story is known by the server that logged it (format and host), the message's queue id,
//! the recipient, the time of its first attempt, and whether it failed or was only delayed:
//! the same story read again (the same log, or the same lines after `logrotate` renamed the
//! file) gives the event it gave before, and nothing new. The file's name is not part of it,
//! for that reason. A story still deferred becomes a delay warning, which never counts
//! towards a suppression; when the same delivery later bounces or expires, that failure is
//! a new event. A delivery that went through after deferrals is not recorded.

use std::process::ExitCode;

use anyhow::Result;
use bouncedoc_core::{Action, Engine, Lang};
use bouncedoc_ledger::{BatchOutcome, Ledger, NewEvent, Policy, message_key, normalize_address};
use bouncedoc_logs::story::Story;
use bouncedoc_logs::{Outcome, record, time};

use super::ingest::IngestArgs;
use super::ingest_record::Recorder;
use super::logs::{Scope, Told, scan};

/// Events recorded per transaction.
const BATCH: usize = 256;

/// What the closing summary counts.
#[derive(Default)]
struct Totals {
    stories: u64,
    delivered: u64,
    errors: u64,
    recorded: BatchOutcome,
}

/// The text that identifies a story, hashed into its key.
fn identity(story: &Story, failed: bool) -> String {
    let e = &story.last;
    [
        "log",
        e.format.mta(),
        e.host.as_deref().unwrap_or(""),
        e.queue_id.as_deref().unwrap_or(""),
        e.recipient.as_deref().unwrap_or(""),
        &story.first_time.map_or(String::new(), |t| t.to_string()),
        if failed { "failed" } else { "delayed" },
    ]
    .join("\n")
}

/// The event of a story: `None` for a delivery that went through. `fallback` is its time
/// when the log gives none.
pub fn event_of(engine: &Engine, story: Story, fallback: i64) -> Result<Option<NewEvent>> {
    let failed = match story.outcome {
        Outcome::Delivered => return Ok(None),
        Outcome::Deferred => false,
        Outcome::Bounced | Outcome::Expired => true,
    };
    let message_key = message_key(identity(&story, failed).as_bytes());
    let occurred_at = story.last_time.or(story.first_time).unwrap_or(fallback);
    let source = format!("{}:{}", story.source, story.line);
    let r = record::record(engine, story, Lang::En);
    let d = r.diagnosis;
    let address = match d.recipient.as_deref() {
        Some(a) => Some(normalize_address(a)?).filter(|a| !a.is_empty()),
        None => None,
    };
    Ok(Some(NewEvent {
        message_key,
        recipient_index: 1,
        address,
        occurred_at,
        reply_code: d.reply_code.map(i64::from),
        status: d.status.map(|s| s.to_string()),
        reason: d.reason,
        hard_bounce: d.hard_bounce && failed,
        retry: d.retry,
        party: d.party,
        // A story still deferred is a delay warning, whatever its words say.
        action: Some(if failed {
            Action::Failed
        } else {
            Action::Delayed
        }),
        feedback_type: None,
        provider: d.provider,
        mta: d.mta,
        diagnostic: d.diagnostic.replace('\0', "\u{fffd}"),
        message_id: None,
        original_message_id: None,
        source: source.replace('\0', "\u{fffd}"),
    }))
}

fn flush(
    (ledger, recorder): (&mut Ledger, &mut Recorder),
    events: &mut Vec<NewEvent>,
    policy: &Policy,
    totals: &mut Totals,
) -> Result<()> {
    if events.is_empty() {
        return Ok(());
    }
    let now = bouncedoc_ledger::time::now();
    let outcome = recorder.record(ledger, std::mem::take(events), policy, now)?;
    totals.recorded.add(outcome);
    Ok(())
}

/// Runs `ingest --logs` into an open ledger, named `name` in the summary.
pub fn run(
    engine: &Engine,
    args: &IngestArgs,
    policy: &Policy,
    mut ledger: Ledger,
    name: &str,
) -> Result<ExitCode> {
    let lang = args.lang();
    let mut recorder = Recorder::new(args.dry_run);
    let scope = Scope {
        year: args.year.unwrap_or_else(time::this_year),
        since: None,
        until: None,
    };
    let now = bouncedoc_ledger::time::now();
    let mut totals = Totals::default();
    let mut events = Vec::with_capacity(BATCH);
    let scanned = scan(&args.paths, &scope, |told| {
        match told {
            Told::Story(story) => {
                totals.stories += 1;
                let source = format!("{}:{}", story.source, story.line);
                match event_of(engine, story, now) {
                    Ok(Some(event)) => events.push(event),
                    Ok(None) => totals.delivered += 1,
                    Err(e) => {
                        totals.errors += 1;
                        if !args.quiet {
                            eprintln!("bouncedoc: {source}: {e}");
                        }
                    }
                }
            }
            Told::Error(e) => {
                totals.errors += 1;
                if !args.quiet
                    && let record::LogRecord::Error {
                        source,
                        line,
                        error,
                    } = e
                {
                    let at = line.map_or(String::new(), |l| format!(":{l}"));
                    let error = crate::texts::log_error(lang, &error);
                    eprintln!("bouncedoc: {source}{at}: {error}");
                }
            }
        }
        if events.len() >= BATCH {
            flush(
                (&mut ledger, &mut recorder),
                &mut events,
                policy,
                &mut totals,
            )?;
        }
        Ok(())
    })?;
    flush(
        (&mut ledger, &mut recorder),
        &mut events,
        policy,
        &mut totals,
    )?;
    let dry_run = recorder.finish(&mut ledger, policy)?;
    if let Some(run) = &dry_run {
        totals.recorded = run.outcome;
    }
    if !args.quiet {
        let held = ledger.counts()?;
        let r = &totals.recorded;
        let lines = scanned.counts.lines;
        let (told, delivered, errors) = (totals.stories, totals.delivered, totals.errors);
        let (events, new, old, suppressed) = (
            r.events,
            r.new_events,
            r.events - r.new_events,
            r.suppressed,
        );
        let (held, suppressions) = (held.events, held.suppressions);
        let line = match lang {
            Lang::En => format!(
                "ingested {lines} log lines into {name}: {told} deliveries told, {events} events ({new} new, {old} already recorded), {delivered} delivered after deferrals (not recorded), {errors} unreadable; {suppressed} addresses newly suppressed; the ledger holds {held} events and {suppressions} suppressions"
            ),
            Lang::Ja => format!(
                "ログ {lines} 行を {name} に記録しました：配送 {told} 件、イベント {events} 件（新規 {new}、記録済み {old}）、保留の後に配送済み {delivered} 件（記録しません）、読めないもの {errors} 件。新たに送信停止にしたアドレス {suppressed}。台帳にはイベント {held} 件、送信停止 {suppressions} 件があります"
            ),
        };
        match &dry_run {
            None => eprintln!("{line}"),
            Some(run) => {
                let held = ledger.counts()?;
                eprintln!("{}", crate::texts::dry_run_note(lang));
                eprintln!(
                    "  {}",
                    crate::texts::would_suppress(
                        lang,
                        run.would_suppress.len(),
                        held.events,
                        held.suppressions
                    )
                );
            }
        }
    }
    Ok(if totals.errors > 0 {
        ExitCode::from(super::EXIT_UNRECOGNIZED)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::Reason;
    use bouncedoc_logs::{Event, Format};

    fn story(outcome: Outcome, first: i64, last: i64) -> Story {
        let mut e = Event::new(Format::Postfix, outcome);
        e.host = Some("mail".into());
        e.queue_id = Some("4F9D1C2A3B".into());
        e.recipient = Some("Bob@Example.org".into());
        e.dsn = Some(
            if outcome == Outcome::Bounced {
                "5.1.1"
            } else {
                "4.7.1"
            }
            .into(),
        );
        e.reply = Some(if outcome == Outcome::Bounced {
            "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown".into()
        } else {
            "451 4.7.1 Greylisted, try again later".into()
        });
        Story {
            source: "maillog".into(),
            line: 7,
            first_time: Some(first),
            last_time: Some(last),
            attempts: 2,
            deferrals: 1,
            outcome,
            last: e,
        }
    }

    #[test]
    fn a_failure_is_an_event_keyed_without_the_file() {
        let engine = Engine::new().unwrap();
        let e = event_of(&engine, story(Outcome::Bounced, 100, 200), 0)
            .unwrap()
            .unwrap();
        assert_eq!(e.address.as_deref(), Some("bob@example.org"));
        assert_eq!(e.reason, Reason::UserUnknown);
        assert!(e.hard_bounce);
        assert_eq!(e.action, Some(Action::Failed));
        assert_eq!((e.occurred_at, e.recipient_index), (200, 1));
        assert_eq!(e.source, "maillog:7");
        let mut rotated = story(Outcome::Bounced, 100, 200);
        rotated.source = "maillog.1".into();
        let again = event_of(&engine, rotated, 0).unwrap().unwrap();
        assert_eq!(again.message_key, e.message_key);
        let other = event_of(&engine, story(Outcome::Bounced, 101, 200), 0)
            .unwrap()
            .unwrap();
        assert_ne!(other.message_key, e.message_key);
    }

    #[test]
    fn a_deferral_is_a_warning_and_its_failure_another_event() {
        let engine = Engine::new().unwrap();
        let delayed = event_of(&engine, story(Outcome::Deferred, 100, 150), 0)
            .unwrap()
            .unwrap();
        assert_eq!(delayed.action, Some(Action::Delayed));
        assert!(!delayed.hard_bounce);
        let longer = event_of(&engine, story(Outcome::Deferred, 100, 900), 0)
            .unwrap()
            .unwrap();
        assert_eq!(longer.message_key, delayed.message_key);
        let expired = event_of(&engine, story(Outcome::Expired, 100, 900), 0)
            .unwrap()
            .unwrap();
        assert_eq!(expired.action, Some(Action::Failed));
        assert_ne!(expired.message_key, delayed.message_key);
        assert!(
            event_of(&engine, story(Outcome::Delivered, 100, 900), 0)
                .unwrap()
                .is_none()
        );
    }
}
