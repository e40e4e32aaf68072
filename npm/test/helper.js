// The engine under test. One suite, two engines (as lightningcss does it): the package's
// main entry loads the native addon, or with HOOKSEAL_ENGINE=wasm the wasm build.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEngine } from '../src/load.js';
import { OPTION_NAMES } from '../src/options.js';

export const wanted = process.env.HOOKSEAL_ENGINE || 'native';
export const hookseal = await import('hookseal');
assert.equal(hookseal.engine, wanted, `HOOKSEAL_ENGINE=${wanted} but the package loaded ${hookseal.engine}`);

/** The engine under test itself (engine.d.ts), beneath the public API. */
export const rawEngine = loadEngine().engine;
/** The core's scheme table, from the engine under test. */
export const SCHEMES = JSON.parse(rawEngine.schemesTable());

export const here = dirname(fileURLToPath(import.meta.url));
/** core/vectors, or HOOKSEAL_VECTORS (scripts/ci/packages/npm.sh runs this suite from an installed package). */
export const vectorsDir = process.env.HOOKSEAL_VECTORS || join(here, '..', '..', 'core', 'vectors');

/** Every case of every core/vectors/*.json file, with the file it came from. */
/** A vector case's body: `body_b64`, or the compact `body` (`{repeat, count}`, core/vectors/README.md). */
export function bodyOf(c) {
  return c.body ? Buffer.from(c.body.repeat.repeat(c.body.count), 'latin1') : Buffer.from(c.body_b64, 'base64');
}

export function loadVectors() {
  const files = readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();
  return files.flatMap((file) =>
    JSON.parse(readFileSync(join(vectorsDir, file), 'utf8')).map((c) => ({ file, ...c })),
  );
}

/** A vector's snake_case options under the JS API's names (`OPTION_NAMES`, inverted). */
export function jsOptions(options = {}) {
  const out = {};
  for (const [k, v] of Object.entries(options)) {
    // A name no runtime knows (a construction case) goes through as it is.
    const name = Object.keys(OPTION_NAMES).find((js) => OPTION_NAMES[js] === k);
    out[name ?? k] = v;
  }
  return out;
}

/** Asserts that `fn` throws a HooksealError with `code`. */
export function throwsCode(fn, code) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof hookseal.HooksealError, `expected HooksealError, got ${e}`);
    assert.equal(e.code, code, e.message);
    return true;
  });
}

export const SALESBOOTH_SECRET = 'whsec_test';
export const T0 = 1_700_000_000;
