package io.hookseal.bench;

import io.hookseal.Hookseal;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import io.hookseal.servlet.TenantVerifiers;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 1 KiB Standard Webhooks delivery signed {@code v1} (HMAC, {@code whsec_}) and
 * {@code v1a} (Ed25519, {@code whsk_} / {@code whpk_}), verified through the binding;
 * and the per-tenant cache's hit path ({@link TenantVerifiers#get} then verify) against
 * the same verify with a fixed verifier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class V1aBenchmark {
    static final String HMAC = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SECRET_KEY = "whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String PUBLIC_KEY = "whpk_A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
    static final long NOW = 1_700_000_000L;

    @Param({"v1", "v1a"})
    String signature;

    byte[] body;
    Map<String, List<String>> headers;
    Verifier verifier;
    TenantVerifiers tenants;
    Instant now = Instant.ofEpochSecond(NOW);

    @Setup
    public void setup() throws Exception {
        body = new byte[1024];
        Arrays.fill(body, (byte) 'a');
        boolean v1a = signature.equals("v1a");
        headers = new LinkedHashMap<>();
        Hookseal.sign("standard-webhooks", v1a ? SECRET_KEY : HMAC, body, NOW, "msg_bench")
                .forEach((k, v) -> headers.put(k, List.of(v)));
        String key = v1a ? PUBLIC_KEY : HMAC;
        verifier = Verifier.builder("standard-webhooks").secrets(key).build();
        tenants = new TenantVerifiers("standard-webhooks", Map.of(), t -> List.of(key));
        tenants.get("acme");
    }

    @Benchmark
    public Verified verify() {
        return verifier.verify(body, headers, now);
    }

    /** The tenant's verifier from the cache (a hit), then the same verify. */
    @Benchmark
    public Verified tenantCacheHit() throws Exception {
        return tenants.get("acme").verify(body, headers, now);
    }
}
