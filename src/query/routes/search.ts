// Finding every route: a reverse breadth-first pass for distances, then a search tree sharing route prefixes.
import { InvalidArgumentError } from '../../domain/errors.js';
import { OPEN_END, type DayWindow } from '../../domain/time.js';
import { runToEnd, STEPS_PER_PAUSE, type Sliced } from '../slices.js';
import type { PathGraph } from '../paths.js';
import { hopEvidence } from './evidence.js';
import { hopFilterOf, hopIndexes, hopsIn, hopsOut, hopTo, windowKeyOf } from './hops.js';
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

/** Per actor, a recipient that can still reach `to`, with its candidate transfers and what the search reuses. */
interface Step {
  readonly b: string;
  readonly reach: number;
  readonly list: readonly RouteCandidate[];
  /** The figures ranking reads (TIV, unknown as 0; deals; last active day), or null when the hop fails the hop filters. */
  figures?: HopFigures | null;
  /** What the whole list allows next (computed on first use). */
  allowance?: Allowance;
}

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
  // Distances to `to` over the hops that pass the hop filters (with categories, over the hops that have one).
  const distance = new Map<string, number>([[to, 0]]);
  let frontier = [to];
  for (let d = 1; d <= o.maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const actor of frontier) {
      const table = hopsIn(graph, actor, o, windowKey);
      const { order, count } = hopIndexes(table, o);
      for (let k = 0; k < count; k += 1) {
        const i = order === undefined ? k : order[k]!;
        const s = table.ends[i]!;
        if (distance.has(s) || avoid.has(s) || s === actor) continue;
        if (categories === undefined ? !passes(table, i) : !table.lists[i]!.some(keep)) continue;
        distance.set(s, d);
        next.push(s);
      }
    }
    frontier = next;
  }
  const via = o.via;
  const any = o.order === 'ANY';

  // Per actor, the recipients that can still reach `to`, nearest first, so a step stops at the first too far.
  const stepsByActor = new Map<string, Step[]>();
  const stepsOf = (actor: string): Step[] => {
    let steps = stepsByActor.get(actor);
    if (!steps) {
      steps = [];
      const table = hopsOut(graph, actor, o, windowKey);
      const { order, count } = hopIndexes(table, o);
      for (let k = 0; k < count; k += 1) {
        const i = order === undefined ? k : order[k]!;
        const b = table.ends[i]!;
        const reach = distance.get(b);
        if (reach === undefined || avoid.has(b) || b === actor) continue;
        if (categories === undefined && !passes(table, i)) continue;
        const all = table.lists[i]!;
        if (categories === undefined) {
          steps.push({ b, reach, list: all, figures: { tiv: table.tiv[i]!, deals: all.length, lastDay: table.lastDay[i]! } });
        } else {
          const list = all.filter(keep);
          if (list.length > 0) steps.push({ b, reach, list });
        }
      }
      steps.sort((x, y) => x.reach - y.reach);
      stepsByActor.set(actor, steps);
    }
    return steps;
  };

  // An actor one hop before `to` needs only its hop to `to`: looked up, not found among all its hops.
  const lastSteps = new Map<string, readonly Step[]>();
  const lastStepOf = (actor: string): readonly Step[] => {
    let steps = lastSteps.get(actor);
    if (!steps) {
      const table = hopsOut(graph, actor, o, windowKey);
      const i = hopTo(table, to);
      steps = [];
      if (i !== undefined && actor !== to) {
        const all = table.lists[i]!;
        if (categories === undefined) {
          if (passes(table, i)) steps = [{ b: to, reach: 0, list: all, figures: { tiv: table.tiv[i]!, deals: all.length, lastDay: table.lastDay[i]! } }];
        } else {
          const list = all.filter(keep);
          if (list.length > 0) steps = [{ b: to, reach: 0, list }];
        }
      }
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
    readonly steps: readonly Step[];
    i: number;
  }
  /**
   * Routes of exactly `level` hops, or of any length up to maxHops when `level` is undefined: depth first, with
   * the route so far on a stack of frames (not the call stack, so the search can pause between any two steps).
   */
  function* walk(level: number | undefined): Sliced<void> {
    const frame = (node: TrieNode, allowance: Allowance | undefined): Frame => {
      const left = (level ?? o.maxHops) - node.length;
      return { node, allowance, left, steps: left === 1 ? lastStepOf(node.actor) : stepsOf(node.actor), i: 0 };
    };
    onRoute.clear();
    onRoute.add(from);
    const stack = [frame(root, undefined)];
    while (stack.length > 0) {
      if (++ticks % STEPS_PER_PAUSE === 0) yield;
      const f = stack[stack.length - 1]!;
      const step = f.steps[f.i];
      if (step === undefined || step.reach > f.left - 1) {
        stack.pop();
        onRoute.delete(f.node.actor);
        continue;
      }
      f.i += 1;
      const node = f.node;
      const b = step.b;
      if (onRoute.has(b)) continue;
      if (level !== undefined && (b === to) !== (f.left === 1)) continue;
      let hop = step.figures;
      if (hop === undefined) {
        // With categories: the hop's own figures, summed over its transfers of those categories.
        const e = cachedEvidence(node.actor, b, step.list, o.between, windowKey);
        const passed = e.deals >= o.minDeals && (e.tiv ?? 0) >= o.minTiv && (minLastDay === undefined || e.lastDay >= minLastDay);
        hop = step.figures = passed ? { tiv: e.tiv ?? 0, deals: e.deals, lastDay: e.lastDay } : null;
      }
      if (hop === null) continue;
      const ok = f.allowance === undefined ? step.list : feasibleAfter(f.allowance, step.list, o);
      if (ok.length === 0) continue;
      if (++expansions > ROUTE_EXPANSION_BUDGET) {
        exhausted = true;
        return;
      }
      const tiv = hop.tiv;
      const weaker = tiv < node.weakTiv || (tiv === node.weakTiv && hop.deals < node.weakDeals);
      const end = hop.lastDay;
      const child: TrieNode = {
        parent: node, actor: b, list: step.list, feasible: ok, length: node.length + 1,
        weakTiv: weaker ? tiv : node.weakTiv, weakDeals: weaker ? hop.deals : node.weakDeals,
        lastActive: end < node.lastActive ? end : node.lastActive,
      };
      if (b === to) {
        if (via.length === 0 || via.every((v) => onRoute.has(v))) routes.push(new TrieRoute(child, o.between, windowKey));
      } else {
        const next = any ? NO_BOUND : ok === step.list ? (step.allowance ??= allowanceOf(ok, o)) : allowanceOf(ok, o);
        onRoute.add(b);
        stack.push(frame(child, next));
      }
    }
  }
  const shortest = avoid.has(from) ? undefined : distance.get(from);
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
}

/** `searchRoutes` run to its end in one go. */
export function findRoutes(from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, limits: SearchLimits = {}): RouteSearch {
  return runToEnd(searchRoutes(from, to, o, graph, limits));
}
