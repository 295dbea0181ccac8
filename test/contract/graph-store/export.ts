// Contract for exportSelection: what every export channel writes — the whole graph or a neighbourhood, with cited sources.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Dataset, Transfer } from '../../../src/domain/model.js';
import { ask, Hierarchy, transferPredicate } from '../../../src/query/index.js';
import type { TransferFilter, TransferFilterInput } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';

const byId = <T extends { readonly id: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** What a selection of these actors and transfers of `d` must hold: everything by id, the transfers' systems and cited sources. */
function selectionOf(d: Dataset, actors: readonly Actor[], transfers: readonly Transfer[]) {
  const systems = new Set(transfers.map((t) => t.system));
  const sources = new Set(transfers.flatMap((t) => t.citations.map((c) => c.source)));
  return {
    subgraph: {
      actors: byId(actors),
      systems: byId(d.systems.filter((s) => systems.has(s.id))),
      edges: byId(transfers).map((t) => ({ id: t.id, source: t.supplier, target: t.recipient, transfer: t })),
    },
    sources: new Map(d.sources.filter((s) => sources.has(s.id)).map((s) => [s.id, s])),
  };
}

const keeper = (d: Dataset, filter: TransferFilter) => transferPredicate(filter, new Hierarchy(d.systems.map((s) => [s.id, s.family] as const)));

/** The whole-graph selection, recomputed from the dataset: every actor, the transfers passing the filter. */
function expectedWhole(d: Dataset, filter: TransferFilter) {
  return selectionOf(d, d.actors, d.transfers.filter(keeper(d, filter)));
}

/** A neighbourhood selection, recomputed from the dataset: actors within `depth` kept transfers, the kept transfers between them. */
function expectedAround(d: Dataset, around: readonly string[], depth: number, filter: TransferFilter) {
  const kept = d.transfers.filter(keeper(d, filter));
  const seen = new Set(around);
  let frontier = new Set(around);
  for (let i = 0; i < depth; i += 1) {
    const next = new Set<string>();
    for (const t of kept) {
      for (const [here, there] of [[t.supplier, t.recipient], [t.recipient, t.supplier]] as const) {
        if (frontier.has(here) && !seen.has(there)) next.add(there);
      }
    }
    next.forEach((id) => seen.add(id));
    frontier = next;
  }
  return selectionOf(d, d.actors.filter((a) => seen.has(a.id)), kept.filter((t) => seen.has(t.supplier) && seen.has(t.recipient)));
}

/** A filter as asked, the filter the selection must carry, and (on the seed) the transfers it keeps. */
type FilterCase = readonly [asked: TransferFilterInput, resolved: TransferFilter, edges?: readonly string[]];

/** Registers the exportSelection cases. */
export function describeExport(ctx: ContractContext): void {
  describe('exportSelection', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      let seed: Dataset;
      beforeAll(async () => {
        seed = ctx.seed;
        await ctx.loadSeed();
      });

      it('rejects a bad depth, an unknown actor and a malformed date', async () => {
        await expect(ask(store).exportSelection({ depth: 9 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(ask(store).exportSelection({ around: ['Japn'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(ask(store).exportSelection({ filter: { between: { from: '2024-13' } } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });

      it('the whole graph: every actor, every transfer, their systems and the sources they cite', async () => {
        const { selection, subgraph, sources } = await ask(store).exportSelection({});
        expect(selection).toEqual({ around: [], depth: 1, filter: {} });
        expect(subgraph.actors.map((a) => a.id)).toEqual([
          'JP', 'RU', 'UA', 'US', 'company:lockheed-martin', 'org:jp-mofa', 'org:wsj', 'person:rahm-emanuel', 'person:volodymyr-zelensky',
          'unknown:supplier',
        ]);
        expect(subgraph.edges.map((e) => [e.id, e.source, e.target])).toEqual([
          ['transfer:jp-us-patriot-missiles-2024', 'JP', 'US'],
          ['transfer:ua-first-patriot-systems-2023-04', 'unknown:supplier', 'UA'],
          ['transfer:us-ua-patriot-missiles-potential', 'US', 'UA'],
        ]);
        expect(subgraph.systems.map((s) => s.id)).toEqual(['system:patriot', 'system:patriot-missile']);
        expect([...sources.keys()]).toEqual(['source:kyiv-independent-2023-12-japan-patriots']);
        expect({ subgraph, sources }).toEqual(expectedWhole(seed, {}));
      });

      it('carries every filter field into the selection and keeps only the transfers it matches (every actor stays)', async () => {
        const cases: FilterCase[] = [
          [{ supplier: 'United States' }, { supplier: 'US' }, ['transfer:us-ua-patriot-missiles-potential']],
          [{ recipient: 'ukraine' }, { recipient: 'UA' }, ['transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-potential']],
          [{ system: 'patriot missiles' }, { system: 'system:patriot-missile' }, ['transfer:jp-us-patriot-missiles-2024', 'transfer:us-ua-patriot-missiles-potential']],
          [{ system: 'Patriot' }, { system: 'system:patriot' }, [
            'transfer:jp-us-patriot-missiles-2024', 'transfer:ua-first-patriot-systems-2023-04', 'transfer:us-ua-patriot-missiles-potential',
          ]],
          [{ statuses: ['DELIVERED', 'PLANNED'] }, { statuses: ['DELIVERED', 'PLANNED'] }, [
            'transfer:jp-us-patriot-missiles-2024', 'transfer:ua-first-patriot-systems-2023-04',
          ]],
          [{ kinds: ['BACKFILL'] }, { kinds: ['BACKFILL'] }, ['transfer:jp-us-patriot-missiles-2024']],
          [{ between: { from: '2023-04', to: '2023-06' } }, { between: { from: '2023-04-01', to: '2023-06-30' } }, ['transfer:ua-first-patriot-systems-2023-04']],
          [{ knownAt: '2023-12-21' }, { knownAt: '2023-12-21' }, []],
          [
            { supplier: 'US', recipient: 'UA', system: 'Patriot', statuses: ['POTENTIAL'], kinds: ['UNKNOWN'], between: { from: '2024' }, knownAt: '2023-12-22' },
            {
              supplier: 'US', recipient: 'UA', system: 'system:patriot', statuses: ['POTENTIAL'], kinds: ['UNKNOWN'],
              between: { from: '2024-01-01', to: '9999-12-31' }, knownAt: '2023-12-22',
            },
            ['transfer:us-ua-patriot-missiles-potential'],
          ],
        ];
        for (const [asked, resolved, edges] of cases) {
          const { selection, subgraph, sources } = await ask(store).exportSelection({ filter: asked });
          expect(selection, JSON.stringify(asked)).toEqual({ around: [], depth: 1, filter: resolved });
          expect(subgraph.edges.map((e) => e.id), JSON.stringify(asked)).toEqual(edges);
          expect(subgraph.actors, JSON.stringify(asked)).toHaveLength(10);
          expect({ subgraph, sources }, JSON.stringify(asked)).toEqual(expectedWhole(seed, resolved));
        }
      });

      it('around: the neighbourhood of some actors by depth and filter, as the subgraph question gives it', async () => {
        const two = await ask(store).exportSelection({ around: ['Japan'], depth: 2 });
        expect(two.selection).toEqual({ around: ['JP'], depth: 2, filter: {} });
        expect(two.subgraph.actors.map((a) => a.id)).toEqual(['JP', 'UA', 'US']);
        expect(two.subgraph).toEqual(await ask(store).subgraph({ around: ['JP'], depth: 2 }));
        expect({ subgraph: two.subgraph, sources: two.sources }).toEqual(expectedAround(seed, ['JP'], 2, {}));
        const delivered = await ask(store).exportSelection({ around: ['UA'], depth: 1, filter: { statuses: ['DELIVERED'] } });
        expect(delivered.subgraph.edges.map((e) => e.id)).toEqual(['transfer:ua-first-patriot-systems-2023-04']);
        expect({ subgraph: delivered.subgraph, sources: delivered.sources }).toEqual(expectedAround(seed, ['UA'], 1, { statuses: ['DELIVERED'] }));
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      let sipri: Dataset;
      beforeAll(async () => {
        sipri = await ctx.sipri();
        await ctx.loadSipri();
      });

      it('the whole graph: every actor, every transfer, their systems and the sources they cite', async () => {
        const { subgraph, sources } = await ask(store).exportSelection({});
        expect([subgraph.actors.length, subgraph.edges.length]).toEqual([sipri.actors.length, sipri.transfers.length]);
        expect({ subgraph, sources }).toEqual(expectedWhole(sipri, {}));
      });

      it('carries every filter field into the selection and keeps only the transfers it matches', async () => {
        const cases: FilterCase[] = [
          [{ recipient: 'Ukraine', between: { from: '2022', to: '2024' } }, { recipient: 'UA', between: { from: '2022-01-01', to: '2024-12-31' } }],
          [{ supplier: 'Germany', system: 'Patriot' }, { supplier: 'DE', system: 'system:patriot' }],
          [{ statuses: ['PLANNED', 'POTENTIAL'], kinds: ['UNKNOWN'] }, { statuses: ['PLANNED', 'POTENTIAL'], kinds: ['UNKNOWN'] }],
          [{ knownAt: '2025-01-01' }, { knownAt: '2025-01-01' }],
        ];
        for (const [asked, resolved] of cases) {
          const { selection, subgraph, sources } = await ask(store).exportSelection({ filter: asked });
          expect(selection, JSON.stringify(asked)).toEqual({ around: [], depth: 1, filter: resolved });
          // Each case keeps some transfers and leaves out others, or it would not show the field honoured.
          expect(subgraph.edges.length, JSON.stringify(asked)).toBeGreaterThan(0);
          expect(subgraph.edges.length, JSON.stringify(asked)).toBeLessThan(sipri.transfers.length);
          expect({ subgraph, sources }, JSON.stringify(asked)).toEqual(expectedWhole(sipri, resolved));
        }
      });

      it('around: the neighbourhood of some actors by depth and filter', async () => {
        const patriot = await ask(store).exportSelection({ around: ['Ukraine'], depth: 1, filter: { system: 'Patriot' } });
        expect(patriot.selection).toEqual({ around: ['UA'], depth: 1, filter: { system: 'system:patriot' } });
        expect(patriot.subgraph.edges.length).toBeGreaterThan(0);
        expect({ subgraph: patriot.subgraph, sources: patriot.sources }).toEqual(expectedAround(sipri, ['UA'], 1, { system: 'system:patriot' }));
        const between = { from: '2022-01-01', to: '2024-12-31' };
        const two = await ask(store).exportSelection({ around: ['CZ', 'Germany'], depth: 2, filter: { between: { from: '2022', to: '2024' } } });
        expect(two.selection).toEqual({ around: ['CZ', 'DE'], depth: 2, filter: { between } });
        expect(two.subgraph.actors.length).toBeGreaterThan(2);
        expect({ subgraph: two.subgraph, sources: two.sources }).toEqual(expectedAround(sipri, ['CZ', 'DE'], 2, { between }));
      });
    });
  });
}
