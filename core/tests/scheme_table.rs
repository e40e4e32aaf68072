//! The scheme table is what the verifier does: the options each row lists are the ones
//! its verifier takes, and no verifier reads more headers than `MAX_HEADER_NAMES`.

use hookseal::{ErrorCode, Options, Scheme, Verifier, MAX_HEADER_NAMES, OPTION_NAMES, SCHEMES};

const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// A valid value for each option, that keeps a `custom` verifier buildable.
fn valid(name: &str) -> &'static str {
    match name {
        "tolerance" => "60",
        "max_body" => "2048",
        "header" => "x-signature",
        "prefix" => "sha256=",
        "encoding" => "base64",
        "content" => "body",
        "timestamp_header" | "id_header" => "x-other",
        other => panic!("no valid value for {other}"),
    }
}

/// What `custom` needs besides the option under test.
fn base(scheme: Scheme) -> Options {
    let mut o = Options::default();
    if scheme == Scheme::Custom {
        o.set("header", "x-signature").unwrap();
    }
    o
}

#[test]
fn each_row_lists_exactly_the_options_its_verifier_takes() {
    for info in SCHEMES {
        for name in OPTION_NAMES {
            let mut opts = base(info.scheme);
            opts.set(name, valid(name)).unwrap();
            // A timestamp or id header only goes with a content that signs it.
            if info.scheme == Scheme::Custom && name == "timestamp_header" {
                opts.set("content", "ts.body").unwrap();
            }
            if info.scheme == Scheme::Custom && name == "id_header" {
                opts.set("content", "id.ts.body").unwrap();
                opts.set("timestamp_header", "x-ts").unwrap();
            }
            if info.scheme == Scheme::Custom && name == "tolerance" {
                opts.set("content", "ts.body").unwrap();
                opts.set("timestamp_header", "x-ts").unwrap();
            }
            let built = Verifier::with_options(info.scheme, &[SECRET], &opts);
            let listed = name == "max_body" || info.options.contains(&name);
            match built {
                Ok(_) => assert!(
                    listed,
                    "{} took {name}, which its row does not list",
                    info.id
                ),
                Err(e) => {
                    assert_eq!(e.code(), ErrorCode::InvalidOption);
                    assert!(
                        !listed,
                        "{} refused {name}, which its row lists: {e}",
                        info.id
                    );
                }
            }
        }
    }
}

#[test]
fn no_verifier_reads_more_than_max_header_names() {
    let mut custom = Options::default();
    for (name, value) in [
        ("header", "x-sig"),
        ("content", "id.ts.body"),
        ("timestamp_header", "x-ts"),
        ("id_header", "x-id"),
    ] {
        custom.set(name, value).unwrap();
    }
    let mut most = 0;
    for info in SCHEMES {
        let opts = if info.scheme == Scheme::Custom {
            custom.clone()
        } else {
            Options::default()
        };
        let v = Verifier::with_options(info.scheme, &[SECRET], &opts).unwrap();
        assert!(v.header_names().len() <= MAX_HEADER_NAMES, "{}", info.id);
        most = most.max(v.header_names().len());
    }
    assert_eq!(most, MAX_HEADER_NAMES, "the bound is tight");
}

#[test]
fn the_signature_header_comes_first_where_the_row_fixes_it() {
    for info in SCHEMES {
        let Some(header) = info.signature_header else {
            continue;
        };
        let v = Verifier::new(info.scheme, &[SECRET]).unwrap();
        assert_eq!(v.header_names()[0], header);
        assert_eq!(hookseal::detect(&[(header, "x")]), Some(info.scheme));
    }
}
