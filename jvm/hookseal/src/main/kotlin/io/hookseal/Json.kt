package io.hookseal

/**
 * The small JSON reader the package reads the core's tables with (objects as ordered
 * maps, arrays as lists, whole numbers as `Long`, others as `Double`), so the artifact
 * depends on nothing but JNA and the Kotlin standard library.
 */
object Json {
    @JvmStatic
    fun parse(text: String): Any? {
        val p = Parser(text)
        val value = p.value()
        p.space()
        require(p.i == text.length) { "trailing text at ${p.i}" }
        return value
    }

    private class Parser(val s: String) {
        var i = 0

        fun space() {
            while (i < s.length && s[i] in " \t\r\n") i++
        }

        fun value(): Any? {
            space()
            require(i < s.length) { "unexpected end" }
            return when (s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> str()
                't' -> word("true", true)
                'f' -> word("false", false)
                'n' -> word("null", null)
                else -> num()
            }
        }

        fun word(w: String, v: Any?): Any? {
            require(s.startsWith(w, i)) { "bad literal at $i" }
            i += w.length
            return v
        }

        fun obj(): Map<String, Any?> {
            val out = LinkedHashMap<String, Any?>()
            i++
            space()
            if (s[i] == '}') { i++; return out }
            while (true) {
                space()
                val k = str()
                space()
                require(s[i] == ':') { "expected : at $i" }
                i++
                out[k] = value()
                space()
                when (s[i++]) {
                    ',' -> continue
                    '}' -> return out
                    else -> throw IllegalArgumentException("expected , or } at ${i - 1}")
                }
            }
        }

        fun arr(): List<Any?> {
            val out = ArrayList<Any?>()
            i++
            space()
            if (s[i] == ']') { i++; return out }
            while (true) {
                out.add(value())
                space()
                when (s[i++]) {
                    ',' -> continue
                    ']' -> return out
                    else -> throw IllegalArgumentException("expected , or ] at ${i - 1}")
                }
            }
        }

        fun str(): String {
            require(s[i] == '"') { "expected a string at $i" }
            i++
            val b = StringBuilder()
            while (true) {
                val c = s[i++]
                when (c) {
                    '"' -> return b.toString()
                    '\\' -> when (val e = s[i++]) {
                        'n' -> b.append('\n'); 't' -> b.append('\t'); 'r' -> b.append('\r')
                        'b' -> b.append('\b'); 'f' -> b.append('\u000c')
                        'u' -> { b.append(s.substring(i, i + 4).toInt(16).toChar()); i += 4 }
                        else -> b.append(e)
                    }
                    else -> b.append(c)
                }
            }
        }

        fun num(): Any {
            val start = i
            while (i < s.length && s[i] in "+-0123456789.eE") i++
            val t = s.substring(start, i)
            require(t.isNotEmpty()) { "unexpected character at $start" }
            return t.toLongOrNull() ?: t.toDouble()
        }
    }
}
