package io.hookseal.bench;

import io.hookseal.Hookseal;
import io.hookseal.Verified;
import io.hookseal.Verifier;
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

/** A Salesbooth delivery of each size, verified by hookseal and by the Mac snippet. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx1g")
public class VerifyBenchmark {
    static final String SECRET = "whsec_bench";
    static final long NOW = 1_700_000_000L;

    @Param({"256", "1024", "65536", "1048576"})
    int size;

    byte[] body;
    Map<String, List<String>> headers;
    Verifier verifier;
    Instant now = Instant.ofEpochSecond(NOW);

    @Setup
    public void setup() {
        body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        headers = new LinkedHashMap<>();
        Hookseal.sign("salesbooth", SECRET, body, NOW).forEach((k, v) -> headers.put(k, List.of(v)));
        verifier = Verifier.builder("salesbooth").secrets(SECRET).maxBody(2 << 20).build();
    }

    @Benchmark
    public Verified hookseal() {
        return verifier.verify(body, headers, now);
    }

    @Benchmark
    public boolean mac() throws Exception {
        return MacSnippet.verify(SECRET, body, headers, NOW);
    }

    /** The cheapest UniFFI call there is (a u32 back, no argument): the call floor. */
    @Benchmark
    public int uniffiCallFloor() {
        return io.hookseal.ffi.Hookseal_uniffiKt.maxHeaderNames();
    }
}
