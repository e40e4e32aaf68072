package io.hookseal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookseal.Hookseal;
import io.hookseal.HooksealException;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java lines of jvm/README.md, run against the installed jar. */
class ReadmeTest {
    @Test
    void theReadmeExample() {
        byte[] body = "{\"id\":\"evt_1\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Hookseal.sign("salesbooth", "whsec_new", body).forEach((k, v) -> headers.put(k, List.of(v)));
        String status = "";

        Verifier verifier = Verifier.builder("salesbooth")
                .secrets("whsec_new", "whsec_old") // during a rotation, the new one first
                .tolerance(Duration.ofMinutes(5))
                .build();
        try {
            Verified delivery = verifier.verify(body, headers); // the raw bytes, the request's headers
            System.out.println(delivery.getKind() + " " + delivery.getIdempotencyKey());
        } catch (HooksealException e) {
            status = e.getStatus() + " " + e.getCode(); // 401 signature_mismatch, 400 timestamp_too_old, ...
        }

        assertEquals("", status);
    }
}
