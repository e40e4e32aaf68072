package io.hookseal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.ReceiveContract;
import io.hookseal.Verifier;
import io.hookseal.store.MemoryStore;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The contract's instruments (docs/metrics.md), read back with the SDK's in-memory reader. */
class MetricsTest {
    static final String SECRET = "whsec_metrics";
    static final byte[] BODY = "{\"id\":\"evt_m\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);

    static String name(String key) { return ReceiveContract.INSTRUMENTS.get(key).getName(); }

    static AttributeKey<String> attr(String key) { return AttributeKey.stringKey(ReceiveContract.ATTRIBUTES.get(key)); }

    static MetricData metric(Collection<MetricData> all, String key) {
        return all.stream().filter(m -> m.getName().equals(name(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name(key) + " in " + all));
    }

    @Test
    void everyDeliveryIsCountedByOutcomeWithItsDurationSkewAndDuplicates() throws Exception {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build()) {
            Verifier verifier = Verifier.builder("salesbooth").secrets(SECRET).build();
            HooksealFilter filter = HooksealFilter.builder(verifier).store(new MemoryStore())
                    .meter(provider.get(ReceiveContract.METER)).build();
            try (Receiver r = new Receiver(filter)) {
                long ts = System.currentTimeMillis() / 1000 - 30;
                Map<String, String> h = Hookseal.sign("salesbooth", SECRET, BODY, ts);
                assertEquals(204, r.post(BODY, h).statusCode());
                assertEquals(200, r.post(BODY, h).statusCode()); // a duplicate
                assertEquals(401, r.post(BODY, Hookseal.sign("salesbooth", "whsec_other", BODY)).statusCode());
                assertEquals(400, r.post(BODY, Hookseal.sign("salesbooth", SECRET, BODY, ts - 3600)).statusCode());
                assertEquals(400, r.post(BODY, Map.of()).statusCode());
            }
            Collection<MetricData> all = reader.collectAllMetrics();
            MetricData verifications = metric(all, "verifications");
            assertEquals(ReceiveContract.INSTRUMENTS.get("verifications").getUnit(), verifications.getUnit());
            Map<String, Long> byOutcome = new TreeMap<>();
            verifications.getLongSumData().getPoints().forEach(p -> {
                assertEquals("salesbooth", p.getAttributes().get(attr("scheme")));
                assertEquals(2, p.getAttributes().size());
                byOutcome.put(p.getAttributes().get(attr("outcome")), p.getValue());
            });
            assertEquals(Map.of("ok", 2L, "signature_mismatch", 1L, "timestamp_too_old", 1L, "missing_signature", 1L), byOutcome);

            MetricData duration = metric(all, "duration");
            assertEquals("s", duration.getUnit());
            long timed = duration.getHistogramData().getPoints().stream().mapToLong(p -> p.getCount()).sum();
            assertEquals(5, timed);

            MetricData skew = metric(all, "skew");
            var points = skew.getHistogramData().getPoints();
            assertEquals(1, points.size());
            var p = points.iterator().next();
            assertEquals(Attributes.of(attr("scheme"), "salesbooth"), p.getAttributes());
            // The two verified deliveries (the first and its duplicate), 30 s behind; refused ones are not measured.
            assertEquals(2, p.getCount());
            assertTrue(p.getMin() >= 29 && p.getMax() < 60, p.toString());

            MetricData duplicates = metric(all, "duplicates");
            var dup = duplicates.getLongSumData().getPoints().iterator().next();
            assertEquals("processed", dup.getAttributes().get(attr("duplicate")));
            assertEquals(1, dup.getValue());
        }
    }

    @Test
    void withoutAMeterNothingIsRecorded() {
        // No meter given and no global OpenTelemetry set: the filter's metrics are off.
        assertSame(Metrics.NONE, Metrics.global("salesbooth"));
    }
}
