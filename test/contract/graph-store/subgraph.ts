// Contract for subgraph: the neighbourhood of some actors, grown by depth under a transfer filter.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

/** Registers the subgraph cases. */
export function describeSubgraph(ctx: ContractContext): void {
  describe('subgraph', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('subgraph grows by depth and follows the transfer filter', async () => {
        const one = await ask(store).subgraph({ around: ['JP'], depth: 1 });
        expect(one.actors.map((a) => a.id)).toEqual(['JP', 'US']);
        expect(one.edges.map((e) => e.id)).toEqual(['transfer:jp-us-patriot-missiles-2024']);
        const two = await ask(store).subgraph({ around: ['JP'], depth: 2 });
        expect(two.actors.map((a) => a.id)).toEqual(['JP', 'UA', 'US']);
        expect(two.systems.map((s) => s.id)).toEqual(['system:patriot-missile']);
        const three = await ask(store).subgraph({ around: ['JP'], depth: 3 });
        expect(three.actors.map((a) => a.id)).toEqual(['JP', 'UA', 'US', 'unknown:supplier']);
        expect(three.systems.map((s) => s.id)).toEqual(['system:patriot', 'system:patriot-missile']);
        const delivered = await ask(store).subgraph({ around: ['UA'], depth: 1, filter: { statuses: ['DELIVERED'] } });
        expect(delivered.edges.map((e) => e.id)).toEqual(['transfer:ua-first-patriot-systems-2023-04']);
        await expect(ask(store).subgraph({ around: ['JP'], depth: 9 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });
  });
}
