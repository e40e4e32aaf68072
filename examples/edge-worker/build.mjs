// Bundles the worker as wrangler does (esbuild, the `workerd` export condition, the
// `.wasm` kept as a separate module that workerd compiles once): dist/worker.js.
//
//   node build.mjs      then   npx miniflare / wrangler deploy --no-bundle dist/worker.js

import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Where `hookseal/wasm` is for workerd. Until the package's `exports` name the subpath,
 * point at the package's workerd entry directly (the same file the export will name).
 */
const wasmEntry = {
  name: 'hookseal-wasm-entry',
  setup(build) {
    build.onResolve({ filter: /^hookseal\/wasm$/ }, async (args) => {
      if (args.pluginData === 'direct') return undefined; // the default resolution, below
      const viaExports = await build.resolve('hookseal/wasm', {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'direct',
      });
      if (viaExports.errors.length === 0) return viaExports;
      return { path: here('./node_modules/hookseal/wasm/workerd.js') };
    });
  },
};

export async function build(outdir = here('./dist')) {
  await esbuild.build({
    entryPoints: [here('./src/worker.js')],
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    loader: { '.wasm': 'copy' },
    plugins: [wasmEntry],
    logLevel: 'warning',
  });
  return outdir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await build();
  console.log(`built ${out}/worker.js`);
}
