// Contract for transferRoutes: the seed's Patriot story, and the SIPRI excerpt checked against a brute-force reading
// of the data (every actor sequence, every chain) and against the CSV itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, routeChainsPage, type RouteOptionsInput } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import type { ContractContext } from './context.js';
import {
  allPages, asked, byTime, chainIds, counting, csvDeals, csvHop, hopsOf, OPEN_END, refHop, refRoutes, refTransfers, round,
  type CsvDeal, type RefOptions, type RefTransfer,
} from './routes-reference.js';

/** Registers the transferRoutes cases (and the `routeCandidates` port they rest on). */
export function describeRoutes(ctx: ContractContext): void {
  describe('transferRoutes', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('Japan → United States → Ukraine for Patriot: one route, its evidence, witness and rules', async () => {
        const page = await ask(store).transferRoutes('Japan', 'Ukraine', { system: 'Patriot' });
        expect([page.totalCount, page.complete, page.hopsCovered, page.hasNextPage, page.hasPreviousPage]).toEqual([1, true, 3, false, false]);
        const [r] = page.items;
        expect([r!.id, r!.actors, r!.length, r!.score]).toEqual(['JP>US>UA', ['JP', 'US', 'UA'], 2, 0]);
        // From seeds/transfers.yaml: one transfer per hop, neither with a delivered quantity or TIV, both open-ended.
        const seed = refTransfers(ctx.seed);
        const expected = [refHop('JP', 'US', seed.filter((t) => t.supplier === 'JP' && t.recipient === 'US'), undefined), refHop('US', 'UA', seed.filter((t) => t.supplier === 'US' && t.recipient === 'UA'), undefined)];
        expect(hopsOf(r!)).toEqual(expected);
        expect(expected.map((h) => [h.deals, h.units, h.tiv, h.span.latest])).toEqual([[1, null, null, OPEN_END], [1, null, null, OPEN_END]]);
        expect(r!.hops.map((h) => [h.systems, h.categories])).toEqual([[['system:patriot-missile'], ['interceptor missile']], [['system:patriot-missile'], ['interceptor missile']]]);
        expect(r!.witness.hops.map((h) => [h.transfer.id, h.via])).toEqual([
          ['transfer:jp-us-patriot-missiles-2024', 'TRANSFER'],
          ['transfer:us-ua-patriot-missiles-potential', 'TRANSFER'],
        ]);
        // The same rules as the path JP > US > UA: Japan's consent for the re-export, no exports to a party at war.
        expect(r!.checks.map((c) => [c.restriction, c.effect, c.hop, c.consentOf ?? null])).toEqual([
          ['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 1, 'JP'],
          ['restriction:jp-no-export-to-party-at-war', 'PROHIBITED', null, null],
        ]);
        expect(r!.checks).toEqual((await ask(store).transferPaths('JP', 'UA', { system: 'Patriot' })).paths[0]!.checks);
      });

      it('order rules: time-respecting yes, strict no, strict with the backfill link yes (its second hop via BACKFILL)', async () => {
        expect((await ask(store).transferRoutes('JP', 'UA', { order: 'TIME_RESPECTING' })).items.map((r) => r.id)).toEqual(['JP>US>UA']);
        expect((await ask(store).transferRoutes('JP', 'UA', { order: 'STRICT' })).totalCount).toBe(0);
        const backfill = await ask(store).transferRoutes('JP', 'UA', { order: 'STRICT', viaBackfill: true });
        expect(backfill.items.map((r) => r.witness.hops.map((h) => h.via))).toEqual([['TRANSFER', 'BACKFILL']]);
        const chains = await routeChainsPage(store, backfill.items[0]!);
        expect([chains.totalCount, chains.items.map((p) => p.hops.map((h) => h.via))]).toEqual([1, [['TRANSFER', 'BACKFILL']]]);
      });

      it('filters: knownAt, statuses, a system outside the story, avoid and categories', async () => {
        expect((await ask(store).transferRoutes('JP', 'UA', { knownAt: '2023-12-01' })).totalCount).toBe(0);
        expect((await ask(store).transferRoutes('JP', 'UA', { knownAt: '2023-12-22' })).totalCount).toBe(1);
        expect((await ask(store).transferRoutes('JP', 'UA', { statuses: ['DELIVERED'] })).totalCount).toBe(0);
        expect((await ask(store).transferRoutes('JP', 'UA', { system: 'system:kinzhal' })).totalCount).toBe(0);
        expect((await ask(store).transferRoutes('JP', 'UA', { categories: ['interceptor missile'] })).totalCount).toBe(1);
        expect((await ask(store).transferRoutes('JP', 'UA', { categories: ['air-defence system'] })).totalCount).toBe(0);
        expect((await ask(store).transferRoutes('JP', 'UA', { minDeals: 2 })).totalCount).toBe(0);
        expect((await ask(store).transferRoutes('JP', 'UA', { minTiv: 0.5 })).totalCount).toBe(0);
      });

      it('a system’s new category reaches its transfers’ hops on the next load (the projection follows the system)', async () => {
        const renamed = { ...ctx.seed, systems: ctx.seed.systems.map((s) => (s.id === 'system:patriot-missile' ? { ...s, category: 'renamed category' } : s)) };
        await ctx.load(renamed);
        try {
          expect((await ask(store).transferRoutes('JP', 'UA', { categories: ['interceptor missile'] })).totalCount).toBe(0);
          const page = await ask(store).transferRoutes('JP', 'UA', { categories: ['renamed category'] });
          expect(page.items.map((r) => [r.id, r.hops.map((h) => h.categories)])).toEqual([['JP>US>UA', [['renamed category'], ['renamed category']]]]);
        } finally {
          await ctx.loadSeed();
        }
      });

      it('refuses bad options, naming the argument, before reading any transfer', async () => {
        const { ports, calls } = counting(store);
        const refused = async (options: RouteOptionsInput, argument: string, code = 'INVALID_ARGUMENT', page?: { first?: number; after?: string }) => {
          calls.length = 0;
          await expect(ask(ports).transferRoutes('JP', 'UA', options, page)).rejects.toMatchObject({ code, details: expect.objectContaining({ argument }) });
          expect(calls.filter((c) => !['resolveActor', 'resolveSystem'].includes(c)), argument).toEqual([]);
        };
        await refused({ maxHops: 7 }, 'options.maxHops');
        await refused({ minDeals: 0 }, 'options.minDeals');
        await refused({ minTiv: -1 }, 'options.minTiv');
        await refused({}, 'first', 'INVALID_ARGUMENT', { first: 101 });
        await refused({ via: ['Japn'] }, 'options.via[0]', 'NOT_FOUND');
        await refused({ avoid: ['US', 'Atlantis'] }, 'options.avoid[1]', 'NOT_FOUND');
        await refused({ via: ['United States'], avoid: ['US'] }, 'options.avoid');
        await refused({ avoid: ['Ukraine'] }, 'options.avoid');
        await expect(ask(store).transferRoutes('JP', 'Japan')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'to' } });
        await expect(ask(store).transferRoutes('JP', 'UA', { via: ['Japn'] })).rejects.toMatchObject({ suggestions: expect.arrayContaining(['Japan']) });
        // A cursor of another kind of question is refused before any look-up.
        const timelineCursor = (await ask(store).timeline({}, { first: 1 })).cursors[0]!;
        calls.length = 0;
        await expect(ask(ports).transferRoutes('JP', 'UA', {}, { after: timelineCursor })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'after' } });
        expect(calls).toEqual([]);
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      let all: RefTransfer[];
      let deals: Map<string, CsvDeal>;
      beforeAll(async () => {
        await ctx.loadSipri();
        all = refTransfers(await ctx.sipri());
        deals = await csvDeals();
      });

      it('a known hop: Germany → Czechia and Czechia → Ukraine, summed by hand from the CSV', async () => {
        const page = await ask(store).transferRoutes('Germany', 'Ukraine');
        const route = page.items.find((r) => r.id === 'DE>CZ>UA')!;
        expect(route).toBeDefined();
        const got = hopsOf(route).map(({ from: _, to: __, ...h }) => ({ ...h, transfers: [...h.transfers].sort() }));
        const expected = [csvHop(deals, 'Germany', 'Czechia'), csvHop(deals, 'Czechia', 'Ukraine')].map((h) => ({ ...h, transfers: [...h.transfers].sort() }));
        expect(got).toEqual(expected);
        // Leopard 2A4s to Czechia in 2022–2023 (14, TIV 22.4); T-72s, BMP-1s and DANAs from Czechia to Ukraine.
        expect(got.map((h) => [h.deals, h.units, h.tiv])).toEqual([[1, 14, 22.4], [6, 132, 129.44]]);
        expect(route.score).toBe(22.4);
        // In a window only its years' deliveries count: 2023 alone.
        const in2023 = (await ask(store).transferRoutes('DE', 'UA', { between: { from: '2023', to: '2023' } })).items.find((r) => r.id === 'DE>CZ>UA')!;
        const tivIn2023 = (s: string, r: string) =>
          round([...deals.values()].filter((d) => d.supplier === s && d.recipient === r).flatMap((d) => d.rows).filter((x) => x.year === 2023).reduce((n, x) => n + x.tiv, 0));
        expect(in2023.hops.map((h) => h.tiv)).toEqual([tivIn2023('Germany', 'Czechia'), tivIn2023('Czechia', 'Ukraine')]);
        expect(in2023.hops.map((h) => h.tiv)).toEqual([20.8, 34.32]);
      });

      it('sources keep routes and paths to the transfers of those sources', async () => {
        const isSipri = (id: string) => id.startsWith('transfer:sipri-');
        const usUa = all.filter((t) => t.supplier === 'US' && t.recipient === 'UA' && !['CANCELLED', 'DENIED'].includes(t.status));
        const bySource = { SEED: usUa.filter((t) => !isSipri(t.id)), SIPRI: usUa.filter((t) => isSipri(t.id)) };
        expect(bySource.SEED.length).toBeGreaterThan(0);
        expect(bySource.SIPRI.length).toBeGreaterThan(0);
        for (const source of ['SEED', 'SIPRI'] as const) {
          const [route] = (await ask(store).transferRoutes('US', 'UA', { maxHops: 1, sources: [source] })).items;
          expect(route!.hops[0]!.transfers.map((t) => t.id).sort()).toEqual(bySource[source].map((t) => t.id).sort());
          const paths = await ask(store).transferPaths('US', 'UA', { maxHops: 1, limit: 100, sources: [source] });
          expect(paths.paths.map((p) => p.hops[0]!.transfer.id).sort()).toEqual(bySource[source].map((t) => t.id).sort());
        }
        const both = (await ask(store).transferRoutes('US', 'UA', { maxHops: 1, sources: ['SEED', 'SIPRI'] })).items[0]!;
        expect(both.hops[0]!.deals).toBe(usUa.length);
        await expect(ask(store).transferRoutes('US', 'UA', { sources: ['NATO'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { argument: 'options.sources[0]' } });
      });

      it('totals, route ids in every order, evidence and arrival agree with every chain enumerated from the data', async () => {
        const questions: [string, string, RefOptions][] = [
          ['AU', 'UA', {}], ['DE', 'UA', {}], ['JP', 'UA', {}], ['AU', 'US', {}], ['US', 'UA', {}], ['CN', 'UA', {}],
          ['AU', 'UA', { order: 'TIME_RESPECTING' }], ['AU', 'UA', { order: 'STRICT' }], ['DE', 'UA', { order: 'TIME_RESPECTING' }],
          ['AU', 'UA', { maxHops: 6 }], ['AU', 'UA', { maxHops: 2 }], ['AU', 'UA', { years: { from: 2023, to: 2024 } }],
          ['DE', 'UA', { years: { from: 2022, to: 2022 } }], ['AU', 'UA', { order: 'STRICT', viaBackfill: true }],
        ];
        let routes = 0;
        for (const [from, to, base] of questions) {
          for (const orderBy of ['EVIDENCE', 'RECENT', 'EARLIEST_ARRIVAL', 'FEWEST_HOPS'] as const) {
            const o = { ...base, orderBy };
            const why = `${from}→${to} ${JSON.stringify(o)}`;
            const expected = refRoutes(all, from, to, o);
            const page = await ask(store).transferRoutes(from, to, asked(o), { first: 100 });
            expect([page.totalCount, page.complete], why).toEqual([expected.length, true]);
            expect(page.items.map((r) => r.id), why).toEqual(expected.map((r) => r.id));
            for (const [i, r] of page.items.entries()) {
              const ref = expected[i]!;
              expect(hopsOf(r), `${why} ${r.id}`).toEqual(ref.hops);
              // The witness is an allowed chain arriving first.
              expect(ref.chains.map(chainIds), `${why} ${r.id}`).toContain(chainIds(r.witness.hops.map((h) => h.transfer)));
              expect(r.witness.hops.at(-1)!.transfer.id).toBe(ref.chains.map((c) => c.at(-1)!).sort(byTime)[0]!.id);
            }
            routes += page.items.length;
          }
        }
        expect(routes).toBeGreaterThan(50);
      });

      it('Australia → Ukraine: three routes, ranked four ways', async () => {
        const ids = async (o: RouteOptionsInput) => (await ask(store).transferRoutes('AU', 'UA', o)).items.map((r) => r.id);
        // Weakest hop's TIV: AU→UA 20.8 (two deals), AU→NL 8 (Bushmasters, 2006), JP→US unknown (the seed's Patriots).
        expect(await ids({})).toEqual(['AU>UA', 'AU>NL>UA', 'AU>JP>US>UA']);
        // Last active: AU→UA 2024; AU→JP 2018; AU→NL 2006.
        expect(await ids({ orderBy: 'RECENT' })).toEqual(['AU>UA', 'AU>JP>US>UA', 'AU>NL>UA']);
        expect(await ids({ orderBy: 'EARLIEST_ARRIVAL' })).toEqual(['AU>UA', 'AU>NL>UA', 'AU>JP>US>UA']);
        expect(await ids({ orderBy: 'FEWEST_HOPS' })).toEqual(['AU>UA', 'AU>NL>UA', 'AU>JP>US>UA']);
        // Time-respecting, the US hop must end after the Japanese missiles may start (2024): Javelins (deal 65326) first.
        const tr = (await ask(store).transferRoutes('AU', 'UA', { order: 'TIME_RESPECTING' })).items.find((r) => r.id === 'AU>JP>US>UA')!;
        expect(tr.witness.hops.map((h) => h.transfer.id)).toEqual(['transfer:sipri-61902', 'transfer:jp-us-patriot-missiles-2024', 'transfer:sipri-65326']);
      });

      it('via, avoid, categories, minDeals and minTiv keep exactly the routes the data allows', async () => {
        const cases: [RouteOptionsInput, RefOptions, string[]][] = [
          [{ via: ['Japan'] }, { via: ['JP'] }, ['AU>JP>US>UA']],
          [{ via: ['NL'] }, { via: ['NL'] }, ['AU>NL>UA']],
          [{ via: ['JP', 'US'] }, { via: ['JP', 'US'] }, ['AU>JP>US>UA']],
          [{ via: ['JP', 'NL'] }, { via: ['JP', 'NL'] }, []],
          [{ avoid: ['Netherlands'] }, { avoid: ['NL'] }, ['AU>UA', 'AU>JP>US>UA']],
          [{ avoid: ['US'] }, { avoid: ['US'] }, ['AU>UA', 'AU>NL>UA']],
          [{ categories: ['Armoured vehicles'] }, { categories: ['Armoured vehicles'] }, ['AU>UA']],
          [{ categories: ['Missiles', 'Armoured vehicles', 'interceptor missile'] }, { categories: ['Missiles', 'Armoured vehicles', 'interceptor missile'] }, ['AU>UA', 'AU>NL>UA', 'AU>JP>US>UA']],
          [{ minDeals: 2 }, { minDeals: 2 }, ['AU>UA']],
          [{ minTiv: 5 }, { minTiv: 5 }, ['AU>UA', 'AU>NL>UA']],
          [{ minTiv: 10 }, { minTiv: 10 }, ['AU>UA']],
          [{ minTiv: 20.8 }, { minTiv: 20.8 }, ['AU>UA']],
          [{ minTiv: 20.81 }, { minTiv: 20.81 }, []],
        ];
        for (const [input, ref, ids] of cases) {
          const page = await ask(store).transferRoutes('AU', 'UA', input);
          const expected = refRoutes(all, 'AU', 'UA', ref);
          expect(expected.map((r) => r.id), JSON.stringify(input)).toEqual(ids);
          expect(page.items.map((r) => r.id), JSON.stringify(input)).toEqual(ids);
          expect(page.totalCount).toBe(ids.length);
          for (const [i, r] of page.items.entries()) expect(hopsOf(r)).toEqual(expected[i]!.hops);
        }
        // A category keeps only the hop's transfers of that category.
        const armour = (await ask(store).transferRoutes('AU', 'UA', { categories: ['Armoured vehicles'] })).items[0]!;
        expect(hopsOf(armour)[0]).toMatchObject({ deals: 1, tiv: 16.8, units: 120, transfers: ['transfer:sipri-65361'] });
      });

      it('pages: the union of the pages is the full listing, without duplicates, for every page size', async () => {
        for (const [from, to, options] of [['AU', 'UA', {}], ['AU', 'UA', { maxHops: 6, orderBy: 'RECENT' }], ['DE', 'UA', { orderBy: 'FEWEST_HOPS' }]] as const) {
          const full = (await ask(store).transferRoutes(from, to, options, { first: 100 })).items.map((r) => r.id);
          for (const first of [1, 2]) {
            const pages = await allPages(store, from, to, options, first);
            const ids = pages.flatMap((p) => p.items.map((r) => r.id));
            expect(ids).toEqual(full);
            expect(new Set(ids).size).toBe(ids.length);
            expect(pages.map((p) => p.totalCount)).toEqual(pages.map(() => full.length));
            expect(pages.map((p) => p.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
            expect(pages.length).toBe(Math.max(1, Math.ceil(full.length / first)));
          }
        }
        expect((await ask(store).transferRoutes('AU', 'UA', {}, { first: 0 })).items).toEqual([]);
      });

      it('a cursor of another question is refused, naming after', async () => {
        const cursor = (await ask(store).transferRoutes('AU', 'UA', {}, { first: 1 })).cursors[0]!;
        expect((await ask(store).transferRoutes('AU', 'UA', {}, { first: 1, after: cursor })).items.map((r) => r.id)).toEqual(['AU>NL>UA']);
        const refused = { code: 'INVALID_ARGUMENT', details: { argument: 'after' } };
        await expect(ask(store).transferRoutes('DE', 'UA', {}, { after: cursor })).rejects.toMatchObject(refused);
        await expect(ask(store).transferRoutes('AU', 'UA', { orderBy: 'RECENT' }, { after: cursor })).rejects.toMatchObject(refused);
        await expect(ask(store).transferRoutes('AU', 'UA', { maxHops: 4 }, { after: cursor })).rejects.toMatchObject(refused);
        const transfersCursor = (await ask(store).transfers({}, { first: 1 })).cursors[0]!;
        await expect(ask(store).transferRoutes('AU', 'UA', {}, { after: transfersCursor })).rejects.toMatchObject(refused);
        await expect(ask(store).transferRoutes('AU', 'UA', {}, { after: 'not a cursor' })).rejects.toMatchObject(refused);
      });

      it('a route’s chains: counted exactly, by arrival, paged, the same paths transferPaths lists for those actors', async () => {
        for (const [from, to, o] of [['DE', 'UA', {}], ['DE', 'UA', { order: 'TIME_RESPECTING' }], ['AU', 'UA', {}], ['AU', 'UA', { order: 'TIME_RESPECTING' }]] as const) {
          const page = await ask(store).transferRoutes(from, to, o, { first: 100 });
          const expected = new Map(refRoutes(all, from, to, o).map((r) => [r.id, r]));
          for (const r of page.items) {
            const ref = expected.get(r.id)!;
            // By arrival (the last transfer in time order), then the earlier hops from the last back, each in time order.
            const keyed = (c: readonly RefTransfer[]) => [...c].reverse();
            const order = [...ref.chains].sort((a, b) => {
              const [x, y] = [keyed(a), keyed(b)];
              for (let i = 0; i < x.length; i += 1) if (byTime(x[i]!, y[i]!) !== 0) return byTime(x[i]!, y[i]!);
              return 0;
            });
            const chains = await routeChainsPage(store, r, { first: 100 });
            const why = `${from}→${to} ${JSON.stringify(o)} ${r.id}`;
            expect(chains.totalCount, why).toBe(ref.chains.length);
            expect(chains.items.map((p) => chainIds(p.hops.map((h) => h.transfer))), why).toEqual(order.map(chainIds));
            expect(chainIds(chains.items[0]!.hops.map((h) => h.transfer)), why).toBe(chainIds(r.witness.hops.map((h) => h.transfer)));
            // transferPaths lists the same chains, in the same order, for the route's actors.
            const paths = await ask(store).transferPaths(from, to, { ...o, maxHops: r.length, limit: 100 });
            const same = paths.paths.filter((p) => [p.hops[0]!.from, ...p.hops.map((h) => h.to)].join('>') === r.id);
            expect(same.map((p) => chainIds(p.hops.map((h) => h.transfer))), why).toEqual(order.map(chainIds));
            // Paged two at a time: the same chains, each once.
            const paged: string[] = [];
            let after: string | undefined;
            for (;;) {
              const p = await routeChainsPage(store, r, { first: 2, ...(after !== undefined && { after }) });
              paged.push(...p.items.map((x) => chainIds(x.hops.map((h) => h.transfer))));
              expect(p.totalCount).toBe(ref.chains.length);
              if (!p.hasNextPage) break;
              after = p.cursors.at(-1)!;
            }
            expect(paged, why).toEqual(order.map(chainIds));
          }
        }
        // Under ANY, Germany → Czechia → Ukraine has a chain per Czech deal (one Leopard deal before them).
        const de = (await ask(store).transferRoutes('DE', 'UA')).items.find((r) => r.id === 'DE>CZ>UA')!;
        expect((await routeChainsPage(store, de, { first: 0 })).totalCount).toBe(csvHop(deals, 'Czechia', 'Ukraine').deals);
      });
    });
  });
}
