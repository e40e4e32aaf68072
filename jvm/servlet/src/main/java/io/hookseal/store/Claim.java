package io.hookseal.store;

import java.time.Duration;

/**
 * What a claim found (docs/stores.md): {@code FIRST} with this attempt's owner token,
 * {@code PROCESSING} with the lease time left, or {@code DONE}.
 */
public record Claim(Outcome outcome, String token, Duration leaseLeft) {
    /** The outcomes of a claim, named as the receive contract's {@code on_claim} keys. */
    public enum Outcome { FIRST, PROCESSING, DONE }

    public static Claim first(String token) { return new Claim(Outcome.FIRST, token, Duration.ZERO); }
    public static Claim processing(Duration left) { return new Claim(Outcome.PROCESSING, null, left); }
    public static Claim done() { return new Claim(Outcome.DONE, null, Duration.ZERO); }
}
