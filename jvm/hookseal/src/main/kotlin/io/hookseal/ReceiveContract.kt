package io.hookseal

/**
 * The core's receive contract (`CONTRACT_JSON`, docs/receiving.md), parsed once: the
 * status, `Retry-After` and message of every answer a receiver gives, the
 * de-duplication decisions, and the lease and TTL defaults. The servlet filter and the
 * Spring Boot starter take every answer from here, never from a copy.
 */
object ReceiveContract {
    /** One answer of the table. */
    class Reply internal constructor(
        val code: String,
        val status: Int,
        /** Fixed `Retry-After` seconds, or null. */
        val retryAfterSeconds: Long?,
        /** Whether `Retry-After` is the lease time left (`delivery_in_progress`). */
        val retryAfterLeaseLeft: Boolean,
        val message: String,
    ) {
        /** The JSON body, with the core's message or [message] when given. */
        @JvmOverloads
        fun body(message: String = this.message): String = rejectionBody(code, message)

        /** `Retry-After` seconds given the lease time left, or null (docs/receiving.md). */
        fun retryAfter(leaseLeftMillis: Long): Long? = when {
            retryAfterLeaseLeft -> maxOf(1, (leaseLeftMillis + 999) / 1000)
            else -> retryAfterSeconds
        }
    }

    @Suppress("UNCHECKED_CAST")
    private val doc = Json.parse(io.hookseal.ffi.receiveContractJson()) as Map<String, Any?>

    @Suppress("UNCHECKED_CAST")
    private val replies: Map<String, Reply> = (doc["replies"] as Map<String, Map<String, Any?>>).mapValues { (code, row) ->
        val retry = row["retry_after"]
        Reply(code, (row["status"] as Long).toInt(), retry as? Long, retry == "lease_left", row["message"] as String)
    }

    /** The answer for a core error code or an edge code (`store_unavailable`, …). */
    @JvmStatic
    fun reply(code: String): Reply = replies[code] ?: replies.getValue("internal")

    /** The answer for an exception. */
    @JvmStatic
    fun reply(error: HooksealException): Reply = reply(error.code)

    /** `{"error": code, "message": message}`, written by the core. */
    @JvmStatic
    fun rejectionBody(code: String, message: String): String = io.hookseal.ffi.rejectionBody(code, message)

    /** The status of a duplicate's answer (200). */
    @JvmField
    val DUPLICATE_STATUS: Int = ((doc["duplicate"] as Map<*, *>)["status"] as Long).toInt()

    /** The body of a duplicate's answer, `{"duplicate":true}`. */
    @JvmField
    val DUPLICATE_BODY: String = io.hookseal.ffi.duplicateBody()

    /** What a claim's outcome leads to: `first` → `run_handler`, `processing` → … */
    @JvmField
    @Suppress("UNCHECKED_CAST")
    val ON_CLAIM: Map<String, String> = doc["on_claim"] as Map<String, String>

    /** The default lease of a claim, in seconds. */
    @JvmField
    val LEASE_SECONDS: Long = doc["lease_seconds"] as Long

    /** How long a completed key stays done, in seconds. */
    @JvmField
    val TTL_SECONDS: Long = doc["ttl_seconds"] as Long

    /** The key a delivery is claimed under (`stripe:evt_1`); null for an empty key. */
    @JvmStatic
    fun claimKey(scheme: String, idempotencyKey: String): String? = io.hookseal.ffi.claimKey(scheme, idempotencyKey)

    /** The key a delivery verified with [tenant]'s secrets is claimed under
     * (`saleslab/acme:d_1`, the tenant escaped by the contract's `tenants.escape`); null
     * for an empty key. */
    @JvmStatic
    fun tenantClaimKey(scheme: String, tenant: String, idempotencyKey: String): String? =
        io.hookseal.ffi.tenantClaimKey(scheme, tenant, idempotencyKey)

    @Suppress("UNCHECKED_CAST")
    private val tenants = doc["tenants"] as Map<String, Any?>

    /** How many tenants' verifiers a helper keeps (`tenants.max`). */
    @JvmField
    val TENANT_CACHE_MAX: Long = tenants["max"] as Long

    /** How long a tenant's resolved secrets are used, in seconds (`tenants.ttl_seconds`). */
    @JvmField
    val TENANT_CACHE_TTL_SECONDS: Long = tenants["ttl_seconds"] as Long

    /** One instrument of the contract's `metrics` section. */
    class Instrument internal constructor(
        /** The instrument's name (`hookseal.verifications`). */
        val name: String,
        /** `counter` or `histogram`. */
        val kind: String,
        /** Its unit (`{delivery}`, `s`). */
        val unit: String,
    )

    @Suppress("UNCHECKED_CAST")
    private val metrics = doc["metrics"] as Map<String, Any?>

    /** The meter name the helpers record under (`hookseal`). */
    @JvmField
    val METER: String = metrics["meter"] as String

    /** The instruments by key: `verifications`, `skew`, `duplicates`, `duration`. */
    @JvmField
    @Suppress("UNCHECKED_CAST")
    val INSTRUMENTS: Map<String, Instrument> = (metrics["instruments"] as Map<String, Map<String, Any?>>)
        .mapValues { (_, row) -> Instrument(row["name"] as String, row["kind"] as String, row["unit"] as String) }

    /** The attribute names by key: `scheme`, `outcome`, `duplicate`. */
    @JvmField
    @Suppress("UNCHECKED_CAST")
    val ATTRIBUTES: Map<String, String> = metrics["attributes"] as Map<String, String>

    /** Whether a handler's status completes the claim (2xx) rather than releasing it. */
    @JvmStatic
    fun completes(status: Int): Boolean = status in 200..299
}
