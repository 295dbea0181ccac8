// Each actor's hops, out and in, with the figures the hop filters read: made once per adjacency list and window, so
// the searches and the count read arrays instead of grouping transfers and looking up evidence hop by hop.
import type { DayWindow } from '../../domain/time.js';
import type { PathGraph } from '../paths.js';
import { hopSums, yearsOf } from './evidence.js';
import type { ResolvedRouteOptions, RouteCandidate } from './types.js';

/** One actor's hops one way: to each recipient (out) or from each supplier (in), in first-seen order. */
export interface HopTable {
  /** The actor at the other end of each hop. */
  readonly ends: readonly string[];
  /** Each hop's transfers, in time order (the adjacency list's order). */
  readonly lists: readonly (readonly RouteCandidate[])[];
  /** Each hop's TIV delivered in the window, as `hopEvidence` gives it, unknown as 0. */
  readonly tiv: Float64Array;
  /** Each hop's last active day, as `hopEvidence` gives it. */
  readonly lastDay: readonly string[];
  /** The actor at the other end of each hop, as a small integer (`actorId`): the count indexes arrays with it. */
  readonly endIds: Int32Array;
  /** Each hop's transfers' days as numbers (`dayNumber`): hop i's earliest and latest days at 2j and 2j + 1 for j from start[i] to start[i + 1]. */
  readonly start: Int32Array;
  readonly days: Int32Array;
  /** The least and greatest earliest and latest days of each hop's transfers, as numbers (the count's shortcuts). */
  readonly minEarliest: Int32Array;
  readonly minLatest: Int32Array;
  readonly maxEarliest: Int32Array;
  readonly maxLatest: Int32Array;
}

/**
 * A day `YYYY-MM-DD` as the number YYYYMMDD: the same order as the strings (every day has a four-digit year,
 * 0001–9999, domain/time.ts), compared as numbers.
 */
export function dayNumber(day: string): number {
  return Number(day.slice(0, 4)) * 10_000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
}

// Actor ids as small integers, for the count's arrays: one table for the process, growing with the actors seen.
const actorIds = new Map<string, number>();
/** The number of actor ids given so far (arrays indexed by `actorId` need this many slots). */
export const actorIdCount = (): number => actorIds.size;
/** An actor's small integer id (the same for the life of the process). */
export function actorId(actor: string): number {
  let id = actorIds.get(actor);
  if (id === undefined) actorIds.set(actor, (id = actorIds.size));
  return id;
}

const tables = new WeakMap<readonly RouteCandidate[], Map<string, HopTable>>();

/**
 * The hops of an adjacency list grouped by the actor at the other end (`end` reads it from a transfer), with their
 * figures for `window`. A hop's transfers keep the list's time order, so a hop read from either end's list holds
 * the same transfers in the same order, and sums to the same figures.
 */
function tableOf(list: readonly RouteCandidate[], end: (t: RouteCandidate) => string, window: DayWindow | undefined, key: string): HopTable {
  let byWindow = tables.get(list);
  if (!byWindow) tables.set(list, (byWindow = new Map()));
  let table = byWindow.get(key);
  if (!table) {
    const at = new Map<string, RouteCandidate[]>();
    for (const t of list) {
      const e = end(t);
      const l = at.get(e);
      if (l) l.push(t);
      else at.set(e, [t]);
    }
    const ends = [...at.keys()];
    const lists = [...at.values()];
    const tiv = new Float64Array(lists.length);
    const lastDay: string[] = [];
    const n = lists.length;
    const [minEarliest, minLatest, maxEarliest, maxLatest] = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
    const start = new Int32Array(n + 1);
    const days = new Int32Array(2 * list.length);
    const years = yearsOf(window);
    let j = 0;
    lists.forEach((l, i) => {
      const e = hopSums(l, years);
      tiv[i] = e.tiv ?? 0;
      lastDay.push(e.lastDay);
      start[i] = j;
      let [minE, minL, maxE, maxL] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const t of l) {
        const [de, dl] = [dayNumber(t.date.earliest), dayNumber(t.date.latest)];
        days[2 * j] = de;
        days[2 * j + 1] = dl;
        j += 1;
        if (de < minE) minE = de;
        if (de > maxE) maxE = de;
        if (dl < minL) minL = dl;
        if (dl > maxL) maxL = dl;
      }
      minEarliest[i] = minE;
      minLatest[i] = minL;
      maxEarliest[i] = maxE;
      maxLatest[i] = maxL;
    });
    start[n] = j;
    const endIds = Int32Array.from(ends, actorId);
    byWindow.set(key, (table = { ends, lists, tiv, lastDay, endIds, start, days, minEarliest, minLatest, maxEarliest, maxLatest }));
  }
  return table;
}

/** The key of a window in the caches. */
export const windowKeyOf = (window: DayWindow | undefined): string => (window === undefined ? '' : `${window.from}/${window.to}`);

const recipientOf = (t: RouteCandidate) => t.recipient;
const supplierOf = (t: RouteCandidate) => t.supplier;

/** An actor's hops out, to each recipient. */
export function hopsOut(graph: PathGraph<RouteCandidate>, actor: string, o: ResolvedRouteOptions, key: string): HopTable {
  return tableOf(graph.outgoing(actor), recipientOf, o.between, key);
}

