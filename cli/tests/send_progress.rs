//! `hookseal send` reports each attempt while its schedule runs (read here line by line
//! from the running process), and says whether the receiver de-duplicated a replay.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;

/// Reads one request (head and content-length body) from `stream`.
fn read_request(stream: &TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap();
        }
        if line == "\r\n" {
            break;
        }
    }
    let mut body = vec![0; len];
    let _ = reader.read_exact(&mut body);
}

fn answer(mut stream: TcpStream, status: u16, body: &str) {
    let response = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes());
}

/// A receiver that answers the first request 500 and holds the second one until the
/// test sends on the returned channel, then answers it 200.
fn gated_receiver() -> (String, mpsc::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (release, gate) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        let mut incoming = listener.incoming();
        let first = incoming.next().unwrap().unwrap();
        read_request(&first);
        answer(first, 500, r#"{"error":"boom"}"#);
        let second = incoming.next().unwrap().unwrap();
        read_request(&second);
        gate.recv().unwrap();
        answer(second, 200, r#"{"received":true}"#);
    });
    (url, release)
}

/// A receiver that answers every request 200 `body`.
fn answering(body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let stream = stream.unwrap();
            read_request(&stream);
            answer(stream, 200, body);
        }
    });
    url
}

/// A receiver that answers as Node's servers answer a body written without a length: in
/// chunks, and the connection kept open (so the answer's end is its last chunk, not a
/// close). It acknowledges every second delivery as a duplicate.
fn answering_in_chunks() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut open = Vec::new();
        for (n, stream) in listener.incoming().enumerate() {
            let mut stream = stream.unwrap();
            read_request(&stream);
            let body = [r#"{"received":true}"#, r#"{"duplicate":true}"#][n % 2];
            let response = format!(
                "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{body}\r\n0\r\n\r\n",
                body.len()
            );
            stream.write_all(response.as_bytes()).unwrap();
            open.push(stream);
        }
    });
    url
}

/// `hookseal send` running, its stdout a pipe (not a terminal).
fn spawn_send(args: &[&str]) -> (Child, std::io::Lines<BufReader<std::process::ChildStdout>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hookseal"))
        .arg("send")
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("HOOKSEAL_SECRET")
        .stdout(Stdio::piped())
        .spawn()
        .expect("send starts");
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

fn next(lines: &mut impl Iterator<Item = std::io::Result<String>>) -> String {
    lines.next().expect("a line").expect("utf-8")
}

#[test]
fn each_attempt_is_printed_as_it_happens() {
    let (url, release) = gated_receiver();
    let (mut child, mut lines) = spawn_send(&[
        "--provider",
        "saleslab",
        "--url",
        &url,
        "--secret",
        "sl_k",
        "--time-scale",
        "0",
        "--timeout",
        "60",
    ]);
    assert!(next(&mut lines).starts_with("saleslab session.scorecard_finalized (genuine"));
    let first = next(&mut lines);
    assert!(first.contains("attempt 1 after 0s"), "{first}");
    assert!(first.contains("500, retry in 1m"), "{first}");
    // The receiver holds the second answer: the first attempt was reported while the
    // process is still running, not at the end of the schedule.
    assert!(child.try_wait().unwrap().is_none(), "send already ended");
    release.send(()).unwrap();
    let second = next(&mut lines);
    assert!(second.contains("attempt 2 after 1m"), "{second}");
    assert!(second.ends_with("200"), "{second}");
    assert_eq!(next(&mut lines), "  delivered after 2 attempt(s)");
    assert!(child.wait().unwrap().success());
}

#[test]
fn each_attempt_is_a_json_line_as_it_happens() {
    let (url, release) = gated_receiver();
    let (mut child, mut lines) = spawn_send(&[
        "--json",
        "--provider",
        "salesos",
        "--url",
        &url,
        "--secret",
        "whsec_k",
        "--time-scale",
        "0",
        "--timeout",
        "60",
    ]);
    let first: serde_json::Value = serde_json::from_str(&next(&mut lines)).unwrap();
    assert_eq!(first["attempt"], 1);
    assert_eq!(first["status"], 500);
    assert_eq!(first["retry_in_seconds"], 60);
    assert!(child.try_wait().unwrap().is_none(), "send already ended");
    release.send(()).unwrap();
    let second: serde_json::Value = serde_json::from_str(&next(&mut lines)).unwrap();
    assert_eq!(second["attempt"], 2);
    assert_eq!(second["status"], 200);
    let summary: serde_json::Value = serde_json::from_str(&next(&mut lines)).unwrap();
    assert_eq!(summary["deliveries"][0]["outcome"], "delivered");
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_failed_attempt_says_why() {
    let url = refused_url();
    let o = hookseal(&[
        "send",
        "--provider",
        "salescaling",
        "--url",
        &url,
        "--secret",
        "t",
        "--time-scale",
        "0",
    ]);
    let text = stdout(&o);
    let attempts: Vec<&str> = text.lines().filter(|l| l.contains("attempt ")).collect();
    assert_eq!(attempts.len(), 4, "{text}");
    assert!(
        attempts.iter().all(|l| l.contains("connection refused")),
        "{text}"
    );
    assert!(text.ends_with("failed after 4 attempt(s)\n"), "{text}");
    assert_eq!(o.status.code(), Some(1));
}

/// `send --replay` to `url`: its text output, and its JSON report's `replay_verdict`.
fn replay(provider: &str, url: &str, secret: &str) -> (String, serde_json::Value) {
    let args = [
        "send",
        "--provider",
        provider,
        "--url",
        url,
        "--secret",
        secret,
        "--replay",
    ];
    let o = hookseal(&args);
    assert!(o.status.success(), "{}", stdout(&o));
    let mut json_args = args.to_vec();
    json_args.insert(1, "--json");
    (
        stdout(&o),
        json(&hookseal(&json_args))["replay_verdict"].clone(),
    )
}

#[test]
fn a_replay_the_receiver_deduplicates() {
    let listener = Listener::start(&["--scheme", "saleslab", "--secret", "sl_k"]);
    let (text, verdict) = replay("saleslab", &format!("{}/saleslab", listener.base), "sl_k");
    let said = "  deduplicated: the receiver acknowledged the replay as a duplicate";
    assert!(text.contains(said), "{text}");
    assert_eq!(verdict, "deduplicated");
}

#[test]
fn a_replay_the_receiver_processes_again() {
    let url = answering(r#"{"received":true}"#);
    let (text, verdict) = replay("salesbooth", &url, "whsec_k");
    let said = "  processed: the receiver processed the replay as a new delivery";
    assert!(text.contains(said), "{text}");
    assert_eq!(verdict, "processed");
}

#[test]
fn a_duplicate_answered_in_chunks_is_read_as_one() {
    let url = answering_in_chunks();
    let (text, verdict) = replay("salesbooth", &url, "whsec_k");
    let said = "  deduplicated: the receiver acknowledged the replay as a duplicate";
    assert!(text.contains(said), "{text}");
    assert_eq!(verdict, "deduplicated");
}
