//! Publishing raw messages onto a stream: the stream made when missing, each message with
//! its content hash as `Nats-Msg-Id`, many publishes in flight at once.

use std::collections::VecDeque;
use std::time::Duration;

use async_nats::jetstream::context::{PublishAckFuture, PublishErrorKind};
use async_nats::jetstream::message::PublishMessage;
use async_nats::jetstream::stream::{Config, RetentionPolicy};
use async_nats::jetstream::{self, Context};
use bouncedoc_ledger::{canonical, message_key};

use crate::envelope::Envelope;
use crate::{QueueError, check_stream_name, subject_of};

/// The de-duplication window of a stream `bouncedoc publish` creates, unless told otherwise.
pub const DEFAULT_DUPLICATE_WINDOW: Duration = Duration::from_secs(2 * 60 * 60);

/// Publishes awaiting JetStream's acknowledgement at most, before the next waits.
const IN_FLIGHT: usize = 256;

/// Makes the stream when it does not exist: subject [`subject_of`] its name, kept on disk,
/// work-queue retention (a message is removed once a worker has acknowledged it), and the
/// given de-duplication window. An existing stream is used as it is.
pub async fn ensure_stream(
    js: &Context,
    name: &str,
    duplicate_window: Duration,
) -> Result<jetstream::stream::Stream, QueueError> {
    check_stream_name(name)?;
    js.get_or_create_stream(Config {
        name: name.to_string(),
        subjects: vec![subject_of(name)],
        retention: RetentionPolicy::WorkQueue,
        duplicate_window,
        ..Config::default()
    })
    .await
    .map_err(|e| QueueError::js("creating the stream", e))
}

/// The id JetStream de-duplicates by: the ledger's key of the message (`sha256:` and the
/// hash of its bytes with line ends made LF), so that a copy is dropped by the stream and,
/// past the window, recorded once by the ledger.
pub fn message_id(bytes: &[u8]) -> String {
    message_key(&canonical(bytes))
}

/// Sends one message with its envelope's headers and de-duplication id `id`; the stream's
/// acknowledgement is to be awaited by the caller. A message over the server's
/// `max_payload` is [`QueueError::TooLarge`].
async fn send(
    js: &Context,
    subject: &str,
    envelope: &Envelope,
    id: String,
    bytes: Vec<u8>,
) -> Result<PublishAckFuture, QueueError> {
    let size = bytes.len();
    let message = PublishMessage::build()
        .headers(envelope.headers())
        .message_id(id)
        .payload(bytes.into());
    js.send_publish(subject.to_string(), message)
        .await
        .map_err(|e| match e.kind() {
            PublishErrorKind::MaxPayloadExceeded => QueueError::TooLarge(size),
            _ => QueueError::js("publishing", e),
        })
}

/// What a publisher did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    /// Messages the stream took.
    pub stored: u64,
    /// Messages the stream dropped as copies of one within its window.
    pub duplicates: u64,
}

/// Publishes messages onto one stream, with up to [`IN_FLIGHT`] awaiting their
/// acknowledgement.
pub struct Publisher {
    js: Context,
    subject: String,
    pending: VecDeque<PublishAckFuture>,
    done: Published,
}

impl Publisher {
    /// A publisher onto `stream`, which it makes when missing (see [`ensure_stream`]).
    pub async fn new(
        js: Context,
        stream: &str,
        duplicate_window: Duration,
    ) -> Result<Publisher, QueueError> {
        ensure_stream(&js, stream, duplicate_window).await?;
        Ok(Publisher {
            js,
            subject: subject_of(stream),
            pending: VecDeque::new(),
            done: Published::default(),
        })
    }

    /// Publishes one message. It is acknowledged by the stream later: [`Publisher::finish`]
    /// waits for all.
    pub async fn publish(&mut self, envelope: &Envelope, bytes: Vec<u8>) -> Result<(), QueueError> {
        if self.pending.len() >= IN_FLIGHT {
            self.settle_one().await?;
        }
        let id = message_id(&bytes);
        let ack = send(&self.js, &self.subject, envelope, id, bytes).await?;
        self.pending.push_back(ack);
        Ok(())
    }

    async fn settle_one(&mut self) -> Result<(), QueueError> {
        if let Some(ack) = self.pending.pop_front() {
            let ack = ack
                .await
                .map_err(|e| QueueError::js("waiting for the stream's acknowledgement", e))?;
            if ack.duplicate {
                self.done.duplicates += 1;
            } else {
                self.done.stored += 1;
            }
        }
        Ok(())
    }

    /// Waits until the stream has acknowledged every message published so far: they are on
    /// the stream (or were copies of messages on it) once this returns.
    pub async fn settle(&mut self) -> Result<Published, QueueError> {
        while !self.pending.is_empty() {
            self.settle_one().await?;
        }
        Ok(self.done)
    }

    /// Waits until the stream has acknowledged every message published.
    pub async fn finish(mut self) -> Result<Published, QueueError> {
        self.settle().await
    }
}

/// Puts sending services' verified webhook bodies onto a stream, one publish at a time,
/// each awaited: a service is answered only once the stream has its body. Shared by the
/// requests of `bouncedoc serve --publish-nats`.
#[derive(Clone)]
pub struct WebhookPublisher {
    js: Context,
    subject: String,
}

impl std::fmt::Debug for WebhookPublisher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookPublisher")
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

impl WebhookPublisher {
    /// A publisher onto `stream`, which it makes when missing (see [`ensure_stream`]).
    pub async fn new(js: Context, stream: &str) -> Result<WebhookPublisher, QueueError> {
        ensure_stream(&js, stream, DEFAULT_DUPLICATE_WINDOW).await?;
        Ok(WebhookPublisher {
            js,
            subject: subject_of(stream),
        })
    }

    /// Publishes the body of `service`'s webhook, received at `now`, with
    /// `webhook:<service>:` and the hash of the body as its de-duplication id (the same post
    /// again is dropped by the stream; its events are keyed by their own ids in the
    /// ledger). Returns whether the stream had it already.
    pub async fn publish(
        &self,
        service: &str,
        body: Vec<u8>,
        now: i64,
    ) -> Result<bool, QueueError> {
        let envelope = Envelope {
            origin: bouncedoc_mail::record::Origin {
                source: format!("webhook:{service}"),
                index: None,
            },
            fallback_time: now,
            webhook: Some(service.to_string()),
        };
        let id = format!("webhook:{service}:{}", message_id(&body));
        let ack = send(&self.js, &self.subject, &envelope, id, body)
            .await?
            .await
            .map_err(|e| QueueError::js("waiting for the stream's acknowledgement", e))?;
        Ok(ack.duplicate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_ledger_key_whatever_the_line_ends() {
        let lf = message_id(b"Subject: x\n\nbody\n");
        assert_eq!(lf, message_id(b"Subject: x\r\n\r\nbody\r\n"));
        assert!(lf.starts_with("sha256:"));
        assert_ne!(lf, message_id(b"Subject: y\n\nbody\n"));
    }
}
