package io.hookseal.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The auto-configuration in a real Spring Boot app on embedded Tomcat (127.0.0.1). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class AutoConfigurationTest {
    @Value("${local.server.port}")
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePropertiesAreAllItTakes() throws Exception {
        byte[] body = "{\"id\":\"evt_boot_1\",\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = post("/hooks/salesbooth", body, Hookseal.sign("salesbooth", "whsec_boot", body));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("salesbooth deal.won 0", ok.body());
        HttpResponse<String> bad = post("/hooks/salesbooth", body, Hookseal.sign("salesbooth", "whsec_other", body));
        assertEquals(401, bad.statusCode());
        assertTrue(bad.body().contains("\"error\":\"signature_mismatch\""), bad.body());
    }

    @Test
    void aStoreBeanDeduplicatesAndOptionsReachTheCore() throws Exception {
        byte[] body = "{\"id\":\"evt_boot_2\",\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);
        long old = System.currentTimeMillis() / 1000 - 500; // inside the 600 s tolerance set
        Map<String, String> h = Hookseal.sign("stripe", "whsec_old", body, old);
        int before = TestApp.RUNS.get();
        HttpResponse<String> first = post("/hooks/stripe", body, h);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("stripe invoice.paid 1", first.body());
        HttpResponse<String> dup = post("/hooks/stripe", body, h);
        assertEquals("{\"duplicate\":true}", dup.body());
        assertEquals(before + 1, TestApp.RUNS.get());
    }

    @Test
    void aTenantEndpointVerifiesWithTheResolversSecrets() throws Exception {
        byte[] body = "{\"delivery_id\":\"d_boot\",\"event_kind\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = post("/hooks/saleslab/acme", body, Hookseal.sign("saleslab", "whsec_acme", body));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("acme deal.won", ok.body());
        HttpResponse<String> unknown = post("/hooks/saleslab/globex", body, Hookseal.sign("saleslab", "whsec_acme", body));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"error\":\"unknown_tenant\""), unknown.body());
    }
}
