package io.hookseal

import io.hookseal.ffi.Header
import io.hookseal.ffi.NativeVerifier
import io.hookseal.ffi.SecretEntry
import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * A verifier for one scheme and its secrets: build it once at start-up and share it
 * between threads.
 *
 * ```java
 * Verifier verifier = Verifier.builder("salesbooth")
 *     .secrets(System.getenv("SALESBOOTH_SECRET"))
 *     .tolerance(Duration.ofMinutes(5))
 *     .build();
 * Verified delivery = verifier.verify(body, headers);
 * ```
 *
 * Options are handed to the core as text and parsed there (`Options::set`), so a bad
 * value is the same `invalid_option` with the same message as in every runtime.
 */
class Verifier private constructor(
    private val native: NativeVerifier,
    private val clock: Clock?,
) : AutoCloseable {
    /** The scheme id. */
    val scheme: String = native.scheme()

    /** The largest body accepted, in bytes. */
    val maxBody: Long = native.maxBody().toLong()

    /** The tolerance, or null when it is off (or the scheme signs no timestamp). */
    val tolerance: Duration? = native.tolerance()?.let { Duration.ofSeconds(it.toLong()) }

    /** The lowercase names of the only headers this verifier reads, signature first. */
    val headerNames: List<String> = native.headerNames()

    /** Verifies [body] against [headers] (any case; repeated values in order). */
    @JvmOverloads
    fun verify(body: ByteArray, headers: Map<String, List<String>>, now: Instant? = null): Verified =
        verify(body, HeaderSource.of(headers), now)

    /**
     * Verifies [body] with the header values [headers] gives for each name the verifier
     * reads, at [now] (else the builder's clock, else the system clock: `Instant.now()`).
     */
    @JvmOverloads
    fun verify(body: ByteArray, headers: HeaderSource, now: Instant? = null): Verified {
        val pairs = pick(headers)
        val at = (now ?: clock?.instant() ?: Instant.now()).epochSecond
        val found = native { this.native.verify(body, pairs, at) }
        return Verified(scheme, found.timestamp?.toLong(), found.secretIndex.toInt(), body, this.native, pairs)
    }

    /**
     * Why [body] with [headers] verifies or not, at [now] (else the clock `verify` reads):
     * the core's diagnosis (docs/explain.md). The arguments come in `verify`'s order, the
     * body first. All of [headers] are handed over, so a signature header of another
     * scheme is named.
     */
    @JvmOverloads
    fun explain(body: ByteArray, headers: Map<String, List<String>>, now: Instant? = null): Explanation {
        val pairs = headers.flatMap { (name, values) -> values.map { Header(name, it) } }
        return explain(body, pairs, now)
    }

    /**
     * Why [body] verifies or not with the values [headers] gives for the headers this
     * verifier reads and every scheme's signature header.
     */
    @JvmOverloads
    fun explain(body: ByteArray, headers: HeaderSource, now: Instant? = null): Explanation {
        val pairs = (headerNames + Hookseal.detectHeaderNames).distinct()
            .flatMap { name -> (headers.values(name) ?: emptyList()).map { Header(name, it) } }
        return explain(body, pairs, now)
    }

    private fun explain(body: ByteArray, pairs: List<Header>, now: Instant?): Explanation {
        val at = (now ?: clock?.instant() ?: Instant.now()).epochSecond
        return Explanation.parse(this.native.explain(body, pairs, at))
    }

    /** Only the headers this verifier reads cross into the core; each value as a pair. */
    private fun pick(headers: HeaderSource): List<Header> {
        val pairs = ArrayList<Header>(headerNames.size)
        for (name in headerNames) {
            headers.values(name)?.forEach { pairs.add(Header(name, it)) }
        }
        return pairs
    }

    /** Frees the native verifier now rather than when it is collected. */
    override fun close() = native.close()

    override fun toString() = "Verifier(scheme=$scheme, maxBody=$maxBody, tolerance=$tolerance)"

    /** Collects a scheme, its secrets and its options; [build] hands them to the core. */
    class Builder internal constructor(private val scheme: String) {
        private val secrets = ArrayList<SecretEntry>()
        private val options = ArrayList<String>()
        private var clock: Clock? = null

        /** Secrets, tried in order (the new one first during a rotation). */
        fun secrets(vararg secrets: String) = apply { secrets.forEach { this.secrets.add(SecretEntry(it.toByteArray(), null)) } }

        /** Secrets, tried in order. */
        fun secrets(secrets: List<String>) = apply { secrets.forEach { this.secrets.add(SecretEntry(it.toByteArray(), null)) } }

        /** Secrets that may retire ([Secret.notAfter]), tried in order. */
        fun secrets(vararg secrets: Secret) = apply { secrets.forEach { this.secrets.add(it.entry()) } }

        /** A secret as raw bytes. */
        fun secret(secret: ByteArray) = apply { secrets.add(SecretEntry(secret.copyOf(), null)) }

        /** A secret that may retire. */
        fun secret(secret: Secret) = apply { secrets.add(secret.entry()) }

        /** How far a signed timestamp may be from now (whole seconds; default 5 minutes). */
        fun tolerance(tolerance: Duration) = option(
            "tolerance",
            // A fraction of a second is left for the core to refuse, with its message.
            if (tolerance.nano == 0) tolerance.seconds.toString() else tolerance.toString(),
        )

        /** No timestamp check (replaying captured deliveries, say). */
        fun toleranceOff() = option("tolerance", "off")

        /** The largest body accepted, in bytes (default 1 MiB). */
        fun maxBody(bytes: Long) = option("max_body", bytes.toString())

        /** Any option by its snake_case name (`header`, `prefix`, `encoding`, …), as text. */
        fun option(name: String, value: String) = apply { options.add(name); options.add(value) }

        /** Options by name, as text (what a configuration file holds). */
        fun options(options: Map<String, String>) = apply { options.forEach { (k, v) -> option(k, v) } }

        /** The clock `verify` reads when it is not given a time (tests inject a fixed one). */
        fun clock(clock: Clock) = apply { this.clock = clock }

        /** The verifier, or the core's `invalid_secret`, `unknown_scheme` or `invalid_option`. */
        fun build(): Verifier = Verifier(native { NativeVerifier(scheme, secrets, options) }, clock)
    }

    companion object {
        /** A builder for [scheme] (`salesbooth`, `stripe`, `standard-webhooks`, …). */
        @JvmStatic
        fun builder(scheme: String) = Builder(scheme)
    }
}

/**
 * Where a verifier reads header values: the values of one header name, in the order they
 * arrived, or null when it is absent. A servlet's is `name -> list(request.getHeaders(name))`.
 */
fun interface HeaderSource {
    fun values(name: String): Iterable<String>?

    companion object {
        /** A map's values for a name, matched without regard to case, spellings in map order. */
        @JvmStatic
        fun of(headers: Map<String, List<String>>) = HeaderSource { name ->
            headers[name] ?: headers.entries
                .filter { it.key.equals(name, ignoreCase = true) }
                .flatMap { it.value }
                .ifEmpty { null }
        }
    }
}
