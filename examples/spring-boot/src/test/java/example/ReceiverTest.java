package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hookseal.Hookseal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "SALESLAB_SIGNING_SECRET=sl", "SALESOS_WEBHOOK_SECRET=whsec_os", "SALESBOOTH_WEBHOOK_SECRET=whsec_sb",
    "SALESCALING_TOKEN=sc_tok", "server.port=0"})
class ReceiverTest {
    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"saleslab:sl", "salesos:whsec_os", "salesbooth:whsec_sb", "salescaling:sc_tok"})
    void eachProviderOnItsPath(String providerAndSecret) throws Exception {
        String[] p = providerAndSecret.split(":");
        byte[] body = "{\"id\":\"e_1\",\"event\":\"deal.won\",\"event_kind\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + p[0]))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Hookseal.sign(p[0], p[1], body).forEach(b::header);
        HttpResponse<String> first = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode(), first.body());
        HttpResponse<String> again = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"duplicate\":true}", again.body());
        b.header("x-tampered", "1");
        HttpRequest tampered = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + p[0]))
                .POST(HttpRequest.BodyPublishers.ofByteArray("{}".getBytes(StandardCharsets.UTF_8))).build();
        assertEquals(400 <= HttpClient.newHttpClient().send(tampered, HttpResponse.BodyHandlers.ofString()).statusCode(), true);
    }
}
