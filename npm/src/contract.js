// The core's receive contract (hookseal::receive, docs/receiving.md): every code a
// receiver answers with and its status and Retry-After, the de-duplication decisions,
// the default lease and TTL. The engine hands it over as JSON (`receiveContract()`),
// parsed once here when the engine loads (createApi); nothing in the JS layer spells a
// status, a body or a default of its own. No Node built-ins: edge runtimes load it too.

let contract = null;

/** Every code a `HooksealError` can carry, with its HTTP status: the core's reply table. */
export let ERROR_STATUS = Object.freeze({});
/** The default processing lease of a claim, in ms (the core's, 60 s). */
export let DEFAULT_LEASE_MS;
/** The default lifetime of a completed claim, in ms (the core's, 30 days). */
export let DEFAULT_TTL_MS;

/**
 * Installs the contract an engine reports. Every engine is the same core, so the first
 * one installed stays.
 * @param {string} json `receiveContract()` of an engine
 */
export function installContract(json) {
  if (contract) return contract;
  contract = deepFreeze(JSON.parse(json));
  ERROR_STATUS = Object.freeze(Object.fromEntries(Object.entries(contract.replies).map(([code, r]) => [code, r.status])));
  DEFAULT_LEASE_MS = contract.lease_seconds * 1000;
  DEFAULT_TTL_MS = contract.ttl_seconds * 1000;
  return contract;
}

let verifierClass;

/**
 * Records the Verifier class of the first engine loaded (`createApi`), so a helper that
 * imports no engine itself (`hookseal/fetch`) can build tenants' verifiers with it.
 * @param {Function} Verifier
 */
export function installVerifier(Verifier) {
  verifierClass ??= Verifier;
}

/** The Verifier class of the first engine loaded, or undefined. */
export const installedVerifier = () => verifierClass;

/** The installed contract; an engine entry (`hookseal`, `hookseal/wasm`) installs it. */
export function receiveContract() {
  if (!contract) {
    throw new Error("hookseal's engine is not loaded yet: import 'hookseal' (or 'hookseal/wasm') first");
  }
  return contract;
}

/** The reply row of `code` (`{status, retry_after, message}`), or undefined. */
export function replyOf(code) {
  const replies = receiveContract().replies;
  return Object.hasOwn(replies, code) ? replies[code] : undefined;
}

/**
 * An answer a helper sends itself, for an edge code of the table:
 * `{status, headers, body}`, `Retry-After` per the row (`lease_left`: the seconds left
 * in the lease, rounded up, at least 1).
 * @param {string} code
 * @param {number} [leaseLeftMs]
 */
export function edgeAnswer(code, leaseLeftMs = 0) {
  const row = replyOf(code);
  const headers = { 'content-type': 'application/json; charset=utf-8' };
  const retry = row.retry_after === 'lease_left' ? Math.max(1, Math.ceil(leaseLeftMs / 1000)) : row.retry_after;
  if (retry !== null) headers['retry-after'] = String(retry);
  return { status: row.status, headers, body: JSON.stringify({ error: code, message: row.message }) };
}

/** The answer to a duplicate of a completed delivery: 200 `{"duplicate": true}`. */
export function duplicateAnswer() {
  const { status, body } = receiveContract().duplicate;
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

/**
 * The first half of the decision table: what a claim's outcome (`first`, `processing`,
 * `done`, `failed`) leads to: `'run_handler'` or the code of the answer.
 */
export function onClaim(outcome) {
  return receiveContract().on_claim[outcome];
}

/**
 * The second half: the handler's status (`null` when it threw or its connection broke
 * before it answered) -> `'complete'` or `'release'`.
 * @param {number | null} status
 */
export function onHandler(status) {
  const table = receiveContract().on_handler;
  if (status === null || status === undefined) return table.raised;
  return status >= 200 && status < 300 ? table['2xx'] : table.other;
}

function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
