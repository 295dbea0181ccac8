// Finding every route: a reverse breadth-first pass for distances, then a search tree sharing route prefixes.
import { InvalidArgumentError } from '../../domain/errors.js';
import { OPEN_END, type DayWindow } from '../../domain/time.js';
import { runToEnd, STEPS_PER_PAUSE, type Sliced } from '../slices.js';
import type { PathGraph } from '../paths.js';
import { hopEvidence } from './evidence.js';
import { actorId, actorIdCount, hopFilterOf, hopIndexes, hopsIn, hopsOut, hopTo, windowKeyOf, type HopTable } from './hops.js';
import { allowanceOf, feasibleAfter, NO_BOUND, type Allowance } from './order-rule.js';
import { ROUTE_EXPANSION_BUDGET, type FoundRoute, type HopEvidence, type ResolvedRouteOptions, type RouteCandidate, type RouteSearch } from './types.js';

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
export interface TrieNode {
  readonly parent: TrieNode | undefined;
  readonly actor: string;
  /** The hop's transfers (those of its categories): its evidence is summed from them when a route is read. */
  readonly list: readonly RouteCandidate[] | undefined;
  readonly feasible: readonly RouteCandidate[] | undefined;
  readonly length: number;
  /** The weakest hop so far: least TIV (unknown = 0), then fewest deals. */
  readonly weakTiv: number;
  readonly weakDeals: number;
  /** The earliest of the hops' last active days so far. */
  readonly lastActive: string;
}

/** A route found, read from its end node on demand: routes share their prefixes, so finding one copies nothing. */
export class TrieRoute implements FoundRoute {
  private ids?: string;
  private nodes?: TrieNode[];
  constructor(
    readonly end: TrieNode,
    private readonly window: DayWindow | undefined,
    private readonly windowKey: string,
  ) {}
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
    return this.path().slice(1).map((n) => cachedEvidence(n.parent!.actor, n.actor, n.list!, this.window, this.windowKey));
  }
  get feasible(): readonly (readonly RouteCandidate[])[] {
    return this.path().slice(1).map((n) => n.feasible!);
  }
  get score(): number {
    return this.end.weakTiv;
  }
}

/** What ranking reads of a hop while searching: its TIV (unknown as 0), deals and last active day. */
interface HopFigures {
  readonly tiv: number;
  readonly deals: number;
  readonly lastDay: string;
}

/**
 * An actor's steps: its hops to recipients that can still reach `to`, nearest first, as indexes into its hop table
 * (arrays, not an object per hop: a hub has thousands, and each search round lists them again).
 */
interface Steps {
  readonly table: HopTable;
  /** The hops' indexes in the table, nearest first (table order within a distance). */
  readonly hops: Int32Array;
  /** Each step's distance to `to`. */
  readonly reach: Uint8Array;
  /** With categories: each step's transfers of those categories (without them, the table's lists). */
  readonly lists: readonly (readonly RouteCandidate[])[] | undefined;
  /** With categories: each step's figures, summed on first use (null when the hop fails the hop filters). */
  readonly figures: (HopFigures | null | undefined)[];
  /** What each step's whole list allows next (computed on first use). */
  readonly allowances: (Allowance | undefined)[];
}

// Distance arrays of finished searches, for the next (a search holds its own while it runs: searches may pause).
const distancePool: Int32Array[] = [];
/** An array of distances for a search, at least one slot per actor id given so far, every slot -1. */
function takeDistances(): Int32Array {
  const held = distancePool.pop();
  return held !== undefined && held.length >= actorIdCount() ? held.fill(-1) : new Int32Array(actorIdCount() + 64).fill(-1);
}
function releaseDistances(distance: Int32Array): void {
  if (distancePool.length < 8) distancePool.push(distance);
}

// Scratch for listing steps (a listing runs synchronously, start to end, so one pair serves every search).
let scratchHops = new Int32Array(1_024);
let scratchReach = new Uint8Array(1_024);

/** Internal bounds of a search that looks only at the best routes (`page.ts`): hops last active before a day are left out. */
export interface SearchLimits {
  readonly minLastDay?: string;
}

/**
 * Finds every route from `from` to `to` of at most `maxHops` hops that has at least one chain of transfers
 * allowed by the order rule, with per-hop filters (`minDeals`, `minTiv`), `via` and `avoid`. A reverse
 * breadth-first pass prunes actors that cannot reach `to` in the hops left. When the expansion budget stops a
 * search, it is done again level by level (1 hop, then 2, …) so that the answer says up to which length every
 * route was found (`hopsCovered`). It pauses every `STEPS_PER_PAUSE` steps (`slices.ts`).
 */
