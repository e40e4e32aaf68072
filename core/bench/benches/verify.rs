//! `cargo bench -p hookseal-bench`: hookseal's `Verifier::verify` against ring and a
//! hand-written verify, at the body sizes webhooks come in. `scripts/bench-core.sh`
//! runs it and prints the ratios.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hookseal::{Options, Scheme, Signer, Verifier};
use hookseal_bench::{hand_written, ring_verify};
use std::hint::black_box;

const SECRET: &str = "sl_whsec_0123456789abcdef0123456789abcdef";
const SIZES: [(usize, &str); 4] = [
    (256, "256B"),
    (1024, "1KiB"),
    (65536, "64KiB"),
    (1 << 20, "1MiB"),
];

fn verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("saleslab_verify");
    for (size, label) in SIZES {
        let body = vec![b'x'; size];
        let headers = Signer::new(Scheme::SalesLab, SECRET)
            .unwrap()
            .sign(&body, None)
            .unwrap();
        let header = headers[0].1.clone();
        let verifier =
            Verifier::with_options(Scheme::SalesLab, &[SECRET], &Options::default()).unwrap();
        let ring_key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
        group.throughput(Throughput::Bytes(size as u64));
        group.bench_with_input(BenchmarkId::new("hookseal", label), &body, |b, body| {
            b.iter(|| {
                verifier
                    .verify(black_box(&headers), black_box(body))
                    .is_ok()
            })
        });
        group.bench_with_input(BenchmarkId::new("ring", label), &body, |b, body| {
            b.iter(|| ring_verify(black_box(&ring_key), black_box(&header), black_box(body)))
        });
        group.bench_with_input(BenchmarkId::new("hand_written", label), &body, |b, body| {
            b.iter(|| {
                hand_written(
                    black_box(SECRET.as_bytes()),
                    black_box(&header),
                    black_box(body),
                )
            })
        });
    }
    group.finish();
}

/// The worst case a header can ask for: a 1 MiB body and 16 signatures (15 wrong),
/// which costs one HMAC per configured secret, not one per signature.
fn sixteen_signatures(c: &mut Criterion) {
    let body = vec![b'x'; 1 << 20];
    let ts = 1_700_000_000;
    let good = Signer::new(Scheme::Stripe, SECRET)
        .unwrap()
        .sign(&body, Some(ts))
        .unwrap();
    let v1 = good[0].1.split(",v1=").nth(1).unwrap().to_owned();
    let mut header = format!("t={ts}");
    for _ in 0..15 {
        header.push_str(&format!(",v1={}", "0".repeat(64)));
    }
    header.push_str(&format!(",v1={v1}"));
    let headers = [("stripe-signature", header)];
    let verifier = Verifier::new(Scheme::Stripe, &[SECRET]).unwrap();
    assert!(verifier.verify_at(&headers, &body, ts).is_ok());
    let mut group = c.benchmark_group("stripe_16_signatures");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("1MiB", |b| {
        b.iter(|| {
            verifier
                .verify_at(black_box(&headers), black_box(&body), ts)
                .is_ok()
        })
    });
    group.finish();
}

/// Standard Webhooks at 1 KiB: `v1` (HMAC-SHA256, a `whsec_` secret) against `v1a`
/// (Ed25519 `verify_strict`, a `whpk_` public key), the same delivery otherwise.
fn standard_webhooks_v1a(c: &mut Criterion) {
    const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    // RFC 8032 TEST 1's key pair.
    const WHSK: &str = "whsk_nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";
    const WHPK: &str = "whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    let body = vec![b'x'; 1024];
    let ts = 1_700_000_000;
    let mut group = c.benchmark_group("standard_webhooks_1KiB");
    group.throughput(Throughput::Bytes(body.len() as u64));
    for (label, signing, verifying) in [("v1", WHSEC, WHSEC), ("v1a", WHSK, WHPK)] {
        let headers = Signer::new(Scheme::StandardWebhooks, signing)
            .unwrap()
            .sign_with_id(&body, Some(ts), Some("msg_bench"))
            .unwrap();
        let verifier = Verifier::new(Scheme::StandardWebhooks, &[verifying]).unwrap();
        assert!(verifier.verify_at(&headers, &body, ts).is_ok());
        group.bench_function(label, |b| {
            b.iter(|| {
                verifier
                    .verify_at(black_box(&headers), black_box(&body), ts)
                    .is_ok()
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = verify, sixteen_signatures, standard_webhooks_v1a
}
criterion_main!(benches);
