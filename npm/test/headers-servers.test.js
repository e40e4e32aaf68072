// The header rule through real servers: every hostile row whose headers can travel on
// the wire (repeated signature headers, bytes above 0x7F, ...) is sent as raw bytes over
// a TCP socket to a real Express server (the middleware) and a real Node http server
// running the Fetch helper; both answer what the core's table says.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { webhook } from 'hookseal/express';
import { withWebhook } from 'hookseal/fetch';
import { hookseal, jsOptions, SCHEMES, vectorsDir } from './helper.js';
import { toRequest } from './node-request.js';

const { Verifier } = hookseal;

function expand(value) {
  if (typeof value === 'string') return Buffer.from(value);
  if ('b64' in value) return Buffer.from(value.b64, 'base64');
  if ('repeat' in value) return Buffer.concat(Array.from({ length: value.count }, () => expand(value.repeat)));
  return Buffer.concat(value.concat.map(expand));
}
const secretOf = (value) => (typeof value === 'string' ? value : new Uint8Array(expand(value)));

/** A row whose headers an HTTP/1.1 client can send as they are: no control bytes, no edge whitespace, small. */
function onTheWire(row) {
  if ((row.filler_headers ?? 0) > 100) return false;
  let size = 0;
  for (const [name, value] of row.headers) {
    const v = expand(value);
    size += v.length;
    if (!/^[a-z0-9-]+$/i.test(name) || v.length === 0) return false;
    if (v.some((b) => (b < 0x20 && b !== 0x09) || b === 0x7f)) return false;
    if (v[0] === 0x20 || v[0] === 0x09 || v.at(-1) === 0x20 || v.at(-1) === 0x09) return false;
  }
  return size < 8 * 1024 && expand(row.body).length <= 2 * 1024 * 1024;
}

const ROWS = readdirSync(join(vectorsDir, 'hostile'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(join(vectorsDir, 'hostile', f), 'utf8')))
  .filter(onTheWire);
const TAKE_TOLERANCE = SCHEMES.filter((s) => s.options.includes('tolerance')).map((s) => s.id);
const verifiers = ROWS.map((row) => {
  const options = { secrets: row.secrets.map(secretOf), toleranceSeconds: 'off' };
  Object.assign(options, jsOptions(row.options));
  if (!TAKE_TOLERANCE.includes(row.scheme) || row.options?.tolerance !== undefined) {
    delete options.toleranceSeconds;
  }
  try {
    return new Verifier(row.scheme, options);
  } catch (e) {
    return e;
  }
});

/** The row's request as raw HTTP/1.1 bytes. */
function rawRequest(row, path) {
  const body = expand(row.body);
  const lines = [`POST ${path} HTTP/1.1`, 'Host: 127.0.0.1', `Content-Length: ${body.length}`, 'Connection: close'];
  for (let i = 0; i < (row.filler_headers ?? 0); i++) lines.push(`x-filler-${i}: v`);
  const head = Buffer.concat([
    Buffer.from(lines.join('\r\n') + '\r\n'),
    ...row.headers.map(([name, value]) => Buffer.concat([Buffer.from(`${name}: `), expand(value), Buffer.from('\r\n')])),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([head, body]);
}

async function send(port, bytes) {
  const socket = connect(port, '127.0.0.1');
  socket.end(bytes);
  const chunks = [];
  socket.on('data', (c) => chunks.push(c));
  await once(socket, 'close');
  const text = Buffer.concat(chunks).toString('latin1');
  const status = Number(text.slice(9, 12));
  return { status, json: JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4) || 'null') };
}

function expected(row) {
  return row.expect.ok ? { status: 200, error: undefined } : { status: hookseal.ERROR_STATUS[row.expect.error], error: row.expect.error };
}

const servers = {};
before(async () => {
  const app = express();
  app.post('/row/:i', (req, res, next) => webhook(verifiers[req.params.i], { now: () => ROWS[req.params.i].now })(req, res, next), (req, res) =>
    res.json({ ok: true }),
  );
  const fetchServer = createServer(async (req, res) => {
    const i = Number(req.url.split('/')[2]);
    const route = withWebhook(verifiers[i], () => Response.json({ ok: true }));
    const response = await route(toRequest(req));
    const bytes = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': bytes.length });
    res.end(bytes);
  });
  for (const [name, server] of [['express', createServer(app)], ['fetch', fetchServer]]) {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    servers[name] = server;
  }
});
after(() => Object.values(servers).forEach((s) => s.close()));

describe('hostile rows through real servers', () => {
  test('the rows of repeats and non-ASCII bytes are present', () => {
    assert.ok(ROWS.some((r) => r.name.includes('repeated')), 'no repeated-header rows');
    assert.ok(ROWS.some((r) => r.name.includes('not UTF-8')), 'no latin-1 token row');
  });
  ROWS.forEach((row, i) => {
    if (verifiers[i] instanceof Error) return;
    for (const name of ['express', 'fetch']) {
      // The Fetch helper reads the clock itself: only rows without a timestamp check.
      if (name === 'fetch' && row.now && TAKE_TOLERANCE.includes(row.scheme)) continue;
      test(`${name}: ${row.name}`, async () => {
        const got = await send(servers[name].address().port, rawRequest(row, `/row/${i}`));
        const want = expected(row);
        assert.equal(got.status, want.status, JSON.stringify(got.json));
        assert.equal(got.json?.error, want.error);
      });
    }
  });
});
