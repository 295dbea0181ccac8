// armsgraph import sipri and import kiel --store neo4j: join the seed and each other, are idempotent, report changes, and a
// bad file changes nothing.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
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

describe.runIf(await neo4jAvailable())('armsgraph import kiel --store neo4j', () => {
  const EXCERPT = 'test/fixtures/kiel/release-29-excerpt';
  it('joins the SIPRI release in the store, re-imports idempotently, replaces an older release and refuses a bad one', async () => {
    expect((await run('load')).code).toBe(0);
    expect((await run('import', 'sipri', 'test/fixtures/sipri/excerpt.csv')).code).toBe(0);
    const first = await run('--json', 'import', 'kiel', EXCERPT);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    // 17 items in 7 weapons rows, 8 donor-months; the seed's one commitment and the SIPRI deals stay.
    expect(report).toMatchObject({ store: 'neo4j', release: '29', published: '2026-08-04', items: 17, months: 8, commitments: 25, loaded: { transfers: 79 + 3, aidCommitments: 26 } });
    expect(report.changes).toEqual({ added: 25, removed: 0, changed: 0 });
    const before = await dumpDatabase();
    const again = JSON.parse((await run('--json', 'import', 'kiel', EXCERPT)).stdout);
    expect(again.changes).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(await dumpDatabase()).toEqual(before);

    const bad = await run('import', 'kiel', 'test/fixtures/bad/kiel/weapons-count-zero');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('armsgraph: 1 validation error:\n  test/fixtures/bad/kiel/weapons-count-zero/weapons.csv:4: weapons_list: item 1 "Patriot air defense battery (0)": count 0 is not a commitment (expected a positive whole number)\n');
    expect(await dumpDatabase()).toEqual(before);

    // Release 30: Romania's battery gone, Germany's Patriot count revised, one month added.
    const dir = await mkdtemp(path.join(tmpdir(), 'kiel-'));
    await cp(path.join(ROOT, EXCERPT), dir, { recursive: true });
    await writeFile(path.join(dir, 'release_info.csv'), '"release","period","date","label"\n"30","06/2026","2026-10-06","Ukraine Support Tracker, Release 30 (06/2026)"\n');
    const weapons = (await readFile(path.join(dir, 'weapons.csv'), 'utf8')).split('\n')
      .filter((l) => !l.startsWith('"Romania"'))
      .map((l) => l.replace('"Germany","Air Defense",19,', '"Germany","Air Defense",20,').replace('Patriot air defense battery (5)', 'Patriot air defense battery (6)'));
    await writeFile(path.join(dir, 'weapons.csv'), weapons.join('\n'));
    const explorer = await readFile(path.join(dir, 'data_explorer.csv'), 'utf8');
    await writeFile(path.join(dir, 'data_explorer.csv'), `${explorer}"Japan","JPN",2022,5,0.1,0,0.1,0,0.1,0,4177.48320460262,0.002\n`);
    const newer = JSON.parse((await run('--json', 'import', 'kiel', dir)).stdout);
    expect(newer.release).toBe('30');
    expect(newer.changedIds).toEqual({
      added: ['aid:kiel-jp-2022-05'], removed: ['aid:kiel-ro-air-defense-patriot-air-defense-battery'], changed: ['aid:kiel-de-air-defense-patriot-air-defense-battery'],
    });
    const answer = JSON.parse((await run('--json', 'reconcile', 'Ukraine', '--donors', 'DE')).stdout);
    const patriot = answer.rows.find((r: { group: string; unit: string }) => r.group === 'system:patriot' && r.unit === 'air defence system');
    expect(patriot).toMatchObject({ committed: 6, delivered: 3, difference: 3, status: 'PARTLY_DELIVERED' });
    expect(patriot.commitments[0].citations[0]).toMatchObject({ source: 'source:kiel-ust-release-30', locator: 'weapons.csv:2' });
    await run('load');
  });
});
