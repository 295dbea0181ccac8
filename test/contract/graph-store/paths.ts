// Contract for transferPaths: the seed's Patriot chain, order rules and ranking on hand-made graphs, the SIPRI join.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, hopFilter, resolvePathOptions } from '../../../src/query/index.js';
import type { GraphStore } from '../../../src/store/index.js';
import { dataset, system, transfer } from '../../helpers/dataset.js';
import { ids, route, type ContractContext } from './context.js';

/** Registers the transferPaths cases (and the `pathCandidates` port they rest on). */
export function describePaths(ctx: ContractContext): void {
  const { paths } = ctx;

  describe('transferPaths', () => {
    let store: GraphStore;
    beforeAll(() => {
      store = ctx.store;
    });

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(() => ctx.loadSeed());

      it('finds Japan → United States → Ukraine for Patriot with the rules that bear on it', async () => {
        const result = await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot' });
        expect(result.truncated).toBe(false);
        expect(result.paths.map(route)).toEqual(['JP>US>UA']);
        const [p] = result.paths;
        expect(p!.hops.map((h) => [h.transfer.id, h.transfer.status, h.via])).toEqual([
          ['transfer:jp-us-patriot-missiles-2024', 'PLANNED', 'TRANSFER'],
          ['transfer:us-ua-patriot-missiles-potential', 'POTENTIAL', 'TRANSFER'],
        ]);
        expect(p!.departs.edtf).toBe('2024-01/..');
        expect(p!.arrives.edtf).toBe('2023-12-22/..');
        expect(p!.checks.map((c) => [c.restriction, c.effect, c.hop, c.consentOf ?? null])).toEqual([
          ['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 1, 'JP'],
          ['restriction:jp-no-export-to-party-at-war', 'PROHIBITED', null, null],
        ]);
      });

      it('the Patriot chain is time-respecting but not strictly ordered, unless the backfill link counts', async () => {
        expect((await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot', order: 'TIME_RESPECTING' })).paths.map(route)).toEqual(['JP>US>UA']);
        expect((await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot', order: 'STRICT' })).paths).toEqual([]);
        const viaBackfill = await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot', order: 'STRICT', viaBackfill: true });
        expect(viaBackfill.paths.map((p) => p.hops.map((h) => h.via))).toEqual([['TRANSFER', 'BACKFILL']]);
      });

      it('paths honour knownAt, statuses and the system family', async () => {
        expect((await ask(store).transferPaths('JP', 'UA', { knownAt: '2023-12-01' })).paths).toEqual([]);
        expect((await ask(store).transferPaths('JP', 'UA', { knownAt: '2023-12-22' })).paths).toHaveLength(1);
        expect((await ask(store).transferPaths('JP', 'UA', { statuses: ['DELIVERED'] })).paths).toEqual([]);
        expect((await ask(store).transferPaths('JP', 'UA', { system: 'system:kinzhal' })).paths).toEqual([]);
        expect((await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot-missile' })).paths).toHaveLength(1);
      });

      it('pathCandidates holds at least the transfers on every path found, each list in time order', async () => {
        const found = await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot' });
        expect(found.paths.length).toBeGreaterThan(0);
        const options = resolvePathOptions({ system: 'system:patriot' });
        const graph = await store.pathCandidates('JP', 'UA', options.maxHops, hopFilter(options));
        for (const hop of found.paths.flatMap((p) => p.hops)) {
          expect(graph.outgoing(hop.from).map((t) => t.id)).toContain(hop.transfer.id);
          expect(graph.incoming(hop.to).map((t) => t.id)).toContain(hop.transfer.id);
        }
        // Days are fixed-width ISO strings, so the joined key orders as (earliest, latest, id) does.
        const key = (t: { id: string; date: { earliest: string; latest: string } }) => `${t.date.earliest} ${t.date.latest} ${t.id}`;
        for (const actor of new Set(found.paths.flatMap((p) => p.hops.flatMap((h) => [h.from, h.to])))) {
          for (const list of [graph.outgoing(actor), graph.incoming(actor)]) {
            const keys = list.map(key);
            expect(keys).toEqual([...keys].sort());
          }
        }
      });
    });

    describe('paths on small hand-made graphs', () => {
      it('never visits an actor twice (cycles)', async () => {
        const d = dataset({
          transfers: [
            transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020' }),
            transfer({ id: 'ba', from: 'BB', to: 'AA', date: '2020' }),
            transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2020' }),
          ],
        });
        const result = await paths(d, 'AA', 'CC', { maxHops: 6 });
        expect(result.paths.map(ids)).toEqual(['ab,bc']);
      });

      it('equal dates satisfy both TIME_RESPECTING and STRICT', async () => {
        const d = dataset({
          transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020-05-01' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2020-05-01' })],
        });
        expect((await paths(d, 'AA', 'CC', { order: 'TIME_RESPECTING' })).paths).toHaveLength(1);
        expect((await ask(store).transferPaths('AA', 'CC', { order: 'STRICT' })).paths).toHaveLength(1);
      });

      it('year-only dates overlap: time-respecting, not strict', async () => {
        const d = dataset({
          transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2020' })],
        });
        expect((await paths(d, 'AA', 'CC', { order: 'TIME_RESPECTING' })).paths).toHaveLength(1);
        expect((await ask(store).transferPaths('AA', 'CC', { order: 'STRICT' })).paths).toHaveLength(0);
      });

      it('a hop that surely ended before the previous began breaks TIME_RESPECTING', async () => {
        const d = dataset({
          transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2021' }), transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2020' })],
        });
        expect((await paths(d, 'AA', 'CC', { order: 'ANY' })).paths).toHaveLength(1);
        expect((await ask(store).transferPaths('AA', 'CC', { order: 'TIME_RESPECTING' })).paths).toHaveLength(0);
      });

      it('open intervals: an open end may reach anything later, an open start nothing earlier', async () => {
        const d = dataset({
          transfers: [
            transfer({ id: 'ab', from: 'AA', to: 'BB', date: '../2018' }),
            transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2019' }),
            transfer({ id: 'cd', from: 'CC', to: 'DD', date: '2020/..' }),
            transfer({ id: 'de', from: 'DD', to: 'EE', date: '2019-06' }),
          ],
        });
        expect((await paths(d, 'AA', 'DD', { order: 'STRICT' })).paths.map(ids)).toEqual(['ab,bc,cd']);
        expect((await ask(store).transferPaths('CC', 'EE', { order: 'TIME_RESPECTING' })).paths).toEqual([]);
        expect((await ask(store).transferPaths('BB', 'DD', { order: 'STRICT' })).paths.map(ids)).toEqual(['bc,cd']);
      });

      it('ranks by hops, then arrival, then ids; limit cuts and reports truncated', async () => {
        const d = dataset({
          transfers: [
            transfer({ id: 'ab1', from: 'AA', to: 'BB', date: '2020' }),
            transfer({ id: 'ab2', from: 'AA', to: 'BB', date: '2019' }),
            transfer({ id: 'bc1', from: 'BB', to: 'CC', date: '2021' }),
            transfer({ id: 'bc2', from: 'BB', to: 'CC', date: '2020-06' }),
            transfer({ id: 'ac', from: 'AA', to: 'CC', date: '2025' }),
          ],
        });
        const all = await paths(d, 'AA', 'CC');
        expect(all.paths.map(ids)).toEqual(['ac', 'ab1,bc2', 'ab2,bc2', 'ab1,bc1', 'ab2,bc1']);
        expect(all.truncated).toBe(false);
        const cut = await ask(store).transferPaths('AA', 'CC', { limit: 2 });
        expect(cut.paths.map(ids)).toEqual(['ac', 'ab1,bc2']);
        expect(cut.truncated).toBe(true);
        expect((await ask(store).transferPaths('AA', 'CC', { limit: 5 })).truncated).toBe(false);
      });

      it('direct transfers rank first however many longer paths exist (the search goes shortest first)', async () => {
        const middle = Array.from({ length: 30 }, (_, i) => `M${String.fromCharCode(65 + (i % 26))}${i < 26 ? '' : 'X'}`);
        const d = dataset({
          transfers: [
            ...middle.flatMap((m, i) => [
              transfer({ id: `a-${i}`, from: 'AA', to: m, date: '2020' }),
              transfer({ id: `b-${i}`, from: m, to: 'ZZ', date: '2021' }),
              transfer({ id: `c-${i}`, from: m, to: middle[(i + 1) % middle.length]!, date: '2020-06' }),
            ]),
            transfer({ id: 'direct', from: 'AA', to: 'ZZ', date: '2025' }),
          ],
        });
        const result = await paths(d, 'AA', 'ZZ', { limit: 5, maxHops: 4 });
        expect(result.truncated).toBe(true);
        expect(result.paths.map((p) => p.length)).toEqual([1, 2, 2, 2, 2]);
        expect(ids(result.paths[0]!)).toBe('direct');
      });

      it('maxHops bounds the length; out-of-range options are rejected', async () => {
        const chain = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF'];
        const d = dataset({
          transfers: chain.slice(1).map((to, i) => transfer({ id: `t${i}`, from: chain[i]!, to, date: `${2010 + i}` })),
        });
        expect((await paths(d, 'AA', 'FF', { maxHops: 4 })).paths).toEqual([]);
        expect((await ask(store).transferPaths('AA', 'FF', { maxHops: 5 })).paths.map((p) => p.length)).toEqual([5]);
        await expect(ask(store).transferPaths('AA', 'FF', { maxHops: 7 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(ask(store).transferPaths('AA', 'FF', { maxHops: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(ask(store).transferPaths('AA', 'FF', { limit: 101 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        await expect(ask(store).transferPaths('AA', 'AA')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });

      it('leaves out CANCELLED and DENIED unless asked; filters by window', async () => {
        const d = dataset({
          transfers: [
            transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2010', status: 'CANCELLED' }),
            transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2020' }),
          ],
        });
        expect((await paths(d, 'AA', 'CC')).paths).toEqual([]);
        expect((await ask(store).transferPaths('AA', 'CC', { statuses: ['CANCELLED', 'DELIVERED'] })).paths).toHaveLength(1);
        const window = { from: '2015-01-01', to: '2025-12-31' };
        expect((await ask(store).transferPaths('AA', 'CC', { statuses: ['CANCELLED', 'DELIVERED'], between: window })).paths).toEqual([]);
      });

      it('a system filter matches the whole family', async () => {
        const d = dataset({
          systems: [system('system:fam', 'Family'), system('system:child', 'Child', 'system:fam'), system('system:other', 'Other')],
          transfers: [
            transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020', system: 'system:child' }),
            transfer({ id: 'bc', from: 'BB', to: 'CC', date: '2021', system: 'system:fam' }),
            transfer({ id: 'bc-other', from: 'BB', to: 'CC', date: '2021', system: 'system:other' }),
          ],
        });
        expect((await paths(d, 'AA', 'CC', { system: 'system:fam' })).paths.map(ids)).toEqual(['ab,bc']);
        expect((await ask(store).transferPaths('AA', 'CC', { system: 'system:child' })).paths).toEqual([]);
        expect((await ask(store).transferPaths('AA', 'CC')).paths.map(ids)).toEqual(['ab,bc', 'ab,bc-other']);
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      beforeAll(() => ctx.loadSipri());

      it('joins SIPRI actors with the seed’s: one Japan, one Ukraine, one Patriot', async () => {
        expect(await store.resolveActor('Ukraine')).toBe('UA');
        expect((await ask(store).transfers({ recipient: 'UA', system: 'system:patriot' }, { first: 100 })).items.map((t) => t.supplier).sort()).toEqual(
          ['DE', 'DE', 'DE', 'NL', 'RO', 'RO', 'RO', 'ES', 'US', 'US', 'US', 'US', 'US', 'unknown:supplier'].sort(),
        );
        const mixed = await ask(store).transferPaths('JP', 'UA', { system: 'system:patriot' });
        expect(mixed.paths.map(route)).toEqual(Array(5).fill('JP>US>UA'));
        expect(new Set(mixed.paths.map((p) => p.hops[0]!.transfer.id))).toEqual(new Set(['transfer:jp-us-patriot-missiles-2024']));
        expect(mixed.paths.filter((p) => p.hops[1]!.transfer.id.startsWith('transfer:sipri-'))).toHaveLength(4);
      });

      it('finds Germany → Czechia → Ukraine (Leopards to Czechia, T-72s on) with TIME_RESPECTING', async () => {
        const result = await ask(store).transferPaths('DE', 'UA', { order: 'TIME_RESPECTING', limit: 100 });
        const viaCzechia = result.paths.filter((p) => route(p) === 'DE>CZ>UA');
        expect(viaCzechia.length).toBeGreaterThan(0);
        const systems = await store.nodes([...new Set(viaCzechia.flatMap((p) => p.hops.map((h) => h.transfer.system)))]);
        const names = [...systems.values()].map((e) => (e.value as { name: string }).name);
        expect(names).toEqual(expect.arrayContaining(['Leopard-2A4', 'T-72M1']));
        for (const p of viaCzechia) expect(p.hops[1]!.transfer.date.latest >= p.hops[0]!.transfer.date.earliest).toBe(true);
      });
    });
  });
}
