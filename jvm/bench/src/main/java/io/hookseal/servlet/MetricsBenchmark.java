package io.hookseal.servlet;

import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the filter spends per delivery on metrics (docs/metrics.md): with no meter (the
 * one check the filter makes), and recording through a meter whose instruments drop
 * everything (the OpenTelemetry API's no-op), so the cost is the filter's own: two clock
 * reads and the cached attribute sets. In this package to reach the filter's recorder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MetricsBenchmark {
    final Metrics none = Metrics.NONE;
    final Metrics noop = Metrics.of("salesbooth", OpenTelemetry.noop().getMeter("hookseal"));

    static long record(Metrics m) {
        if (!m.enabled()) return 0;
        long start = System.nanoTime();
        long took = System.nanoTime() - start;
        m.verification("ok", took, 12.0);
        return took;
    }

    @Benchmark
    public long noMeter() { return record(none); }

    @Benchmark
    public long noopMeter() { return record(noop); }
}
