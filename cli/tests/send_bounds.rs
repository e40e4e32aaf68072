//! `hookseal send` reads at most 64 KiB of an answer's body, and gives an attempt the
//! provider's timeout in all, however the answer arrives.

mod common;
use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Reads one request (head and content-length body) from `stream`.
fn read_request(stream: &TcpStream) {
    let mut reader = BufReader::new(stream);
    let mut len = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            len = v.trim().parse().unwrap();
        }
        if line == "\r\n" {
            break;
        }
    }
    reader.read_exact(&mut vec![0; len]).unwrap();
}

/// A server that answers each connection with `answer`, on its own thread; the URL, and
/// what each `answer` returned.
fn serve<F>(answer: F) -> (String, mpsc::Receiver<u64>)
where
    F: Fn(&mut TcpStream) -> u64 + Send + Sync + Copy + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut stream = stream.unwrap();
                read_request(&stream);
                let _ = tx.send(answer(&mut stream));
            });
        }
    });
    (url, rx)
}

fn send(provider: &str, url: &str, timeout: &str) -> serde_json::Value {
    let v = json(&hookseal(&[
        "send",
        "--json",
        "--provider",
        provider,
        "--url",
        url,
        "--secret",
        "whsec_k",
        "--time-scale",
        "0",
        "--timeout",
        timeout,
    ]));
    v["deliveries"][0].clone()
}

/// The bytes written of a body that never ends, before the client stops taking them.
const ENDLESS_LIMIT: u64 = 1 << 30;

#[test]
fn an_endless_answer_is_read_up_to_the_cap() {
    let (url, written) = serve(|stream| {
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n";
        stream.write_all(head.as_bytes()).unwrap();
        let chunk = [b'x'; 64 * 1024];
        let mut total = 0u64;
        // No content-length and no end: only the client closing stops this (or 1 GiB).
        while total < ENDLESS_LIMIT && stream.write_all(&chunk).is_ok() {
            total += chunk.len() as u64;
        }
        total
    });
    let started = Instant::now();
    // A timeout far past what reading 64 KiB takes: the cap, not the clock, ends it.
    let d = send("salesos", &url, "120");
    let elapsed = started.elapsed();
    assert_eq!(d["outcome"], "delivered", "{d}");
    assert_eq!(d["attempts"][0]["status"], 200);
    assert!(d["attempts"][0]["response"]
        .as_str()
        .unwrap()
        .starts_with("xxx"));
    let total = written.recv_timeout(Duration::from_secs(60)).unwrap();
    // What the client did not read sits in the two sockets' buffers, a few MiB at most.
    assert!(
        total < 64 << 20,
        "the server wrote {total} bytes before the client closed"
    );
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    eprintln!("endless answer: the server wrote {total} bytes; send took {elapsed:?}");
}

#[test]
fn an_answer_that_trickles_in_runs_out_of_the_providers_timeout() {
    let (url, _) = serve(|stream| {
        // A byte every 100 ms, each well within any per-read timeout; 20 s at most.
        let mut sent = 0;
        for b in b"HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n"
            .iter()
            .chain(&[b'x'; 1000])
        {
            if stream.write_all(&[*b]).is_err() {
                break;
            }
            sent += 1;
            std::thread::sleep(Duration::from_millis(100));
        }
        sent
    });
    let d = send("salesbooth", &url, "1");
    let attempts = d["attempts"].as_array().unwrap();
    assert!(!attempts.is_empty());
    for a in attempts {
        assert_eq!(a["error"], "timeout", "{d}");
    }
    assert_eq!(d["outcome"], "dead_letter");
}
