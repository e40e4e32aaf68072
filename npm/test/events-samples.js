// Sample deliveries for every kind of every provider, made from the core's schemas
// (core/events/): every property filled (required and optional), each value the first
// its schema allows, so a sample exercises every field the types and the validator know.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { here } from './helper.js';

export const eventsDir = join(here, '..', '..', 'core', 'events');

/** The schemas, by provider. */
export const SCHEMAS = Object.fromEntries(
  readdirSync(eventsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(eventsDir, f), 'utf8')))
    .map((s) => [s['x-provider'], s]),
);

const FORMATS = {
  'date-time': '2026-03-15T14:30:00Z',
  date: '2026-03-15',
  uuid: '880e8400-e29b-41d4-a716-446655440000',
  uri: 'https://example.test/x',
  email: 'rep@example.test',
};

/**
 * The core's own sample of every kind (core/events/samples/<provider>.json, what
 * `hookseal send` sends and every runtime's suite reads): `{provider: {kind: payload}}`.
 */
export const CORE_SAMPLES = Object.fromEntries(
  Object.keys(SCHEMAS).map((p) => [p, JSON.parse(readFileSync(join(eventsDir, 'samples', `${p}.json`), 'utf8'))]),
);

/** A value `schema` accepts, with every property it names. */
export function sampleOf(schema, defs, seen = new Set()) {
  if (schema.$ref) {
    const name = schema.$ref.slice('#/$defs/'.length);
    if (seen.has(name)) return {};
    return sampleOf(defs[name], defs, new Set([...seen, name]));
  }
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], defs, seen);
  const type = [].concat(schema.type ?? (schema.properties ? 'object' : 'string')).find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, sampleOf(s, defs, seen)]));
    case 'array':
      return schema.items ? [sampleOf(schema.items, defs, seen)] : [];
    case 'string':
      return FORMATS[schema.format] ?? 'sample';
    case 'integer':
      return 7;
    case 'number':
      return 7.5;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** `{provider, kind, type, payload}` for every kind of every provider. */
export function samples() {
  return Object.values(SCHEMAS).flatMap((schema) =>
    schema['x-events'].map((e) => ({
      provider: schema['x-provider'],
      kind: e.kind,
      type: e.type,
      payload: sampleOf(schema.$defs[e.type], schema.$defs),
    })),
  );
}

/**
 * Every leaf the schema types (a path into the sample and the schema that types it), so
 * a test can break each kind's payload somewhere the schema speaks.
 */
export function typedLeaves(schema, defs, path = [], seen = new Set()) {
  if (schema.$ref) {
    const name = schema.$ref.slice('#/$defs/'.length);
    if (seen.has(name)) return [];
    return typedLeaves(defs[name], defs, path, new Set([...seen, name]));
  }
  if (schema.properties) {
    return Object.entries(schema.properties).flatMap(([k, s]) => typedLeaves(s, defs, [...path, k], seen));
  }
  if (schema.type && schema.type !== 'object' && schema.type !== 'array' && !schema.anyOf) return [{ path, schema }];
  if ('const' in schema || schema.enum) return [{ path, schema }];
  return [];
}
