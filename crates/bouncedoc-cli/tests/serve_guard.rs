//! `bouncedoc serve` and who may drive its ledger: never on an address others can reach
//! without a token; the token from a file or `BOUNCEDOC_TOKEN`, never a plain flag.

mod support;

use support::bouncedoc;

#[test]
fn a_ledger_on_a_non_loopback_address_without_a_token_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let out = bouncedoc()
        .env_remove("BOUNCEDOC_TOKEN")
        .args(["serve", "--listen", "0.0.0.0:0", "--database"])
        .arg(&db)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0.0.0.0:0"), "{err}");
    assert!(err.contains("--token-file"), "{err}");
    assert!(err.contains("BOUNCEDOC_TOKEN"), "{err}");
    assert!(err.contains("127.0.0.1"), "{err}");
    assert!(!db.exists(), "the ledger is not even created");

    // In Japanese for a Japanese locale.
    let out = bouncedoc()
        .env_remove("BOUNCEDOC_TOKEN")
        .env("LANG", "ja_JP.UTF-8")
        .args(["serve", "--listen", "[::]:0", "--database"])
        .arg(&db)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("[::]:0") && err.contains("トークン"), "{err}");
}

#[test]
fn a_weak_or_unreadable_token_does_not_start() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short");
    std::fs::write(&short, "abc\n").unwrap();
    for (args, words) in [
        (
            vec!["--token-file".to_string(), short.display().to_string()],
            "at least 16",
        ),
        (
            vec![
                "--token-file".to_string(),
                dir.path().join("none").display().to_string(),
            ],
            "reading the token file",
        ),
    ] {
        let out = bouncedoc()
            .env_remove("BOUNCEDOC_TOKEN")
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(&args)
            .timeout(std::time::Duration::from_secs(30))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{err}");
    }
    let out = bouncedoc()
        .env(
            "BOUNCEDOC_TOKEN",
            "has spaces in it, so no header can carry it",
        )
        .args(["serve", "--listen", "127.0.0.1:0"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("BOUNCEDOC_TOKEN"), "{err}");
}

#[test]
fn the_token_is_no_plain_flag() {
    let out = bouncedoc()
        .args(["serve", "--token", "a-token-on-the-command-line"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let help = bouncedoc().args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("--token-file"), "{help}");
    assert!(help.contains("BOUNCEDOC_TOKEN"), "{help}");
    assert!(help.contains("--ledger-public-reads"), "{help}");
    assert!(help.contains("--allowed-host"), "{help}");
}
