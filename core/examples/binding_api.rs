//! docs/CONTRIBUTING-bindings.md, "The core API a binding uses": every call a binding
//! makes, run against a delivery the signer makes.
//! `cargo run -p hookseal --example binding_api`

use hookseal::receive::{self, Claimed, Next, StoreAction};
use hookseal::{detect, wire_bytes, ErrorCode, Options, Scheme, Signer, Verifier};
use hookseal::{MAX_HEADER_NAMES, OPTION_NAMES, SCHEMES_JSON};

fn main() -> Result<(), hookseal::Error> {
    let secrets = ["whsec_new", "whsec_old"];
    let body: &[u8] = br#"{"event":"deal.created","id":"evt_1","tenant_id":"t_1","data":{}}"#;
    let ts: i64 = 1_700_000_000;

    // --- docs/CONTRIBUTING-bindings.md
    // Build: the scheme id and each option as the runtime has them, as text.
    let scheme: Scheme = "salesbooth".parse()?; // unknown id: ErrorCode::UnknownScheme
    let mut opts = Options::default();
    opts.set("tolerance", "300")?; // every option through the one parser: a bad
    opts.set("max_body", "1048576")?; // name or value is ErrorCode::InvalidOption
    let v = Verifier::with_options(scheme, &secrets, &opts)?;

    // The ONLY header names this verifier reads (at most MAX_HEADER_NAMES), signature
    // first; verify reads the first verify_header_count() of them, the rest feed the
    // envelope. Extract just these values on the runtime side, repeats joined with ", ",
    // text turned back into its wire bytes, and cross the FFI boundary once.
    let names = v.header_names();
    assert!(names.len() <= MAX_HEADER_NAMES && v.verify_header_count() <= names.len());
    let signed = Signer::with_options(scheme, "whsec_old", &opts)?.sign(body, Some(ts))?;
    let pairs: Vec<(&str, std::borrow::Cow<[u8]>)> = signed
        .iter()
        .map(|(name, value)| (name.as_str(), wire_bytes(value)))
        .collect();

    let verified = v.verify_at(&pairs, body, ts + 10)?; // or verify(): the system clock
    assert_eq!(
        (verified.secret_index, verified.timestamp),
        (1, Some(ts as u64))
    );
    let envelope = v.envelope(&pairs, body); // later, LAZILY: verify never parses JSON
    assert_eq!(envelope.idempotency_key, "evt_1");
    assert_eq!(detect(&pairs), Some(Scheme::Salesbooth));

    // Errors: a stable code and the HTTP status, from the one table (ErrorCode::ALL).
    let err = v.verify_at(&pairs, b"{}", ts).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.http_status()),
        ("signature_mismatch", 401)
    );

    // Tables a binding exports to its runtime as they are: the scheme table, the option
    // names, and the receive contract (answers, de-duplication decisions, lease and TTL).
    let _ = (SCHEMES_JSON, OPTION_NAMES, receive::CONTRACT_JSON);
    let key = receive::claim_key(scheme.as_str(), &envelope.idempotency_key);
    assert_eq!(key.as_deref(), Some("salesbooth:evt_1"));
    assert_eq!(receive::on_claim(Claimed::First), Next::RunHandler);
    assert_eq!(receive::on_handler(Some(429)), StoreAction::Release);
    // --- end

    assert_eq!(ErrorCode::ALL.len(), 12);
    println!("docs/CONTRIBUTING-bindings.md: ok");
    Ok(())
}
