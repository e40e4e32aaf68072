package io.hookseal.store;

import java.time.Duration;

/**
 * A de-duplication store with the contract every runtime shares (docs/stores.md):
 * {@code claim} takes a lease with a random owner token; the handler's 2xx
 * {@code complete}s it (done for the TTL); anything else {@code release}s it,
 * owner-checked. Receivers in other runtimes may share the same store.
 */
public interface Store {
    /** Claims {@code key} for {@code lease}; atomic across processes sharing the store. */
    Claim claim(String key, Duration lease) throws Exception;

    /** Marks {@code key} done for {@code ttl} if it still holds {@code token}. */
    void complete(String key, String token, Duration ttl) throws Exception;

    /** Deletes the claim of {@code key} if it still holds {@code token}. */
    void release(String key, String token) throws Exception;

    /** A random owner token. */
    static String newToken() {
        return Tokens.next();
    }

    /** The bad inputs every store refuses, as {@code IllegalArgumentException}s. */
    static void check(String key, String token, Duration d, String what) {
        if (key == null || key.isEmpty()) throw new IllegalArgumentException("the key must not be empty");
        if (token != null && token.isEmpty()) throw new IllegalArgumentException("the token must not be empty");
        if (d != null && (d.isNegative() || d.isZero() || d.toNanos() % 1_000_000 != 0)) {
            throw new IllegalArgumentException(what + " must be a positive whole number of milliseconds");
        }
    }
}
