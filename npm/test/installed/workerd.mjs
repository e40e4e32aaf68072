// `node workerd.mjs WORKER_JS`: bundles the worker as wrangler does (esbuild, the
// `workerd` condition, the `.wasm` a separate module), runs it in workerd (miniflare,
// offline) and prints the answers to a signed and a tampered delivery. Runs from the
// folder that has esbuild and miniflare; `hookseal` resolves from the worker's project.
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

const entry = process.argv[2];
const outdir = mkdtempSync(join(tmpdir(), 'hookseal-worker-'));
await esbuild.build({
  entryPoints: { worker: entry },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  conditions: ['workerd', 'worker', 'browser'],
  mainFields: ['module', 'main'],
  loader: { '.wasm': 'copy' },
  logLevel: 'warning',
});
const mf = new Miniflare({
  modules: true,
  scriptPath: join(outdir, 'worker.js'),
  modulesRoot: outdir,
  modulesRules: [
    { type: 'ESModule', include: ['**/*.js'] },
    { type: 'CompiledWasm', include: ['**/*.wasm'] },
  ],
  compatibilityDate: '2026-04-01',
});
try {
  // Signed with the package's own `sign`, from the worker's project.
  const { sign } = createRequire(join(dirname(entry), 'package.json'))('hookseal');
  const body = '{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}';
  const headers = sign('saleslab', 'sl_secret', body);
  const post = async (b) => {
    const res = await mf.dispatchFetch('https://hooks.example/', { method: 'POST', headers, body: b });
    return [res.status, await res.json()];
  };
  console.log(JSON.stringify({ signed: await post(body), tampered: await post(body.replace('won', 'lost')) }));
} finally {
  await mf.dispose();
}
