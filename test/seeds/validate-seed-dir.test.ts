// Seed validation: every error names file, line and field, says what was expected, and all are reported at once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeedDir, validateSeedDir } from '../../src/seeds/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/seeds');
const bad = (name: string) => path.join(FIXTURES, 'bad', name);

async function issuesOf(name: string) {
  const result = await validateSeedDir(bad(name));
  expect(result.dataset).toBeUndefined();
  return result.issues.map((i) => ({ ...i, file: path.basename(i.file) }));
}

describe('validateSeedDir', () => {
  it('rejects a directory that does not exist', async () => {
    const result = await validateSeedDir(path.join(FIXTURES, 'no-such-dir'));
    expect(result.issues).toEqual([expect.objectContaining({ message: 'directory does not exist' })]);
  });

  it('names an unknown reference with a did-you-mean', async () => {
    expect(await issuesOf('unknown-reference')).toEqual([
      { file: 'seed.yaml', line: 24, field: 'transfers[0].recipient', message: 'unknown actor "BT" (did you mean "BB"?)' },
    ]);
  });

  it('points at the id when a name is used where an id belongs', async () => {
    expect(await issuesOf('name-instead-of-id')).toEqual([
      { file: 'seed.yaml', line: 24, field: 'transfers[0].recipient', message: 'unknown actor "Betaland" (use its id "BB"; names and aliases are not ids)' },
    ]);
  });

  it('rejects a bad EDTF date', async () => {
    const [issue] = await issuesOf('bad-edtf');
    expect(issue).toMatchObject({ line: 29, field: 'transfers[0].date' });
    expect(issue!.message).toMatch(/^"2020-13" is not a valid EDTF date \(expected e\.g\. 2023-12-22/);
  });

  it('rejects an id defined twice, across files, naming the first definition', async () => {
    expect(await issuesOf('duplicate-id-across-files')).toEqual([
      { file: 'b.yaml', line: 2, field: 'actors[0].id', message: expect.stringMatching(/^duplicate id "GG" \(first defined in .*a\.yaml:14\)$/) },
    ]);
  });

  it('rejects a quote that is not in its source', async () => {
    expect(await issuesOf('quote-not-found')).toEqual([
      {
        file: 'seed.yaml', line: 32, field: 'transfers[0].citations[0].quote',
        message: 'quote not found verbatim in the text of source "source:mini": "Alphaland gave Betaland ten Widget launchers."',
      },
    ]);
  });

  it('rejects quantities out of range and min above max', async () => {
    expect(await issuesOf('quantity-out-of-range')).toEqual([
      { file: 'seed.yaml', line: 26, field: 'transfers[0].quantity.exact', message: 'out of range: expected number to be >=0' },
    ]);
    expect(await issuesOf('quantity-min-above-max')).toEqual([
      { file: 'seed.yaml', line: 26, field: 'transfers[0].quantity.max', message: 'expected min <= max' },
    ]);
  });

  it('rejects a transfer whose supplier is its recipient', async () => {
    expect(await issuesOf('supplier-equals-recipient')).toEqual([
      { file: 'seed.yaml', line: 24, field: 'transfers[0].recipient', message: 'a transfer\'s recipient must differ from its supplier (both are "AA")' },
    ]);
  });

  it('names unknown fields with a suggestion, and the missing one', async () => {
    expect(await issuesOf('unknown-field')).toEqual([
      { file: 'seed.yaml', line: 22, field: 'transfers[0].supplier', message: 'required field is missing (expected string)' },
      { file: 'seed.yaml', line: 23, field: 'transfers[0].suplier', message: 'unknown field (did you mean "supplier"?)' },
    ]);
  });

  it('says when a required enum field is missing, and lists the values of a bad one', async () => {
    const statuses = 'REQUESTED, PROPOSED, APPROVED, PLANNED, DELIVERED, POTENTIAL, CANCELLED, DENIED';
    expect(await issuesOf('missing-field')).toEqual([
      { file: 'seed.yaml', line: 22, field: 'transfers[0].status', message: `required field is missing (expected one of ${statuses})` },
    ]);
    expect(await issuesOf('bad-enum')).toEqual([
      { file: 'seed.yaml', line: 27, field: 'transfers[0].status', message: `expected one of ${statuses}` },
    ]);
  });

  it('requires every fact to be grounded in a citation', async () => {
    expect(await issuesOf('no-citation')).toEqual([
      { file: 'seed.yaml', line: 30, field: 'transfers[0].citations', message: 'out of range: expected at least one citation: every fact is grounded' },
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const [issue, ...rest] = await issuesOf('yaml-syntax');
    expect(rest).toEqual([]);
    // The unclosed `[` opens on line 36; the parser only gives up on line 37.
    expect(issue).toMatchObject({ file: 'seed.yaml', line: 36, field: '' });
    expect(issue!.message).toMatch(/^YAML syntax error: the \[ opened on this line is never closed \(the parser gave up on line 37: /);
  });

  it('detects cycles in system families', async () => {
    expect((await issuesOf('family-cycle')).map((i) => [i.line, i.field, i.message])).toEqual([
      [21, 'systems[0].family', 'system families form a cycle: system:loop-a → system:loop-b → system:loop-a'],
      [25, 'systems[1].family', 'system families form a cycle: system:loop-b → system:loop-a → system:loop-b'],
    ]);
  });

  it('rejects binary garbage and non-UTF-8 text', async () => {
    expect(await issuesOf('binary')).toEqual([expect.objectContaining({ field: '', message: expect.stringMatching(/not valid UTF-8/) })]);
    expect(await issuesOf('latin1')).toEqual([{ file: 'seed.yaml', line: 3, field: '', message: 'file is not valid UTF-8 text (binary data or another encoding)' }]);
  });

  it('reports every error at once, not just the first', async () => {
    expect((await issuesOf('many-errors')).map((i) => [i.line, i.field])).toEqual([
      [25, 'transfers[0].system'],
      [24, 'transfers[0].recipient'],
      [29, 'transfers[0].date'],
      [32, 'transfers[0].citations[0].quote'],
    ]);
  });

  it('loads a valid directory into a dataset with parsed dates and known times', async () => {
    const d = await loadSeedDir(path.join(FIXTURES, 'valid'));
    expect(d.transfers).toHaveLength(1);
    expect(d.transfers[0]).toMatchObject({ date: { edtf: '2020-03', earliest: '2020-03-01', latest: '2020-03-31', precision: 'MONTH' }, knownSince: '2020-04-01' });
  });

  it('loadSeedDir throws a ValidationError carrying every issue', async () => {
    await expect(loadSeedDir(bad('many-errors'))).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: expect.arrayContaining([expect.objectContaining({ line: 29 })]) });
  });
});
