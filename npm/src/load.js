// Finding an engine in Node: the native addon, else the wasm build. Node-only (it
// uses `require`); the wasm subpath for edge runtimes does not import this file.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The engine to use and its name. `HOOKSEAL_ENGINE=wasm` skips the native addon (to
 * test the fallback); otherwise the wasm engine is used only when the addon fails to load.
 * @returns {{engine: import('./engine').Engine, name: 'native' | 'wasm'}}
 */
export function loadEngine() {
  const wanted = globalThis.process?.env?.HOOKSEAL_ENGINE;
  let nativeError;
  if (wanted !== 'wasm') {
    try {
      return { engine: require('../binding.cjs'), name: 'native' };
    } catch (e) {
      nativeError = e;
    }
  }
  try {
    return { engine: require('../wasm/engine.cjs'), name: 'wasm' };
  } catch (wasmError) {
    const why = nativeError
      ? `the native addon for ${process.platform}-${process.arch} did not load (${nativeError.message})`
      : 'HOOKSEAL_ENGINE=wasm skipped the native addon';
    throw new Error(`hookseal has no engine: ${why}, and the wasm engine did not load (${wasmError.message})`);
  }
}
