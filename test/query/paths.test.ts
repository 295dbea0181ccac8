// Transfer-path semantics: option defaults and bounds, the hop-order rules, ranking, enumeration and path checks.
import { describe, expect, it } from 'vitest';
import type { Transfer } from '../../src/domain/model.js';
import { bySpanThenId } from '../../src/domain/time.js';
import {
  DEFAULT_MAX_HOPS, DEFAULT_PATH_LIMIT, Hierarchy, MAX_MAX_HOPS, MAX_PATH_LIMIT, PATH_EXPANSION_BUDGET, comparePaths, connection, hopFilter,
  makePath, orderAllows, orderViolations, pathChecks, rankPaths, resolvePathOptions,
  type CheckContext, type Hop, type PathGraph, type PathTransfer, type RankedHops, type ResolvedPathOptions,
} from '../../src/query/index.js';
import { event, restriction, transfer } from '../helpers/dataset.js';
import { invalidArgument } from '../helpers/ports.js';

const EMPTY_CONTEXT: CheckContext = {
  restrictions: [], wars: [], actors: new Hierarchy([]), systems: new Hierarchy([]), nameOf: (id) => id,
};

/** Adjacency over a list of transfers, each list in time order; `visited` records whose outgoing list was read. */
function graphOf<T extends PathTransfer>(list: readonly T[]): PathGraph<T> & { readonly visited: string[] } {
  const sorted = [...list].sort(bySpanThenId);
  const out = new Map<string, T[]>();
  const inc = new Map<string, T[]>();
  for (const t of sorted) {
    out.set(t.supplier, [...(out.get(t.supplier) ?? []), t]);
    inc.set(t.recipient, [...(inc.get(t.recipient) ?? []), t]);
  }
  const visited: string[] = [];
  return {
    visited,
    outgoing: (actor) => {
      visited.push(actor);
      return out.get(actor) ?? [];
    },
    incoming: (actor) => inc.get(actor) ?? [],
  };
}

const options = (o: Partial<ResolvedPathOptions> = {}): ResolvedPathOptions => resolvePathOptions(o);
const ids = (paths: readonly RankedHops<Transfer>[]) => paths.map((p) => p.map((h) => h.transfer.id.replace('transfer:', '')).join(','));
const t = (id: string, from: string, to: string, date: string, more: { backfills?: string[] } = {}) => transfer({ id, from, to, date, ...more });
const hop = (x: Transfer, via: Hop['via'] = 'TRANSFER'): Hop => ({ transfer: x, from: x.supplier, to: x.recipient, via });

describe('resolvePathOptions', () => {
  it('rejects maxHops outside 1–6 or not an integer, naming maxHops', () => {
    for (const maxHops of [0, -1, 7, 2.5, Number.NaN]) expect(() => resolvePathOptions({ maxHops })).toThrow(invalidArgument('maxHops'));
  });

  it('rejects limit outside 1–100 or not an integer, naming limit', () => {
    for (const limit of [0, 101, 1.5]) expect(() => resolvePathOptions({ limit })).toThrow(invalidArgument('limit'));
  });

  it('reports maxHops before limit', () => {
    expect(() => resolvePathOptions({ maxHops: 9, limit: 0 })).toThrow(invalidArgument('maxHops'));
  });

  it('applies the DESIGN §5 defaults: 4 hops, 20 paths, any order, no backfill, all statuses but CANCELLED and DENIED', () => {
    expect(resolvePathOptions()).toEqual({
      statuses: ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL'],
      maxHops: 4,
      order: 'ANY',
      viaBackfill: false,
      limit: 20,
    });
    expect([DEFAULT_MAX_HOPS, MAX_MAX_HOPS, DEFAULT_PATH_LIMIT, MAX_PATH_LIMIT]).toEqual([4, 6, 20, 100]);
  });

  it('keeps what is given, the bounds included, and treats no statuses as the default', () => {
    const between = { from: '2022-01-01', to: '2024-12-31' };
    expect(
      resolvePathOptions({
        system: 'system:patriot', statuses: ['CANCELLED'], maxHops: 6, order: 'STRICT', between, knownAt: '2024-01-01', viaBackfill: true, limit: 100,
      }),
    ).toEqual({ system: 'system:patriot', statuses: ['CANCELLED'], maxHops: 6, order: 'STRICT', between, knownAt: '2024-01-01', viaBackfill: true, limit: 100 });
    expect(resolvePathOptions({ statuses: [], maxHops: 1, limit: 1 })).toMatchObject({ statuses: resolvePathOptions().statuses, maxHops: 1, limit: 1 });
  });
});

