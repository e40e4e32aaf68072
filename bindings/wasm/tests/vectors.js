// Loading the shared vectors (core/vectors/*.json, core/vectors/hostile/*.json and
// core/vectors/rotation/*.json) and turning a case into the engine's arguments: options as
// name and value texts, header values in `headerNames()` order, body bytes.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const vectors = join(dirname(fileURLToPath(import.meta.url)), '../../../core/vectors');

/** Every case of every `*.json` file in `dir`, tagged with its file name. */
function load(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).map((c) => ({ ...c, file: f })));
}

export const cases = () => load(vectors);
export const hostileCases = () => load(join(vectors, 'hostile'));
/** core/vectors/rotation/ (secrets with a rotation window), or none where it is absent. */
export const rotationCases = () => (existsSync(join(vectors, 'rotation')) ? load(join(vectors, 'rotation')) : []);

/**
 * A vector's options as the engine takes them: the core's names (which the vectors use)
 * and each value as text, alternating (npm/src/engine.d.ts, `EngineOptions`).
 */
export function engineOptions(options = {}) {
  return Object.entries(options).flatMap(([name, value]) => [name, String(value)]);
}

/**
 * The value of each of `names` among `pairs` (names compared case-insensitively): a
 * repeated header is one value, its trimmed values joined with ", " (docs/receiving.md).
 */
export function valuesFor(names, pairs) {
  return names.map((name) => {
    const found = pairs.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    if (found.length <= 1) return found[0] ?? null;
    return found.map((v) => v.replace(/^[ \t]+|[ \t]+$/g, '')).join(', ');
  });
}

/** A hostile VALUE (`"text"`, `{b64}`, `{repeat, count}`, `{concat}`) as bytes. */
export function expand(value) {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  if (value.b64 !== undefined) return Buffer.from(value.b64, 'base64');
  if (value.repeat !== undefined) return Buffer.from(expandText(value.repeat).repeat(value.count), 'latin1');
  return Buffer.concat(value.concat.map(expand));
}

/** A hostile VALUE as a header string, each byte one character, as Node's HTTP parser reads it. */
export function expandText(value) {
  return typeof value === 'string' ? value : expand(value).toString('latin1');
}
