package io.hookseal

/**
 * Why a delivery verifies or not (docs/explain.md): the outcome [code] (null when [ok]),
 * the core's [message], and [findings], the likely causes the core recognized
 * (`secret_whitespace`, `body_reserialized`, `clock_skew`, …). For development and
 * support, never a production answer: it tells a sender what to change.
 */
class Explanation internal constructor(
    val ok: Boolean,
    val code: String?,
    val message: String,
    val findings: List<Finding>,
    /** The core's JSON, as the helpers attach it to a rejection. */
    val json: String,
) {
    /** One finding: its stable snake_case code and a human message. */
    class Finding internal constructor(val code: String, val message: String) {
        override fun toString() = "Finding(code=$code, message=$message)"
    }

    override fun toString() = "Explanation(ok=$ok, code=$code, findings=${findings.map { it.code }})"

    internal companion object {
        @Suppress("UNCHECKED_CAST")
        fun parse(json: String): Explanation {
            val doc = Json.parse(json) as Map<String, Any?>
            val findings = (doc["findings"] as List<Map<String, Any?>>? ?: emptyList())
                .map { Finding(it["code"] as String, it["message"] as String) }
            return Explanation(doc["ok"] as Boolean, doc["code"] as String?, doc["message"] as String? ?: "", findings, json)
        }
    }
}
