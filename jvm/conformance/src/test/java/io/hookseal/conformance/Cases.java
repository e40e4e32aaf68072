package io.hookseal.conformance;

import io.hookseal.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the shared vectors (core/vectors/README.md) and hostile rows (hostile/README.md). */
final class Cases {
    private Cases() {}

    static Path vectors() {
        return Path.of(System.getProperty("hookseal.vectors", "../../core/vectors"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> read(Path file) throws IOException {
        return (List<Map<String, Object>>) Json.parse(Files.readString(file));
    }

    /** A VALUE: "text" (UTF-8), {"b64"}, {"repeat", "count"}, {"concat": [...]}. */
    @SuppressWarnings("unchecked")
    static byte[] bytes(Object value) {
        if (value instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> m = (Map<String, Object>) value;
        if (m.containsKey("b64")) return Base64.getDecoder().decode((String) m.get("b64"));
        if (m.containsKey("repeat")) {
            byte[] unit = ((String) m.get("repeat")).getBytes(StandardCharsets.UTF_8);
            int count = ((Long) m.get("count")).intValue();
            byte[] out = new byte[unit.length * count];
            for (int i = 0; i < count; i++) System.arraycopy(unit, 0, out, i * unit.length, unit.length);
            return out;
        }
        var out = new java.io.ByteArrayOutputStream();
        for (Object part : (List<Object>) m.get("concat")) out.writeBytes(bytes(part));
        return out.toByteArray();
    }

    /**
     * A secrets entry with a rotation window, {"secret": VALUE, "not_after": unix seconds}
     * (core/vectors/README.md), as an io.hookseal.Secret; null for a plain VALUE.
     */
    @SuppressWarnings("unchecked")
    static io.hookseal.Secret secret(Object entry) {
        if (!(entry instanceof Map<?, ?> m) || !m.containsKey("not_after")) return null;
        Object value = m.containsKey("secret") ? m.get("secret") : m.get("value");
        Object notAfter = m.get("not_after");
        return new io.hookseal.Secret(bytes(value),
                notAfter == null ? null : java.time.Instant.ofEpochSecond((Long) notAfter));
    }

    /**
     * A header VALUE as a servlet container hands it over: text as it is, raw bytes
     * decoded as ISO-8859-1 (one character per byte, as Tomcat and Jetty decode them).
     */
    static String headerText(Object value) {
        if (value instanceof String s) return s;
        return new String(bytes(value), StandardCharsets.ISO_8859_1);
    }

    /** The body: `body` (a VALUE) when present, else `body_b64`. */
    static byte[] body(Map<String, Object> c) {
        if (c.containsKey("body")) return bytes(c.get("body"));
        return Base64.getDecoder().decode((String) c.get("body_b64"));
    }

    /** The headers as a map of lists, names grouped without regard to case, in order. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> headers(Map<String, Object> c) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Object filler = c.get("filler_headers");
        for (long i = 0; filler != null && i < (Long) filler; i++) {
            out.computeIfAbsent("x-filler-" + i, k -> new ArrayList<>()).add("v");
        }
        for (Object pair : (List<Object>) c.get("headers")) {
            List<Object> p = (List<Object>) pair;
            String name = ((String) p.get(0)).toLowerCase(Locale.ROOT);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(headerText(p.get(1)));
        }
        return out;
    }

    /** Options as text: numbers as their digits, strings as they are. */
    @SuppressWarnings("unchecked")
    static Map<String, String> options(Map<String, Object> c) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> o = (Map<String, Object>) c.getOrDefault("options", Map.of());
        o.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
