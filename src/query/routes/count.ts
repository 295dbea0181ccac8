// Counting routes exactly without listing them: the order rule reduces to one day per route prefix and one per
// suffix, so routes of up to four hops are counted by meeting in the middle.
import type { PathGraph } from '../paths.js';
import { actorId, actorIdCount, endsHopsIn, endsHopsOut, hopFilterOf, hopsIn, hopsOut, secondHopsIn, secondHopsOutCount, windowKeyOf, type HopTable } from './hops.js';
import type { ResolvedRouteOptions, RouteCandidate } from './types.js';

/** Most hops `countRoutes` counts (two on each side of the middle actor). */
export const MAX_COUNTED_HOPS = 4;

/** Lower than any day (YYYYMMDD): no bound yet, a route's first hop may use any of its transfers. */
const NO_BOUND = 0;
/** Higher than any day: any bound will do (the order rule is ANY). */
const ANY_BOUND = 99_999_999;
/** No day: no transfer of the hop may follow, or no suffix. */
const NONE = -1;

/**
 * The order rule as days. Along a route, the transfers a hop may use are those whose `val` is at least the
 * previous hop's bound, and a hop's bound is the least `key` among the transfers it may use (`allowanceOf` and
 * `feasibleAfter`): TIME_RESPECTING reads key = earliest day, val = latest day; STRICT the other way round. So a
 * prefix of a route is summed up by one day (the bound it leaves), and a suffix by one day too: the latest bound
 * it still accepts. A route is feasible when its prefix's bound is at most what its suffix accepts.
 */
interface DayRule {
  /** The bound hop `i` of a table leaves after `bound` (NONE: no transfer of the hop may follow). */
  after(table: HopTable, i: number, bound: number): number;
  /**
   * The shortcut of `after`, for a table: a hop's bound after any `bound` up to `upTo[i]` is `then[i]` (every
   * transfer of the hop may follow), so the innermost loop reads two arrays and calls `after` only past them.
   */
  afterShortcut(table: HopTable): { readonly upTo: Int32Array; readonly then: Int32Array };
  /** The latest bound before hop `i` that still lets the rest of the route through, given what the rest accepts. */
  before(table: HopTable, i: number, accepts: number): number;
}

/**
 * The rule for an order. Each answer comes from the hop's least or greatest days when every transfer qualifies
 * (most hops), else from its transfers' days.
 */
function dayRule(order: ResolvedRouteOptions['order']): DayRule {
  if (order === 'ANY') {
    const always = { upTo: new Int32Array(0), then: new Int32Array(0) };
    return { after: () => NO_BOUND, afterShortcut: () => always, before: () => ANY_BOUND };
  }
  // key and val as offsets into a transfer's two days (0 earliest, 1 latest), and the shortcuts' arrays.
  const tr = order === 'TIME_RESPECTING';
  const [key, val] = tr ? [0, 1] : [1, 0];
  return {
    afterShortcut: (table) => (tr ? { upTo: table.minLatest, then: table.minEarliest } : { upTo: table.minEarliest, then: table.minLatest }),
    after(table, i, bound) {
      if (bound <= (tr ? table.minLatest : table.minEarliest)[i]!) return (tr ? table.minEarliest : table.minLatest)[i]!;
      const days = table.days;
      let out = NONE;
      for (let j = table.start[i]!; j < table.start[i + 1]!; j += 1) {
        if (days[2 * j + val]! >= bound && (out === NONE || days[2 * j + key]! < out)) out = days[2 * j + key]!;
      }
      return out;
    },
    before(table, i, accepts) {
      if (accepts >= (tr ? table.maxEarliest : table.maxLatest)[i]!) return (tr ? table.maxLatest : table.maxEarliest)[i]!;
      const days = table.days;
      let out = NONE;
      for (let j = table.start[i]!; j < table.start[i + 1]!; j += 1) {
        if (days[2 * j + key]! <= accepts && days[2 * j + val]! > out) out = days[2 * j + val]!;
      }
      return out;
    },
  };
}

