//! `hookseal._native`: the compiled half of the `hookseal` Python package.
//!
//! This crate only translates between Python objects and the core crate (`hookseal`);
//! every rule about a scheme lives in the core. One file here mirrors one core module,
//! and `error.rs` is the one place core errors become Python exceptions. The public
//! Python API (`hookseal.Verifier`, `sign`, `detect`, the exception classes) is the
//! Python package in `python/hookseal/`, which wraps this module.

use pyo3::prelude::*;

mod detect;
mod envelope;
mod error;
mod explain;
mod headers;
mod options;
mod package;
mod pick;
mod receive;
mod secret;
mod sign;
mod verify;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_BODY", hookseal::DEFAULT_MAX_BODY)?;
    m.add("DEFAULT_TOLERANCE", hookseal::DEFAULT_TOLERANCE)?;
    m.add("SCHEMES", scheme_ids())?;
    m.add("DETECT_HEADERS", detect::detect_headers())?;
    m.add("MAX_HEADER_NAMES", hookseal::MAX_HEADER_NAMES)?;
    m.add_function(wrap_pyfunction!(schemes_json, m)?)?;
    m.add_function(wrap_pyfunction!(error::error_codes, m)?)?;
    m.add_function(wrap_pyfunction!(error::register_errors, m)?)?;
    m.add_function(wrap_pyfunction!(detect::detect, m)?)?;
    m.add_function(wrap_pyfunction!(sign::sign, m)?)?;
    m.add_function(wrap_pyfunction!(receive::receive_contract, m)?)?;
    m.add_function(wrap_pyfunction!(headers::py_wire_bytes, m)?)?;
    m.add_class::<verify::Verifier>()?;
    m.add_class::<envelope::Verified>()?;
    m.add_class::<secret::Secret>()?;
    Ok(())
}

/// The core's scheme table as JSON (`hookseal::SCHEMES_JSON`); the package parses it
/// once into `hookseal.schemes()`.
#[pyfunction]
fn schemes_json() -> String {
    hookseal::SCHEMES_JSON.to_owned()
}

/// The scheme ids, in the core's order.
fn scheme_ids() -> Vec<&'static str> {
    hookseal::Scheme::ALL.map(hookseal::Scheme::as_str).to_vec()
}
