//! A Rust panic (a bug: the core is written not to panic) becomes a thrown `Error` with
//! code `internal`, as the engine interface asks, instead of a bare
//! `RuntimeError: unreachable`. The message says nothing of the input or the secrets.

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

/// Installed when the module is instantiated (both the `web` and `nodejs` glue run it).
#[wasm_bindgen(start)]
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|_| {
        let err =
            js_sys::Error::new("hookseal's wasm engine hit a bug (a Rust panic); please report it");
        let _ = Reflect::set(&err, &"code".into(), &"internal".into());
        // Throwing unwinds the wasm frames, so the abort after the hook never runs.
        wasm_bindgen::throw_val(err.into());
    }));
}
