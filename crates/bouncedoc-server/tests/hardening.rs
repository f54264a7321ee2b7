//! What the real server over loopback HTTP must hold against a hostile client: every answer
//! says `nosniff`, and one client's idle connections do not keep others out.

mod common;

use std::io::Write;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use bouncedoc_server::Config;
use common::Server;

#[test]
fn every_answer_says_nosniff() {
    let server = Server::start(Config::default());
    let answers = [
        server.get("/healthz"),
        server.get("/"),
        server.get("/no/such/page"),
        server.get("/api/v1/no-such-route"),
        server.post(
            "/api/v1/explain",
            "application/json",
            b"{\"text\":\"550 5.1.1 user unknown\"}",
        ),
        server.post("/api/v1/explain", "application/json", b"{not json"),
        server.request("DELETE", "/healthz", &[], b""),
    ];
    for r in &answers {
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{} {:?}",
            r.status,
            r.headers
        );
    }
}

/// `GET /healthz` from another loopback address (`127.0.0.2`): its status code, or `None`
/// when no answer came within `within`.
fn healthz_from_another_client(addr: SocketAddr, within: Duration) -> Option<u16> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
        let talk = async {
            let mut stream = socket.connect(addr).await.ok()?;
            stream
                .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .await
                .ok()?;
            let mut answer = Vec::new();
            stream.read_to_end(&mut answer).await.ok()?;
            let text = String::from_utf8_lossy(&answer);
            text.split(' ').nth(1)?.parse().ok()
        };
        tokio::time::timeout(within, talk).await.ok().flatten()
    })
}

#[test]
fn one_clients_idle_connections_do_not_block_another() {
    let server = Server::start(Config {
        max_connections: 32,
        max_connections_per_client: 8,
        header_timeout: Duration::from_secs(20),
        ..Config::default()
    });
    // More idle connections from 127.0.0.1 than the server serves at once: each sends half
    // a request line and waits.
    let mut idle = Vec::new();
    for _ in 0..64 {
        let mut s = TcpStream::connect(server.addr).unwrap();
        let _ = s.write_all(b"GET /heal");
        idle.push(s);
    }
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let status = healthz_from_another_client(server.addr, Duration::from_secs(5));
    assert_eq!(status, Some(200), "after {:?}", started.elapsed());
    drop(idle);
}
