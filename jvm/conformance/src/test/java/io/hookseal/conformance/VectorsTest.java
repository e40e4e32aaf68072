package io.hookseal.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hookseal.Hookseal;
import io.hookseal.HooksealException;
import io.hookseal.Verified;
import io.hookseal.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of core/vectors/*.json (v1a and retiring secrets included: a file the core
 * adds is read too) and every row of hostile/hostile.json.
 */
class VectorsTest {
    /** The files every checkout has; new ones add to them. */
    static final int EXPECTED_FILES = 10;

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(Cases.vectors())) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyVectorFileIsRead() throws IOException {
        assertTrue(files().size() >= EXPECTED_FILES, "core/vectors/*.json: " + files());
    }

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files()) {
            for (Map<String, Object> c : Cases.read(file)) {
                String name = (String) c.get("name");
                if ("sign".equals(c.get("op"))) {
                    tests.add(DynamicTest.dynamicTest(name, () -> sign(c)));
                } else {
                    tests.add(DynamicTest.dynamicTest(name, () -> verify(c)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostile() throws IOException {
        return Cases.read(Cases.vectors().resolve("hostile/hostile.json")).stream()
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> verify(c)));
    }

    /** Secrets with a rotation window (rotation/rotation.json); skipped in a checkout without it. */
    @TestFactory
    Stream<DynamicTest> rotation() throws IOException {
        Path file = Cases.vectors().resolve("rotation/rotation.json");
        if (!Files.exists(file)) {
            return Stream.of(DynamicTest.dynamicTest("rotation/rotation.json is absent",
                    () -> org.junit.jupiter.api.Assumptions.abort("no rotation/rotation.json in core/vectors")));
        }
        return Cases.read(file).stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> verify(c)));
    }

    @SuppressWarnings("unchecked")
    static void verify(Map<String, Object> c) {
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        Verifier.Builder builder = Verifier.builder((String) c.get("scheme")).options(Cases.options(c));
        for (Object s : (List<Object>) c.get("secrets")) {
            io.hookseal.Secret secret = Cases.secret(s);
            if (secret != null) builder.secret(secret);
            else builder.secret(Cases.bytes(s));
        }
        Instant now = Instant.ofEpochSecond((Long) c.get("now"));
        Verified v;
        try (Verifier verifier = builder.build()) {
            v = verifier.verify(Cases.body(c), Cases.headers(c), now);
            if (expect.containsKey("error")) fail("expected " + expect.get("error") + ", verified");
            List<Object> got = new ArrayList<>();
            got.add((long) v.getSecretIndex());
            got.add(v.getTimestamp());
            if (expect.containsKey("kind")) {
                got.add(v.getKind());
                got.add(v.getEventId());
                got.add(v.getTenant());
                got.add(v.getIdempotencyKey());
            }
            List<Object> want = new ArrayList<>();
            want.add(expect.getOrDefault("secret_index", 0L));
            want.add(expect.get("timestamp"));
            if (expect.containsKey("kind")) {
                want.add(expect.get("kind"));
                want.add(expect.get("event_id"));
                want.add(expect.get("tenant"));
                want.add(expect.get("idempotency_key"));
            }
            if (expect.containsKey("secret_index")) assertEquals(want, got);
        } catch (HooksealException e) {
            assertEquals(expect.get("error"), e.getCode(), e.getMessage());
            assertEquals(Hookseal.errorCodes().get(e.getCode()), e.getStatus());
            int i = new ArrayList<>(Hookseal.errorCodes().keySet()).indexOf(e.getCode());
            assertInstanceOf(Hookseal.exceptionClasses().get(i), e);
        }
    }

    @SuppressWarnings("unchecked")
    static void sign(Map<String, Object> c) {
        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        Object ts = c.get("timestamp");
        try {
            Map<String, String> got = Hookseal.sign((String) c.get("scheme"), (String) c.get("secret"),
                    Cases.body(c), ts == null ? null : (Long) ts, (String) c.get("id"), Cases.options(c));
            if (expect.containsKey("error")) fail("expected " + expect.get("error"));
            Map<String, String> want = new LinkedHashMap<>();
            for (Object pair : (List<Object>) expect.get("headers")) {
                List<Object> p = (List<Object>) pair;
                want.put((String) p.get(0), (String) p.get(1));
            }
            assertEquals(new ArrayList<>(want.entrySet()), new ArrayList<>(got.entrySet()));
        } catch (HooksealException e) {
            assertEquals(expect.get("error"), e.getCode(), e.getMessage());
        }
    }

    @Test
    void aBadOptionIsTheCoresInvalidOption() {
        HooksealException e = assertThrows(HooksealException.class,
                () -> Verifier.builder("salesbooth").secrets("s").option("tolerence", "5").build());
        assertEquals("invalid_option", e.getCode());
        assertEquals(500, e.getStatus());
        assertThrows(io.hookseal.UnknownSchemeException.class, () -> Verifier.builder("nope").secrets("s").build());
        assertThrows(io.hookseal.InvalidOptionException.class,
                () -> Verifier.builder("salesbooth").secrets("s").tolerance(java.time.Duration.ofMillis(1500)).build());
    }

    @Test
    void detectReadsTheSignatureHeader() {
        assertEquals("stripe", Hookseal.detect(Map.of("Stripe-Signature", List.of("t=1,v1=00"))));
        assertEquals(null, Hookseal.detect(Map.of("Content-Type", List.of("application/json"))));
    }

    @Test
    void theClockOfTheBuilderIsUsed() {
        byte[] body = "{\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> signed = Hookseal.sign("salesbooth", "whsec_x", body, 1_700_000_000L);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.forEach((k, v) -> headers.put(k, List.of(v)));
        var fixed = java.time.Clock.fixed(Instant.ofEpochSecond(1_700_000_100L), java.time.ZoneOffset.UTC);
        Verifier v = Verifier.builder("salesbooth").secrets("whsec_x").clock(fixed).build();
        assertEquals(1_700_000_000L, v.verify(body, headers).getTimestamp());
        var late = java.time.Clock.fixed(Instant.ofEpochSecond(1_700_001_000L), java.time.ZoneOffset.UTC);
        Verifier w = Verifier.builder("salesbooth").secrets("whsec_x").clock(late).build();
        assertThrows(io.hookseal.TimestampTooOldException.class, () -> w.verify(body, headers));
    }

    @Test
    void everyCodeHasItsOwnClass() {
        assertEquals(Hookseal.errorCodes().size(), Hookseal.exceptionClasses().size());
        assertEquals(Hookseal.errorCodes().size(), Hookseal.exceptionClasses().stream().distinct().count());
        Hookseal.errorCodes().forEach((code, status) -> {
            HooksealException e = Hookseal.exception(code, "m");
            assertEquals(code, e.getCode());
            assertEquals(status, e.getStatus());
        });
    }
}
