// The trend questions' input: every argument checked before any data is read, the failing one named; filters resolved.
import { beforeAll, describe, expect, it } from 'vitest';
import { deliveryLags, dependence, transferTrends } from '../../../src/query/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { actor, dataset, sipriTransfer, system } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, notFound } from '../../helpers/ports.js';

const store = new MemoryStore();
const P = [{ from: '2015', to: '2019' }, { from: '2020', to: '2024' }];
beforeAll(async () => {
  await store.load(
    dataset({
      actors: [actor('US', 'United States'), actor('UA', 'Ukraine'), actor('PL', 'Poland')],
      systems: [system('system:a', 'A')],
      transfers: [sipriTransfer('a', 'US', 'UA', 'system:a', [[2016, 1, 10], [2021, 1, 30]]), sipriTransfer('b', 'US', 'PL', 'system:a', [[2022, 1, 10]])],
    }),
  );
});

describe('transferTrends', () => {
  it('checks by, periods, top and the filter before reading anything', async () => {
    for (const [input, argument] of [
      [{ by: 'COUNTRY', periods: P }, 'by'],
      [{ by: 'SUPPLIER', periods: [] }, 'periods'],
      [{ by: 'SUPPLIER', periods: [{ from: '2020' }] }, 'periods[0]'],
      [{ by: 'SUPPLIER', periods: P, top: 0 }, 'top'],
      [{ by: 'SUPPLIER', periods: P, top: 101 }, 'top'],
      [{ by: 'SUPPLIER', periods: P, top: 2.5 }, 'top'],
      [{ by: 'SUPPLIER', periods: P, filter: { between: { from: '2020' } } }, 'filter.between'],
      [{ by: 'SUPPLIER', periods: P, filter: { knownAt: '2020-13-01' } }, 'filter.knownAt'],
    ] as const) {
      const { ports, calls } = counting(store);
      await expect(transferTrends(ports, input as never)).rejects.toEqual(invalidArgument(argument));
      expect(calls).toEqual([]);
    }
  });

  it('names an unknown filter actor with suggestions, and reads the sums once', async () => {
    await expect(transferTrends(store, { by: 'SUPPLIER', periods: P, filter: { supplier: 'Untied States' } })).rejects.toEqual(notFound('filter.supplier', ['United States']));
    const { ports, calls } = counting(store);
    const t = await transferTrends(ports, { by: 'RECIPIENT', periods: P, filter: { supplier: 'United States' } });
    expect(dataCalls(calls)).toEqual(['tivByBucket', 'nodes']);
    expect(t.universe).toBe('FILTERED');
    expect(t.groups.map((g) => [g.label, g.cells.map((c) => c.share)])).toEqual([['Ukraine', [100, 75]], ['Poland', [0, 25]]]);
  });
});

describe('dependence', () => {
  it('checks role, periods, top and the filter (its own side is the actor) before reading anything', async () => {
    for (const [input, argument] of [
      [{ role: 'BROKER', periods: P }, 'role'],
      [{ periods: [{ from: '2019', to: '2015' }] }, 'periods[0]'],
      [{ periods: P, top: 1000 }, 'top'],
      [{ periods: P, filter: { recipient: 'PL' } }, 'filter.recipient'],
      [{ role: 'SUPPLIER', periods: P, filter: { supplier: 'PL' } }, 'filter.supplier'],
      [{ periods: P, filter: { between: { from: '2020', to: '2021' } } }, 'filter.between'],
    ] as const) {
      const { ports, calls } = counting(store);
      await expect(dependence(ports, 'UA', input as never)).rejects.toEqual(invalidArgument(argument));
      expect(calls).toEqual([]);
    }
    await expect(dependence(store, 'Ukrain', { periods: P })).rejects.toEqual(notFound('actor', ['Ukraine']));
  });
});

describe('deliveryLags', () => {
  it('checks by, ordered, top and the filter before reading anything', async () => {
    for (const [input, argument] of [
      [{ by: 'YEAR' }, 'by'],
      [{ by: 'SUPPLIER', ordered: { from: '2020', to: '2010' } }, 'ordered'],
      [{ by: 'SUPPLIER', ordered: { from: 'then' } }, 'ordered.from'],
      [{ by: 'SUPPLIER', top: -1 }, 'top'],
      [{ by: 'SUPPLIER', filter: { between: { from: '2020' } } }, 'filter.between'],
    ] as const) {
      const { ports, calls } = counting(store);
      await expect(deliveryLags(ports, input as never)).rejects.toEqual(invalidArgument(argument));
      expect(calls).toEqual([]);
    }
  });

  it('is empty, not failing, when no deal has an order year and a delivery', async () => {
    const l = await deliveryLags(store, { by: 'SUPPLIER', filter: { recipient: 'UA' }, ordered: { from: '2030', to: '2031' } });
    expect(l).toEqual({ by: 'SUPPLIER', orderedFrom: 2030, orderedTo: 2031, all: { deals: 0, toFirst: { median: null, p90: null }, toLast: { median: null, p90: null } }, groups: [], groupCount: 0 });
  });
});
