// Ranking routes: EVIDENCE, RECENT, EARLIEST_ARRIVAL, FEWEST_HOPS, each key computed once per route.
import { OPEN_END } from '../../domain/time.js';
import { runToEnd, STEPS_PER_PAUSE, type Sliced } from '../slices.js';
import { TrieRoute } from './search.js';
import type { FoundRoute, RouteOrderBy } from './types.js';

/** The weakest hop: least TIV (unknown counts as 0), then fewest deals. */
function weakest(r: FoundRoute): { tiv: number; deals: number } {
  let tiv = Infinity;
  let deals = Infinity;
  for (const h of r.hops) {
    const v = h.tiv ?? 0;
    if (v < tiv || (v === tiv && h.deals < deals)) {
      tiv = v;
      deals = h.deals;
    }
  }
  return { tiv, deals };
}

/** When the route was last active: the earliest of its hops' last active days. */
function lastActive(r: FoundRoute): string {
  let day = OPEN_END;
  for (const h of r.hops) if (h.lastDay < day) day = h.lastDay;
  return day;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

type Keyed = ReturnType<typeof keyOf>;

/** A route's ranking keys, computed once (from its search-tree end node when it has one). */
function keyOf(r: FoundRoute, orderBy: RouteOrderBy) {
  const end = r instanceof TrieRoute ? r.end : undefined;
  const w = end ? { tiv: end.weakTiv, deals: end.weakDeals } : weakest(r);
  const feasible = end ? end.feasible! : r.feasible[r.feasible.length - 1]!;
  return {
    r, tiv: w.tiv, deals: w.deals, hops: end ? end.length : r.hops.length,
    active: orderBy !== 'RECENT' ? '' : end ? end.lastActive : lastActive(r), arrival: feasible[0]!.date,
  };
}

/** The total order of `orderBy` over keyed routes; ties end with the route's actor ids (built only when needed). */
function comparator(orderBy: RouteOrderBy): (a: Keyed, b: Keyed) => number {
  const evidence = (a: Keyed, b: Keyed) => b.tiv - a.tiv || b.deals - a.deals;
  const tie = (a: Keyed, b: Keyed) => a.hops - b.hops || cmp(a.r.id, b.r.id);
  const order: Record<RouteOrderBy, (a: Keyed, b: Keyed) => number> = {
    EVIDENCE: (a, b) => evidence(a, b) || tie(a, b),
    FEWEST_HOPS: (a, b) => a.hops - b.hops || evidence(a, b) || cmp(a.r.id, b.r.id),
    RECENT: (a, b) => cmp(b.active, a.active) || evidence(a, b) || tie(a, b),
    EARLIEST_ARRIVAL: (a, b) => cmp(a.arrival.earliest, b.arrival.earliest) || cmp(a.arrival.latest, b.arrival.latest) || tie(a, b),
  };
  return order[orderBy];
}

/**
 * Ranks routes for `orderBy` (each route's keys computed once). EVIDENCE: the weakest hop's TIV, then its deals
 * (both descending); RECENT: the day the route was last active (descending); EARLIEST_ARRIVAL: the witness
 * chain's arrival; FEWEST_HOPS: hops, then evidence. Ties: fewer hops, then the route's actor ids.
 */
export function rankRoutes(routes: readonly FoundRoute[], orderBy: RouteOrderBy): FoundRoute[] {
  return routes.map((r) => keyOf(r, orderBy)).sort(comparator(orderBy)).map((k) => k.r);
}

/** One page of ranked routes: the same as `rankRoutes(...).slice(start, start + first)`, without sorting them all. */
export interface RoutePageSlice {
  readonly routes: readonly FoundRoute[];
  /** How many routes rank before the page. */
  readonly start: number;
  /** Whether routes rank after the page. */
  readonly more: boolean;
}

/**
 * The page of `first` routes after the route `afterId` (from the top without it) in `rankRoutes` order. Only the
 * page is ordered: a bounded selection over the routes that rank after the cursor, so a question with thousands
 * of routes sorts twenty. Undefined when no route has the id `afterId`. It pauses every `STEPS_PER_PAUSE` routes
 * (`slices.ts`): a question between hubs can rank hundreds of thousands.
 */
export function* rankedPage(
  routes: readonly FoundRoute[], orderBy: RouteOrderBy, afterId: string | undefined, first: number,
): Sliced<RoutePageSlice | undefined> {
  const compare = comparator(orderBy);
  let keyed: Keyed[] = [];
  for (let i = 0; i < routes.length; i += 1) {
    if (i % STEPS_PER_PAUSE === STEPS_PER_PAUSE - 1) yield;
    keyed.push(keyOf(routes[i]!, orderBy));
  }
  let start = 0;
  if (afterId !== undefined) {
    const hops = afterId.split('>').length - 1;
    const cursor = keyed.find((k) => k.hops === hops && k.r.id === afterId);
    if (cursor === undefined) return undefined;
    const after: Keyed[] = [];
    for (let i = 0; i < keyed.length; i += 1) {
      if (i % STEPS_PER_PAUSE === STEPS_PER_PAUSE - 1) yield;
      if (compare(keyed[i]!, cursor) > 0) after.push(keyed[i]!);
    }
    start = keyed.length - after.length;
    keyed = after;
  }
  if (first <= 0) return { routes: [], start, more: keyed.length > 0 };
  // The best `first`, kept sorted: a candidate enters only when it beats the current last.
  const best: Keyed[] = [];
  for (let i = 0; i < keyed.length; i += 1) {
    if (i % STEPS_PER_PAUSE === STEPS_PER_PAUSE - 1) yield;
    const k = keyed[i]!;
    if (best.length === first && compare(k, best[first - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid]!, k) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, k);
    if (best.length > first) best.pop();
  }
  return { routes: best.map((k) => k.r), start, more: keyed.length > first };
}

/** `rankedPage` run to its end in one go. */
export function pageRoutes(routes: readonly FoundRoute[], orderBy: RouteOrderBy, afterId: string | undefined, first: number): RoutePageSlice | undefined {
  return runToEnd(rankedPage(routes, orderBy, afterId, first));
}
