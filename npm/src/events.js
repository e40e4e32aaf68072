// `hookseal/events`: the typed events of the providers with schemas (core/events/),
// the router by kind, and the validator. The types are in types/events*.d.ts; at run
// time an event is `verified.event()`. No Node built-ins: edge bundles import it too,
// and it is what gives them the schemas (`event({ validate: true })` needs them).

import './events-schemas.js';
import { checkEvent, providers, schemaOf } from './events-validate.js';

export { createRouter } from './router.js';

/**
 * The kinds `provider`'s schema lists, in its order (an empty array for a scheme
 * without schemas).
 * @param {string} provider
 * @returns {string[]}
 */
export function eventKinds(provider) {
  const schema = schemaOf(provider);
  return schema === null ? [] : Object.keys(schema.kinds);
}

/** The providers with schemas (salesbooth, salescaling, saleslab, salesos). */
export const PROVIDERS = Object.freeze(providers());

/**
 * Checks `event` (`verified.event()`) against its kind's schema in `provider`'s
 * schemas; what `verified.event({ validate: true })` does.
 * @throws HooksealError `invalid_payload`, its message and `path` naming where
 */
export function validateEvent(provider, event) {
  checkEvent(provider, event);
  return event;
}
