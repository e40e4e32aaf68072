// What a new user does: `npm pack`, install the tarball into an empty project (offline:
// the tarball holds the built addon and has no dependencies), then require() and import.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { here, wanted } from './helper.js';

const pkgDir = join(here, '..');
const work = mkdtempSync(join(tmpdir(), 'hookseal-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const SCRIPT = (load) => `
${load}
const body = '{"event_kind":"deal.won","delivery_id":"d_1","company_id":"c_9"}';
const headers = sign('saleslab', 'sl_secret', body);
const event = new Verifier('saleslab', { secrets: ['sl_secret'] }).verify(body, headers);
let code;
try { new Verifier('saleslab', { secrets: ['sl_secret'] }).verify('{}', headers); } catch (e) { code = e instanceof HooksealError && e.code; }
console.log(JSON.stringify({ engine, kind: event.kind, id: event.idempotencyKey, tenant: event.tenant, code,
  express: typeof webhook, fetch: typeof verifyRequest }));
`;

test('npm pack, install into an empty project, require and import', { skip: wanted !== 'native' && 'the tarball ships the native addon' }, () => {
  run('npm', ['pack', '--pack-destination', work, '--silent'], pkgDir);
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made no tarball');

  const app = join(work, 'app');
  run('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{ "name": "new-user-app", "private": true }\n');
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(work, tarball)], app);

  writeFileSync(
    join(app, 'cjs.cjs'),
    SCRIPT(`const { Verifier, HooksealError, sign, engine } = require('hookseal');
const { webhook } = require('hookseal/express'); const { verifyRequest } = require('hookseal/fetch');`),
  );
  writeFileSync(
    join(app, 'esm.mjs'),
    SCRIPT(`import { Verifier, HooksealError, sign, engine } from 'hookseal';
import { webhook } from 'hookseal/express'; import { verifyRequest } from 'hookseal/fetch';`),
  );
  const expected = { engine: 'native', kind: 'deal.won', id: 'd_1', tenant: 'c_9', code: 'signature_mismatch', express: 'function', fetch: 'function' };
  for (const file of ['cjs.cjs', 'esm.mjs']) {
    assert.deepEqual(JSON.parse(run('node', [file], app)), expected, file);
  }
});
