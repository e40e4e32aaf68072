//! Runs the hostile-input table (`core/vectors/hostile/hostile.json`): every row gets its
//! typed error (or is accepted), never a panic or a hang.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hookseal::{Scheme, Verifier};
use serde_json::Value;

/// Expands a VALUE of the table's compact notation (see the README beside it).
fn expand(v: &Value) -> Vec<u8> {
    match v {
        Value::String(s) => s.as_bytes().to_vec(),
        Value::Object(o) if o.contains_key("b64") => {
            STANDARD.decode(o["b64"].as_str().unwrap()).unwrap()
        }
        Value::Object(o) if o.contains_key("repeat") => o["repeat"]
            .as_str()
            .unwrap()
            .repeat(o["count"].as_u64().unwrap() as usize)
            .into_bytes(),
        Value::Object(o) => o["concat"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(expand)
            .collect(),
        other => panic!("not a VALUE: {other}"),
    }
}

fn run(row: &Value) -> Result<(), String> {
    let scheme: Scheme = row["scheme"].as_str().unwrap().parse().unwrap();
    assert!(
        row["options"].as_object().unwrap().is_empty(),
        "options are not used here"
    );
    let secrets: Vec<Vec<u8>> = row["secrets"]
        .as_array()
        .unwrap()
        .iter()
        .map(expand)
        .collect();
    let mut headers: Vec<(String, Vec<u8>)> = (0..row["filler_headers"].as_u64().unwrap())
        .map(|i| (format!("x-filler-{i}"), b"v".to_vec()))
        .collect();
    for pair in row["headers"].as_array().unwrap() {
        let name = String::from_utf8(expand(&pair[0])).unwrap();
        headers.push((name, expand(&pair[1])));
    }
    let body = expand(&row["body"]);
    let outcome = Verifier::new(scheme, &secrets).and_then(|v| {
        v.verify_at(&headers, &body, row["now"].as_i64().unwrap())
            .map(|ok| ok.envelope())
            .map(drop)
    });
    let want = row["expect"].get("error").and_then(Value::as_str);
    match (outcome, want) {
        (Ok(()), None) => Ok(()),
        (Err(e), Some(code)) if e.code().as_str() == code => Ok(()),
        (Ok(()), Some(code)) => Err(format!("accepted, expected {code}")),
        (Err(e), _) => Err(format!("got {e}, expected {}", row["expect"])),
    }
}

#[test]
fn every_hostile_row_gets_its_answer() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/hostile/hostile.json");
    let rows: Vec<Value> = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|row| run(row).err().map(|why| format!("{}: {why}", row["name"])))
        .collect();
    assert!(rows.len() >= 30, "only {} rows", rows.len());
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}
