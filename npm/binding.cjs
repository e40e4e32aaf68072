'use strict';
// The native engine (npm/src/engine.d.ts) over the addon for this platform, found in
// this order:
//   1. the platform package `@hookseal/<platform>` (scripts/platforms.mjs), which npm
//      installs beside `hookseal` from its optionalDependencies;
//   2. `hookseal.<platform>.node` beside this file, built in a checkout by `npm run build`
//      (napi build --platform), for development.
// Throws when neither loads; the main entry then falls back to wasm (src/load.js).
// `<platform>` is napi's name: `<process.platform>-<process.arch>[-<abi>]`.
//
// The addon exports plain functions over an opaque verifier handle; this file shapes
// them into the interface's `Verifier` class. `verify` and `envelope` are raw Node-API
// functions bound to one verifier: header values cross as separate arguments (at most
// the addon's MAX_HEADER_NAMES), results through Float64Arrays owned by each verifier
// and one string, because building arrays and objects across the boundary cost more
// than the HMAC of 1 KiB. The protocol is defined once, at the top of
// bindings/node/src/bound.rs; this file is its JS half, and npm/test/protocol.test.js
// round-trips every field of it.

const { join } = require('node:path');

function isMusl() {
  if (process.platform !== 'linux') return false;
  const report = typeof process.report?.getReport === 'function' ? process.report.getReport() : null;
  return !report?.header?.glibcVersionRuntime;
}

function abiSuffix() {
  if (process.platform === 'linux') return isMusl() ? '-musl' : '-gnu';
  if (process.platform === 'win32') return '-msvc';
  return '';
}

const platform = `${process.platform}-${process.arch}${abiSuffix()}`;

/** The addon and where it came from: the platform package, else a local build. */
function loadAddon() {
  const tried = [];
  for (const from of [`@hookseal/${platform}`, join(__dirname, `hookseal.${platform}.node`)]) {
    try {
      return { native: require(from), from };
    } catch (e) {
      tried.push(`${from}: ${e.message.split('\n')[0]}`);
    }
  }
  throw new Error(`no native addon for ${platform} loaded (${tried.join('; ')})`);
}

const { native, from } = loadAddon();

class Verifier {
  #handle;
  #verify;
  #envelope;
  #out = new Float64Array(2);
  #envelopeOut = new Float64Array(4);

  constructor(scheme, secrets, options, notAfter) {
    this.#handle = native.verifierNew(scheme, secrets, options, notAfter);
    this.#verify = native.verifierVerifyFunction(this.#handle);
    this.#envelope = native.verifierEnvelopeFunction(this.#handle);
  }

  get maxBody() {
    return native.verifierMaxBody(this.#handle);
  }

  headerNames() {
    return native.verifierHeaderNames(this.#handle);
  }

  verifyHeaderCount() {
    return native.verifierVerifyHeaderCount(this.#handle);
  }

  verify(body, values, now) {
    const out = this.#out;
    // At most MAX_HEADER_NAMES values; the addon reads missing ones as absent.
    this.#verify(body, now, out, ...values);
    const timestamp = out[0];
    return { timestamp: Number.isNaN(timestamp) ? null : timestamp, secretIndex: out[1] };
  }

  explain(body, pairs, now) {
    return native.verifierExplain(this.#handle, body, pairs, now);
  }

  envelope(body, values) {
    // kind, eventId, tenant and the key back to back in one string; `out` holds the
    // first three's lengths (-1: absent) and whether eventId was signed.
    const out = this.#envelopeOut;
    const text = this.#envelope(body, out, ...values);
    let at = 0;
    const next = (length) => (length < 0 ? null : text.slice(at, (at += length)));
    const kind = next(out[0]);
    const eventId = next(out[1]);
    const tenant = next(out[2]);
    return { kind, eventId, eventIdSigned: out[3] === 1, tenant, idempotencyKey: text.slice(at) };
  }
}

module.exports = {
  /** Which addon this is: the platform package's name, or the local file's path. */
  from,
  Verifier,
  sign: native.sign,
  detect: native.detect,
  receiveContract: native.receiveContract,
  schemesTable: native.schemesTable,
  maxHeaderNames: () => native.MAX_HEADER_NAMES,
};
