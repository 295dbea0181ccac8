// The transferRoutes question: options, pages and cursors checked before any read, names resolved in argument order,
// routes counted, ranked and paged with their evidence, witness and checks, over the memory store (the seed and small
// hand-built datasets) and over a hand-made implementation of the ports (plain arrays).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, Event, Restriction, Transfer } from '../../../src/domain/model.js';
import { bySpanThenId, mayOverlap } from '../../../src/domain/time.js';
import {
  DEFAULT_ROUTE_MAX_HOPS, Hierarchy, checkRouteOptions, encodeCursor, hopTransfersPage, routeCandidateOf, routeChainsPage, transferRoutes,
  transfers as transferList,
  type CheckContextRequest, type CheckPort, type NamePort, type RoutePage, type RoutePort, type TransferFilter,
} from '../../../src/query/index.js';
import { loadSeedDir } from '../../../src/seeds/index.js';
import { MemoryStore } from '../../../src/store/index.js';
import { dataset, event, restriction, sipriTransfer, transfer } from '../../helpers/dataset.js';
import { counting, dataCalls, invalidArgument, namePort, notFound } from '../../helpers/ports.js';

const SEED_DIR = path.resolve(import.meta.dirname, '../../../seeds');
const DEFAULT_STATUSES = ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL'];

/**
 * A second implementation of the ports the question needs: plain functions over arrays. `routeCandidates` gives
 * candidates made by `routeCandidateOf` (category `test`, as the test systems have), so whole transfers can only
 * come from `checkContext`.
 */
function arrayPorts(parts: {
  transfers: Transfer[];
  restrictions?: Restriction[];
  wars?: Event[];
  aliases?: Record<string, string>;
}): NamePort & RoutePort & CheckPort & { asked: { candidates: [string, string, number, TransferFilter][]; contexts: CheckContextRequest[] } } {
  const actorIds = [...new Set(parts.transfers.flatMap((t) => [t.supplier, t.recipient]))];
  const names = namePort(
    { ...Object.fromEntries(actorIds.map((id) => [id, id])), ...parts.aliases },
    Object.fromEntries(parts.transfers.map((t) => [t.system, t.system])),
  );
  const asked = { candidates: [] as [string, string, number, TransferFilter][], contexts: [] as CheckContextRequest[] };
  const passes = (t: Transfer, f: TransferFilter) =>
    (f.system === undefined || t.system === f.system) &&
    (f.statuses === undefined || f.statuses.includes(t.status)) &&
    (f.between === undefined || mayOverlap(t.date, f.between)) &&
    (f.knownAt === undefined || t.knownSince <= f.knownAt);
  return {
    ...names,
    asked,
    async routeCandidates(from, to, maxHops, filter) {
      asked.candidates.push([from, to, maxHops, filter]);
      const kept = parts.transfers.filter((t) => passes(t, filter)).sort(bySpanThenId).map((t) => routeCandidateOf(t, 'test'));
      return { outgoing: (a) => kept.filter((t) => t.supplier === a), incoming: (a) => kept.filter((t) => t.recipient === a) };
    },
    async checkContext(request) {
      asked.contexts.push(request);
      return {
        restrictions: parts.restrictions ?? [],
        wars: parts.wars ?? [],
        actors: new Hierarchy([]),
        systems: new Hierarchy([]),
        nameOf: (id) => id,
        transfers: new Map(parts.transfers.filter((t) => request.transfers?.includes(t.id)).map((t) => [t.id, t])),
      };
    },
  };
}

/** What an answer says, without the objects behind it: ids, evidence, witness and checks. */
const summary = (page: RoutePage) =>
  page.items.map((r) => ({
    id: r.id,
    hops: r.hops.map((h) => [h.from, h.to, h.deals, h.units, h.tiv]),
    witness: r.witness.hops.map((h) => [h.transfer.id.replace('transfer:', ''), h.via]),
    checks: r.checks.map((c) => [c.restriction, c.effect, c.hop]),
    score: r.score,
  }));

