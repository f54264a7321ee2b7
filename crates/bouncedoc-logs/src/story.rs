//! One story per delivery: a recipient's repeated deferrals are tied together by the
//! message's id and the recipient, and told once, with what became of them in the end.
//!
//! A story is told when it ends (a failure, the end of the message's lifetime, a delivery
//! after deferrals, the message leaving the queue) or, for those still open, when the input
//! ends. A delivery that went through at the first attempt tells nothing. Memory holds the
//! open stories only, and at most [`MAX_OPEN`] of them: past that, the oldest half are told
//! as still deferred.

use std::sync::Arc;

use foldhash::HashMap;

use crate::event::{Entry, Event, Format, Outcome};

/// The most stories kept open at once.
pub const MAX_OPEN: usize = 200_000;

/// What became of one delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The input it was read from.
    pub source: Arc<str>,
    /// The line of its first attempt, from 1.
    pub line: u64,
    /// When it started.
    pub first_time: Option<i64>,
    /// When it was last heard of (its end, for one that ended).
    pub last_time: Option<i64>,
    /// Attempts logged.
    pub attempts: u32,
    /// Of which deferrals.
    pub deferrals: u32,
    /// Its end; `Deferred` when it had not ended when the log did.
    pub outcome: Outcome,
    /// The facts of its last failed attempt: the one the diagnosis explains (for one that
    /// expired, its last deferral).
    pub last: Event,
}

impl Story {
    fn new(source: &Arc<str>, line: u64, event: Event) -> Story {
        Story {
            source: source.clone(),
            line,
            first_time: event.time,
            last_time: event.time,
            attempts: 1,
            deferrals: u32::from(event.outcome == Outcome::Deferred),
            outcome: event.outcome,
            last: event,
        }
    }
}

/// The open stories.
#[derive(Debug, Default)]
pub struct Stories {
    /// By format and message id ("" when the log gives none), then by recipient.
    open: HashMap<(Format, String), Vec<Story>>,
    count: usize,
}

impl Stories {
    /// No open stories.
    pub fn new() -> Stories {
        Stories::default()
    }

    /// How many stories are open.
    pub fn open(&self) -> usize {
        self.count
    }

    /// Takes one entry, read from line `line` of `source`; the stories it ends go to `done`.
    pub fn push(&mut self, source: &Arc<str>, line: u64, entry: Entry, done: &mut Vec<Story>) {
        match entry {
            Entry::Attempt(event) => self.attempt(source, line, event, done),
            Entry::QueueGone {
                format,
                queue_id,
                time,
                expired,
            } => {
                if let Some(stories) = self.open.remove(&(format, queue_id)) {
                    self.count -= stories.len();
                    for mut story in stories {
                        if expired {
                            story.outcome = Outcome::Expired;
                        }
                        story.last_time = time.or(story.last_time);
                        done.push(story);
                    }
                }
            }
        }
    }

    fn attempt(&mut self, source: &Arc<str>, line: u64, event: Event, done: &mut Vec<Story>) {
        let key = (event.format, event.queue_id.clone().unwrap_or_default());
        let stories = self.open.get_mut(&key);
        let at = stories
            .as_ref()
            .and_then(|s| s.iter().position(|s| s.last.recipient == event.recipient));
        match (stories, at) {
            (Some(stories), Some(at)) => {
                let story = &mut stories[at];
                story.attempts += 1;
                story.last_time = event.time.or(story.last_time);
                story.outcome = event.outcome;
                match event.outcome {
                    Outcome::Deferred => {
                        story.deferrals += 1;
                        story.last = event;
                        return;
                    }
                    // The end of the lifetime says only that: the last deferral's words
                    // are the cause.
                    Outcome::Delivered | Outcome::Expired => {}
                    Outcome::Bounced => story.last = event,
                }
                let story = stories.swap_remove(at);
                if stories.is_empty() {
                    self.open.remove(&key);
                }
                self.count -= 1;
                done.push(story);
            }
            (stories, _) => match event.outcome {
                Outcome::Delivered => {}
                Outcome::Bounced | Outcome::Expired => done.push(Story::new(source, line, event)),
                Outcome::Deferred => {
                    let story = Story::new(source, line, event);
                    match stories {
                        Some(s) => s.push(story),
                        None => {
                            self.open.insert(key, vec![story]);
                        }
                    }
                    self.count += 1;
                    if self.count > MAX_OPEN {
                        self.spill(done);
                    }
                }
            },
        }
    }

