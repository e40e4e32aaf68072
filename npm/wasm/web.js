// `hookseal/wasm` in Deno and browsers: the `.wasm` is fetched next to this file once,
// at import (top-level await); `verify` is synchronous from then on. No Node built-ins.

import * as wasm from './web/hookseal_wasm.js';
import { createApi } from '../src/api.js';

const url = new URL('./web/hookseal_wasm_bg.wasm', import.meta.url);
wasm.initSync({ module: await WebAssembly.compile(await (await fetch(url)).arrayBuffer()) });

export const { Verifier, sign, detect, engine } = createApi(wasm, 'wasm');
export { HooksealError, ERROR_STATUS } from '../src/errors.js';
export { receiveContract, DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from '../src/contract.js';
export { Verified } from '../src/verified.js';
