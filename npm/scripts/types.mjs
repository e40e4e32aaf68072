// The TypeScript unions that mirror the core's tables, written into types/index.d.ts:
// `Scheme` (the ids of the scheme table, `schemesTable()`) and `ErrorCode` (the codes of
// the receive contract's replies, which list every code). `node scripts/types.mjs`
// rewrites them from the engine; test/types-tables.test.js fails while they differ.
// (`npm run build:cjs` copies index.d.ts to index.d.cts.)

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DECLARATIONS = fileURLToPath(new URL('../types/index.d.ts', import.meta.url));

/** What each union must hold, from `engine`'s tables. */
export function tableUnions(engine) {
  return {
    Scheme: JSON.parse(engine.schemesTable()).map((row) => row.id),
    ErrorCode: Object.keys(JSON.parse(engine.receiveContract()).replies),
  };
}

const union = (name) => new RegExp(`(export type ${name} =\\n)((?:  \\| '[^']*'\\n?)+);`);

/** The members `export type NAME = | 'a' | 'b';` declares in `text`, in order. */
export function declaredUnion(text, name) {
  const found = union(name).exec(text);
  if (!found) throw new Error(`no \`export type ${name} =\` union of string literals in types/index.d.ts`);
  return [...found[2].matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

/** `text` with the union `name` holding `members`. */
export function withUnion(text, name, members) {
  return text.replace(union(name), (_, head) => head + members.map((m) => `  | '${m}'`).join('\n') + ';');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadEngine } = await import('../src/load.js');
  let text = readFileSync(DECLARATIONS, 'utf8');
  for (const [name, members] of Object.entries(tableUnions(loadEngine().engine))) {
    text = withUnion(text, name, members);
  }
  writeFileSync(DECLARATIONS, text);
  console.log('types/index.d.ts: Scheme and ErrorCode written from the core tables');
}
