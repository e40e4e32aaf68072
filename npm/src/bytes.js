// The body as bytes, whatever the caller holds. Uint8Array only (a Node Buffer is one),
// so this runs unchanged in edge runtimes.

const encoder = new TextEncoder();

/**
 * The raw bytes of `body`: a Buffer or Uint8Array as-is (no copy), any other
 * ArrayBuffer view or an ArrayBuffer as a view over the same memory, a string as UTF-8.
 * @param {unknown} body
 * @param {string} [what] the argument's name, for the TypeError
 * @returns {Uint8Array}
 */
export function toBytes(body, what = 'body') {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(
    `${what} must be the raw request body as a Buffer, Uint8Array, ArrayBuffer or string, not ${describe(body)}` +
      (body !== null && typeof body === 'object'
        ? ' (a parsed JSON object has lost the exact bytes that were signed)'
        : ''),
  );
}

/** A short description of a value's type for error messages (never the value itself). */
export function describe(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
