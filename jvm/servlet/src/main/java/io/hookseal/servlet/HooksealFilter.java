package io.hookseal.servlet;

import io.hookseal.HooksealException;
import io.hookseal.ReceiveContract;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import io.hookseal.store.Claim;
import io.hookseal.store.Store;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies every request it filters and answers by the core's receive contract
 * (docs/receiving.md): the raw body is read up to {@code max_body + 1} bytes, the
 * verifier's headers are picked by name, a rejection is
 * {@code {"error": code, "message": …}} with its row's status, and a verified delivery
 * reaches the chain as the request attribute {@link #VERIFIED} with its body readable
 * again. With a {@link Store}, each delivery is claimed under
 * {@code <scheme>:<idempotency key>} first: a repeat is answered 200
 * {@code {"duplicate":true}} without the chain, the chain's 2xx completes the claim and
 * anything else (or an exception) releases it.
 *
 * <p>{@link #builder(String, Function, SecretsResolver)} verifies with each tenant's own
 * secrets (docs/tenants.md): the tenant is read from the request (path or header, never
 * the body), its verifier comes from a {@link TenantVerifiers} cache, and the claim key
 * is {@code <scheme>/<tenant>:<idempotency key>}. Metrics are recorded through
 * OpenTelemetry when a meter is given or a global one is set (docs/metrics.md).
 */
public final class HooksealFilter implements Filter {
    /** The request attribute holding the {@link Verified} delivery. */
    public static final String VERIFIED = Verified.class.getName();

    /** The request attribute holding the tenant, for a filter built with a tenant function. */
    public static final String TENANT = HooksealFilter.class.getName() + ".tenant";

    private static final Logger LOG = Logger.getLogger(HooksealFilter.class.getName());

    private final Verifier verifier;
    private final Function<HttpServletRequest, String> tenantOf;
    private final TenantVerifiers tenants;
    private final Store store;
    private final Duration lease;
    private final Duration ttl;
    private final boolean explain;
    private final Metrics metrics;

    /** Without de-duplication. */
    public HooksealFilter(Verifier verifier) { this(verifier, null); }

    /** With a store, the contract's lease (60 s) and TTL (30 days). */
    public HooksealFilter(Verifier verifier, Store store) {
        this(verifier, store, Duration.ofSeconds(ReceiveContract.LEASE_SECONDS), Duration.ofSeconds(ReceiveContract.TTL_SECONDS));
    }

    public HooksealFilter(Verifier verifier, Store store, Duration lease, Duration ttl) {
        this(builder(verifier).store(store, lease, ttl));
    }

    private HooksealFilter(Builder b) {
        this.verifier = b.verifier;
        this.tenantOf = b.tenantOf;
        this.tenants = b.tenantOf == null ? null
                : new TenantVerifiers(b.scheme, b.options, b.resolver, b.cacheMax, b.cacheTtl);
        this.store = b.store;
        this.lease = b.lease;
        this.ttl = b.ttl;
        this.explain = b.explain != null ? b.explain : explainFromEnv(System.getenv());
        String scheme = b.verifier != null ? b.verifier.getScheme() : b.scheme;
        this.metrics = b.meter != null ? Metrics.of(scheme, b.meter) : Metrics.global(scheme);
    }

    /** A filter for one verifier: {@code .store(…)}, {@code .explain(…)}, {@code .meter(…)}, then {@code build()}. */
    public static Builder builder(Verifier verifier) {
        return new Builder(Objects.requireNonNull(verifier, "verifier"), null, null, null);
    }

    /**
     * A filter for many tenants of one scheme: {@code tenant} reads the tenant from the
     * request (a path segment, a header; null or empty answers 404 {@code unknown_tenant}),
     * {@code secrets} gives its secrets.
     */
    public static Builder builder(String scheme, Function<HttpServletRequest, String> tenant, SecretsResolver secrets) {
        return new Builder(null, Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(secrets, "secrets"));
    }

    /** The tenant as the last segment of the request's path ({@code /hooks/saleslab/acme} → {@code acme}). */
    public static Function<HttpServletRequest, String> tenantFromPath() {
        return req -> {
            String uri = req.getRequestURI();
            if (uri == null) return null;
            int end = uri.endsWith("/") ? uri.length() - 1 : uri.length();
            int slash = uri.lastIndexOf('/', end - 1);
            String segment = uri.substring(slash + 1, end);
            return java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        };
    }

    /** The tenant as the value of a request header. */
    public static Function<HttpServletRequest, String> tenantFromHeader(String name) {
        Objects.requireNonNull(name, "name");
        return req -> req.getHeader(name);
    }

    /** Whether {@code HOOKSEAL_EXPLAIN=1} is in {@code env}: the default of {@link Builder#explain}. */
    static boolean explainFromEnv(Map<String, String> env) {
        return "1".equals(env.get("HOOKSEAL_EXPLAIN"));
    }

    /** The verified delivery of a request this filter passed, or null. */
    public static Verified verified(ServletRequest request) {
        return (Verified) request.getAttribute(VERIFIED);
    }

    /** The tenant of a request this filter passed (tenant filters only), or null. */
    public static String tenant(ServletRequest request) {
        return (String) request.getAttribute(TENANT);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String tenant = null;
        Verifier verifier = this.verifier;
        if (tenants != null) {
            tenant = tenantOf.apply(request);
            try {
                if (tenant == null || tenant.isEmpty()) throw new TenantVerifiers.UnknownTenantException();
                verifier = tenants.get(tenant);
            } catch (TenantVerifiers.UnknownTenantException e) {
                reject(response, ReceiveContract.reply("unknown_tenant"), null, -1, Double.NaN);
                return;
            } catch (TenantVerifiers.SecretsUnavailableException e) {
                LOG.log(Level.WARNING, "hookseal: the secrets resolver failed", e.getCause());
                reject(response, ReceiveContract.reply("secrets_unavailable"), null, -1, Double.NaN);
                return;
            } catch (HooksealException e) {
                // A secret the resolver gave that the core refuses (invalid_secret), as a fixed one would be.
                reject(response, ReceiveContract.reply(e), e.getMessage(), -1, Double.NaN);
                return;
            }
        }
        byte[] body;
        try {
            body = BoundedBody.read(request.getInputStream(), verifier.getMaxBody() + 1);
        } catch (IOException e) {
            reject(response, ReceiveContract.reply("unreadable_body"), null, -1, Double.NaN);
            return;
        }
        boolean timed = metrics.enabled();
        long start = timed ? System.nanoTime() : 0;
        Verified delivery;
        try {
            delivery = verifier.verify(body, name -> list(request.getHeaders(name)));
        } catch (HooksealException e) {
            long took = timed ? System.nanoTime() - start : -1;
            String extra = explain ? explanation(verifier, request, body) : null;
            // Skew is a verified delivery's (docs/metrics.md), as in every runtime.
            reject(response, ReceiveContract.reply(e), e.getMessage(), extra, took, Double.NaN);
            return;
        }
        if (timed) metrics.verification("ok", System.nanoTime() - start, skew(delivery.getTimestamp()));
        request.setAttribute(VERIFIED, delivery);
        if (tenant != null) request.setAttribute(TENANT, tenant);
        HttpServletRequest verified = new VerifiedRequest(request, body);
        String key = null;
        if (store != null) {
            key = tenant == null
                    ? ReceiveContract.claimKey(delivery.getScheme(), delivery.getIdempotencyKey())
                    : ReceiveContract.tenantClaimKey(delivery.getScheme(), tenant, delivery.getIdempotencyKey());
        }
        if (key == null) {
            chain.doFilter(verified, response);
            return;
        }
        runOnce(key, verified, response, chain);
    }

    /** Now minus the signed timestamp, in seconds; NaN without one. */
    private static double skew(Long timestamp) {
        return timestamp == null ? Double.NaN : System.currentTimeMillis() / 1000.0 - timestamp;
    }

    /** The core's explanation as JSON, for the rejection body (only with {@code explain}). */
    private static String explanation(Verifier verifier, HttpServletRequest request, byte[] body) {
        return verifier.explain(body, name -> list(request.getHeaders(name))).getJson();
    }

    /** The claim, the chain, then complete or release (docs/receiving.md §4). */
    private void runOnce(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Claim claim;
        try {
            claim = store.claim(key, lease);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "hookseal: the store failed to claim " + key, e);
            answer(response, ReceiveContract.reply(ReceiveContract.ON_CLAIM.get("failed")), null, null, 0);
            return;
        }
        switch (claim.outcome()) {
            case DONE -> {
                metrics.duplicate("processed");
                response.setStatus(ReceiveContract.DUPLICATE_STATUS);
                json(response, ReceiveContract.DUPLICATE_BODY);
                return;
            }
            case PROCESSING -> {
                metrics.duplicate("in_flight");
                answer(response, ReceiveContract.reply(ReceiveContract.ON_CLAIM.get("processing")), null, null,
                        claim.leaseLeft().toMillis());
                return;
            }
            case FIRST -> { }
        }
        boolean completed = false;
        try {
            chain.doFilter(request, response);
            completed = ReceiveContract.completes(response.getStatus());
        } finally {
            try {
                if (completed) store.complete(key, claim.token(), ttl);
                else store.release(key, claim.token());
            } catch (Exception e) {
                // What it leaves behind is a lease, which expires: the retry after it runs.
                LOG.log(Level.WARNING, "hookseal: the store failed to settle " + key, e);
            }
        }
    }

    /** A delivery refused before the handler: counted, then answered. */
    private void reject(HttpServletResponse response, ReceiveContract.Reply reply, String message, long nanos, double skew)
            throws IOException {
        reject(response, reply, message, null, nanos, skew);
    }

    private void reject(HttpServletResponse response, ReceiveContract.Reply reply, String message, String explanation,
            long nanos, double skew) throws IOException {
        metrics.verification(reply.getCode(), nanos, skew);
        answer(response, reply, message, explanation, 0);
    }

    private static void answer(HttpServletResponse response, ReceiveContract.Reply reply, String message,
            String explanation, long leaseLeftMs) throws IOException {
        response.setStatus(reply.getStatus());
        Long retry = reply.retryAfter(leaseLeftMs);
        if (retry != null) response.setHeader("Retry-After", Long.toString(retry));
        String body = message == null ? reply.body() : reply.body(message);
        if (explanation != null) {
            // {"error":…,"message":…} gains "explanation": the core's JSON, as it wrote it.
            body = body.substring(0, body.lastIndexOf('}')) + ",\"explanation\":" + explanation + "}";
        }
        json(response, body);
    }

    private static void json(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static java.util.List<String> list(Enumeration<String> values) {
        return values == null ? null : Collections.list(values);
    }

    /** What a filter is built from. */
    public static final class Builder {
        private final Verifier verifier;
        private final String scheme;
        private final Function<HttpServletRequest, String> tenantOf;
        private final SecretsResolver resolver;
        private Map<String, String> options = Map.of();
        private int cacheMax = (int) ReceiveContract.TENANT_CACHE_MAX;
        private Duration cacheTtl = Duration.ofSeconds(ReceiveContract.TENANT_CACHE_TTL_SECONDS);
        private Store store;
        private Duration lease = Duration.ofSeconds(ReceiveContract.LEASE_SECONDS);
        private Duration ttl = Duration.ofSeconds(ReceiveContract.TTL_SECONDS);
        private Boolean explain;
        private Object meter;

        private Builder(Verifier verifier, String scheme, Function<HttpServletRequest, String> tenantOf,
                SecretsResolver resolver) {
            this.verifier = verifier;
            this.scheme = scheme;
            this.tenantOf = tenantOf;
            this.resolver = resolver;
        }

        /** The core's options (snake_case, as text) every tenant's verifier is built with. */
        public Builder options(Map<String, String> options) {
            requireTenants("options");
            this.options = Map.copyOf(options);
            return this;
        }

        /** How many tenants' verifiers are kept, and for how long (default: the contract's 1000 and 300 s). */
        public Builder tenantCache(int max, Duration ttl) {
            requireTenants("tenantCache");
            this.cacheMax = max;
            this.cacheTtl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /** De-duplicates with {@code store}, the contract's lease (60 s) and TTL (30 days). */
        public Builder store(Store store) {
            this.store = store;
            return this;
        }

        /** De-duplicates with {@code store}, this lease and TTL. */
        public Builder store(Store store, Duration lease, Duration ttl) {
            this.store = store;
            this.lease = Objects.requireNonNull(lease, "lease");
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * Whether a rejection's body carries the core's {@code explanation} (default: only
         * when {@code HOOKSEAL_EXPLAIN=1}). For development only: an endpoint that explains
         * its rejections tells a forger what to change (SECURITY.md).
         */
        public Builder explain(boolean explain) {
            this.explain = explain;
            return this;
        }

        /**
         * The {@code io.opentelemetry.api.metrics.Meter} to record on (docs/metrics.md);
         * default: the global OpenTelemetry's when one is set, else nothing is recorded.
         */
        public Builder meter(io.opentelemetry.api.metrics.Meter meter) {
            this.meter = Objects.requireNonNull(meter, "meter");
            return this;
        }

        public HooksealFilter build() {
            return new HooksealFilter(this);
        }

        private void requireTenants(String option) {
            if (tenantOf == null) throw new IllegalStateException(option + " is for a filter built with a tenant function");
        }
    }
}
