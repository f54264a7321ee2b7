//! The progress bar of `parse` and `ingest` on large inputs: bytes read of the inputs' total
//! size (so that one large mbox shows its progress as well as many files do), messages
//! read, speed and time left, in the run's language, on standard error.
//!
//! It is shown when standard error is a terminal and the inputs are large (at least
//! [`MIN_BYTES`] or more than [`MIN_FILES`] files), and for `parse` only when its records do
//! not go to that terminal too. `BOUNCEDOC_PROGRESS=always` shows it whatever the output
//! (on a terminal as a bar; elsewhere as plain lines, at most one a second), `never` never.

use std::borrow::Cow;
use std::io::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bouncedoc_core::Lang;
use bouncedoc_mail::input::{Input, InputError};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};

/// The environment variable that decides: `always`, `never`, or `auto` (the default).
pub const ENV: &str = "BOUNCEDOC_PROGRESS";

/// Inputs at least this large get a progress bar.
pub const MIN_BYTES: u64 = 64 << 20;

/// More files than this get a progress bar, however small.
pub const MIN_FILES: usize = 2000;

/// Whether to show progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// On a terminal, for large inputs.
    Auto,
    /// Always (plain lines when standard error is no terminal).
    Always,
    /// Never.
    Never,
}

impl Mode {
    /// The mode `BOUNCEDOC_PROGRESS` asks for (`auto` when unset or not understood).
    pub fn from_env() -> Mode {
        Mode::parse(std::env::var(ENV).ok().as_deref())
    }

    fn parse(value: Option<&str>) -> Mode {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("always") => Mode::Always,
            Some(v) if v.eq_ignore_ascii_case("never") => Mode::Never,
            _ => Mode::Auto,
        }
    }
}

/// How large the inputs are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    /// Files (standard input counts as one).
    pub files: usize,
    /// Their bytes together; `None` when one cannot be told (a pipe).
    pub bytes: Option<u64>,
}

/// The size of the inputs, from the file system (standard input when it is a file).
pub fn size_of(inputs: &[Result<Input, InputError>]) -> Size {
    let mut size = Size {
        files: 0,
        bytes: Some(0),
    };
    for input in inputs.iter().flatten() {
        size.files += 1;
        let path = match input {
            Input::File(p) => p.as_path(),
            Input::Stdin => std::path::Path::new("/dev/stdin"),
        };
        let len = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        size.bytes = match (size.bytes, len) {
            (Some(total), Some(len)) => Some(total + len),
            _ => None,
        };
    }
    size
}

/// Whether progress is shown: what the mode says, for inputs of `size`, when standard error
/// is a terminal (`stderr_terminal`) and whether the records go to it too (`output_there`).
pub fn wanted(mode: Mode, stderr_terminal: bool, output_there: bool, size: Size) -> bool {
    match mode {
        Mode::Never => false,
        Mode::Always => true,
        Mode::Auto => {
            stderr_terminal
                && !output_there
                && size.bytes.is_some()
                && (size.files > MIN_FILES || size.bytes.unwrap_or(0) >= MIN_BYTES)
        }
    }
}

/// The bar's layout in `lang`, its counts filled in by indicatif (`{msg}` is the number of
/// messages read).
pub fn template(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "{bar:30} {bytes}/{total_bytes} read ({percent}%), {msg} messages, {bytes_per_sec}, about {eta} left"
        }
        Lang::Ja => {
            "{bar:30} {bytes}/{total_bytes} 読み込み済み（{percent}%）、メール {msg} 通、{bytes_per_sec}、残り約 {eta}"
        }
    }
}

/// Progress on standard error, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    messages: u64,
    /// When it is drawn as lines (no terminal), the line held back by the rate.
    lines: Option<Arc<Mutex<Held>>>,
}

impl Progress {
    /// Progress for inputs of `size`, when [`wanted`] (with this process's standard error
    /// and `BOUNCEDOC_PROGRESS`); `output_to_stdout` says whether the command's records go
    /// to standard output.
    pub fn start(lang: Lang, size: Size, output_to_stdout: bool) -> Progress {
        use std::io::IsTerminal;
        let terminal = std::io::stderr().is_terminal();
        let output_there = output_to_stdout && std::io::stdout().is_terminal();
        let lines = (!terminal).then(|| Arc::new(Mutex::new(Held::default())));
        let bar = wanted(Mode::from_env(), terminal, output_there, size).then(|| {
            let target = match &lines {
                None => ProgressDrawTarget::stderr(),
                Some(held) => ProgressDrawTarget::term_like(Box::new(Lines(held.clone()))),
            };
            let bar = ProgressBar::with_draw_target(size.bytes, target);
            bar.set_style(
                ProgressStyle::with_template(template(lang))
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar.set_message("0");
            bar.tick();
            if terminal {
                bar.enable_steady_tick(std::time::Duration::from_millis(250));
            }
            bar
        });
        Progress {
            bar,
            messages: 0,
            lines,
        }
    }

    /// Counts `messages` more messages, of `bytes` bytes together.
    pub fn advance(&mut self, messages: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            self.messages += messages;
            bar.set_message(Cow::Owned(self.messages.to_string()));
            bar.inc(bytes);
        }
    }

