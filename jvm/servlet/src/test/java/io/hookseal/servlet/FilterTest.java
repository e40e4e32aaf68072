package io.hookseal.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.ReceiveContract;
import io.hookseal.Verifier;
import io.hookseal.store.MemoryStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {
    static final String SECRET = "whsec_servlet";
    static final byte[] BODY = "{\"id\":\"evt_1\",\"event\":\"deal.won\",\"tenant_id\":\"t_1\"}".getBytes(StandardCharsets.UTF_8);

    static Verifier verifier(long maxBody) {
        return Verifier.builder("salesbooth").secrets(SECRET).maxBody(maxBody).build();
    }

    static Map<String, String> signed(byte[] body) {
        return Hookseal.sign("salesbooth", SECRET, body);
    }

    @Test
    void aSignedDeliveryReachesTheHandlerWithItsEnvelopeAndBody() throws Exception {
        try (Receiver r = new Receiver(new HooksealFilter(verifier(1024)))) {
            HttpResponse<String> res = r.post(BODY, signed(BODY));
            assertEquals(204, res.statusCode());
            assertEquals("deal.won", r.lastKind);
            assertEquals(new String(BODY, StandardCharsets.UTF_8), r.lastBody);
        }
    }

    @Test
    void aRejectionIsTheContractsAnswer() throws Exception {
        try (Receiver r = new Receiver(new HooksealFilter(verifier(1024)))) {
            HttpResponse<String> res = r.post("{}".getBytes(StandardCharsets.UTF_8), signed(BODY));
            assertEquals(ReceiveContract.reply("signature_mismatch").getStatus(), res.statusCode());
            assertTrue(res.body().startsWith("{\"error\":\"signature_mismatch\",\"message\":"), res.body());
            // Tomcat writes the media type without the space.
            assertEquals("application/json;charset=utf-8", res.headers().firstValue("content-type").orElse("").replace(" ", ""));
            res = r.post(BODY, Map.of());
            assertEquals(400, res.statusCode());
            assertTrue(res.body().contains("missing_signature"), res.body());
            assertEquals(0, r.runs.get());
        }
    }

    @Test
    void aChunkedBodyOverMaxBodyIs413() throws Exception {
        try (Receiver r = new Receiver(new HooksealFilter(verifier(1024)))) {
            // 8 MiB with no Content-Length: the filter stops reading at max_body + 1.
            byte[] big = new byte[8 << 20];
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port + "/hooks/x"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                    .header("x-salesbooth-signature", "v1=00").header("x-salesbooth-timestamp", "1").build();
            HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, res.statusCode());
            assertTrue(res.body().contains("payload_too_large"), res.body());
        }
    }

    @Test
    void withAStoreARepeatIsADuplicateAndAFailureIsRetried() throws Exception {
        try (Receiver r = new Receiver(new HooksealFilter(verifier(1024), new MemoryStore()))) {
            Map<String, String> h = signed(BODY);
            r.status = 500;
            assertEquals(500, r.post(BODY, h).statusCode());
            r.status = 204;
            assertEquals(204, r.post(BODY, h).statusCode());
            HttpResponse<String> dup = r.post(BODY, h);
            assertEquals(ReceiveContract.DUPLICATE_STATUS, dup.statusCode());
            assertEquals(ReceiveContract.DUPLICATE_BODY, dup.body());
            assertEquals(2, r.runs.get());
        }
    }
}
