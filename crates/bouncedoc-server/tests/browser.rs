//! End to end in headless Chromium (Debian's `chromium`), driven over the DevTools protocol
//! with a small WebSocket client written here: the page is shown in Japanese when the browser
//! asks for it, a seed case is pasted and explained, the language is switched, a corpus
//! `.eml` is dropped on the drop zone and another chosen with the file input, and
//! screenshots are saved under `target/screenshots/`. Then, at phone and desktop widths:
//! a paste with two recipients, a Japanese Gmail notice, a delay warning and a text that is
//! no bounce (the answer comes first on a phone, no "drop here" on a touch screen, one block
//! per recipient), the share link (opened, it shows the answer; the server's log never holds
//! the text) and an Outlook `.msg` chosen with the file input.
//!
//! Without Chromium the test says so and passes, except when `CI` is set: CI installs
//! Chromium (`.ci/run`) and this test must run there. `BOUNCEDOC_CHROMIUM` names another
//! binary.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use bouncedoc_core::{Engine, Lang};
use bouncedoc_server::Config;
use bouncedoc_testkit::browser::{HEADLESS, chromium, screenshots_dir};
use bouncedoc_testkit::{seed_cases, shared_dir};
use common::Server;
use serde_json::{Value, json};

// ---- A minimal WebSocket client (RFC 6455), enough for the DevTools protocol. ----

struct WebSocket {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl WebSocket {
    fn connect(url: &str) -> WebSocket {
        let rest = url.strip_prefix("ws://").expect("a ws:// URL");
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let stream = TcpStream::connect(host).expect("connect to the DevTools port");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut writer = stream.try_clone().unwrap();
        write!(
            writer,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.contains(" 101 "), "WebSocket handshake: {status}");
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" || line.is_empty() {
                break;
            }
        }
        WebSocket { reader, writer }
    }

    fn send_frame(&mut self, opcode: u8, payload: &[u8]) -> std::io::Result<()> {
        let mut frame = vec![0x80 | opcode];
        let len = payload.len();
        if len < 126 {
            frame.push(0x80 | len as u8);
        } else if len <= 0xFFFF {
            frame.push(0x80 | 126);
            frame.extend_from_slice(&(len as u16).to_be_bytes());
        } else {
            frame.push(0x80 | 127);
            frame.extend_from_slice(&(len as u64).to_be_bytes());
        }
        let mask = [0x37u8, 0xfa, 0x21, 0x3d];
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.writer.write_all(&frame)
    }

    fn send_text(&mut self, text: &str) {
        self.send_frame(0x1, text.as_bytes())
            .expect("write to the DevTools connection");
    }

    /// The next whole text message.
    fn recv_text(&mut self) -> String {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.reader.read_exact(&mut head).expect("read a frame");
            let fin = head[0] & 0x80 != 0;
            let opcode = head[0] & 0x0f;
            let masked = head[1] & 0x80 != 0;
            let mut len = (head[1] & 0x7f) as u64;
            if len == 126 {
                let mut b = [0u8; 2];
                self.reader.read_exact(&mut b).unwrap();
                len = u16::from_be_bytes(b) as u64;
            } else if len == 127 {
                let mut b = [0u8; 8];
                self.reader.read_exact(&mut b).unwrap();
                len = u64::from_be_bytes(b);
            }
            let mut mask = [0u8; 4];
            if masked {
                self.reader.read_exact(&mut mask).unwrap();
            }
            let mut payload = vec![0u8; len as usize];
            self.reader.read_exact(&mut payload).unwrap();
            if masked {
                for (i, b) in payload.iter_mut().enumerate() {
                    *b ^= mask[i % 4];
                }
            }
            match opcode {
                0x9 => self.send_frame(0xA, &payload).expect("answer a ping"),
                0xA => {}
                0x8 => panic!("the browser closed the DevTools connection"),
                _ => {
                    message.extend_from_slice(&payload);
                    if fin {
                        return String::from_utf8(message).expect("UTF-8 text");
                    }
                }
            }
        }
    }
}