/** How many suffixes of one middle actor accept `bound`: those from the first not below it (accepts ascending). */
function accepting(accepts: Int32Array, begin: number, end: number, bound: number): number {
  let lo = begin;
  let hi = end;
  while (lo < hi) {
    const at = (lo + hi) >>> 1;
    if (accepts[at]! < bound) lo = at + 1;
    else hi = at;
  }
  return end - lo;
}

// Scratch arrays, reused by every count (a count runs synchronously, start to end, so one set serves them all):
// a four-hop count between hubs at ×10 fills some 130,000 entries, which would otherwise be garbage each time.
const pool: Int32Array[] = [];
/** Slot `slot` of the scratch arrays, at least `size` long, as a view of exactly `size` (contents undefined). */
function scratch(slot: number, size: number): Int32Array {
  let buffer = pool[slot];
  if (buffer === undefined || buffer.length < size) pool[slot] = buffer = new Int32Array(Math.max(size, 2 * (buffer?.length ?? 0), 1_024));
  return buffer.subarray(0, size);
}

/** How many routes a question has, and the actor-to-actor steps counting them took. */
export interface RouteCount {
  readonly total: number;
  readonly steps: number;
}

/**
 * The exact number of routes `findRoutes` would find, without finding them: for at most `MAX_COUNTED_HOPS` hops,
 * without `via`, `viaBackfill` (a backfill link is not a date) or `categories` (which change a hop's figures per
 * question); undefined otherwise.
 *
 * Routes of one, two and three hops are counted from the two-hop prefixes out of `from`. Routes of four hops meet
 * in their middle actor m: each prefix `from → x → m` (with the bound it leaves) is joined with the suffixes
 * `m → y → to` that accept that bound (sorted per m, counted by a binary search), less the one with y = x, which
 * would pass x twice. The prefixes are read from `from`'s side, or from the hops into each middle actor that has a
 * suffix when those are fewer (`countFourBackward`); three hops likewise from the end with fewer hops. `meet` forces
 * a side (tests hold both equal). The work grows with the hops two steps from each end, not with the routes (which
 * grow with the fourth power of the degree). Actors are small integers and days numbers, so the work is array reads.
 */
