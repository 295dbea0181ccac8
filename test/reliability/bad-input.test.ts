// Bad input (issue 9) on the memory store and through the armsgraph binary: each malformed seed set or SIPRI export fails with file:line: field: message and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/index.js';
import { removeGenerated } from '../fixtures/bad/cases.js';
import { armsgraph, badCase, describeBadInput, generatedDir } from './bad-input.suite.js';

describeBadInput('memory', { open: async () => new MemoryStore(), generated: generatedDir('memory') });

describe('armsgraph on bad input (memory store)', () => {
  const generated = generatedDir('cli-memory');
  const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

  beforeAll(async () => {
    await removeGenerated(generated);
    await badCase('seeds/sparse-file (3 GiB)', generated).generate!();
  });
  afterAll(() => removeGenerated(generated));

  it('validate DIR prints every issue as file:line: field: message on stdout and exits 1', async () => {
    const c = badCase('seeds/family-cycle-across-files');
    const result = await armsgraph('--store', 'memory', 'validate', c.path);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      c.first,
      'test/fixtures/bad/seeds/family-cycle-across-files/seed.yaml:23: systems[0].family: system families form a cycle: system:widget → system:gizmo → system:widget',
      'test/fixtures/bad/seeds/family-cycle-across-files/seed.yaml:27: systems[1].family: system families form a cycle: system:widget-mk2 → system:widget → system:gizmo → system:widget',
    ]);
    expect(result.stderr).toBe('armsgraph: 3 error(s) in test/fixtures/bad/seeds/family-cycle-across-files\n');
  });

  it('--seeds DIR load fails with the issues on stderr, exit 1, no stack trace — also for inputs that used to crash', async () => {
    for (const c of [badCase('seeds/duplicate-id-across-files'), badCase('seeds/yaml-alias-bomb'), badCase('seeds/sparse-file (3 GiB)', generated), badCase('seeds/utf16le-bom')]) {
      const result = await armsgraph('--store', 'memory', '--seeds', c.path, 'load');
      expect(result.code, c.name).toBe(1);
      expect(result.stderr, c.name).toBe(`armsgraph: 1 validation error:\n  ${c.first as string}\n`);
      expect(result.stdout, c.name).toBe('');
    }
  });

  it('import sipri FILE fails with the issue on stderr, exit 1, no stack trace', async () => {
    for (const c of [badCase('sipri/truncated-row.csv'), badCase('sipri/latin1-designation.csv'), badCase('sipri/unclosed-quote.csv'), badCase('sipri/header-only.csv')]) {
      const result = await armsgraph('--store', 'memory', 'import', 'sipri', c.path);
      expect(result.code, c.name).toBe(1);
      expect(result.stderr, c.name).toBe(`armsgraph: 1 validation error:\n  ${c.first as string}\n`);
      noStackTrace(result.stderr);
    }
  });

  it('a bad seed directory stops import sipri before the export is read', async () => {
    const c = badCase('seeds/quote-not-in-source');
    const result = await armsgraph('--store', 'memory', '--seeds', c.path, 'import', 'sipri', 'test/fixtures/sipri/excerpt.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`armsgraph: 1 validation error:\n  ${c.first as string}\n`);
  });
});