export function* searchRoutes(
  from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, limits: SearchLimits = {},
): Sliced<RouteSearch> {
  if (from === to) throw new InvalidArgumentError('to: from and to must be different actors', { argument: 'to' });
  const avoid = new Set(o.avoid);
  const categories = o.categories && o.categories.length > 0 ? new Set(o.categories) : undefined;
  const keep = (t: RouteCandidate) => categories === undefined || categories.has(t.category);
  const windowKey = windowKeyOf(o.between);
  const minLastDay = limits.minLastDay;
  const passes = hopFilterOf(o, limits);
  // Hops read in TIV order (`hopIndexes`) have at least the least TIV asked: only the other filters are left.
  const passesBut = hopFilterOf({ ...o, minTiv: 0 }, limits);
  // Distances to `to` (by actor id, -1 for none) over the hops that pass the hop filters (with categories, over
  // the hops that have one), up to one hop less than the most: an actor that far is only of use as `from`, whose
  // distance its own hops give (the last level is the widest, often most of the graph between hubs).
  // Actor ids are given as hop tables are first made, so the array grows when a table made new ones (`fit`).
  let distance = takeDistances();
  const fit = () => {
    if (distance.length >= actorIdCount()) return;
    const grown = new Int32Array(2 * actorIdCount()).fill(-1);
    grown.set(distance);
    distance = grown;
  };
  const toId = actorId(to);
  fit();
  distance[toId] = 0;
  let frontier = [to];
  for (let d = 1; d < o.maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const actor of frontier) {
      const table = hopsIn(graph, actor, o, windowKey);
      fit();
      const { order, count } = hopIndexes(table, o);
      const pass = order === undefined ? passes : passesBut;
      for (let k = 0; k < count; k += 1) {
        const i = order === undefined ? k : order[k]!;
        const id = table.endIds[i]!;
        if (distance[id] !== -1) continue;
        const s = table.ends[i]!;
        if (avoid.has(s) || s === actor) continue;
        if (categories === undefined ? !pass(table, i) : !table.lists[i]!.some(keep)) continue;
        distance[id] = d;
        next.push(s);
      }
    }
    frontier = next;
  }
  const via = o.via;
  const any = o.order === 'ANY';

  // Per actor, the recipients that can still reach `to`, nearest first, so a step stops at the first too far.
  const stepsByActor = new Map<string, Steps>();
  const stepsOf = (actor: string): Steps => {
    let steps = stepsByActor.get(actor);
    if (!steps) {
      const table = hopsOut(graph, actor, o, windowKey);
      fit();
      const { order, count } = hopIndexes(table, o);
      const pass = order === undefined ? passes : passesBut;
      if (scratchHops.length < count) [scratchHops, scratchReach] = [new Int32Array(2 * count), new Uint8Array(2 * count)];
      const perReach = new Int32Array(o.maxHops + 2);
      const lists: (readonly RouteCandidate[])[] = [];
      let found = 0;
      for (let k = 0; k < count; k += 1) {
        const i = order === undefined ? k : order[k]!;
        const reach = distance[table.endIds[i]!]!;
        if (reach === -1) continue;
        const b = table.ends[i]!;
        if (avoid.has(b) || b === actor) continue;
        if (categories === undefined) {
          if (!pass(table, i)) continue;
        } else {
          const list = table.lists[i]!.filter(keep);
          if (list.length === 0) continue;
          lists[i] = list;
        }
        scratchHops[found] = i;
        scratchReach[found] = reach;
        perReach[reach + 1]! += 1;
        found += 1;
      }
      // Nearest first, table order kept within a distance (a counting sort by distance).
      for (let r = 1; r < perReach.length; r += 1) perReach[r]! += perReach[r - 1]!;
      const hops = new Int32Array(found);
      const reach = new Uint8Array(found);
      for (let k = 0; k < found; k += 1) {
        const at = perReach[scratchReach[k]!]!++;
        hops[at] = scratchHops[k]!;
        reach[at] = scratchReach[k]!;
      }
      steps = { table, hops, reach, lists: categories === undefined ? undefined : Array.from(hops, (i) => lists[i]!), figures: [], allowances: [] };
      stepsByActor.set(actor, steps);
    }
    return steps;
  };

  // An actor one hop before `to` needs only its hop to `to`: looked up, not found among all its hops.
  const lastSteps = new Map<string, Steps>();
  const lastStepOf = (actor: string): Steps => {
    let steps = lastSteps.get(actor);
    if (!steps) {
      const table = hopsOut(graph, actor, o, windowKey);
      const i = hopTo(table, to);
      let list: readonly RouteCandidate[] | undefined;
      if (i !== undefined && actor !== to) {
        if (categories === undefined) list = passes(table, i) ? table.lists[i]! : undefined;
        else list = table.lists[i]!.filter(keep);
      }
      const one = list !== undefined && list.length > 0;
      steps = {
        table, hops: Int32Array.of(...(one ? [i!] : [])), reach: new Uint8Array(one ? 1 : 0),
        lists: categories === undefined || !one ? undefined : [list!], figures: [], allowances: [],
      };
      lastSteps.set(actor, steps);
    }
    return steps;
  };

  let routes: TrieRoute[] = [];
  let expansions = 0;
  let exhausted = false;
  let ticks = 0;
  const onRoute = new Set<string>();
  const root: TrieNode = {
    parent: undefined, actor: from, list: undefined, feasible: undefined, length: 0, weakTiv: Infinity, weakDeals: Infinity, lastActive: OPEN_END,
  };
  /** An actor reached, what its hop allows next, its steps and how far through them the search is. */
  interface Frame {
    readonly node: TrieNode;
    readonly allowance: Allowance | undefined;
    readonly left: number;
    readonly steps: Steps;
    k: number;
  }
  /**
   * Routes of exactly `level` hops, or of any length up to maxHops when `level` is undefined: depth first, with
   * the route so far on a stack of frames (not the call stack, so the search can pause between any two steps).
   */
  function* walk(level: number | undefined): Sliced<void> {
    const frame = (node: TrieNode, allowance: Allowance | undefined): Frame => {
      const left = (level ?? o.maxHops) - node.length;
      return { node, allowance, left, steps: left === 1 ? lastStepOf(node.actor) : stepsOf(node.actor), k: 0 };
    };
    onRoute.clear();
    onRoute.add(from);
    const stack = [frame(root, undefined)];
    while (stack.length > 0) {
      if (++ticks % STEPS_PER_PAUSE === 0) yield;
      const f = stack[stack.length - 1]!;
      const steps = f.steps;
      const k = f.k;
      if (k >= steps.hops.length || steps.reach[k]! > f.left - 1) {
        stack.pop();
        onRoute.delete(f.node.actor);
        continue;
      }
      f.k = k + 1;
      const node = f.node;
      const table = steps.table;
      const i = steps.hops[k]!;
      const b = table.ends[i]!;
      if (onRoute.has(b)) continue;
      if (level !== undefined && (b === to) !== (f.left === 1)) continue;
      const list = steps.lists === undefined ? table.lists[i]! : steps.lists[k]!;
      let tiv: number;
      let deals: number;
      let end: string;
      if (categories === undefined) {
        tiv = table.tiv[i]!;
        deals = list.length;
        end = table.lastDay[i]!;
      } else {
        let hop = steps.figures[k];
        if (hop === undefined) {
          // With categories: the hop's own figures, summed over its transfers of those categories.
          const e = cachedEvidence(node.actor, b, list, o.between, windowKey);
          const passed = e.deals >= o.minDeals && (e.tiv ?? 0) >= o.minTiv && (minLastDay === undefined || e.lastDay >= minLastDay);
          hop = steps.figures[k] = passed ? { tiv: e.tiv ?? 0, deals: e.deals, lastDay: e.lastDay } : null;
        }
        if (hop === null) continue;
        ({ tiv, deals, lastDay: end } = hop);
      }
      const ok = f.allowance === undefined ? list : feasibleAfter(f.allowance, list, o);
      if (ok.length === 0) continue;
      if (++expansions > ROUTE_EXPANSION_BUDGET) {
        exhausted = true;
        return;
      }
      const weaker = tiv < node.weakTiv || (tiv === node.weakTiv && deals < node.weakDeals);
      const child: TrieNode = {
        parent: node, actor: b, list, feasible: ok, length: node.length + 1,
        weakTiv: weaker ? tiv : node.weakTiv, weakDeals: weaker ? deals : node.weakDeals,
        lastActive: end < node.lastActive ? end : node.lastActive,
      };
      if (b === to) {
        if (via.length === 0 || via.every((v) => onRoute.has(v))) routes.push(new TrieRoute(child, o.between, windowKey));
      } else {
        const next = any ? NO_BOUND : ok === list ? (steps.allowances[k] ??= allowanceOf(ok, o)) : allowanceOf(ok, o);
        onRoute.add(b);
        stack.push(frame(child, next));
      }
    }
  }
  // The distances go back to the pool however the search ends (answered, or abandoned while paused).
  try {
    const fromId = actorId(from);
    fit();
    let reachFrom = distance[fromId]!;
    if (reachFrom === -1 && !avoid.has(from)) {
      // Its nearest step: one hop more than the nearest actor it reaches (its steps are nearest first).
      const steps = stepsOf(from);
      if (steps.hops.length > 0) reachFrom = steps.reach[0]! + 1;
    }
    const shortest = avoid.has(from) || reachFrom === -1 ? undefined : reachFrom;
    if (shortest === undefined) return { routes: [], complete: true, expansions: 0, hopsCovered: o.maxHops };
    yield* walk(undefined);
    if (!exhausted) return { routes, complete: true, expansions, hopsCovered: o.maxHops };
    // Over budget: search again shortest first, so every route up to some length is known.
    routes = [];
    expansions = 0;
    exhausted = false;
    let hopsCovered = 0;
    for (let level = 1; level <= o.maxHops && !exhausted; level += 1) {
      if (level >= shortest) yield* walk(level);
      if (!exhausted) hopsCovered = level;
    }
    return { routes, complete: false, expansions: ROUTE_EXPANSION_BUDGET, hopsCovered };
  } finally {
    releaseDistances(distance);
  }
}

/** `searchRoutes` run to its end in one go. */
export function findRoutes(from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, limits: SearchLimits = {}): RouteSearch {
  return runToEnd(searchRoutes(from, to, o, graph, limits));
}
