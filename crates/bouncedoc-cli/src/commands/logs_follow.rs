//! `bouncedoc logs --follow FILE`: a growing log read from its start and then as it grows,
//! across rotation; each delivery's story is printed when it ends (a bounce, an expiry, a
//! delivery after deferrals), and the output is flushed every interval. It runs until it
//! is stopped; the stories still open then are not told.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use bouncedoc_core::{Engine, Lang};
use bouncedoc_logs::follow::Follow;
use bouncedoc_logs::reader::{Kind, Lines};
use bouncedoc_logs::record::{LogRecord, record};
use bouncedoc_logs::story::Stories;

use super::logs::{Scope, entry_time};
use crate::render::logs::LogWriter;

/// Follows `path` until the process is stopped (or the output fails).
pub fn run(
    engine: &Engine,
    path: &Path,
    scope: &Scope,
    lang: Lang,
    mut writer: LogWriter,
    interval: Duration,
) -> Result<ExitCode> {
    let name: Arc<str> = path.display().to_string().into();
    let mut follow = Follow::new(path);
    let mut lines = Lines::new(scope.year);
    let mut stories = Stories::new();
    let (mut text, mut entries, mut done) = (Vec::new(), Vec::new(), Vec::new());
    let mut line = 0u64;
    loop {
        let polled = follow
            .poll(&mut text)
            .with_context(|| crate::texts::doing::following(path))?;
        for (i, t) in text.drain(..).enumerate() {
            // A new file's lines (or a truncated one's) are counted from 1 again.
            if polled.restart == Some(i) {
                line = 0;
            }
            line += 1;
            let kind = lines.read(&t, &mut entries);
            if let Kind::Damaged(error) = kind {
                writer.write(&LogRecord::Error {
                    source: name.to_string(),
                    line: Some(line),
                    error,
                })?;
            }
            for entry in entries.drain(..) {
                if scope.within(entry_time(&entry)) {
                    stories.push(&name, line, entry, &mut done);
                }
            }
            for story in done.drain(..) {
                let r = record(engine, story, lang);
                writer.write(&LogRecord::Delivery(Box::new(r)))?;
            }
        }
        writer.finish()?;
        std::thread::sleep(interval);
    }
}
