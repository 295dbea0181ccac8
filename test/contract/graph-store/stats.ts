// Contract for stats and transferStats: node counts, and deals, units and TIV grouped by supplier, year and more.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { dataset, sipriTransfer, system, transfer } from '../../helpers/dataset.js';
import { SIPRI_EXCERPT, type ContractContext } from './context.js';

/** Registers the stats and transferStats cases. */
export function describeStats(ctx: ContractContext): void {
  const { load } = ctx;

  describe('stats', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('stats counts every node type', async () => {
        expect(await store.stats()).toEqual({
          actors: 10, systems: 3, transfers: 3, events: 8, restrictions: 3, aidCommitments: 1, sources: 3, citations: 29,
        });
      });
    });
  });

  describe('transferStats', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('on a hand-made dataset', () => {
      const d = () =>
        dataset({
          systems: [system('system:fam', 'Family'), system('system:a', 'A', 'system:fam'), system('system:b', 'B')],
          transfers: [
            sipriTransfer('t1', 'DE', 'UA', 'system:a', [[2021, 2, 10.5], [2022, 3, 15.25], [2023, null, 0]]),
            sipriTransfer('t2', 'US', 'UA', 'system:a', [[2022, 10, 100]], 'Air defence systems'),
            sipriTransfer('t3', 'US', 'PL', 'system:b', [[2022, 1, 0.1], [2024, 1, 0.2]]),
            transfer({ id: 'seedlike', from: 'JP', to: 'US', system: 'system:b', date: '2024-01/..', status: 'PLANNED' }),
          ],
        });

      it('groups deals, units and TIV delivered by supplier, limited to the window’s years', async () => {
        await load(d());
        const rows = await ask(store).transferStats({ recipient: 'UA', between: { from: '2022-01-01', to: '2024-12-31' } }, ['SUPPLIER']);
        expect(rows).toEqual([
          { key: ['US'], transfers: 1, units: 10, tivDelivered: 100 },
          { key: ['DE'], transfers: 1, units: 3, tivDelivered: 15.25 },
        ]);
      });

      it('groups by year and by several keys; the system filter takes the family', async () => {
        await load(d());
        expect(await ask(store).transferStats({ system: 'system:fam' }, ['YEAR'])).toEqual([
          { key: ['2022'], transfers: 2, units: 13, tivDelivered: 115.25 },
          { key: ['2021'], transfers: 1, units: 2, tivDelivered: 10.5 },
          { key: ['2023'], transfers: 1, units: null, tivDelivered: 0 },
        ]);
        expect(await ask(store).transferStats({ supplier: 'US' }, ['RECIPIENT', 'CATEGORY'])).toEqual([
          { key: ['UA', 'Air defence systems'], transfers: 1, units: 10, tivDelivered: 100 },
          { key: ['PL', 'Missiles'], transfers: 1, units: 2, tivDelivered: 0.3 },
        ]);
        expect(await ask(store).transferStats({ supplier: 'JP' }, ['SYSTEM', 'YEAR'])).toEqual([{ key: ['system:b', '2024'], transfers: 1, units: null, tivDelivered: null }]);
        await expect(ask(store).transferStats({}, [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      beforeAll(() => ctx.loadSipri());

      it('transferStats into Ukraine for 2022–2024 by supplier matches the excerpt recomputed by hand', async () => {
        const lines = (await readFile(SIPRI_EXCERPT, 'latin1')).split(/\r?\n/).slice(12).filter((l) => l.trim() !== '');
        const expected = new Map<string, number>();
        for (const line of lines) {
          const c = line.replace(/;$/, '').split(',');
          if (c[2] !== 'Ukraine' || Number(c[10]) < 2022 || Number(c[10]) > 2024) continue;
          expected.set(c[1]!, (expected.get(c[1]!) ?? 0) + Number(c[15]));
        }
        const rows = await ask(store).transferStats({ recipient: 'UA', between: { from: '2022-01-01', to: '2024-12-31' } }, ['SUPPLIER']);
        const got = new Map(rows.filter((r) => r.tivDelivered !== null).map((r) => [r.key[0]!, r.tivDelivered!]));
        expect(got.size).toBe(expected.size);
        for (const [name, tiv] of expected) expect(got.get(await store.resolveActor(name)), name).toBeCloseTo(tiv, 6);
      });
    });
  });
}
