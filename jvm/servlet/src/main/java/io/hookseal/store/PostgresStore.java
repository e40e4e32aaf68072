package io.hookseal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * PostgreSQL over JDBC, in the layout every runtime shares (docs/stores.md): table
 * {@code hookseal_claims (key text PRIMARY KEY, expires_at timestamptz, token text)},
 * created if missing, with a {@code token} column added to a previous version's table
 * (its rows read as done). A claim is one {@code INSERT … ON CONFLICT … WHERE expires_at
 * <= now() RETURNING 1} and, when the key is held, one {@code SELECT}. Expired rows are
 * swept every 1,000 claims, best-effort. Each statement runs under a 5 s timeout.
 *
 * <p>Give it the application's pooled {@code DataSource}, or {@link #open(String)} a
 * JDBC URL (one connection per call, connect timeout 3 s: simple, and it reconnects
 * after a server restart by construction).
 */
public final class PostgresStore implements Store {
    private static final int TIMEOUT_SECONDS = 5;
    private static final int SWEEP_EVERY = 1000;

    private final DataSource db;
    private final String claim, read, complete, release, sweep;
    private final AtomicLong claims = new AtomicLong();

    public PostgresStore(DataSource db) throws SQLException { this(db, "hookseal_claims"); }

    public PostgresStore(DataSource db, String table) throws SQLException {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("bad table name: " + table);
        this.db = db;
        claim = "INSERT INTO " + table + " AS t (key, expires_at, token) VALUES (?, now() + ? * interval '1 millisecond', ?)"
                + " ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at, token = EXCLUDED.token"
                + " WHERE t.expires_at <= now() RETURNING 1";
        read = "SELECT token, GREATEST(0, EXTRACT(EPOCH FROM expires_at - now()) * 1000)::bigint FROM " + table
                + " WHERE key = ? AND expires_at > now()";
        complete = "UPDATE " + table + " SET token = NULL, expires_at = now() + ? * interval '1 millisecond'"
                + " WHERE key = ? AND token = ?";
        release = "DELETE FROM " + table + " WHERE key = ? AND token = ?";
        sweep = "DELETE FROM " + table + " WHERE expires_at <= now()";
        migrate(table);
    }

    /** A store on a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…}). */
    public static PostgresStore open(String url) throws SQLException {
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url);
        ds.setConnectTimeout(3);
        ds.setSocketTimeout(TIMEOUT_SECONDS + 1);
        return new PostgresStore(ds);
    }

    private void migrate(String table) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            try {
                s.execute("CREATE TABLE IF NOT EXISTS " + table
                        + " (key text PRIMARY KEY, expires_at timestamptz NOT NULL, token text)");
            } catch (SQLException e) {
                // Two receivers creating the table at once: the loser sees a unique violation.
                if (!"23505".equals(e.getSQLState()) && !"42P07".equals(e.getSQLState())) throw e;
            }
            s.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS token text");
        }
    }

    @Override public Claim claim(String key, Duration lease) throws SQLException {
        Store.check(key, null, lease, "lease");
        if (claims.incrementAndGet() % SWEEP_EVERY == 0) sweep();
        String token = Store.newToken();
        try (Connection c = db.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement s = prepare(c, claim)) {
                    s.setString(1, key);
                    s.setLong(2, lease.toMillis());
                    s.setString(3, token);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) return Claim.first(token);
                    }
                }
                try (PreparedStatement s = prepare(c, read)) {
                    s.setString(1, key);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            String held = r.getString(1);
                            return held == null ? Claim.done() : Claim.processing(Duration.ofMillis(r.getLong(2)));
                        }
                    }
                }
                // The row expired between the two statements: claim again.
            }
            throw new SQLException("the claim of " + key + " kept expiring");
        } catch (SQLException e) {
            // The outcome is unknown (the INSERT may have applied): release our token first.
            try { release(key, token); } catch (SQLException ignored) { /* best-effort */ }
            throw e;
        }
    }

    @Override public void complete(String key, String token, Duration ttl) throws SQLException {
        Store.check(key, token, ttl, "ttl");
        update(complete, ps -> { ps.setLong(1, ttl.toMillis()); ps.setString(2, key); ps.setString(3, token); });
    }

    @Override public void release(String key, String token) throws SQLException {
        Store.check(key, token, null, null);
        update(release, ps -> { ps.setString(1, key); ps.setString(2, token); });
    }

    private void sweep() {
        try { update(sweep, ps -> {}); } catch (SQLException ignored) { /* best-effort: never fails a claim */ }
    }

    private interface Binder { void bind(PreparedStatement s) throws SQLException; }

    private void update(String sql, Binder binder) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = prepare(c, sql)) {
            binder.bind(s);
            s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        s.setQueryTimeout(TIMEOUT_SECONDS);
        return s;
    }
}
