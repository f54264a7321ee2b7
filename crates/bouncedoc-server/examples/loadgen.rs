//! A small HTTP/1.1 load generator for `scripts/load-test`: keep-alive connections on a
//! loopback address, one request at a time each, bounded in time and in count; prints the
//! requests per second and the latency percentiles.
//!
//! ```text
//! loadgen --addr 127.0.0.1:8025 --path /api/v1/explain --content-type application/json \
//!         --body-file body.json [--connections 16] [--duration 10] [--max-requests 100000] \
//!         [--warmup 1] [--label explain]
//! ```
//!
//! It runs on one thread, so that the server under test keeps the other core(s). Only
//! loopback addresses are accepted.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Options {
    addr: SocketAddr,
    path: String,
    content_type: String,
    body: Vec<u8>,
    connections: usize,
    duration: Duration,
    warmup: Duration,
    max_requests: u64,
    label: String,
}

fn usage(message: &str) -> ! {
    eprintln!("loadgen: {message}");
    eprintln!(
        "usage: loadgen --addr 127.0.0.1:PORT --path PATH [--content-type TYPE --body-file FILE] [--connections N] [--duration SECS] [--warmup SECS] [--max-requests N] [--label NAME]"
    );
    std::process::exit(2);
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        addr: "127.0.0.1:8025".parse().unwrap(),
        path: "/healthz".into(),
        content_type: String::new(),
        body: Vec::new(),
        connections: 16,
        duration: Duration::from_secs(10),
        warmup: Duration::from_secs(1),
        max_requests: 100_000,
        label: String::new(),
    };
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        let number = |v: &str| -> u64 {
            v.parse()
                .unwrap_or_else(|_| usage(&format!("{flag}: not a number: {v}")))
        };
        match flag.as_str() {
            "--addr" => {
                o.addr = value
                    .parse()
                    .unwrap_or_else(|_| usage(&format!("bad address {value}")))
            }
            "--path" => o.path = value,
            "--content-type" => o.content_type = value,
            "--body-file" => {
                o.body = std::fs::read(&value)
                    .unwrap_or_else(|e| usage(&format!("cannot read {value}: {e}")))
            }
            "--connections" => o.connections = number(&value).clamp(1, 1024) as usize,
            "--duration" => o.duration = Duration::from_secs(number(&value).clamp(1, 600)),
            "--warmup" => o.warmup = Duration::from_secs(number(&value).min(60)),
            "--max-requests" => o.max_requests = number(&value).max(1),
            "--label" => o.label = value,
            _ => usage(&format!("unknown flag {flag}")),
        }
    }
    if !o.addr.ip().is_loopback() {
        usage("only loopback addresses (127.0.0.0/8, ::1) may be load-tested");
    }
    if o.label.is_empty() {
        o.label = o.path.clone();
    }
    o
}

/// Reads one answer from a keep-alive connection; returns its status.
async fn read_answer(stream: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    let mut chunk = [0u8; 16384];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
    let status: u16 = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| std::io::Error::other("an answer without Content-Length"))?;
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    buf.drain(..head_end + length);
    Ok(status)
}

struct Tally {
    latencies_us: Vec<u32>,
    errors: u64,
}

async fn connection(
    o: Arc<Options>,
    request: Arc<Vec<u8>>,
    sent: Arc<AtomicU64>,
    measure_from: Instant,
    until: Instant,
) -> Tally {
    let mut tally = Tally {
        latencies_us: Vec::new(),
        errors: 0,
    };
    let mut stream: Option<TcpStream> = None;
    let mut buf = Vec::new();
    while Instant::now() < until {
        if sent.fetch_add(1, Ordering::Relaxed) >= o.max_requests {
            break;
        }
        if stream.is_none() {
            match TcpStream::connect(o.addr).await {
                Ok(s) => {
                    let _ = s.set_nodelay(true);
                    stream = Some(s);
                    buf.clear();
                }
                Err(_) => {
                    tally.errors += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            }
        }
        let s = stream.as_mut().expect("connected");
        let started = Instant::now();
        let outcome = async {
            s.write_all(&request).await?;
            read_answer(s, &mut buf).await
        }
        .await;
        let elapsed = started.elapsed();
        match outcome {
            Ok(200) => {
                if started >= measure_from {
                    tally
                        .latencies_us
                        .push(elapsed.as_micros().min(u32::MAX as u128) as u32);
                }
            }
            Ok(_) => tally.errors += 1,
            Err(_) => {
                tally.errors += 1;
                stream = None;
            }
        }
    }
    tally
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)] as f64 / 1000.0
}

fn main() {
    let o = Arc::new(options());
    let mut request = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
        o.path,
        o.addr,
        o.body.len()
    );
    if o.body.is_empty() && o.content_type.is_empty() {
        request = format!("GET {} HTTP/1.1\r\nHost: {}\r\n", o.path, o.addr);
    }
    if !o.content_type.is_empty() {
        request.push_str(&format!("Content-Type: {}\r\n", o.content_type));
    }
    request.push_str("\r\n");
    let mut request = request.into_bytes();
    request.extend_from_slice(&o.body);
    let request = Arc::new(request);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let started = Instant::now();
    let measure_from = started + o.warmup;
    let until = measure_from + o.duration;
    let sent = Arc::new(AtomicU64::new(0));
    let tallies: Vec<Tally> = runtime.block_on(async {
        let tasks: Vec<_> = (0..o.connections)
            .map(|_| {
                tokio::spawn(connection(
                    o.clone(),
                    request.clone(),
                    sent.clone(),
                    measure_from,
                    until,
                ))
            })
            .collect();
        let mut out = Vec::new();
        for t in tasks {
            out.push(t.await.expect("a connection task"));
        }
        out
    });
    let measured = Instant::now().saturating_duration_since(measure_from);
    let mut latencies: Vec<u32> = tallies
        .iter()
        .flat_map(|t| t.latencies_us.iter().copied())
        .collect();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    latencies.sort_unstable();
    let ok = latencies.len();
    let rps = ok as f64 / measured.as_secs_f64().max(0.001);
    println!(
        "{{\"label\":\"{}\",\"connections\":{},\"seconds\":{:.1},\"requests\":{},\"errors\":{},\"rps\":{:.1},\"p50_ms\":{:.2},\"p90_ms\":{:.2},\"p99_ms\":{:.2},\"max_ms\":{:.2}}}",
        o.label,
        o.connections,
        measured.as_secs_f64(),
        ok,
        errors,
        rps,
        percentile(&latencies, 50.0),
        percentile(&latencies, 90.0),
        percentile(&latencies, 99.0),
        latencies.last().copied().unwrap_or(0) as f64 / 1000.0,
    );
}
