//! README.md, "Rust": the snippet, run against a delivery the signer makes.
//! `cargo run -p hookseal --example readme`

use hookseal::{ErrorCode, Scheme, Signer, Verifier};

fn main() -> Result<(), hookseal::Error> {
    let body =
        br#"{"event":"deal.created","id":"evt_1","tenant_id":"tenant_abc123","data":{}}"#.to_vec();
    let headers = Signer::new(Scheme::Salesbooth, "whsec_previous")?.sign(&body, None)?;

    // --- README.md
    let verifier = Verifier::new(Scheme::Salesbooth, &["whsec_current", "whsec_previous"])?;
    let verified = verifier.verify(&headers, &body)?; // typed error with a stable code
    let event = verified.envelope(); // kind, event id, tenant, idempotency key
                                     // --- end

    assert_eq!(verified.secret_index, 1);
    assert_eq!(event.kind.as_deref(), Some("deal.created"));
    assert_eq!(event.idempotency_key, "evt_1");
    let tampered = verifier.verify(&headers, b"{}").unwrap_err();
    assert_eq!(tampered.code(), ErrorCode::SignatureMismatch);
    println!("README.md Rust snippet: ok");
    Ok(())
}
