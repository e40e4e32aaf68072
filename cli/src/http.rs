//! A minimal HTTP/1.1 client over `TcpStream`: one POST per connection, plain `http://`
//! only. Enough to play a provider against a local receiver, with no TLS stack to build.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

/// What the receiver answered.
pub struct Response {
    pub status: u16,
    pub retry_after: Option<u64>,
    /// The start of the response body (receivers answer briefly).
    pub body: String,
}

/// The parts of an `http://host[:port][/path]` URL.
pub struct Url {
    host: String,
    port: u16,
    path: String,
}

impl Url {
    pub fn parse(url: &str) -> Result<Url, String> {
        let rest = url.strip_prefix("http://").ok_or_else(|| {
            format!("{url}: only http:// URLs (a local receiver or a tunnel's http side)")
        })?;
        let (authority, path) = rest.find('/').map_or((rest, "/"), |i| rest.split_at(i));
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, p.parse().map_err(|_| format!("{url}: bad port"))?),
            None => (authority, 80),
        };
        if host.is_empty() {
            return Err(format!("{url}: no host"));
        }
        Ok(Url {
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }
}

const BODY_EXCERPT: usize = 512;
/// The most of a response body read: a receiver's answer is a short JSON object, so past
/// this the rest (a misconfigured or hostile server's endless body) is not waited for.
pub const MAX_RESPONSE_BODY: usize = 64 * 1024;
/// The longest response head read.
const MAX_RESPONSE_HEAD: usize = 64 * 1024;

/// POSTs `body` with `headers`. `timeout` is the provider's: connecting, sending and
/// reading the answer all happen within it, however slowly the answer trickles in.
pub fn post(
    url: &Url,
    headers: &[(String, String)],
    body: &[u8],
    timeout: Duration,
) -> Result<Response, String> {
    let addr = (url.host.as_str(), url.port)
        .to_socket_addrs()
        .map_err(|e| format!("resolving {}: {e}", url.host))?
        .next()
        .ok_or_else(|| format!("{} has no address", url.host))?;
    let deadline = Instant::now() + timeout;
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(|e| match e.kind() {
        std::io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            "timeout (no connection)".to_owned()
        }
        _ => format!("connect: {e}"),
    })?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(|e| e.to_string())?;
    let mut head = format!(
        "POST {} HTTP/1.1\r\nhost: {}:{}\r\ncontent-length: {}\r\nconnection: close\r\n",
        url.path,
        url.host,
        url.port,
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // A receiver may answer (413, say) before reading the whole body, and then stop
    // reading: read the answer on another thread while writing, and once it is complete,
    // shut the socket down, which also ends a write that the receiver no longer reads.
    // The same happens at the deadline and at the size cap.
    let mut reading = stream.try_clone().map_err(|e| e.to_string())?;
    let reader = std::thread::spawn(move || {
        let result = read_answer(&mut reading, deadline);
        let _ = reading.shutdown(Shutdown::Both);
        result
    });
    let written = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body))
        .and_then(|()| stream.flush());
    let (raw, read) = reader
        .join()
        .unwrap_or_else(|_| (Vec::new(), Err(std::io::ErrorKind::Other.into())));
    match (parse_response(&raw), written, read) {
        (Some(r), _, _) => Ok(r),
        (None, _, Err(e)) | (None, Err(e), _) => Err(describe(&e)),
        (None, Ok(()), Ok(())) => Err("the receiver closed without an HTTP answer".into()),
    }
}

/// Reads the answer until it is complete, the receiver closes, the deadline passes or the
/// caps are reached; returns what was read, and the error that ended it, if one did.
fn read_answer(stream: &mut TcpStream, deadline: Instant) -> (Vec<u8>, std::io::Result<()>) {
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (raw, Err(std::io::ErrorKind::TimedOut.into()));
        }
        if let Err(e) = stream.set_read_timeout(Some(left)) {
            return (raw, Err(e));
        }
        match stream.read(&mut buf) {
            Ok(0) => return (raw, Ok(())),
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return (raw, Err(e)),
        }
        if complete(&raw) {
            return (raw, Ok(()));
        }
        match head_end(&raw) {
            Some(end) if raw.len() >= end + 4 + MAX_RESPONSE_BODY => {
                raw.truncate(end + 4 + MAX_RESPONSE_BODY);
                return (raw, Ok(()));
            }
            None if raw.len() > MAX_RESPONSE_HEAD => {
                let e = std::io::Error::other("the response head is over 64 KiB");
                return (raw, Err(e));
            }
            _ => {}
        }
    }
}

