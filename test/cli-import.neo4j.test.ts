// armsgraph import sipri --store neo4j: joins the seed, is idempotent, reports changes, and a bad file changes nothing.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { neo4jAvailable } from './helpers/neo4j.js';
import { dumpDatabase } from './helpers/neo4j-dump.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/armsgraph.js'), '--store', 'neo4j', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe.runIf(await neo4jAvailable())('armsgraph import sipri --store neo4j', () => {
  it('imports, re-imports idempotently, and leaves the store unchanged on a malformed file', async () => {
    const first = await run('--json', 'import', 'sipri', 'test/fixtures/sipri/excerpt.csv');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ store: 'neo4j', deals: 79, rowsRead: 141, unresolved: [], loaded: { transfers: 79 + 3 } });
    const before = await dumpDatabase();
    const again = JSON.parse((await run('--json', 'import', 'sipri', 'test/fixtures/sipri/excerpt.csv')).stdout);
    expect(again.changes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(await dumpDatabase()).toEqual(before);
    const bad = await run('import', 'sipri', 'test/fixtures/sipri/truncated-row.csv');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/truncated-row\.csv:\d+: /);
    expect(await dumpDatabase()).toEqual(before);
    // A newer release: revised TIV for one deal, one deal dropped, one new deal.
    const text = await readFile(path.join(ROOT, 'test/fixtures/sipri/excerpt.csv'), 'latin1');
    const lines = text.split('\r\n');
    const newer = lines.map((l) => l.replace(/^Data generated: .*$/, 'Data generated: 10 Feb 2027 09:00:00 AM;'))
      .filter((l) => !l.startsWith('65916,'))
      .map((l) => (l.startsWith('66864,') ? l.replace(/,1\.5,1\.5,180,No;$/, ',1.5,1.5,181,No;') : l));
    const added = lines.find((l) => l.startsWith('65375,'))!.replace(/^65375,/, '99999,');
    newer.splice(newer.length - 1, 0, added);
    const dir = await mkdtemp(path.join(tmpdir(), 'sipri-'));
    const file = path.join(dir, 'newer.csv');
    await writeFile(file, newer.join('\r\n'), 'latin1');
    const revised = JSON.parse((await run('--json', 'import', 'sipri', file)).stdout);
    expect(revised.release).toBe('10 Feb 2027');
    expect(revised.changedIds).toEqual({ added: ['transfer:sipri-99999'], removed: ['transfer:sipri-65916'], changed: ['transfer:sipri-66864'] });
    const stats = await run('stats', '--recipient', 'Ukraine', '--between', '2022/2024', '--group-by', 'supplier');
    expect(stats.stdout.split('\n')[1]).toMatch(/^United States \(US\) /);
    await run('load');
  });
});
