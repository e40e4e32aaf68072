// A worker that fails to load: startWorkerd rejects with workerd's reason and stops the
// workerd it started, so a test's before hook that fails ends the run instead of hanging
// it. Run in a child process, whose exit is what is checked.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

test('a worker that fails to load rejects, and its workerd is stopped', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'hookseal-edge-'));
  try {
    const script = `
      import { startWorkerd } from ${JSON.stringify(here('../build.mjs'))};
      await startWorkerd(${JSON.stringify(here('./fixtures/fails-at-load.js'))}, ${JSON.stringify(outdir)})
        .then(() => console.log('started'), (e) => console.log('rejected', e.code));
    `;
    // The bound only turns a hang into a failure; the child ends in about a second.
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.signal, null, 'the process did not end by itself: workerd was left running');
    assert.equal(child.stdout.trim(), 'rejected ERR_RUNTIME_FAILURE');
    assert.match(child.stderr, /fails at load/);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