export function countRoutes(
  from: string, to: string, o: ResolvedRouteOptions, graph: PathGraph<RouteCandidate>, meet: 'cheaper' | 'forward' | 'backward' = 'cheaper',
): RouteCount | undefined {
  if (o.via.length > 0 || o.viaBackfill || o.maxHops > MAX_COUNTED_HOPS || (o.categories !== undefined && o.categories.length > 0)) return undefined;
  if (o.avoid.includes(from) || o.avoid.includes(to)) return { total: 0, steps: 0 };
  const key = windowKeyOf(o.between);
  const rule = dayRule(o.order);
  const passes = hopFilterOf(o, {});
  const [fromId, toId] = [actorId(from), actorId(to)];
  const avoidIds = new Set(o.avoid.map(actorId));
  let steps = 0;
  let total = 0;

  // Every table the count reads, first: their ends are then every actor it meets, so arrays can be sized.
  const out = hopsOut(graph, from, o, key);
  const into = hopsIn(graph, to, o, key);
  // Three hops at most are counted from whichever end has fewer hops (see `countThreeBackward`); four from both.
  const backward = o.maxHops === 3 && (meet === 'cheaper' ? into.ends.length < out.ends.length : meet === 'backward');
  const middle = o.maxHops >= 3 && !backward ? endsHopsOut(out, graph, o, key) : [];
  const middleIn = o.maxHops >= 4 || backward ? endsHopsIn(into, graph, o, key) : [];
  // Four hops may meet from the middle: the hops into the middle actors, whose other ends may be new actors.
  const seconds = o.maxHops >= 4 && meet !== 'forward' ? secondHopsIn(into, graph, o, key) : undefined;
  const n = actorIdCount();
  /** Whether hop `i` of a table (from `a` to `b`, ids) may be used. */
  const usable = (table: HopTable, i: number, a: number, b: number) => a !== b && !avoidIds.has(b) && passes(table, i);
  // The innermost loop's form of `usable`: avoided actors as an array of flags, the hop filters skipped when none.
  const avoided = scratch(10, n).fill(0);
  for (const id of avoidIds) avoided[id] = 1;
  const filtered = o.minDeals > 1 || o.minTiv > 0;

  // One hop out of `from`: the bound each first hop leaves (by hop, and by actor). No route comes back to `from`.
  const firstBound = scratch(8, out.ends.length).fill(NONE);
  const firstAt = scratch(11, n).fill(NONE);
  for (let i = 0; i < out.ends.length; i += 1) {
    const x = out.endIds[i]!;
    steps += 1;
    if (!usable(out, i, fromId, x)) continue;
    if (x === toId) total += 1;
    else firstAt[x] = firstBound[i] = rule.after(out, i, NO_BOUND);
  }
  if (o.maxHops === 1) return { total, steps };

  // One hop into `to`: the latest bound each last hop accepts (NONE: no last hop from that actor).
  const last = scratch(9, n).fill(NONE);
  for (let i = 0; i < into.ends.length; i += 1) {
    const y = into.endIds[i]!;
    if (y === fromId || avoidIds.has(y)) continue;
    steps += 1;
    if (usable(into, i, y, toId)) last[y] = rule.before(into, i, ANY_BOUND);
  }
  for (let i = 0; i < out.ends.length; i += 1) {
    const accepts = last[out.endIds[i]!]!;
    if (firstBound[i] !== NONE && accepts !== NONE && firstBound[i]! <= accepts) total += 1;
  }
  if (o.maxHops === 2) return { total, steps };
  if (backward) return countThreeBackward(into, middleIn, last, firstAt, rule, passes, { total, steps, fromId, toId, filtered, any: o.order === 'ANY' });

  // Four hops: the suffixes m → y → to, each with the bound it accepts, kept in order of y (as read: y's run from
  // sufBegin[y] to sufEnd[y]), and grouped by m, sorted, for the binary search.
  const four = o.maxHops >= 4;
  const any = o.order === 'ANY';
  let entries = 0;
  if (four) for (let k = 0; k < into.ends.length; k += 1) entries += middleIn[k]!.ends.length;
  const sufM = scratch(0, entries);
  const sufAccepts = scratch(1, entries);
  const sufBegin = scratch(2, n).fill(0);
  const sufEnd = scratch(3, n).fill(0);
  const byStart = scratch(4, n + 1).fill(0);
  const byAccepts = scratch(5, entries);
  // Each suffix's y, in the order of `byAccepts` before its accepts are sorted, and those accepts (`countFourBackward`).
  const byY = scratch(12, entries);
  const byYAccepts = scratch(13, entries);
  const sufY = scratch(14, entries);
  let used = 0;
  if (four) {
    for (let k = 0; k < into.ends.length; k += 1) {
      const y = into.endIds[k]!;
      const accepts = last[y]!;
      if (accepts === NONE) continue;
      const table = middleIn[k]!;
      sufBegin[y] = used;
      for (let i = 0; i < table.ends.length; i += 1) {
        const mid = table.endIds[i]!;
        if (mid === fromId || mid === toId) continue;
        steps += 1;
        if (!usable(table, i, mid, y)) continue;
        const before = rule.before(table, i, accepts);
        if (before === NONE) continue;
        sufM[used] = mid;
        sufY[used] = y;
        sufAccepts[used] = before;
        used += 1;
      }
      sufEnd[y] = used;
    }
    // Counting sort by m, then each m's accepts in ascending order (under ANY every suffix accepts every bound).
    for (let i = 0; i < used; i += 1) byStart[sufM[i]! + 1]! += 1;
    for (let i = 0; i < n; i += 1) byStart[i + 1]! += byStart[i]!;
    const fill = scratch(6, n);
    fill.set(byStart.subarray(0, n));
    for (let i = 0; i < used; i += 1) {
      const at = fill[sufM[i]!]!++;
      byAccepts[at] = sufAccepts[i]!;
      byY[at] = sufY[i]!;
    }
    byYAccepts.set(byAccepts);
    if (!any) for (let i = 0; i < n; i += 1) if (byStart[i + 1]! - byStart[i]! > 1) byAccepts.subarray(byStart[i]!, byStart[i + 1]!).sort();
  }

  // Four hops from the middle when that reads fewer hops: the hops into each middle actor that has a suffix,
  // rather than every hop two steps out of `from` (from a hub at ×10, about 70,000 rather than 120,000).
  if (four && seconds !== undefined) {
    let backwardWork = 0;
    for (let m = 0; m < n; m += 1) if (byStart[m + 1]! > byStart[m]! && avoided[m] === 0) backwardWork += seconds[m]!.ends.length;
    if (meet === 'backward' || backwardWork < secondHopsOutCount(out, graph, o, key)) {
      const three = countThreeBackward(into, middleIn, last, firstAt, rule, passes, { total, steps, fromId, toId, filtered, any });
      return countFourBackward(seconds, avoided, { byStart, byAccepts, byY, byYAccepts }, firstAt, rule, passes, { ...three, n, filtered, any });
    }
  }

  // Two hops out of `from` (x, then m): three-hop routes end with m → to; four-hop routes go on with a suffix from
  // m that accepts the prefix's bound and does not come back through x.
  const back = scratch(7, n).fill(NONE);
  for (let k = 0; k < out.ends.length; k += 1) {
    const b1 = firstBound[k]!;
    if (b1 === NONE) continue;
    const x = out.endIds[k]!;
    // The suffixes m → x → to, by m: a prefix x → m cannot take them.
    const [ownBegin, ownEnd] = four ? [sufBegin[x]!, sufEnd[x]!] : [0, 0];
    for (let i = ownBegin; i < ownEnd; i += 1) back[sufM[i]!] = sufAccepts[i]!;
    const table = middle[k]!;
    const endIds = table.endIds;
    const { upTo, then } = rule.afterShortcut(table);
    const count = endIds.length;
    for (let i = 0; i < count; i += 1) {
      const mid = endIds[i]!;
      if (mid === toId || mid === fromId) continue;
      steps += 1;
      if (mid === x || avoided[mid] === 1) continue;
      // Nothing to count through mid (most middles) when it accepts less than the least bound the hop can leave.
      const end = byStart[mid + 1]!;
      const lo = byStart[mid]!;
      const accepts = last[mid]!;
      const most = lo < end && byAccepts[end - 1]! > accepts ? byAccepts[end - 1]! : accepts;
      if (most === NONE || (!any && then[i]! > most) || (filtered && !passes(table, i))) continue;
      const bound = any ? NO_BOUND : b1 <= upTo[i]! ? then[i]! : rule.after(table, i, b1);
      if (bound === NONE) continue;
      if (accepts !== NONE && bound <= accepts) total += 1;
      if (!four) continue;
      total += any ? end - lo : accepting(byAccepts, lo, end, bound);
      if (back[mid] !== NONE && bound <= back[mid]!) total -= 1;
    }
    for (let i = ownBegin; i < ownEnd; i += 1) back[sufM[i]!] = NONE;
  }
  return { total, steps };
}

