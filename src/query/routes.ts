// Route semantics (DESIGN §5 transferRoutes, issue [11]): routes as sequences of actors, their evidence, ranking.
import { InvalidArgumentError } from '../domain/errors.js';
import type { Transfer } from '../domain/model.js';
import { OPEN_END, OPEN_START, type DayWindow } from '../domain/time.js';
import { connection, type PathCandidate, type PathGraph, type ResolvedPathOptions } from './paths.js';

/** A transfer as route search reads it: what path search needs, plus what a hop's evidence sums. */
export interface RouteCandidate extends PathCandidate {
  /** The SIPRI category of the deal, or the system's category. */
  readonly category: string;
  /** Units and TIV delivered by year (SIPRI deals); empty when the source gives no delivery rows. */
  readonly deliveries: readonly RouteDelivery[];
  /** Units of a DELIVERED transfer without delivery rows (its exact quantity), else null. */
  readonly units: number | null;
}

/** One delivery year of a deal. */
export interface RouteDelivery {
  readonly year: number;
  readonly units: number | null;
  readonly tiv: number | null;
}

/**
 * A transfer as route search reads it: its category (SIPRI's, else its system's), its SIPRI delivery rows, and
 * for a DELIVERED transfer without them its exact quantity (the units `transferStats` counts).
 */
export function routeCandidateOf(t: Transfer, systemCategory: string | undefined): RouteCandidate {
  return {
    id: t.id, supplier: t.supplier, recipient: t.recipient, system: t.system, backfills: t.backfills, date: t.date,
    category: t.sipri?.category ?? systemCategory ?? 'unknown',
    deliveries: t.sipri?.deliveries.map((d) => ({ year: d.year, units: d.units, tiv: d.tiv })) ?? [],
    units: t.sipri === undefined && t.status === 'DELIVERED' ? (t.quantity?.exact ?? null) : null,
  };
}

/** How routes are ranked. */
export type RouteOrderBy = 'EVIDENCE' | 'RECENT' | 'EARLIEST_ARRIVAL' | 'FEWEST_HOPS';
/** The rankings, in SDL order. */
export const ROUTE_ORDERS: readonly RouteOrderBy[] = ['EVIDENCE', 'RECENT', 'EARLIEST_ARRIVAL', 'FEWEST_HOPS'];

/** Route options with every default applied and every bound checked. */
export interface ResolvedRouteOptions extends Omit<ResolvedPathOptions, 'limit'> {
  /** Actors every route must pass through (ids). */
  readonly via: readonly string[];
  /** Actors no route may pass through (ids). */
  readonly avoid: readonly string[];
  /** Only transfers of these categories (SIPRI's, or the system's). */
  readonly categories?: readonly string[];
  /** Fewest deals each hop must have. */
  readonly minDeals: number;
  /** Least TIV (millions) each hop must have delivered in the window. */
  readonly minTiv: number;
  readonly orderBy: RouteOrderBy;
}

/** Most actor-to-actor steps a route search takes before it stops and says what it covered. */
export const ROUTE_EXPANSION_BUDGET = 400_000;

/** The evidence of one hop: every transfer between two actors that passes the hop filter. */
export interface HopEvidence {
  readonly from: string;
  readonly to: string;
  readonly deals: number;
  /** Units delivered (in the window's years for SIPRI deals), or null when none is known. */
  readonly units: number | null;
  /** SIPRI TIV delivered in the window's years, in millions, or null when no deal of the hop has TIV. */
  readonly tiv: number | null;
  /** From the earliest start to the latest end of the hop's transfers. */
  readonly span: { readonly earliest: string; readonly latest: string };
  /** The hop's last active day: the latest, over its transfers, of each one's end (its start when the end is open). */
  readonly lastDay: string;
  readonly systems: readonly string[];
  readonly categories: readonly string[];
  /** The hop's transfers in time order (earliest, latest, id). */
  readonly transfers: readonly RouteCandidate[];
}

/** One route found: its actors, each hop's evidence, the witness chain and what ranking reads. */
export interface FoundRoute {
  /** `A>B>C`: the route's identity (and its cursor). */
  readonly id: string;
  readonly actors: readonly string[];
  readonly hops: readonly HopEvidence[];
  /**
   * Per hop, the transfers some allowed chain from the start reaches (time order); on the last hop each ends a
   * whole chain, on earlier hops some may lead nowhere (witness, chains and counts work back from the last hop).
   */
  readonly feasible: readonly (readonly RouteCandidate[])[];
  /** The weakest hop's TIV (0 when unknown): the EVIDENCE score. */
  readonly score: number;
}