    /// Tells the older half of the open stories as they stand.
    fn spill(&mut self, done: &mut Vec<Story>) {
        let mut lines: Vec<(u64, &Arc<str>)> = self
            .open
            .values()
            .flatten()
            .map(|s| (s.line, &s.source))
            .collect();
        lines.sort_unstable();
        let cut = lines[lines.len() / 2].0;
        let mut spilled = Vec::new();
        self.open.retain(|_, stories| {
            let (old, young): (Vec<Story>, Vec<Story>) =
                stories.drain(..).partition(|s| s.line < cut);
            spilled.extend(old);
            *stories = young;
            !stories.is_empty()
        });
        self.count -= spilled.len();
        spilled.sort_by_key(|s| s.line);
        done.extend(spilled);
    }

    /// Tells the stories still open, in the order they started.
    pub fn finish(self, done: &mut Vec<Story>) {
        let mut rest: Vec<Story> = self.open.into_values().flatten().collect();
        rest.sort_by(|a, b| (&a.source, a.line).cmp(&(&b.source, b.line)));
        done.extend(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(qid: &str, rcpt: &str, outcome: Outcome, time: i64) -> Entry {
        let mut e = Event::new(Format::Postfix, outcome);
        e.queue_id = Some(qid.into());
        e.recipient = Some(rcpt.into());
        e.time = Some(time);
        e.reply = Some(format!("{outcome:?} at {time}"));
        Entry::Attempt(e)
    }

    #[test]
    fn deferrals_then_a_bounce_are_one_story() {
        let src: Arc<str> = "maillog".into();
        let mut s = Stories::new();
        let mut done = Vec::new();
        for t in 0..50 {
            s.push(
                &src,
                t + 1,
                event("Q1", "bob@example.org", Outcome::Deferred, t as i64),
                &mut done,
            );
        }
        s.push(
            &src,
            51,
            event("Q1", "carol@example.org", Outcome::Deferred, 60),
            &mut done,
        );
        assert!(done.is_empty());
        s.push(
            &src,
            52,
            event("Q1", "bob@example.org", Outcome::Bounced, 100),
            &mut done,
        );
        assert_eq!(done.len(), 1);
        let story = &done[0];
        assert_eq!((story.line, story.attempts, story.deferrals), (1, 51, 50));
        assert_eq!((story.first_time, story.last_time), (Some(0), Some(100)));
        assert_eq!(story.outcome, Outcome::Bounced);
        assert_eq!(story.last.reply.as_deref(), Some("Bounced at 100"));
        assert_eq!(s.open(), 1);
    }

    #[test]
    fn expiry_delivery_and_the_end_of_the_log() {
        let src: Arc<str> = "maillog".into();
        let mut s = Stories::new();
        let mut done = Vec::new();
        s.push(
            &src,
            1,
            event("Q1", "a@example.org", Outcome::Deferred, 1),
            &mut done,
        );
        s.push(
            &src,
            2,
            event("Q1", "b@example.org", Outcome::Deferred, 1),
            &mut done,
        );
        s.push(
            &src,
            3,
            event("Q2", "c@example.org", Outcome::Deferred, 1),
            &mut done,
        );
        s.push(
            &src,
            4,
            event("Q2", "c@example.org", Outcome::Delivered, 9),
            &mut done,
        );
        s.push(
            &src,
            5,
            event("Q3", "d@example.org", Outcome::Delivered, 9),
            &mut done,
        );
        s.push(
            &src,
            6,
            event("Q4", "e@example.org", Outcome::Deferred, 9),
            &mut done,
        );
        s.push(
            &src,
            7,
            Entry::QueueGone {
                format: Format::Postfix,
                queue_id: "Q1".into(),
                time: Some(20),
                expired: true,
            },
            &mut done,
        );
        let outcomes: Vec<Outcome> = done.iter().map(|s| s.outcome).collect();
        assert_eq!(
            outcomes,
            [Outcome::Delivered, Outcome::Expired, Outcome::Expired]
        );
        assert_eq!(done[0].last.reply.as_deref(), Some("Deferred at 1"));
        assert_eq!(done[1].last_time, Some(20));
        done.clear();
        s.finish(&mut done);
        assert_eq!(done.len(), 1);
        assert_eq!((done[0].line, done[0].outcome), (6, Outcome::Deferred));
    }

    #[test]
    fn open_stories_are_bounded() {
        let src: Arc<str> = "maillog".into();
        let mut s = Stories::new();
        let mut done = Vec::new();
        for n in 0..(MAX_OPEN as u64 + 1) {
            s.push(
                &src,
                n + 1,
                event(&format!("Q{n}"), "a@example.org", Outcome::Deferred, 0),
                &mut done,
            );
        }
        assert!(s.open() <= MAX_OPEN / 2 + 1);
        assert_eq!(done.len() + s.open(), MAX_OPEN + 1);
        assert_eq!(done[0].line, 1);
    }
}
