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
  const problem = check(schema.defs[type], event.payload, schema.defs);
  if (problem) {
    const path = pathOf(problem.at);
    const err = new HooksealError('invalid_payload', `the ${event.kind} payload does not match its schema: ${path} ${problem.why}`);
    err.path = path;
    throw err;
  }
}

const REF = '#/$defs/';
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

/** The problem at `name` inside the value a problem was found in (paths grow leaf first). */
function inside(problem, name) {
  problem.at.push(name);
  return problem;
}

function hasType(value, type) {
  if (typeof type === 'string') return isType(value, type);
  for (const t of type) if (isType(value, t)) return true;
  return false;
}

/**
 * The first problem with `value` against `schema`, as `{at, why}` (`at`: the path's
 * names and indices, innermost first), or null. Nothing is built for a value that
 * passes: the path is made on the way out of a failure only. Messages say what was
 * expected, never what was there (a payload's values stay out of errors and logs).
 */
function check(schema, value, defs) {
  if (schema.$ref !== undefined) {
    const problem = check(defs[schema.$ref.slice(REF.length)], value, defs);
    if (problem) return problem;
  }
  if (schema.anyOf !== undefined) {
    let first = null;
    let passed = false;
    for (const branch of schema.anyOf) {
      const p = check(branch, value, defs);
      if (!p) {
        passed = true;
        break;
      }
      // A nullable field (`[{...}, {"type": "null"}]`): the non-null branch says what is wrong.
      if (first === null && branch.type !== 'null') first = p;
    }
    if (!passed) return schema.anyOf.length === 2 && first ? first : { at: [], why: 'matches none of the shapes allowed here' };
  }
  if (schema.type !== undefined && !hasType(value, schema.type)) {
    const types = [].concat(schema.type);
    return { at: [], why: `must be ${types.map(aType).join(' or ')}, not ${aType(typeName(value))}` };
  }
  if (schema.const !== undefined && !same(value, schema.const)) {
    return { at: [], why: `must be ${JSON.stringify(schema.const)}` };
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => same(value, e))) {
    return { at: [], why: `is not one of the ${schema.enum.length} values the schema allows` };
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const required = schema.required;
    if (required !== undefined) {
      for (const name of required) if (!Object.hasOwn(value, name)) return { at: [name], why: 'is missing' };
    }
    const props = schema.properties;
    const extra = schema.additionalProperties;
    if (extra === undefined || extra === true) {
      // Open: only the fields the schema names are checked, so walk those.
      if (props !== undefined) {
        for (const name in props) {
          if (!Object.hasOwn(value, name)) continue;
          const p = check(props[name], value[name], defs);
          if (p) return inside(p, name);
        }
      }
    } else {
      for (const name of Object.keys(value)) {
        if (props !== undefined && Object.hasOwn(props, name)) {
          const p = check(props[name], value[name], defs);
          if (p) return inside(p, name);
        } else if (extra === false) {
          return { at: [name], why: 'is not a field the schema allows' };
        } else {
          const p = check(extra, value[name], defs);
          if (p) return inside(p, name);
        }
      }
    }
  }
  if (schema.items !== undefined && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = check(schema.items, value[i], defs);
      if (p) return inside(p, i);
    }
  }
  return null;
}

/** `$.data.items[0]["odd name"]` from a problem's `at` (innermost first). */
function pathOf(at) {
  let path = '$';
  for (let i = at.length - 1; i >= 0; i--) path = typeof at[i] === 'number' ? `${path}[${at[i]}]` : field(path, at[i]);
  return path;
}
