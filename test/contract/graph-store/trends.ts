// Contract for the trend questions (transferTrends, dependence, deliveryLags): figures worked out by hand on a small
// dataset, and the SIPRI excerpt's shares recomputed from its raw rows. Both stores must give exactly these answers.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { dataset, sipriTransfer, system, transfer } from '../../helpers/dataset.js';
import { SIPRI_EXCERPT, type ContractContext } from './context.js';

const P = [{ from: '2015', to: '2019' }, { from: '2020', to: '2024' }];

/**
 * Totals: 2015/2019 100 (US 70, DE 30, RU 0), 2020/2024 110 (FR 60, US 30, DE 10, UK 10). The 2030 delivery and
 * the seed-like transfer (no TIV) add nothing. Deal `a` is ordered in 2014, before the first delivery year on
 * record (2015), so it never counts for lags.
 */
const handMade = () =>
  dataset({
    systems: [system('system:fam', 'Family'), system('system:a', 'A', 'system:fam'), system('system:b', 'B')],
    transfers: [
      sipriTransfer('a', 'US', 'UA', 'system:a', [[2016, 1, 10], [2021, 1, 30]], 'Missiles', 2014),
      sipriTransfer('b', 'DE', 'UA', 'system:b', [[2017, 1, 30], [2022, 1, 10]], 'Armoured vehicles', 2016),
      sipriTransfer('c', 'US', 'PL', 'system:a', [[2018, 1, 60]], 'Missiles', 2015),
      sipriTransfer('d', 'FR', 'PL', 'system:b', [[2023, 1, 60]], 'Armoured vehicles', 2020),
      sipriTransfer('e', 'RU', 'IN', 'system:b', [[2015, 1, 0]], 'Missiles', 2015),
      sipriTransfer('g', 'GB', 'PL', 'system:a', [[2024, 1, 10]], 'Missiles', 2024),
      sipriTransfer('f', 'KP', 'UA', 'system:b', [[2030, 1, 99]], 'Missiles', 2030),
      transfer({ id: 'seedlike', from: 'JP', to: 'UA', system: 'system:a', date: '2016-05' }),
    ],
  });

