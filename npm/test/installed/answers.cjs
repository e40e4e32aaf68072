// `require` of hookseal and every subpath from the installed package: what answers.mjs
// prints, through the CommonJS entries.
const hookseal = require('hookseal');
const { webhook } = require('hookseal/express');
const { verifyRequest, withWebhook } = require('hookseal/fetch');
const { MemoryStore } = require('hookseal/stores');
const { createRouter } = require('hookseal/events');
const wasm = require('hookseal/wasm');
const { answers } = require('./deliveries.cjs');

console.log(JSON.stringify({
  engine: hookseal.engine,
  answers: answers(hookseal),
  wasm: { engine: wasm.engine, answers: answers(wasm) },
  subpaths: [typeof webhook, typeof verifyRequest, typeof withWebhook, typeof MemoryStore, typeof createRouter],
}));
