// Route semantics (issue [11]): a route is a sequence of distinct actors with at least one chain allowed by the order
// rule; its evidence per hop, the witness chain, the chains counted exactly, the rankings and the search budget. Every
// search runs over a hand-made adjacency (plain arrays), and a brute-force enumeration checks it on random graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Transfer } from '../../src/domain/model.js';
import { OPEN_END, OPEN_START, bySpanThenId } from '../../src/domain/time.js';
import {
  ROUTE_EXPANSION_BUDGET, ROUTE_ORDERS, connection, countRoutes, findRoutes, searchRoutePage, hopEvidence, pageRoutes, rankRoutes, routeCandidateOf, routeChains, routeWitness,
  type FoundRoute, type PathGraph, type ResolvedRouteOptions, type RouteCandidate, type RouteOrderBy,
} from '../../src/query/index.js';
import { sipriTransfer, transfer } from '../helpers/dataset.js';
import { invalidArgument } from '../helpers/ports.js';

/** Adjacency over a list of candidates, each list in time order (earliest, latest, id), as the RoutePort promises. */
function graphOf(list: readonly RouteCandidate[]): PathGraph<RouteCandidate> {
  const sorted = [...list].sort(bySpanThenId);
  return {
    outgoing: (actor) => sorted.filter((t) => t.supplier === actor),
    incoming: (actor) => sorted.filter((t) => t.recipient === actor),
  };
}

const options = (o: Partial<ResolvedRouteOptions> = {}): ResolvedRouteOptions => ({
  statuses: ['DELIVERED'], maxHops: 3, order: 'ANY', viaBackfill: false, via: [], avoid: [], minDeals: 1, minTiv: 0, orderBy: 'EVIDENCE', ...o,
});

/** A seed-like candidate (no SIPRI record): its date as EDTF, category `test`. */
const c = (id: string, from: string, to: string, date: string, more: { backfills?: string[]; category?: string } = {}): RouteCandidate =>
  routeCandidateOf(transfer({ id, from, to, date, ...(more.backfills && { backfills: more.backfills }) }), more.category ?? 'test');
/** A SIPRI-like candidate with deliveries [year, units, TIV]. */
const deal = (id: string, from: string, to: string, deliveries: [number, number | null, number | null][], category = 'Missiles'): RouteCandidate =>
  routeCandidateOf(sipriTransfer(id, from, to, 'system:s', deliveries, category), undefined);

const search = (list: readonly RouteCandidate[], from: string, to: string, o: Partial<ResolvedRouteOptions> = {}) =>
  findRoutes(from, to, options(o), graphOf(list));
const routeIds = (list: readonly RouteCandidate[], from: string, to: string, o: Partial<ResolvedRouteOptions> = {}) =>
  search(list, from, to, o).routes.map((r) => r.id).sort();
const chainIds = (chain: readonly RouteCandidate[]) => chain.map((t) => t.id.replace('transfer:', '')).join(',');

describe('routeCandidateOf', () => {
  it('takes a SIPRI deal’s category and delivery rows, and no units of its own (its rows carry them)', () => {
    const t = sipriTransfer('de-ua', 'DE', 'UA', 'system:leopard', [[2022, 10, 30.5], [2024, 5, null]], 'Armoured vehicles');
    expect(routeCandidateOf(t, 'test')).toEqual({
      id: 'transfer:de-ua', supplier: 'DE', recipient: 'UA', system: 'system:leopard', backfills: [], date: t.date,
      category: 'Armoured vehicles',
      deliveries: [{ year: 2022, units: 10, tiv: 30.5 }, { year: 2024, units: 5, tiv: null }],
      units: null,
    });
  });

  it('counts a delivered seed transfer’s exact quantity, and nothing for one not delivered or without an exact quantity', () => {
    const delivered = { ...transfer({ id: 'a', from: 'AA', to: 'BB', date: '2020' }), quantity: { exact: 12 } };
    const planned = { ...transfer({ id: 'b', from: 'AA', to: 'BB', date: '2020', status: 'PLANNED' }), quantity: { exact: 12 } };
    const vague = { ...transfer({ id: 'c', from: 'AA', to: 'BB', date: '2020' }), quantity: { min: 24, text: 'dozens' } };
    expect([delivered, planned, vague].map((t) => routeCandidateOf(t, 'air-defence system')).map((r) => [r.units, r.deliveries, r.category])).toEqual([
      [12, [], 'air-defence system'],
      [null, [], 'air-defence system'],
      [null, [], 'air-defence system'],
    ]);
  });

  it('falls back to the category unknown when neither SIPRI nor the system gives one; keeps backfill links', () => {
    const t = transfer({ id: 'jp-us', from: 'JP', to: 'US', date: '2024-01/..', backfills: ['us-ua'] });
    expect(routeCandidateOf(t, undefined)).toMatchObject({ category: 'unknown', backfills: ['transfer:us-ua'], date: { earliest: '2024-01-01', latest: OPEN_END } });
  });
});

