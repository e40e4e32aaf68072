// Reading header values out of whatever shape the caller has: Node's
// IncomingHttpHeaders (array values), a Fetch `Headers`, a `Map`, a plain object
// (names in any case), `[name, value]` pairs, or Node's flat `rawHeaders` list.
// Only the values of the names the verifier asks for leave this file.

import { describe } from './bytes.js';

/** The first value of a header entry: arrays give their first element. */
function first(value) {
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return null;
}

function isFetchHeaders(h) {
  return typeof h.get === 'function' && typeof h.has === 'function' && !(h instanceof Map);
}

function checkHeaders(headers) {
  if (headers === null || typeof headers !== 'object') {
    throw new TypeError(
      `headers must be the request headers (an object, Headers, Map or [name, value] pairs), not ${describe(headers)}`,
    );
  }
}

/** Calls `visit(name, value)` for every entry, in order, until it returns true. */
function each(headers, visit) {
  if (Array.isArray(headers)) {
    if (headers.length > 0 && typeof headers[0] === 'string') {
      // Node's req.rawHeaders: [name, value, name, value, ...]
      for (let i = 0; i + 1 < headers.length; i += 2) if (visit(headers[i], headers[i + 1])) return;
      return;
    }
    for (const pair of headers) {
      if (Array.isArray(pair) && pair.length >= 2 && visit(pair[0], pair[1])) return;
    }
    return;
  }
  if (headers instanceof Map || isFetchHeaders(headers)) {
    for (const [name, value] of headers.entries()) if (visit(name, value)) return;
    return;
  }
  for (const name of Object.keys(headers)) if (visit(name, headers[name])) return;
}

/**
 * The values of `names` (lowercase) in `headers`, in the same order, `null` when
 * absent. When a name appears more than once, the first occurrence wins (a Fetch
 * `Headers` has already joined repeats with ", ").
 * @param {unknown} headers
 * @param {string[]} names
 * @returns {(string | null)[]}
 */
export function headerValues(headers, names) {
  checkHeaders(headers);
  const values = new Array(names.length).fill(null);
  let missing = names.length;
  if (!Array.isArray(headers) && !(headers instanceof Map)) {
    if (isFetchHeaders(headers)) {
      for (let i = 0; i < names.length; i++) values[i] = headers.get(names[i]);
      return values;
    }
    // Plain object: Node lowercases names, so an exact lookup usually finds them all.
    for (let i = 0; i < names.length; i++) {
      const v = first(headers[names[i]]);
      if (v !== null && Object.hasOwn(headers, names[i])) {
        values[i] = v;
        missing--;
      }
    }
    if (missing === 0) return values;
  }
  each(headers, (name, value) => {
    if (typeof name !== 'string') return false;
    const i = names.indexOf(name.toLowerCase());
    if (i >= 0 && values[i] === null) {
      const v = first(value);
      if (v !== null) {
        values[i] = v;
        if (--missing === 0) return true;
      }
    }
    return false;
  });
  return values;
}

/** Every header as `[name, value]` string pairs, for `detect`. */
export function headerPairs(headers) {
  checkHeaders(headers);
  const pairs = [];
  each(headers, (name, value) => {
    const v = first(value);
    if (typeof name === 'string' && v !== null) pairs.push([name, v]);
    return false;
  });
  return pairs;
}
