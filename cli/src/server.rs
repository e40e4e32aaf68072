//! The receiving side of HTTP/1.1 for `listen`, over `TcpStream`: one request per
//! connection, its head and body read against one deadline, and its body counted up to a
//! limit whatever Content-Length or chunked framing says. The client side is `http.rs`.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// The longest request head (request line and headers) read.
const MAX_HEAD: usize = 64 * 1024;
/// The longest chunk-size line of a chunked body (its extensions included).
const MAX_CHUNK_LINE: usize = 4 * 1024;
/// How long an answer may take to write: answers are short, so only a client that reads
/// nothing takes this long.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// After answering before the end of a body (413, 404), how long and how much of the rest
/// is read and dropped before closing: closing with unread bytes sends a reset, which
/// can destroy the answer before the client reads it.
const LINGER: Duration = Duration::from_secs(2);
const LINGER_BYTES: u64 = 16 * 1024 * 1024;

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The deadline passed first.
    Timeout,
    /// The client closed before the end.
    Closed,
    Io(io::Error),
    /// Not HTTP/1.1 as a client sends it; the reason, for the log and the answer.
    Malformed(&'static str),
    /// The head is over 64 KiB.
    HeadTooLarge,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Timeout => f.write_str("timed out"),
            ReadError::Closed => f.write_str("the client closed the connection"),
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Malformed(why) => f.write_str(why),
            ReadError::HeadTooLarge => write!(f, "the request head is over {MAX_HEAD} bytes"),
        }
    }
}

/// A request line and its headers, values as the bytes on the wire.
pub struct Head {
    pub target: String,
    pub headers: Vec<(String, Vec<u8>)>,
    http11: bool,
}

impl Head {
    /// The first value of header `name`.
    fn header<'a>(&'a self, name: &'a str) -> Option<&'a [u8]> {
        self.values(name).next()
    }

    fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// The Content-Length the client declared, when it declared one.
    pub fn declared_length(&self) -> Option<u64> {
        match self.framing() {
            Ok(Framing::Length(n)) => Some(n),
            _ => None,
        }
    }

    /// How the body is delimited (RFC 9112 §6.3: chunked wins over Content-Length).
    pub fn framing(&self) -> Result<Framing, ReadError> {
        if let Some(last) = self.values("transfer-encoding").last() {
            return if crate::chunked::is_chunked(&String::from_utf8_lossy(last)) {
                Ok(Framing::Chunked)
            } else {
                Err(ReadError::Malformed("a transfer coding other than chunked"))
            };
        }
        let mut length = None;
        for value in self.values("content-length") {
            let n = std::str::from_utf8(value)
                .ok()
                .map(str::trim)
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|v| v.parse::<u64>().ok())
                .ok_or(ReadError::Malformed("an invalid content-length"))?;
            if length.is_some_and(|l| l != n) {
                return Err(ReadError::Malformed("two different content-lengths"));
            }
            length = Some(n);
        }
        Ok(length.map_or(Framing::Empty, Framing::Length))
    }
}

/// How a request body is delimited.
pub enum Framing {
    Length(u64),
    Chunked,
    /// Neither header: no body.
    Empty,
}

/// How much of the request was read when it is answered, which decides how to close.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BodyRead {
    /// To its end: close at once.
    Whole,
    /// Stopped early on purpose (past the limit, or no route): drain a little first.
    Partly,
    /// A timeout or a broken stream: close at once, there is nothing worth waiting for.
    Broken,
}

/// One client connection with its read deadline.
pub struct Conn {
    stream: TcpStream,
    /// Bytes received and not consumed yet.
    buf: Vec<u8>,
    deadline: Instant,
    /// Whether any byte arrived (an idle connection that times out is not worth a line).
    pub received: bool,
}

impl Conn {
    /// The head and the whole body have to arrive within `timeout` of now.
    pub fn new(stream: TcpStream, timeout: Duration) -> Conn {
        Conn {
            stream,
            buf: Vec::new(),
            deadline: Instant::now() + timeout,
            received: false,
        }
    }

