// A route's chains: counted exactly hop by hop, enumerated in transferPaths' order; its witness is the first.
import { connection } from '../paths.js';
import type { FoundRoute, ResolvedRouteOptions, RouteCandidate } from './types.js';

/** Every chain of a route allowed by the order rule, at most `cap`, in transferPaths' order; and how many exist (exact). */
export function routeChains(route: FoundRoute, o: ResolvedRouteOptions, cap: number): { chains: RouteCandidate[][]; total: number } {
  // Count chains ending at each transfer, hop by hop (exact, without enumerating them).
  let counts = new Map<RouteCandidate, number>(route.feasible[0]!.map((t) => [t, 1]));
  for (let i = 1; i < route.feasible.length; i += 1) {
    const next = new Map<RouteCandidate, number>();
    for (const t of route.feasible[i]!) {
      let n = 0;
      for (const [p, c] of counts) if (connection(p, t, o) !== undefined) n += c;
      if (n > 0) next.set(t, n);
    }
    counts = next;
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  // Chains in transferPaths' order (comparePaths): arrival (the last transfer's earliest, then latest day), then
  // transfer ids from the first hop. Last hops come in time order, so each run of last hops arriving on the same
  // days is enumerated whole, sorted by ids, and appended until `cap`.
  const chains: RouteCandidate[][] = [];
  const build = (i: number, suffix: RouteCandidate[], into: RouteCandidate[][]): void => {
    if (i < 0) {
      into.push([...suffix]);
      return;
    }
    for (const p of route.feasible[i]!) {
      if (connection(p, suffix[0]!, o) === undefined) continue;
      suffix.unshift(p);
      build(i - 1, suffix, into);
      suffix.shift();
    }
  };
  const byIds = (a: readonly RouteCandidate[], b: readonly RouteCandidate[]) => {
    for (let i = 0; i < a.length; i += 1) if (a[i]!.id !== b[i]!.id) return a[i]!.id < b[i]!.id ? -1 : 1;
    return 0;
  };
  const lasts = route.feasible[route.feasible.length - 1]!.filter((t) => counts.has(t));
  for (let i = 0; i < lasts.length && chains.length < cap; ) {
    let j = i;
    while (j < lasts.length && lasts[j]!.date.earliest === lasts[i]!.date.earliest && lasts[j]!.date.latest === lasts[i]!.date.latest) j += 1;
    const run: RouteCandidate[][] = [];
    for (let k = i; k < j; k += 1) build(route.feasible.length - 2, [lasts[k]!], run);
    run.sort(byIds);
    for (const chain of run) {
      if (chains.length >= cap) break;
      chains.push(chain);
    }
    i = j;
  }
  return { chains, total };
}

/**
 * The first of a route's chains in transferPaths' order (arrival, then ids from the first hop): why it is
 * feasible. Found without counting or enumerating chains (a route between hubs can have millions): the first run
 * of last transfers arriving on the same days is the target; a backward pass keeps, hop by hop, the transfers
 * from which that run can still be reached; a forward pass then takes the smallest id at each hop that follows
 * the one taken before. Linear in the route's transfers.
 */
export function routeWitness(route: FoundRoute, o: ResolvedRouteOptions): readonly RouteCandidate[] {
  const hops = route.feasible;
  const k = hops.length;
  const lasts = hops[k - 1]!;
  let j = 1;
  while (j < lasts.length && lasts[j]!.date.earliest === lasts[0]!.date.earliest && lasts[j]!.date.latest === lasts[0]!.date.latest) j += 1;
  // reach[i]: the transfers of hop i on some chain allowed by the order rule that ends in the target run.
  const reach: (readonly RouteCandidate[])[] = new Array(k);
  reach[k - 1] = lasts.slice(0, j);
  for (let i = k - 2; i >= 0; i -= 1) {
    const next = reach[i + 1]!;
    let maxLatest = '';
    let maxEarliest = '';
    for (const q of next) {
      if (q.date.latest > maxLatest) maxLatest = q.date.latest;
      if (q.date.earliest > maxEarliest) maxEarliest = q.date.earliest;
    }
    const ids = o.viaBackfill ? new Set(next.map((q) => q.id)) : undefined;
    reach[i] = hops[i]!.filter((p) => {
      if (ids !== undefined && p.backfills.some((id) => ids.has(id))) return true;
      return o.order === 'ANY' || (o.order === 'TIME_RESPECTING' ? maxLatest >= p.date.earliest : maxEarliest >= p.date.latest);
    });
  }
  const chain: RouteCandidate[] = [];
  for (let i = 0; i < k; i += 1) {
    const prev = chain[i - 1];
    let best: RouteCandidate | undefined;
    for (const t of reach[i]!) if ((best === undefined || t.id < best.id) && (prev === undefined || connection(prev, t, o) !== undefined)) best = t;
    chain.push(best!);
  }
  return chain;
}
