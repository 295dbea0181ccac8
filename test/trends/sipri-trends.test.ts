// SIPRI's fact sheet "Trends in international arms transfers, 2024" reproduced through the CLI (`armsgraph trends`,
// `armsgraph dependence`) from the shared SIPRI export, checked against an independent Python computation over the
// raw CSV (sipri_trends.py, standard library only, no code shared with ours) and against the published figures.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/armsgraph.js');
const SIPRI = path.resolve(ROOT, '../shared/data/sipri-trade-register-1995-2025.csv');
const SCRIPT = path.join(import.meta.dirname, 'sipri_trends.py');
const PUBLISHED = JSON.parse(readFileSync(path.join(import.meta.dirname, 'published-2024.json'), 'utf8')) as Published;
const PERIODS = '2015/2019,2020/2024';
const SLOW = 180_000;
const run = promisify(execFile);

interface Published {
  exporters: { rank: number; name: string; share2020_24: number | null; share2015_19: number | null; change: number | null }[];
  importers: { rank: number; name: string; share2020_24: number | null; share2015_19: number | null; change: number | null }[];
  ukraineSuppliers: { name: string; share: number | null }[];
}
interface PyEntry { name: string; tiv: number[]; share: (number | null)[]; change: (number | null)[]; rank: (number | null)[] }
interface PyAnswer { periods: string[]; totals: number[]; suppliers: PyEntry[]; recipients: PyEntry[]; recipientSuppliers: Record<string, PyEntry[]> }
interface Row { key: string; label: string; period: string; tiv: number; share: number | null; change: number | null; rank: number | null }
interface Group { key: string; label: string; rows: Row[] }

async function armsgraph(...args: string[]): Promise<unknown> {
  const env = { ...process.env, ARMSGRAPH_SIPRI: '' };
  const { stdout } = await run(process.execPath, [BIN, '--store', 'memory', '--sipri', SIPRI, ...args, '--json'], { cwd: ROOT, env, maxBuffer: 64 << 20 });
  return JSON.parse(stdout);
}

/** `--json` rows grouped back by key, in the order they came. */
function groups(rows: Row[]): Group[] {
  const out = new Map<string, Group>();
  for (const r of rows) {
    const g = out.get(r.key) ?? { key: r.key, label: r.label, rows: [] };
    g.rows.push(r);
    out.set(r.key, g);
  }
  return [...out.values()];
}

/** Our figure rounded as the published one is written (43 → whole numbers, 9.6 → one decimal). */
const asPublished = (ours: number, published: number) => {
  const decimals = (String(published).split('.')[1] ?? '').length;
  return Number(ours.toFixed(decimals));
};

const hasPython = await run('python3', ['--version']).then(() => true, () => false);
const hasData = existsSync(SIPRI);
const required = process.env.REQUIRE_PYTHON === '1';

describe.skipIf(!required && (!hasPython || !hasData))('SIPRI fact sheet 2024 from the shared export', () => {
  let py: PyAnswer;
  let suppliers: Group[];
  let recipients: Group[];
  let ukraine: { partners: { key: string; label: string; cells: { share: number | null }[] }[] };
  /** Our actor id of a SIPRI name. */
  let idOf: (name: string) => string;

  beforeAll(async () => {
    expect(hasPython, 'python3 is needed (REQUIRE_PYTHON=1)').toBe(true);
    expect(hasData, `the SIPRI export is needed at ${SIPRI}`).toBe(true);
    const [pyOut, s, r, u] = await Promise.all([
      run('python3', [SCRIPT, SIPRI, '--periods', PERIODS], { maxBuffer: 64 << 20 }).then((x) => JSON.parse(x.stdout) as PyAnswer),
      armsgraph('trends', '--by', 'supplier', '--periods', PERIODS, '--top', '100'),
      armsgraph('trends', '--by', 'recipient', '--periods', PERIODS, '--top', '100'),
      armsgraph('dependence', 'Ukraine', '--periods', '2020/2024', '--top', '10'),
    ]);
    py = pyOut;
    suppliers = groups(s as Row[]);
    recipients = groups(r as Row[]);
    ukraine = u as typeof ukraine;
    // The import names each state as SIPRI spells it, so a SIPRI name finds our id through the label.
    const byLabel = new Map([...suppliers, ...recipients].map((g) => [g.label, g.key]));
    idOf = (name) => byLabel.get(name) ?? `(no group labelled ${name})`;
  }, SLOW);

  for (const side of ['suppliers', 'recipients'] as const) {
    it(`the top ten ${side} of 2020–24: shares, changes and ranks equal the independent computation (to 0.1 percentage point)`, () => {
      const ours = side === 'suppliers' ? suppliers : recipients;
      const theirs = py[side].slice(0, 10);
      expect(ours.slice(0, 10).map((g) => g.rows[1]!.rank)).toEqual(theirs.map((e) => e.rank[1]));
      for (const [i, e] of theirs.entries()) {
        const g = ours[i]!;
        expect(g.key, e.name).toBe(idOf(e.name));
        for (const p of [0, 1]) {
          expect(Math.abs(g.rows[p]!.share! - e.share[p]!), `${e.name} share ${PERIODS.split(',')[p]}`).toBeLessThan(0.1);
          expect(g.rows[p]!.rank, `${e.name} rank`).toBe(e.rank[p]);
        }
        expect(Math.abs(g.rows[1]!.change! - e.change[1]!), `${e.name} change`).toBeLessThan(0.1);
      }
    });
  }

  it("Ukraine's three main suppliers in 2020–24 and their shares equal the independent computation", () => {
    const theirs = py.recipientSuppliers.Ukraine!.slice(0, 3);
    expect(ukraine.partners.slice(0, 3).map((p) => p.key)).toEqual(theirs.map((e) => idOf(e.name)));
    for (const [i, e] of theirs.entries()) expect(Math.abs(ukraine.partners[i]!.cells[0]!.share! - e.share[1]!), e.name).toBeLessThan(0.1);
  });

  it('matches every figure SIPRI published in the fact sheet, rounded as published', () => {
    const check = (ours: Group[], published: Published['exporters']) => {
      for (const p of published) {
        const g = ours[p.rank - 1]!;
        expect(g.key, `rank ${p.rank}`).toBe(idOf(p.name));
        if (p.share2020_24 !== null) expect(asPublished(g.rows[1]!.share!, p.share2020_24), `${p.name} share 2020–24`).toBe(p.share2020_24);
        if (p.share2015_19 !== null) expect(asPublished(g.rows[0]!.share!, p.share2015_19), `${p.name} share 2015–19`).toBe(p.share2015_19);
        if (p.change !== null) expect(asPublished(g.rows[1]!.change!, p.change), `${p.name} change`).toBe(p.change);
      }
    };
    check(suppliers, PUBLISHED.exporters);
    check(recipients, PUBLISHED.importers);
    for (const [i, s] of PUBLISHED.ukraineSuppliers.entries()) {
      expect(ukraine.partners[i]!.key).toBe(idOf(s.name));
      if (s.share !== null) expect(asPublished(ukraine.partners[i]!.cells[0]!.share!, s.share), s.name).toBe(s.share);
    }
  });
});
