//! The system clock, where the target has one. On `wasm32-unknown-unknown` there is no
//! clock to read (reading it panics), so the caller passes `now` explicitly there.

/// The current unix time in seconds, or `None` on targets without a clock.
pub(crate) fn unix_now() -> Option<i64> {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
        now.ok().and_then(|d| i64::try_from(d.as_secs()).ok())
    }
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    {
        None
    }
}
