//! The core's receive contract (`hookseal::receive`), handed to Python as its JSON
//! document: the reply table with the edge codes, the de-duplication decisions, the
//! claim key and the lease and TTL defaults. `hookseal._receive` parses it once at
//! import, and the helpers take every status, body and default from it.

use pyo3::prelude::*;

/// The receive contract as JSON (`hookseal::receive::contract_json`).
#[pyfunction]
pub fn receive_contract() -> String {
    hookseal::receive::contract_json()
}
