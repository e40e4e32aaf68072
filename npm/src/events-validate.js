// Checks an event's payload against its kind's schema (core/events/, the keywords listed
// in docs/events.md: type, properties, required, additionalProperties, items, enum,
// const, local $ref, anyOf; format and description are informative). The schemas come
// from `useSchemas` (hookseal/events, and the Node entry, give them; an edge bundle
// carries them only when it imports hookseal/events). No Node built-ins.

import { HooksealError } from './errors.js';

let tables = null;
const parsed = new Map();

/** Gives the validator its schemas: `{provider: JSON text of {kinds, defs}}` (events-schemas.js). */
export function useSchemas(table) {
  tables = table;
  parsed.clear();
}

/** `{kinds, defs}` for `provider`, or null when it has no schemas (stripe, github, ...). */
export function schemaOf(provider) {
  if (tables === null) return null;
  let s = parsed.get(provider);
  if (s === undefined) {
    s = Object.hasOwn(tables, provider) ? JSON.parse(tables[provider]) : null;
    parsed.set(provider, s);
  }
  return s;
}

/** The providers with schemas, in the schemas' order. */
export function providers() {
  return tables === null ? [] : Object.keys(tables);
}

/**
 * Throws HooksealError `invalid_payload` naming the first JSON path where `event.payload`
 * breaks its kind's schema. A kind the schema does not list, or a provider without
 * schemas, is never an error: there is nothing to check it against.
 * @param {string} provider the scheme id
 * @param {{kind: string | null, payload: unknown}} event
 */
export function checkEvent(provider, event) {
  if (tables === null) {
    throw new TypeError(
      "validating an event needs the event schemas, which hookseal/events carries: import 'hookseal/events' once " +
        '(the `hookseal` entry in Node loads them; an edge bundle has them only when it imports hookseal/events)',
    );
  }
  const schema = schemaOf(provider);
  const type = schema && event.kind !== null && Object.hasOwn(schema.kinds, event.kind) ? schema.kinds[event.kind] : null;
  if (type === null) return;
  const problem = check(schema.defs[type], event.payload, '$', schema.defs);
  if (problem) {
    const err = new HooksealError('invalid_payload', `the ${event.kind} payload does not match its schema: ${problem.path} ${problem.why}`);
    err.path = problem.path;
    throw err;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// A name from the body is shown only as far as this (it is input, not a value we check).
const MAX_NAME = 64;
const field = (path, name) =>
  IDENTIFIER.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name)}]`;

function typeName(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** `a string`, `an object`, `null`. */
const aType = (t) => (t === 'null' ? 'null' : `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`);

function isType(v, t) {
  switch (t) {
    case 'object':
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'null':
      return v === null;
    default:
      return typeof v === t;
  }
}

/** JSON equality (for const and enum). */
function same(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

/**
 * The first problem with `value` at `path` against `schema`, as `{path, why}`, or null.
 * Messages say what was expected, never what was there (a payload's values stay out of
 * errors and logs).
 */
function check(schema, value, path, defs) {
  if (schema.$ref !== undefined) {
    const problem = check(defs[schema.$ref.slice('#/$defs/'.length)], value, path, defs);
    if (problem) return problem;
  }
  if (schema.anyOf !== undefined) {
    const problems = [];
    for (const branch of schema.anyOf) {
      const p = check(branch, value, path, defs);
      if (!p) {
        problems.length = 0;
        break;
      }
      problems.push(p);
    }
    if (problems.length) {
      // A nullable field (`[{...}, {"type": "null"}]`): the non-null branch says what is wrong.
      const real = problems.filter((_, i) => schema.anyOf[i].type !== 'null');
      if (real.length === 1 && value !== null) return real[0];
      return { path, why: 'matches none of the shapes allowed here' };
    }
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => isType(value, t))) {
      return { path, why: `must be ${types.map(aType).join(' or ')}, not ${aType(typeName(value))}` };
    }
  }
  if (schema.const !== undefined && !same(value, schema.const)) {
    return { path, why: `must be ${JSON.stringify(schema.const)}` };
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => same(value, e))) {
    return { path, why: `is not one of the ${schema.enum.length} values the schema allows` };
  }
  if (isType(value, 'object')) {
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name)) return { path: field(path, name), why: 'is missing' };
    }
    const props = schema.properties ?? {};
    for (const name of Object.keys(value)) {
      if (Object.hasOwn(props, name)) {
        const p = check(props[name], value[name], field(path, name), defs);
        if (p) return p;
      } else if (schema.additionalProperties === false) {
        return { path: field(path, name), why: 'is not a field the schema allows' };
      } else if (typeof schema.additionalProperties === 'object') {
        const p = check(schema.additionalProperties, value[name], field(path, name), defs);
        if (p) return p;
      }
    }
  }
  if (schema.items !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = check(schema.items, value[i], `${path}[${i}]`, defs);
      if (p) return p;
    }
  }
  return null;
}
