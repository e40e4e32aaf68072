//! README.md, "Ed25519 signatures (Standard Webhooks v1a)": the snippet, run.
//! `cargo run -p hookseal --example v1a`

use hookseal::{ErrorCode, Scheme, Signer, Verifier};

fn main() -> Result<(), hookseal::Error> {
    let body = br#"{"type":"invoice.paid","data":{"invoice_id":"inv_0042"}}"#;

    // --- README.md
    // The sender signs with its secret key (whsk_: the base64 of the 32-byte seed)...
    let signer = Signer::new(
        Scheme::StandardWebhooks,
        "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=",
    )?;
    let headers = signer.sign_with_id(body, Some(1_700_000_000), Some("msg_1"))?; // webhook-signature: v1a,…

    // ...the receiver holds only public keys (whpk_), beside HMAC secrets if it has both.
    let verifier = Verifier::new(
        Scheme::StandardWebhooks,
        &[
            "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ],
    )?;
    let verified = verifier.verify_at(&headers, body, 1_700_000_000)?;
    assert_eq!(verified.secret_index, 0); // the whpk_ key matched the v1a entry
                                          // --- end

    assert!(headers[2].1.starts_with("v1a,"));
    let tampered = verifier
        .verify_at(&headers, b"{}", 1_700_000_000)
        .unwrap_err();
    assert_eq!(tampered.code(), ErrorCode::SignatureMismatch);
    // A receiver given the secret key is refused when it is built.
    let wrong = Verifier::new(
        Scheme::StandardWebhooks,
        &["whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="],
    );
    assert_eq!(wrong.unwrap_err().code(), ErrorCode::InvalidSecret);
    println!("README.md v1a snippet: ok");
    Ok(())
}
