package io.hookseal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.Explanation;
import io.hookseal.HooksealException;
import io.hookseal.Secret;
import io.hookseal.SignatureMismatchException;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

    static Map<String, List<String>> lists(Map<String, String> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    @Test
    void aSecretRetiresOnSchedule() {
        byte[] body = "{\"id\":\"evt_2\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        Instant signedAt = Instant.parse("2026-12-31T23:58:20Z");
        Map<String, List<String>> headers = lists(Hookseal.sign("salesbooth", "whsec_old", body, signedAt.getEpochSecond()));

        Verifier verifier = Verifier.builder("salesbooth")
                .secrets(new Secret("whsec_new"), new Secret("whsec_old", Instant.parse("2026-12-31T23:59:59Z")))
                .build();

        assertEquals(1, verifier.verify(body, headers, Instant.parse("2026-12-31T23:59:59Z")).getSecretIndex());
        assertThrows(SignatureMismatchException.class,
                () -> verifier.verify(body, headers, Instant.parse("2027-01-01T00:00:00Z")));
        assertFalse(new Secret("whsec_new").toString().contains("whsec_new"));
    }

    @Test
    void v1aSignsWithTheSecretKeyAndVerifiesWithThePublicKey() {
        byte[] body = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);

        // The sender holds the secret key (whsk_), the receiver only the public key (whpk_).
        Map<String, String> sent = Hookseal.sign("standard-webhooks", "whsk_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                body, Instant.now().getEpochSecond(), "msg_1");
        Verifier receiver = Verifier.builder("standard-webhooks")
                .secrets("whpk_A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=")
                .build();
        Verified delivery = receiver.verify(body, lists(sent));

        assertTrue(sent.get("webhook-signature").startsWith("v1a,"), sent.toString());
        assertEquals(0, delivery.getSecretIndex());
    }

    @Test
    void explainNamesWhyADeliveryFails() {
        byte[] sent = "{\"id\":\"evt_3\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = lists(Hookseal.sign("salesbooth", "whsec_new", sent));
        byte[] body = "{\"id\": \"evt_3\", \"event\": \"deal.won\"}".getBytes(StandardCharsets.UTF_8); // re-serialized
        Verifier verifier = Verifier.builder("salesbooth").secrets("whsec_new").build();

        Explanation why = verifier.explain(body, headers); // in development: never answer a sender with it
        System.out.println(why.getCode() + " " + why.getFindings()); // signature_mismatch [Finding(code=body_reserialized, ...)]

        assertEquals("signature_mismatch", why.getCode());
        assertFalse(why.getOk());
        assertTrue(why.getFindings().stream().anyMatch(f -> f.getCode().equals("body_reserialized")), why.getJson());
        assertTrue(verifier.explain(sent, headers).getOk());
    }
}
