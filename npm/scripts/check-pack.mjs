// `prepack`: refuses to pack a `hookseal` that would install broken. Every file the
// `exports` map names must exist (cjs/ and types/*.d.cts come from `npm run build:cjs`),
// the wasm engine (bindings/wasm/build.sh) must be there for both glues and load, and no
// addon may ride along: the native engines ship as @hookseal/<platform> packages.
// `node scripts/check-pack.mjs [PACKAGE_DIR]` (default: this package).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** Every file path in an `exports` value, however deeply nested in conditions. */
const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));

const WASM_ENGINE = ['web', 'node'].flatMap((glue) => [`wasm/${glue}/hookseal_wasm.js`, `wasm/${glue}/hookseal_wasm_bg.wasm`]);
const problems = [];
for (const file of [...new Set([...targets(pkg.exports), pkg.main, pkg.types, ...WASM_ENGINE])]) {
  if (!existsSync(join(dir, file))) problems.push(`missing ${file}`);
}
const addons = readdirSync(dir).filter((f) => f.endsWith('.node'));
if (addons.length && pkg.files?.some((f) => f.includes('.node'))) problems.push(`ships an addon: ${addons.join(', ')}`);
if (!problems.some((p) => p.includes('wasm/node/'))) {
  try {
    JSON.parse(createRequire(join(dir, 'package.json'))('./wasm/engine.cjs').schemesTable());
  } catch (e) {
    problems.push(`the wasm engine does not load: ${e.message}`);
  }
}
if (problems.length) {
  console.error(`hookseal cannot be packed (build it: npm run build && npm run build:wasm):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
// On stderr: `npm pack --json` prints its answer on stdout.
console.error(`${pkg.name} ${pkg.version}: every export, the wasm engine, no addon`);
