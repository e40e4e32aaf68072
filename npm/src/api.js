// The public API over any engine (engine.d.ts): argument checks, header extraction,
// errors as HooksealError. No Node built-ins: the wasm build reuses this file as is.

import { toBytes } from './bytes.js';
import { installContract, installVerifier, receiveContract } from './contract.js';
import { fromEngine, HooksealError } from './errors.js';
import { headerPairs, headerValues } from './headers.js';
import { checkString, engineOptions, secretList, unixSeconds } from './options.js';
import { Verified } from './verified.js';

/**
 * The `Verifier`, `sign` and `detect` of the public API, over `engine`.
 * @param {import('./engine').Engine} engine
 * @param {'native' | 'wasm' | string} name what `hookseal.engine` reports
 */
export function createApi(engine, name) {
  installContract(engine.receiveContract());
  class Verifier {
    #inner;
    #names;
    #verifyNames;
    #envelopeNames;

    /**
     * @param {string} scheme a scheme id (`saleslab`, `salesbooth`, `stripe`, ...)
     * @param {object} options `{secrets, toleranceSeconds, maxBody, header, prefix, ...}`
     */
    constructor(scheme, options) {
      checkString(scheme, 'scheme');
      if (options === null || typeof options !== 'object') {
        throw new TypeError('options must be an object with at least {secrets}');
      }
      const { secrets, notAfter } = secretList(options.secrets);
      const opts = engineOptions(options);
      try {
        this.#inner = new engine.Verifier(scheme, secrets, opts, notAfter);
      } catch (e) {
        throw fromEngine(e);
      }
      this.#names = this.#inner.headerNames();
      // Only these are read on every call; the rest only if the envelope is asked for.
      const count = this.#inner.verifyHeaderCount();
      this.#verifyNames = this.#names.slice(0, count);
      this.#envelopeNames = this.#names.slice(count);
      /** The scheme id. */
      this.scheme = scheme;
      /** The largest body accepted, in bytes. */
      this.maxBody = this.#inner.maxBody;
    }

    /** The lowercase names of the only headers this verifier reads. */
    get headerNames() {
      return this.#names.slice();
    }

    /**
     * Verifies a delivery; throws HooksealError (`.code`, `.status`) when it is not genuine.
     * @param {Uint8Array | ArrayBuffer | string} body the raw body
     * @param {object} headers the request headers, in any common shape
     * @param {{now?: number | Date}} [options] `now` in unix seconds, for tests and replays
     * @returns {Verified}
     */
    verify(body, headers, options) {
      const bytes = toBytes(body);
      if (bytes.length > this.maxBody) throw this.#tooLarge(bytes);
      const values = headerValues(headers, this.#verifyNames);
      const now = unixSeconds(options?.now, 'now');
      let result;
      try {
        result = this.#inner.verify(bytes, values, now);
      } catch (e) {
        throw fromEngine(e);
      }
      return new Verified(this.scheme, bytes, result, this.#inner, values, this.#envelopeNames, headers);
    }

    /**
     * Why a delivery fails, or that it passes, in words (the core's diagnosis,
     * docs/explain.md): `{ok, code, message, findings: [{code, message}]}`, `code` being
     * what `verify` would throw (`null` when it passes). For development and tests: an
     * endpoint that answers with it tells a forger which guess came closer.
     * Takes its arguments in `verify`'s order.
     * @param {Uint8Array | ArrayBuffer | string} body the raw body
     * @param {object} headers the request headers, in any common shape
     * @param {{now?: number | Date}} [options] `now` in unix seconds, for tests and replays
     */
    explain(body, headers, options) {
      if (isHeadersFirst(body, headers)) {
        throw new TypeError(
          'explain(body, headers) takes the body first, as verify does: the first argument looks like the headers and the second like the body',
        );
      }
      const bytes = toBytes(body);
      const pairs = headerPairs(headers);
      const now = unixSeconds(options?.now, 'now');
      if (bytes.length > this.maxBody) {
        const { code, message } = this.#tooLarge(bytes);
        return { ok: false, code, message, findings: [] };
      }
      let json;
      try {
        json = this.#inner.explain(bytes, pairs, now);
      } catch (e) {
        throw fromEngine(e);
      }
      return JSON.parse(json);
    }

    /**
     * The error of a body over `maxBody`, checked before the engine: the wasm engine
     * would copy the body into its linear memory, which never shrinks.
     */
    #tooLarge(bytes) {
      return new HooksealError('payload_too_large', `the body is ${bytes.length} bytes; the limit is ${this.maxBody}`);
    }

    /** Never shows the secrets. */
    toString() {
      return `Verifier(${this.scheme})`;
    }

    toJSON() {
      return { scheme: this.scheme, maxBody: this.maxBody };
    }
  }

  /**
   * The headers a provider would send with `body`, as a plain object of lowercase names
   * in the order id, timestamp, signature.
   * @param {string} scheme
   * @param {string} secret
   * @param {Uint8Array | ArrayBuffer | string} body
   * @param {object} [options] `{timestamp, id, ...verifier options}`
   * @returns {Record<string, string>}
   */
  function sign(scheme, secret, body, options = {}) {
    checkString(scheme, 'scheme');
    checkString(secret, 'secret');
    const bytes = toBytes(body);
    const opts = engineOptions(options, ['timestamp', 'id']);
    const timestamp = unixSeconds(options?.timestamp, 'timestamp');
    const id = options?.id;
    if (id !== undefined && id !== null) checkString(id, 'id');
    let pairs;
    try {
      pairs = engine.sign(scheme, secret, bytes, timestamp, id ?? undefined, opts);
    } catch (e) {
      throw fromEngine(e);
    }
    const headers = {};
    for (const [n, v] of pairs) headers[n] = v;
    return headers;
  }

  /**
   * The scheme id whose signature header the request carries, or null
   * (salescaling and custom schemes use configurable headers and are never detected).
   * @param {object} headers
   * @returns {string | null}
   */
  function detect(headers) {
    const pairs = headerPairs(headers);
    try {
      return engine.detect(pairs) ?? null;
    } catch (e) {
      throw fromEngine(e);
    }
  }

  /**
   * Whether `explain` was called as `explain(headers, body)`: a headers shape (an object
   * that is not bytes) first and a body (a string or bytes) second.
   */
  function isHeadersFirst(body, headers) {
    const headersShape = body !== null && typeof body === 'object' && !(body instanceof ArrayBuffer) && !ArrayBuffer.isView(body);
    const bodyShape = typeof headers === 'string' || headers instanceof ArrayBuffer || ArrayBuffer.isView(headers);
    return headersShape && bodyShape;
  }

  // For the helpers that build tenants' verifiers without importing an engine (hookseal/fetch).
  installVerifier(Verifier);
  return { Verifier, sign, detect, engine: name, HooksealError, Verified, receiveContract };
}
