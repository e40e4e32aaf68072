'use strict';
// The native engine (npm/src/engine.d.ts) over the addon built by `npm run build:native`
// (napi build --platform): `hookseal.<platform>-<arch>[-<abi>].node` beside this file.
// Throws when there is none for this platform; the main entry then falls back to wasm.
//
// The addon exports plain functions over an opaque verifier handle; this file shapes
// them into the interface's `Verifier` class. verify's result crosses through a
// Float64Array owned by each verifier: building a JS object in Rust costs more than
// the HMAC of a 1 KiB body.

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

const native = require(join(__dirname, `hookseal.${process.platform}-${process.arch}${abiSuffix()}.node`));

class Verifier {
  #handle;
  #out = new Float64Array(2);

  constructor(scheme, secrets, options) {
    this.#handle = native.verifierNew(scheme, secrets, options);
  }

  headerNames() {
    return native.verifierHeaderNames(this.#handle);
  }

  verify(body, values, now) {
    const out = this.#out;
    native.verifierVerifyInto(this.#handle, body, values, now, out);
    const timestamp = out[0];
    return { timestamp: Number.isNaN(timestamp) ? null : timestamp, secretIndex: out[1] };
  }

  envelope(body, values) {
    return native.verifierEnvelope(this.#handle, body, values);
  }
}

module.exports = { Verifier, sign: native.sign, detect: native.detect };
