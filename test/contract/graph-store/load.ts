// Contract for load: atomic, so a failed or refused load leaves the previous graph answering.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/domain/model.js';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { transfer } from '../../helpers/dataset.js';
import type { ContractContext } from './context.js';

/** Registers the load cases. */
export function describeLoad(ctx: ContractContext): void {
  const { load } = ctx;

  describe('load', () => {
    let store: GraphStore;
    let seed: Dataset;
    beforeAll(() => {
      ({ store, seed } = ctx);
    });

    describe('loads are atomic', () => {
      it('a failed load leaves the previous graph answering as before', async () => {
        await load(seed);
        const before = await store.stats();
        const broken: Dataset = { ...seed, transfers: [...seed.transfers, transfer({ id: 'bad', from: 'JP', to: 'UA', date: '2024', system: 'system:missing' })] };
        await expect(store.load(broken)).rejects.toBeTruthy();
        expect(await store.stats()).toEqual(before);
        expect((await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot' })).paths).toHaveLength(1);
      });

      it('a dataset with duplicate ids is refused', async () => {
        const dup: Dataset = { ...seed, actors: [...seed.actors, seed.actors[0]!] };
        await expect(store.load(dup)).rejects.toBeTruthy();
        expect((await store.stats()).actors).toBe(10);
      });
    });
  });
}
