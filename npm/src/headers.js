// Reading header values out of whatever shape the caller has: Node's
// IncomingHttpHeaders (array values), a Fetch `Headers`, a `Map`, a plain object
// (names in any case), `[name, value]` pairs, or Node's flat `rawHeaders` list.
// Only the values of the names the verifier asks for leave this file.
//
// The header rule (docs/receiving.md §2): a header that appears more than once counts
// as ONE value, its values (each trimmed) joined with ", " in the order they arrived,
// which is what a Fetch `Headers` already gives. The values stay the text the HTTP
// stack decoded (latin-1 in Node): the engine turns it back into the wire bytes.

import { describe } from './bytes.js';

/** One value as text: strings as they are, numbers as digits, arrays joined. */
function text(value) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    let out = null;
    for (const v of value) out = join(out, text(v));
    return out;
  }
  return null;
}

/** `value` appended to what was found so far under the same name. */
function join(found, value) {
  if (value === null) return found;
  if (found === null) return value;
  return `${trim(found)}, ${trim(value)}`;
}

/** Optional whitespace around a field value (RFC 9110 §5.5): spaces and tabs. */
function trim(value) {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
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

/**
 * Calls `visit(name, value)` for every entry, in order. `value` is a function for a
 * plain object, so only the values of the names asked for are read (a getter or a
 * proxy never sees the others, cookies included).
 */
function each(headers, visit) {
  if (Array.isArray(headers)) {
    if (headers.length > 0 && typeof headers[0] === 'string') {
      // Node's req.rawHeaders: [name, value, name, value, ...], repeats kept, in order.
      for (let i = 0; i + 1 < headers.length; i += 2) visit(headers[i], headers[i + 1]);
      return;
    }
    for (const pair of headers) if (Array.isArray(pair) && pair.length >= 2) visit(pair[0], pair[1]);
    return;
  }
  if (headers instanceof Map || isFetchHeaders(headers)) {
    for (const [name, value] of headers.entries()) visit(name, value);
    return;
  }
  for (const name of Object.keys(headers)) visit(name, () => headers[name]);
}

/** A value `each` handed over. */
const valueOf = (value) => (typeof value === 'function' ? value() : value);

/**
 * The values of `names` (lowercase) in `headers`, in the same order, `null` when
 * absent; a name that appears more than once gives its values joined with ", ".
 * @param {unknown} headers
 * @param {string[]} names
 * @returns {(string | null)[]}
 */
export function headerValues(headers, names) {
  checkHeaders(headers);
  const values = new Array(names.length).fill(null);
  if (!Array.isArray(headers) && !(headers instanceof Map) && isFetchHeaders(headers)) {
    // A Fetch Headers has joined repeats already, and looks names up in any case.
    for (let i = 0; i < names.length; i++) values[i] = headers.get(names[i]);
    return values;
  }
  each(headers, (name, value) => {
    if (typeof name !== 'string') return;
    // Most names are not asked for: compare lengths before lowercasing.
    for (let i = 0; i < names.length; i++) {
      if (name.length === names[i].length && name.toLowerCase() === names[i]) {
        values[i] = join(values[i], text(valueOf(value)));
        return;
      }
    }
  });
  return values;
}

/** Every header as `[name, value]` string pairs, for `detect`. */
export function headerPairs(headers) {
  checkHeaders(headers);
  const pairs = [];
  each(headers, (name, value) => {
    const v = text(valueOf(value));
    if (typeof name === 'string' && v !== null) pairs.push([name, v]);
  });
  return pairs;
}