    /// Reads more bytes into `buf`, waiting until the deadline at most.
    fn fill(&mut self) -> Result<(), ReadError> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ReadError::Timeout);
        }
        self.stream
            .set_read_timeout(Some(left))
            .map_err(ReadError::Io)?;
        let mut chunk = [0u8; 16 * 1024];
        loop {
            return match self.stream.read(&mut chunk) {
                Ok(0) => Err(ReadError::Closed),
                Ok(n) => {
                    self.received = true;
                    self.buf.extend_from_slice(&chunk[..n]);
                    Ok(())
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    Err(ReadError::Timeout)
                }
                Err(e) => Err(ReadError::Io(e)),
            };
        }
    }

    /// Consumes bytes up to the next CRLF (not included), `max` bytes at most.
    fn line(&mut self, max: usize, too_long: ReadError) -> Result<Vec<u8>, ReadError> {
        let mut from = 0;
        loop {
            if let Some(i) = find(&self.buf[from..], b"\r\n") {
                let end = from + i;
                let line = self.buf[..end].to_vec();
                self.buf.drain(..end + 2);
                return Ok(line);
            }
            if self.buf.len() > max {
                return Err(too_long);
            }
            from = self.buf.len().saturating_sub(1);
            self.fill()?;
        }
    }

    /// Reads the request line and headers.
    pub fn head(&mut self) -> Result<Head, ReadError> {
        let mut from = 0;
        let end = loop {
            if let Some(i) = find(&self.buf[from..], b"\r\n\r\n") {
                break from + i;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(ReadError::HeadTooLarge);
            }
            from = self.buf.len().saturating_sub(3);
            self.fill()?;
        };
        let head = parse_head(&self.buf[..end])?;
        self.buf.drain(..end + 4);
        Ok(head)
    }

    /// Tells a client that waits for it (`expect: 100-continue`) to send the body.
    pub fn continue_if_expected(&mut self, head: &Head) -> Result<(), ReadError> {
        let expects = head
            .header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case(b"100-continue"));
        if expects && head.http11 {
            self.stream
                .set_write_timeout(Some(WRITE_TIMEOUT))
                .and_then(|()| self.stream.write_all(b"HTTP/1.1 100 Continue\r\n\r\n"))
                .map_err(ReadError::Io)?;
        }
        Ok(())
    }

    /// Reads the body, `limit` bytes of it at most: the bytes, and whether that was all.
    pub fn body(
        &mut self,
        framing: &Framing,
        limit: usize,
    ) -> Result<(Vec<u8>, BodyRead), ReadError> {
        let mut body = Vec::new();
        match *framing {
            Framing::Empty => return Ok((body, BodyRead::Whole)),
            Framing::Length(n) => {
                let want = n.min(limit as u64) as usize;
                self.take(&mut body, want)?;
                let whole = if n as usize == want {
                    BodyRead::Whole
                } else {
                    BodyRead::Partly
                };
                return Ok((body, whole));
            }
            Framing::Chunked => {}
        }
        let bad_size = || ReadError::Malformed("a broken chunked encoding");
        loop {
            let line = self.line(MAX_CHUNK_LINE, bad_size())?;
            let size = crate::chunked::chunk_size(&line).ok_or_else(bad_size)?;
            if size == 0 {
                // Trailers, up to the empty line; they are not part of what was signed.
                let mut total = 0;
                loop {
                    let trailer = self.line(MAX_HEAD, ReadError::HeadTooLarge)?;
                    total += trailer.len() + 2;
                    if trailer.is_empty() {
                        return Ok((body, BodyRead::Whole));
                    }
                    if total > MAX_HEAD {
                        return Err(ReadError::HeadTooLarge);
                    }
                }
            }
            let room = limit - body.len();
            if size > room {
                // Past the limit: what was read says so; the rest is not wanted.
                self.take(&mut body, room)?;
                return Ok((body, BodyRead::Partly));
            }
            self.take(&mut body, size)?;
            if !self.line(2, bad_size())?.is_empty() {
                return Err(bad_size());
            }
        }
    }

    /// Moves `n` more bytes of the request into `out`.
    fn take(&mut self, out: &mut Vec<u8>, n: usize) -> Result<(), ReadError> {
        let mut left = n;
        while left > 0 {
            if self.buf.is_empty() {
                self.fill()?;
            }
            let k = left.min(self.buf.len());
            out.extend_from_slice(&self.buf[..k]);
            self.buf.drain(..k);
            left -= k;
        }
        Ok(())
    }

    /// Answers with `body` (JSON) and closes the connection as `read` says.
    pub fn respond(self, status: u16, retry_after: Option<u64>, body: &str, read: BodyRead) {
        let mut head = format!(
            "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
            reason(status),
            body.len()
        );
        if let Some(s) = retry_after {
            head.push_str(&format!("retry-after: {s}\r\n"));
        }
        head.push_str("\r\n");
        head.push_str(body);
        let mut stream = self.stream;
        // The sender may have gone (its own timeout): nothing to do about a failed answer.
        let written = stream
            .set_write_timeout(Some(WRITE_TIMEOUT))
            .and_then(|()| stream.write_all(head.as_bytes()))
            .and_then(|()| stream.flush());
        let _ = stream.shutdown(Shutdown::Write);
        if written.is_ok() && read == BodyRead::Partly {
            linger(&mut stream);
        }
    }
}

