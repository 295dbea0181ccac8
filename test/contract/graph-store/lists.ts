// Contract for the lists: transfer pages and allTransfers under a filter, allActors by id.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/domain/model.js';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { actor, dataset, transfer } from '../../helpers/dataset.js';
import type { ContractContext } from './context.js';

/** Registers the transfers, allTransfers and allActors cases. */
export function describeLists(ctx: ContractContext): void {
  const { load } = ctx;

  describe('transfers', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('transfers filter by recipient, system family and knownAt, in time order', async () => {
        expect((await ask(store).transfers({ recipient: 'UA' }, {})).items.map((t) => t.id)).toEqual([
          'transfer:ua-first-patriot-systems-2023-04',
          'transfer:us-ua-patriot-missiles-potential',
        ]);
        expect((await ask(store).transfers({ system: 'system:patriot' }, {})).totalCount).toBe(3);
        expect((await ask(store).transfers({ supplier: 'JP', statuses: ['PLANNED'], kinds: ['BACKFILL'] }, {})).totalCount).toBe(1);
        expect((await ask(store).transfers({ knownAt: '2023-01-01' }, {})).totalCount).toBe(0);
        expect((await store.allTransfers({ system: 'system:patriot' })).map((t) => t.id)).toEqual([
          'transfer:ua-first-patriot-systems-2023-04',
          'transfer:us-ua-patriot-missiles-potential',
          'transfer:jp-us-patriot-missiles-2024',
        ]);
      });
    });
  });

  describe('allActors', () => {
    let store: GraphStore;
    let seed: Dataset;
    beforeAll(() => {
      ({ store, seed } = ctx);
    });

    it('returns every actor of the seed, sorted by id', async () => {
      await load(seed);
      const actors = await store.allActors();
      expect(actors.map((a) => a.id)).toEqual([
        'JP', 'RU', 'UA', 'US', 'company:lockheed-martin', 'org:jp-mofa', 'org:wsj', 'person:rahm-emanuel', 'person:volodymyr-zelensky',
        'unknown:supplier',
      ]);
      expect(actors).toEqual([...seed.actors].sort((a, b) => (a.id < b.id ? -1 : 1)));
    });

    it('sorts by id whatever order the dataset gives, with actors that have no transfers', async () => {
      await load(
        dataset({
          actors: [actor('ZZ'), actor('MM', 'Em', ['em']), actor('AA'), actor('org:b', 'B', [], 'ORGANIZATION', 'AA')],
          transfers: [transfer({ id: 'zb', from: 'ZZ', to: 'BB', date: '2020' })],
        }),
      );
      expect((await store.allActors()).map((a) => a.id)).toEqual(['AA', 'BB', 'MM', 'ZZ', 'org:b']);
    });
  });
}