// ---- The browser. ----

struct Browser {
    child: Child,
    ws: WebSocket,
    next_id: u64,
    session: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn launch(bin: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("a profile folder");
        let child = Command::new(bin)
            .args(HEADLESS)
            .args([
                "--disable-quic",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        // Chromium writes its DevTools port and path into the profile folder.
        let port_file = profile.path().join("DevToolsActivePort");
        let started = Instant::now();
        let url = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                    break format!("ws://127.0.0.1:{port}{path}");
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "chromium did not open its DevTools port"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        let ws = WebSocket::connect(&url);
        let mut browser = Browser {
            child,
            ws,
            next_id: 1,
            session: String::new(),
            _profile: profile,
        };
        let target = browser.call_browser("Target.createTarget", json!({"url": "about:blank"}));
        let target_id = target["targetId"].as_str().unwrap().to_string();
        let attached = browser.call_browser(
            "Target.attachToTarget",
            json!({"targetId": target_id, "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        browser.call("Page.enable", json!({}));
        browser.call("Runtime.enable", json!({}));
        browser.call("Network.enable", json!({}));
        browser
    }

    fn send(&mut self, session: Option<String>, method: &str, params: Value) -> Value {
        self.try_send(session, method, params)
            .unwrap_or_else(|e| panic!("{method}: {e}"))
    }

    /// Sends a command; its error, if it answers with one.
    fn try_send(
        &mut self,
        session: Option<String>,
        method: &str,
        params: Value,
    ) -> Result<Value, Value> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            message["sessionId"] = Value::String(s);
        }
        self.ws.send_text(&message.to_string());
        loop {
            let answer: Value = serde_json::from_str(&self.ws.recv_text()).unwrap();
            if answer["id"] == id {
                if let Some(e) = answer.get("error") {
                    return Err(e.clone());
                }
                return Ok(answer["result"].clone());
            }
        }
    }

    fn call_browser(&mut self, method: &str, params: Value) -> Value {
        self.send(None, method, params)
    }

    fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.send(Some(session), method, params)
    }

    /// Evaluates an expression in the page and returns its value.
    fn eval(&mut self, expression: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        );
        if let Some(e) = r.get("exceptionDetails") {
            panic!("{expression}: {e}");
        }
        r["result"]["value"].clone()
    }

    /// Waits until an expression is true (an evaluation that fails because the page is
    /// being replaced counts as false).
    fn wait_for(&mut self, expression: &str) {
        let started = Instant::now();
        loop {
            let session = self.session.clone();
            let r = self
                .try_send(
                    Some(session),
                    "Runtime.evaluate",
                    json!({"expression": expression, "returnByValue": true}),
                )
                .unwrap_or_default();
            if r["result"]["value"] == true {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "waited 30 s for {expression}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Runs an action that loads a new document, and waits until it has loaded.
    fn expect_new_page(&mut self, action: &str) {
        self.eval("window.__bouncedocOld = true");
        self.eval(action);
        self.wait_for("window.__bouncedocOld === undefined && document.readyState === 'complete'");
    }

    fn navigate(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        let target = serde_json::to_string(url).unwrap();
        self.wait_for(&format!(
            "location.href === {target} && document.readyState === 'complete'"
        ));
    }

    fn viewport(&mut self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile}),
        );
    }

    /// Saves a screenshot of what the screen shows (the first screenful).
    fn screenshot_screen(&mut self, path: &Path) {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64_decode(shot["data"].as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
    }

    /// Saves a screenshot of the whole page.
    fn screenshot(&mut self, path: &Path) {
        let metrics = self.call("Page.getLayoutMetrics", json!({}));
        let size = &metrics["cssContentSize"];
        let width = size["width"].as_f64().unwrap_or(1280.0);
        let height = size["height"].as_f64().unwrap_or(900.0).min(6000.0);
        let shot = self.call(
            "Page.captureScreenshot",
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}
            }),
        );
        let png = base64_decode(shot["data"].as_str().unwrap());
        assert!(png.starts_with(b"\x89PNG"), "a PNG");
        std::fs::write(path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let id = self.next_id;
        let close = json!({"id": id, "method": "Browser.close"}).to_string();
        let _ = self.ws.send_frame(0x1, close.as_bytes());
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let Some(v) = value(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn js(value: &str) -> String {
    serde_json::to_string(value).unwrap()
}

/// One Chromium at a time: the tests of this file share the machine's cores.
static ONE_BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn the_page_in_headless_chromium() {
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(bin) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium is not installed: .ci/run installs Debian's chromium"
        );
        eprintln!(
            "SKIPPED the_page_in_headless_chromium: chromium is not installed here (apt-get install chromium); CI runs this test"
        );
        return;
    };
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let shots = screenshots_dir();
    let mut b = Browser::launch(&bin);

    // The browser asks for Japanese: the page answers in Japanese.
    b.call(
        "Network.setExtraHTTPHeaders",
        json!({"headers": {"Accept-Language": "ja,en;q=0.5"}}),
    );
    b.viewport(390, 844, true);
    b.navigate(&server.url("/"));
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        b.eval("document.querySelector('#go').textContent"),
        "診断する"
    );
    assert_eq!(
        b.eval("document.documentElement.classList.contains('js')"),
        true,
        "the script ran"
    );

