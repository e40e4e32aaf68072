//! `hookseal schemes`: the core's scheme table.

mod common;
use common::*;
use hookseal::{schemes_json, SCHEMES};

#[test]
fn json_is_the_cores_table() {
    let o = hookseal(&["schemes", "--json"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), schemes_json() + "\n");
}

#[test]
fn the_table_for_people_has_a_row_per_scheme() {
    let o = hookseal(&["schemes"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("scheme "), "{text}");
    for (info, line) in SCHEMES.iter().zip(&lines[1..]) {
        assert!(line.starts_with(&format!("{} ", info.id)), "{line}");
        if let Some(h) = info.signature_header {
            assert!(line.contains(h), "{line}");
        }
        if let Some(h) = info.timestamp_header {
            assert!(line.contains(h), "{line}");
        }
    }
    let custom = lines.iter().find(|l| l.starts_with("custom ")).unwrap();
    assert!(custom.contains("option timestamp_header"), "{custom}");
    let stripe = lines.iter().find(|l| l.starts_with("stripe ")).unwrap();
    assert!(stripe.contains("in the signature"), "{stripe}");
}
