// The transferStats question: groupBy and dates checked before any read, the filter resolved, rows ranked.
import { beforeAll, describe, expect, it } from 'vitest';
import { STATS_KEYS, checkGroupBy, transferStats } from '../../../src/query/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { actor, dataset, sipriTransfer, system, transfer } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, notFound } from '../../helpers/ports.js';

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(
    dataset({
      actors: [actor('US', 'United States'), actor('DE', 'Germany'), actor('UA', 'Ukraine'), actor('PL', 'Poland'), actor('JP', 'Japan')],
      systems: [system('system:patriot', 'Patriot'), system('system:patriot-missile', 'Patriot missile', 'system:patriot'), system('system:leopard', 'Leopard 2')],
      transfers: [
        // Deliveries are [year, units, TIV in millions].
        sipriTransfer('us-ua', 'US', 'UA', 'system:patriot-missile', [[2021, 2, 10], [2022, 3, 15], [2023, 1, 5]]),
        sipriTransfer('de-ua', 'DE', 'UA', 'system:leopard', [[2022, 10, 30.5], [2024, 5, 12]]),
        sipriTransfer('us-pl', 'US', 'PL', 'system:patriot', [[2020, 4, 8]]),
        transfer({ id: 'jp-us', from: 'JP', to: 'US', system: 'system:patriot-missile', date: '2024-01/..', status: 'PLANNED' }),
      ],
    }),
  );
});

describe('checkGroupBy', () => {
  it('rejects no key or an unknown key, naming groupBy', () => {
    expect(() => checkGroupBy([])).toThrow(invalidArgument('groupBy'));
    expect(() => checkGroupBy(['SUPPLIER', 'COUNTRY'])).toThrow(invalidArgument('groupBy'));
    expect(() => checkGroupBy(['supplier'])).toThrow(invalidArgument('groupBy'));
  });

  it('keeps the keys in the order given', () => {
    expect(checkGroupBy(['YEAR', 'SUPPLIER'])).toEqual(['YEAR', 'SUPPLIER']);
    expect(checkGroupBy(STATS_KEYS)).toEqual(STATS_KEYS);
  });
});

describe('transferStats', () => {
  it('rejects a bad groupBy or date before any port is asked, whatever else is wrong', async () => {
    const { ports, calls } = counting(store);
    await expect(transferStats(ports, { supplier: 'Atlantis' }, ['NATION'])).rejects.toThrow(invalidArgument('groupBy'));
    await expect(transferStats(ports, { supplier: 'Atlantis', between: { from: '2022-02-30' } }, ['YEAR'])).rejects.toThrow(invalidArgument('filter.between.from'));
    await expect(transferStats(ports, { knownAt: '2024' }, ['YEAR'])).rejects.toThrow(invalidArgument('filter.knownAt'));
    expect(calls).toEqual([]);
  });

  it('names an unknown reference of the filter, having only looked names up', async () => {
    const { ports, calls } = counting(store);
    await expect(transferStats(ports, { supplier: 'Germny' }, ['YEAR'])).rejects.toThrow(notFound('filter.supplier', ['Germany']));
    await expect(transferStats(ports, { recipient: 'Atlantis', system: 'Excalibur' }, ['YEAR'])).rejects.toThrow(notFound('filter.recipient'));
    expect(dataCalls(calls)).toEqual([]);
  });

  it('ranks by TIV delivered, unknown last; a window keeps only the deliveries in its years', async () => {
    const { ports, calls } = counting(store);
    expect(await transferStats(ports, null, ['SUPPLIER'])).toEqual([
      { key: ['DE'], transfers: 1, units: 15, tivDelivered: 42.5 },
      { key: ['US'], transfers: 2, units: 10, tivDelivered: 38 },
      { key: ['JP'], transfers: 1, units: null, tivDelivered: null },
    ]);
    expect(dataCalls(calls)).toEqual(['transferAggregates']);
    expect(await transferStats(store, { recipient: 'Ukraine', between: { from: '2022', to: '2023' } }, ['SUPPLIER'])).toEqual([
      { key: ['DE'], transfers: 1, units: 10, tivDelivered: 30.5 },
      { key: ['US'], transfers: 1, units: 4, tivDelivered: 20 },
    ]);
  });

  it('resolves the system to its family and groups by several keys', async () => {
    expect(await transferStats(store, { system: 'Patriot', between: { from: '2020', to: '2022' } }, ['YEAR', 'RECIPIENT'])).toEqual([
      { key: ['2022', 'UA'], transfers: 1, units: 3, tivDelivered: 15 },
      { key: ['2021', 'UA'], transfers: 1, units: 2, tivDelivered: 10 },
      { key: ['2020', 'PL'], transfers: 1, units: 4, tivDelivered: 8 },
    ]);
  });
});