    // Paste a seed case (a multi-line Gmail reply) and explain it.
    let case = seed_cases()
        .into_iter()
        .find(|c| c.id == "gmail-no-such-user")
        .expect("the seed case gmail-no-such-user");
    let ja = engine.explain(&case.input, Lang::Ja).unwrap();
    let en = engine.explain(&case.input, Lang::En).unwrap();
    b.eval(&format!(
        "(() => {{ const t = document.querySelector('#text'); t.focus(); t.value = {}; t.dispatchEvent(new Event('input', {{bubbles: true}})); }})()",
        js(&case.input)
    ));
    b.expect_new_page("document.querySelector('#go').click()");
    let shown = |b: &mut Browser, sel: &str| {
        b.eval(&format!(
            "document.querySelector({}).textContent.trim()",
            js(sel)
        ))
    };
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        shown(&mut b, "article.diagnosis h2.summary"),
        ja.summary.as_str()
    );
    assert_eq!(
        b.eval("document.querySelector('article.diagnosis').dataset.reason"),
        "userunknown"
    );
    assert_eq!(
        b.eval("document.querySelector('article.diagnosis').dataset.party"),
        case.party.as_deref().unwrap()
    );
    let party_name = Lang::Ja.pick(&engine.knowledge().party(ja.party).name);
    assert_eq!(shown(&mut b, ".card.party .party-name"), party_name);
    assert_eq!(
        b.eval(
            "[...document.querySelectorAll('.card.todo li')].map(li => li.dataset.advice).join(' ')"
        ),
        ja.advice
            .iter()
            .filter(|a| !a.avoid)
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    // The evidence is highlighted inside the pasted text.
    let marked =
        b.eval("[...document.querySelectorAll('pre.source mark')].map(m => m.textContent)");
    let marked: Vec<&str> = marked
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(marked.contains(&"5.1.1"), "{marked:?}");
    assert!(
        marked.iter().any(|m| m.contains("does not exist")),
        "the matched wording is highlighted: {marked:?}"
    );
    // The raw codes.
    let codes = shown(&mut b, "article.diagnosis .codes");
    assert!(codes.as_str().unwrap().contains("550"));
    assert!(codes.as_str().unwrap().contains("5.1.1"));
    // Fits a phone: nothing wider than the screen.
    assert_eq!(
        b.eval("document.documentElement.scrollWidth <= window.innerWidth"),
        true,
        "no horizontal scrolling on a phone-sized screen"
    );
    b.screenshot(&shots.join("explain-ja-phone.png"));
    b.eval("document.querySelector('#result').scrollIntoView()");
    b.screenshot_screen(&shots.join("explain-ja-phone-screen.png"));

    // Switch to English: the same text, explained in English.
    b.expect_new_page("document.querySelector('button[name=switch_lang][value=en]').click()");
    assert_eq!(b.eval("document.documentElement.lang"), "en");
    assert_eq!(
        shown(&mut b, "article.diagnosis h2.summary"),
        en.summary.as_str()
    );
    assert_eq!(shown(&mut b, "#go"), "Explain");
    assert_eq!(
        b.eval("document.querySelector('#text').value.trim()"),
        case.input.trim()
    );
    b.screenshot(&shots.join("explain-en-phone.png"));

    // Drop a corpus message on the drop zone.
    let path = shared_dir()
        .join("corpus/maildir/bsd/lhost-postfix-01.eml")
        .canonicalize()
        .expect("the corpus message");
    let raw = std::fs::read(&path).unwrap();
    let report = bouncedoc_mail::diagnose_bytes(&engine, &raw, Lang::En).unwrap();
    let first = &report.diagnoses[0].0;
    b.viewport(1280, 900, false);
    b.navigate(&server.url("/?lang=en"));
    b.expect_new_page(&format!(
        "(() => {{
            const bytes = new Uint8Array({});
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], 'lhost-postfix-01.eml', {{type: 'message/rfc822'}}));
            const zone = document.querySelector('#drop');
            zone.dispatchEvent(new DragEvent('dragover', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
            zone.dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
        }})()",
        serde_json::to_string(&raw).unwrap()
    ));
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.kind"),
        "parse"
    );
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.count"),
        report.diagnoses.len().to_string()
    );
    assert!(
        shown(&mut b, "#result .card.message")
            .as_str()
            .unwrap()
            .contains("lhost-postfix-01.eml")
    );
    assert_eq!(
        shown(&mut b, "article.diagnosis h2.summary"),
        first.summary.as_str()
    );
    assert_eq!(
        b.eval("document.querySelector('article.diagnosis').dataset.reason"),
        first.reason.as_str()
    );
    let recipient = first.recipient.clone().unwrap();
    assert!(
        shown(&mut b, "article.diagnosis .recipient")
            .as_str()
            .unwrap()
            .contains(&recipient)
    );
    b.screenshot(&shots.join("parse-en-desktop.png"));

    // The same message chosen with the file input, in Japanese.
    b.navigate(&server.url("/?lang=ja"));
    let document = b.call("DOM.getDocument", json!({}));
    let node = b.call(
        "DOM.querySelector",
        json!({"nodeId": document["root"]["nodeId"], "selector": "#file"}),
    );
    b.eval("window.__bouncedocOld = true");
    b.call(
        "DOM.setFileInputFiles",
        json!({"nodeId": node["nodeId"], "files": [path.display().to_string()]}),
    );
    b.wait_for("window.__bouncedocOld === undefined && document.readyState === 'complete'");
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.kind"),
        "parse"
    );
    let ja_report = bouncedoc_mail::diagnose_bytes(&engine, &raw, Lang::Ja).unwrap();
    assert_eq!(
        shown(&mut b, "article.diagnosis h2.summary"),
        ja_report.diagnoses[0].0.summary.as_str()
    );
    b.screenshot(&shots.join("parse-ja-desktop.png"));
}

