// Serves edge-worker.js in workerd through miniflare on 127.0.0.1:PORT, bundled and
// started by examples/edge-worker/build.mjs (the example's test and serve.mjs do the
// same), until the process is killed. The bundle goes to OUT_DIR (outside the checkout).
//
//   PORT=… LOAD_SECRET=… node edge-worker.mjs OUT_DIR

import { fileURLToPath } from 'node:url';
import { startWorkerd } from '../../examples/edge-worker/build.mjs';

const entry = fileURLToPath(new URL('./edge-worker.js', import.meta.url));
const mf = await startWorkerd(entry, process.argv[2], { LOAD_SECRET: process.env.LOAD_SECRET }, {
  port: Number(process.env.PORT),
  host: '127.0.0.1',
});
console.log(`workerd on ${await mf.ready}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => mf.dispose().finally(() => process.exit(0)));
}
