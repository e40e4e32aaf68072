// The same deliveries through the same worker in Deno: the worker's `fetch` called
// directly, `hookseal/wasm` mapped by deno.json to the package's fetch-loading entry.
//   deno run --allow-read --config test/deno.json test/deno-check.js

import worker from '../src/worker.js';
import { check, ENV } from './deliveries.js';

const failures = await check((url, init) => worker.fetch(new Request(url, init), ENV));
if (failures.length > 0) {
  console.error(failures.join('\n'));
  Deno.exit(1);
}
console.log(`deno ${Deno.version.deno}: every delivery answered as expected`);