/** An actor's hops in, from each supplier. */
export function hopsIn(graph: PathGraph<RouteCandidate>, actor: string, o: ResolvedRouteOptions, key: string): HopTable {
  return tableOf(graph.incoming(actor), supplierOf, o.between, key);
}

const nextOut = new WeakMap<HopTable, readonly HopTable[]>();
const nextIn = new WeakMap<HopTable, readonly HopTable[]>();

/**
 * The hops out of each actor at the other end of `table`'s hops (out of `table`'s hops out, for a four-hop count),
 * kept with the table: a hub's table has thousands of ends, each a look-up in the graph and the table caches. A
 * table comes from one graph's list and window, so its ends' tables are those of the same graph and window.
 */
export function endsHopsOut(table: HopTable, graph: PathGraph<RouteCandidate>, o: ResolvedRouteOptions, key: string): readonly HopTable[] {
  let tables = nextOut.get(table);
  if (!tables) nextOut.set(table, (tables = table.ends.map((x) => hopsOut(graph, x, o, key))));
  return tables;
}

/** The hops into each actor at the other end of `table`'s hops, kept with the table (as `endsHopsOut`). */
export function endsHopsIn(table: HopTable, graph: PathGraph<RouteCandidate>, o: ResolvedRouteOptions, key: string): readonly HopTable[] {
  let tables = nextIn.get(table);
  if (!tables) nextIn.set(table, (tables = table.ends.map((y) => hopsIn(graph, y, o, key))));
  return tables;
}

const middlesIn = new WeakMap<HopTable, readonly (HopTable | undefined)[]>();

/**
 * The hops into each actor two hops before `table`'s actor (into the ends of the hops into its ends), by actor id
 * (`actorId`), kept with the table: a four-hop count from the middle reads a thousand of them per question.
 */
export function secondHopsIn(table: HopTable, graph: PathGraph<RouteCandidate>, o: ResolvedRouteOptions, key: string): readonly (HopTable | undefined)[] {
  let tables = middlesIn.get(table);
  if (!tables) {
    const byId: (HopTable | undefined)[] = [];
    for (const next of endsHopsIn(table, graph, o, key)) {
      for (const [i, m] of next.ends.entries()) byId[next.endIds[i]!] ??= hopsIn(graph, m, o, key);
    }
    middlesIn.set(table, (tables = byId));
  }
  return tables;
}

const forwardWork = new WeakMap<HopTable, number>();

/** How many hops there are two steps out of `table`'s actor (the hops of its ends' tables), kept with the table. */
export function secondHopsOutCount(table: HopTable, graph: PathGraph<RouteCandidate>, o: ResolvedRouteOptions, key: string): number {
  let count = forwardWork.get(table);
  if (count === undefined) {
    count = 0;
    for (const next of endsHopsOut(table, graph, o, key)) count += next.ends.length;
    forwardWork.set(table, count);
  }
  return count;
}

/**
 * Whether a hop of a table passes the question's hop filters (`minDeals`, `minTiv`, and a search's `minLastDay`),
 * read from the table's figures; for questions without `categories` (with them, a hop's figures are its
 * category's, summed per question).
 */
export function hopFilterOf(o: ResolvedRouteOptions, limits: { readonly minLastDay?: string }): (table: HopTable, i: number) => boolean {
  const { minDeals, minTiv } = o;
  const minLastDay = limits.minLastDay;
  if (minLastDay === undefined) {
    if (minDeals <= 1 && minTiv <= 0) return () => true;
    return (table, i) => table.lists[i]!.length >= minDeals && table.tiv[i]! >= minTiv;
  }
  return (table, i) => table.lists[i]!.length >= minDeals && table.tiv[i]! >= minTiv && table.lastDay[i]! >= minLastDay;
}

/** A table's hops by TIV, most first, and their TIVs in that order (read by the binary search). */
const tivOrders = new WeakMap<HopTable, { readonly order: Int32Array; readonly tiv: Float64Array }>();

/**
 * The hops of a table to look at for a question: all of them in table order, or, when the question asks for a
 * least TIV per hop (and has no categories, which change a hop's TIV), only those with at least that TIV, read
 * from the table's hops sorted by TIV (made once per table), so a search for strong routes skips the weak hops of
 * a hub without reading them.
 */
export function hopIndexes(table: HopTable, o: ResolvedRouteOptions): { readonly order: ArrayLike<number> | undefined; readonly count: number } {
  if (o.minTiv <= 0 || (o.categories !== undefined && o.categories.length > 0)) return { order: undefined, count: table.ends.length };
  let sorted = tivOrders.get(table);
  if (!sorted) {
    const order = Int32Array.from(table.ends.keys());
    const tiv = table.tiv;
    order.sort((a, b) => tiv[b]! - tiv[a]! || a - b);
    tivOrders.set(table, (sorted = { order, tiv: Float64Array.from(order, (i) => tiv[i]!) }));
  }
  const tiv = sorted.tiv;
  let lo = 0;
  let hi = tiv.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tiv[mid]! >= o.minTiv) lo = mid + 1;
    else hi = mid;
  }
  return { order: sorted.order, count: lo };
}

const endIndexes = new WeakMap<HopTable, Map<string, number>>();

/** The index of the hop to (or from) `end` in a table, or undefined: made once per table. */
export function hopTo(table: HopTable, end: string): number | undefined {
  let index = endIndexes.get(table);
  if (!index) endIndexes.set(table, (index = new Map(table.ends.map((e, i) => [e, i]))));
  return index.get(end);
}
