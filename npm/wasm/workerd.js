// `hookseal/wasm` in Cloudflare Workers (workerd, wrangler) and bundlers that import a
// `.wasm` file as a compiled `WebAssembly.Module`. Synchronous from the first request:
// the module is instantiated while the worker script loads. No Node built-ins.

import module from './web/hookseal_wasm_bg.wasm';
import * as wasm from './web/hookseal_wasm.js';
import { createApi } from '../src/api.js';

wasm.initSync({ module });

export const { Verifier, sign, detect, engine } = createApi(wasm, 'wasm');
export { HooksealError, ERROR_STATUS } from '../src/errors.js';
export { receiveContract, DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from '../src/contract.js';
export { Verified } from '../src/verified.js';
