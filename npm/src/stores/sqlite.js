// Claims in a SQLite file, shared by every process on one machine (better-sqlite3).
// WAL and a busy timeout let several receivers write the same file; the claim is one
// INSERT, so SQLite's write lock makes it atomic across processes.

import { keyOf, loadDriver, ttlOf } from './ttl.js';

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Claims in a SQLite database file, for several receiver processes on one machine.
 * Needs the optional package `better-sqlite3`.
 *
 * @example
 * import { SqliteStore } from 'hookseal/stores';
 * const store = new SqliteStore({ path: '/var/lib/app/hookseal.db' });
 * if ((await store.claim('stripe:evt_1')) === 'duplicate') return;
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

  /** Opens the file and creates the table on first use. */
  open() {
    this.ready ??= loadDriver('better-sqlite3', 'SqliteStore').then(({ default: Database }) => {
      const db = new Database(this.path, { timeout: this.busyTimeoutMs });
      db.pragma('journal_mode = WAL');
      // WAL with NORMAL syncs at checkpoints, not at every claim: a power cut may
      // forget the last claims (a retry then runs again), a crashed process never.
      db.pragma('synchronous = NORMAL');
      db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (key TEXT PRIMARY KEY, expires_at INTEGER NOT NULL)`);
      // A new key is inserted; an expired one is taken over; a live one is left alone,
      // and then no row changes: that is a duplicate.
      const claim = db.prepare(
        `INSERT INTO ${this.table} (key, expires_at) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE ${this.table}.expires_at <= ?`,
      );
      const release = db.prepare(`DELETE FROM ${this.table} WHERE key = ?`);
      const sweep = db.prepare(`DELETE FROM ${this.table} WHERE expires_at <= ?`);
      return { db, claim, release, sweep };
    });
    return this.ready;
  }

  /** @returns {Promise<'first' | 'duplicate'>} */
  async claim(key, ttlMs) {
    keyOf(key);
    const ttl = ttlOf(ttlMs);
    const { claim, sweep } = await this.open();
    const now = this.now();
    const { changes } = claim.run(key, now + ttl, now);
    // Expired rows are taken over on a repeat; this keeps unrepeated ones from piling up.
    if (++this.claimsSinceSweep >= 1000) {
      this.claimsSinceSweep = 0;
      sweep.run(now);
    }
    return changes === 1 ? 'first' : 'duplicate';
  }

  async release(key) {
    keyOf(key);
    (await this.open()).release.run(key);
  }

  async close() {
    if (!this.ready) return;
    const { db } = await this.ready;
    this.ready = null;
    db.close();
  }
}