/** All routes of a question, and whether the search saw them all. */
export interface RouteSearch {
  readonly routes: readonly FoundRoute[];
  /** False when the expansion budget stopped the search: `routes` holds what was found until then. */
  readonly complete: boolean;
  /** Actor-to-actor steps taken. */
  readonly expansions: number;
  /** Every route with at most this many hops was found (maxHops when complete). */
  readonly hopsCovered: number;
}

const timeOrder = (a: RouteCandidate, b: RouteCandidate) =>
  a.date.earliest < b.date.earliest ? -1 : a.date.earliest > b.date.earliest ? 1
    : a.date.latest < b.date.latest ? -1 : a.date.latest > b.date.latest ? 1
      : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The years a window covers (all years when there is no window). */
function yearsOf(window: DayWindow | undefined): { from: number; to: number } {
  if (window === undefined) return { from: -Infinity, to: Infinity };
  return {
    from: window.from === OPEN_START ? -Infinity : Number(window.from.slice(0, 4)),
    to: window.to === OPEN_END ? Infinity : Number(window.to.slice(0, 4)),
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Sums a hop's transfers into its evidence. */
export function hopEvidence(from: string, to: string, transfers: readonly RouteCandidate[], window: DayWindow | undefined): HopEvidence {
  const years = yearsOf(window);
  let units: number | null = null;
  let tiv: number | null = null;
  let earliest = OPEN_END;
  let latest = OPEN_START;
  let lastDay = OPEN_START;
  const systems = new Set<string>();
  const categories = new Set<string>();
  for (const t of transfers) {
    if (t.date.earliest < earliest) earliest = t.date.earliest;
    if (t.date.latest > latest) latest = t.date.latest;
    const end = t.date.latest === OPEN_END ? t.date.earliest : t.date.latest;
    if (end > lastDay) lastDay = end;
    systems.add(t.system);
    categories.add(t.category);
    if (t.deliveries.length > 0) {
      for (const d of t.deliveries) {
        if (d.year < years.from || d.year > years.to) continue;
        if (d.units !== null) units = (units ?? 0) + d.units;
        if (d.tiv !== null) tiv = (tiv ?? 0) + d.tiv;
      }
    } else if (t.units !== null) {
      units = (units ?? 0) + t.units;
    }
  }
  return {
    from, to, deals: transfers.length, units, tiv: tiv === null ? null : round(tiv), span: { earliest, latest }, lastDay,
    systems: [...systems].sort(), categories: [...categories].sort(), transfers,
  };
}

/** What the transfers of a hop allow next: the order rule's bound (least start or end) and the ids they backfill. */
interface Allowance {
  readonly bound: string;
  readonly backfilled: ReadonlySet<string> | undefined;
}

const NO_BOUND: Allowance = { bound: OPEN_START, backfilled: undefined };

function allowanceOf(prev: readonly RouteCandidate[], o: ResolvedRouteOptions): Allowance {
  const tr = o.order === 'TIME_RESPECTING';
  let bound = OPEN_END;
  for (let i = 0; i < prev.length; i += 1) {
    const v = tr ? prev[i]!.date.earliest : prev[i]!.date.latest;
    if (v < bound) bound = v;
  }
  let backfilled: Set<string> | undefined;
  if (o.viaBackfill) for (const p of prev) for (const id of p.backfills) (backfilled ??= new Set()).add(id);
  return { bound, backfilled };
}

/** The transfers of `next` that may follow some transfer of the previous hop under the order rule (or a backfill link). */
function feasibleAfter(prev: Allowance, next: readonly RouteCandidate[], o: ResolvedRouteOptions): readonly RouteCandidate[] {
  if (o.order === 'ANY') return next;
  const tr = o.order === 'TIME_RESPECTING';
  const { bound, backfilled } = prev;
  // Most pairs pass whole: keep the list itself rather than a copy (a loop, not a closure: this runs per step).
  let out: RouteCandidate[] | undefined;
  for (let i = 0; i < next.length; i += 1) {
    const t = next[i]!;
    const ok = (tr ? t.date.latest >= bound : t.date.earliest >= bound) || (backfilled !== undefined && backfilled.has(t.id));
    if (ok) {
      if (out !== undefined) out.push(t);
    } else if (out === undefined) {
      out = next.slice(0, i);
    }
  }
  return out ?? next;
}

/** An actor's candidate transfers grouped by recipient, time order kept: made once per adjacency list. */
const pairCache = new WeakMap<readonly RouteCandidate[], ReadonlyMap<string, readonly RouteCandidate[]>>();
function pairsOf(list: readonly RouteCandidate[]): ReadonlyMap<string, readonly RouteCandidate[]> {
  let pairs = pairCache.get(list);
  if (!pairs) {
    const m = new Map<string, RouteCandidate[]>();
    for (const t of list) {
      const l = m.get(t.recipient);
      if (l) l.push(t);
      else m.set(t.recipient, [t]);
    }
    pairCache.set(list, (pairs = m));
  }
  return pairs;
}

/** A pair's evidence per window: made once per pair list and window. */
const evidenceCache = new WeakMap<readonly RouteCandidate[], Map<string, HopEvidence>>();
function cachedEvidence(from: string, to: string, list: readonly RouteCandidate[], window: DayWindow | undefined, key: string): HopEvidence {
  let byWindow = evidenceCache.get(list);
  if (!byWindow) evidenceCache.set(list, (byWindow = new Map()));
  let ev = byWindow.get(key);
  if (!ev) byWindow.set(key, (ev = hopEvidence(from, to, list, window)));
  return ev;
}

/** One step of the search tree: an actor reached by a hop, and the route prefix behind it (shared, never copied). */
interface TrieNode {
  readonly parent: TrieNode | undefined;
  readonly actor: string;
  readonly hop: HopEvidence | undefined;
  readonly feasible: readonly RouteCandidate[] | undefined;
  readonly length: number;
  /** The weakest hop so far: least TIV (unknown = 0), then fewest deals. */
  readonly weakTiv: number;
  readonly weakDeals: number;
  /** The earliest of the hops' last active days so far. */
  readonly lastActive: string;
}

/** A route found, read from its end node on demand: routes share their prefixes, so finding one copies nothing. */
class TrieRoute implements FoundRoute {
  private ids?: string;
  private nodes?: TrieNode[];
  constructor(readonly end: TrieNode) {}
  private path(): TrieNode[] {
    if (!this.nodes) {
      const out: TrieNode[] = [];
      for (let n: TrieNode | undefined = this.end; n; n = n.parent) out.push(n);
      this.nodes = out.reverse();
    }
    return this.nodes;
  }
  get id(): string {
    return (this.ids ??= this.actors.join('>'));
  }
  get actors(): readonly string[] {
    return this.path().map((n) => n.actor);
  }
  get hops(): readonly HopEvidence[] {
    return this.path().slice(1).map((n) => n.hop!);
  }
  get feasible(): readonly (readonly RouteCandidate[])[] {
    return this.path().slice(1).map((n) => n.feasible!);
  }
  get score(): number {
    return this.end.weakTiv;
  }
}

/** Per actor, a recipient that can still reach `to`, with its candidate transfers and what the search reuses. */
interface Step {
  readonly b: string;
  readonly reach: number;
  readonly list: readonly RouteCandidate[];
  /** The pair's evidence, or null when it fails minDeals/minTiv (computed on first use). */
  hop?: HopEvidence | null;
  /** What the whole list allows next (computed on first use). */
  allowance?: Allowance;
}

/**
 * Finds every route from `from` to `to` of at most `maxHops` hops that has at least one chain of transfers
 * allowed by the order rule, with per-hop filters (`minDeals`, `minTiv`), `via` and `avoid`. A reverse
 * breadth-first pass prunes actors that cannot reach `to` in the hops left. When the expansion budget stops a
 * search, it is done again level by level (1 hop, then 2, …) so that the answer says up to which length every
 * route was found (`hopsCovered`).
 */
export function findRoutes(from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>): RouteSearch {
  if (from === to) throw new InvalidArgumentError('to: from and to must be different actors', { argument: 'to' });
  const avoid = new Set(o.avoid);
  const categories = o.categories && o.categories.length > 0 ? new Set(o.categories) : undefined;
  const keep = (t: RouteCandidate) => categories === undefined || categories.has(t.category);
  const distance = new Map<string, number>([[to, 0]]);
  let frontier = [to];
  for (let d = 1; d <= o.maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const actor of frontier) {
      for (const t of graph.incoming(actor)) {
        if (distance.has(t.supplier) || avoid.has(t.supplier) || !keep(t)) continue;
        distance.set(t.supplier, d);
        next.push(t.supplier);
      }
    }
    frontier = next;
  }
  const windowKey = o.between === undefined ? '' : `${o.between.from}/${o.between.to}`;
  const via = o.via;
  const any = o.order === 'ANY';

  // Per actor, the recipients that can still reach `to`, nearest first, so a step stops at the first too far.
  const stepsByActor = new Map<string, Step[]>();
  const stepsOf = (actor: string): Step[] => {
    let steps = stepsByActor.get(actor);
    if (!steps) {
      steps = [];
      for (const [b, all] of pairsOf(graph.outgoing(actor))) {
        const reach = distance.get(b);
        if (reach === undefined || avoid.has(b)) continue;
        const list = categories === undefined ? all : all.filter(keep);
        if (list.length > 0) steps.push({ b, reach, list });
      }
      steps.sort((x, y) => x.reach - y.reach);
      stepsByActor.set(actor, steps);
    }
    return steps;
  };

  let routes: TrieRoute[] = [];
  let expansions = 0;
  let exhausted = false;
  const onRoute = new Set<string>([from]);
  const root: TrieNode = {
    parent: undefined, actor: from, hop: undefined, feasible: undefined, length: 0, weakTiv: Infinity, weakDeals: Infinity, lastActive: OPEN_END,
  };
  /** Routes of exactly `level` hops, or of any length up to maxHops when `level` is undefined. */
  const walk = (node: TrieNode, allowance: Allowance | undefined, level: number | undefined): void => {
    const left = (level ?? o.maxHops) - node.length;
    const steps = stepsOf(node.actor);
    for (let i = 0; i < steps.length; i += 1) {
      const step = steps[i]!;
      if (step.reach > left - 1) break;
      if (exhausted) return;
      const b = step.b;
      if (onRoute.has(b)) continue;
      if (level !== undefined && (b === to) !== (left === 1)) continue;
      let hop = step.hop;
      if (hop === undefined) {
        const e = cachedEvidence(node.actor, b, step.list, o.between, windowKey);
        hop = step.hop = e.deals >= o.minDeals && (e.tiv ?? 0) >= o.minTiv ? e : null;
      }
      if (hop === null) continue;
      const ok = allowance === undefined ? step.list : feasibleAfter(allowance, step.list, o);
      if (ok.length === 0) continue;
      if (++expansions > ROUTE_EXPANSION_BUDGET) {
        exhausted = true;
        return;
      }
      const tiv = hop.tiv ?? 0;
      const weaker = tiv < node.weakTiv || (tiv === node.weakTiv && hop.deals < node.weakDeals);
      const end = hop.lastDay;
      const child: TrieNode = {
        parent: node, actor: b, hop, feasible: ok, length: node.length + 1,
        weakTiv: weaker ? tiv : node.weakTiv, weakDeals: weaker ? hop.deals : node.weakDeals,
        lastActive: end < node.lastActive ? end : node.lastActive,
      };
      if (b === to) {
        if (via.length === 0 || via.every((v) => onRoute.has(v))) routes.push(new TrieRoute(child));
      } else {
        const next = any ? NO_BOUND : ok === step.list ? (step.allowance ??= allowanceOf(ok, o)) : allowanceOf(ok, o);
        onRoute.add(b);
        walk(child, next, level);
        onRoute.delete(b);
      }
    }
  };
  const shortest = avoid.has(from) ? undefined : distance.get(from);
  if (shortest === undefined) return { routes: [], complete: true, expansions: 0, hopsCovered: o.maxHops };
  walk(root, undefined, undefined);
  if (!exhausted) return { routes, complete: true, expansions, hopsCovered: o.maxHops };
  // Over budget: search again shortest first, so every route up to some length is known.
  routes = [];
  expansions = 0;
  exhausted = false;
  let hopsCovered = 0;
  for (let level = 1; level <= o.maxHops && !exhausted; level += 1) {
    if (level >= shortest) walk(root, undefined, level);
    if (!exhausted) hopsCovered = level;
  }
  return { routes, complete: false, expansions: ROUTE_EXPANSION_BUDGET, hopsCovered };
}

/** The first of a route's chains in transferPaths' order (arrival, then ids from the first hop): why it is feasible. */
export function routeWitness(route: FoundRoute, o: ResolvedRouteOptions): readonly RouteCandidate[] {
  return routeChains(route, o, 1).chains[0]!;
}

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
