//! The scheme table (`hookseal::SCHEMES`), readable from C: runtimes read each scheme's
//! headers, layout and options from it rather than from a copy.

use std::ffi::{c_char, CString};
use std::sync::OnceLock;

/// The core's scheme table (`hookseal::schemes_json()`, described in docs/schemes.md):
/// a JSON array, one row per scheme in the core's order, each with `id`, `provider`,
/// `signature_header`, `layout`, `content`, `timestamped`, `timestamp_header`,
/// `id_header`, `kind_header`, `delivery_header`, `kind_fields`, `id_field`,
/// `tenant_field` and `options`. A static NUL-terminated string built once, never freed.
#[no_mangle]
pub extern "C" fn hookseal_schemes_json() -> *const c_char {
    static SCHEMES: OnceLock<CString> = OnceLock::new();
    SCHEMES
        // JSON text never holds a NUL byte (a NUL in a string is escaped).
        .get_or_init(|| CString::new(hookseal::SCHEMES_JSON).unwrap_or_default())
        .as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn the_table_is_the_core_one_and_built_once() {
        let first = hookseal_schemes_json();
        assert_eq!(first, hookseal_schemes_json());
        let text = unsafe { CStr::from_ptr(first) }.to_str().unwrap();
        assert_eq!(text, hookseal::schemes_json());
    }
}
