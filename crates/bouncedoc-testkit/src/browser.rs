//! Headless Chromium for the end-to-end tests: finding the binary, where screenshots go,
//! and a screenshot of a page taken by Chromium's own `--screenshot` (no DevTools needed).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The Chromium binary: `$BOUNCEDOC_CHROMIUM` when set, else `chromium` or
/// `chromium-browser` on the `PATH`; `None` when there is none.
pub fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BOUNCEDOC_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// `target/screenshots/` (under `$CARGO_TARGET_DIR` when set), created, as an absolute
/// path.
pub fn screenshots_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::workspace_root().join("target"));
    let dir = target.join("screenshots");
    std::fs::create_dir_all(&dir).expect("create target/screenshots");
    dir.canonicalize().expect("target/screenshots")
}

/// The flags every test starts Chromium with: headless, without a sandbox (the tests may
/// run as root), a GPU, first-run pages, background traffic, extensions or scroll bars.
pub const HEADLESS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
];

/// Whether a test that needs Chromium must fail without it: under CI (`CI=true`), which
/// installs it.
pub fn chromium_required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Has the Chromium at `bin` load the file at `page` in a window of `width` × `height`
/// CSS pixels and returns the PNG of what the window shows.
pub fn screenshot(bin: &Path, page: &Path, width: u32, height: u32) -> Vec<u8> {
    let profile = tempfile::tempdir().expect("a profile folder");
    let shot = profile.path().join("screenshot.png");
    let page = page.canonicalize().expect("the page's path");
    let out = Command::new(bin)
        .args(HEADLESS)
        .arg("--force-device-scale-factor=1")
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .output()
        .expect("start chromium");
    std::fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "chromium wrote no screenshot ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}
