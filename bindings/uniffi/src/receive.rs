//! The core's receive contract (`hookseal::receive`): the committed JSON document the
//! JVM helpers take every status, body and default from, and the two functions whose
//! output must be byte-for-byte the core's.

/// The receive contract as JSON (`hookseal::receive::CONTRACT_JSON`).
#[uniffi::export]
pub fn receive_contract_json() -> String {
    hookseal::receive::CONTRACT_JSON.to_owned()
}

/// The JSON body of a rejection: `{"error": code, "message": message}`.
#[uniffi::export]
pub fn rejection_body(code: String, message: String) -> String {
    hookseal::receive::rejection_body(&code, &message)
}

/// The store key of a delivery, `<scheme>:<idempotency key>`; `None` for an empty key.
#[uniffi::export]
pub fn claim_key(scheme: String, idempotency_key: String) -> Option<String> {
    hookseal::receive::claim_key(&scheme, &idempotency_key)
}

/// The body of a duplicate's 200 answer (`hookseal::receive::DUPLICATE_BODY`).
#[uniffi::export]
pub fn duplicate_body() -> String {
    hookseal::receive::DUPLICATE_BODY.to_owned()
}

/// The store key of a delivery verified with one tenant's secrets,
/// `<scheme>/<tenant>:<idempotency key>` with the tenant escaped
/// (`hookseal::receive::tenant_claim_key`); `None` for an empty key.
#[uniffi::export]
pub fn tenant_claim_key(scheme: String, tenant: String, idempotency_key: String) -> Option<String> {
    hookseal::receive::tenant_claim_key(&scheme, &tenant, &idempotency_key)
}
