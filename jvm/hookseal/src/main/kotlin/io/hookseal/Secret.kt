package io.hookseal

import java.time.Instant

/**
 * A secret with an optional end: it verifies while the clock is at or before [notAfter]
 * and is skipped after (docs/schemes.md), so an old secret retires on schedule during a
 * rotation instead of by a redeploy. `Verified.secretIndex` still counts every secret.
 *
 * ```java
 * Verifier verifier = Verifier.builder("salesbooth")
 *     .secrets(new Secret("whsec_new"), new Secret("whsec_old", Instant.parse("2026-12-31T00:00:00Z")))
 *     .build();
 * ```
 *
 * `toString()` never shows the value.
 */
class Secret @JvmOverloads constructor(
    value: ByteArray,
    /** The last instant the secret verifies (whole seconds); null: no end. */
    val notAfter: Instant? = null,
) {
    @JvmOverloads
    constructor(value: String, notAfter: Instant? = null) : this(value.toByteArray(), notAfter)

    private val bytes: ByteArray = value.copyOf()

    internal fun entry() = io.hookseal.ffi.SecretEntry(bytes.copyOf(), notAfter?.epochSecond)

    override fun toString() = "Secret(value=[redacted], notAfter=$notAfter)"
}
