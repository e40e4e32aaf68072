//! Secrets never appear in `Debug` output or error messages.

use hookseal::{Options, Scheme, Signer, Verifier};

const SECRET: &str = "whsec_must_never_be_printed";

#[test]
fn debug_output_hides_secrets() {
    for scheme in [
        Scheme::SalesLab,
        Scheme::Salesbooth,
        Scheme::Salescaling,
        Scheme::Stripe,
    ] {
        let v = Verifier::new(scheme, &[SECRET]).unwrap();
        let s = Signer::new(scheme, SECRET).unwrap();
        for printed in [format!("{v:?}"), format!("{v:#?}"), format!("{s:?}")] {
            assert!(!printed.contains("must_never"), "{printed}");
            assert!(printed.contains("redacted"), "{printed}");
        }
    }
}

#[test]
fn error_messages_hide_secrets() {
    let v = Verifier::with_options(Scheme::Salescaling, &[SECRET], &Options::default()).unwrap();
    let err = v
        .verify(
            &[("authorization", "Bearer whsec_must_never_be_printex")],
            b"{}",
        )
        .unwrap_err();
    assert!(!err.to_string().contains("must_never"), "{err}");
    let bad = Verifier::new(Scheme::StandardWebhooks, &["whsec_must_never!!"]).unwrap_err();
    assert!(!bad.to_string().contains("must_never"), "{bad}");
}
