package io.hookseal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hookseal.store.Claim;
import io.hookseal.store.PostgresStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract (docs/stores.md) against the PostgreSQL that scripts/ci/stores.sh
 * starts (HOOKSEAL_TEST_POSTGRES_URL); skipped without it, failed under stores.sh.
 */
class PostgresStoreTest {
    static String url;

    @BeforeAll
    static void server() {
        String pg = System.getenv("HOOKSEAL_TEST_POSTGRES_URL");
        if (pg == null && System.getenv("HOOKSEAL_STORES_REQUIRED") != null) {
            throw new IllegalStateException("HOOKSEAL_STORES_REQUIRED without HOOKSEAL_TEST_POSTGRES_URL");
        }
        assumeTrue(pg != null, "no PostgreSQL (run under scripts/ci/stores.sh)");
        URI u = URI.create(pg);
        url = "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath() + "?user=" + u.getUserInfo();
    }

    static String key() { return "test:" + UUID.randomUUID(); }

    @Test
    void leaseThenDoneAndOwnerCheckedRelease() throws Exception {
        PostgresStore s = PostgresStore.open(url);
        String k = key();
        Claim first = s.claim(k, Duration.ofSeconds(60));
        assertEquals(Claim.Outcome.FIRST, first.outcome());
        Claim again = s.claim(k, Duration.ofSeconds(60));
        assertEquals(Claim.Outcome.PROCESSING, again.outcome());
        assertEquals(true, again.leaseLeft().toMillis() > 0 && again.leaseLeft().toMillis() <= 60_000);
        s.release(k, "not-the-owner");
        assertEquals(Claim.Outcome.PROCESSING, s.claim(k, Duration.ofSeconds(60)).outcome());
        s.complete(k, first.token(), Duration.ofDays(30));
        assertEquals(Claim.Outcome.DONE, s.claim(k, Duration.ofSeconds(60)).outcome());
        String k2 = key();
        Claim c = s.claim(k2, Duration.ofSeconds(60));
        s.release(k2, c.token());
        assertEquals(Claim.Outcome.FIRST, s.claim(k2, Duration.ofSeconds(60)).outcome());
        s.release(key(), "never-claimed");
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheLateReleaseChangesNothing() throws Exception {
        PostgresStore s = PostgresStore.open(url);
        String k = key();
        Claim old = s.claim(k, Duration.ofMillis(50));
        Thread.sleep(120);
        Claim next = s.claim(k, Duration.ofSeconds(60));
        assertEquals(Claim.Outcome.FIRST, next.outcome());
        s.release(k, old.token());
        assertEquals(Claim.Outcome.PROCESSING, s.claim(k, Duration.ofSeconds(60)).outcome());
    }

    @Test
    void ofConcurrentClaimsExactlyOneIsFirst() throws Exception {
        PostgresStore s = PostgresStore.open(url);
        String k = key();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Claim>> jobs = new ArrayList<>();
            for (int i = 0; i < 50; i++) jobs.add(() -> s.claim(k, Duration.ofSeconds(60)));
            int firsts = 0;
            for (Future<Claim> f : pool.invokeAll(jobs)) if (f.get().outcome() == Claim.Outcome.FIRST) firsts++;
            assertEquals(1, firsts);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badInputIsRefused() throws Exception {
        PostgresStore s = PostgresStore.open(url);
        assertThrows(IllegalArgumentException.class, () -> s.claim("", Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> s.claim("k", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> s.release("k", ""));
    }

    @Test
    void aPreviousVersionsRowsReadAsDone() throws Exception {
        String table = "hookseal_claims_v0_" + Long.toHexString(System.nanoTime());
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (key text PRIMARY KEY, expires_at timestamptz NOT NULL)");
            st.execute("INSERT INTO " + table + " VALUES ('stripe:evt_old', now() + interval '1 day')");
        }
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        PostgresStore s = new PostgresStore(ds, table);
        assertEquals(Claim.Outcome.DONE, s.claim("stripe:evt_old", Duration.ofSeconds(60)).outcome());
    }

    @Test
    void theFilterWithThePostgresStoreRunsADeliveryOnce() throws Exception {
        try (Receiver r = new Receiver(new HooksealFilter(FilterTest.verifier(1024), PostgresStore.open(url)))) {
            byte[] body = ("{\"id\":\"" + UUID.randomUUID() + "\",\"event\":\"deal.won\"}").getBytes(StandardCharsets.UTF_8);
            var h = FilterTest.signed(body);
            assertEquals(204, r.post(body, h).statusCode());
            assertEquals(200, r.post(body, h).statusCode());
            assertEquals(1, r.runs.get());
        }
    }
}