describe('checkRouteOptions', () => {
  it('rejects out-of-range bounds and unknown rankings as options.<name>', () => {
    for (const maxHops of [0, 7, 1.5]) expect(() => checkRouteOptions({ maxHops })).toThrow(invalidArgument('options.maxHops'));
    for (const minDeals of [0, -1, 1.5, Number.NaN]) expect(() => checkRouteOptions({ minDeals })).toThrow(invalidArgument('options.minDeals'));
    for (const minTiv of [-0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => checkRouteOptions({ minTiv })).toThrow(invalidArgument('options.minTiv'));
    for (const orderBy of ['BEST', 'evidence']) expect(() => checkRouteOptions({ orderBy: orderBy as 'EVIDENCE' })).toThrow(invalidArgument('options.orderBy'));
  });

  it('rejects bad dates as options.between.from, options.between.to, options.between, options.knownAt', () => {
    expect(() => checkRouteOptions({ between: { from: '2024-02-30' } })).toThrow(invalidArgument('options.between.from'));
    expect(() => checkRouteOptions({ between: { to: 'soon' } })).toThrow(invalidArgument('options.between.to'));
    expect(() => checkRouteOptions({ between: { from: '2024', to: '2023' } })).toThrow(invalidArgument('options.between'));
    expect(() => checkRouteOptions({ knownAt: '2024-01' })).toThrow(invalidArgument('options.knownAt'));
  });

  it('applies the defaults (3 hops, any order, EVIDENCE, one deal, no TIV), treating null as absent', () => {
    const defaults = { statuses: DEFAULT_STATUSES, maxHops: 3, order: 'ANY', viaBackfill: false, minDeals: 1, minTiv: 0, orderBy: 'EVIDENCE' };
    expect(checkRouteOptions(undefined)).toEqual(defaults);
    expect(
      checkRouteOptions({
        system: 'Patriot', statuses: [], maxHops: null, order: null, viaBackfill: null, via: ['US'], avoid: null, categories: null, minDeals: null, minTiv: null, orderBy: null,
      }),
    ).toEqual(defaults);
    expect(DEFAULT_ROUTE_MAX_HOPS).toBe(3);
  });

  it('keeps what is given, dates as days, and drops blank categories', () => {
    expect(
      checkRouteOptions({
        statuses: ['DELIVERED'], maxHops: 6, order: 'STRICT', between: { from: '2022', to: '2023-06' }, knownAt: '2024-01-15', viaBackfill: true,
        categories: ['Armoured vehicles', '  '], minDeals: 2, minTiv: 0.5, orderBy: 'RECENT',
      }),
    ).toEqual({
      statuses: ['DELIVERED'], maxHops: 6, order: 'STRICT', between: { from: '2022-01-01', to: '2023-06-30' }, knownAt: '2024-01-15', viaBackfill: true,
      categories: ['Armoured vehicles'], minDeals: 2, minTiv: 0.5, orderBy: 'RECENT',
    });
    expect(checkRouteOptions({ categories: ['', ' '] })).not.toHaveProperty('categories');
  });
});

describe('transferRoutes', () => {
  describe('over the seed in the memory store', () => {
    const store = new MemoryStore();
    beforeAll(async () => {
      await store.load(await loadSeedDir(SEED_DIR));
    });

    it('rejects bad options, page sizes and cursors before any port is asked, even a name', async () => {
      const cases: [Parameters<typeof transferRoutes>[3], Parameters<typeof transferRoutes>[4], string][] = [
        [{ maxHops: 0 }, null, 'options.maxHops'],
        [{ maxHops: 7 }, null, 'options.maxHops'],
        [{ minDeals: 0 }, null, 'options.minDeals'],
        [{ minTiv: -1 }, null, 'options.minTiv'],
        [{ orderBy: 'BEST' as 'EVIDENCE' }, null, 'options.orderBy'],
        [{ between: { from: '2024-13' } }, null, 'options.between.from'],
        [{ knownAt: 'yesterday' }, null, 'options.knownAt'],
        [null, { first: 101 }, 'first'],
        [null, { first: -1 }, 'first'],
        [null, { after: 'not a cursor' }, 'after'],
      ];
      for (const [options, page, argument] of cases) {
        const { ports, calls } = counting(store);
        await expect(transferRoutes(ports, 'Atlantis', 'Ukraine', options, page)).rejects.toThrow(invalidArgument(argument));
        expect([argument, calls]).toEqual([argument, []]);
      }
    });

    it('names an unknown end, system, via or avoid actor with suggestions, having only looked names up', async () => {
      const cases: [string, string, Parameters<typeof transferRoutes>[3], unknown][] = [
        ['Japn', 'Ukraine', null, notFound('from', ['Japan'])],
        ['Japan', 'Ukrain', null, notFound('to', ['Ukraine'])],
        ['Japan', 'Ukraine', { system: 'Patriott' }, notFound('options.system', ['Patriot'])],
        ['Japan', 'Ukraine', { via: ['Untied States'] }, notFound('options.via[0]', ['United States'])],
        ['Japan', 'Ukraine', { via: ['US', 'Atlantis'] }, notFound('options.via[1]')],
        ['Japan', 'Ukraine', { avoid: ['Atlantis'] }, notFound('options.avoid[0]')],
        ['Atlantis', 'Ukraine', { via: ['Lemuria'] }, notFound('from')],
      ];
      for (const [from, to, options, error] of cases) {
        const { ports, calls } = counting(store);
        await expect(transferRoutes(ports, from, to, options)).rejects.toThrow(error);
        expect(calls.length).toBeGreaterThan(0);
        expect(dataCalls(calls)).toEqual([]);
      }
    });

    it('refuses an actor both in via and avoid, an end in avoid, and a route to itself, naming the argument, before any read', async () => {
      const cases: [string, string, Parameters<typeof transferRoutes>[3], string][] = [
        ['Japan', 'Ukraine', { via: ['United States'], avoid: ['US'] }, 'options.avoid'],
        ['Japan', 'Ukraine', { avoid: ['JP'] }, 'options.avoid'],
        ['Japan', 'Ukraine', { avoid: ['US', 'Ukraine'] }, 'options.avoid'],
        ['Japan', 'JP', null, 'to'],
      ];
      for (const [from, to, options, argument] of cases) {
        const { ports, calls } = counting(store);
        await expect(transferRoutes(ports, from, to, options)).rejects.toThrow(invalidArgument(argument));
        expect(dataCalls(calls)).toEqual([]);
      }
    });

    it('refuses a cursor of another question (another list, or routes asked otherwise) before reading any transfer', async () => {
      const page = await transferRoutes(store, 'Japan', 'Ukraine', { system: 'Patriot' });
      const listCursor = (await transferList(store, null, { first: 1 })).cursors[0]!;
      const cases: [string, Parameters<typeof transferRoutes>[3], string][] = [
        ['Ukraine', { system: 'Patriot' }, listCursor],
        ['Ukraine', { system: 'Patriot' }, encodeCursor(['route', 'x', 'JP>US>UA'])],
        ['Ukraine', { system: 'Patriot', order: 'TIME_RESPECTING' }, page.cursors[0]!],
        ['Ukraine', null, page.cursors[0]!],
        ['United States', { system: 'Patriot' }, page.cursors[0]!],
      ];
      for (const [to, options, after] of cases) {
        const { ports, calls } = counting(store);
        await expect(transferRoutes(ports, 'Japan', to, options, { after })).rejects.toThrow(invalidArgument('after'));
        expect(dataCalls(calls)).toEqual([]);
      }
      // The same question, asked with aliases instead of ids, accepts it.
      expect(await transferRoutes(store, 'JP', 'UA', { system: 'system:patriot' }, { after: page.cursors[0]! })).toMatchObject({ items: [], totalCount: 1, hasPreviousPage: true });
    });

    it('finds Japan → United States → Ukraine for Patriot, in two reads: the witness chain and the rules that bear on it', async () => {
      const { ports, calls } = counting(store);
      const page = await transferRoutes(ports, 'Japan', 'Ukraine', { system: 'Patriot' });
      expect(dataCalls(calls)).toEqual(['routeCandidates', 'checkContext']);
      expect(page).toMatchObject({ totalCount: 1, complete: true, hopsCovered: 3, hasNextPage: false, hasPreviousPage: false });
      const [route] = page.items;
      expect(route!.id).toBe('JP>US>UA');
      expect(route!.actors).toEqual(['JP', 'US', 'UA']);
      expect(route!.length).toBe(2);
      expect(route!.witness.hops.map((h) => [h.from, h.to, h.transfer.id, h.via])).toEqual([
        ['JP', 'US', 'transfer:jp-us-patriot-missiles-2024', 'TRANSFER'],
        ['US', 'UA', 'transfer:us-ua-patriot-missiles-potential', 'TRANSFER'],
      ]);
      expect(route!.checks.map((c) => [c.restriction, c.effect, c.hop, c.consentOf ?? null])).toEqual([
        ['restriction:jp-reexport-consent', 'REQUIRES_CONSENT', 1, 'JP'],
        ['restriction:jp-no-export-to-party-at-war', 'PROHIBITED', null, null],
      ]);
      expect(route!.checks).toEqual(route!.witness.checks);
      // Seed transfers carry no TIV and are not delivered: deals only.
      expect(route!.hops.map((h) => [h.from, h.to, h.deals, h.units, h.tiv, h.systems])).toEqual([
        ['JP', 'US', 1, null, null, ['system:patriot-missile']],
        ['US', 'UA', 1, null, null, ['system:patriot-missile']],
      ]);
      expect(route!.score).toBe(0);
    });

    it('the Patriot route is time-respecting, not strict, unless the backfill link counts', async () => {
      expect((await transferRoutes(store, 'JP', 'UA', { system: 'Patriot', order: 'TIME_RESPECTING' })).items.map((r) => r.id)).toEqual(['JP>US>UA']);
      expect(await transferRoutes(store, 'JP', 'UA', { system: 'Patriot', order: 'STRICT' })).toMatchObject({ items: [], totalCount: 0, complete: true });
      const backfill = await transferRoutes(store, 'JP', 'UA', { system: 'Patriot', order: 'STRICT', viaBackfill: true });
      expect(backfill.items.map((r) => r.witness.hops.map((h) => h.via))).toEqual([['TRANSFER', 'BACKFILL']]);
    });

    it('passes through or avoids actors as asked', async () => {
      expect((await transferRoutes(store, 'Japan', 'Ukraine', { via: ['United States'] })).items.map((r) => r.id)).toEqual(['JP>US>UA']);
      expect(await transferRoutes(store, 'Japan', 'Ukraine', { avoid: ['United States'] })).toMatchObject({ items: [], totalCount: 0 });
      // Every route passes through its ends: naming them in via asks nothing more.
      expect((await transferRoutes(store, 'Japan', 'Ukraine', { via: ['Japan', 'UA'] })).items.map((r) => r.id)).toEqual(['JP>US>UA']);
    });
  });

  describe('over hand-built datasets, in the memory store and a hand-made implementation of the ports', () => {
    const t = (id: string, from: string, to: string, date: string, more: Partial<Parameters<typeof transfer>[0]> = {}) => transfer({ id, from, to, date, ...more });
    /** The memory store and the array ports over one dataset. */
    const both = async (data: Dataset, more: Omit<Parameters<typeof arrayPorts>[0], 'transfers'> = {}) => {
      const store = new MemoryStore();
      await store.load(data);
      return { store, array: arrayPorts({ transfers: [...data.transfers], ...more }) };
    };

    // A ladder AA → M1..M4 → ZZ with rungs M1 → M2 → M3 → M4, and the direct AA → ZZ: 8 routes of up to 3 hops.
    const ladder = dataset({
      transfers: [
        sipriTransfer('aa-zz', 'AA', 'ZZ', 'system:s', [[2015, 1, 1]]),
        ...[1, 2, 3, 4].flatMap((i) => [
          sipriTransfer(`aa-m${i}`, 'AA', `M${i}`, 'system:s', [[2016, i, 10 * i]]),
          sipriTransfer(`m${i}-zz`, `M${i}`, 'ZZ', 'system:s', [[2017 + i, 1, 5 * i]]),
          ...(i < 4 ? [sipriTransfer(`m${i}-m${i + 1}`, `M${i}`, `M${i + 1}`, 'system:s', [[2017, 1, 100]])] : []),
        ]),
      ],
    });
    const LADDER = ['AA>ZZ', 'AA>M1>ZZ', 'AA>M2>ZZ', 'AA>M3>ZZ', 'AA>M4>ZZ', 'AA>M1>M2>ZZ', 'AA>M2>M3>ZZ', 'AA>M3>M4>ZZ'];

    it('rejects bad options and unknown names before any data port is asked', async () => {
      const { array } = await both(ladder);
      await expect(transferRoutes(array, 'AA', 'ZZ', { maxHops: 0 })).rejects.toThrow(invalidArgument('options.maxHops'));
      await expect(transferRoutes(array, 'AA', 'ZZ', { via: ['QQ'] })).rejects.toThrow(notFound('options.via[0]'));
      expect(array.asked).toEqual({ candidates: [], contexts: [] });
    });

    it('asks for candidates with the resolved ends, maxHops and the hop filter (system, statuses, window, known time)', async () => {
      const { array } = await both(ladder, { aliases: { Alpha: 'AA' } });
      await transferRoutes(array, 'Alpha', 'ZZ', { system: 'system:s', maxHops: 2, between: { from: '2016' }, knownAt: '2024-01-01', minTiv: 3, orderBy: 'RECENT' });
      expect(array.asked.candidates).toEqual([
        ['AA', 'ZZ', 2, { system: 'system:s', statuses: DEFAULT_STATUSES, between: { from: '2016-01-01', to: '9999-12-31' }, knownAt: '2024-01-01' }],
      ]);
    });

    it('counts every route exactly and pages through them: the pages make up the whole listing, once each', async () => {
      const { store, array } = await both(ladder);
      for (const ports of [store, array]) {
        const whole = await transferRoutes(ports, 'AA', 'ZZ', null, { first: 100 });
        expect(whole).toMatchObject({ totalCount: 8, hasNextPage: false, hasPreviousPage: false, complete: true, hopsCovered: 3 });
        expect(whole.items.map((r) => r.id).sort()).toEqual([...LADDER].sort());
        for (const first of [1, 3, 5]) {
          const seen: string[] = [];
          let after: string | undefined;
          for (let n = 0; n < 10; n += 1) {
            const page = await transferRoutes(ports, 'AA', 'ZZ', null, { first, ...(after !== undefined && { after }) });
            expect(page.totalCount).toBe(8);
            expect(page.hasPreviousPage).toBe(after !== undefined);
            expect(page.cursors).toHaveLength(page.items.length);
            seen.push(...page.items.map((r) => r.id));
            if (!page.hasNextPage) break;
            after = page.cursors[page.cursors.length - 1];
          }
          expect([first, seen]).toEqual([first, whole.items.map((r) => r.id)]);
        }
        const none = await transferRoutes(ports, 'AA', 'ZZ', null, { first: 0 });
        expect(none).toMatchObject({ items: [], cursors: [], totalCount: 8, hasNextPage: true });
        const last = await transferRoutes(ports, 'AA', 'ZZ', null, { after: whole.cursors[7]! });
        expect(last).toMatchObject({ items: [], totalCount: 8, hasNextPage: false, hasPreviousPage: true });
      }
    });

    it('ranks by the weakest hop’s TIV by default, and as orderBy asks; both implementations agree', async () => {
      const { store, array } = await both(ladder);
      const ids = async (orderBy?: 'EVIDENCE' | 'RECENT' | 'EARLIEST_ARRIVAL' | 'FEWEST_HOPS') => {
        const [a, b] = await Promise.all([store, array].map((p) => transferRoutes(p, 'AA', 'ZZ', orderBy ? { orderBy } : null)));
        expect(summary(a!)).toEqual(summary(b!));
        return a!.items.map((r) => `${r.id}:${r.score}`);
      };
      // Weakest hops: AA>Mi>ZZ min(10i, 5i) = 5i; AA>Mi>Mi+1>ZZ min(10i, 100, 5(i+1)).
      expect(await ids()).toEqual(['AA>M4>ZZ:20', 'AA>M3>M4>ZZ:20', 'AA>M3>ZZ:15', 'AA>M2>M3>ZZ:15', 'AA>M2>ZZ:10', 'AA>M1>M2>ZZ:10', 'AA>M1>ZZ:5', 'AA>ZZ:1']);
      expect(await ids('EVIDENCE')).toEqual(await ids());
      expect((await ids('FEWEST_HOPS')).map((x) => x.split(':')[0])).toEqual([
        'AA>ZZ', 'AA>M4>ZZ', 'AA>M3>ZZ', 'AA>M2>ZZ', 'AA>M1>ZZ', 'AA>M3>M4>ZZ', 'AA>M2>M3>ZZ', 'AA>M1>M2>ZZ',
      ]);
      // Arrival: AA>ZZ 2015, Mi → ZZ in 2017 + i; equal arrivals go to fewer hops.
      expect((await ids('EARLIEST_ARRIVAL')).map((x) => x.split(':')[0])).toEqual([
        'AA>ZZ', 'AA>M1>ZZ', 'AA>M2>ZZ', 'AA>M1>M2>ZZ', 'AA>M3>ZZ', 'AA>M2>M3>ZZ', 'AA>M4>ZZ', 'AA>M3>M4>ZZ',
      ]);
      // Last active: the earliest of the hops' last days, 2016 for every route through AA → Mi; evidence breaks the tie.
      expect((await ids('RECENT')).map((x) => x.split(':')[0])).toEqual([
        'AA>M4>ZZ', 'AA>M3>M4>ZZ', 'AA>M3>ZZ', 'AA>M2>M3>ZZ', 'AA>M2>ZZ', 'AA>M1>M2>ZZ', 'AA>M1>ZZ', 'AA>ZZ',
      ]);
    });

    it('applies via, avoid, categories, minDeals and minTiv (in the window’s years) hop by hop', async () => {
      const { store, array } = await both(ladder);
      for (const ports of [store, array]) {
        const ids = async (options: Parameters<typeof transferRoutes>[3]) => (await transferRoutes(ports, 'AA', 'ZZ', options, { first: 100 })).items.map((r) => r.id).sort();
        expect(await ids({ via: ['M2'] })).toEqual(['AA>M1>M2>ZZ', 'AA>M2>M3>ZZ', 'AA>M2>ZZ']);
        expect(await ids({ via: ['M2', 'M3'] })).toEqual(['AA>M2>M3>ZZ']);
        expect(await ids({ avoid: ['M1', 'M2', 'M3'] })).toEqual(['AA>M4>ZZ', 'AA>ZZ']);
        expect(await ids({ categories: ['Missiles'] })).toEqual([...LADDER].sort());
        expect(await ids({ categories: ['Ships'] })).toEqual([]);
        expect(await ids({ minDeals: 2 })).toEqual([]);
        expect(await ids({ minTiv: 15 })).toEqual(['AA>M2>M3>ZZ', 'AA>M3>M4>ZZ', 'AA>M3>ZZ', 'AA>M4>ZZ']);
        // In 2016–2018 only M1 reaches ZZ (2018); the window keeps only the transfers that may fall in it.
        expect(await ids({ between: { from: '2016', to: '2018' } })).toEqual(['AA>M1>ZZ']);
        expect(await ids({ between: { from: '2019' } })).toEqual([]);
      }
    });

    it('gives one route for many deals on each hop, with each hop’s evidence summed over the window’s years', async () => {
      const data = dataset({
        transfers: [
          sipriTransfer('ab-1', 'AA', 'BB', 'system:s', [[2020, 2, 4], [2022, 1, 2]]),
          sipriTransfer('ab-2', 'AA', 'BB', 'system:s', [[2021, 3, 6]], 'Armoured vehicles'),
          sipriTransfer('ab-3', 'AA', 'BB', 'system:s', [[2023, 1, 1]]),
          sipriTransfer('bc-1', 'BB', 'CC', 'system:s', [[2021, 5, 50]]),
          sipriTransfer('bc-2', 'BB', 'CC', 'system:s', [[2022, 5, 25]]),
          t('bc-3', 'BB', 'CC', '2022-06', { status: 'PLANNED' }),
        ],
      });
      const { store, array } = await both(data);
      for (const ports of [store, array]) {
        const page = await transferRoutes(ports, 'AA', 'CC', { between: { from: '2021', to: '2022' } });
        expect(page.totalCount).toBe(1);
        const [route] = page.items;
        expect(route!.hops.map((h) => ({ ...h, transfers: h.transfers.map((x) => x.id.replace('transfer:', '')) }))).toEqual([
          {
            from: 'AA', to: 'BB', deals: 2, units: 1 + 3, tiv: 2 + 6, span: { earliest: '2020-01-01', latest: '2022-12-31' }, lastDay: '2022-12-31',
            systems: ['system:s'], categories: ['Armoured vehicles', 'Missiles'], transfers: ['ab-1', 'ab-2'],
          },
          {
            from: 'BB', to: 'CC', deals: 3, units: 10, tiv: 75, span: { earliest: '2021-01-01', latest: '2022-12-31' }, lastDay: '2022-12-31',
            systems: ['system:s'], categories: ['Missiles', 'test'], transfers: ['bc-1', 'bc-2', 'bc-3'],
          },
        ]);
        expect(route!.score).toBe(8);
        // minTiv reads the window's years: A → B delivered 8 in 2021–2022, 13 in all.
        expect(await transferRoutes(ports, 'AA', 'CC', { minTiv: 9, between: { from: '2021', to: '2022' } })).toMatchObject({ totalCount: 0 });
        expect(await transferRoutes(ports, 'AA', 'CC', { minTiv: 9 })).toMatchObject({ totalCount: 1 });
      }
    });

    it('attaches the witness chain’s checks: each hop, then the direct route', async () => {
      const data = dataset({ transfers: [t('ab', 'AA', 'BB', '2024'), t('bc', 'BB', 'CC', '2024-06'), t('ac', 'AA', 'CC', '2025')] });
      const { array } = await both(data, {
        restrictions: [restriction('restriction:at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'AA', '2014/..', { suppliers: ['AA'] })],
        wars: [event('event:war', 'WAR', '2022-02-24/..', ['CC', 'DD'])],
      });
      const page = await transferRoutes(array, 'AA', 'CC', { orderBy: 'FEWEST_HOPS' });
      expect(summary(page).map((r) => [r.id, r.checks])).toEqual([
        ['AA>CC', [['restriction:at-war', 'PROHIBITED', 0]]],
        ['AA>BB>CC', [['restriction:at-war', 'PROHIBITED', null]]],
      ]);
      // One check context for the page, with the witness chains' transfers.
      expect(array.asked.contexts).toEqual([
        { actors: ['AA', 'CC', 'BB'], systems: ['system:s'], window: { from: '2024-01-01', to: '2025-12-31' }, transfers: ['transfer:ac', 'transfer:ab', 'transfer:bc'] },
      ]);
    });

    it('does not read the check context when the page is empty', async () => {
      const { array } = await both(dataset({ transfers: [t('ab', 'AA', 'BB', '2020'), t('cb', 'CC', 'BB', '2020')] }));
      // One step: the count looks at the one hop out of AA (to BB), which leads nowhere.
      expect(await transferRoutes(array, 'AA', 'CC')).toMatchObject({ items: [], totalCount: 0, complete: true, expansions: 1 });
      expect(array.asked.candidates).toHaveLength(1);
      expect(array.asked.contexts).toEqual([]);
    });
  });
});

describe('routeChainsPage', () => {
  // Three deals on each of two hops, one a year: nine chains under ANY, six under TIME_RESPECTING.
  const data = dataset({
    transfers: [2020, 2021, 2022].flatMap((y) => [transfer({ id: `ab-${y}`, from: 'AA', to: 'BB', date: `${y}` }), transfer({ id: `bc-${y}`, from: 'BB', to: 'CC', date: `${y}` })]),
  });
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(data);
  });
  const routeOf = async (order: 'ANY' | 'TIME_RESPECTING') => (await transferRoutes(store, 'AA', 'CC', { order })).items[0]!;
  const ids = (p: { hops: readonly { transfer: { id: string } }[] }) => p.hops.map((h) => h.transfer.id.replace('transfer:', '')).join(',');

  it('rejects a bad page size or a cursor of another list, naming the argument', async () => {
    const route = await routeOf('ANY');
    await expect(routeChainsPage(store, route, { first: 101 })).rejects.toThrow(invalidArgument('first'));
    await expect(routeChainsPage(store, route, { after: 'nope' })).rejects.toThrow(invalidArgument('after'));
    const routeCursor = (await transferRoutes(store, 'AA', 'CC')).cursors[0]!;
    await expect(routeChainsPage(store, route, { after: routeCursor })).rejects.toThrow(invalidArgument('after'));
  });

  it('counts the chains exactly and pages through them by arrival, the witness first, each with its checks', async () => {
    for (const [order, total] of [['ANY', 9], ['TIME_RESPECTING', 6]] as const) {
      const route = await routeOf(order);
      const whole = await routeChainsPage(store, route, { first: 100 });
      expect(whole).toMatchObject({ totalCount: total, hasNextPage: false, hasPreviousPage: false });
      expect(whole.items).toHaveLength(total);
      expect(ids(whole.items[0]!)).toBe(ids(route.witness));
      const arrivals = whole.items.map((p) => p.arrives.earliest);
      expect(arrivals).toEqual([...arrivals].sort());
      expect(new Set(whole.items.map(ids)).size).toBe(total);
      expect(whole.items.every((p) => Array.isArray(p.checks) && p.length === 2)).toBe(true);
      const seen: string[] = [];
      let after: string | undefined;
      for (let n = 0; n < 10; n += 1) {
        const page = await routeChainsPage(store, route, { first: 4, ...(after !== undefined && { after }) });
        expect(page.totalCount).toBe(total);
        seen.push(...page.items.map(ids));
        if (!page.hasNextPage) break;
        after = page.cursors[page.cursors.length - 1];
      }
      expect(seen).toEqual(whole.items.map(ids));
    }
  });
});

describe('hopTransfersPage', () => {
  it('rejects a bad page size, naming first', async () => {
    const store = new MemoryStore();
    await store.load(dataset({ transfers: [transfer({ id: 'ab', from: 'AA', to: 'BB', date: '2020' })] }));
    const [route] = (await transferRoutes(store, 'AA', 'BB')).items;
    expect(() => hopTransfersPage(route!.hops[0]!, { first: 101 })).toThrow(invalidArgument('first'));
  });

  it('pages through a hop’s transfers in time order (earliest, latest, id)', async () => {
    const store = new MemoryStore();
    await store.load(
      dataset({
        transfers: [
          transfer({ id: 'ab-c', from: 'AA', to: 'BB', date: '2021' }), transfer({ id: 'ab-b', from: 'AA', to: 'BB', date: '2020/2022' }),
          transfer({ id: 'ab-a', from: 'AA', to: 'BB', date: '2020' }), transfer({ id: 'ab-z', from: 'AA', to: 'BB', date: '2019-12-31' }),
        ],
      }),
    );
    const [route] = (await transferRoutes(store, 'AA', 'BB')).items;
    const hop = route!.hops[0]!;
    const first = hopTransfersPage(hop, { first: 2 });
    expect(first).toMatchObject({ totalCount: 4, hasNextPage: true, hasPreviousPage: false });
    const rest = hopTransfersPage(hop, { first: 2, after: first.cursors[1]! });
    expect(rest).toMatchObject({ totalCount: 4, hasNextPage: false, hasPreviousPage: true });
    expect([...first.items, ...rest.items].map((x) => x.id)).toEqual(['transfer:ab-z', 'transfer:ab-a', 'transfer:ab-b', 'transfer:ab-c']);
  });
});
