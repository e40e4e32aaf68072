/**
 * The low-level engine interface: what a compiled core (the napi-rs addon in
 * `bindings/node`, or the WebAssembly build in `bindings/wasm`) exposes to the
 * engine-agnostic JS layer in `npm/src/api.js`.
 *
 * Users never see this: they use `Verifier`, `sign`, `detect` from `hookseal`.
 * Any engine that implements this file can be wrapped with
 * `createApi(engine, name)` from `npm/src/api.js`, which adds argument checking,
 * header extraction, the lazy `Verified`, and `HooksealError`.
 *
 * Contract, for every engine:
 *
 * - The JS layer has already checked argument TYPES (strings, arrays, Uint8Array,
 *   numbers) before it calls the engine, so an engine may treat a wrong type as
 *   a bug of the JS layer. Values that are well-typed but wrong (an unknown
 *   scheme, an empty secret, a bad option, a tampered body) are the core's
 *   errors, thrown as described under "Errors".
 * - Bytes cross as `Uint8Array` (a Node `Buffer` is one). Strings cross as JS
 *   strings; an engine encodes them as UTF-8 on its side.
 * - Header VALUES cross, never a header map: `values[i]` is the first value of
 *   the header `headerNames()[i]` in the request, or `null` when absent. The JS
 *   layer reads `headerNames()` once per verifier and extracts the values from
 *   whatever header shape the user has. `verify` gets only the first
 *   `verifyHeaderCount()` of them (the headers the signature check reads); the
 *   others feed only `envelope`, and are looked up when it is first asked for.
 * - Nothing may abort the process: a Rust panic becomes a thrown `Error` whose
 *   `code` is `"internal"`.
 *
 * Errors: every core error (`hookseal::Error`) is thrown as an `Error` whose
 *   - `code` property is the core's snake_case code (`"signature_mismatch"`,
 *     `"invalid_option"`, ... — `ErrorCode::as_str()`), and whose
 *   - `message` is the core's human message (`Error::message()`), without the
 *     code in front of it and never containing a secret.
 * The JS layer turns it into a `HooksealError` (adding `.status`). An engine
 * must not throw anything else for a request's content.
 *
 * How an engine is found (`npm/src/index.js`, `npm/cjs/index.js`): the native
 * addon is loaded with `require` from `npm/binding.cjs`; when it does not load,
 * the main entry falls back to the wasm engine, loaded with
 * `require('../wasm/engine.cjs')` (i.e. `npm/wasm/engine.cjs`), which must
 * export an object of this `Engine` shape synchronously. `hookseal.engine` then
 * says `'native'` or `'wasm'`. `hookseal/wasm` (the subpath) is expected to be
 * `createApi(wasmEngine, 'wasm')`, so the one test suite (`npm/test/`, switch
 * `HOOKSEAL_ENGINE=native|wasm`) runs against both.
 */

/** A scheme id: the `id` of a row of `schemesTable()` (`hookseal::SCHEMES`). Unknown
 * ids are the core's `unknown_scheme`, not a type error. */
export type SchemeId = string;

/**
 * Options as the core names them (`hookseal::OPTION_NAMES`), each name followed by its
 * value as text, numbers in decimal: `['tolerance', '300', 'header', 'x-sig']`. The JS
 * layer maps the public names (docs/api.md, "Options") in `npm/src/options.js`; the
 * engine hands each pair to `Options::set`, so an unknown name or a bad value is the
 * core's `invalid_option`.
 */
export type EngineOptions = string[];

/** What `verify` returns when a delivery is genuine. */
export interface EngineVerified {
  /** The signed timestamp (unix seconds) of timestamped schemes, else `null`. */
  timestamp: number | null;
  /** Index of the first configured secret that matched. */
  secretIndex: number;
}

/** The envelope, read by the core (`Verifier::envelope`) only when asked for.
 * Absent fields are `null` (or `undefined`: the JS layer treats both as absent). */
export interface EngineEnvelope {
  kind: string | null | undefined;
  eventId: string | null | undefined;
  eventIdSigned: boolean;
  tenant: string | null | undefined;
  idempotencyKey: string;
}

