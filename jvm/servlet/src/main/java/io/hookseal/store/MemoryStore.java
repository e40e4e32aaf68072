package io.hookseal.store;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One process's store: a bounded LRU (100,000 claims by default) of each key's token
 * (none once done) and expiry. Past the bound the least recently used claim is
 * forgotten, so memory stays bounded; it does not survive a restart.
 */
public final class MemoryStore implements Store {
    private record Entry(String token, long expiresAt) {}

    private final LongSupplier clock;
    private final Map<String, Entry> entries;

    public MemoryStore() { this(100_000); }

    public MemoryStore(int maxKeys) { this(maxKeys, System::currentTimeMillis); }

    /** With a clock in milliseconds, for tests. */
    public MemoryStore(int maxKeys, LongSupplier clockMillis) {
        if (maxKeys < 1) throw new IllegalArgumentException("maxKeys must be at least 1");
        this.clock = clockMillis;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Entry> e) { return size() > maxKeys; }
        };
    }

    @Override public synchronized Claim claim(String key, Duration lease) {
        Store.check(key, null, lease, "lease");
        long now = clock.getAsLong();
        Entry e = entries.get(key);
        if (e == null || e.expiresAt <= now) {
            String token = Store.newToken();
            entries.put(key, new Entry(token, now + lease.toMillis()));
            return Claim.first(token);
        }
        return e.token == null ? Claim.done() : Claim.processing(Duration.ofMillis(e.expiresAt - now));
    }

    @Override public synchronized void complete(String key, String token, Duration ttl) {
        Store.check(key, token, ttl, "ttl");
        Entry e = entries.get(key);
        if (e != null && token.equals(e.token)) entries.put(key, new Entry(null, clock.getAsLong() + ttl.toMillis()));
    }

    @Override public synchronized void release(String key, String token) {
        Store.check(key, token, null, null);
        Entry e = entries.get(key);
        if (e != null && token.equals(e.token)) entries.remove(key);
    }
}
