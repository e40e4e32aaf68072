package io.hookseal.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random owner tokens: 128 bits, hex. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String next() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
