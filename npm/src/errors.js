// HooksealError. Its codes and statuses are the core's reply table (contract.js), never
// spelled here. Shared by every engine and every entry point: no Node built-ins here,
// so the same file runs in edge runtimes.

import { ERROR_STATUS, replyOf } from './contract.js';

export { ERROR_STATUS };

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
   * @param {string} [message] a human explanation (default: the table's)
   */
  constructor(code, message) {
    const row = replyOf(code) ?? replyOf('internal');
    super(message ?? row.message);
    this.name = 'HooksealError';
    this.code = code;
    this.status = row.status;
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
  if (code !== undefined && replyOf(code)) return new HooksealError(code, e.message);
  if (e instanceof Error && !(e instanceof TypeError)) {
    // An engine must only throw core codes; anything else is an engine bug, still typed.
    return new HooksealError('internal', `engine error: ${e.message}`);
  }
  return e;
}
