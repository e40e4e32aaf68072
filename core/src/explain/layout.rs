//! Re-serializing a JSON body the ways frameworks do, keeping key order and the exact
//! text of strings and numbers: `explain` tries these to recognise a body that was
//! parsed and re-serialized before it was verified.

/// A layout a JSON serializer might produce.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Layout {
    /// No whitespace (JavaScript `JSON.stringify`, Go `json.Marshal`).
    Compact,
    /// `", "` and `": "` (Python `json.dumps`).
    Spaced,
    /// One member per line, indented by this many spaces.
    Pretty(usize),
}

impl Layout {
    pub(crate) fn describe(self) -> String {
        match self {
            Layout::Compact => "compact, as JSON.stringify or json.Marshal write it".into(),
            Layout::Spaced => "with \", \" and \": \", as Python's json.dumps writes it".into(),
            Layout::Pretty(n) => format!("pretty-printed with {n}-space indentation"),
        }
    }
}

/// `body` laid out as `layout`, or `None` when it is not a JSON text this walker can
/// follow (it does not validate; callers check with a real parser first).
pub(crate) fn relayout(body: &[u8], layout: Layout) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() + body.len() / 4);
    let mut depth = 0usize;
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        match b {
            b'"' => {
                let end = string_end(body, i)?;
                out.extend_from_slice(&body[i..=end]);
                i = end;
            }
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'{' | b'[' => {
                out.push(b);
                let close = if b == b'{' { b'}' } else { b']' };
                if next_significant(body, i + 1) == Some(close) {
                    let j = body[i + 1..].iter().position(|c| *c == close)? + i + 1;
                    out.push(close);
                    i = j;
                } else {
                    depth += 1;
                    newline(&mut out, layout, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                newline(&mut out, layout, depth);
                out.push(b);
            }
            b',' => {
                out.push(b',');
                match layout {
                    Layout::Spaced => out.push(b' '),
                    Layout::Pretty(_) => newline(&mut out, layout, depth),
                    Layout::Compact => {}
                }
            }
            b':' => {
                out.push(b':');
                if !matches!(layout, Layout::Compact) {
                    out.push(b' ');
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

fn newline(out: &mut Vec<u8>, layout: Layout, depth: usize) {
    if let Layout::Pretty(n) = layout {
        out.push(b'\n');
        out.resize(out.len() + n * depth, b' ');
    }
}

/// The index of the quote that closes the string opening at `start`.
fn string_end(body: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < body.len() {
        match body[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn next_significant(body: &[u8], from: usize) -> Option<u8> {
    body[from..]
        .iter()
        .copied()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lays_out_keeping_order_and_text() {
        let body = br#"{ "b": 1.50, "a": ["x, y", {}], "c": {"d": "\"q\""} }"#;
        let compact = relayout(body, Layout::Compact).unwrap();
        assert_eq!(compact, br#"{"b":1.50,"a":["x, y",{}],"c":{"d":"\"q\""}}"#);
        let spaced = relayout(&compact, Layout::Spaced).unwrap();
        assert_eq!(
            spaced,
            br#"{"b": 1.50, "a": ["x, y", {}], "c": {"d": "\"q\""}}"#
        );
        let pretty = relayout(&compact, Layout::Pretty(2)).unwrap();
        assert_eq!(
            String::from_utf8(pretty).unwrap(),
            "{\n  \"b\": 1.50,\n  \"a\": [\n    \"x, y\",\n    {}\n  ],\n  \"c\": {\n    \"d\": \"\\\"q\\\"\"\n  }\n}"
        );
    }
}
