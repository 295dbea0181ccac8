// Ranking routes: EVIDENCE, RECENT, EARLIEST_ARRIVAL, FEWEST_HOPS, each key computed once per route.
import { OPEN_END } from '../../domain/time.js';
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

/**
 * Ranks routes for `orderBy` (each route's keys computed once). EVIDENCE: the weakest hop's TIV, then its deals
 * (both descending); RECENT: the day the route was last active (descending); EARLIEST_ARRIVAL: the witness
 * chain's arrival; FEWEST_HOPS: hops, then evidence. Ties: fewer hops, then the route's actor ids.
 */
export function rankRoutes(routes: readonly FoundRoute[], orderBy: RouteOrderBy): FoundRoute[] {
  const keyed = routes.map((r) => {
    const end = r instanceof TrieRoute ? r.end : undefined;
    const w = end ? { tiv: end.weakTiv, deals: end.weakDeals } : weakest(r);
    const feasible = end ? end.feasible! : r.feasible[r.feasible.length - 1]!;
    return {
      r, tiv: w.tiv, deals: w.deals, hops: end ? end.length : r.hops.length,
      active: orderBy !== 'RECENT' ? '' : end ? end.lastActive : lastActive(r), arrival: feasible[0]!.date,
    };
  });
  type K = (typeof keyed)[number];
  const evidence = (a: K, b: K) => b.tiv - a.tiv || b.deals - a.deals;
  const tie = (a: K, b: K) => a.hops - b.hops || cmp(a.r.id, b.r.id);
  const order: Record<RouteOrderBy, (a: K, b: K) => number> = {
    EVIDENCE: (a, b) => evidence(a, b) || tie(a, b),
    FEWEST_HOPS: (a, b) => a.hops - b.hops || evidence(a, b) || cmp(a.r.id, b.r.id),
    RECENT: (a, b) => cmp(b.active, a.active) || evidence(a, b) || tie(a, b),
    EARLIEST_ARRIVAL: (a, b) => cmp(a.arrival.earliest, b.arrival.earliest) || cmp(a.arrival.latest, b.arrival.latest) || tie(a, b),
  };
  return keyed.sort(order[orderBy]).map((k) => k.r);
}
