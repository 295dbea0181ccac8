// Contract for search: exact, prefix and contains matches over names and aliases, ranked.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

/** Registers the search cases. */
export function describeSearch(ctx: ContractContext): void {
  describe('search', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('search ranks exact, then prefix, then contains, over names and aliases', async () => {
        const hits = await ask(store).search('patriot', 20);
        expect(hits.slice(0, 2).map((h) => [h.id, h.match])).toEqual([
          ['system:patriot', 'EXACT'],
          ['system:patriot-missile', 'PREFIX'],
        ]);
        expect(hits.slice(2).every((h) => h.type === 'Event' && h.match === 'CONTAINS')).toBe(true);
        expect((await ask(store).search('U.S.', 1)).map((h) => [h.id, h.matched])).toEqual([['US', 'U.S.']]);
        expect((await ask(store).search('zelensk', 5)).map((h) => [h.id, h.match])).toEqual([
          ['person:volodymyr-zelensky', 'PREFIX'],
          ['event:zelensky-energy-warning-2023-10', 'PREFIX'],
        ]);
        await expect(ask(store).search('  ...  ', 5)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });
  });
}
