// Options, from the public API's names to the core's: the one place they are mapped.
// The JS side checks only each value's TYPE (a TypeError names the mistake); the core
// parses the value (`Options::set`), so a bad one is the core's `invalid_option`, the
// same in every runtime. docs/api.md ("Options") lists the names in every runtime.

import { describe } from './bytes.js';
import { HooksealError } from './errors.js';

/** Each public option name and the core's name for it. */
export const OPTION_NAMES = Object.freeze({
  toleranceSeconds: 'tolerance',
  maxBody: 'max_body',
  header: 'header',
  prefix: 'prefix',
  encoding: 'encoding',
  content: 'content',
  timestampHeader: 'timestamp_header',
  idHeader: 'id_header',
});

/** The JS type each option takes where it is not a string (the public API's types). */
const NUMBERS = { toleranceSeconds: "a number of seconds or 'off'", maxBody: 'a number of bytes' };
const typeOk = (key, value) =>
  key in NUMBERS ? typeof value === 'number' || (key === 'toleranceSeconds' && value === 'off') : typeof value === 'string';

/**
 * The engine options (engine.d.ts `EngineOptions`) for a user's options object: the
 * core's names and the values as text, alternating. `extra` names keys the caller
 * handles itself (`timestamp`, `id` for sign).
 */
export function engineOptions(options, extra = []) {
  if (options === undefined) return [];
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object, not ${describe(options)}`);
  }
  const out = [];
  for (const key of Object.keys(options)) {
    const value = options[key];
    if (value === undefined || key === 'secrets' || extra.includes(key)) continue;
    if (!Object.hasOwn(OPTION_NAMES, key)) throw unknownOption(key);
    if (!typeOk(key, value)) throw new TypeError(`${key} must be ${NUMBERS[key] ?? 'a string'}, not ${describe(value)}`);
    // A number as its decimal text, as the core reads it in every runtime.
    out.push(OPTION_NAMES[key], String(value));
  }
  return out;
}

/** A name with no core option behind it; a core name hints at its public spelling. */
function unknownOption(key) {
  const meant = Object.keys(OPTION_NAMES).find((name) => OPTION_NAMES[name] === key);
  const hint = meant ? `; did you mean ${meant}?` : `; the options are secrets, ${Object.keys(OPTION_NAMES).join(', ')}`;
  return new HooksealError('invalid_option', `unknown option ${JSON.stringify(key)}${hint}`);
}

const isSecret = (s) => typeof s === 'string' || s instanceof Uint8Array;
/** A `{secret, notAfter}` entry: any object that is not a secret itself nor an array. */
const isEntry = (s) => s !== null && typeof s === 'object' && !Array.isArray(s) && !ArrayBuffer.isView(s);
const ENTRY_KEYS = ['secret', 'notAfter'];

/**
 * `secrets` for the engine: the secrets themselves, and `notAfter`, each one's last
 * valid unix second (`NaN`: no limit), or `undefined` when none has one (engine.d.ts).
 * One secret is accepted as a list of one. A secret is a string (its UTF-8), a
 * Uint8Array (its bytes, for a token that is not UTF-8), or `{secret, notAfter}`: the
 * same, retired after `notAfter` (a Date, or unix seconds). A list or a value of the
 * wrong type is a TypeError; an object entry of the wrong shape is `invalid_secret` (its
 * `secret`) or `invalid_option` (its other keys). No message shows a secret.
 * @returns {{secrets: (string | Uint8Array)[], notAfter: Float64Array | undefined}}
 */
export function secretList(secrets) {
  const list = isSecret(secrets) || isEntry(secrets) ? [secrets] : secrets;
  if (!Array.isArray(list) || !list.every((s) => isSecret(s) || isEntry(s))) {
    const got = Array.isArray(list) ? `an array holding ${describe(list.find((s) => !isSecret(s) && !isEntry(s)))}` : describe(list);
    throw new TypeError(`secrets must be a string, a Uint8Array, a {secret, notAfter} object or an array of them, not ${got}`);
  }
  if (list.every(isSecret)) return { secrets: list, notAfter: undefined };
  const notAfter = new Float64Array(list.length).fill(NaN);
  const values = list.map((s, i) => {
    if (isSecret(s)) return s;
    const where = list === secrets ? `secrets[${i}]` : 'secrets';
    if (!isSecret(s.secret)) {
      throw new HooksealError('invalid_secret', `${where}.secret must be a string or a Uint8Array, not ${describe(s.secret)}`);
    }
    const extra = Object.keys(s).find((key) => !ENTRY_KEYS.includes(key));
    if (extra !== undefined) {
      const hint = extra === 'not_after' ? '; did you mean notAfter?' : `; its keys are ${ENTRY_KEYS.join(' and ')}`;
      throw new HooksealError('invalid_option', `unknown key ${JSON.stringify(extra)} in ${where}${hint}`);
    }
    if (s.notAfter !== undefined && s.notAfter !== null) notAfter[i] = lastSecond(s.notAfter, `${where}.notAfter`);
    return s.secret;
  });
  return { secrets: values, notAfter };
}

/** A `notAfter`: a valid Date or finite unix seconds, as whole unix seconds. */
function lastSecond(value, what) {
  const seconds = value instanceof Date ? value.getTime() / 1000 : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(seconds)) {
    const got = value instanceof Date ? 'an invalid Date' : describe(value);
    throw new HooksealError('invalid_option', `${what} must be a Date or unix seconds (a finite number), not ${got}`);
  }
  return Math.floor(seconds);
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
