//! uniffi's generator, built from this crate so its version is the library's.
//! `cargo run -p hookseal-uniffi --bin uniffi-bindgen -- generate --library
//! target/debug/libhookseal_uniffi.so --language kotlin --out-dir DIR` (see jvm/build-native.sh).

fn main() {
    uniffi::uniffi_bindgen_main()
}
