// The `hookseal` package in Node: the public API over the native addon (or, when it
// does not load, the wasm engine). `engine` says which one is in use.

import { createApi } from './api.js';
import { loadEngine } from './load.js';
// The event schemas, so `verified.event({ validate: true })` works from this entry alone.
import './events-schemas.js';

export { HooksealError, ERROR_STATUS } from './errors.js';
export { receiveContract, DEFAULT_LEASE_MS, DEFAULT_TTL_MS } from './contract.js';
export { Verified } from './verified.js';

const loaded = loadEngine();
const api = createApi(loaded.engine, loaded.name);

/** Verifies one scheme's webhooks: `new Verifier('salesbooth', {secrets: [...]})`. */
export const Verifier = api.Verifier;
/** The headers a provider would send: `sign('saleslab', secret, body)`. */
export const sign = api.sign;
/** The scheme whose signature header a request carries, or null. */
export const detect = api.detect;
/** Which engine runs the core: `'native'` or `'wasm'`. */
export const engine = api.engine;
