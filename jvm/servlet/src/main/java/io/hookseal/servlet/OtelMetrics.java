package io.hookseal.servlet;

import io.hookseal.ReceiveContract;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Metrics} through the OpenTelemetry API; the names are the contract's. */
final class OtelMetrics extends Metrics {
    private final LongCounter verifications;
    private final LongCounter duplicates;
    private final DoubleHistogram skew;
    private final DoubleHistogram duration;
    private final Attributes schemeOnly;
    private final AttributeKey<String> outcomeKey;
    private final AttributeKey<String> duplicateKey;
    /** One attribute set per outcome or duplicate kind, built on first use. */
    private final ConcurrentHashMap<String, Attributes> byOutcome = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Attributes> byDuplicate = new ConcurrentHashMap<>();

    static Metrics global(String scheme) {
        if (!GlobalOpenTelemetry.isSet()) return NONE;
        return new OtelMetrics(scheme, GlobalOpenTelemetry.getMeter(ReceiveContract.METER));
    }

    OtelMetrics(String scheme, Meter meter) {
        verifications = counter(meter, "verifications");
        duplicates = counter(meter, "duplicates");
        skew = histogram(meter, "skew");
        duration = histogram(meter, "duration");
        schemeOnly = Attributes.of(AttributeKey.stringKey(ReceiveContract.ATTRIBUTES.get("scheme")), scheme);
        outcomeKey = AttributeKey.stringKey(ReceiveContract.ATTRIBUTES.get("outcome"));
        duplicateKey = AttributeKey.stringKey(ReceiveContract.ATTRIBUTES.get("duplicate"));
    }

    private static ReceiveContract.Instrument instrument(String key, String kind) {
        ReceiveContract.Instrument i = ReceiveContract.INSTRUMENTS.get(key);
        if (i == null || !kind.equals(i.getKind())) {
            throw new IllegalStateException("the receive contract has no " + kind + " `" + key + "`");
        }
        return i;
    }

    private static LongCounter counter(Meter meter, String key) {
        ReceiveContract.Instrument i = instrument(key, "counter");
        return meter.counterBuilder(i.getName()).setUnit(i.getUnit()).build();
    }

    private static DoubleHistogram histogram(Meter meter, String key) {
        ReceiveContract.Instrument i = instrument(key, "histogram");
        return meter.histogramBuilder(i.getName()).setUnit(i.getUnit()).build();
    }

    @Override boolean enabled() { return true; }

    @Override void verification(String outcome, long nanos, double skewSeconds) {
        Attributes a = byOutcome.computeIfAbsent(outcome, o -> schemeOnly.toBuilder().put(outcomeKey, o).build());
        verifications.add(1, a);
        if (nanos >= 0) duration.record(nanos / 1e9, a);
        if (!Double.isNaN(skewSeconds)) skew.record(skewSeconds, schemeOnly);
    }

    @Override void duplicate(String which) {
        duplicates.add(1, byDuplicate.computeIfAbsent(which, d -> schemeOnly.toBuilder().put(duplicateKey, d).build()));
    }
}