describe('hopFilter', () => {
  it('keeps what every hop must pass and drops what shapes the path', () => {
    const between = { from: '2023-01-01', to: '2023-12-31' };
    expect(hopFilter(options({ system: 'system:patriot', statuses: ['DELIVERED'], between, knownAt: '2024-01-01', maxHops: 2, order: 'STRICT', limit: 3 }))).toEqual({
      system: 'system:patriot', statuses: ['DELIVERED'], between, knownAt: '2024-01-01',
    });
  });

  it('leaves out what is not asked', () => {
    expect(hopFilter(options())).toEqual({ statuses: ['REQUESTED', 'PROPOSED', 'APPROVED', 'PLANNED', 'DELIVERED', 'POTENTIAL'] });
  });
});

describe('orderAllows', () => {
  const prev = t('prev', 'AA', 'BB', '2023');
  const cases: [string, string, boolean, boolean][] = [
    // next date, description, TIME_RESPECTING (next.latest >= prev.earliest), STRICT (next.earliest >= prev.latest)
    ['2024-02', 'surely after', true, true],
    ['2024-01-01', 'the day after the year', true, true],
    ['2023-12-31', 'on the last day of the year', true, true],
    ['2023-06', 'within the year', true, false],
    ['2022/2023-01-01', 'ending on the first day of the year', true, false],
    ['2022-12-31', 'the day before the year', false, false],
    ['../2022', 'open start, ended before', false, false],
    ['2020/..', 'open end', true, false],
  ];

  it('ANY lets every hop follow', () => {
    for (const [date] of cases) expect(orderAllows(prev, t('next', 'BB', 'CC', date), 'ANY')).toBe(true);
  });

  it('TIME_RESPECTING: the next hop may not surely end before the previous may start', () => {
    for (const [date, why, timeRespecting] of cases) expect([why, orderAllows(prev, t('next', 'BB', 'CC', date), 'TIME_RESPECTING')]).toEqual([why, timeRespecting]);
  });

  it('STRICT: the next hop may not start before the previous has surely ended', () => {
    for (const [date, why, , strict] of cases) expect([why, orderAllows(prev, t('next', 'BB', 'CC', date), 'STRICT')]).toEqual([why, strict]);
  });

  it('an open-ended previous hop lets nothing follow strictly', () => {
    expect(orderAllows(t('p', 'AA', 'BB', '2024-01/..'), t('n', 'BB', 'CC', '9998'), 'STRICT')).toBe(false);
    expect(orderAllows(t('p', 'AA', 'BB', '2024-01/..'), t('n', 'BB', 'CC', '2023-12-22/..'), 'TIME_RESPECTING')).toBe(true);
  });
});

describe('connection', () => {
  const prev = t('jp-us', 'JP', 'US', '2024-01/..', { backfills: ['us-ua'] });
  const backfilled = t('us-ua', 'US', 'UA', '2023-12-22/..');
  const other = t('us-pl', 'US', 'PL', '2023-12-22/..');

  it('is undefined when the order rule forbids the hop and no backfill link counts', () => {
    expect(connection(prev, backfilled, { order: 'STRICT', viaBackfill: false })).toBeUndefined();
    expect(connection(prev, other, { order: 'STRICT', viaBackfill: true })).toBeUndefined();
  });

  it('is BACKFILL when the previous hop backfills the next and backfill links count, whatever the order', () => {
    expect(connection(prev, backfilled, { order: 'STRICT', viaBackfill: true })).toBe('BACKFILL');
    expect(connection(prev, backfilled, { order: 'ANY', viaBackfill: true })).toBe('BACKFILL');
  });

  it('is TRANSFER when the order rule allows the hop', () => {
    expect(connection(prev, backfilled, { order: 'TIME_RESPECTING', viaBackfill: false })).toBe('TRANSFER');
    expect(connection(prev, other, { order: 'ANY', viaBackfill: true })).toBe('TRANSFER');
  });
});

