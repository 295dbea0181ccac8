// The trends, dependence and lags commands, run as a user runs them (bin/armsgraph.js in a subprocess).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SIPRI, runCli as run } from './helpers/cli.js';

const EXCERPT = path.join(ROOT, 'test/fixtures/sipri/excerpt.csv');
/** Each run with --sipri reads the whole export (a few seconds). */
const SLOW = 120_000;

describe('armsgraph trends, dependence, lags', () => {
  it('on the seed alone says there is no TIV to share, and exits 0', async () => {
    const r = await run('trends', '--periods', '2015/2019,2020/2024');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe("No SIPRI TIV delivered in 2015/2019, 2020/2024: nothing to share (the seed's articles carry no TIV; load a SIPRI export with --sipri).\n");
  });

  it('names the flag of a bad value and exits 2', async () => {
    const cases: [string[], string][] = [
      [['trends', '--periods', '2020/2024,2015/2019'], 'armsgraph: --periods: 2015/2019: periods must be in time order\n'],
      [['trends', '--periods', '2015/2020,2020/2024'], 'armsgraph: --periods: 2020/2024: it overlaps periods[0] (2015/2020)\n'],
      [['trends', '--periods', '2015/..'], 'armsgraph: --periods: a period needs both from and to (open-ended periods have no total to share)\n'],
      [['trends', '--top', '101'], 'armsgraph: --top: must be 1–100 (got 101)\n'],
      [['trends', '--by', 'nation'], 'armsgraph: --by: unknown grouping "nation" (expected supplier, recipient, system-family, category)\n'],
      [['trends', '--count', '7'], 'armsgraph: --count must be 1–6 (got 7)\n'],
      [['trends', '--supplier', 'Untied States'], 'armsgraph: --supplier: unknown actor "Untied States" (did you mean "United States"?)\n'],
      [['dependence', 'Ukraine', '--recipient', 'Poland'], 'armsgraph: --recipient: the actor argument names the recipient\n'],
      [['lags', '--ordered', '2020/2010'], 'armsgraph: --ordered: EDTF interval "2020/2010" ends before it starts\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await run(...args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, stderr]);
    }
  });

  it('--csv writes rows with a header; --json the same rows (per cent, unrounded)', async () => {
    const csv = await run('--sipri', EXCERPT, 'trends', '--by', 'recipient', '--periods', '2022/2024', '--top', '1', '--csv');
    expect(csv.code).toBe(0);
    const [header, row, extra] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('key,label,period,tiv,share,change,rank');
    expect(row).toMatch(/^UA,Ukraine,2022\/2024,[\d.]+,[\d.]+,,1$/);
    expect(extra).toBeUndefined();
    const json = JSON.parse((await run('--sipri', EXCERPT, 'trends', '--by', 'recipient', '--periods', '2022/2024', '--top', '1', '--json')).stdout);
    const [, , , tiv, share] = row!.split(',');
    expect(json).toEqual([{ key: 'UA', label: 'Ukraine', period: '2022/2024', tiv: Number(tiv), share: Number(share), change: null, rank: 1 }]);
  });

  describe.skipIf(!existsSync(SIPRI))('with the shared SIPRI export', () => {
    it('trends prints the fact sheet table by default (2015/2019 and 2020/2024); dependence and lags their tables', async () => {
      const [trends, dep, lags] = await Promise.all([
        run('--sipri', SIPRI, 'trends', '--top', '3'),
        run('--sipri', SIPRI, 'dependence', 'Ukraine', '--top', '3'),
        run('--sipri', SIPRI, 'lags', '--by', 'category', '--top', '2'),
      ]);
      expect(trends.stdout.split('\n').slice(0, 5)).toEqual([
        'Suppliers of major arms ranked by 2020/2024: share of the world total (per cent, SIPRI TIV)',
        '  Rank 2020/2024  Rank 2015/2019 Supplier                     Share 2015/2019 Share 2020/2024   Change vs 2015/2019 (%)',
        '               1               1 United States                           35.0            42.6                     +21.0',
        '               2               3 France                                   8.6             9.6                     +11.1',
        '               3               2 Russia                                  21.4             7.8                     −63.9',
      ]);
      expect(trends.stdout).toContain('-- 2020/2024: 142,948.1 M TIV (−0.6 % on the period before), 65 suppliers with deliveries');
      expect(dep.stdout).toContain('  2020/2024: 12,513.2 M TIV (+9627 %); main supplier United States 45.2 % (changed); HHI 2375');
      expect(dep.stdout).toMatch(/\n\s+2\s+—\s+Germany\s+0\.0\s+12\.3\s+—\n/);
      expect(lags.stdout.split('\n')[0]).toBe('Years from order to delivery, SIPRI deals ordered 1995 on (median / 90th percentile)');
      expect(lags.stdout).toMatch(/\nAircraft\s+\d+\s+[\d.]+ \/ [\d.]+\s+[\d.]+ \/ [\d.]+\n/);
    }, SLOW);
  });
});
