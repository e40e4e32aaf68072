//! `hookseal listen` serves connections concurrently, each within a read timeout, and
//! remembers a bounded number of idempotency keys.

mod common;
use common::*;
use hookseal::{Scheme, Signer};
use std::io::{ErrorKind, Read, Write};
use std::time::{Duration, Instant};

const SECRET: &str = "whsec_salesos_test";

/// A genuine SalesOS delivery of event `id`: its body and signed headers.
fn delivery(id: &str) -> (Vec<u8>, Vec<(String, String)>) {
    let body = format!(
        r#"{{"id":"{id}","type":"deal.won","created_at":"2024-01-01T00:00:00Z","data":{{}}}}"#
    );
    let headers = Signer::new(Scheme::SalesOs, SECRET)
        .unwrap()
        .sign(body.as_bytes(), None)
        .unwrap();
    (body.into_bytes(), headers)
}

fn salesos_listener(extra: &[&str]) -> Listener {
    let mut args = vec!["--scheme", "salesos", "--secret", SECRET];
    args.extend_from_slice(extra);
    Listener::start(&args)
}

fn deliver(listener: &Listener, id: &str) -> Answer {
    let (body, headers) = delivery(id);
    post(&listener.base, "/", &headers, &body)
}

/// Whether the server has neither answered nor closed `stream` yet.
fn still_waiting(stream: &mut std::net::TcpStream) -> bool {
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut byte = [0u8; 1];
    matches!(stream.read(&mut byte), Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut))
}

#[test]
fn a_stalled_body_does_not_hold_up_another_delivery() {
    let listener = salesos_listener(&[]);
    let (body, headers) = delivery("evt_stalled");
    let mut stalled = connect(&listener.base);
    let half = body.len() / 2;
    stalled
        .write_all(request_head("/", &headers, body.len()).as_bytes())
        .and_then(|()| stalled.write_all(&body[..half]))
        .unwrap();
    // Give the receiver time to start reading the stalled body: that is the case to show.
    std::thread::sleep(Duration::from_millis(300));

    let started = Instant::now();
    let other = deliver(&listener, "evt_other");
    assert_eq!(other.status, 200, "{}", other.body);
    assert!(
        other.body.contains(r#""duplicate":false"#),
        "{}",
        other.body
    );
    // Answered while the stalled one is still being read, well before its 10 s run out.
    assert!(started.elapsed() < Duration::from_secs(8));
    assert!(
        still_waiting(&mut stalled),
        "the stalled delivery is still open"
    );

    // The stalled connection was only waiting: its rest arrives and it verifies.
    stalled.write_all(&body[half..]).unwrap();
    let answer = read_answer(&mut stalled);
    assert_eq!(answer.status, 200, "{}", answer.body);
}

#[test]
fn a_client_stalled_past_the_read_timeout_is_answered_and_closed() {
    let listener = salesos_listener(&["--read-timeout", "1"]);
    let (body, headers) = delivery("evt_1");
    let mut in_body = connect(&listener.base);
    in_body
        .write_all(request_head("/", &headers, body.len()).as_bytes())
        .and_then(|()| in_body.write_all(&body[..body.len() / 2]))
        .unwrap();
    let mut in_head = connect(&listener.base);
    in_head.write_all(b"POST / HTTP/1.1\r\nx-sales").unwrap();
    let started = Instant::now();

    let answer = read_answer(&mut in_body);
    assert_eq!(answer.status, 400);
    assert!(
        answer.body.contains(r#""error":"unreadable_body""#),
        "{}",
        answer.body
    );
    assert!(answer.body.contains("timed out"), "{}", answer.body);
    let answer = read_answer(&mut in_head);
    assert_eq!(answer.status, 408, "{}", answer.body);
    // Closed at the 1 s given, not at the default 10 s.
    assert!(started.elapsed() < Duration::from_secs(9));

    // The receiver goes on serving.
    assert_eq!(deliver(&listener, "evt_2").status, 200);
}

#[test]
fn the_duplicate_set_forgets_its_oldest_key_past_its_bound() {
    let listener = salesos_listener(&["--remember", "3"]);
    let duplicate = |id: &str| {
        let a = deliver(&listener, id);
        assert_eq!(a.status, 200, "{}", a.body);
        a.body.contains(r#""duplicate":true"#)
    };
    for id in ["evt_0", "evt_1", "evt_2", "evt_3"] {
        assert!(!duplicate(id), "{id} is new");
    }
    // Three keys remembered: evt_1..evt_3; evt_0, the oldest, was forgotten.
    assert!(duplicate("evt_3"));
    assert!(duplicate("evt_1"));
    assert!(!duplicate("evt_0"), "the first key was evicted");
    // Remembering evt_0 again forgot evt_1, now the oldest.
    assert!(!duplicate("evt_1"));

    // With the default bound, the same five keys are all remembered.
    let listener = salesos_listener(&[]);
    for id in ["evt_0", "evt_1", "evt_2", "evt_3"] {
        deliver(&listener, id);
    }
    let again = deliver(&listener, "evt_0");
    assert!(again.body.contains(r#""duplicate":true"#), "{}", again.body);
}

#[test]
fn past_the_connection_cap_a_delivery_is_told_to_retry() {
    let listener = salesos_listener(&["--max-connections", "1"]);
    let mut holder = connect(&listener.base);
    holder.write_all(b"POST / HTTP/1.1\r\n").unwrap();
    // The receiver accepts in order: the holder has the one slot before this connects.
    let refused = deliver(&listener, "evt_1");
    assert_eq!(refused.status, 503, "{}", refused.body);
    assert!(refused.head.contains("retry-after: 1"), "{}", refused.head);
    assert!(refused.body.contains("too_many_connections"));

    drop(holder);
    // The slot is given back once the holder's connection ends; the retry gets through.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let (body, headers) = delivery("evt_1");
        // Until the slot is back, a refusal may reset the connection before it is read.
        let a = try_post(&listener.base, "/", &headers, &body);
        if a.as_ref().is_some_and(|a| a.status == 200) {
            break;
        }
        assert!(Instant::now() < deadline, "the slot came back: {a:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
