//! What the tests of the queue share: a real `nats-server` (Debian's, with JetStream) on a
//! free loopback port with a store of its own, stopped however the test ends.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `nats-server` on the PATH or where Debian puts it; `None` when it is not installed (a
/// test then says it is skipped, and fails under CI, which `.ci/run` installs it for).
pub fn nats_server() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join("nats-server"))
            .find(|p| p.is_file())
    });
    on_path.or_else(|| Some(PathBuf::from("/usr/sbin/nats-server")).filter(|p| p.is_file()))
}

/// `nats-server`, or a note that the test is skipped (a failure when `CI` is set).
pub fn nats_server_or_skip(test: &str) -> Option<PathBuf> {
    let bin = nats_server();
    if bin.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("nats-server is missing, and CI requires {test} (.ci/run installs it)");
        }
        eprintln!(
            "note: {test} skipped: nats-server is not installed (apt-get install nats-server)"
        );
    }
    bin
}

/// A loopback port nobody listens on.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process killed (and reaped) however the test ends.
pub struct Killed(pub Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `nats-server -js` with its store in `store`; returns it and its URL.
pub fn start_nats(bin: &Path, store: &Path) -> (Killed, String) {
    let port = free_port();
    let child = Command::new(bin)
        .args(["-js", "-a", "127.0.0.1", "-p", &port.to_string(), "-sd"])
        .arg(store)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting nats-server");
    let guard = Killed(child);
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "nats-server did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    (guard, format!("nats://127.0.0.1:{port}"))
}