describe('hopEvidence', () => {
  const ab = [
    deal('ab-1', 'AA', 'BB', [[2019, 2, 4], [2021, 3, 6.5]]),
    deal('ab-2', 'AA', 'BB', [[2022, null, 10], [2023, 4, null]], 'Armoured vehicles'),
    { ...c('ab-3', 'AA', 'BB', '2023-06/..'), units: 7, system: 'system:other' },
  ];

  it('sums every deal: deals, units (delivery rows, or a seed transfer’s exact quantity), TIV, span, sorted systems and categories', () => {
    expect(hopEvidence('AA', 'BB', ab, undefined)).toEqual({
      from: 'AA', to: 'BB', deals: 3, units: 2 + 3 + 4 + 7, tiv: 4 + 6.5 + 10,
      span: { earliest: '2019-01-01', latest: OPEN_END },
      // The open-ended deal counts by its start (2023-06); ab-2's last delivery year ends later.
      lastDay: '2023-12-31',
      systems: ['system:other', 'system:s'], categories: ['Armoured vehicles', 'Missiles', 'test'], transfers: ab,
    });
  });

  it('sums TIV and units only over delivery years inside the window (whole years), and keeps every deal and the full span', () => {
    const e = hopEvidence('AA', 'BB', ab, { from: '2021-03-01', to: '2022-06-30' });
    expect([e.deals, e.units, e.tiv, e.span]).toEqual([3, 3 + 7, 6.5 + 10, { earliest: '2019-01-01', latest: OPEN_END }]);
    expect(hopEvidence('AA', 'BB', ab, { from: '2022-01-01', to: OPEN_END })).toMatchObject({ units: 4 + 7, tiv: 10 });
    expect(hopEvidence('AA', 'BB', ab, { from: OPEN_START, to: '2019-12-31' })).toMatchObject({ units: 2 + 7, tiv: 4 });
  });

  it('gives null TIV and units when nothing is known, not zero', () => {
    const e = hopEvidence('AA', 'BB', [deal('x', 'AA', 'BB', [[2020, null, null]]), c('y', 'AA', 'BB', '2021')], undefined);
    expect([e.deals, e.units, e.tiv]).toEqual([2, null, null]);
    expect(hopEvidence('AA', 'BB', ab, { from: '2030-01-01', to: '2031-12-31' })).toMatchObject({ units: 7, tiv: null });
  });

  it('rounds sums to millionths (no float noise in answers)', () => {
    expect(hopEvidence('AA', 'BB', [deal('x', 'AA', 'BB', [[2020, 1, 0.1], [2021, 1, 0.2]])], undefined).tiv).toBe(0.3);
  });
});

