// A delivery that passed verification. The envelope is read by the core only when a
// field of it is first read, and the JSON only when json() is first called.

import { HooksealError } from './errors.js';
import { checkEvent } from './events-validate.js';
import { headerValues } from './headers.js';

const decoder = new TextDecoder();

/**
 * What `verifier.verify` returns: facts about a genuine delivery.
 *
 * @example
 * const event = verifier.verify(req.body, req.headers);
 * if (await seen(event.idempotencyKey)) return;   // a retry
 * handle(event.kind, event.json());
 */
export class Verified {
  #engine;
  #values;
  #rest;
  #headers;
  #envelope;
  #json;
  #parsed = false;
  #event;

  /** @internal Made by `Verifier.verify`, not by users. */
  constructor(scheme, body, result, engine, values, rest, headers) {
    /** The scheme id that verified it. */
    this.scheme = scheme;
    /** The raw body, exactly as verified. */
    this.body = body;
    /** The signed timestamp (unix seconds) of timestamped schemes, else null. */
    this.timestamp = result.timestamp ?? null;
    /** Which configured secret matched (0 for the first). */
    this.secretIndex = result.secretIndex;
    this.#engine = engine;
    this.#values = values;
    this.#rest = rest;
    this.#headers = headers;
  }

  #env() {
    // One engine call, on first use, for all envelope fields. verify read only the
    // values it needs; those of the envelope-only names (`rest`) are looked up now, in
    // the same headers (so a handler that never reads the envelope never pays for them).
    if (this.#envelope === undefined) {
      const rest = this.#rest;
      const values = rest.length === 0 ? this.#values : this.#values.concat(headerValues(this.#headers, rest));
      this.#envelope = this.#engine.envelope(this.body, values);
      this.#headers = undefined;
    }
    return this.#envelope;
  }

  /** The event kind (`deal.won`, ...), or null. */
  get kind() {
    return this.#env().kind ?? null;
  }

  /** The provider's event or delivery id, or null. */
  get eventId() {
    return this.#env().eventId ?? null;
  }

  /** Whether eventId was covered by the signature (false when it came from an unsigned header). */
  get eventIdSigned() {
    return this.#env().eventIdSigned;
  }

  /** The provider's tenant (company, account) id, or null. */
  get tenant() {
    return this.#env().tenant ?? null;
  }

  /** The key to de-duplicate on: the signed event id, else the hex SHA-256 of the body. */
  get idempotencyKey() {
    return this.#env().idempotencyKey;
  }

  /** The body as UTF-8 text. */
  text() {
    return decoder.decode(this.body);
  }

  /** The body parsed with JSON.parse, once; throws SyntaxError when it is not JSON. */
  json() {
    if (!this.#parsed) {
      this.#json = JSON.parse(this.text());
      this.#parsed = true;
    }
    return this.#json;
  }

  /**
   * The typed event: `{kind, payload}`, the kind the envelope gives and the body parsed
   * once (`json()`'s value). A kind the provider's schema does not list, or a scheme
   * without schemas, gives the same shape, never an error. `{validate: true}` checks the
   * payload against its kind's schema (docs/events.md).
   * @param {{validate?: boolean}} [options]
   * @returns {{kind: string | null, payload: unknown}}
   * @throws HooksealError `invalid_payload` (400) when the body is not JSON, or with
   *   `validate` when it breaks the schema; its message and `path` name where.
   */
  event(options) {
    if (this.#event === undefined) {
      let payload;
      try {
        payload = this.json();
      } catch (e) {
        if (!(e instanceof SyntaxError)) throw e;
        // JSON.parse's own message quotes the body: not ours to repeat.
        const err = new HooksealError('invalid_payload', 'the body ($) is not JSON');
        err.path = '$';
        throw err;
      }
      this.#event = { kind: this.kind, payload };
    }
    if (options?.validate) checkEvent(this.scheme, this.#event);
    return this.#event;
  }

  /** Every field but the body (for logs). */
  toJSON() {
    const { scheme, kind, eventId, eventIdSigned, tenant, timestamp, idempotencyKey, secretIndex } = this;
    return { scheme, kind, eventId, eventIdSigned, tenant, timestamp, idempotencyKey, secretIndex };
  }
}
