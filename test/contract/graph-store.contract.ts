// The contract every GraphStore must meet: one suite, run against each backend (STYLE §3).
import { ask } from '../../src/query/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Dataset } from '../../src/domain/model.js';
import { importSipri, mergeDatasets } from '../../src/import/index.js';
import { loadSeedDir } from '../../src/seeds/index.js';
import { readFile } from 'node:fs/promises';
import type { Path, PathOptionsInput as PathOptions } from '../../src/query/index.js';
import type { GraphStore } from '../../src/store/index.js';
import { actor, dataset, event, restriction, sipriTransfer, system, transfer } from '../helpers/dataset.js';

export const SEED_DIR = path.resolve(import.meta.dirname, '../../seeds');
export const SIPRI_EXCERPT = path.resolve(import.meta.dirname, '../fixtures/sipri/excerpt.csv');

const route = (p: Path) => [p.hops[0]!.from, ...p.hops.map((h) => h.to)].join('>');
const ids = (p: Path) => p.hops.map((h) => h.transfer.id.replace('transfer:', '')).join(',');

/** Registers the contract suite for one store; `makeStore` returns a fresh, empty, connected store. */
export function describeGraphStore(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let seed: Dataset;

    beforeAll(async () => {
      store = await makeStore();
      seed = await loadSeedDir(SEED_DIR);
    });

    const load = async (d: Dataset) => {
      await store.load(d);
    };
    const paths = async (d: Dataset, from: string, to: string, options: PathOptions = {}) => {
      await load(d);
      return ask(store).transferPaths(from, to, options);
    };

    describe('seed: the Japan–US–Ukraine Patriot story', () => {
      beforeAll(async () => {
        await load(seed);
      });

      it('stats counts every node type', async () => {
        expect(await store.stats()).toEqual({
          actors: 10, systems: 3, transfers: 3, events: 8, restrictions: 3, aidCommitments: 1, sources: 3, citations: 29,
        });
      });

      it('resolves ids and aliases case- and punctuation-insensitively', async () => {
        for (const ref of ['JP', 'Japan', 'japan', 'JAPAN', '日本']) expect(await store.resolveActor(ref)).toBe('JP');
        for (const ref of ['US', 'U.S.', 'usa', 'United States', 'united-states']) expect(await store.resolveActor(ref)).toBe('US');
        expect(await store.resolveActor('Japanese Foreign Ministry')).toBe('org:jp-mofa');
        expect(await store.resolveSystem('Patriot')).toBe('system:patriot');
        expect(await store.resolveSystem('patriot missiles')).toBe('system:patriot-missile');
        expect(await store.resolveSystem('Кинджал')).toBe('system:kinzhal');
      });

      it('rejects unknown references with did-you-mean suggestions', async () => {
        await expect(store.resolveActor('Japn')).rejects.toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['Japan']) });
        await expect(store.resolveActor('Patriot')).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await expect(store.resolveSystem('Patriott')).rejects.toMatchObject({ code: 'NOT_FOUND', suggestions: expect.arrayContaining(['Patriot']) });
      });

      it('node returns any entity by id, undefined for unknown ids', async () => {
        expect((await store.node('event:jp-export-rules-2023-12-22'))?.type).toBe('Event');
        expect((await store.node('transfer:jp-us-patriot-missiles-2024'))?.value).toMatchObject({ supplier: 'JP', recipient: 'US', status: 'PLANNED' });
        expect(await store.node('event:nope')).toBeUndefined();
        const many = await store.nodes(['JP', 'system:patriot', 'nope']);
        expect([...many.keys()].sort()).toEqual(['JP', 'system:patriot']);
      });

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

      it('check JP → UA for Patriot is PROHIBITED on 2024-01-15 because Ukraine is at war', async () => {
        const check = await ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', system: 'system:patriot', on: '2024-01-15' });
        expect(check.verdict).toBe('PROHIBITED');
        expect(check.on).toBe('2024-01-15');
        expect(check.reasons.map((r) => [r.restriction, r.rule, r.effect])).toEqual([
          ['restriction:jp-no-export-to-party-at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'PROHIBITED'],
        ]);
        expect(check.reasons[0]!.citations[0]!.quote).toContain('so Japan cannot send Patriot missiles directly to Ukraine');
      });

      it('check reflects the rules as they stood on 2023-12-01, before the change', async () => {
        const check = await ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', system: 'system:patriot', on: '2023-12-01' });
        expect(check.verdict).toBe('PROHIBITED');
        expect(check.reasons.map((r) => r.restriction)).toEqual(['restriction:jp-arms-export-ban', 'restriction:jp-no-export-to-party-at-war']);
        const toUs = await ask(store).transferCheck({ supplier: 'JP', recipient: 'US', system: 'system:patriot', on: '2023-12-01' });
        expect(toUs.verdict).toBe('PROHIBITED');
        const after = await ask(store).transferCheck({ supplier: 'JP', recipient: 'US', system: 'system:patriot', on: '2024-01-15' });
        expect(after).toEqual({ verdict: 'ALLOWED', reasons: [], on: '2024-01-15' });
      });

      it('re-export of Japanese-supplied Patriots needs Japan’s consent; the ministry counts as Japan', async () => {
        const consent = await ask(store).transferCheck({ supplier: 'US', recipient: 'UA', system: 'system:patriot-missile', on: '2024-01-15', origin: 'JP' });
        expect(consent.verdict).toBe('REQUIRES_CONSENT');
        expect(consent.reasons.map((r) => [r.restriction, r.consentOf])).toEqual([['restriction:jp-reexport-consent', 'JP']]);
        expect((await ask(store).transferCheck({ supplier: 'US', recipient: 'UA', system: 'system:patriot', on: '2024-01-15' })).verdict).toBe('ALLOWED');
        expect((await ask(store).transferCheck({ supplier: 'org:jp-mofa', recipient: 'UA', on: '2024-01-15' })).verdict).toBe('PROHIBITED');
        await expect(ask(store).transferCheck({ supplier: 'JP', recipient: 'UA', on: '2024-13-01' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });

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

      it('aliases resolve whatever the accents and punctuation', async () => {
        await load(dataset({ actors: [actor('CI', "Côte d'Ivoire", ['Ivory Coast'])] }));
        for (const ref of ["cote d'ivoire", 'COTE DIVOIRE', 'Côte-d’Ivoire', 'ivory coast', 'CI']) expect(await store.resolveActor(ref)).toBe('CI');
      });
    });

    describe('SIPRI excerpt joined with the seed', () => {
      beforeAll(async () => {
        const { dataset } = await importSipri(SIPRI_EXCERPT, { reservedSystemIds: seed.systems.map((x) => x.id) });
        await load(mergeDatasets(seed, dataset));
      });

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

      it('transferStats into Ukraine for 2022–2024 by supplier matches the excerpt recomputed by hand', async () => {
        const lines = (await readFile(SIPRI_EXCERPT, 'latin1')).split(/\r?\n/).slice(12).filter((l) => l.trim() !== '');
        const expected = new Map<string, number>();
        for (const line of lines) {
          const c = line.replace(/;$/, '').split(',');
          if (c[2] !== 'Ukraine' || Number(c[10]) < 2022 || Number(c[10]) > 2024) continue;
          expected.set(c[1]!, (expected.get(c[1]!) ?? 0) + Number(c[15]));
        }
        const rows = await ask(store).transferStats({ recipient: 'UA', between: { from: '2022-01-01', to: '2024-12-31' } }, ['SUPPLIER']);
        const got = new Map(rows.filter((r) => r.tivDelivered !== null).map((r) => [r.key[0]!, r.tivDelivered!]));
        expect(got.size).toBe(expected.size);
        for (const [name, tiv] of expected) expect(got.get(await store.resolveActor(name)), name).toBeCloseTo(tiv, 6);
      });
    });

    describe('transferStats', () => {
      const d = () =>
        dataset({
          systems: [system('system:fam', 'Family'), system('system:a', 'A', 'system:fam'), system('system:b', 'B')],
          transfers: [
            sipriTransfer('t1', 'DE', 'UA', 'system:a', [[2021, 2, 10.5], [2022, 3, 15.25], [2023, null, 0]]),
            sipriTransfer('t2', 'US', 'UA', 'system:a', [[2022, 10, 100]], 'Air defence systems'),
            sipriTransfer('t3', 'US', 'PL', 'system:b', [[2022, 1, 0.1], [2024, 1, 0.2]]),
            transfer({ id: 'seedlike', from: 'JP', to: 'US', system: 'system:b', date: '2024-01/..', status: 'PLANNED' }),
          ],
        });

      it('groups deals, units and TIV delivered by supplier, limited to the window’s years', async () => {
        await load(d());
        const rows = await ask(store).transferStats({ recipient: 'UA', between: { from: '2022-01-01', to: '2024-12-31' } }, ['SUPPLIER']);
        expect(rows).toEqual([
          { key: ['US'], transfers: 1, units: 10, tivDelivered: 100 },
          { key: ['DE'], transfers: 1, units: 3, tivDelivered: 15.25 },
        ]);
      });

      it('groups by year and by several keys; the system filter takes the family', async () => {
        await load(d());
        expect(await ask(store).transferStats({ system: 'system:fam' }, ['YEAR'])).toEqual([
          { key: ['2022'], transfers: 2, units: 13, tivDelivered: 115.25 },
          { key: ['2021'], transfers: 1, units: 2, tivDelivered: 10.5 },
          { key: ['2023'], transfers: 1, units: null, tivDelivered: 0 },
        ]);
        expect(await ask(store).transferStats({ supplier: 'US' }, ['RECIPIENT', 'CATEGORY'])).toEqual([
          { key: ['UA', 'Air defence systems'], transfers: 1, units: 10, tivDelivered: 100 },
          { key: ['PL', 'Missiles'], transfers: 1, units: 2, tivDelivered: 0.3 },
        ]);
        expect(await ask(store).transferStats({ supplier: 'JP' }, ['SYSTEM', 'YEAR'])).toEqual([{ key: ['system:b', '2024'], transfers: 1, units: null, tivDelivered: null }]);
        await expect(ask(store).transferStats({}, [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });

    describe('checks on hand-made rules', () => {
      it('a war that ended no longer prohibits; a restriction applies only while in force', async () => {
        await load(
          dataset({
            actors: [actor('AA'), actor('BB'), actor('CC')],
            events: [event('event:war', 'WAR', '2000/2005', ['BB', 'CC'])],
            restrictions: [
              restriction('restriction:war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'AA', '1990/..', { suppliers: ['AA'] }),
              restriction('restriction:embargo', 'NO_ARMS_EXPORT', 'AA', '2010/2012', { suppliers: ['AA'], recipients: ['CC'] }),
            ],
          }),
        );
        const on = async (recipient: string, day: string) => (await ask(store).transferCheck({ supplier: 'AA', recipient, on: day })).reasons.map((r) => r.restriction);
        expect(await on('BB', '2003-01-01')).toEqual(['restriction:war']);
        expect(await on('BB', '2006-01-01')).toEqual([]);
        expect(await on('CC', '2011-06-30')).toEqual(['restriction:embargo']);
        expect(await on('BB', '2011-06-30')).toEqual([]);
      });
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
