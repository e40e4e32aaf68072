// Claims in PostgreSQL (pg), shared by every receiver that reaches the database. Each
// operation is one statement, atomic under the primary key. The table is the one every
// runtime shares (docs/stores.md): token NULL = done until expires_at, token set = a
// processing lease until expires_at; created on first use, migrated (a token column
// added) when the previous version made it.

import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_OPERATION_TIMEOUT_MS,
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

const TABLE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;
// Another receiver creating the same table at the same moment: the table exists.
const ALREADY_CREATED = new Set(['42P07', '23505', '42701']);

/**
 * Claims in a PostgreSQL table, for receivers on several machines. Needs the optional
 * package `pg`. Pass `connectionString`, or a `pool` you already have (yours to end).
 * The pool this store opens has a connect timeout (3 s) and a statement timeout (5 s),
 * and replaces connections a server restart broke.
 *
 * @example
 * import { PostgresStore } from 'hookseal/stores';
 * const store = new PostgresStore({ connectionString: process.env.DATABASE_URL });
 * const claim = await store.claim('salesbooth:evt_1');
 */
export class PostgresStore {
  /**
   * @param {{connectionString?: string, pool?: any, table?: string, connectTimeoutMs?: number, operationTimeoutMs?: number}} options
   */
  constructor({
    connectionString,
    pool,
    table = 'hookseal_claims',
    connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
    operationTimeoutMs = DEFAULT_OPERATION_TIMEOUT_MS,
  } = {}) {
    if (!connectionString && !pool) throw new TypeError('PostgresStore needs a connectionString or a pool');
    if (!TABLE.test(table)) throw new TypeError(`not a plain SQL table name: ${table}`);
    Object.assign(this, { connectionString, table, connectTimeoutMs, operationTimeoutMs, owned: !pool });
    this.pool = pool;
    this.ready = null;
    this.claimsSinceSweep = 0;
  }

  open() {
    this.ready ??= (async () => {
      if (!this.pool) {
        const { default: pg } = await loadDriver('pg', 'PostgresStore');
        this.pool = new pg.Pool({
          connectionString: this.connectionString,
          connectionTimeoutMillis: this.connectTimeoutMs,
          // Server side and client side: a statement never outlives the budget.
          statement_timeout: this.operationTimeoutMs,
          query_timeout: this.operationTimeoutMs,
        });
        // An idle connection the server closed (a restart): the pool drops it and
        // opens a new one for the next query; unhandled, the error would crash.
        this.pool.on('error', () => {});
      }
      for (const sql of [
        `CREATE TABLE IF NOT EXISTS ${this.table} (key text PRIMARY KEY, expires_at timestamptz NOT NULL, token text)`,
        `ALTER TABLE ${this.table} ADD COLUMN IF NOT EXISTS token text`,
      ]) {
        try {
          await this.pool.query(sql);
        } catch (e) {
          if (!ALREADY_CREATED.has(e?.code)) throw e;
        }
      }
      return this.pool;
    })().catch((e) => {
      this.ready = null; // let the next claim try again
      throw e;
    });
    return this.ready;
  }

  /** @returns {Promise<import('../../types/stores').Claim>} */
  async claim(key, leaseMs) {
    keyOf(key);
    const lease = leaseOf(leaseMs);
    const pool = await this.open();
    const result = await claimReleasingOnError(this, key, async (token) => {
      // Twice at most: the row the SELECT looked for may have expired or been released
      // between the two statements.
      for (let attempt = 0; attempt < 2; attempt++) {
        const { rowCount } = await pool.query(
          `INSERT INTO ${this.table} AS t (key, expires_at, token)
           VALUES ($1, now() + $2 * interval '1 millisecond', $3)
           ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at, token = EXCLUDED.token
           WHERE t.expires_at <= now()
           RETURNING 1`,
          [key, lease, token],
        );
        if (rowCount === 1) return first(token);
        const { rows } = await pool.query(
          `SELECT token, GREATEST(0, EXTRACT(EPOCH FROM expires_at - now()) * 1000)::bigint AS left_ms
           FROM ${this.table} WHERE key = $1`,
          [key],
        );
        if (rows.length === 1) return rows[0].token === null ? DONE : processing(Number(rows[0].left_ms));
      }
      throw new Error('PostgresStore: the claim changed under two attempts');
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
    await (await this.open()).query(`DELETE FROM ${this.table} WHERE expires_at <= now()`);
  }

  async complete(key, token, ttlMs) {
    keyOf(key);
    tokenOf(token);
    const ttl = ttlOf(ttlMs);
    await (await this.open()).query(
      `UPDATE ${this.table} SET token = NULL, expires_at = now() + $3 * interval '1 millisecond'
       WHERE key = $1 AND token = $2`,
      [key, token, ttl],
    );
  }

  async release(key, token) {
    keyOf(key);
    tokenOf(token);
    await (await this.open()).query(`DELETE FROM ${this.table} WHERE key = $1 AND token = $2`, [key, token]);
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
