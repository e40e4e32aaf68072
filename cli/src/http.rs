//! A minimal HTTP/1.1 client over `TcpStream`: one POST per connection, plain `http://`
//! only. Enough to play a provider against a local receiver, with no TLS stack to build.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream, ToSocketAddrs};
use std::time::Duration;

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

/// POSTs `body` with `headers`; `timeout` bounds connecting and each read or write.
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
    let mut stream =
        TcpStream::connect_timeout(&addr, timeout).map_err(|e| format!("connect: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
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
    let mut reading = stream.try_clone().map_err(|e| e.to_string())?;
    let reader = std::thread::spawn(move || {
        let mut raw = Vec::new();
        let mut buf = [0u8; 16 * 1024];
        let result = loop {
            match reading.read(&mut buf) {
                Ok(0) => break Ok(()),
                Ok(n) => {
                    raw.extend_from_slice(&buf[..n]);
                    if complete(&raw) {
                        let _ = reading.shutdown(Shutdown::Both);
                        break Ok(());
                    }
                }
                Err(e) => break Err(e),
            }
        };
        (raw, result)
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

/// Whether `raw` holds a whole response: the head, and `content-length` bytes of body
/// (without one, the answer ends when the receiver closes).
fn complete(raw: &[u8]) -> bool {
    let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    head.lines()
        .filter_map(|l| l.strip_prefix("content-length:"))
        .find_map(|v| v.trim().parse::<usize>().ok())
        .is_some_and(|len| raw.len() >= end + 4 + len)
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => "timeout".into(),
        _ => e.to_string(),
    }
}

fn parse_response(raw: &[u8]) -> Option<Response> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let retry_after = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("retry-after"))
        .and_then(|(_, v)| v.trim().parse().ok());
    let body = &raw[end + 4..];
    let body = String::from_utf8_lossy(&body[..body.len().min(BODY_EXCERPT)]).into_owned();
    Some(Response {
        status,
        retry_after,
        body,
    })
}