/** Registers the trend cases. */
export function describeTrends(ctx: ContractContext): void {
  describe('trends', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('on a hand-made dataset', () => {
      beforeAll(() => ctx.load(handMade()));

      it('transferTrends by supplier: TIV, share, change and rank per period; ties share a rank; a zero previous period has no change', async () => {
        const t = await ask(store).transferTrends({ by: 'SUPPLIER', periods: P, top: 10 });
        expect(t.universe).toBe('WORLD');
        expect(t.periods).toEqual([
          { period: '2015/2019', from: 2015, to: 2019, tiv: 100, change: null, groups: 2 },
          { period: '2020/2024', from: 2020, to: 2024, tiv: 110, change: expect.closeTo(10, 9), groups: 4 },
        ]);
        expect(t.groupCount).toBe(4);
        expect(t.groups.map((g) => [g.key, g.cells.map((c) => c.rank)])).toEqual([
          ['FR', [null, 1]], ['US', [1, 2]], ['DE', [2, 3]], ['GB', [null, 3]],
        ]);
        const us = t.groups[1]!;
        expect(us.label).toBe('US');
        expect(us.cells[0]).toEqual({ period: '2015/2019', tiv: 70, share: 70, change: null, rank: 1 });
        expect(us.cells[1]).toEqual({ period: '2020/2024', tiv: 30, share: expect.closeTo(300 / 11, 9), change: expect.closeTo(-400 / 7, 9), rank: 2 });
        expect(t.groups[0]!.cells[1]!.change).toBeNull();
        expect(t.groups[0]!.cells[0]).toEqual({ period: '2015/2019', tiv: 0, share: 0, change: null, rank: null });
      });

      it('groups by system family (the root of the chain) and by category; top cuts the list, not the count', async () => {
        const fam = await ask(store).transferTrends({ by: 'SYSTEM_FAMILY', periods: P });
        expect(fam.groups.map((g) => [g.key, g.label, g.cells.map((c) => c.tiv)])).toEqual([
          ['system:b', 'B', [30, 70]], ['system:fam', 'Family', [70, 40]],
        ]);
        const cat = await ask(store).transferTrends({ by: 'CATEGORY', periods: P, top: 1 });
        expect(cat.groups.map((g) => [g.key, g.label, g.cells.map((c) => c.tiv)])).toEqual([['Armoured vehicles', 'Armoured vehicles', [30, 70]]]);
        expect(cat.groupCount).toBe(2);
      });

      it('with a filter, shares are of the filtered total and the answer says so', async () => {
        const t = await ask(store).transferTrends({ by: 'SUPPLIER', periods: P, filter: { recipient: 'UA' } });
        expect(t.universe).toBe('FILTERED');
        expect(t.periods.map((p) => p.tiv)).toEqual([40, 40]);
        expect(t.groups.map((g) => [g.key, g.cells.map((c) => c.share)])).toEqual([['US', [25, 75]], ['DE', [75, 25]]]);
      });

      it('dependence: partners per period, the main one and when it changed, and HHI', async () => {
        const d = await ask(store).dependence('UA', { periods: P });
        expect(d.actor).toBe('UA');
        expect(d.role).toBe('RECIPIENT');
        expect(d.periods.map((p) => [p.period, p.tiv, p.main, p.mainChanged, p.hhi])).toEqual([
          ['2015/2019', 40, { key: 'DE', label: 'DE', share: 75 }, false, 6250],
          ['2020/2024', 40, { key: 'US', label: 'US', share: 75 }, true, 6250],
        ]);
        expect(d.partners.map((p) => p.key)).toEqual(['US', 'DE']);
        const pl = await ask(store).dependence('PL', { periods: [{ from: '2010', to: '2014' }, { from: '2015', to: '2019' }] });
        expect(pl.periods.map((p) => [p.tiv, p.change, p.main?.key ?? null, p.mainChanged, p.hhi])).toEqual([
          [0, null, null, false, null], [60, null, 'US', false, 10000],
        ]);
        const us = await ask(store).dependence('US', { role: 'SUPPLIER', periods: P });
        expect(us.periods.map((p) => p.main?.key)).toEqual(['PL', 'UA']);
      });

      it('deliveryLags: median and p90 by linear interpolation; deals ordered before the record starts never count', async () => {
        const l = await ask(store).deliveryLags({ by: 'SUPPLIER' });
        expect(l.orderedFrom).toBe(2015);
        expect(l.orderedTo).toBeNull();
        expect(l.all).toEqual({ deals: 6, toFirst: { median: 0.5, p90: 3 }, toLast: { median: 1.5, p90: 4.5 } });
        expect(l.groups.map((g) => [g.key, g.deals, g.toFirst.median, g.toLast.median])).toEqual([
          ['DE', 1, 1, 6], ['FR', 1, 3, 3], ['GB', 1, 0, 0], ['KP', 1, 0, 0], ['RU', 1, 0, 0], ['US', 1, 3, 3],
        ]);
        const window = await ask(store).deliveryLags({ by: 'CATEGORY', ordered: { from: '2016', to: '2024' } });
        expect([window.orderedFrom, window.orderedTo]).toEqual([2016, 2024]);
        expect(window.all).toEqual({ deals: 3, toFirst: { median: 1, p90: expect.closeTo(2.6, 9) }, toLast: { median: 3, p90: expect.closeTo(5.4, 9) } });
        expect(window.groups.map((g) => [g.key, g.deals])).toEqual([['Armoured vehicles', 2], ['Missiles', 1]]);
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      beforeAll(() => ctx.loadSipri());

      it("Ukraine's suppliers' shares of 2020–2024 match the excerpt's rows summed by hand", async () => {
        const lines = (await readFile(SIPRI_EXCERPT, 'latin1')).split(/\r?\n/).slice(12).filter((l) => l.trim() !== '');
        const bySupplier = new Map<string, number>();
        for (const line of lines) {
          const c = line.replace(/;$/, '').split(',');
          if (c[2] !== 'Ukraine' || Number(c[10]) < 2020 || Number(c[10]) > 2024) continue;
          bySupplier.set(c[1]!, (bySupplier.get(c[1]!) ?? 0) + Number(c[15] || 0));
        }
        const total = [...bySupplier.values()].reduce((a, b) => a + b, 0);
        const d = await ask(store).dependence('Ukraine', { periods: [{ from: '2020', to: '2024' }], top: 100 });
        expect(d.periods[0]!.tiv).toBeCloseTo(total, 6);
        const expected = [...bySupplier].filter(([, v]) => v > 0);
        expect(d.partners).toHaveLength(expected.length);
        for (const [name, tiv] of expected) {
          const id = await store.resolveActor(name);
          const p = d.partners.find((x) => x.key === id);
          expect(p, name).toBeDefined();
          expect(p!.cells[0]!.share, name).toBeCloseTo((tiv / total) * 100, 9);
        }
      });
    });
  });
}
