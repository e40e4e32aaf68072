// `import` of hookseal and every subpath from the installed package; prints the engine
// and the answers (deliveries.cjs) of the main entry and of hookseal/wasm.
import * as hookseal from 'hookseal';
import { webhook } from 'hookseal/express';
import { verifyRequest, withWebhook } from 'hookseal/fetch';
import { MemoryStore } from 'hookseal/stores';
import { createRouter } from 'hookseal/events';
import * as wasm from 'hookseal/wasm';
import deliveries from './deliveries.cjs';

console.log(JSON.stringify({
  engine: hookseal.engine,
  answers: deliveries.answers(hookseal),
  wasm: { engine: wasm.engine, answers: deliveries.answers(wasm) },
  subpaths: [typeof webhook, typeof verifyRequest, typeof withWebhook, typeof MemoryStore, typeof createRouter],
}));