describe('findRoutes', () => {
  it('rejects a route from an actor to itself, naming to', () => {
    expect(() => search([c('ab', 'AA', 'BB', '2020')], 'AA', 'AA')).toThrow(invalidArgument('to'));
  });

  it('finds nothing, completely, when the target cannot be reached within maxHops', () => {
    const list = [c('ab', 'AA', 'BB', '2020'), c('bc', 'BB', 'CC', '2020'), c('cd', 'CC', 'DD', '2020')];
    expect(search(list, 'AA', 'DD', { maxHops: 2 })).toEqual({ routes: [], complete: true, expansions: 0, hopsCovered: 2 });
    expect(search(list, 'DD', 'AA')).toEqual({ routes: [], complete: true, expansions: 0, hopsCovered: 3 });
    expect(routeIds(list, 'AA', 'DD', { maxHops: 3 })).toEqual(['AA>BB>CC>DD']);
  });

  it('finds and counts every route through many actors seen for the first time (ids are given as the search meets them)', () => {
    // 300 fresh middle actors, first met while the search runs: its distances by actor id must grow with them.
    const fresh = Array.from({ length: 300 }, (_, i) => `FRESH-${process.pid}-${i}`);
    const list = fresh.flatMap((m, i) => [c(`f${i}a`, 'NEWFROM', m, '2015'), c(`f${i}b`, m, 'NEWTO', '2016')]);
    const o = { maxHops: 3, order: 'TIME_RESPECTING' as const };
    const ids = routeIds(list, 'NEWFROM', 'NEWTO', o);
    expect(ids).toHaveLength(300);
    expect(ids).toContain(`NEWFROM>${fresh[299]}>NEWTO`);
    expect(countRoutes('NEWFROM', 'NEWTO', options(o), graphOf(list))!.total).toBe(300);
  });

  it('a route passes each actor once: cycles through the graph give no extra routes', () => {
    const list = [c('ab', 'AA', 'BB', '2020'), c('bc', 'BB', 'CC', '2020'), c('cb', 'CC', 'BB', '2020'), c('ba', 'BB', 'AA', '2020'), c('bd', 'BB', 'DD', '2020'), c('cd', 'CC', 'DD', '2020')];
    expect(routeIds(list, 'AA', 'DD', { maxHops: 6 })).toEqual(['AA>BB>CC>DD', 'AA>BB>DD']);
  });

  it('many deals on each hop make one route (k deals on n hops do not multiply routes), with every deal as evidence', () => {
    const list: RouteCandidate[] = [];
    for (const [a, b] of [['AA', 'BB'], ['BB', 'CC'], ['CC', 'DD']] as const) {
      for (let k = 1; k <= 4; k += 1) list.push(c(`${a}${b}-${k}`, a, b, `202${k}`));
    }
    const found = search(list, 'AA', 'DD');
    expect(found.routes.map((r) => [r.id, r.hops.map((h) => h.deals)])).toEqual([['AA>BB>CC>DD', [4, 4, 4]]]);
    expect(found.expansions).toBe(3);
    expect(routeChains(found.routes[0]!, options(), 100).total).toBe(64);
  });

  describe('the order rule decides whether a route exists (DESIGN §5)', () => {
    const ab = c('ab', 'AA', 'BB', '2020');
    const cases: [string, RouteCandidate, Record<'ANY' | 'TIME_RESPECTING' | 'STRICT', boolean>][] = [
      ['ends before the first hop may start', c('bc', 'BB', 'CC', '2019-12'), { ANY: true, TIME_RESPECTING: false, STRICT: false }],
      ['overlaps it', c('bc', 'BB', 'CC', '2020-03'), { ANY: true, TIME_RESPECTING: true, STRICT: false }],
      ['starts on its last day', c('bc', 'BB', 'CC', '2020-12-31'), { ANY: true, TIME_RESPECTING: true, STRICT: true }],
      ['starts after it', c('bc', 'BB', 'CC', '2021-01-01'), { ANY: true, TIME_RESPECTING: true, STRICT: true }],
    ];

    it('ANY: every chain; TIME_RESPECTING: next.latest >= prev.earliest; STRICT: next.earliest >= prev.latest', () => {
      for (const [why, bc, expected] of cases) {
        for (const order of ['ANY', 'TIME_RESPECTING', 'STRICT'] as const) {
          expect([why, order, routeIds([ab, bc], 'AA', 'CC', { order }).length === 1]).toEqual([why, order, expected[order]]);
        }
      }
    });

    it('one allowed chain among many is enough; the last hop keeps only transfers that end an allowed chain', () => {
      const list = [c('ab-late', 'AA', 'BB', '2024'), c('ab-early', 'AA', 'BB', '2018'), c('bc-before', 'BB', 'CC', '2017'), c('bc-mid', 'BB', 'CC', '2019')];
      const [route] = search(list, 'AA', 'CC', { order: 'STRICT' }).routes;
      expect(route!.feasible[1]!.map((t) => t.id)).toEqual(['transfer:bc-mid']);
      expect(route!.hops.map((h) => h.deals)).toEqual([2, 2]);
      expect(routeChains(route!, options({ order: 'STRICT' }), 10).chains.map(chainIds)).toEqual(['ab-early,bc-mid']);
    });

    it('needs one chain through all hops, not each consecutive pair allowed by different transfers', () => {
      // bc-1 follows ab but cd follows only bc-2, which nothing on the first hop allows.
      const list = [c('ab', 'AA', 'BB', '2020'), c('bc-1', 'BB', 'CC', '2021'), c('bc-2', 'BB', 'CC', '2019'), c('cd', 'CC', 'DD', '2019')];
      expect(routeIds(list, 'AA', 'DD', { order: 'TIME_RESPECTING' })).toEqual([]);
      expect(routeIds(list, 'AA', 'DD', { order: 'ANY' })).toEqual(['AA>BB>CC>DD']);
    });

    it('with viaBackfill, a hop that the previous one backfills may follow it whatever the dates', () => {
      const list = [c('jp-us', 'JP', 'US', '2024-01/..', { backfills: ['us-ua'] }), c('us-ua', 'US', 'UA', '2023-12-22/..'), c('us-pl', 'US', 'PL', '2023-12-22/..'), c('pl-ua', 'PL', 'UA', '2025')];
      expect(routeIds(list, 'JP', 'UA', { order: 'STRICT' })).toEqual([]);
      expect(routeIds(list, 'JP', 'UA', { order: 'STRICT', viaBackfill: true })).toEqual(['JP>US>UA']);
      // The link counts only for the transfer it names: US → PL still has to follow the rule.
      expect(routeIds(list, 'JP', 'PL', { order: 'STRICT', viaBackfill: true })).toEqual([]);
    });
  });

  describe('route filters', () => {
    const list = [
      deal('ab', 'AA', 'BB', [[2020, 1, 10]]), deal('bd', 'BB', 'DD', [[2021, 1, 10]]),
      deal('ac', 'AA', 'CC', [[2020, 1, 3]], 'Armoured vehicles'), deal('cd', 'CC', 'DD', [[2021, 1, 30], [2023, 1, 30]], 'Armoured vehicles'),
      deal('bc', 'BB', 'CC', [[2020, 1, 10]]), deal('ad-1', 'AA', 'DD', [[2019, 1, 1]]), deal('ad-2', 'AA', 'DD', [[2022, 1, 1]]),
      // TIV per hop: A→B 10, B→D 10, A→C 3, C→D 60, B→C 10, A→D 2.
    ];
    const all = ['AA>BB>CC>DD', 'AA>BB>DD', 'AA>CC>DD', 'AA>DD'];

    it('via: every route passes through them all', () => {
      expect(routeIds(list, 'AA', 'DD')).toEqual(all);
      expect(routeIds(list, 'AA', 'DD', { via: ['CC'] })).toEqual(['AA>BB>CC>DD', 'AA>CC>DD']);
      expect(routeIds(list, 'AA', 'DD', { via: ['CC', 'BB'] })).toEqual(['AA>BB>CC>DD']);
    });

    it('avoid: no route passes through them', () => {
      expect(routeIds(list, 'AA', 'DD', { avoid: ['CC'] })).toEqual(['AA>BB>DD', 'AA>DD']);
      expect(routeIds(list, 'AA', 'DD', { avoid: ['BB', 'CC'] })).toEqual(['AA>DD']);
    });

    it('categories: every hop has a transfer of one of them', () => {
      expect(routeIds(list, 'AA', 'DD', { categories: ['Armoured vehicles'] })).toEqual(['AA>CC>DD']);
      expect(routeIds(list, 'AA', 'DD', { categories: ['Missiles'] })).toEqual(['AA>BB>DD', 'AA>DD']);
      expect(routeIds(list, 'AA', 'DD', { categories: ['Ships'] })).toEqual([]);
    });

    it('minDeals: every hop has at least that many deals', () => {
      expect(routeIds(list, 'AA', 'DD', { minDeals: 2 })).toEqual(['AA>DD']);
      expect(routeIds(list, 'AA', 'DD', { minDeals: 3 })).toEqual([]);
    });

    it('minTiv: every hop delivered at least that much TIV in the window’s years', () => {
      expect(routeIds(list, 'AA', 'DD', { minTiv: 5 })).toEqual(['AA>BB>CC>DD', 'AA>BB>DD']);
      expect(routeIds(list, 'AA', 'DD', { minTiv: 2.5 })).toEqual(['AA>BB>CC>DD', 'AA>BB>DD', 'AA>CC>DD']);
      expect(routeIds(list, 'AA', 'DD', { minTiv: 2 })).toEqual(all);
      // In 2022–2023 only C → D and the second A → D deal delivered: 30 and 1.
      expect(routeIds(list, 'AA', 'DD', { minTiv: 1, between: { from: '2022-01-01', to: '2023-12-31' } })).toEqual(['AA>DD']);
      expect(routeIds(list, 'AA', 'DD', { minTiv: 0, between: { from: '2022-01-01', to: '2023-12-31' } })).toEqual(all);
    });

    it('carries each hop’s evidence and the weakest hop’s TIV as the score', () => {
      const found = search(list, 'AA', 'DD', { between: { from: '2021-01-01', to: OPEN_END } }).routes.find((r) => r.id === 'AA>CC>DD')!;
      expect(found.actors).toEqual(['AA', 'CC', 'DD']);
      expect(found.hops.map((h) => [h.from, h.to, h.deals, h.units, h.tiv, h.span, h.categories])).toEqual([
        ['AA', 'CC', 1, null, null, { earliest: '2020-01-01', latest: '2020-12-31' }, ['Armoured vehicles']],
        ['CC', 'DD', 1, 2, 60, { earliest: '2021-01-01', latest: '2023-12-31' }, ['Armoured vehicles']],
      ]);
      expect(found.score).toBe(0);
      expect(search(list, 'AA', 'DD').routes.find((r) => r.id === 'AA>CC>DD')!.score).toBe(3);
    });
  });

  it('finds every route of up to maxHops, completely, when the search stays within its budget', () => {
    const list = [c('ab', 'AA', 'BB', '2020'), c('bc', 'BB', 'CC', '2020'), c('cd', 'CC', 'DD', '2020'), c('de', 'DD', 'EE', '2020'), c('ae', 'AA', 'EE', '2020')];
    for (const maxHops of [1, 2, 3, 4, 5, 6]) {
      const found = search(list, 'AA', 'EE', { maxHops });
      expect([maxHops, found.complete, found.hopsCovered, found.routes.map((r) => r.id).sort()]).toEqual([
        maxHops, true, maxHops, maxHops >= 4 ? ['AA>BB>CC>DD>EE', 'AA>EE'] : ['AA>EE'],
      ]);
    }
  });

  it('over the budget, says so, and still holds every route of up to hopsCovered hops', () => {
    // A complete graph on 14 middle actors: 240,240 six-hop routes and about as many steps again to reach them.
    const mids = Array.from({ length: 14 }, (_, i) => `M${String(i).padStart(2, '0')}`);
    const list = [c('a-z', 'AA', 'ZZ', '2020')];
    for (const m of mids) {
      list.push(c(`a-${m}`, 'AA', m, '2020'), c(`${m}-z`, m, 'ZZ', '2020'));
      for (const n of mids) if (n !== m) list.push(c(`${m}-${n}`, m, n, '2020'));
    }
    const graph = graphOf(list);
    const over = findRoutes('AA', 'ZZ', options({ maxHops: 6 }), graph);
    expect([over.complete, over.expansions, over.hopsCovered]).toEqual([false, ROUTE_EXPANSION_BUDGET, 5]);
    const within = findRoutes('AA', 'ZZ', options({ maxHops: 5 }), graph);
    expect(within.complete).toBe(true);
    // Routes of k hops: 14 · 13 · … over k − 1 middle actors.
    expect(within.routes).toHaveLength(1 + 14 + 14 * 13 + 14 * 13 * 12 + 14 * 13 * 12 * 11);
    const short = over.routes.filter((r) => r.hops.length <= 5).map((r) => r.id);
    expect(new Set(short).size).toBe(short.length);
    expect(short.sort()).toEqual(within.routes.map((r) => r.id).sort());
    const six = over.routes.filter((r) => r.hops.length === 6);
    expect(six.length).toBeLessThan(14 * 13 * 12 * 11 * 10);
    expect(new Set(six.map((r) => r.id)).size).toBe(six.length);
  });

  it('over the budget with no route shorter than the most hops: covers one hop less (from is that far, found by its own hops)', () => {
    // Three complete layers of 60 actors between AA and ZZ: 216,000 four-hop routes, none shorter.
    const layer = (l: number) => Array.from({ length: 60 }, (_, i) => `L${l}-${String(i).padStart(2, '0')}`);
    const [l1, l2, l3] = [layer(1), layer(2), layer(3)];
    const list = [...l1.map((a) => c(`AA-${a}`, 'AA', a, '2020')), ...l3.map((a) => c(`${a}-ZZ`, a, 'ZZ', '2020'))];
    for (const [xs, ys] of [[l1, l2], [l2, l3]] as const) for (const x of xs) for (const y of ys) list.push(c(`${x}-${y}`, x, y, '2020'));
    const over = findRoutes('AA', 'ZZ', options({ maxHops: 4 }), graphOf(list));
    expect([over.complete, over.hopsCovered]).toEqual([false, 3]);
    expect(over.routes.length).toBeGreaterThan(0);
    expect(over.routes.every((r) => r.hops.length === 4)).toBe(true);
    expect(findRoutes('AA', 'ZZ', options({ maxHops: 3 }), graphOf(list))).toMatchObject({ complete: true, hopsCovered: 3, routes: [] });
  });
});

