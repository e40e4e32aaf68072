// Express on 127.0.0.1:PORT with one route per variant, in one process, so each variant
// is measured against the same server:
//   /none    no verification: the raw body (express.raw, as a receiver reads it), 204
//   /verify  hookseal/express webhook(verifier), 204
//   /store   webhook(verifier, { store: new MemoryStore() }), 204
//
//   PORT=… LOAD_SECRET=… node express.mjs

import { createRequire } from 'node:module';
import { Verifier } from '../../npm/src/index.js';
import { webhook } from '../../npm/src/express.js';
import { MemoryStore } from '../../npm/src/stores/node.js';

const express = createRequire(new URL('../../npm/package.json', import.meta.url))('express');
const verifier = new Verifier('saleslab', { secrets: [process.env.LOAD_SECRET] });
const done = (req, res) => res.sendStatus(204);

const app = express();
app.post('/none', express.raw({ type: '*/*', limit: verifier.maxBody }), done);
app.post('/verify', webhook(verifier), done);
app.post('/store', webhook(verifier, { store: new MemoryStore() }), done);
app.listen(Number(process.env.PORT), '127.0.0.1');
