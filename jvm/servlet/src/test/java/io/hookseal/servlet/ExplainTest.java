package io.hookseal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.Json;
import io.hookseal.Verifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rejection's explanation: off by default, on with the option or HOOKSEAL_EXPLAIN=1. */
class ExplainTest {
    static final byte[] BODY = "{\"id\":\"evt_x\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);

    static Verifier verifier() {
        return Verifier.builder("salesbooth").secrets("whsec_explain").build();
    }

    @Test
    void offByDefaultARejectionIsTheContractsBodyOnly() throws Exception {
        try (Receiver r = new Receiver(HooksealFilter.builder(verifier()).explain(false).build())) {
            HttpResponse<String> res = r.post(BODY, Hookseal.sign("salesbooth", "whsec_other", BODY));
            assertEquals(401, res.statusCode());
            assertFalse(res.body().contains("explanation"), res.body());
            assertEquals(List.of("error", "message"), List.copyOf(((Map<?, ?>) Json.parse(res.body())).keySet()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void withTheOptionTheBodyCarriesTheCoresExplanation() throws Exception {
        try (Receiver r = new Receiver(HooksealFilter.builder(verifier()).explain(true).build())) {
            // The body as a framework would re-serialize it: a finding the core names.
            byte[] pretty = "{\"id\": \"evt_x\", \"event\": \"deal.won\"}".getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> res = r.post(pretty, Hookseal.sign("salesbooth", "whsec_explain", BODY));
            assertEquals(401, res.statusCode());
            Map<String, Object> doc = (Map<String, Object>) Json.parse(res.body());
            assertEquals("signature_mismatch", doc.get("error"));
            Map<String, Object> why = (Map<String, Object>) doc.get("explanation");
            assertEquals(false, why.get("ok"));
            assertEquals("signature_mismatch", why.get("code"));
            assertTrue(why.get("findings") instanceof List, res.body());
            // A delivery that verifies is not explained.
            assertEquals(204, r.post(BODY, Hookseal.sign("salesbooth", "whsec_explain", BODY)).statusCode());
        }
    }

    @Test
    void theEnvironmentTurnsItOn() {
        assertTrue(HooksealFilter.explainFromEnv(Map.of("HOOKSEAL_EXPLAIN", "1")));
        assertFalse(HooksealFilter.explainFromEnv(Map.of("HOOKSEAL_EXPLAIN", "0")));
        assertFalse(HooksealFilter.explainFromEnv(Map.of()));
    }
}
