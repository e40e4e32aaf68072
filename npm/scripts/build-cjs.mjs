// Builds the CommonJS entry points (cjs/) from the ESM sources (src/), file by file,
// so `require('hookseal')` and `import 'hookseal'` run the same code. Also gives each
// hand-written declaration file a .d.cts twin for `require` under node16 resolution.

import { transform } from 'esbuild';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const out = join(root, 'cjs');
const types = join(root, 'types');

await mkdir(out, { recursive: true });
await writeFile(join(out, 'package.json'), '{ "type": "commonjs" }\n');

// Subdirectories too (src/stores/), each mirrored under cjs/.
for (const name of await readdir(src, { recursive: true })) {
  if (!name.endsWith('.js')) continue;
  await mkdir(dirname(join(out, name)), { recursive: true });
  const code = await readFile(join(src, name), 'utf8');
  const usesMeta = code.includes('import.meta.url');
  const result = await transform(code, {
    format: 'cjs',
    platform: 'node',
    target: 'node18',
    sourcefile: name,
    // `import.meta.url` has no CommonJS meaning: give it this file's own URL.
    define: usesMeta ? { 'import.meta.url': '__hooksealFileUrl' } : undefined,
    banner: usesMeta ? 'const __hooksealFileUrl = require("node:url").pathToFileURL(__filename).href;' : undefined,
  });
  await writeFile(join(out, name), result.code);
}

for (const name of await readdir(types)) {
  if (name.endsWith('.d.ts')) await copyFile(join(types, name), join(types, name.replace(/\.d\.ts$/, '.d.cts')));
}
console.log('cjs/ built');
