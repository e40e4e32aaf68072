package io.hookseal.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookseal.Hookseal;
import io.hookseal.SignatureMismatchException;
import io.hookseal.Verifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One million verifies (every 100th one a mismatch, every 1000th reading the envelope)
 * leave the Java heap in use, and the resident memory outside it (the native side),
 * within a small bound of what they were after a warm-up. The numbers are written to
 * target/memory.txt.
 *
 * <p>UniFFI's Kotlin allocates a few JNA {@code Structure}s per call, whose native
 * memory JNA's cleaner thread frees once the garbage collector has found them: memory
 * is bounded by the heap's size, not by the number of calls. The module runs with
 * {@code -Xmx256m} (its pom), a server's heap setting rather than a default of a
 * quarter of the machine.
 */
class MemoryTest {
    static final int WARM_UP = 100_000;
    static final int LOOPS = 1_000_000;
    static final long HEAP_BOUND = 64L << 20;
    static final long NATIVE_BOUND = 128L << 20;

    /**
     * The heap in use once what the collector found is gone. JNA's cleaner thread frees
     * each found {@code Memory} and only then can the next collection take it, so on a
     * loaded machine one collection is not enough: collect until the heap stops shrinking.
     */
    static long heap() {
        long before = Long.MAX_VALUE;
        for (int round = 0; round < 50; round++) {
            System.gc();
            try { Thread.sleep(100); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (round >= 2 && before - used < (1L << 20)) return used;
            before = used;
        }
        return before;
    }

    /**
     * Resident memory outside the Java heap (the native side, JNA's buffers, the JVM's own):
     * the process's RSS less the heap the JVM has committed, which grows towards
     * {@code -Xmx} as the collector sees fit and is bounded by it, not by the calls.
     */
    static long offHeap() throws IOException {
        long committed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024 - committed;
        }
        throw new IllegalStateException("no VmRSS");
    }

    @Test
    void aMillionVerifiesStayWithinABound() throws IOException {
        byte[] body = "{\"id\":\"evt_1\",\"event\":\"deal.won\",\"tenant_id\":\"t\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"id\":\"evt_2\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Hookseal.sign("salesbooth", "whsec_mem", body, 1_700_000_000L).forEach((k, v) -> headers.put(k, List.of(v)));
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        Verifier v = Verifier.builder("salesbooth").secrets("whsec_mem").build();
        long heap0 = 0, native0 = 0;
        for (int i = 0; i < LOOPS; i++) {
            if (i == WARM_UP) { heap0 = heap(); native0 = offHeap(); }
            if (i % 100 == 0) {
                try { v.verify(other, headers, now); } catch (SignatureMismatchException expected) { continue; }
                throw new AssertionError("a mismatch verified");
            }
            var d = v.verify(body, headers, now);
            if (i % 1000 == 1) assertTrue(d.getIdempotencyKey().equals("evt_1"));
        }
        long heap1 = heap(), native1 = offHeap();
        String report = String.format("%d verifies: heap %+d KiB (%d -> %d KiB), outside the heap %+d KiB (%d -> %d KiB)%n",
                LOOPS, (heap1 - heap0) >> 10, heap0 >> 10, heap1 >> 10, (native1 - native0) >> 10, native0 >> 10, native1 >> 10);
        System.out.print("memory: " + report);
        Files.writeString(Path.of("target/memory.txt"), report);
        assertTrue(heap1 - heap0 < HEAP_BOUND, report);
        assertTrue(native1 - native0 < NATIVE_BOUND, report);
    }
}