/**
 * The three-hop routes `from → x → y → to` counted from the end: for each last hop's supplier y, the hops into y
 * from each x that a first hop reaches, each with the bound its first hop leaves. The same routes as the forward
 * loop of `countRoutes`, in the work of the hops two steps before `to` rather than two steps after `from` (a
 * supplier of a thousand actors into a recipient of a hundred: a hundredth of the steps).
 */
function countThreeBackward(
  into: HopTable, middleIn: readonly HopTable[], last: Int32Array, firstAt: Int32Array, rule: DayRule,
  passes: (table: HopTable, i: number) => boolean,
  so: { total: number; steps: number; readonly fromId: number; readonly toId: number; readonly filtered: boolean; readonly any: boolean },
): RouteCount {
  let { total, steps } = so;
  const { fromId, toId, filtered, any } = so;
  for (let k = 0; k < into.ends.length; k += 1) {
    const y = into.endIds[k]!;
    const accepts = last[y]!;
    if (accepts === NONE) continue;
    const table = middleIn[k]!;
    const endIds = table.endIds;
    const { upTo, then } = rule.afterShortcut(table);
    for (let i = 0; i < endIds.length; i += 1) {
      const x = endIds[i]!;
      if (x === toId || x === fromId) continue;
      steps += 1;
      // firstAt is NONE for an actor no first hop reaches (avoided ones included).
      const b1 = firstAt[x]!;
      if (b1 === NONE || x === y || (filtered && !passes(table, i))) continue;
      const bound = any ? NO_BOUND : b1 <= upTo[i]! ? then[i]! : rule.after(table, i, b1);
      if (bound !== NONE && bound <= accepts) total += 1;
    }
  }
  return { total, steps };
}