/** When a chain arrives: its last transfer's earliest, then latest day. */
const arrival = (chain: readonly RouteCandidate[]) => `${chain[chain.length - 1]!.date.earliest}/${chain[chain.length - 1]!.date.latest}`;

describe('routeWitness', () => {
  // p-wide may start first but may run to 2025; p-2019 surely ends in 2019.
  const list = [c('p-wide', 'AA', 'BB', '2018/2025'), c('p-2019', 'AA', 'BB', '2019'), c('n-2019', 'BB', 'CC', '2019'), c('n-2020', 'BB', 'CC', '2020')];
  const witness = (order: ResolvedRouteOptions['order'], more: RouteCandidate[] = []) => {
    const o = options({ order });
    return routeWitness(findRoutes('AA', 'CC', o, graphOf([...list, ...more])).routes[0]!, o);
  };

  it('is a chain the order rule allows that arrives first', () => {
    for (const order of ['ANY', 'TIME_RESPECTING'] as const) {
      const chain = witness(order);
      expect(chain.map((t) => t.id)).toContain('transfer:n-2019');
      expect(connection(chain[0]!, chain[1]!, options({ order }))).toBe('TRANSFER');
    }
    // Under STRICT nothing surely ends before n-2019 starts, and p-wide may run past n-2020's start.
    expect(chainIds(witness('STRICT'))).toBe('p-2019,n-2020');
  });

  it('arrives first by the last transfer’s earliest day, then its latest', () => {
    expect(chainIds(witness('STRICT', [c('n-2020-h1', 'BB', 'CC', '2020-01/2020-06'), c('n-2020-q1', 'BB', 'CC', '2020-01/2020-03')]))).toBe('p-2019,n-2020-q1');
    expect(witness('ANY', [c('n-z', 'BB', 'CC', '2018-12')]).map((t) => t.id)).toContain('transfer:n-z');
  });

  it('follows a backfill link when the order rule alone allows no chain', () => {
    const links = [c('jp-us', 'JP', 'US', '2024-01/..', { backfills: ['us-ua'] }), c('us-ua', 'US', 'UA', '2023-12-22/..')];
    const o = options({ order: 'STRICT', viaBackfill: true });
    const [route] = findRoutes('JP', 'UA', o, graphOf(links)).routes;
    const chain = routeWitness(route!, o);
    expect(chainIds(chain)).toBe('jp-us,us-ua');
    expect(connection(chain[0]!, chain[1]!, o)).toBe('BACKFILL');
  });

  it('is the first of the route’s chains', () => {
    for (const order of ['ANY', 'TIME_RESPECTING', 'STRICT'] as const) {
      const o = options({ order });
      const [route] = findRoutes('AA', 'CC', o, graphOf(list)).routes;
      expect(routeWitness(route!, o)).toEqual(routeChains(route!, o, 1).chains[0]);
    }
  });
});

