//! What the command-line tests share: the real `bouncedoc` binary, run as a user with a plain
//! locale and no colour would run it.

use assert_cmd::Command;

/// The binary under test, with `LANG=C`, no `LC_*`, no `BOUNCEDOC_LANG` and `NO_COLOR`.
pub fn bouncedoc() -> Command {
    let mut cmd = Command::cargo_bin("bouncedoc").unwrap();
    cmd.env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("BOUNCEDOC_LANG")
        .env("LANG", "C");
    cmd
}
