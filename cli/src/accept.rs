//! `listen`'s accept loop: a thread per connection, up to a cap, so that one slow client
//! never delays another; past the cap a connection is told to retry.

use crate::server::{BodyRead, Conn};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Accepts forever, running `serve` on its own thread for each connection, `max` at once.
///
/// Past `max` a connection is answered 503 on a thread of its own, which reads what the
/// client sends while it closes, so that the answer is not lost to a reset; `max` of those
/// at once too, and past that a connection is closed unanswered. Either way the sender
/// sees a failure it retries.
pub fn serve<F>(listener: &TcpListener, max: u32, serve: F)
where
    F: Fn(TcpStream) + Sync,
{
    let (serving, refusing) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let serve = &serve;
    std::thread::scope(|scope| {
        for stream in listener.incoming() {
            let Ok(stream) = stream else {
                // Out of descriptors, say: the connections in flight will free some.
                std::thread::sleep(Duration::from_millis(50));
                continue;
            };
            let spawned = if let Some(slot) = Slot::take(&serving, max) {
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    let _slot = slot;
                    serve(stream);
                })
            } else if let Some(slot) = Slot::take(&refusing, max) {
                std::thread::Builder::new().spawn_scoped(scope, move || {
                    let _slot = slot;
                    busy(stream, max);
                })
            } else {
                continue;
            };
            // A thread that cannot start drops its connection, and the sender retries.
            drop(spawned);
        }
    });
}

/// One of `max` places, given back when dropped.
struct Slot<'a>(&'a AtomicUsize);

impl<'a> Slot<'a> {
    fn take(taken: &'a AtomicUsize, max: u32) -> Option<Slot<'a>> {
        let before = taken.fetch_add(1, Ordering::AcqRel);
        // Built first so that a refused place is given back by the drop.
        let slot = Slot(taken);
        (before < max as usize).then_some(slot)
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// 503 with `Retry-After: 1` (every seed provider retries a 5xx), without reading the
/// request.
fn busy(stream: TcpStream, max: u32) {
    let message = format!("{max} connections are being served; retry later");
    let body = hookseal::receive::rejection_body("too_many_connections", &message);
    Conn::new(stream, Duration::ZERO).respond(503, Some(1), &body, BodyRead::Partly);
}
