//! Runs every shared conformance vector in `core/vectors/*.json` through the core.
//! The expected values come from `core/vectors/generate.py` (Python's `hmac`), not from
//! hookseal, so the core cannot agree with itself by accident.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hookseal::{Error, Options, Scheme, Secret, Signer, Verifier};
use serde_json::Value;
use std::path::PathBuf;

fn vector_files() -> Vec<PathBuf> {
    let vectors = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors");
    // The example scheme's file is not a shared one: only a core that has the scheme runs it.
    // rotation/ holds the cases whose secrets carry a `not_after` (README.md).
    let mut dirs = vec![vectors.clone(), vectors.join("rotation")];
    if cfg!(feature = "example-scheme") {
        dirs.push(vectors.join("example"));
    }
    let mut files: Vec<_> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("a vectors directory"))
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The case's options through the core's one parser, as every binding hands them over:
/// each name with its value as text (a number as its decimal digits).
fn options(v: &Value) -> Result<Options, Error> {
    let mut options = Options::default();
    for (name, value) in v.as_object().expect("options object") {
        let text = match value {
            Value::String(t) => t.clone(),
            other => other.to_string(),
        };
        options.set(name, &text)?;
    }
    Ok(options)
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .expect("headers array")
        .iter()
        .map(|p| {
            let p = p.as_array().expect("pair");
            (
                p[0].as_str().unwrap().to_owned(),
                p[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn str_list(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("list")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

/// A `secrets` list whose entries may be `{"secret": ..., "not_after": unix seconds}`.
fn secret_list(entries: &[Value]) -> Vec<Secret> {
    entries
        .iter()
        .map(|e| match e {
            Value::String(s) => Secret::new(s),
            _ => {
                let secret = Secret::new(e["secret"].as_str().expect("a secret string"));
                match e.get("not_after").and_then(Value::as_i64) {
                    Some(t) => secret.not_after(t),
                    None => secret,
                }
            }
        })
        .collect()
}

/// The case's body: `body_b64`, or the compact `body` VALUE (`{"repeat": "a", "count": N}`).
fn body_of(case: &Value) -> Vec<u8> {
    match case.get("body") {
        Some(v) => v["repeat"]
            .as_str()
            .expect("a body VALUE is a repeat")
            .repeat(v["count"].as_u64().expect("a count") as usize)
            .into_bytes(),
        None => STANDARD.decode(case["body_b64"].as_str().unwrap()).unwrap(),
    }
}

/// Runs one case; returns a description of the difference, if any.
fn run(case: &Value) -> Result<(), String> {
    let body = body_of(case);
    let expect = &case["expect"];
    let empty = Value::Object(Default::default());
    let opts_json = case.get("options").unwrap_or(&empty);
    let built = case["scheme"]
        .as_str()
        .unwrap()
        .parse::<Scheme>()
        .and_then(|scheme| Ok((scheme, options(opts_json)?)));
    if case["op"] == "sign" {
        let (scheme, opts) = built.map_err(|e| format!("sign setup failed: {e}"))?;
        let signer = Signer::with_options(scheme, case["secret"].as_str().unwrap(), &opts)
            .map_err(|e| format!("signer failed: {e}"))?;
        let got = signer
            .sign_with_id(&body, case["timestamp"].as_i64(), case["id"].as_str())
            .map_err(|e| format!("sign failed: {e}"))?;
        let want = pairs(&expect["headers"]);
        return if got == want {
            Ok(())
        } else {
            Err(format!("headers {got:?}, expected {want:?}"))
        };
    }
    let secrets = case["secrets"].as_array().expect("secrets");
    let result = built.and_then(|(scheme, opts)| {
        if secrets.iter().all(Value::is_string) {
            Verifier::with_options(scheme, &str_list(&case["secrets"]), &opts)
        } else {
            Verifier::with_secrets(scheme, &secret_list(secrets), &opts)
        }
    });
    let headers = pairs(&case["headers"]);
    let now = case["now"].as_i64().unwrap();
    if let Ok(v) = &result {
        same_with_signed_headers_only(v, &headers, &body, now)?;
    }
    let outcome = result.and_then(|v| {
        let verified = v.verify_at(&headers, &body, now)?;
        Ok((
            verified.secret_index,
            verified.timestamp,
            verified.envelope(),
        ))
    });
    match (outcome, expect.get("error").and_then(Value::as_str)) {
        (Err(e), Some(code)) if e.code().as_str() == code => Ok(()),
        (Err(e), _) => Err(format!("got error {e}, expected {expect}")),
        (Ok(_), Some(code)) => Err(format!("verified, expected {code}")),
        (Ok((index, ts, env)), None) => {
            let got = serde_json::json!({
                "secret_index": index,
                "timestamp": ts,
                "kind": env.kind,
                "event_id": env.event_id,
                "tenant": env.tenant,
                "idempotency_key": env.idempotency_key,
            });
            for (field, want) in expect.as_object().unwrap() {
                if field != "ok" && got.get(field) != Some(want) {
                    return Err(format!(
                        "{field}: got {}, expected {want}",
                        got[field.as_str()]
                    ));
                }
            }
            Ok(())
        }
    }
}

/// Bindings pass `verify` only the first `verify_header_count()` header values (the
/// envelope-only ones are looked up later): the outcome must not depend on the others.
fn same_with_signed_headers_only(
    v: &Verifier,
    headers: &[(String, String)],
    body: &[u8],
    now: i64,
) -> Result<(), String> {
    let read = &v.header_names()[..v.verify_header_count()];
    let signed: Vec<_> = headers
        .iter()
        .filter(|(n, _)| read.contains(&n.to_ascii_lowercase()))
        .cloned()
        .collect();
    let summary = |r: Result<hookseal::Verified<'_>, Error>| {
        r.map(|ok| (ok.secret_index, ok.timestamp))
            .map_err(|e| e.code())
    };
    let (all, only) = (
        summary(v.verify_at(headers, body, now)),
        summary(v.verify_at(&signed, body, now)),
    );
    if all == only {
        Ok(())
    } else {
        Err(format!(
            "with only {read:?}: {only:?}, with every header: {all:?}"
        ))
    }
}

#[test]
fn every_vector_passes() {
    let mut count = 0;
    let mut failures = Vec::new();
    for file in vector_files() {
        let cases: Vec<Value> = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        for case in &cases {
            count += 1;
            if let Err(why) = run(case) {
                failures.push(format!("{}: {}: {why}", file.display(), case["name"]));
            }
        }
    }
    assert!(count >= 150, "only {count} vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} vectors passed");
}
