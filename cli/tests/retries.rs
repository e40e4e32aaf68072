//! `hookseal send` follows each provider's retry policy, against a scripted test server.
//! `--time-scale 0` removes the waits; the schedule is read from the report.

mod common;
use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::time::Duration;

/// One scripted answer: a status (with an optional Retry-After), or `None`: no answer
/// before the sender's timeout.
type Answer = Option<(u16, Option<u64>)>;

/// A server that answers each request with the next scripted answer; returns its URL.
fn scripted(answers: Vec<Answer>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for (stream, answer) in listener.incoming().zip(answers) {
            // One thread per connection: a silent answer must not hold up the next one.
            std::thread::spawn(move || answer_one(stream.unwrap(), answer));
        }
    });
    url
}

fn answer_one(mut stream: std::net::TcpStream, answer: Answer) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
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
    let mut body = vec![0; len];
    reader.read_exact(&mut body).unwrap();
    let Some((status, retry_after)) = answer else {
        std::thread::sleep(Duration::from_millis(1500));
        return;
    };
    let extra = retry_after.map_or(String::new(), |s| format!("retry-after: {s}\r\n"));
    let response =
        format!("HTTP/1.1 {status} X\r\n{extra}content-length: 2\r\nconnection: close\r\n\r\nno");
    let _ = stream.write_all(response.as_bytes());
}

fn send(provider: &str, answers: Vec<Answer>, extra: &[&str]) -> Value {
    let url = scripted(answers);
    let mut args = vec![
        "send",
        "--json",
        "--provider",
        provider,
        "--url",
        &url,
        "--secret",
        "whsec_k",
    ];
    if !extra.contains(&"--time-scale") {
        args.extend(["--time-scale", "0"]);
    }
    args.extend_from_slice(extra);
    json(&hookseal(&args))["deliveries"][0].clone()
}

fn schedule(d: &Value) -> Vec<u64> {
    d["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["after_seconds"].as_u64().unwrap())
        .collect()
}

fn status(s: u16) -> Answer {
    Some((s, None))
}

#[test]
fn saleslab_retries_5xx_on_its_schedule_then_fails() {
    let d = send("saleslab", vec![status(500); 6], &[]);
    assert_eq!(schedule(&d), [0, 60, 300, 1800, 7200, 28_800]);
    assert_eq!(d["outcome"], "failed");
}

#[test]
fn saleslab_does_not_retry_4xx() {
    let d = send("saleslab", vec![status(400)], &[]);
    assert_eq!(schedule(&d), [0]);
    assert_eq!(d["outcome"], "failed");
}

#[test]
fn salesos_retries_any_non_2xx_until_delivered() {
    let d = send("salesos", vec![status(400), status(500), status(200)], &[]);
    assert_eq!(schedule(&d), [0, 60, 300]);
    assert_eq!(d["outcome"], "delivered");
    let d = send("salesos", vec![status(503); 6], &[]);
    assert_eq!(schedule(&d), [0, 60, 300, 1800, 7200, 43_200]);
}

#[test]
fn salesbooth_three_attempts_then_dead_letter() {
    let d = send("salesbooth", vec![status(500); 3], &[]);
    // T+0, T+5m, T+30m: 300 s after the first, 1500 s after the second.
    assert_eq!(schedule(&d), [0, 300, 1500]);
    assert_eq!(d["outcome"], "dead_letter");
}

#[test]
fn salesbooth_honours_retry_after_on_429() {
    let d = send("salesbooth", vec![Some((429, Some(7))), status(200)], &[]);
    assert_eq!(schedule(&d), [0, 7]);
    assert_eq!(d["attempts"][0]["retry_after"], 7);
    assert_eq!(d["outcome"], "delivered");
}

#[test]
fn salesbooth_dead_letters_other_4xx_at_once() {
    let d = send("salesbooth", vec![status(400)], &[]);
    assert_eq!(schedule(&d), [0]);
    assert_eq!(d["outcome"], "dead_letter");
}

#[test]
fn salescaling_up_to_three_retries() {
    let d = send("salescaling", vec![status(500); 4], &[]);
    assert_eq!(d["attempts"].as_array().unwrap().len(), 4);
    assert_eq!(d["outcome"], "failed");
}

#[test]
fn a_handler_timeout_is_retried() {
    let d = send("salesbooth", vec![None, status(200)], &["--timeout", "0.3"]);
    assert_eq!(d["attempts"][0]["error"], "timeout");
    assert_eq!(d["outcome"], "delivered");
}

#[test]
fn time_scale_compresses_real_waits() {
    // 60 s at 1/10000 is 6 ms: the run completes; nothing here measures time.
    let d = send(
        "saleslab",
        vec![status(502), status(200)],
        &["--time-scale", "0.0001"],
    );
    assert_eq!(schedule(&d), [0, 60]);
    assert_eq!(d["outcome"], "delivered");
}

#[test]
fn a_refused_connection_is_a_network_failure() {
    let url = refused_url();
    let v = json(&hookseal(&[
        "send",
        "--json",
        "--provider",
        "salescaling",
        "--url",
        &url,
        "--secret",
        "t",
        "--time-scale",
        "0",
    ]));
    let d = &v["deliveries"][0];
    assert!(d["attempts"][0]["status"].is_null());
    assert_eq!(d["attempts"].as_array().unwrap().len(), 4);
}
