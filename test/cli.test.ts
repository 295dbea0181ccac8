// The armsgraph CLI, run as a user runs it (bin/armsgraph.js in a subprocess), on the bundled seed.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'bin/armsgraph.js');

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // The memory store whatever NEO4J_URI says: these tests are about the CLI on the bundled seed.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, '--store', 'memory', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('armsgraph CLI', () => {
  it('exits non-zero with a clear message on bad arguments', async () => {
    const unknown = await run('paths', 'Japn', 'Ukraine');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('armsgraph: from: unknown actor "Japn" (did you mean "Japan", "JPN" or "JP"?)\n');
    const hops = await run('paths', 'Japan', 'Ukraine', '--max-hops', '50');
    expect(hops.code).toBe(2);
    expect(hops.stderr).toContain('maxHops must be an integer from 1 to 6, got 50');
    const order = await run('paths', 'Japan', 'Ukraine', '--order', 'sideways');
    expect(order.code).toBe(1);
    expect(order.stderr).toContain("option '--order <order>' argument 'sideways' is invalid. expected any, time-respecting or strict");
    const day = await run('check', 'JP', 'UA', '--on', '2024-13-01');
    expect(day.code).toBe(2);
    expect(day.stderr).toMatch(/^armsgraph: --on: "2024-13-01" is not a valid EDTF date/);
  });

  it('validate reports every seed error with file:line: field and exits 1', async () => {
    const result = await run('validate', 'test/fixtures/seeds/bad/many-errors');
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual([
      'test/fixtures/seeds/bad/many-errors/seed.yaml:25: transfers[0].system: unknown system "system:wdget" (did you mean "system:widget"?)',
      'test/fixtures/seeds/bad/many-errors/seed.yaml:24: transfers[0].recipient: a transfer\'s recipient must differ from its supplier (both are "AA")',
      expect.stringMatching(/^test\/fixtures\/seeds\/bad\/many-errors\/seed\.yaml:29: transfers\[0\]\.date: "2020-02-30" is not a valid EDTF date/),
      'test/fixtures/seeds/bad/many-errors/seed.yaml:32: transfers[0].citations[0].quote: quote not found verbatim in the text of source "source:mini": "Not in the text."',
    ]);
    expect(result.stderr).toContain('4 error(s)');
  });

  it('validate accepts the bundled seed', async () => {
    const result = await run('validate');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/7 files valid — 10 actors, 3 systems, 3 transfers, 8 events, 3 restrictions, 1 aid commitments, 3 sources/);
  });

  it('paths Japan Ukraine --system Patriot shows Japan → United States → Ukraine with statuses, dates and rules', async () => {
    const { code, stdout } = await run('paths', 'Japan', 'Ukraine', '--system', 'Patriot');
    expect(code).toBe(0);
    expect(stdout).toContain('Paths from Japan (JP) to Ukraine (UA) for Patriot, order ANY, at most 4 hops: 1 found');
    expect(stdout).toContain('1. Japan → United States → Ukraine  (2 hops)');
    expect(stdout).toMatch(/hop 1 {2}Japan → United States {2}Patriot missile ×dozens {2}PLANNED BACKFILL {2}2024-01\/\.\. \[range: 2024-01-01 – open\]/);
    expect(stdout).toMatch(/hop 2 {2}United States → Ukraine {2}Patriot missile .* POTENTIAL UNKNOWN {2}2023-12-22\/\.\./);
    expect(stdout).toMatch(/REQUIRES_CONSENT +hop 2: .*need the consent of Japan \[restriction:jp-reexport-consent\]/);
    expect(stdout).toMatch(/PROHIBITED +direct route: Japan → Ukraine: Japan does not export weapons to countries at war/);
    expect(stdout).toContain('“The U.S. would still need to obtain permission from the Japanese government before transferring the weapons abroad.”');
  });

  it('paths --order strict explains why the chain is not strictly time-ordered', async () => {
    const { code, stdout } = await run('paths', 'Japan', 'Ukraine', '--system', 'Patriot', '--order', 'strict');
    expect(code).toBe(0);
    expect(stdout).toContain('0 found');
    expect(stdout).toContain('No path is ordered STRICT. Ignoring the order rule, 1 path(s) exist; why each breaks it:');
    expect(stdout).toContain(
      'hop 2 (transfer:us-ua-patriot-missiles-potential) may start on 2023-12-22, before hop 1 (transfer:jp-us-patriot-missiles-2024) has surely ended (its end is open)',
    );
    expect(stdout).toContain('hop 1 backfills hop 2: with --via-backfill the backfill link connects them');
  });

  it('paths --json is machine-readable', async () => {
    const { stdout } = await run('--json', 'paths', 'JP', 'UA', '--system', 'system:patriot', '--order', 'time-respecting');
    const result = JSON.parse(stdout);
    expect(result.truncated).toBe(false);
    expect(result.paths[0].hops.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual(['JP>US', 'US>UA']);
  });

  it('check JP UA --system Patriot --on 2024-01-15 is PROHIBITED with the reason and its quote', async () => {
    const { code, stdout } = await run('check', 'JP', 'UA', '--system', 'Patriot', '--on', '2024-01-15');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'Japan → Ukraine (Patriot) on 2024-01-15: PROHIBITED',
      '  PROHIBITED       Japan → Ukraine: Japan does not export weapons to countries at war; Ukraine is a party to "Russia\'s full-scale invasion of Ukraine" (2022-02-24/..) [restriction:jp-no-export-to-party-at-war]',
      '    “The change in rules still does not allow for the export of weapons to countries currently at war, so Japan cannot send Patriot missiles directly to Ukraine.” — source:kyiv-independent-2023-12-japan-patriots',
    ]);
  });

  it('check on 2023-12-01 reflects the rules as they stood then', async () => {
    const { stdout } = await run('--json', 'check', 'JP', 'UA', '--system', 'Patriot', '--on', '2023-12-01');
    const check = JSON.parse(stdout);
    expect(check.verdict).toBe('PROHIBITED');
    expect(check.reasons.map((r: { restriction: string }) => r.restriction)).toEqual(['restriction:jp-arms-export-ban', 'restriction:jp-no-export-to-party-at-war']);
  });

  it('timeline --actor JP lists entries in time order; --known-at hides later reports', async () => {
    const all = await run('timeline', '--actor', 'JP');
    const lines = all.stdout.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^\.\.\/2023-12-21 +RESTRICTION +Japan's long-standing prohibition of arms exports/);
    expect(lines[9]).toMatch(/^2024-01\/\.\. +TRANSFER +Japan → United States: Patriot missile \(planned, backfill\)/);
    expect(lines[10]).toBe('-- 10 of 10 entries');
    const known = await run('timeline', '--actor', 'Japan', '--known-at', '2023-12-01');
    expect(known.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^2014-04-01\/\.\. +RESTRICTION +Japan does not export weapons to countries at war/),
      '-- 1 of 1 entries',
    ]);
  });

  it('search finds systems by alias', async () => {
    const { stdout } = await run('search', 'Кинджал');
    expect(stdout).toMatch(/^EXACT +WeaponSystem +system:kinzhal +Kinzhal {2}\(as "Кинджал"\)/);
  });

  it('import sipri prints a summary of what it read; a malformed export fails with line and column', async () => {
    const ok = await run('import', 'sipri', 'test/fixtures/sipri/excerpt.csv');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^imported excerpt\.csv \(SIPRI release 12 Feb 2026\) into memory in \d+ ms/);
    expect(ok.stdout).toContain('rows read 141, deals 79, delivery rows 141');
    expect(ok.stdout).toContain('unresolved names: none');
    const bad = await run('import', 'sipri', 'test/fixtures/sipri/non-numeric-tiv.csv');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/non-numeric-tiv\.csv:14: TIV delivery values: /);
  });

  it('stats over seed + SIPRI excerpt: TIV delivered into Ukraine 2022–2024 by supplier', async () => {
    const { code, stdout } = await run('--sipri', 'test/fixtures/sipri/excerpt.csv', 'stats', '--recipient', 'UA', '--between', '2022/2024', '--group-by', 'supplier');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^supplier +deals +units +TIV \(M\)$/);
    expect(lines[1]).toMatch(/^United States \(US\) +\d+ +\d+ +\d+\.\d$/);
    expect(lines[lines.length - 1]).toMatch(/^-- \d+ group\(s\); TIV delivered in all: \d+\.\d M$/);
  });

  it('import kiel summarises the release; --kiel with --sipri answers reconcile as text, CSV and JSON', async () => {
    const kiel = 'test/fixtures/kiel/release-29-excerpt';
    const imported = await run('import', 'kiel', kiel);
    expect(imported.code).toBe(0);
    expect(imported.stdout.split('\n').slice(1, 4)).toEqual([
      '  weapons rows 7, items 17; donor-months 8 (0 without aid left out); commitments 25 from 6 donors',
      '  graph now 14 actors, 9 systems, 3 transfers, 26 aid commitments',
      '  changes against the store: 25 commitments added, 0 changed, 0 removed',
    ]);
    expect(imported.stdout).toContain(`${kiel}/weapons.csv:7: HAWK air defense system`);
    const both = ['--sipri', 'test/fixtures/sipri/excerpt.csv', '--kiel', kiel];
    const text = await run(...both, 'reconcile', 'Ukraine', '--donors', 'Germany');
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const at = lines.indexOf('Germany · Patriot · air defence system: PARTLY_DELIVERED  committed 5  delivered 3  difference 2  [KIEL, SIPRI; DISAGREES]');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  committed  Patriot air defense battery (5), Kiel category Air Defense  — weapons.csv:2',
      '  delivered  2023: 2, 2024: 1',
      '    Patriot-3 SAMS (SAM system): 2 in 2023, 1 in 2024; SIPRI deal 66214  — deal 66214',
    ]);
    const csv = await run(...both, 'reconcile', 'UA', '--by', 'category', '--donors', 'DE', '--csv');
    expect(csv.stdout.split('\n')[0]).toBe('donor,donorName,group,label,unit,status,committed,delivered,difference,agreement,deliveredByYear,claims,sources,counting,note,citations');
    // By kind of unit, SIPRI's Gepards (30, 7, 5) join Germany's three Patriot-3 SAMS against Kiel's 14 IRIS-T and 5 Patriot.
    expect(csv.stdout).toContain('DE,Germany,air defence system,air defence system,air defence system,DELIVERED_IN_FULL,19,45,-26,DISAGREES,2022:30 2023:9~ 2024:6~,');
    const json = JSON.parse((await run(...both, '--json', 'reconcile', 'UA', '--donors', 'US', '--sources', 'seed')).stdout);
    expect(json.rows.map((r: { group: string; claims: { role: string }[] }) => [r.group, r.claims.map((c) => c.role)])).toEqual([['system:patriot', ['BACKFILL', 'DIRECT']]]);
    const bad = await run('reconcile', 'Ukraine', '--by', 'sideways');
    expect(bad).toMatchObject({ code: 2, stderr: 'armsgraph: --by must be one of FAMILY, CATEGORY, got "sideways"\n' });
  });

  it('export writes GraphML to a file and CSV as two files; CSV to stdout is refused', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'armsgraph-export-'));
    const graphml = await run('export', '--format', 'graphml', '--around', 'Japan', '--depth', '2', '-o', path.join(dir, 'jp.graphml'));
    expect(graphml.code).toBe(0);
    expect(graphml.stderr).toMatch(/exported 3 actors and 2 transfers as GRAPHML in \d+ ms: .*jp\.graphml \(\d+ bytes\)/);
    const text = await readFile(path.join(dir, 'jp.graphml'), 'utf8');
    expect(text.match(/<node /g)).toHaveLength(3);
    const csv = await run('export', '--format', 'csv', '-o', path.join(dir, 'csv'));
    expect(csv.code).toBe(0);
    expect((await readdir(path.join(dir, 'csv'))).sort()).toEqual(['armsgraph-all-nodes.csv', 'armsgraph-all-relationships.csv']);
    const refused = await run('export', '--format', 'csv');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--format csv writes two files (nodes and relationships): give -o DIRECTORY');
  });
});
