// Finding an engine in Node, first that loads: the platform package
// `@hookseal/<platform>`, a locally built addon (both in ../binding.cjs), else the wasm
// engine inside this package. Node-only (it uses `require`); the wasm subpath for edge
// runtimes does not import this file.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The engine to use, its name (what `hookseal.engine` says) and where it came from: the
 * platform package's name, the local addon's path, or `hookseal/wasm`.
 * `HOOKSEAL_ENGINE=wasm` skips the native addon (to test the fallback); otherwise the wasm
 * engine is used only when no addon loads.
 * @returns {{engine: import('./engine').Engine, name: 'native' | 'wasm', from: string}}
 */
export function loadEngine() {
  const wanted = globalThis.process?.env?.HOOKSEAL_ENGINE;
  let nativeError;
  if (wanted !== 'wasm') {
    try {
      const engine = require('../binding.cjs');
      return { engine, name: 'native', from: engine.from };
    } catch (e) {
      nativeError = e;
    }
  }
  try {
    return { engine: require('../wasm/engine.cjs'), name: 'wasm', from: 'hookseal/wasm' };
  } catch (wasmError) {
    const why = nativeError ? nativeError.message : 'HOOKSEAL_ENGINE=wasm skipped the native addon';
    throw new Error(`hookseal has no engine: ${why}, and the wasm engine did not load (${wasmError.message})`);
  }
}
