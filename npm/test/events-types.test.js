// The typed events under `tsc --strict`: test/types/events-user.{mts,cts} (what a user
// writes, and the mistakes it must reject), and a file written here from the schemas
// that switches over every kind of every provider, reads each payload as its kind's
// type, and proves the switch exhaustive (what is left in `default` is the generic form).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { here } from './helper.js';
import { SCHEMAS } from './events-samples.js';

const prefixOf = (schema) => schema.title.replace(/ webhook events$/, '');

/** One function per provider: a case per kind, its payload assigned to its type. */
export function switchSource() {
  const names = [];
  const fns = Object.values(SCHEMAS).map((schema) => {
    const provider = schema['x-provider'];
    const prefix = prefixOf(schema);
    const cases = schema['x-events'].map(({ kind, type }) => {
      names.push(`${prefix}${type}`);
      // The field that carries the kind, typed as that kind's literal.
      const def = schema.$defs[type];
      const field = Object.entries(def.properties ?? {}).find(([, s]) => s.const === kind)?.[0];
      const optional = field && !(def.required ?? []).includes(field) ? ' | undefined' : '';
      const check = field ? ` const k: ${JSON.stringify(kind)}${optional} = p[${JSON.stringify(field)}];` : ' const k = p;';
      return `    case ${JSON.stringify(kind)}: { const p: ${prefix}${type} = event.payload;${check} return [k]; }`;
    });
    return [
      `export function ${provider}(verified: Verified<'${provider}'>): unknown[] {`,
      '  const event = verified.event();',
      '  switch (event.kind) {',
      ...cases,
      '    default: { const generic: UnknownEvent = event; return [generic.kind === null ? null : String(generic.kind)]; }',
      '  }',
      '}',
    ].join('\n');
  });
  return [
    "import type { Verified } from 'hookseal';",
    `import type { UnknownEvent, ${names.join(', ')} } from 'hookseal/events';`,
    '',
    ...fns,
    '',
  ].join('\n');
}

test('tsc --strict: a switch over every kind of every provider, and the user files', () => {
  const dir = mkdtempSync(join(here, 'types', 'tmp-events-'));
  try {
    writeFileSync(join(dir, 'every-kind.mts'), switchSource());
    const files = ['every-kind.mts', '../events-user.mts', '../events-user.cts'];
    const compilerOptions = {
      module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'],
      types: [], strict: true, noEmit: true, skipLibCheck: false,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
    const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a switch missing a kind does not compile: its payload would reach the generic form', () => {
  const source = switchSource().replace(/\n {4}case "deal\.won":[^\n]*/, '');
  assert.notEqual(source, switchSource());
  const dir = mkdtempSync(join(here, 'types', 'tmp-events-'));
  try {
    writeFileSync(join(dir, 'missing.mts'), source);
    const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [], strict: true, noEmit: true, skipLibCheck: true };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['missing.mts'] }));
    const tsc = join(here, '..', 'node_modules', 'typescript', 'bin', 'tsc');
    assert.throws(
      () => execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' }),
      (e) => (/missing\.mts.*error TS2322.*"deal\.won"/s.test(e.stdout) ? true : assert.fail(e.stdout)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
