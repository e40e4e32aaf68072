// Claims in PostgreSQL (pg): one INSERT … ON CONFLICT statement per claim, atomic under
// the primary key, shared by every receiver that reaches the database. The table is
// created on first use (the one the Salesbooth document suggests, plus an expiry).

import { keyOf, loadDriver, ttlOf } from './ttl.js';

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
// Another receiver creating the same table at the same moment: the table exists.
const ALREADY_CREATED = new Set(['42P07', '23505']);

/**
 * Claims in a PostgreSQL table, for receivers on several machines. Needs the optional
 * package `pg`. Pass `connectionString`, or a `pool` you already have (yours to end).
 *
 * @example
 * import { PostgresStore } from 'hookseal/stores';
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 * if ((await store.claim('salesbooth:evt_1')) === 'first') await processIt();
 */
export class PostgresStore {
  /** @param {{connectionString?: string, pool?: any, table?: string}} options */
  constructor({ connectionString, pool, table = 'hookseal_claims' } = {}) {
    if (!connectionString && !pool) throw new TypeError('PostgresStore needs a connectionString or a pool');
    if (!TABLE.test(table)) throw new TypeError(`not a plain SQL table name: ${table}`);
    Object.assign(this, { connectionString, table, owned: !pool });
    this.pool = pool;
    this.ready = null;
    this.claimsSinceSweep = 0;
  }

  open() {
    this.ready ??= (async () => {
      if (!this.pool) {
        const { default: pg } = await loadDriver('pg', 'PostgresStore');
        this.pool = new pg.Pool({ connectionString: this.connectionString });
      }
      try {
        await this.pool.query(
          `CREATE TABLE IF NOT EXISTS ${this.table} (key text PRIMARY KEY, expires_at timestamptz NOT NULL)`,
        );
      } catch (e) {
        if (!ALREADY_CREATED.has(e?.code)) throw e;
      }
      return this.pool;
    })().catch((e) => {
      this.ready = null; // let the next claim try again
      throw e;
    });
    return this.ready;
  }

  /** @returns {Promise<'first' | 'duplicate'>} */
  async claim(key, ttlMs) {
    keyOf(key);
    const ttl = ttlOf(ttlMs);
    const pool = await this.open();
    // ON CONFLICT DO NOTHING, except that an expired claim is taken over: a row comes
    // back only when this statement inserted or took over the key.
    const { rowCount } = await pool.query(
      `INSERT INTO ${this.table} AS t (key, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE t.expires_at <= now()
       RETURNING 1`,
      [key, ttl],
    );
    if (++this.claimsSinceSweep >= 1000) {
      this.claimsSinceSweep = 0;
      await pool.query(`DELETE FROM ${this.table} WHERE expires_at <= now()`);
    }
    return rowCount === 1 ? 'first' : 'duplicate';
  }

  async release(key) {
    keyOf(key);
    await (await this.open()).query(`DELETE FROM ${this.table} WHERE key = $1`, [key]);
  }

  async close() {
    const pool = this.pool;
    this.ready = null;
    if (this.owned && pool) {
      this.pool = null;
      await pool.end();
    }
  }
}