describe('orderViolations', () => {
  it('explains each consecutive pair that breaks the rule, naming both hops', () => {
    const chain = [t('ab', 'AA', 'BB', '2021'), t('bc', 'BB', 'CC', '2020'), t('cd', 'CC', 'DD', '2022'), t('de', 'DD', 'EE', '2019')];
    const why = orderViolations(chain, 'TIME_RESPECTING');
    expect(why).toHaveLength(2);
    expect(why[0]).toContain('transfer:ab');
    expect(why[0]).toContain('transfer:bc');
    expect(why[1]).toContain('transfer:cd');
    expect(why[1]).toContain('transfer:de');
  });

  it('finds more violations under STRICT than under TIME_RESPECTING, none under ANY', () => {
    const chain = [t('ab', 'AA', 'BB', '2020'), t('bc', 'BB', 'CC', '2020-06'), t('cd', 'CC', 'DD', '2021')];
    expect(orderViolations(chain, 'ANY')).toEqual([]);
    expect(orderViolations(chain, 'TIME_RESPECTING')).toEqual([]);
    expect(orderViolations(chain, 'STRICT')).toHaveLength(1);
    expect(orderViolations(chain, 'STRICT')[0]).toContain('transfer:bc');
  });

  it('is empty for a single hop', () => {
    expect(orderViolations([t('ab', 'AA', 'BB', '2020')], 'STRICT')).toEqual([]);
  });
});

describe('comparePaths', () => {
  const path = (...transfers: Transfer[]) => makePath(transfers.map((x) => hop(x)), undefined, EMPTY_CONTEXT);

  it('puts fewer hops first, however late they arrive', () => {
    const direct = path(t('ac', 'AA', 'CC', '2030'));
    const twoHops = path(t('ab', 'AA', 'BB', '2000'), t('bc', 'BB', 'CC', '2001'));
    expect(comparePaths(direct, twoHops)).toBeLessThan(0);
    expect(comparePaths(twoHops, direct)).toBeGreaterThan(0);
  });

  it('then earlier arrival: earliest day, then latest day', () => {
    const early = path(t('ac-2', 'AA', 'CC', '2020-03'));
    const late = path(t('ac-1', 'AA', 'CC', '2020-04'));
    const sameStartLonger = path(t('ac-0', 'AA', 'CC', '2020-03/2020-05'));
    expect(comparePaths(early, late)).toBeLessThan(0);
    expect(comparePaths(early, sameStartLonger)).toBeLessThan(0);
    expect(comparePaths(sameStartLonger, late)).toBeLessThan(0);
  });

  it('then the transfer ids, hop by hop', () => {
    const a = path(t('ab-1', 'AA', 'BB', '2019'), t('bc-2', 'BB', 'CC', '2020'));
    const b = path(t('ab-2', 'AA', 'BB', '2018'), t('bc-1', 'BB', 'CC', '2020'));
    const c = path(t('ab-1', 'AA', 'BB', '2019'), t('bc-3', 'BB', 'CC', '2020'));
    expect(comparePaths(a, b)).toBeLessThan(0);
    expect(comparePaths(a, c)).toBeLessThan(0);
    expect(comparePaths(a, a)).toBe(0);
  });
});

