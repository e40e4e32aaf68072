package io.hookseal

import io.hookseal.ffi.Header

/** Signing, detection and the core's tables, for Java as static methods. */
object Hookseal {
    /** The core's version. */
    @JvmStatic
    fun version(): String = io.hookseal.ffi.version()

    /**
     * The headers a provider would send with [body] (lowercase names, in the order id,
     * timestamp, signature): for tests and for senders. [timestamp] (unix seconds)
     * defaults to now for timestamped schemes; [options] are snake_case names and text.
     */
    @JvmStatic
    @JvmOverloads
    fun sign(
        scheme: String,
        secret: String,
        body: ByteArray,
        timestamp: Long? = null,
        id: String? = null,
        options: Map<String, String> = emptyMap(),
    ): Map<String, String> {
        val flat = options.flatMap { listOf(it.key, it.value) }
        val headers = native { io.hookseal.ffi.sign(scheme, secret.toByteArray(), body, timestamp, id, flat) }
        return headers.associateTo(LinkedHashMap()) { it.name to it.value }
    }

    /** The scheme id whose signature header is present, or null. */
    @JvmStatic
    fun detect(headers: Map<String, List<String>>): String? = detect(HeaderSource.of(headers))

    /** The scheme id whose signature header is present, or null. */
    @JvmStatic
    fun detect(headers: HeaderSource): String? {
        val pairs = DETECT_HEADERS.flatMap { name -> (headers.values(name) ?: emptyList()).map { Header(name, it) } }
        return io.hookseal.ffi.detect(pairs)
    }

    private val DETECT_HEADERS: List<String> by lazy { io.hookseal.ffi.detectHeaders() }

    /** Every scheme's signature header name (what `detect` reads). */
    internal val detectHeaderNames: List<String> get() = DETECT_HEADERS

    /** The scheme ids, in the core's order. */
    @JvmStatic
    fun schemeIds(): List<String> = io.hookseal.ffi.schemeIds()

    /** The core's scheme table (`SCHEMES_JSON`), as JSON text. */
    @JvmStatic
    fun schemesJson(): String = io.hookseal.ffi.schemesJson()

    /** The core's scheme table, parsed: one map per scheme. */
    @JvmStatic
    @Suppress("UNCHECKED_CAST")
    fun schemes(): List<Map<String, Any?>> = Json.parse(schemesJson()) as List<Map<String, Any?>>

    /** The core's error table: each code and its HTTP status, in order. */
    @JvmStatic
    fun errorCodes(): Map<String, Int> =
        io.hookseal.ffi.errorCodes().associateTo(LinkedHashMap()) { it.code to it.status.toInt() }

    /** The exception class of every code of [errorCodes], in the same order. */
    @JvmStatic
    fun exceptionClasses(): List<Class<out HooksealException>> = EXCEPTION_CLASSES

    /** The exception the core raises for [code], with [message]. */
    @JvmStatic
    fun exception(code: String, message: String): HooksealException =
        exceptionFor(code, errorCodes()[code] ?: 500, message)

    /** The snake_case option names, as the builder's `option` takes them. */
    @JvmStatic
    fun optionNames(): List<String> = io.hookseal.ffi.optionNames()

    /** The most header names a verifier reads. */
    @JvmField
    val MAX_HEADER_NAMES: Int = io.hookseal.ffi.maxHeaderNames().toInt()

    /** The default `max_body`, in bytes. */
    @JvmField
    val DEFAULT_MAX_BODY: Long = io.hookseal.ffi.defaultMaxBody().toLong()
}