// ---- Phones, sharing, screenshots. ----

/// The lines the server logs, kept for the test to read.
#[derive(Clone, Default)]
struct Log(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Log {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Log {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends the server's logs (at `info`, as `bouncedoc serve` logs by default) into a buffer.
fn capture_log() -> Log {
    let log = Log::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .try_init()
        .expect("the first subscriber of this test binary");
    log
}

/// The body of a Postfix bounce as copied out of a mail program: two recipients.
const TWO: &str = "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<taro@example.jp>: host mx.example.jp[192.0.2.1] said: 550 5.1.1 <taro@example.jp>:\n    Recipient address rejected: User unknown (in reply to RCPT TO command)\n\n<hanako.share-probe@example.org>: host mx.example.org[192.0.2.2] said: 552 5.2.2\n    <hanako.share-probe@example.org>: Mailbox full (in reply to RCPT TO command)\n";

/// What Gmail's Japanese interface shows when an address does not exist.
const GMAIL_JA: &str = "アドレスが見つかりません\n\nhanako@example.co.jp にメールを配信できませんでした。アドレスが見つからないか、メールを受信できないアドレスです。\n\nリモート サーバーからのレスポンス:\n\n550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.\n";

/// A Postfix delay notice: a warning, not a failure.
const WARNING: &str = "This is the mail system at host mail.example.com.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n<jiro@example.net>: connect to mx.example.net[192.0.2.3]:25: Connection timed out\n";

/// A question typed into the box: no bounce.
const NOT_BOUNCE: &str = "Hello, are we still meeting on Friday at 3 pm?";

fn as_phone(b: &mut Browser) {
    b.viewport(390, 844, true);
    b.call(
        "Emulation.setTouchEmulationEnabled",
        json!({"enabled": true, "maxTouchPoints": 5}),
    );
}

fn as_desktop(b: &mut Browser) {
    b.viewport(1280, 900, false);
    b.call(
        "Emulation.setTouchEmulationEnabled",
        json!({"enabled": false}),
    );
}

/// Pastes a text into the box and sends the form.
fn paste(b: &mut Browser, text: &str) {
    b.eval(&format!(
        "(() => {{ const t = document.querySelector('#text'); t.value = {}; }})()",
        js(text)
    ));
    b.expect_new_page("document.querySelector('#go').click()");
}

/// Whether the first answer's headline is on the first screen, above the form.
fn answer_on_first_screen(b: &mut Browser) -> bool {
    b.eval("window.scrollTo(0, 0)");
    b.eval(
        "(() => {
            const r = document.querySelector('#result');
            const h = document.querySelector('#result h2:not(.visually-hidden)');
            const f = document.querySelector('#ask');
            return !!r && !!h && h.getBoundingClientRect().bottom <= window.innerHeight
                && r.getBoundingClientRect().top < f.getBoundingClientRect().top;
        })()",
    ) == true
}

#[test]
fn the_page_on_phones_shares_and_reads_outlook_files() {
    let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let Some(bin) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium is not installed: .ci/run installs Debian's chromium"
        );
        eprintln!("SKIPPED the_page_on_phones_shares_and_reads_outlook_files: no chromium here");
        return;
    };
    let log = capture_log();
    let server = Server::start(Config::default());
    let engine = Engine::new().unwrap();
    let shots = screenshots_dir();
    let mut b = Browser::launch(&bin);
    let displayed = |b: &mut Browser, sel: &str| {
        b.eval(&format!(
            "(() => {{ const e = document.querySelector({}); return !!e && getComputedStyle(e).display !== 'none' && !e.hidden; }})()",
            js(sel)
        ))
    };

    // No "drop here" on a touch screen; on a desktop, there is.
    as_phone(&mut b);
    b.navigate(&server.url("/?lang=en"));
    assert_eq!(b.eval("matchMedia('(pointer: coarse)').matches"), true);
    assert_eq!(
        displayed(&mut b, ".drop-hint"),
        false,
        "no drop hint on a phone"
    );
    assert_eq!(
        displayed(&mut b, "#file"),
        true,
        "a file can still be chosen"
    );
    as_desktop(&mut b);
    b.navigate(&server.url("/?lang=en"));
    assert_eq!(b.eval("matchMedia('(pointer: coarse)').matches"), false);
    assert_eq!(
        displayed(&mut b, ".drop-hint"),
        true,
        "the drop hint on a desktop"
    );

    // The four cases at both widths, in the language each is written in.
    let cases = [
        ("two-recipients", "en", TWO),
        ("gmail", "ja", GMAIL_JA),
        ("warning", "en", WARNING),
        ("not-bounce", "en", NOT_BOUNCE),
    ];
    for (name, lang, text) in cases {
        for phone in [true, false] {
            if phone {
                as_phone(&mut b);
            } else {
                as_desktop(&mut b);
            }
            b.navigate(&server.url(&format!("/?lang={lang}")));
            paste(&mut b, text);
            assert_eq!(b.eval("document.documentElement.lang"), lang, "{name}");
            if phone {
                assert!(
                    answer_on_first_screen(&mut b),
                    "{name}: on a phone the answer comes first"
                );
                assert_eq!(
                    b.eval("document.documentElement.scrollWidth <= window.innerWidth"),
                    true,
                    "{name}: no horizontal scrolling on a phone"
                );
            }
            let width = if phone { "phone" } else { "desktop" };
            b.eval("window.scrollTo(0, 0)");
            b.screenshot_screen(&shots.join(format!("{name}-{lang}-{width}.png")));
            b.screenshot(&shots.join(format!("{name}-{lang}-{width}-full.png")));
        }
        match name {
            "two-recipients" => {
                assert_eq!(
                    b.eval("document.querySelector('#result').dataset.count"),
                    "2"
                );
                let heads = b.eval(
                    "[...document.querySelectorAll('article.diagnosis .recipient')].map(p => p.textContent.trim())",
                );
                assert_eq!(
                    heads,
                    json!([
                        "Recipient 1 of 2: taro@example.jp (domain example.jp)",
                        "Recipient 2 of 2: hanako.share-probe@example.org (domain example.org)"
                    ])
                );
            }
            "gmail" => {
                assert!(
                    b.eval("document.querySelector('article .recipient').textContent")
                        .as_str()
                        .unwrap()
                        .contains("hanako@example.co.jp（ドメイン example.co.jp）"),
                    "the address and its domain head the answer"
                );
                let want = engine.explain(GMAIL_JA, Lang::Ja).unwrap();
                assert_eq!(
                    b.eval("document.querySelector('#result h2:not(.visually-hidden)').textContent.trim()"),
                    if want.is_conclusive() {
                        want.summary.clone()
                    } else {
                        engine.knowledge().label("nothing.headline", Lang::Ja).to_string()
                    }
                );
            }
            "not-bounce" => {
                assert_eq!(
                    b.eval("document.querySelector('#result').dataset.kind"),
                    "nothing"
                );
            }
            _ => {}
        }
    }

    // Share the two-recipient answer: the link carries the text in its fragment.
    as_phone(&mut b);
    b.navigate(&server.url("/?lang=ja"));
    paste(&mut b, TWO);
    assert_eq!(
        displayed(&mut b, "#share"),
        true,
        "the script shows the share button"
    );
    b.eval("document.querySelector('#share').click()");
    b.wait_for("document.querySelector('#share-link').value.length > 0 && document.querySelector('#share-note').textContent.length > 0");
    let url = b.eval("document.querySelector('#share-link').value");
    let url = url.as_str().unwrap().to_string();
    let (before, fragment) = url.split_once('#').expect("a fragment");
    assert_eq!(before, server.url("/?lang=ja"));
    assert!(
        fragment.starts_with("z=") || fragment.starts_with("t="),
        "{url}"
    );
    assert!(!url.contains("share-probe"), "the text is encoded: {url}");
    b.screenshot_screen(&shots.join("share-ja-phone.png"));

    // Opened by a colleague (another page load): the same answer, in the same language.
    b.navigate(&server.url("/?lang=en"));
    b.eval("window.__bouncedocOld = true");
    b.call("Page.navigate", json!({"url": url}));
    b.wait_for(
        "window.__bouncedocOld === undefined && location.pathname === '/explain' && document.readyState === 'complete' && !!document.querySelector('#result')",
    );
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.count"),
        "2"
    );
    assert_eq!(
        b.eval("document.querySelector('#text').value"),
        TWO,
        "the form holds the shared text"
    );
    assert!(
        answer_on_first_screen(&mut b),
        "the shared answer comes first"
    );
    b.screenshot_screen(&shots.join("shared-ja-phone.png"));
    // A link made without compression (`t=`) opens too.
    let plain = server.url(&format!(
        "/?lang=en#t={}",
        b.eval(&format!("encodeURIComponent({})", js(NOT_BOUNCE)))
            .as_str()
            .unwrap()
    ));
    b.eval("window.__bouncedocOld = true");
    b.call("Page.navigate", json!({"url": plain}));
    b.wait_for(
        "window.__bouncedocOld === undefined && location.pathname === '/explain' && document.readyState === 'complete' && !!document.querySelector('#result')",
    );
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.kind"),
        "nothing"
    );

    // The server saw the requests, never the text.
    let logged = log.text();
    assert!(
        logged.contains("path=/explain"),
        "the log is captured: {logged}"
    );
    assert!(
        !logged.contains("share-probe"),
        "the text reached the log: {logged}"
    );
    assert!(
        !logged.contains("example.org"),
        "the text reached the log: {logged}"
    );
    assert!(
        !logged.contains("Friday"),
        "the text reached the log: {logged}"
    );

    // The reasons reference and a missing page, as a browser opens them: pages in its
    // language.
    b.call(
        "Network.setExtraHTTPHeaders",
        json!({"headers": {"Accept-Language": "ja,en;q=0.5"}}),
    );
    b.navigate(&server.url("/?lang=ja"));
    b.expect_new_page("document.querySelector('footer a[href^=\"/reasons\"]').click()");
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        b.eval("document.querySelectorAll('li.reason-item').length"),
        bouncedoc_core::Reason::ALL.len()
    );
    b.screenshot_screen(&shots.join("reasons-ja-phone.png"));
    b.expect_new_page(
        "document.querySelector('li.reason-item[data-reason=mailboxfull] a').click()",
    );
    let entry = bouncedoc_core::catalog::reason(
        engine.knowledge(),
        bouncedoc_core::Reason::MailboxFull,
        Lang::Ja,
    );
    assert_eq!(
        b.eval("document.querySelector('h1').textContent"),
        entry.title
    );
    b.screenshot_screen(&shots.join("reason-ja-phone.png"));
    b.navigate(&server.url("/no-such-page"));
    assert_eq!(b.eval("document.documentElement.lang"), "ja");
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.status"),
        "404"
    );
    b.screenshot_screen(&shots.join("not-found-ja-phone.png"));

    // An Outlook .msg chosen with the file input, on a phone, in Japanese.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("配信不能.msg");
    let message = bouncedoc_mail::msg::testing::msg(
        &[
            (
                "007D",
                "From: MAILER-DAEMON@mail.example.com\r\nSubject: Undelivered Mail Returned to Sender\r\n",
            ),
            ("1000", &TWO.replace('\n', "\r\n")),
        ],
        &[],
    );
    std::fs::write(&path, message).unwrap();
    b.navigate(&server.url("/?lang=ja"));
    let document = b.call("DOM.getDocument", json!({}));
    let node = b.call(
        "DOM.querySelector",
        json!({"nodeId": document["root"]["nodeId"], "selector": "#file"}),
    );
    b.eval("window.__bouncedocOld = true");
    b.call(
        "DOM.setFileInputFiles",
        json!({"nodeId": node["nodeId"], "files": [path.display().to_string()]}),
    );
    b.wait_for("window.__bouncedocOld === undefined && document.readyState === 'complete'");
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.kind"),
        "parse"
    );
    assert_eq!(
        b.eval("document.querySelector('#result').dataset.count"),
        "2"
    );
    assert_eq!(
        b.eval("document.querySelector('#text').value.includes('\\uFFFD')"),
        false,
        "no binary in the text box"
    );
    assert!(
        answer_on_first_screen(&mut b),
        "after an upload the answer comes first"
    );
    b.screenshot_screen(&shots.join("msg-ja-phone.png"));
}
