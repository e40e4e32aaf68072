// What `npm pack` makes of this package: no addon (the native engines are the
// @hookseal/<platform> packages), the wasm engine inside, and a package that installs
// into an empty project offline (it has no dependencies) and runs on the wasm engine
// there, through require() and import. The prepack check refuses a package without the
// wasm engine. The install from a registry with the platform packages is
// scripts/ci/packages/npm.sh.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { here } from './helper.js';

const pkgDir = join(here, '..');
// scripts/ci/wasm.sh builds it (and runs this suite again); node.sh runs before it.
const skip = !existsSync(join(pkgDir, 'wasm', 'web', 'hookseal_wasm_bg.wasm')) && 'no wasm engine built (scripts/ci/wasm.sh)';
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

test('npm pack: no addon, the wasm engine; installed offline it runs on wasm, require and import', { skip }, () => {
  const listing = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--silent'], pkgDir))[0].files.map((f) => f.path);
  assert.deepEqual(listing.filter((f) => f.endsWith('.node')), [], 'the tarball carries an addon');
  for (const glue of ['web', 'node']) assert.ok(listing.includes(`wasm/${glue}/hookseal_wasm_bg.wasm`), `no wasm/${glue} engine`);

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
  const expected = { engine: 'wasm', kind: 'deal.won', id: 'd_1', tenant: 'c_9', code: 'signature_mismatch', express: 'function', fetch: 'function' };
  for (const file of ['cjs.cjs', 'esm.mjs']) {
    assert.deepEqual(JSON.parse(run('node', [file], app)), expected, file);
  }
});

test('prepack refuses a package without the wasm engine', { skip }, () => {
  const copy = join(work, 'no-wasm');
  for (const entry of ['package.json', 'binding.cjs', 'src', 'cjs', 'types', 'wasm']) {
    cpSync(join(pkgDir, entry), join(copy, entry), { recursive: true });
  }
  rmSync(join(copy, 'wasm', 'web'), { recursive: true });
  const check = spawnSync(process.execPath, [join(pkgDir, 'scripts', 'check-pack.mjs'), copy], { encoding: 'utf8' });
  assert.equal(check.status, 1, check.stdout + check.stderr);
  assert.match(check.stderr, /missing wasm\/web\/hookseal_wasm_bg\.wasm/);
  const whole = spawnSync(process.execPath, [join(pkgDir, 'scripts', 'check-pack.mjs')], { encoding: 'utf8' });
  assert.equal(whole.status, 0, whole.stdout + whole.stderr);
});
