package io.hookseal.servlet;

import io.hookseal.ReceiveContract;
import io.hookseal.Verifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One verifier per tenant, built from the secrets a {@link SecretsResolver} returns and
 * kept for a while (docs/tenants.md): at most {@code max} tenants, least recently used
 * dropped first, each for {@code ttl} after it was built, so a rotated secret is picked
 * up without a restart. Concurrent misses for one tenant share one resolver call; a
 * failure (no such tenant, the resolver throwing, a bad secret) is never cached.
 */
public final class TenantVerifiers {
    /** The resolver returned no secret for the tenant. */
    public static final class UnknownTenantException extends Exception {
        UnknownTenantException() { super("no secret is configured for the tenant", null, false, false); }
    }

    /** The resolver threw: its exception is the cause. */
    public static final class SecretsUnavailableException extends Exception {
        SecretsUnavailableException(Throwable cause) { super("the tenant's secrets could not be loaded", cause); }
    }

    private record Entry(Verifier verifier, long expiresNanos) {}

    private final String scheme;
    private final Map<String, String> options;
    private final SecretsResolver resolver;
    private final int max;
    private final long ttlNanos;
    private final LongSupplier nanos;
    private final LinkedHashMap<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final ConcurrentHashMap<String, CompletableFuture<Verifier>> pending = new ConcurrentHashMap<>();

    /** With the contract's defaults: 1000 tenants, 300 s. */
    public TenantVerifiers(String scheme, Map<String, String> options, SecretsResolver resolver) {
        this(scheme, options, resolver, (int) ReceiveContract.TENANT_CACHE_MAX,
                Duration.ofSeconds(ReceiveContract.TENANT_CACHE_TTL_SECONDS));
    }

    public TenantVerifiers(String scheme, Map<String, String> options, SecretsResolver resolver, int max, Duration ttl) {
        this(scheme, options, resolver, max, ttl, System::nanoTime);
    }

    TenantVerifiers(String scheme, Map<String, String> options, SecretsResolver resolver, int max, Duration ttl,
            LongSupplier nanos) {
        if (max < 1) throw new IllegalArgumentException("the tenant cache holds at least one tenant");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("the tenant cache TTL must be positive");
        this.scheme = scheme;
        this.options = Map.copyOf(options);
        this.resolver = resolver;
        this.max = max;
        this.ttlNanos = ttl.toNanos();
        this.nanos = nanos;
    }

    /** The scheme every tenant's verifier is built for. */
    public String scheme() { return scheme; }

    /** The tenant's verifier, from the cache or built from its secrets now. */
    public Verifier get(String tenant) throws UnknownTenantException, SecretsUnavailableException {
        Verifier hit = fresh(tenant);
        if (hit != null) return hit;
        CompletableFuture<Verifier> mine = new CompletableFuture<>();
        CompletableFuture<Verifier> shared = pending.putIfAbsent(tenant, mine);
        if (shared == null) {
            try {
                Verifier v = fresh(tenant); // built while this thread looked
                if (v == null) {
                    v = build(tenant);
                    synchronized (cache) {
                        cache.put(tenant, new Entry(v, nanos.getAsLong() + ttlNanos));
                        var it = cache.entrySet().iterator();
                        while (cache.size() > max && it.hasNext()) {
                            it.next();
                            it.remove();
                        }
                    }
                }
                mine.complete(v);
            } catch (Throwable e) {
                mine.completeExceptionally(e);
            } finally {
                pending.remove(tenant, mine);
            }
            shared = mine;
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnknownTenantException u) throw u;
            if (cause instanceof SecretsUnavailableException s) throw s;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error r) throw r;
            throw new SecretsUnavailableException(cause);
        }
    }

    /** How many tenants are cached now. */
    public int size() {
        synchronized (cache) { return cache.size(); }
    }

    private Verifier fresh(String tenant) {
        synchronized (cache) {
            Entry e = cache.get(tenant);
            if (e == null) return null;
            if (nanos.getAsLong() - e.expiresNanos() < 0) return e.verifier();
            cache.remove(tenant);
            return null;
        }
    }

    private Verifier build(String tenant) throws UnknownTenantException, SecretsUnavailableException {
        List<?> secrets;
        try {
            secrets = resolver.secrets(tenant);
        } catch (Exception e) {
            throw new SecretsUnavailableException(e);
        }
        if (secrets == null || secrets.isEmpty()) throw new UnknownTenantException();
        Verifier.Builder b = Verifier.builder(scheme).options(options);
        for (Object s : secrets) Secrets.add(b, s);
        return b.build(); // invalid_secret and the like: a HooksealException, not cached
    }

    /** Adds one resolver entry to a builder. */
    static final class Secrets {
        private Secrets() {}

        static void add(Verifier.Builder b, Object s) {
            if (s instanceof String text) b.secrets(text);
            else if (s instanceof io.hookseal.Secret secret) b.secret(secret);
            else if (s instanceof byte[] bytes) b.secret(bytes);
            else throw io.hookseal.Hookseal.exception("invalid_secret",
                    "a secret is a String, a byte[] or an io.hookseal.Secret, not a "
                            + (s == null ? "null" : s.getClass().getSimpleName()));
        }
    }
}
