package io.hookseal.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a receiver pastes today for Salesbooth: HMAC-SHA256 of "{timestamp}.{body}"
 * with javax.crypto.Mac, hex-compared in constant time, timestamp within 300 s. It
 * checks less than hookseal does (no header format rules, one secret, no size limit).
 */
final class MacSnippet {
    private MacSnippet() {}

    static boolean verify(String secret, byte[] body, Map<String, List<String>> headers, long now) throws Exception {
        String ts = headers.get("x-salesbooth-timestamp").get(0);
        String sig = headers.get("x-salesbooth-signature").get(0);
        if (!sig.startsWith("v1=") || Math.abs(now - Long.parseLong(ts)) > 300) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(ts.getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) '.');
        byte[] expected = mac.doFinal(body);
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(sig.substring(3)));
    }
}
