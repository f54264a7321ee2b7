//! `bouncedoc serve` under a supervisor that stops reading its standard error (the read end
//! of the pipe closed): the log lines it can no longer write are dropped, and every request
//! is still answered.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer
}

#[test]
fn serve_answers_after_its_log_pipe_is_closed() {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("bouncedoc"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env("LANG", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let server = Killed(child);
    let mut addr = None;
    let mut line = String::new();
    while addr.is_none() && stderr.read_line(&mut line).unwrap() > 0 {
        addr = line
            .trim_end()
            .strip_prefix("bouncedoc: listening on http://")
            .map(|a| a.trim_end_matches('/').to_string());
        line.clear();
    }
    let addr = addr.expect("the server says where it listens");
    // Nobody reads the log any more: each request's log line now fails to be written.
    drop(stderr);
    for path in ["/healthz", "/api/v1/reasons", "/healthz"] {
        let answer = get(&addr, path);
        assert!(
            answer.starts_with("HTTP/1.1 200"),
            "{path} after the log pipe closed: {answer:?}"
        );
    }
    drop(server);
}
