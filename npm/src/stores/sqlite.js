// Claims in a SQLite file, shared by every process on one machine (better-sqlite3).
// WAL and a busy timeout let several receivers write the same file; each operation is
// one statement, so SQLite's write lock makes it atomic across processes. The layout is
// the one every runtime shares (docs/stores.md): token NULL = done until expires_at,
// token set = a processing lease until expires_at.

import {
  DONE,
  SWEEP_EVERY,
  claimReleasingOnError,
  first,
  keyOf,
  leaseOf,
  loadDriver,
  processing,
  sweepQuietly,
  tokenOf,
  ttlOf,
} from './ttl.js';

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Claims in a SQLite database file, for several receiver processes on one machine.
 * Needs the optional package `better-sqlite3`.
 *
 * @example
 * import { SqliteStore } from 'hookseal/stores';
 * const store = new SqliteStore({ path: '/var/lib/app/hookseal.db' });
 * const claim = await store.claim('stripe:evt_1', 60_000);
 * if (claim.outcome === 'first') await store.complete('stripe:evt_1', claim.token);
 */
export class SqliteStore {
  /** @param {{path: string, table?: string, busyTimeoutMs?: number, now?: () => number}} options */
  constructor({ path, table = 'hookseal_claims', busyTimeoutMs = 5000, now = Date.now } = {}) {
    if (typeof path !== 'string' || path === '') throw new TypeError('SqliteStore needs a database file path');
    if (!TABLE.test(table)) throw new TypeError(`not a plain SQL table name: ${table}`);
    Object.assign(this, { path, table, busyTimeoutMs, now });
    this.ready = null;
    this.claimsSinceSweep = 0;
  }

  /** Opens the file, creates (or migrates) the table on first use. */
  open() {
    this.ready ??= loadDriver('better-sqlite3', 'SqliteStore').then(({ default: Database }) => {
      const t = this.table;
      const db = new Database(this.path, { timeout: this.busyTimeoutMs });
      db.pragma('journal_mode = WAL');
      // WAL with NORMAL syncs at checkpoints, not at every claim: a power cut may
      // forget the last claims (a retry then runs again), a crashed process never.
      db.pragma('synchronous = NORMAL');
      db.exec(`CREATE TABLE IF NOT EXISTS ${t} (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL, token TEXT)`);
      // A table of the previous version has no token: its rows read as done (the
      // migration). Another process adding the column at the same moment is fine.
      try {
        db.exec(`ALTER TABLE ${t} ADD COLUMN token TEXT`);
      } catch (e) {
        if (!/duplicate column/i.test(e?.message)) throw e;
      }
      return {
        db,
        // A new key is inserted; an expired one is taken over; a live one is left
        // alone, and then no row changes.
        claim: db.prepare(
          `INSERT INTO ${t} (key, expires_at, token) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at, token = excluded.token
           WHERE ${t}.expires_at <= ?`,
        ),
        find: db.prepare(`SELECT token, expires_at FROM ${t} WHERE key = ?`),
        complete: db.prepare(`UPDATE ${t} SET token = NULL, expires_at = ? WHERE key = ? AND token = ?`),
        release: db.prepare(`DELETE FROM ${t} WHERE key = ? AND token = ?`),
        sweep: db.prepare(`DELETE FROM ${t} WHERE expires_at <= ?`),
      };
    }).catch((e) => {
      this.ready = null; // let the next claim try again
      throw e;
    });
    return this.ready;
  }

  /** @returns {Promise<import('../../types/stores').Claim>} */
  async claim(key, leaseMs) {
    keyOf(key);
    const lease = leaseOf(leaseMs);
    const s = await this.open();
    const result = await claimReleasingOnError(this, key, async (token) => {
      // Twice at most: the row the SELECT looked for may have expired or been released
      // between the two statements.
      for (let attempt = 0; attempt < 2; attempt++) {
        const now = this.now();
        if (s.claim.run(key, now + lease, token, now).changes === 1) return first(token);
        const row = s.find.get(key);
        if (row) return row.token === null ? DONE : processing(row.expires_at - now);
      }
      throw new Error('SqliteStore: the claim changed under two attempts');
    });
    if (++this.claimsSinceSweep >= SWEEP_EVERY) {
      this.claimsSinceSweep = 0;
      // After the claim's answer is known, in its own statement: a failure never fails it.
      await sweepQuietly(() => this.sweep());
    }
    return result;
  }

  /** Deletes expired rows (expired rows are taken over on a repeat; this keeps others from piling up). */
  async sweep() {
    (await this.open()).sweep.run(this.now());
  }

  async complete(key, token, ttlMs) {
    keyOf(key);
    tokenOf(token);
    const ttl = ttlOf(ttlMs);
    (await this.open()).complete.run(this.now() + ttl, key, token);
  }

  async release(key, token) {
    keyOf(key);
    tokenOf(token);
    (await this.open()).release.run(key, token);
  }

  async close() {
    if (!this.ready) return;
    const { db } = await this.ready;
    this.ready = null;
    db.close();
  }
}
