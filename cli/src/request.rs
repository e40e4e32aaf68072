//! Reading a raw HTTP request as captured (request line, headers, blank line, body).

pub type HeaderList = Vec<(String, Vec<u8>)>;

/// Splits a captured request into its headers and its body bytes. Lines may end in CRLF
/// or LF; the body is everything after the first empty line, cut to `Content-Length`
/// when that header is shorter. Chunked bodies are not decoded: capture them de-chunked.
pub fn parse(raw: &[u8]) -> Result<(HeaderList, Vec<u8>), String> {
    let (head, body) =
        split_head(raw).ok_or("the request has no empty line between the headers and the body")?;
    let mut lines = head.split(|b| *b == b'\n').map(strip_cr);
    let request_line = lines.next().unwrap_or_default();
    if !request_line.windows(5).any(|w| w == b"HTTP/") {
        return Err("the first line is not an HTTP request line (`POST /path HTTP/1.1`)".into());
    }
    let mut headers = HeaderList::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let colon = line
            .iter()
            .position(|b| *b == b':')
            .ok_or_else(|| format!("not a header line: {:?}", String::from_utf8_lossy(line)))?;
        let name = String::from_utf8_lossy(&line[..colon]).trim().to_owned();
        let value = trim_start(&line[colon + 1..]).to_vec();
        headers.push((name, value));
    }
    let mut body = body.to_vec();
    if let Some(len) = content_length(&headers) {
        body.truncate(len);
    }
    Ok((headers, body))
}

fn split_head(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    for (sep, len) in [(&b"\r\n\r\n"[..], 4), (&b"\n\n"[..], 2)] {
        if let Some(i) = raw.windows(len).position(|w| w == sep) {
            return Some((&raw[..i], &raw[i + len..]));
        }
    }
    None
}

fn strip_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn trim_start(v: &[u8]) -> &[u8] {
    let start = v
        .iter()
        .position(|b| *b != b' ' && *b != b'\t')
        .unwrap_or(v.len());
    &v[start..]
}

fn content_length(headers: &HeaderList) -> Option<usize> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| std::str::from_utf8(v).ok()?.trim().parse().ok())
}
