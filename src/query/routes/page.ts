// One page of routes without finding them all: the exact count by meeting in the middle, and the page from searches
// that look only at routes good enough to be on it.
import { OPEN_END } from '../../domain/time.js';
import type { PathGraph } from '../paths.js';
import { countRoutes } from './count.js';
import { hopFilterOf, hopsIn, hopsOut, windowKeyOf, type HopTable } from './hops.js';
import { rankedPage, type RoutePageSlice } from './rank.js';
import { runToEnd, type Sliced } from '../slices.js';
import { searchRoutes, type SearchLimits } from './search.js';
import type { ResolvedRouteOptions, RouteCandidate, RouteSearch } from './types.js';

/** A page of routes, how many routes there are in all, and how the search went. */
export interface RoutePageSearch {
  /** The page; undefined when no route has the cursor's id. */
  readonly slice: RoutePageSlice | undefined;
  /** Every route (exact when `complete`; else the routes found before the budget stopped the search). */
  readonly total: number;
  readonly complete: boolean;
  readonly hopsCovered: number;
  /** Actor-to-actor steps taken, counting included. */
  readonly expansions: number;
}

/** Bounded searches tried before the whole search: each lowers the bar (a quarter of the TIV, twice the years). */
const ROUNDS = 16;

const bySlice = (search: RouteSearch, o: ResolvedRouteOptions, afterId: string | undefined, first: number) =>
  rankedPage(search.routes, o.orderBy, afterId, first);

/**
 * The page of `first` routes after `afterId`, exactly as ranking every route and slicing would give it
 * (`pageRoutes` over `findRoutes`), and the exact number of routes (`countRoutes`).
 *
 * Routes rank first by one figure that no hop can raise: EVIDENCE by the weakest hop's TIV, RECENT by the earliest
 * of the hops' last active days, FEWEST_HOPS by hops. A search that leaves out the hops below a bar (TIV under τ,
 * last active before a day, more hops than h) finds exactly the routes at or above it, and every route it leaves
 * out ranks after every route it finds. So when it finds the whole page, the page is the true one (and more routes
 * follow when it found more, or left some out). Otherwise the bar is lowered, and last comes the whole search.
 * EARLIEST_ARRIVAL, `via`, `viaBackfill`, `categories` and more than four hops take the whole search (and its
 * count) at once. The searches pause now and then (`slices.ts`); `searchRoutePage` runs them in one go.
 */
export function* routePageSearch(
  from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, afterId: string | undefined, first: number,
): Sliced<RoutePageSearch> {
  const count = countRoutes(from, to, o, graph);
  let expansions = count?.steps ?? 0;
  // A page that holds every route needs them all: no bar then.
  if (count !== undefined && count.total > first) {
    for (const bar of bars(from, to, o, graph)) {
      const search = yield* searchRoutes(from, to, bar.options, graph, bar.limits);
      expansions += search.expansions;
      if (!search.complete) break;
      const slice = yield* bySlice(search, o, afterId, first);
      // Exact when the routes found fill the page (every route left out ranks after them all), or when the bar
      // left no route out. Routes left out follow the page.
      const all = search.routes.length === count.total;
      if (slice !== undefined && (slice.routes.length === first || all)) {
        return { slice: { ...slice, more: slice.more || !all }, total: count.total, complete: true, hopsCovered: o.maxHops, expansions };
      }
    }
  }
  const search = yield* searchRoutes(from, to, o, graph);
  expansions += search.expansions;
  // The whole search's own count when it completed: the same as countRoutes' (the tests hold them equal).
  const slice = yield* bySlice(search, o, afterId, first);
  return {
    slice, total: search.complete && count !== undefined ? count.total : search.routes.length,
    complete: search.complete, hopsCovered: search.hopsCovered, expansions,
  };
}

/** `routePageSearch` run to its end in one go. */
export function searchRoutePage(
  from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, afterId: string | undefined, first: number,
): RoutePageSearch {
  return runToEnd(routePageSearch(from, to, o, graph, afterId, first));
}

interface Bar {
  readonly options: ResolvedRouteOptions;
  readonly limits: SearchLimits;
}

/** The bars tried in turn, highest first (none for EARLIEST_ARRIVAL). */
function* bars(from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>): Generator<Bar> {
  if (o.orderBy === 'FEWEST_HOPS') {
    for (let h = 1; h < o.maxHops; h += 1) yield { options: { ...o, maxHops: h }, limits: {} };
    return;
  }
  if (o.orderBy === 'EARLIEST_ARRIVAL') return;
  // Start from the best the ends allow: no route is stronger or more recent than its first or its last hop.
  const ends = endHops(from, to, o, graph);
  if (ends === undefined) return;
  if (o.orderBy === 'EVIDENCE') {
    let tiv = Math.min(ends.tiv, ends.lastTiv) / 2;
    for (let i = 0; i < ROUNDS && tiv > o.minTiv; i += 1, tiv /= Math.SQRT2) yield { options: { ...o, minTiv: tiv }, limits: {} };
    return;
  }
  // RECENT: days counted back from the ends' latest, one year, then two, four…
  const latest = ends.day < ends.lastDay ? ends.day : ends.lastDay;
  if (latest === OPEN_END) return;
  const year = Number(latest.slice(0, 4));
  for (let i = 0, back = 1; i < ROUNDS && year - back > 0; i += 1, back *= 2) {
    yield { options: o, limits: { minLastDay: `${String(year - back).padStart(4, '0')}${latest.slice(4)}` } };
  }
}

/** A table's most TIV and latest last active day without hop filters (its own actor's self-hops left out). */
const bestOfTable = new WeakMap<HopTable, { readonly tiv: number; readonly day: string }>();

/**
 * The most TIV and the latest last active day among the hops out of `from` and among those into `to`, read from
 * the hop tables (bars are only tried where `countRoutes` counts, so never with `categories`).
 */
function endHops(from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>) {
  const key = windowKeyOf(o.between);
  const passes = hopFilterOf(o, {});
  // Without hop filters (most questions) a table's best is the same for every question: kept with it.
  const unfiltered = o.minDeals <= 1 && o.minTiv <= 0;
  const best = (table: HopTable, self: string) => {
    const kept = unfiltered ? bestOfTable.get(table) : undefined;
    if (kept !== undefined) return kept;
    let tiv = -1;
    let day = '';
    for (let i = 0; i < table.ends.length; i += 1) {
      if (table.ends[i] === self || !passes(table, i)) continue;
      if (table.tiv[i]! > tiv) tiv = table.tiv[i]!;
      if (table.lastDay[i]! > day) day = table.lastDay[i]!;
    }
    if (unfiltered) bestOfTable.set(table, { tiv, day });
    return { tiv, day };
  };
  const out = best(hopsOut(graph, from, o, key), from);
  const last = best(hopsIn(graph, to, o, key), to);
  if (out.tiv < 0 || last.tiv < 0) return undefined;
  return { tiv: out.tiv, day: out.day, lastTiv: last.tiv, lastDay: last.day };
}
