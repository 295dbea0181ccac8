// Contract for timeline: order, knownAt, filters by kind, system family, window and actors, keyset cursors.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

/** Registers the timeline cases. */
export function describeTimeline(ctx: ContractContext): void {
  describe('timeline', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('timeline of Japan is ordered by earliest, latest, id', async () => {
        const page = await ask(store).timeline({ actors: ['JP'] }, { first: 100 });
        expect(page.items.map((e) => e.id)).toEqual([
          'restriction:jp-arms-export-ban',
          'event:wsj-report-japan-patriots',
          'restriction:jp-no-export-to-party-at-war',
          'aid:jp-ua-since-2022',
          'event:jp-export-rules-2023-12-22',
          'event:jp-mofa-patriots-to-us-2023-12-22',
          'transfer:jp-us-patriot-missiles-2024#status-1',
          'event:emanuel-patriot-inventory-statement',
          'restriction:jp-reexport-consent',
          'transfer:jp-us-patriot-missiles-2024',
        ]);
        expect(page.totalCount).toBe(10);
      });

      it('timeline knownAt hides what was first reported later', async () => {
        const page = await ask(store).timeline({ actors: ['JP'], knownAt: '2023-12-01' }, {});
        expect(page.items.map((e) => [e.id, e.knownSince])).toEqual([['restriction:jp-no-export-to-party-at-war', '2014-04-01']]);
      });

      it('timeline filters by kind, system family, window, and actors with their parts', async () => {
        expect((await ask(store).timeline({ kinds: ['WAR'] }, {})).items.map((e) => e.id)).toEqual(['event:ru-full-scale-invasion']);
        const april = await ask(store).timeline({ between: { from: '2023-04-01', to: '2023-04-30' }, systems: ['system:patriot'] }, {});
        expect(april.items.map((e) => e.id)).toEqual([
          'event:wsj-report-japan-patriots',
          'transfer:ua-first-patriot-systems-2023-04',
          'event:ua-patriots-down-kinzhal',
        ]);
        const ukraine = await ask(store).timeline({ actors: ['UA'], kinds: ['WARNING'] }, {});
        expect(ukraine.items.map((e) => e.id)).toEqual(['event:zelensky-energy-warning-2023-10']);
        const patriot = await ask(store).timeline({ systems: ['system:patriot'], kinds: ['TRANSFER'] }, {});
        expect(patriot.items.map((e) => e.id)).toEqual([
          'transfer:ua-first-patriot-systems-2023-04',
          'transfer:us-ua-patriot-missiles-potential',
          'transfer:jp-us-patriot-missiles-2024',
        ]);
      });

      it('timeline pages round-trip through cursors', async () => {
        const all = await ask(store).timeline({}, { first: 100 });
        const seen: string[] = [];
        let after: string | undefined;
        let pages = 0;
        for (;;) {
          const page = await ask(store).timeline({}, { first: 4, ...(after && { after }) });
          expect(page.totalCount).toBe(all.totalCount);
          expect(page.hasPreviousPage).toBe(pages > 0);
          seen.push(...page.items.map((e) => e.id));
          pages += 1;
          if (!page.hasNextPage) break;
          after = page.cursors[page.cursors.length - 1];
        }
        expect(seen).toEqual(all.items.map((e) => e.id));
        expect(pages).toBe(Math.ceil(all.totalCount / 4));
        await expect(ask(store).timeline({}, { after: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(ask(store).timeline({}, { first: 101 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });
  });
}