/** One verifier: a core `Verifier` (key state computed once, here). */
export interface EngineVerifier {
  /** The largest body accepted, in bytes (`Verifier::max_body`). */
  readonly maxBody: number;

  /**
   * The lowercase names of the only headers this verifier reads, signature
   * header first (`Verifier::header_names()`). Called once per verifier.
   */
  headerNames(): string[];

  /**
   * How many of `headerNames()` `verify` reads (`Verifier::verify_header_count()`):
   * the first 1 to 3 (signature, then timestamp and id). Called once per verifier.
   */
  verifyHeaderCount(): number;

  /**
   * Verifies `body` with the values of the first `verifyHeaderCount()` header
   * names, in that order.
   * `now` is unix seconds; when `undefined` the engine uses its own clock (an
   * engine without a clock throws `invalid_option` unless the tolerance is off).
   * The JS layer always passes `now`. Throws a core error (see "Errors").
   */
  verify(body: Uint8Array, values: (string | null)[], now?: number): EngineVerified;

  /**
   * The envelope of a delivery `verify` accepted, from the same body and the
   * values of every name of `headerNames()` (`Verifier::envelope`). Never throws
   * for any bytes.
   */
  envelope(body: Uint8Array, values: (string | null)[]): EngineEnvelope;

  /**
   * `Verifier::explain_at(headers, body, now)`: the core's diagnosis of a delivery, as
   * `Explanation::to_json()` gives it (`{"ok","code","message","findings"}`, docs/explain.md);
   * the JS layer parses it. Not on the hot path: `pairs` are every header of the
   * request, `[name, value]` with names as given (as for `detect`), the values turned
   * back into their wire bytes like `verify`'s. Never throws for any bytes.
   */
  explain(body: Uint8Array, pairs: [string, string][], now: number): string;
}

export interface EngineVerifierConstructor {
  /**
   * `Verifier::with_secrets`: each secret is a string (its UTF-8) or a Uint8Array (its
   * bytes), `Secret::new(bytes)`, and `.not_after(notAfter[i])` when `notAfter` is given
   * and `notAfter[i]` is not `NaN` (unix seconds, whole: the JS layer floors them).
   * `notAfter` is `undefined` when no secret has a limit, else as long as `secrets`.
   * Throws `unknown_scheme`, `invalid_secret` (no secret, an empty one, whitespace
   * around one, a bad standard-webhooks secret or key) or `invalid_option`.
   */
  new (scheme: SchemeId, secrets: (string | Uint8Array)[], options: EngineOptions, notAfter?: Float64Array): EngineVerifier;
}

/** The whole engine module. */
export interface Engine {
  Verifier: EngineVerifierConstructor;

  /**
   * `Signer::with_options(scheme, secret, options).sign_with_id(body, timestamp, id)`.
   * Returns `[name, value]` pairs: lowercase names, in the order id, timestamp,
   * signature. `timestamp` (unix seconds) and `id` may be `undefined`; the JS
   * layer passes the current time as `timestamp` when the user gives none.
   * Throws `unknown_scheme`, `invalid_secret` or `invalid_option`.
   */
  sign(
    scheme: SchemeId,
    secret: string,
    body: Uint8Array,
    timestamp: number | undefined,
    id: string | undefined,
    options: EngineOptions,
  ): [string, string][];

  /**
   * `hookseal::detect`: the scheme id whose signature header is present (and
   * non-empty) among `pairs`, or `null`. Not on the hot path, so the pairs are
   * every header of the request, names as given.
   */
  detect(pairs: [string, string][]): SchemeId | null;

  /** `hookseal::receive::CONTRACT_JSON`: the receive contract (docs/receiving.md). */
  receiveContract(): string;

  /** `hookseal::schemes_json()`: the scheme table, one row per scheme. */
  schemesTable(): string;

  /** `hookseal::MAX_HEADER_NAMES`: the most header names a verifier reads. */
  maxHeaderNames(): number;
}
