// HooksealError and the table of codes. Shared by every engine and every entry point:
// no Node built-ins here, so the same file runs in edge runtimes.

/**
 * Every code a `HooksealError` can carry, with the HTTP status a webhook receiver
 * answers with (SPEC §3). The first eleven are the core's `ErrorCode::ALL`; the last
 * two are raised on the JS side: a body a framework already parsed, and a bug.
 */
export const ERROR_STATUS = Object.freeze({
  payload_too_large: 413,
  missing_signature: 400,
  malformed_signature: 400,
  missing_timestamp: 400,
  malformed_timestamp: 400,
  timestamp_too_old: 400,
  timestamp_too_new: 400,
  signature_mismatch: 401,
  invalid_secret: 500,
  unknown_scheme: 500,
  invalid_option: 500,
  body_already_parsed: 500,
  internal_error: 500,
});

/**
 * Why a webhook was rejected, or why a verifier could not be built.
 * `code` is stable across runtimes; `status` is the HTTP status to answer with.
 * The message never contains a secret.
 *
 * @example
 * try { verifier.verify(body, headers) } catch (e) {
 *   if (e instanceof HooksealError) res.status(e.status).json({ error: e.code })
 * }
 */
export class HooksealError extends Error {
  /**
   * @param {string} code one of the keys of ERROR_STATUS
   * @param {string} message a human explanation
   */
  constructor(code, message) {
    super(message);
    this.name = 'HooksealError';
    this.code = code;
    this.status = ERROR_STATUS[code] ?? 500;
  }

  /** The JSON body middleware answers with: `{error: code, message}`. */
  toJSON() {
    return { error: this.code, message: this.message };
  }
}

/**
 * Turns what an engine threw into a `HooksealError` (see engine.d.ts, "Errors").
 * Anything else (a TypeError from the JS side) is returned unchanged.
 */
export function fromEngine(e) {
  if (e instanceof HooksealError) return e;
  const code = e && typeof e.code === 'string' ? e.code : undefined;
  if (code !== undefined && Object.hasOwn(ERROR_STATUS, code)) {
    return new HooksealError(code, e.message);
  }
  if (e instanceof Error && !(e instanceof TypeError)) {
    // An engine must only throw core codes; anything else is an engine bug, still typed.
    return new HooksealError('internal_error', `engine error: ${e.message}`);
  }
  return e;
}
