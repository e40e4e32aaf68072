package io.hookseal

import io.hookseal.ffi.Envelope
import io.hookseal.ffi.Header
import io.hookseal.ffi.NativeVerifier

/**
 * A delivery that passed verification. [scheme], [timestamp], [secretIndex] and [body]
 * come from `verify`; [kind], [eventId], [isEventIdSigned], [tenant] and
 * [idempotencyKey] are read from the signed body the first time one is asked for, so a
 * handler that needs only the body never pays for JSON parsing.
 */
class Verified internal constructor(
    /** The scheme id that verified the delivery. */
    val scheme: String,
    /** The signed timestamp (unix seconds) of timestamped schemes; else null. */
    val timestamp: Long?,
    /** Which configured secret matched (0 for the first). */
    val secretIndex: Int,
    /** The raw body as verified (the caller's array, not a copy). */
    val body: ByteArray,
    private val verifier: NativeVerifier,
    private val headers: List<Header>,
) {
    private val envelope: Envelope by lazy { verifier.envelope(body, headers) }

    /** The event kind (`deal.won`, …), or null. */
    val kind: String? get() = envelope.kind

    /** The provider's event or delivery id, or null. */
    val eventId: String? get() = envelope.eventId

    /** Whether [eventId] was covered by the signature (not an unsigned header). */
    val isEventIdSigned: Boolean get() = envelope.eventIdSigned

    /** The provider's tenant (company, account) id, or null. */
    val tenant: String? get() = envelope.tenant

    /** The signed event id, else the hex SHA-256 of the body: de-duplicate on this. */
    val idempotencyKey: String get() = envelope.idempotencyKey

    /** The body as UTF-8 text. */
    fun text(): String = body.toString(Charsets.UTF_8)

    /** Shows the size of the body, not the body. */
    override fun toString() =
        "Verified(scheme=$scheme, timestamp=$timestamp, secretIndex=$secretIndex, body=<${body.size} bytes>)"
}
