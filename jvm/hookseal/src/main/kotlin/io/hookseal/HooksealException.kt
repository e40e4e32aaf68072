package io.hookseal

/**
 * Why a webhook was rejected, or why a verifier could not be built: the core's stable
 * [code] (`signature_mismatch`) and the HTTP [status] a receiver answers with.
 *
 * Unchecked. Every code of the core's table has its own subclass
 * (`SignatureMismatchException`, …, written from the table into `HooksealErrors.kt`),
 * so Java can `catch (TimestampTooOldException e)` or read `e.getCode()`.
 */
open class HooksealException(
    val code: String,
    val status: Int,
    message: String,
) : RuntimeException(message) {
    /**
     * The signed timestamp (unix seconds) the core read before it refused the delivery
     * (`timestamp_too_old`, `timestamp_too_new`); else null. Metrics read the skew from it.
     */
    var signedTimestamp: Long? = null
        internal set
}

/** Runs a native call, turning its error into the exception class of its code. */
internal inline fun <T> native(call: () -> T): T =
    try {
        call()
    } catch (e: io.hookseal.ffi.NativeException.Rejected) {
        throw exceptionFor(e.code, e.status.toInt(), e.reason).also { it.signedTimestamp = e.timestamp?.toLong() }
    }
