//! Helpers for tests that run the built `hookseal` binary.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn hookseal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hookseal"))
        .args(args)
        .env_remove("HOOKSEAL_SECRET")
        .env("NO_COLOR", "1")
        .output()
        .expect("the hookseal binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    let text = stdout(o);
    let line = text.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {text:?} {:?}", o.stderr))
}

/// A fresh directory for one test's files, under the target directory (tests run in
/// parallel: each call gets its own).
pub fn scratch(name: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("hookseal-cli-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// A `hookseal listen` process, killed when dropped.
pub struct Listener {
    child: Child,
    pub base: String,
}

impl Listener {
    pub fn start(args: &[&str]) -> Listener {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hookseal"))
            .arg("listen")
            .args(["--port", "0"])
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .spawn()
            .expect("listen starts");
        let mut first = String::new();
        let stdout = child.stdout.take().unwrap();
        let mut reader = BufReader::new(stdout);
        reader.read_line(&mut first).unwrap();
        let base = first.trim().trim_start_matches("listening on ").to_owned();
        assert!(base.starts_with("http://127.0.0.1:"), "{first:?}");
        // Keep draining the log so the receiver never blocks on a full pipe.
        std::thread::spawn(move || for _ in reader.lines() {});
        Listener { child, base }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A URL on 127.0.0.1 where nothing listens (a port bound, then let go): connecting is
/// refused.
pub fn refused_url() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    format!("http://127.0.0.1:{port}/")
}

/// Provider secrets used by the send/listen tests.
pub const SECRETS: [(&str, &str); 4] = [
    ("saleslab", "sl_test_secret"),
    ("salesos", "whsec_salesos_test"),
    ("salesbooth", "whsec_salesbooth_test"),
    ("salescaling", "sc_test_token"),
];

pub fn providers_listener() -> Listener {
    let flags: Vec<String> = SECRETS.iter().map(|(p, s)| format!("{p}={s}")).collect();
    let mut args = vec!["--providers"];
    for f in &flags {
        args.extend(["--secret-for", f.as_str()]);
    }
    Listener::start(&args)
}

/// The status, headers (lowercased) and body of an HTTP answer read to its end.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// Reads an answer from `stream` until the server closes it.
pub fn read_answer(stream: &mut std::net::TcpStream) -> Answer {
    use std::io::Read;
    let mut raw = Vec::new();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    stream
        .read_to_end(&mut raw)
        .expect("an answer, then the end");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    Answer {
        status,
        head: head.to_ascii_lowercase(),
        body: body.to_owned(),
    }
}

/// Opens a connection to a listener's `base` URL (`http://127.0.0.1:PORT`).
pub fn connect(base: &str) -> std::net::TcpStream {
    std::net::TcpStream::connect(base.trim_start_matches("http://")).expect("the listener accepts")
}

/// A POST's request head for `body` with `headers`.
pub fn request_head(path: &str, headers: &[(String, String)], body_len: usize) -> String {
    let mut head =
        format!("POST {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {body_len}\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head + "\r\n"
}

/// POSTs `body` and reads the answer, or `None` when the connection broke first (a server
/// that answers early and closes may reset a connection it did not read to the end).
#[allow(dead_code)] // not every test file retries
pub fn try_post(
    base: &str,
    path: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> Option<Answer> {
    use std::io::{Read, Write};
    let mut stream = connect(base);
    stream
        .write_all(request_head(path, headers, body.len()).as_bytes())
        .and_then(|()| stream.write_all(body))
        .ok()?;
    let mut raw = Vec::new();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .ok()?;
    stream.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n")?;
    Some(Answer {
        status: head.split(' ').nth(1)?.parse().ok()?,
        head: head.to_ascii_lowercase(),
        body: body.to_owned(),
    })
}

/// POSTs `body` and reads the answer.
pub fn post(base: &str, path: &str, headers: &[(String, String)], body: &[u8]) -> Answer {
    use std::io::Write;
    let mut stream = connect(base);
    stream
        .write_all(request_head(path, headers, body.len()).as_bytes())
        .and_then(|()| stream.write_all(body))
        .unwrap();
    read_answer(&mut stream)
}