describe('pathChecks', () => {
  const ctx: CheckContext = {
    restrictions: [
      restriction('restriction:at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'JP', '2014-04-01/..', { suppliers: ['JP'] }),
      restriction('restriction:consent', 'REEXPORT_REQUIRES_CONSENT', 'JP', '2023-12-22/..', { origins: ['JP'], systems: ['system:patriot'] }, 'JP'),
    ],
    wars: [event('event:invasion', 'WAR', '2022-02-24/..', ['RU', 'UA'])],
    actors: new Hierarchy([]),
    systems: new Hierarchy([['system:patriot-missile', 'system:patriot']]),
    nameOf: (id) => id,
  };
  const jpUs = transfer({ id: 'jp-us', from: 'JP', to: 'US', system: 'system:patriot-missile', date: '2024-01/..' });
  const usUa = transfer({ id: 'us-ua', from: 'US', to: 'UA', system: 'system:patriot-missile', date: '2023-12-22/..' });
  const summary = (reasons: ReturnType<typeof pathChecks>) => reasons.map((r) => [r.restriction, r.effect, r.hop, r.consentOf ?? null]);

  it('checks each hop, later hops as re-exports of the start’s items, then the direct route from start to end', () => {
    expect(summary(pathChecks([hop(jpUs), hop(usUa)], 'system:patriot', ctx))).toEqual([
      ['restriction:consent', 'REQUIRES_CONSENT', 1, 'JP'],
      ['restriction:at-war', 'PROHIBITED', null, null],
    ]);
  });

  it('does not repeat a one-hop path as its own direct route', () => {
    const jpUa = transfer({ id: 'jp-ua', from: 'JP', to: 'UA', system: 'system:patriot-missile', date: '2024' });
    expect(summary(pathChecks([hop(jpUa)], undefined, ctx))).toEqual([['restriction:at-war', 'PROHIBITED', 0, null]]);
  });

  it('checks the direct route over the whole journey, from the first departure to the last arrival', () => {
    // The war only starts after the first hop; the direct route still spans it.
    const early = transfer({ id: 'jp-us-old', from: 'JP', to: 'US', date: '2015' });
    const late = transfer({ id: 'us-ua-late', from: 'US', to: 'UA', date: '2023' });
    expect(summary(pathChecks([hop(early), hop(late)], undefined, ctx))).toEqual([['restriction:at-war', 'PROHIBITED', null, null]]);
    const before = transfer({ id: 'us-ua-before', from: 'US', to: 'UA', date: '2016' });
    expect(pathChecks([hop(early), hop(before)], undefined, ctx)).toEqual([]);
  });

  it('checks the direct route for the question’s system, or the first hop’s when none was asked', () => {
    const scoped: CheckContext = {
      ...ctx,
      restrictions: [restriction('restriction:patriots-at-war', 'NO_EXPORT_TO_PARTY_AT_WAR', 'JP', '2014/..', { suppliers: ['JP'], systems: ['system:patriot'] })],
    };
    const a = transfer({ id: 'jp-us-x', from: 'JP', to: 'US', system: 'system:other', date: '2024' });
    const b = transfer({ id: 'us-ua-x', from: 'US', to: 'UA', system: 'system:other', date: '2024' });
    expect(pathChecks([hop(a), hop(b)], undefined, scoped)).toEqual([]);
    expect(summary(pathChecks([hop(a), hop(b)], 'system:patriot', scoped))).toEqual([['restriction:patriots-at-war', 'PROHIBITED', null, null]]);
  });
});

describe('makePath', () => {
  it('departs with the first hop, arrives with the last, and carries its checks', () => {
    const ctx: CheckContext = {
      ...EMPTY_CONTEXT,
      restrictions: [restriction('restriction:ban', 'NO_ARMS_EXPORT', 'BB', '2020/..', { suppliers: ['BB'] })],
    };
    const ab = t('ab', 'AA', 'BB', '2019-05');
    const bc = t('bc', 'BB', 'CC', '2021/2022');
    const path = makePath([hop(ab), hop(bc, 'BACKFILL')], undefined, ctx);
    expect(path.length).toBe(2);
    expect(path.departs).toBe(ab.date);
    expect(path.arrives).toBe(bc.date);
    expect(path.hops.map((h) => [h.transfer.id, h.via])).toEqual([['transfer:ab', 'TRANSFER'], ['transfer:bc', 'BACKFILL']]);
    expect(path.checks.map((c) => [c.restriction, c.hop])).toEqual([['restriction:ban', 1]]);
  });
});

describe('rankPaths', () => {
  it('rejects a path from an actor to itself, naming to', () => {
    expect(() => rankPaths('AA', 'AA', options(), graphOf([t('ab', 'AA', 'BB', '2020')]))).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: { argument: 'to' } }),
    );
  });

  it('finds nothing, untruncated, when the end cannot be reached', () => {
    expect(rankPaths('AA', 'CC', options(), graphOf([t('ab', 'AA', 'BB', '2020'), t('cb', 'CC', 'BB', '2020')]))).toEqual({ paths: [], truncated: false });
    expect(rankPaths('AA', 'ZZ', options(), graphOf([]))).toEqual({ paths: [], truncated: false });
  });

  it('never visits an actor twice', () => {
    const graph = graphOf([t('ab', 'AA', 'BB', '2020'), t('ba', 'BB', 'AA', '2020'), t('bc', 'BB', 'CC', '2020'), t('cb', 'CC', 'BB', '2020'), t('cd', 'CC', 'DD', '2020')]);
    expect(ids(rankPaths('AA', 'DD', options({ maxHops: 6 }), graph).paths)).toEqual(['ab,bc,cd']);
  });

  it('keeps to maxHops', () => {
    const chain = graphOf([t('ab', 'AA', 'BB', '2020'), t('bc', 'BB', 'CC', '2021'), t('cd', 'CC', 'DD', '2022')]);
    expect(rankPaths('AA', 'DD', options({ maxHops: 2 }), chain).paths).toEqual([]);
    expect(ids(rankPaths('AA', 'DD', options({ maxHops: 3 }), chain).paths)).toEqual(['ab,bc,cd']);
  });

  it('ranks by hops, then earlier arrival (earliest, then latest day), then transfer ids', () => {
    const graph = graphOf([
      t('ab1', 'AA', 'BB', '2020'),
      t('ab2', 'AA', 'BB', '2019'),
      t('bc1', 'BB', 'CC', '2021'),
      t('bc2', 'BB', 'CC', '2020-06/2020-08'),
      t('bc3', 'BB', 'CC', '2020-06'),
      t('ac', 'AA', 'CC', '2030'),
    ]);
    expect(ids(rankPaths('AA', 'CC', options(), graph).paths)).toEqual([
      'ac', 'ab1,bc3', 'ab2,bc3', 'ab1,bc2', 'ab2,bc2', 'ab1,bc1', 'ab2,bc1',
    ]);
  });

  it('keeps the best limit paths and reports truncated only when more exist', () => {
    const graph = graphOf([t('ab1', 'AA', 'BB', '2020'), t('ab2', 'AA', 'BB', '2019'), t('bc1', 'BB', 'CC', '2021'), t('ac', 'AA', 'CC', '2030')]);
    expect(rankPaths('AA', 'CC', options({ limit: 1 }), graph)).toMatchObject({ truncated: true });
    expect(ids(rankPaths('AA', 'CC', options({ limit: 2 }), graph).paths)).toEqual(['ac', 'ab1,bc1']);
    expect(rankPaths('AA', 'CC', options({ limit: 2 }), graph).truncated).toBe(true);
    expect(rankPaths('AA', 'CC', options({ limit: 3 }), graph)).toMatchObject({ truncated: false });
    expect(rankPaths('AA', 'CC', options({ limit: 3 }), graph).paths).toHaveLength(3);
  });

  it('searches shortest first and stops after the level that passes limit', () => {
    // AA→ZZ, AA→BB→ZZ, AA→CC→DD→ZZ: with limit 1 the second level already passes it, so CC is never expanded.
    const list = [t('az', 'AA', 'ZZ', '2020'), t('ab', 'AA', 'BB', '2020'), t('bz', 'BB', 'ZZ', '2020'), t('ac', 'AA', 'CC', '2020'), t('cd', 'CC', 'DD', '2020'), t('dz', 'DD', 'ZZ', '2020')];
    const cut = graphOf(list);
    expect(ids(rankPaths('AA', 'ZZ', options({ limit: 1 }), cut).paths)).toEqual(['az']);
    expect(cut.visited).not.toContain('CC');
    const all = graphOf(list);
    expect(rankPaths('AA', 'ZZ', options({ limit: 3 }), all)).toMatchObject({ truncated: false });
    expect(all.visited).toContain('CC');
  });

  it('does not expand actors that cannot reach the end in the hops left', () => {
    const graph = graphOf([t('ab', 'AA', 'BB', '2020'), t('bz', 'BB', 'ZZ', '2020'), t('ax', 'AA', 'XX', '2020'), t('xy', 'XX', 'YY', '2020'), t('ac', 'AA', 'CC', '2020'), t('cd', 'CC', 'DD', '2020'), t('dz', 'DD', 'ZZ', '2020')]);
    expect(ids(rankPaths('AA', 'ZZ', options({ maxHops: 2 }), graph).paths)).toEqual(['ab,bz']);
    expect(graph.visited).not.toContain('XX');
    expect(graph.visited).not.toContain('CC');
  });

  it('applies the order rule between consecutive hops', () => {
    const graph = graphOf([t('ab', 'AA', 'BB', '2020'), t('bc-before', 'BB', 'CC', '2019'), t('bc-during', 'BB', 'CC', '2020-06'), t('bc-after', 'BB', 'CC', '2021')]);
    expect(ids(rankPaths('AA', 'CC', options({ order: 'ANY' }), graph).paths)).toEqual(['ab,bc-before', 'ab,bc-during', 'ab,bc-after']);
    expect(ids(rankPaths('AA', 'CC', options({ order: 'TIME_RESPECTING' }), graph).paths)).toEqual(['ab,bc-during', 'ab,bc-after']);
    expect(ids(rankPaths('AA', 'CC', options({ order: 'STRICT' }), graph).paths)).toEqual(['ab,bc-after']);
  });

  it('with viaBackfill, a backfilled hop follows whatever the order, marked BACKFILL', () => {
    const graph = graphOf([t('jp-us', 'JP', 'US', '2024-01/..', { backfills: ['us-ua'] }), t('us-ua', 'US', 'UA', '2023-12-22/..')]);
    expect(rankPaths('JP', 'UA', options({ order: 'STRICT' }), graph).paths).toEqual([]);
    const [path] = rankPaths('JP', 'UA', options({ order: 'STRICT', viaBackfill: true }), graph).paths;
    expect(path!.map((h) => [h.transfer.id, h.via])).toEqual([['transfer:jp-us', 'TRANSFER'], ['transfer:us-ua', 'BACKFILL']]);
  });

  it('works over bare path transfers and returns the very objects it was given', () => {
    const bare: PathTransfer[] = [
      { id: 'x1', supplier: 'AA', recipient: 'BB', backfills: [], date: { earliest: '2020-01-01', latest: '2020-01-01' } },
      { id: 'x2', supplier: 'BB', recipient: 'CC', backfills: [], date: { earliest: '2020-02-01', latest: '2020-02-01' } },
    ];
    const [path] = rankPaths('AA', 'CC', options({ order: 'STRICT' }), graphOf(bare)).paths;
    expect(path!.map((h) => h.transfer)).toEqual([bare[0], bare[1]]);
    expect(path![0]!.transfer).toBe(bare[0]);
  });

  it(`gives up after ${PATH_EXPANSION_BUDGET} hop expansions and reports truncated`, () => {
    // AA→BB→…→FF→ZZ with `width` parallel transfers per link, in strict order, except that the last link is older
    // than all the rest: no path exists, but every walk up to FF must be tried (width^5 expansions).
    const layered = (width: number) => {
      const chain = ['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'ZZ'];
      const list: PathTransfer[] = [];
      for (let i = 0; i + 1 < chain.length; i += 1) {
        const year = i + 1 === chain.length - 1 ? 1990 : 2001 + i;
        for (let k = 0; k < width; k += 1) {
          list.push({ id: `t${i}-${k}`, supplier: chain[i]!, recipient: chain[i + 1]!, backfills: [], date: { earliest: `${year}-01-01`, latest: `${year}-12-31` } });
        }
      }
      return graphOf(list);
    };
    expect(10 ** 5).toBeLessThan(PATH_EXPANSION_BUDGET);
    expect(rankPaths('AA', 'ZZ', options({ order: 'STRICT', maxHops: 6 }), layered(10))).toEqual({ paths: [], truncated: false });
    expect(20 ** 5).toBeGreaterThan(PATH_EXPANSION_BUDGET);
    expect(rankPaths('AA', 'ZZ', options({ order: 'STRICT', maxHops: 6 }), layered(20))).toEqual({ paths: [], truncated: true });
  });
});