/// Reads and drops what the client still sends, until it closes, for a short while.
fn linger(stream: &mut TcpStream) {
    let until = Instant::now() + LINGER;
    let mut chunk = [0u8; 16 * 1024];
    let mut dropped = 0u64;
    while dropped < LINGER_BYTES {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            return;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return,
            Ok(n) => dropped += n as u64,
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn parse_head(raw: &[u8]) -> Result<Head, ReadError> {
    let mut lines = raw
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let request_line = lines.next().unwrap_or_default();
    let request_line = std::str::from_utf8(request_line)
        .map_err(|_| ReadError::Malformed("a bad request line"))?;
    let mut parts = request_line.split(' ');
    let (Some(_method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed("a bad request line"));
    };
    if !version.starts_with("HTTP/1.") || target.is_empty() {
        return Err(ReadError::Malformed("not an HTTP/1.x request"));
    }
    let mut headers = Vec::new();
    for line in lines {
        let colon = line
            .iter()
            .position(|&b| b == b':')
            .ok_or(ReadError::Malformed("a header line without a colon"))?;
        let name = std::str::from_utf8(&line[..colon])
            .ok()
            .filter(|n| !n.is_empty() && n.bytes().all(is_token_byte))
            .ok_or(ReadError::Malformed("a bad header name"))?;
        let value = trim_whitespace(&line[colon + 1..]);
        headers.push((name.to_owned(), value.to_vec()));
    }
    Ok(Head {
        target: target.to_owned(),
        headers,
        http11: version == "HTTP/1.1",
    })
}

/// A header value without the spaces and tabs around it (`<[u8]>::trim_ascii` is newer
/// than the crate's minimum Rust).
fn trim_whitespace(mut v: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = v {
        v = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = v {
        v = rest;
    }
    v
}

/// RFC 9110's `tchar`: a folded line (leading space) or a space before the colon fails.
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// The server side of a connection to which `raw` was written (then half-closed).
    fn conn_with(raw: &'static [u8]) -> Conn {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let client = std::thread::spawn(move || {
            let mut s = TcpStream::connect(addr).unwrap();
            s.write_all(raw).unwrap();
            s.shutdown(Shutdown::Write).unwrap();
            s
        });
        let (stream, _) = listener.accept().unwrap();
        drop(client.join().unwrap());
        Conn::new(stream, Duration::from_secs(5))
    }

    #[test]
    fn a_chunked_body_is_decoded_and_capped() {
        let raw = b"POST /x HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n4\r\ndefg\r\n0\r\ntrailer: t\r\n\r\n";
        let mut c = conn_with(raw);
        let head = c.head().unwrap();
        assert_eq!(head.target, "/x");
        let (body, read) = c.body(&head.framing().unwrap(), 100).unwrap();
        assert_eq!(body, b"abcdefg");
        assert!(read == BodyRead::Whole);

        let mut c = conn_with(raw);
        let head = c.head().unwrap();
        let (body, read) = c.body(&head.framing().unwrap(), 5).unwrap();
        assert_eq!(body, b"abcde");
        assert!(read == BodyRead::Partly);
    }

    #[test]
    fn a_content_length_body_stops_at_the_limit() {
        let mut c = conn_with(b"POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789");
        let head = c.head().unwrap();
        assert_eq!(head.declared_length(), Some(10));
        let (body, read) = c.body(&head.framing().unwrap(), 4).unwrap();
        assert_eq!(body, b"0123");
        assert!(read == BodyRead::Partly);
    }

    #[test]
    fn header_values_keep_their_bytes_and_repeats() {
        let mut c = conn_with(b"POST / HTTP/1.1\r\nX-Sig:  a\xe9b \r\nx-sig: c\r\n\r\n");
        let head = c.head().unwrap();
        let values: Vec<&[u8]> = head.values("x-sig").collect();
        assert_eq!(values, [&b"a\xe9b"[..], b"c"]);
    }

    #[test]
    fn broken_requests_are_refused() {
        for raw in [
            &b"POST / HTTP/1.1\r\n folded: x\r\n\r\n"[..],
            b"POST /\r\n\r\n",
            b"POST / HTTP/1.1\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\n",
            b"POST / HTTP/1.1\r\ntransfer-encoding: gzip\r\n\r\n",
        ] {
            let mut c = conn_with(Box::leak(raw.to_vec().into_boxed_slice()));
            let framing = c.head().and_then(|h| h.framing());
            assert!(
                matches!(framing, Err(ReadError::Malformed(_))),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
        let mut c = conn_with(b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n");
        let head = c.head().unwrap();
        assert!(matches!(
            c.body(&head.framing().unwrap(), 10),
            Err(ReadError::Malformed(_))
        ));
    }

    #[test]
    fn a_body_cut_short_is_an_error() {
        let mut c = conn_with(b"POST / HTTP/1.1\r\ncontent-length: 10\r\n\r\n01234");
        let head = c.head().unwrap();
        assert!(matches!(
            c.body(&head.framing().unwrap(), 100),
            Err(ReadError::Closed)
        ));
    }
}
