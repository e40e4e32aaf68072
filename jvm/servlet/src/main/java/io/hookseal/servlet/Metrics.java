package io.hookseal.servlet;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the filter records (docs/metrics.md), by the instruments and attributes of the
 * contract's {@code metrics} section. {@link #NONE} when no meter is configured: the
 * filter then neither reads the clock nor allocates for metrics. The OpenTelemetry
 * classes are loaded only by {@link OtelMetrics}, so the API stays optional.
 */
abstract class Metrics {
    static final Metrics NONE = new Metrics() {
        @Override boolean enabled() { return false; }
        @Override void verification(String outcome, long nanos, double skewSeconds) {}
        @Override void duplicate(String which) {}
    };

    private static final Logger LOG = Logger.getLogger(Metrics.class.getName());

    /** Whether anything is recorded (the filter skips the timing otherwise). */
    abstract boolean enabled();

    /**
     * One delivery answered with {@code outcome} ({@code ok} or the reply's code); the
     * verify step took {@code nanos} (negative: it did not run); {@code skewSeconds} is
     * now minus the signed timestamp (NaN: none was read).
     */
    abstract void verification(String outcome, long nanos, double skewSeconds);

    /** A de-duplication hit: {@code processed} or {@code in_flight}. */
    abstract void duplicate(String which);

    /** Metrics on {@code meter} (an {@code io.opentelemetry.api.metrics.Meter}). */
    static Metrics of(String scheme, Object meter) {
        return new OtelMetrics(scheme, (io.opentelemetry.api.metrics.Meter) meter);
    }

    /**
     * The global OpenTelemetry's meter when the API is on the classpath and a global
     * instance has been set, else {@link #NONE}.
     */
    static Metrics global(String scheme) {
        try {
            Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, Metrics.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        try {
            return OtelMetrics.global(scheme);
        } catch (LinkageError e) {
            LOG.log(Level.FINE, "hookseal: no usable OpenTelemetry API", e);
            return NONE;
        }
    }
}
