// Checking option TYPES on the JS side (a TypeError names the mistake); their VALUES
// are checked by the core, so every runtime rejects the same options the same way.

import { describe } from './bytes.js';
import { HooksealError } from './errors.js';

const STRING_OPTIONS = ['header', 'prefix', 'encoding', 'content', 'timestampHeader', 'idHeader'];
const KNOWN = new Set(['secrets', 'toleranceSeconds', 'maxBody', ...STRING_OPTIONS]);
/** Names people reach for, and the option they mean. */
const SPELLINGS = {
  tolerance: 'toleranceSeconds',
  max_body: 'maxBody',
  secret: 'secrets',
  timestamp_header: 'timestampHeader',
  id_header: 'idHeader',
};

/**
 * The engine options (engine.d.ts `EngineOptions`) for a user's options object.
 * `extra` names keys the caller handles itself (`timestamp`, `id` for sign).
 */
export function engineOptions(options, extra = []) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object, not ${describe(options)}`);
  }
  const out = {};
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (value === undefined || key === 'secrets' || extra.includes(key)) continue;
    if (!KNOWN.has(key)) {
      const hint = SPELLINGS[key] ? `; did you mean ${SPELLINGS[key]}?` : '';
      throw new HooksealError('invalid_option', `unknown option ${JSON.stringify(key)}${hint}`);
    }
    if (key === 'toleranceSeconds') {
      if (typeof value !== 'number' && value !== 'off') {
        throw new TypeError(`toleranceSeconds must be a number of seconds or 'off', not ${describe(value)}`);
      }
    } else if (key === 'maxBody') {
      if (typeof value !== 'number') throw new TypeError(`maxBody must be a number of bytes, not ${describe(value)}`);
    } else if (typeof value !== 'string') {
      throw new TypeError(`${key} must be a string, not ${describe(value)}`);
    }
    out[key] = value;
  }
  return out;
}

const isSecret = (s) => typeof s === 'string' || s instanceof Uint8Array;

/**
 * `secrets` as an array: one secret is accepted as a list of one. A secret is a string
 * (its UTF-8) or a Uint8Array (its bytes, for a token that is not UTF-8).
 */
export function secretList(secrets) {
  if (isSecret(secrets)) return [secrets];
  if (Array.isArray(secrets) && secrets.every(isSecret)) return secrets;
  const got = Array.isArray(secrets) ? `an array holding ${describe(secrets.find((s) => !isSecret(s)))}` : describe(secrets);
  throw new TypeError(`secrets must be a string, a Uint8Array or an array of them, not ${got}`);
}

/** A string argument, or a TypeError naming it. */
export function checkString(value, what) {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string, not ${describe(value)}`);
  return value;
}

/**
 * Unix seconds from a user's `now`/`timestamp`: a number of seconds or a Date;
 * `undefined` is the current time.
 */
export function unixSeconds(value, what) {
  if (value === undefined) return Math.floor(Date.now() / 1000);
  if (value instanceof Date) return Math.floor(value.getTime() / 1000);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${what} must be unix seconds (a finite number) or a Date, not ${describe(value)}`);
  }
  return Math.floor(value);
}
