// Serves the worker over HTTP on 127.0.0.1:PORT, in workerd through miniflare (the same
// bundle and configuration as the test), until the process is killed. Used by the demo
// (scripts/demo.sh, through demo-receiver.sh).
//
//   node serve.mjs 8787

import { startWorkerd } from './build.mjs';

// The Worker secrets, from the variables every example reads (or the worker's own names).
const bindings = {
  SALESLAB_SECRET: process.env.SALESLAB_SECRET ?? process.env.SALESLAB_SIGNING_SECRET,
  SALESOS_SECRET: process.env.SALESOS_SECRET ?? process.env.SALESOS_WEBHOOK_SECRET,
  SALESBOOTH_SECRET: process.env.SALESBOOTH_SECRET ?? process.env.SALESBOOTH_WEBHOOK_SECRET,
  SALESCALING_TOKEN: process.env.SALESCALING_TOKEN,
};
const missing = Object.keys(bindings).filter((name) => !bindings[name]);
if (missing.length > 0) {
  console.error(`serve.mjs: set ${missing.join(', ')} (or the examples' names for them)`);
  process.exit(2);
}

const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
const mf = await startWorkerd(undefined, undefined, bindings, { port, host: '127.0.0.1' });
console.log(`edge worker (workerd) on ${await mf.ready}`);
// Miniflare keeps workerd running; stop it cleanly when the demo stops this process.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => mf.dispose().finally(() => process.exit(0)));
}