/**
 * The four-hop routes `from → x → m → y → to` counted from the middle: for each middle actor m with suffixes
 * `m → y → to` (grouped by m, their accepts sorted), the hops into m from each x that a first hop reaches, each
 * joined with the suffixes that accept the bound it leaves, less the one with y = x. The same routes as the forward
 * loop of `countRoutes`, in the work of the hops into the middles rather than of every hop two steps from `from`.
 */
function countFourBackward(
  middles: readonly (HopTable | undefined)[], avoided: Int32Array,
  suffixes: { readonly byStart: Int32Array; readonly byAccepts: Int32Array; readonly byY: Int32Array; readonly byYAccepts: Int32Array },
  firstAt: Int32Array, rule: DayRule, passes: (table: HopTable, i: number) => boolean,
  so: RouteCount & { readonly n: number; readonly filtered: boolean; readonly any: boolean },
): RouteCount {
  let { total, steps } = so;
  const { n, filtered, any } = so;
  const { byStart, byAccepts, byY, byYAccepts } = suffixes;
  // The bound each suffix from this m accepts, by its y (a prefix through x = y would pass y twice).
  const backAt = scratch(7, n).fill(NONE);
  for (let mid = 0; mid < n; mid += 1) {
    const begin = byStart[mid]!;
    const end = byStart[mid + 1]!;
    // Only middles with a suffix (every one of them has its table), and not avoided.
    if (begin === end || avoided[mid] === 1) continue;
    const table = middles[mid]!;
    const most = byAccepts[end - 1]!;
    for (let s = begin; s < end; s += 1) backAt[byY[s]!] = byYAccepts[s]!;
    const endIds = table.endIds;
    const { upTo, then } = rule.afterShortcut(table);
    for (let i = 0; i < endIds.length; i += 1) {
      const x = endIds[i]!;
      steps += 1;
      // firstAt is NONE for `from`, `to`, and every actor no first hop reaches (avoided ones included).
      const b1 = firstAt[x]!;
      if (b1 === NONE || x === mid || (!any && then[i]! > most) || (filtered && !passes(table, i))) continue;
      const bound = any ? NO_BOUND : b1 <= upTo[i]! ? then[i]! : rule.after(table, i, b1);
      if (bound === NONE) continue;
      total += any ? end - begin : accepting(byAccepts, begin, end, bound);
      if (backAt[x] !== NONE && bound <= backAt[x]!) total -= 1;
    }
    for (let s = begin; s < end; s += 1) backAt[byY[s]!] = NONE;
  }
  return { total, steps };
}
