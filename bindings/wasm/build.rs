// The scheme table as text, from the core built for the host: `src/scheme.rs` embeds it,
// so the engine ships the table without linking the JSON serializer (the size budget).
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        Path::new(&out).join("schemes.json"),
        hookseal::schemes_json(),
    )
    .expect("OUT_DIR is writable");
    println!("cargo:rerun-if-changed=build.rs");
}