describe('rankRoutes', () => {
  // Disjoint routes from AA to ZZ with TIV and dates chosen so that each ranking differs.
  const list = [
    deal('az', 'AA', 'ZZ', [[2010, 1, 5]]),
    deal('ab-1', 'AA', 'BB', [[2015, 1, 30]]), deal('ab-2', 'AA', 'BB', [[2016, 1, 20]]), deal('bz-1', 'BB', 'ZZ', [[2018, 1, 10]]), deal('bz-2', 'BB', 'ZZ', [[2019, 1, 10]]),
    deal('ac', 'AA', 'CC', [[2017, 1, 20]]), deal('cz', 'CC', 'ZZ', [[2021, 1, 100]]),
    deal('ad', 'AA', 'DD', [[2012, 1, 20]]), deal('dz', 'DD', 'ZZ', [[2013, 1, 20]]),
    deal('ae', 'AA', 'EE', [[2020, 1, 20]]), deal('ef', 'EE', 'FF', [[2021, 1, 20]]), deal('fz', 'FF', 'ZZ', [[2022, 1, 20]]),
    c('ag', 'AA', 'GG', '2023'), c('gz', 'GG', 'ZZ', '2024'),
  ];
  const found = search(list, 'AA', 'ZZ').routes;
  /** The same routes as plain values, as another search could give them. */
  const plain: FoundRoute[] = found.map((r) => ({ id: r.id, actors: [...r.actors], hops: [...r.hops], feasible: [...r.feasible], score: r.score }));
  const ranked = (orderBy: RouteOrderBy, routes: readonly FoundRoute[] = found) => rankRoutes(routes, orderBy).map((r) => r.id);

  it('ranks nothing as nothing', () => {
    for (const orderBy of ROUTE_ORDERS) expect(rankRoutes([], orderBy)).toEqual([]);
  });

  it('scores each route by its weakest hop’s TIV, unknown TIV counting as 0', () => {
    expect(Object.fromEntries(found.map((r) => [r.id, r.score]))).toEqual({
      'AA>ZZ': 5, 'AA>BB>ZZ': 20, 'AA>CC>ZZ': 20, 'AA>DD>ZZ': 20, 'AA>EE>FF>ZZ': 20, 'AA>GG>ZZ': 0,
    });
  });

  it('EVIDENCE: the weakest hop’s TIV, then its deals, highest first; ties to fewer hops, then ids', () => {
    expect(ranked('EVIDENCE')).toEqual(['AA>BB>ZZ', 'AA>CC>ZZ', 'AA>DD>ZZ', 'AA>EE>FF>ZZ', 'AA>ZZ', 'AA>GG>ZZ']);
  });

  it('FEWEST_HOPS: hops, then evidence', () => {
    expect(ranked('FEWEST_HOPS')).toEqual(['AA>ZZ', 'AA>BB>ZZ', 'AA>CC>ZZ', 'AA>DD>ZZ', 'AA>GG>ZZ', 'AA>EE>FF>ZZ']);
  });

  it('RECENT: the earliest of the hops’ last days, latest first', () => {
    expect(ranked('RECENT')).toEqual(['AA>GG>ZZ', 'AA>EE>FF>ZZ', 'AA>CC>ZZ', 'AA>BB>ZZ', 'AA>DD>ZZ', 'AA>ZZ']);
  });

  it('RECENT: a new open-ended deal makes a hop more recent, never older (it counts by its start)', () => {
    // BB→ZZ had a 2018–2019 deal; a deal from 2024 with no end yet makes that hop active until 2024, so AA>BB>ZZ
    // (AA→BB last active 2016) stays behind AA>CC>ZZ (2017) only through its first hop, as before.
    const more = [...list, c('bz-3', 'BB', 'ZZ', '2024/..')];
    const hop = search(more, 'AA', 'ZZ').routes.find((r) => r.id === 'AA>BB>ZZ')!.hops[1]!;
    expect(hop.lastDay).toBe('2024-01-01');
    expect(rankRoutes(search(more, 'AA', 'ZZ').routes, 'RECENT').map((r) => r.id)).toEqual(ranked('RECENT'));
  });

  it('EARLIEST_ARRIVAL: the witness chain’s arrival, earliest first', () => {
    expect(ranked('EARLIEST_ARRIVAL')).toEqual(['AA>ZZ', 'AA>DD>ZZ', 'AA>BB>ZZ', 'AA>CC>ZZ', 'AA>EE>FF>ZZ', 'AA>GG>ZZ']);
  });

  it('ranks routes given as plain values exactly as the search’s own', () => {
    for (const orderBy of ROUTE_ORDERS) expect(ranked(orderBy, plain)).toEqual(ranked(orderBy));
  });

  it('breaks every tie by fewer hops, then the actors’ ids, whatever the ranking', () => {
    const same = ['AA-ZZ', 'AA-BB', 'BB-ZZ', 'AA-CC', 'CC-ZZ', 'BB-CC', 'CC-BB'].map((p) => c(p, p.slice(0, 2), p.slice(3), '2020'));
    const routes = search(same, 'AA', 'ZZ').routes;
    for (const orderBy of ROUTE_ORDERS) {
      expect([orderBy, ranked(orderBy, [...routes].reverse())]).toEqual([orderBy, ['AA>ZZ', 'AA>BB>ZZ', 'AA>CC>ZZ', 'AA>BB>CC>ZZ', 'AA>CC>BB>ZZ']]);
    }
  });
});

