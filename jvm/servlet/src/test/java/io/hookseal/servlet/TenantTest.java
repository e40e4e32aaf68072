package io.hookseal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.ReceiveContract;
import io.hookseal.Verifier;
import io.hookseal.store.MemoryStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Per-tenant secrets (docs/tenants.md), through the filter in a real embedded Tomcat. */
class TenantTest {
    static final byte[] BODY = "{\"delivery_id\":\"d_1\",\"event_kind\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
    static final Map<String, List<String>> SECRETS = Map.of(
            "acme", List.of("whsec_acme"), "globex", List.of("whsec_acme"), "initech", List.of("whsec_initech"));

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    List<?> resolve(String tenant) throws Exception {
        calls.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
        if (tenant.equals("down")) throw new java.io.IOException("the vault is down");
        if (tenant.equals("bad")) return List.of("");
        if (tenant.equals("empty")) return List.of();
        return SECRETS.get(tenant);
    }

    int calls(String tenant) {
        AtomicInteger n = calls.get(tenant);
        return n == null ? 0 : n.get();
    }

    static Map<String, String> signed(String secret) {
        return Hookseal.sign("saleslab", secret, BODY);
    }

    @Test
    void eachTenantVerifiesWithItsOwnSecretsFromThePath() throws Exception {
        HooksealFilter filter = HooksealFilter.builder("saleslab", HooksealFilter.tenantFromPath(), this::resolve).build();
        try (Receiver r = new Receiver(filter)) {
            assertEquals(204, r.post("/hooks/acme", BODY, signed("whsec_acme")).statusCode());
            assertEquals("acme", r.lastTenant);
            assertEquals(204, r.post("/hooks/initech", BODY, signed("whsec_initech")).statusCode());
            assertEquals("initech", r.lastTenant);
            HttpResponse<String> wrong = r.post("/hooks/initech", BODY, signed("whsec_acme"));
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.body().contains("signature_mismatch"), wrong.body());
            for (int i = 0; i < 5; i++) r.post("/hooks/acme", BODY, signed("whsec_acme"));
            assertEquals(1, calls("acme"), "the verifier is cached");
            assertEquals(1, calls("initech"));
        }
    }

    @Test
    void unknownTenantsAre404AndAFailingResolverIs503AndNotCached() throws Exception {
        HooksealFilter filter = HooksealFilter.builder("saleslab", HooksealFilter.tenantFromHeader("X-Tenant"), this::resolve).build();
        try (Receiver r = new Receiver(filter)) {
            ReceiveContract.Reply unknown = ReceiveContract.reply("unknown_tenant");
            for (String t : List.of("nobody", "empty")) {
                HttpResponse<String> res = r.post(BODY, Map.of("x-tenant", t));
                assertEquals(unknown.getStatus(), res.statusCode());
                assertEquals(unknown.body(), res.body());
            }
            // No tenant header: the tenant function returns null.
            assertEquals(404, r.post(BODY, signed("whsec_acme")).statusCode());
            ReceiveContract.Reply unavailable = ReceiveContract.reply("secrets_unavailable");
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> res = r.post(BODY, Map.of("x-tenant", "down"));
                assertEquals(503, res.statusCode());
                assertEquals(unavailable.getStatus(), res.statusCode());
                assertEquals(String.valueOf(unavailable.getRetryAfterSeconds()), res.headers().firstValue("retry-after").orElse(""));
                assertFalse(res.body().contains("vault"), "the resolver's error is logged, not answered");
            }
            assertEquals(2, calls("down"), "a resolver error is not cached");
            HttpResponse<String> bad = r.post(BODY, Map.of("x-tenant", "bad"));
            assertEquals(500, bad.statusCode());
            assertTrue(bad.body().contains("\"error\":\"invalid_secret\""), bad.body());
            assertFalse(bad.body().contains("whsec_bad"), bad.body());
            assertEquals(0, r.runs.get());
        }
    }

    @Test
    void theTenantIsPartOfTheClaimKey() throws Exception {
        HooksealFilter filter = HooksealFilter.builder("saleslab", HooksealFilter.tenantFromPath(), this::resolve)
                .store(new MemoryStore()).build();
        try (Receiver r = new Receiver(filter)) {
            Map<String, String> h = signed("whsec_acme");
            // acme and globex share a secret: the same delivery id is two deliveries.
            assertEquals(204, r.post("/hooks/acme", BODY, h).statusCode());
            assertEquals(204, r.post("/hooks/globex", BODY, h).statusCode());
            HttpResponse<String> dup = r.post("/hooks/acme", BODY, h);
            assertEquals(ReceiveContract.DUPLICATE_BODY, dup.body());
            assertEquals(2, r.runs.get());
        }
        assertEquals("saleslab/a%3Ab%2Fc%25:d_1", ReceiveContract.tenantClaimKey("saleslab", "a:b/c%", "d_1"));
    }

    @Test
    void concurrentMissesShareOneResolverCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        TenantVerifiers cache = new TenantVerifiers("saleslab", Map.of(), t -> {
            n.incrementAndGet();
            release.await(10, TimeUnit.SECONDS);
            return List.of("whsec_acme");
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Verifier>> got = new ArrayList<>();
            for (int i = 0; i < 8; i++) got.add(pool.submit(() -> cache.get("acme")));
            while (n.get() == 0) Thread.sleep(5);
            Thread.sleep(50); // the other seven are now waiting on the first call
            release.countDown();
            Verifier first = got.get(0).get();
            for (Future<Verifier> f : got) assertSame(first, f.get());
            assertEquals(1, n.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void entriesExpireAfterTheTtlAndTheLeastRecentlyUsedGoesFirst() throws Exception {
        AtomicLong clock = new AtomicLong();
        TenantVerifiers cache = new TenantVerifiers("saleslab", Map.of(), this::resolve, 2, Duration.ofSeconds(300), clock::get);
        Verifier acme = cache.get("acme");
        cache.get("globex");
        assertSame(acme, cache.get("acme")); // acme is now the most recently used
        cache.get("initech"); // evicts globex
        assertEquals(2, cache.size());
        assertSame(acme, cache.get("acme"));
        cache.get("globex");
        assertEquals(2, calls("globex"));
        clock.addAndGet(Duration.ofSeconds(301).toNanos());
        assertNotSame(acme, cache.get("acme"));
        assertEquals(2, calls("acme"));
        assertThrows(TenantVerifiers.UnknownTenantException.class, () -> cache.get("nobody"));
        assertThrows(TenantVerifiers.SecretsUnavailableException.class, () -> cache.get("down"));
        assertThrows(io.hookseal.InvalidSecretException.class, () -> cache.get("bad"));
        assertEquals(2, cache.size(), "failures are not cached");
    }

    @Test
    void theReadmeExample() throws Exception {
        Map<String, List<String>> vault = Map.of("acme", List.of("whsec_acme"));
        byte[] body = BODY;
        Map<String, String> headers = signed("whsec_acme");

        // POST /hooks/saleslab/acme: acme's secrets; a tenant the vault does not know is 404.
        HooksealFilter filter = HooksealFilter.builder("saleslab", HooksealFilter.tenantFromPath(), vault::get)
                .tenantCache(1000, Duration.ofMinutes(5)) // the contract's defaults
                .store(new MemoryStore()) // claims saleslab/acme:<idempotency key>
                .build();

        try (Receiver r = new Receiver(filter)) {
            assertEquals(204, r.post("/hooks/saleslab/acme", body, headers).statusCode());
            assertEquals("acme", r.lastTenant);
            assertEquals(404, r.post("/hooks/saleslab/globex", body, headers).statusCode());
        }
    }

    @Test
    void theCacheDefaultsAreTheContracts() {
        assertEquals(1000, ReceiveContract.TENANT_CACHE_MAX);
        assertEquals(300, ReceiveContract.TENANT_CACHE_TTL_SECONDS);
    }
}