fn head_end(raw: &[u8]) -> Option<usize> {
    raw.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Whether `raw` holds a whole response: the head, and the body its framing promises
/// (`content-length` bytes, or a chunked body up to its last chunk; without either, the
/// answer ends when the receiver closes).
fn complete(raw: &[u8]) -> bool {
    let Some(end) = head_end(raw) else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..end]);
    let body = &raw[end + 4..];
    if is_chunked(&head) {
        return dechunk(body).1;
    }
    header(&head, "content-length")
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|len| body.len() >= len)
}

/// The value of the first `name` header in a response head.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.split("\r\n")
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case(name))
        .map(|(_, v)| v.trim())
}

/// Whether the body is sent in chunks (Node's servers do so for an answer written without
/// a length, Next.js's duplicate acknowledgement among them).
fn is_chunked(head: &str) -> bool {
    header(head, "transfer-encoding").is_some_and(crate::chunked::is_chunked)
}

/// A chunked body's data (RFC 9112 §7.1), and whether its last chunk has arrived. Of a
/// body cut short (a cap, a timeout, a broken size line) what arrived is kept: it is shown
/// to people, not verified.
fn dechunk(mut rest: &[u8]) -> (Vec<u8>, bool) {
    let mut data = Vec::new();
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return (data, false);
        };
        let Some(size) = crate::chunked::chunk_size(&rest[..eol]) else {
            return (data, false);
        };
        rest = &rest[eol + 2..];
        if size == 0 {
            return (data, true);
        }
        let take = size.min(rest.len());
        data.extend_from_slice(&rest[..take]);
        if take < size || rest.len() < size + 2 {
            return (data, false);
        }
        rest = &rest[size + 2..];
    }
}

/// Why an attempt failed, in the words a provider's delivery log uses.
fn describe(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::WouldBlock | ErrorKind::TimedOut => "timeout".into(),
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
            "connection reset by the receiver".into()
        }
        ErrorKind::BrokenPipe => {
            "the receiver closed the connection while the body was sent".into()
        }
        _ => e.to_string(),
    }
}

fn parse_response(raw: &[u8]) -> Option<Response> {
    let end = head_end(raw)?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let status = head.split("\r\n").next()?.split(' ').nth(1)?.parse().ok()?;
    let retry_after = header(head, "retry-after").and_then(|v| v.parse().ok());
    let body = &raw[end + 4..];
    let dechunked;
    let body = if is_chunked(head) {
        dechunked = dechunk(body).0;
        &dechunked
    } else {
        body
    };
    let body = String::from_utf8_lossy(&body[..body.len().min(BODY_EXCERPT)]).into_owned();
    Some(Response {
        status,
        retry_after,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHUNKED: &[u8] =
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n12\r\n{\"duplicate\":true}\r\n0\r\n\r\n";

    #[test]
    fn a_chunked_answer_is_read_as_its_data() {
        assert!(complete(CHUNKED));
        let r = parse_response(CHUNKED).unwrap();
        assert_eq!((r.status, r.body.as_str()), (200, "{\"duplicate\":true}"));
    }

    #[test]
    fn chunks_with_extensions_and_a_body_cut_short() {
        let raw = b"HTTP/1.1 503 x\r\ntransfer-encoding: chunked\r\nretry-after: 5\r\n\r\n3;a=b\r\nabc\r\n4\r\nde";
        assert!(!complete(raw));
        let r = parse_response(raw).unwrap();
        assert_eq!(
            (r.status, r.retry_after, r.body.as_str()),
            (503, Some(5), "abcde")
        );
    }

    #[test]
    fn a_length_delimits_the_body() {
        let raw = b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\nab";
        assert!(!complete(raw));
        assert!(complete(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nab"));
        assert_eq!(parse_response(raw).unwrap().body, "ab");
    }
}