describe('routeChains', () => {
  it('counts chains exactly without enumerating them, and enumerates at most cap', () => {
    // Six hops of ten deals each: a million chains under ANY.
    const list: RouteCandidate[] = [];
    const actors = ['A0', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
    for (let h = 0; h < 6; h += 1) for (let k = 0; k < 10; k += 1) list.push(c(`h${h}-${k}`, actors[h]!, actors[h + 1]!, `20${10 + k}`));
    const o = options({ maxHops: 6 });
    const [route] = findRoutes('A0', 'A6', o, graphOf(list)).routes;
    const { chains, total } = routeChains(route!, o, 3);
    expect(total).toBe(1_000_000);
    expect(chains).toHaveLength(3);
    expect(new Set(chains.map(chainIds)).size).toBe(3);
    // The first chains arrive first: with the earliest last transfer.
    expect(chains.map((chain) => chain[5]!.id)).toEqual(['transfer:h5-0', 'transfer:h5-0', 'transfer:h5-0']);
    // TIME_RESPECTING: hop h's deal k may follow deal j when k >= j: non-decreasing sequences of 6 out of 10 years.
    const tr = options({ maxHops: 6, order: 'TIME_RESPECTING' });
    expect(routeChains(findRoutes('A0', 'A6', tr, graphOf(list)).routes[0]!, tr, 0).total).toBe(5005);
  });

  it('lists every allowed chain once, by arrival (the last transfer’s earliest, then latest day)', () => {
    const list = [c('ab-1', 'AA', 'BB', '2019'), c('ab-2', 'AA', 'BB', '2020'), c('bc-1', 'BB', 'CC', '2020'), c('bc-2', 'BB', 'CC', '2021')];
    const o = options({ order: 'TIME_RESPECTING' });
    const [route] = findRoutes('AA', 'CC', o, graphOf(list)).routes;
    const tr = routeChains(route!, o, 10);
    expect(tr.total).toBe(4);
    expect(tr.chains.map((ch) => ch[1]!.id.replace('transfer:', ''))).toEqual(['bc-1', 'bc-1', 'bc-2', 'bc-2']);
    expect(tr.chains.map(chainIds).sort()).toEqual(['ab-1,bc-1', 'ab-1,bc-2', 'ab-2,bc-1', 'ab-2,bc-2']);
    const strict = options({ order: 'STRICT' });
    const [s] = findRoutes('AA', 'CC', strict, graphOf(list)).routes;
    expect(routeChains(s!, strict, 10)).toMatchObject({ total: 3 });
    expect(routeChains(s!, strict, 10).chains.map(chainIds)).toEqual(['ab-1,bc-1', 'ab-1,bc-2', 'ab-2,bc-2']);
    // Equal earliest days: the shorter span arrives first.
    const tied = [c('ab-2', 'AA', 'BB', '2019'), c('ab-1', 'AA', 'BB', '2020'), c('bc-1', 'BB', 'CC', '2021/2022'), c('bc-2', 'BB', 'CC', '2021')];
    const [t] = findRoutes('AA', 'CC', o, graphOf(tied)).routes;
    const all = routeChains(t!, o, 10);
    expect(all.chains.map(arrival)).toEqual(['2021-01-01/2021-12-31', '2021-01-01/2021-12-31', '2021-01-01/2022-12-31', '2021-01-01/2022-12-31']);
    expect(routeChains(t!, o, 3)).toEqual({ total: 4, chains: all.chains.slice(0, 3) });
  });

  it('gives the chains of a one-hop route: its transfers, by arrival', () => {
    const list = [c('ab-b', 'AA', 'BB', '2020'), c('ab-a', 'AA', 'BB', '2020'), c('ab-0', 'AA', 'BB', '2021')];
    const o = options();
    const [route] = findRoutes('AA', 'BB', o, graphOf(list)).routes;
    expect(routeChains(route!, o, 10)).toMatchObject({ total: 3 });
    expect(routeChains(route!, o, 10).chains.map(chainIds).slice(2)).toEqual(['ab-0']);
  });
});

/**
 * The brute-force oracle: every sequence of distinct actors, every chain of transfers along it checked one by one
 * with `connection`, the hop filters applied to sums written out here again.
 */
function bruteForce(from: string, to: string, o: ResolvedRouteOptions, all: readonly RouteCandidate[]): Map<string, RouteCandidate[][]> {
  const categories = o.categories?.length ? new Set(o.categories) : undefined;
  const usable = all.filter((t) => categories === undefined || categories.has(t.category)).sort(bySpanThenId);
  const [fromYear, toYear] = o.between === undefined ? [-Infinity, Infinity] : [Number(o.between.from.slice(0, 4)), Number(o.between.to.slice(0, 4))];
  const tivOf = (list: readonly RouteCandidate[]) =>
    list.flatMap((t) => t.deliveries).filter((d) => d.year >= fromYear && d.year <= toYear && d.tiv !== null).reduce((s, d) => s + d.tiv!, 0);
  const actors = [...new Set(all.flatMap((t) => [t.supplier, t.recipient]))];
  const routes = new Map<string, RouteCandidate[][]>();
  const chainsOf = (lists: readonly (readonly RouteCandidate[])[]): RouteCandidate[][] =>
    lists.reduce<RouteCandidate[][]>((acc, list) => acc.flatMap((chain) => list.filter((t) => chain.length === 0 || connection(chain[chain.length - 1]!, t, o) !== undefined).map((t) => [...chain, t])), [[]]);
  const walk = (seq: string[], lists: (readonly RouteCandidate[])[]) => {
    if (lists.length === o.maxHops) return;
    for (const b of actors) {
      if (seq.includes(b) || o.avoid.includes(b)) continue;
      const list = usable.filter((t) => t.supplier === seq[seq.length - 1] && t.recipient === b);
      if (list.length === 0 || list.length < o.minDeals || tivOf(list) < o.minTiv) continue;
      if (b === to) {
        const chains = chainsOf([...lists, list]);
        if (chains.length > 0 && o.via.every((v) => seq.includes(v))) routes.set([...seq, b].join('>'), chains);
      } else {
        walk([...seq, b], [...lists, list]);
      }
    }
  };
  if (!o.avoid.includes(from)) walk([from], []);
  return routes;
}

describe('findRoutes, routeWitness and routeChains against brute force', () => {
  const ACTORS = ['AA', 'BB', 'CC', 'DD', 'EE'];
  const spec = fc.record({
    transfers: fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: 4 }),
        step: fc.integer({ min: 1, max: 4 }),
        year: fc.integer({ min: 2018, max: 2024 }),
        shape: fc.constantFrom('year', 'range', 'open', 'month'),
        category: fc.constantFrom('X', 'Y'),
        tiv: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        backfills: fc.array(fc.integer({ min: 0, max: 13 }), { maxLength: 2 }),
      }),
      { maxLength: 14 },
    ),
    order: fc.constantFrom('ANY', 'TIME_RESPECTING', 'STRICT'),
    viaBackfill: fc.boolean(),
    maxHops: fc.integer({ min: 1, max: 4 }),
    minDeals: fc.integer({ min: 1, max: 2 }),
    minTiv: fc.constantFrom(0, 0, 5),
    categories: fc.constantFrom(undefined, ['X']),
    via: fc.constantFrom([], [], ['BB'], ['CC', 'DD']),
    avoid: fc.constantFrom([], [], ['CC'], ['DD']),
    between: fc.constantFrom(undefined, { from: '2020-01-01', to: '2022-12-31' }),
  });
  type Spec = typeof spec extends fc.Arbitrary<infer S> ? S : never;
  const build = (s: Spec): RouteCandidate[] =>
    s.transfers.map((x, i) => {
      const [from, to] = [ACTORS[x.from]!, ACTORS[(x.from + x.step) % 5]!];
      const date = { year: `${x.year}`, range: `${x.year}/${x.year + 2}`, open: `${x.year}-06/..`, month: `${x.year}-0${(i % 9) + 1}` }[x.shape];
      const base: Transfer = transfer({ id: `t${String(i).padStart(2, '0')}`, from, to, date, backfills: x.backfills.map((b) => `t${String(b).padStart(2, '0')}`) });
      const t: Transfer = x.tiv === undefined ? base : { ...base, sipri: { ...sipriTransfer('x', from, to, 'system:s', [[x.year, 1, x.tiv]]).sipri!, category: x.category } };
      return routeCandidateOf(t, x.category);
    });

  it('finds exactly the routes, chains and witnesses that enumerating every chain finds', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const list = build(s);
        const { transfers: _, categories, between, ...rest } = s;
        const o = options({ ...rest, ...(categories && { categories }), ...(between && { between }) });
        const expected = bruteForce('AA', 'EE', o, list);
        const found = findRoutes('AA', 'EE', o, graphOf(list));
        expect(found.complete).toBe(true);
        expect(found.hopsCovered).toBe(o.maxHops);
        expect(found.routes.map((r) => r.id).sort()).toEqual([...expected.keys()].sort());
        for (const route of found.routes) {
          const chains = expected.get(route.id)!;
          const all = routeChains(route, o, 1_000_000);
          expect(all.total).toBe(chains.length);
          expect(all.chains.map(chainIds).sort()).toEqual(chains.map(chainIds).sort());
          // By arrival; the witness is the first of them, so it arrives first.
          const arrivals = all.chains.map(arrival);
          expect(arrivals).toEqual([...arrivals].sort());
          expect(chainIds(routeWitness(route, o))).toBe(chainIds(all.chains[0]!));
          expect(arrival(all.chains[0]!)).toBe(chains.map(arrival).sort()[0]);
          expect(route.score).toBe(Math.min(...route.hops.map((h) => h.tiv ?? 0)));
        }
      }),
      { numRuns: 300, seed: 20_260_311 },
    );
  });

  it('pages exactly as ranking every route and slicing, from the top and after any cursor, in every order', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(...ROUTE_ORDERS), fc.integer({ min: 0, max: 5 }), (s, orderBy, first) => {
        const { transfers: _, categories, between, ...rest } = s;
        const o = options({ ...rest, ...(categories && { categories }), ...(between && { between }) });
        const found = findRoutes('AA', 'EE', o, graphOf(build(s))).routes;
        const ranked = rankRoutes(found, orderBy).map((r) => r.id);
        const top = pageRoutes(found, orderBy, undefined, first)!;
        expect([top.routes.map((r) => r.id), top.start, top.more]).toEqual([ranked.slice(0, first), 0, ranked.length > first]);
        ranked.forEach((id, at) => {
          const page = pageRoutes(found, orderBy, id, first)!;
          expect([page.routes.map((r) => r.id), page.start, page.more]).toEqual([ranked.slice(at + 1, at + 1 + first), at + 1, ranked.length > at + 1 + first]);
        });
        expect(pageRoutes(found, orderBy, 'AA>ZZ>EE', first)).toBeUndefined();
      }),
      { numRuns: 300, seed: 20_261_130 },
    );
  });

  it('counts exactly the routes the search finds, without finding them (up to four hops; no via, viaBackfill or categories)', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { transfers: _, categories, between, ...rest } = s;
        const o = options({ ...rest, ...(categories && { categories }), ...(between && { between }) });
        const graph = graphOf(build(s));
        const count = countRoutes('AA', 'EE', o, graph);
        if (o.via.length > 0 || o.viaBackfill || o.categories !== undefined) expect(count).toBeUndefined();
        else {
          const found = findRoutes('AA', 'EE', o, graph).routes.length;
          expect(count!.total).toBe(found);
          // Three and four hops are met from either end, whichever reads fewer hops: both ways give the same count.
          expect([countRoutes('AA', 'EE', o, graph, 'forward')!.total, countRoutes('AA', 'EE', o, graph, 'backward')!.total]).toEqual([found, found]);
        }
      }),
      { numRuns: 500, seed: 20_261_201 },
    );
  });

  it('counts four-hop routes from the middle through actors the process first meets in the count', () => {
    // Middle actors supplied by many actors that `from` does not supply: their ids are first given when the count
    // reads the hops into the middles (after the arrays by id were sized, the count once read past them).
    const fresh = (name: string) => `COUNTFRESH-${name}`;
    const list = [c('f1', fresh('A'), fresh('X'), '2015'), c('f2', fresh('X'), fresh('M'), '2016'), c('f3', fresh('M'), fresh('Y'), '2017'), c('f4', fresh('Y'), fresh('E'), '2018')];
    for (let i = 0; i < 300; i += 1) list.push(c(`z${i}`, fresh(`Z${i}`), fresh('M'), '2016'));
    for (const order of ['ANY', 'TIME_RESPECTING'] as const) {
      const o = options({ order, maxHops: 4 });
      expect(countRoutes(fresh('A'), fresh('E'), o, graphOf(list), 'backward')).toEqual({ total: 1, steps: expect.any(Number) });
      expect(findRoutes(fresh('A'), fresh('E'), o, graphOf(list)).routes).toHaveLength(1);
    }
  });

  it('does not count a four-hop chain that passes one actor twice, even when its dates fit exactly', () => {
    // AA>BB>CC>BB>EE meets at CC with bound 2016-01-01 on both sides: allowed by the dates, but BB comes twice.
    const list = [c('ab', 'AA', 'BB', '2015-01-01'), c('bc', 'BB', 'CC', '2016-01-01'), c('cb', 'CC', 'BB', '2016-01-01'), c('be', 'BB', 'EE', '2017-01-01')];
    const o = options({ order: 'TIME_RESPECTING', maxHops: 4 });
    expect(routeIds(list, 'AA', 'EE', o)).toEqual(['AA>BB>EE']);
    for (const meet of ['forward', 'backward'] as const) expect(countRoutes('AA', 'EE', o, graphOf(list), meet)).toEqual({ total: 1, steps: expect.any(Number) });
  });

  it('counts four-hop routes in dense graphs exactly: pairs meeting in the middle, less those passing one actor twice', () => {
    // Unbiased (fast-check favours small values and short arrays, which rarely make four-hop routes).
    const dense = fc.noBias(fc.record({
      edges: fc.array(fc.record({ from: fc.integer({ min: 0, max: 6 }), to: fc.integer({ min: 0, max: 6 }), year: fc.integer({ min: 2010, max: 2024 }), shape: fc.constantFrom('year', 'range', 'month', 'day') }), { minLength: 20, maxLength: 45 }),
      order: fc.constantFrom('ANY', 'TIME_RESPECTING', 'STRICT'),
      maxHops: fc.integer({ min: 3, max: 4 }),
    }));
    const NAMES = ['AA', 'BB', 'CC', 'DD', 'FF', 'GG', 'EE'];
    fc.assert(
      fc.property(dense, (d) => {
        const list = d.edges.map((e, i) => c(`d${i}`, NAMES[e.from]!, NAMES[e.to]!, { year: `${e.year}`, range: `${e.year}/${e.year + 1}`, month: `${e.year}-0${(i % 9) + 1}`, day: `${e.year}-01-01` }[e.shape]));
        const o = options({ order: d.order, maxHops: d.maxHops });
        const graph = graphOf(list);
        const found = findRoutes('AA', 'EE', o, graph).routes.length;
        expect(['cheaper', 'forward', 'backward'].map((meet) => countRoutes('AA', 'EE', o, graph, meet as 'forward')!.total)).toEqual([found, found, found]);
      }),
      { numRuns: 400, seed: 20_261_203 },
    );
  });

  it('searchRoutePage pages dense graphs with TIV exactly as ranking every route, in every order (the bars are met)', () => {
    const NAMES = ['AA', 'BB', 'CC', 'DD', 'FF', 'GG', 'EE'];
    const dense = fc.noBias(fc.record({
      deals: fc.array(fc.record({
        from: fc.integer({ min: 0, max: 6 }), to: fc.integer({ min: 0, max: 6 }), year: fc.integer({ min: 2010, max: 2024 }),
        span: fc.integer({ min: 0, max: 2 }), tiv: fc.option(fc.constantFrom(1, 2, 5, 10, 40, 100), { nil: null }),
      }), { minLength: 15, maxLength: 40 }),
      order: fc.constantFrom('ANY', 'TIME_RESPECTING', 'STRICT'),
      maxHops: fc.integer({ min: 2, max: 4 }),
      orderBy: fc.constantFrom(...ROUTE_ORDERS),
      first: fc.integer({ min: 1, max: 6 }),
    }));
    fc.assert(
      fc.property(dense, (d) => {
        const list = d.deals.map((x, i) => deal(`d${i}`, NAMES[x.from]!, NAMES[x.to]!, Array.from({ length: x.span + 1 }, (_, k) => [x.year + k, 1, x.tiv] as [number, number, number | null])));
        const o = options({ order: d.order, maxHops: d.maxHops, orderBy: d.orderBy });
        const graph = graphOf(list);
        const ranked = rankRoutes(findRoutes('AA', 'EE', o, graph).routes, d.orderBy).map((r) => r.id);
        for (const after of [undefined, ...ranked.slice(0, 3)]) {
          const at = after === undefined ? 0 : ranked.indexOf(after) + 1;
          const p = searchRoutePage('AA', 'EE', o, graph, after, d.first);
          expect([p.total, p.complete]).toEqual([ranked.length, true]);
          expect([p.slice!.routes.map((r) => r.id), p.slice!.more]).toEqual([ranked.slice(at, at + d.first), ranked.length > at + d.first]);
        }
      }),
      { numRuns: 300, seed: 20_261_204 },
    );
  });

  it('searchRoutePage gives the page and count of ranking every route, from the top and after any cursor, in every order', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(...ROUTE_ORDERS), fc.integer({ min: 0, max: 4 }), (s, orderBy, first) => {
        const { transfers: _, categories, between, ...rest } = s;
        const o = options({ ...rest, ...(categories && { categories }), ...(between && { between }), orderBy });
        const graph = graphOf(build(s));
        const ranked = rankRoutes(findRoutes('AA', 'EE', o, graph).routes, orderBy).map((r) => r.id);
        const page = (after: string | undefined) => {
          const p = searchRoutePage('AA', 'EE', o, graph, after, first);
          expect([p.total, p.complete, p.hopsCovered]).toEqual([ranked.length, true, o.maxHops]);
          return p.slice && [p.slice.routes.map((r) => r.id), p.slice.start > 0, p.slice.more];
        };
        expect(page(undefined)).toEqual([ranked.slice(0, first), false, ranked.length > first]);
        ranked.forEach((id, at) => expect(page(id)).toEqual([ranked.slice(at + 1, at + 1 + first), true, ranked.length > at + 1 + first]));
        expect(page('AA>ZZ>EE')).toBeUndefined();
      }),
      { numRuns: 300, seed: 20_261_202 },
    );
  });
});
