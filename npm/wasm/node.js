// `hookseal/wasm` imported in Node: the wasm engine even where the native addon loads
// (to compare the two, or where native addons are not allowed).

import { createRequire } from 'node:module';
import { createApi } from '../src/api.js';

const wasm = createRequire(import.meta.url)('./engine.cjs');

export const { Verifier, sign, detect, engine } = createApi(wasm, 'wasm');
export { HooksealError, ERROR_STATUS } from '../src/errors.js';
export { receiveContract, DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from '../src/contract.js';
export { Verified } from '../src/verified.js';
