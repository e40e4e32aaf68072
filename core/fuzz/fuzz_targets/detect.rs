//! `detect` over arbitrary header lists.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|headers: Vec<(String, Vec<u8>)>| {
    let _ = hookseal::detect(&headers);
});