    /// Takes the bar away from a terminal; as lines, the last one says how far it got.
    pub fn finish(&self) {
        let Some(bar) = &self.bar else { return };
        match &self.lines {
            None => bar.finish_and_clear(),
            Some(held) => {
                bar.finish();
                if let Ok(mut held) = held.lock()
                    && let Some(line) = held.pending.take()
                {
                    write_line(&line);
                }
            }
        }
    }
}

/// The lines drawn on a standard error that is no terminal: when the last was written, and
/// the newest one held back since.
#[derive(Debug, Default)]
struct Held {
    written: Option<Instant>,
    pending: Option<String>,
}

/// The shortest time between two lines.
const LINE_EVERY: Duration = Duration::from_secs(1);

fn write_line(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "bouncedoc: {line}");
}

/// Standard error that is no terminal: a drawing of the bar is a line of its own, at most
/// one every [`LINE_EVERY`] (the newest held back is written when the bar finishes).
#[derive(Debug)]
struct Lines(Arc<Mutex<Held>>);

impl TermLike for Lines {
    fn width(&self) -> u16 {
        120
    }
    fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        let line = s.trim_end();
        if line.trim().is_empty() {
            return Ok(());
        }
        let Ok(mut held) = self.0.lock() else {
            return Ok(());
        };
        let now = Instant::now();
        if held
            .written
            .is_some_and(|t| now.duration_since(t) < LINE_EVERY)
        {
            held.pending = Some(line.to_string());
        } else {
            held.written = Some(now);
            held.pending = None;
            write_line(line);
        }
        Ok(())
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.write_line(s)
    }
    fn clear_line(&self) -> std::io::Result<()> {
        Ok(())
    }
    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(files: usize, bytes: Option<u64>) -> Size {
        Size { files, bytes }
    }

    #[test]
    fn the_mode_is_read_from_its_words() {
        assert_eq!(Mode::parse(None), Mode::Auto);
        assert_eq!(Mode::parse(Some("always")), Mode::Always);
        assert_eq!(Mode::parse(Some(" NEVER ")), Mode::Never);
        assert_eq!(Mode::parse(Some("sometimes")), Mode::Auto);
    }

    #[test]
    fn large_inputs_on_a_terminal_get_progress() {
        let one_big_mbox = size(1, Some(970 << 20));
        let many_files = size(MIN_FILES + 1, Some(1 << 20));
        let small = size(10, Some(1 << 20));
        for big in [one_big_mbox, many_files] {
            assert!(wanted(Mode::Auto, true, false, big));
            assert!(!wanted(Mode::Auto, false, false, big), "no terminal");
            assert!(
                !wanted(Mode::Auto, true, true, big),
                "records on the terminal"
            );
            assert!(!wanted(Mode::Never, true, false, big));
        }
        assert!(!wanted(Mode::Auto, true, false, small));
        assert!(!wanted(Mode::Auto, true, false, size(1, None)), "a pipe");
        assert!(wanted(Mode::Always, false, true, small));
        assert!(wanted(Mode::Auto, true, false, size(1, Some(MIN_BYTES))));
    }

    #[test]
    fn the_size_is_the_files_together() {
        let dir = tempdir();
        let a = dir.join("a");
        let b = dir.join("b");
        std::fs::write(&a, vec![b'x'; 10]).unwrap();
        std::fs::write(&b, vec![b'x'; 5]).unwrap();
        let inputs = vec![Ok(Input::File(a)), Ok(Input::File(b))];
        assert_eq!(size_of(&inputs), size(2, Some(15)));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn tempdir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("bouncedoc-progress-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn both_layouts_are_valid_and_in_their_language() {
        for lang in [Lang::En, Lang::Ja] {
            assert!(ProgressStyle::with_template(template(lang)).is_ok());
        }
        assert!(template(Lang::En).contains("messages"));
        assert!(template(Lang::Ja).contains("読み込み済み"));
        assert!(!template(Lang::Ja).contains("messages"));
    }
}
